/* tables: the words the engine knows by name (header keys, news
 * agencies, news sites by host) and the lookups over them.  Everything
 * else is recognised by the shape of a line. */
#include <string.h>

#include "article/internal.h"
#include "mem.h"

/* Header keys, lower case; "key: value" lines and YAML front matter. */
static const struct {
	const char *key;
	enum field f;
} keys[] = {
	{ "title", F_TITLE }, { "headline", F_TITLE },
	{ "titel", F_TITLE }, { "titre", F_TITLE }, { "t\xC3\xADtulo", F_TITLE },
	{ "titulo", F_TITLE }, { "titolo", F_TITLE }, { "tytu\xC5\x82", F_TITLE },
	{ "subtitle", F_SUBTITLE }, { "deck", F_SUBTITLE },
	{ "subheadline", F_SUBTITLE }, { "subhead", F_SUBTITLE },
	{ "date", F_DATE }, { "dateline", F_DATE },
	{ "datum", F_DATE }, { "fecha", F_DATE },
	{ "published", F_PUBLISHED }, { "published at", F_PUBLISHED },
	{ "published on", F_PUBLISHED }, { "publication date", F_PUBLISHED },
	{ "posted", F_PUBLISHED }, { "posted on", F_PUBLISHED },
	{ "first published", F_PUBLISHED }, { "pubdate", F_PUBLISHED },
	{ "updated", F_UPDATED }, { "last updated", F_UPDATED },
	{ "modified", F_UPDATED },
	{ "author", F_BYLINE }, { "authors", F_BYLINE }, { "byline", F_BYLINE },
	{ "by", F_BYLINE }, { "writer", F_BYLINE },
	/* the author in the other languages news is read in */
	{ "autor", F_BYLINE }, { "autorin", F_BYLINE }, { "autoren", F_BYLINE },
	{ "autora", F_BYLINE }, { "autore", F_BYLINE }, { "auteur", F_BYLINE },
	{ "auteurs", F_BYLINE }, { "autorzy", F_BYLINE },
	/* a byline only before names ("Text: Jane Doe"; fields.c) */
	{ "text", F_BYLINE }, { "texte", F_BYLINE }, { "texto", F_BYLINE },
	{ "testo", F_BYLINE }, { "words", F_BYLINE }, { "interview", F_BYLINE },
	{ "text & fotos", F_BYLINE }, { "text und fotos", F_BYLINE }, { "text/fotos", F_BYLINE },
	{ "text & bilder", F_BYLINE }, { "text und bilder", F_BYLINE }, { "text & photos", F_BYLINE },
	{ "text and photos", F_BYLINE }, { "words & pictures", F_BYLINE },
	{ "words and pictures", F_BYLINE }, { "texte et photos", F_BYLINE }, { "texto y fotos", F_BYLINE },
	{ "url", F_URL }, { "link", F_URL }, { "original url", F_URL },
	{ "source url", F_URL }, { "canonical", F_URL }, { "permalink", F_URL },
	{ "source", F_SOURCE },
	{ "outlet", F_OUTLET }, { "publication", F_OUTLET },
	{ "publisher", F_OUTLET }, { "site", F_OUTLET }, { "newspaper", F_OUTLET },
	{ "agency", F_AGENCY }, { "credit", F_AGENCY }, { "wire", F_AGENCY },
	{ "tags", F_TAGS }, { "keywords", F_TAGS }, { "topics", F_TAGS },
	{ "categories", F_TAGS }
};

/* Wire services and news agencies: variants, then the name we write. */
static const struct {
	const char *name, *canon;
} agencies[] = {
	{ "TASS", "TASS" }, { "ITAR-TASS", "TASS" },
	{ "Yonhap", "Yonhap" }, { "Yonhap News Agency", "Yonhap" },
	{ "Yonhap News", "Yonhap" },
	{ "AFP", "AFP" }, { "Agence France-Presse", "AFP" },
	{ "Agence France Presse", "AFP" },
	{ "Reuters", "Reuters" }, { "Thomson Reuters", "Reuters" },
	{ "Reuter", "Reuters" },
	{ "AP", "AP" }, { "Associated Press", "AP" },
	{ "The Associated Press", "AP" },
	{ "Xinhua", "Xinhua" }, { "Xinhua News Agency", "Xinhua" },
	{ "Kyodo", "Kyodo" }, { "Kyodo News", "Kyodo" },
	{ "Jiji", "Jiji Press" }, { "Jiji Press", "Jiji Press" },
	{ "KCNA", "KCNA" }, { "Korean Central News Agency", "KCNA" },
	{ "UPI", "UPI" }, { "United Press International", "UPI" },
	{ "dpa", "dpa" }, { "Deutsche Presse-Agentur", "dpa" },
	{ "ANSA", "ANSA" }, { "EFE", "EFE" },
	{ "Interfax", "Interfax" }, { "RIA Novosti", "RIA Novosti" },
	{ "RIA", "RIA Novosti" }, { "Sputnik", "Sputnik" },
	{ "Bloomberg", "Bloomberg" }, { "PTI", "PTI" },
	{ "Press Trust of India", "PTI" }, { "ANI", "ANI" }, { "IANS", "IANS" },
	{ "Anadolu", "Anadolu" }, { "Anadolu Agency", "Anadolu" },
	{ "Bernama", "Bernama" }, { "Antara", "Antara" },
	{ "AAP", "AAP" }, { "Australian Associated Press", "AAP" },
	{ "Canadian Press", "The Canadian Press" },
	{ "The Canadian Press", "The Canadian Press" },
	{ "Europa Press", "Europa Press" }, { "Belga", "Belga" },
	{ "APA", "APA" }, { "PAP", "PAP" }, { "CTK", "CTK" },
	{ "Ukrinform", "Ukrinform" }, { "IRNA", "IRNA" }, { "WAFA", "WAFA" },
	{ "MENA", "MENA" }, { "SPA", "SPA" }, { "WAM", "WAM" },
	{ "Vietnam News Agency", "VNA" }, { "VNA", "VNA" },
	{ "Prensa Latina", "Prensa Latina" }, { "NTB", "NTB" }
};

/* Common news sites: host (or a parent domain of it) and the name. */
static const struct {
	const char *host, *name;
} outlets[] = {
	{ "reuters.com", "Reuters" }, { "apnews.com", "AP News" },
	{ "ap.org", "AP" }, { "afp.com", "AFP" },
	{ "bbc.co.uk", "BBC" }, { "bbc.com", "BBC" },
	{ "nytimes.com", "The New York Times" },
	{ "washingtonpost.com", "The Washington Post" },
	{ "wsj.com", "The Wall Street Journal" },
	{ "theguardian.com", "The Guardian" }, { "ft.com", "Financial Times" },
	{ "economist.com", "The Economist" }, { "bloomberg.com", "Bloomberg" },
	{ "cnn.com", "CNN" }, { "nbcnews.com", "NBC News" },
	{ "cbsnews.com", "CBS News" }, { "abcnews.go.com", "ABC News" },
	{ "foxnews.com", "Fox News" }, { "npr.org", "NPR" },
	{ "usatoday.com", "USA Today" }, { "latimes.com", "Los Angeles Times" },
	{ "politico.com", "Politico" }, { "politico.eu", "Politico Europe" },
	{ "axios.com", "Axios" }, { "time.com", "Time" },
	{ "newsweek.com", "Newsweek" }, { "theatlantic.com", "The Atlantic" },
	{ "independent.co.uk", "The Independent" },
	{ "telegraph.co.uk", "The Telegraph" }, { "thetimes.co.uk", "The Times" },
	{ "aljazeera.com", "Al Jazeera" }, { "france24.com", "France 24" },
	{ "dw.com", "DW" }, { "euronews.com", "Euronews" },
	{ "lemonde.fr", "Le Monde" }, { "spiegel.de", "Der Spiegel" },
	{ "voanews.com", "Voice of America" },
	{ "rferl.org", "Radio Free Europe/Radio Liberty" },
	{ "themoscowtimes.com", "The Moscow Times" }, { "tass.com", "TASS" },
	{ "tass.ru", "TASS" }, { "ria.ru", "RIA Novosti" },
	{ "interfax.com", "Interfax" }, { "interfax.ru", "Interfax" },
	{ "meduza.io", "Meduza" }, { "kommersant.ru", "Kommersant" },
	{ "rt.com", "RT" }, { "kyivindependent.com", "The Kyiv Independent" },
	{ "yna.co.kr", "Yonhap News Agency" },
	{ "koreaherald.com", "The Korea Herald" },
	{ "koreatimes.co.kr", "The Korea Times" },
	{ "koreajoongangdaily.joins.com", "Korea JoongAng Daily" },
	{ "nknews.org", "NK News" }, { "japantimes.co.jp", "The Japan Times" },
	{ "asia.nikkei.com", "Nikkei Asia" }, { "nikkei.com", "Nikkei" },
	{ "kyodonews.net", "Kyodo News" }, { "scmp.com", "South China Morning Post" },
	{ "xinhuanet.com", "Xinhua" }, { "news.cn", "Xinhua" },
	{ "globaltimes.cn", "Global Times" }, { "chinadaily.com.cn", "China Daily" },
	{ "thehindu.com", "The Hindu" }, { "hindustantimes.com", "Hindustan Times" },
	{ "timesofindia.indiatimes.com", "The Times of India" },
	{ "abc.net.au", "ABC News (Australia)" }, { "cbc.ca", "CBC News" }
};

enum field
art_key_field(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return F_NONE;
	for (i = 0; i < LEN(keys); i++)
		if (lower((unsigned char)s[0]) == keys[i].key[0] && eq_ci(s, n, keys[i].key))
			return keys[i].f;
	return F_NONE;
}

const char *
article_agency(const char *s, size_t n)
{
	/* The names by their first letter: the table is asked of many
	 * short lines, most of which name no agency. */
	static unsigned char idx[26][16], cnt[26];
	static int ready;
	size_t i, c;

	if (!ready) {
		for (i = 0; i < LEN(agencies); i++) {
			c = (size_t)(lower((unsigned char)agencies[i].name[0]) - 'a');
			if (c < 26 && cnt[c] < sizeof idx[c])
				idx[c][cnt[c]++] = (unsigned char)i;
		}
		ready = 1;
	}
	trim(&s, &n);
	if (n < 2 || n > 40)
		return NULL;
	c = (size_t)(lower((unsigned char)s[0]) - 'a');
	if (c >= 26)
		return NULL;
	for (i = 0; i < cnt[c]; i++)
		if (eq_ci(s, n, agencies[idx[c][i]].name))
			return agencies[idx[c][i]].canon;
	return NULL;
}

char *
article_outlet_for_url(const char *url)
{
	const char *h, *e;
	size_t n, i, k;

	if (!(h = strstr(url, "://")))
		return NULL;
	h += 3;
	e = h + strcspn(h, "/?#");
	for (i = 0; h + i < e; i++)
		if (h[i] == '@')
			h += i + 1, i = 0;
	n = strcspn(h, ":/?#");
	if (h + n > e)
		n = (size_t)(e - h);
	if (n > 4 && eq_ci(h, 4, "www."))
		h += 4, n -= 4;
	while (n && h[n - 1] == '.')
		n--;
	if (n == 0)
		return NULL;
	for (i = 0; i < LEN(outlets); i++) {
		k = strlen(outlets[i].host);
		if (n >= k && eq_ci(h + n - k, k, outlets[i].host)
		    && (n == k || h[n - k - 1] == '.'))
			return estrdup(outlets[i].name);
	}
	{
		char *r = estrndup(h, n);

		for (i = 0; i < n; i++)
			r[i] = (char)lower((unsigned char)r[i]);
		return r;
	}
}
