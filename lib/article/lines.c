/* lines: what a line is, by its shape: a sentence, a date, a URL, a
 * breadcrumb, a share or log-in prompt, a marker of a story list, a
 * caption.  The words some of them look for are here, beside them. */
#include <stdint.h>
#include <string.h>

#include "article/internal.h"
#include "date/date.h"

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec"
};

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun"
};

/* Words of share/print/log-in prompts, and words that neither make nor
 * break one ("Share this article", "Log in to your account"). */
static const char *const prompt_words[] = {
	"share", "shares", "print", "comment", "comments", "login", "log",
	"logout", "sign", "subscribe", "subscription", "newsletter",
	"advertisement", "advertising", "ad", "follow", "click", "icon", "email",
	"e-mail", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
	"reddit", "pinterest", "kakaotalk", "xing", "flipboard", "mastodon",
	"bluesky", "pin", "pinnen", "copy", "bookmark", "listen",
	"cookies", "cookie", "reply", "tweet", "save", "font", "size", "zoom",
	"menu", "search", "close", "register", "download", "app", "mail",
	"jump", "skip", "navigation", "gift", "continue", "continues", "reading",
	"scroll", "below", "enlarge",
	/* the same in the other languages news is read in */
	"springen", "verschenken", "weiterlesen", "offrir", "regalar", "regala",
	"saltar", "aller",
	"teilen", "drucken", "kommentar", "kommentare", "kommentieren",
	"anmelden", "abmelden", "registrieren", "abonnieren", "suche", "folgen",
	"folge", "schließen", "twittern", "werbung", "anzeige", "merken", "guardar",
	"enregistrer", "salva", "vergrößern", "anklicken", "klicken", "agrandir",
	"ampliar", "ingrandire", "vergroten",
	"compartir", "imprimir", "comentar", "comentarios", "suscríbete",
	"suscribirse", "buscar", "cerrar", "publicidad", "partager", "imprimer",
	"commentaires", "commenter", "rechercher", "fermer", "publicité",
	"condividi", "stampa", "commenti", "cerca", "delen", "reacties",
	"zoeken", "udostępnij", "drukuj", "komentarze", "szukaj", "reklama"
};
static const char *const filler_words[] = {
	"in", "up", "out", "this", "article", "story", "on", "to", "the", "a",
	"an", "via", "us", "our", "your", "page", "link", "now", "here", "or",
	"and", "with", "account", "accounts", "for", "of", "more", "text",
	"please", "main", "content",
	"inhalt", "hauptinhalt", "contenu", "principal", "contenido", "al", "au",
	"uns", "sie", "zum", "zur", "auf", "hier", "jetzt", "und", "oder",
	"den", "dem", "der", "die", "das", "ihr", "ihre", "artikel", "beitrag",
	"el", "la", "los", "las", "de", "del", "en", "y", "o", "para", "este",
	"le", "les", "des", "et", "ou", "pour", "sur", "cet", "il", "di", "e",
	"het", "een", "op", "ten", "i", "na", "ze"
};

/* The names of a site's sections and pages, in the languages news is
 * read in: a line of them is a menu (art_is_menu_line). */
static const char *const section_words[] = {
	"home", "start", "startseite", "inicio", "portada", "accueil", "contact",
	"kontakt", "contacto", "about", "impressum", "imprint", "datenschutz",
	"privacy", "news", "nachrichten", "noticias", "notizie", "nieuws",
	"sport", "sports", "deportes", "weather", "wetter", "more", "mehr",
	"blog", "blogs", "archive", "archiv", "archivo", "menu", "search",
	"suche", "service", "services", "shop", "events", "termine", "video",
	"videos", "podcast", "podcasts", "newsletter", "faq", "help", "hilfe",
	"jobs", "karriere", "careers", "team", "politik", "politics", "politica",
	"política", "wirtschaft", "business", "economy", "economia", "kultur",
	"culture", "cultura", "opinion", "opinión", "meinung", "lokales",
	"local", "region", "world", "welt", "mundo", "tech", "technik",
	"science", "wissen", "health", "gesundheit", "travel", "reisen", "food",
	"lifestyle", "entertainment", "galerie", "gallery", "fotos", "photos",
	"live", "tv", "radio", "audio", "aktuelles", "aktuell", "magazin",
	"magazine", "login", "themen", "topics", "panorama", "feuilleton",
	"digital", "auto", "leben", "links", "partner", "presse", "press",
	"media", "medien", "donate", "spenden", "issues", "agenda", "webcam",
	"environment", "umwelt", "environnement", "education", "bildung", "transport",
	"verkehr", "climate", "klima", "clima", "money", "finance", "finanzen", "society",
	"gesellschaft", "sociedad", "international", "national", "europe", "europa",
	"books", "music", "musik", "film", "games", "style", "crime"
};

/* Start of a list of other stories; only when the line is short. */
static const char *const markers[] = {
	"related", "read more", "read also", "also read", "see also",
	"more in", "more from", "more on", "more stories", "more news",
	"recommended", "most read", "most popular", "most viewed",
	"popular", "trending", "top stories", "latest news", "latest stories",
	"you may also like", "you might also like", "editor's picks",
	"other news", "further reading", "read next", "up next", "more to read",
	"filed under",
	/* the same in the other languages news is read in */
	"lesen sie auch", "lies auch", "auch interessant", "schon gelesen",
	"das könnte dich auch interessieren", "das könnte sie auch interessieren",
	"weitere artikel", "weitere beiträge", "siehe auch",
	"verwandte artikel", "ähnliche artikel", "meistgelesen",
	"lea también", "lee también", "lea más", "lee más", "ver también",
	"te puede interesar", "le puede interesar", "puedes ver",
	"temas relacionados", "notas relacionadas", "noticias relacionadas",
	"artículos relacionados", "lo más leído", "lo más leido", "lo mas leido", "lire aussi", "voir aussi",
	"sur le même sujet", "articles similaires", "leggi anche", "lees ook",
	"für sie ausgewählt", "more like this", "à lire aussi",
	"a lire aussi", "lire également", "à lire également", "leia também",
	"veja também", "también te puede interesar", "\303\200 lire aussi",
	"\303\200 lire également", "\303\204hnliche artikel",
	"czytaj też", "czytaj także", "zobacz też", "zobacz także"
};

/* A closing quote mark ends s[0..n). */
static int
closing_quote(const char *s, size_t n)
{
	unsigned char c = n ? (unsigned char)s[n - 1] : 0;

	return c == '"' || (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80
	    && (c == 0x9D || c == 0x99)) || (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && c == 0xBB);
}

/* A footnote's mark after the sentence: "[12]" after its end, or a
 * number of two digits at most after its closing quote ("...
 * nutzen.\u201d1"): the length of s[0..n) without it. */
static size_t
footnote_cut(const char *s, size_t n)
{
	size_t k = n;

	if (k >= 3 && s[k - 1] == ']') {
		for (k--; k > 0 && isdig((unsigned char)s[k - 1]); k--)
			;
		if (k < n - 1 && k >= 2 && n - 1 - k <= 3 && s[k - 1] == '[' && strchr(".!?", s[k - 2]))
			return k - 1;
		return n;
	}
	while (k > 0 && n - k < 2 && isdig((unsigned char)s[k - 1]))
		k--;
	if (k < n && k > 0 && !isdig((unsigned char)s[k - 1]) && closing_quote(s, k))
		return k;
	return n;
}

/* Ends a sentence: . ! ? or an ellipsis, maybe inside closing quotes,
 * maybe a footnote's mark after it. */
int
art_is_prose(const char *s, size_t n)
{
	n = footnote_cut(s, n);
	while (n > 0) {
		unsigned char c = s[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']')
			n--;
		else if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80
		    && (c == 0x9D || c == 0x99))	/* ” ’ */
			n -= 3;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && c == 0xBB)	/* » */
			n -= 2;
		else
			break;
	}
	if (n == 0)
		return 0;
	if (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?')
		return 1;
	return ends_with(s, n, "\xE2\x80\xA6");
}

int
art_wraps(const char *pr, size_t pn, const char *s, size_t n)
{
	if (pn == 0 || n == 0 || art_is_prose(pr, pn))
		return 0;
	/* no paragraph starts with a comma (", and then" after a link's
	 * URL broke the line) */
	if ((s[0] >= 'a' && s[0] <= 'z') || s[0] == ',' || s[0] == ';' || art_cut_line(pr, pn))
		return 1;
	/* "... a bank official told / Reuters." */
	return pn >= 30 && nwords(s, n, 3) <= 2 && art_is_prose(s, n);
}

int
art_cut_line(const char *s, size_t n)
{
	return n >= 40 && art_cut_end(s, n);
}

int
art_cut_end(const char *s, size_t n)
{
	size_t k;

	if (n == 0 || art_is_prose(s, n))
		return 0;
	if (strchr(",;-", s[n - 1]))
		return 1;
	for (k = n; k > 0 && s[k - 1] >= 'a' && s[k - 1] <= 'z'; k--)
		;
	return n - k >= 1 && n - k <= 3 && k > 0 && s[k - 1] == ' ';
}

int
art_is_url(const char *s, size_t n)
{
	return (n > 8 && eq_ci(s, 8, "https://")) || (n > 7 && eq_ci(s, 7, "http://"));
}

int
art_lone_url(const char *s, size_t n)
{
	unangle(&s, &n);
	return art_is_url(s, n) && !memchr(s, ' ', n);
}

/* A token of a line, words split at spaces and commas. */
static int
next_token(const char *s, size_t n, size_t *i, const char **t, size_t *tn)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == ','))
		(*i)++;
	if (*i >= n)
		return 0;
	*t = s + *i;
	while (*i < n && s[*i] != ' ' && s[*i] != ',')
		(*i)++;
	*tn = (size_t)(s + *i - *t);
	return 1;
}

int
art_is_month(const char *t, size_t n)
{
	if (n > 1 && t[n - 1] == '.')
		n--;
	return in_list(t, n, months, LEN(months));
}

int
art_is_weekday(const char *t, size_t n)
{
	if (n > 1 && t[n - 1] == '.')
		n--;
	return in_list(t, n, weekdays, LEN(weekdays));
}

/* 2025-08-28, 28.08.2025, 8/28/2025 (maybe with a time after a T): a
 * year of four digits first or last, the other parts one or two. */
static int
numeric_date(const char *t, size_t n)
{
	size_t k = 0, len[3], g;

	for (g = 0; g < 3; g++) {
		len[g] = 0;
		while (k < n && isdig((unsigned char)t[k]))
			k++, len[g]++;
		if (g < 2 && (k >= n || !strchr("-/.", t[k])))
			return 0;
		k += g < 2;
	}
	if (k < n && t[k] != 'T' && t[k] != ',')
		return 0;
	if (len[0] == 4)
		return len[1] >= 1 && len[1] <= 2 && len[2] >= 1 && len[2] <= 2;
	return len[0] >= 1 && len[0] <= 2 && len[1] >= 1 && len[1] <= 2 && len[2] == 4;
}

/* A line that is only a date ("August 28, 2025", "2025-08-28 10:00 KST",
 * "Wednesday, 3 Sept. 2025"): at most one token that is not date-like. */
int
art_is_date_line(const char *s, size_t n)
{
	size_t i = 0, tn, k, digits;
	const char *t;
	int year = 0, month = 0, other = 0;

	if (n == 0 || n > 60)
		return 0;
	if (!has_digit(s, n))	/* a year, or a numeric date */
		return 0;
	while (next_token(s, n, &i, &t, &tn)) {
		for (k = digits = 0; k < tn; k++)
			digits += isdig((unsigned char)t[k]) != 0;
		if (tn >= 4 && digits == 4 && isdig((unsigned char)t[0]) && (t[0] == '1' || t[0] == '2')
		    && (tn == 4 || !isdig((unsigned char)t[4])))
			year = 1;
		else if (digits >= 6 && numeric_date(t, tn))
			year = month = 1;
		else if (art_is_month(t, tn) || date_foreign_month(t, tn - (tn > 1 && t[tn - 1] == '.')))
			month = 1;
		else if (digits && digits + 3 >= tn)
			;	/* 28, 28th, 09:53 */
		else if (art_is_weekday(t, tn) || eq_ci(t, tn, "am") || eq_ci(t, tn, "pm")
		    || eq_ci(t, tn, "a.m.") || eq_ci(t, tn, "p.m.") || eq_ci(t, tn, "at")
		    || eq_ci(t, tn, "on") || eq_ci(t, tn, "|") || eq_ci(t, tn, "-")
		    || eq_ci(t, tn, "of"))
			;
		else if (tn <= 4 && t[0] >= 'A' && t[0] <= 'Z' && t[tn - 1] >= 'A' && t[tn - 1] <= 'Z')
			;	/* time zone */
		else if (++other > 1)
			return 0;
	}
	return year && month;
}

/* A link to the story before or after ("<- Older post", "Newer post
 * ->"): an arrow first or last. */
int
art_is_arrow_link(const char *s, size_t n)
{
	return (n >= 3 && (!memcmp(s, "\xE2\x86\x90", 3) || !memcmp(s + n - 3, "\xE2\x86\x92", 3)))
	    || (n >= 2 && (!memcmp(s, "<-", 2) || !memcmp(s + n - 2, "->", 2)));
}

/* "Home > National > Politics", "World | Asia | Korea", "Klima / News /
 * Berichte". */
int
art_is_breadcrumb(const char *s, size_t n)
{
	size_t i, parts = 1, words = 0, pipes = 0;

	if (n == 0 || n > 150 || art_is_prose(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '>' && i > 0 && s[i - 1] == ' ')
			parts++, words = 0;
		else if ((s[i] == '|' || s[i] == '/') && i > 0 && s[i - 1] == ' ' && i + 1 < n && s[i + 1] == ' ')
			parts++, pipes++, words = 0;
		/* » and › between words; one opening the line quotes
		 * (»Title«) */
		else if (i > 0 && s[i - 1] == ' ' && i + 1 < n && (unsigned char)s[i] == 0xC2
		    && (unsigned char)s[i + 1] == 0xBB)
			parts++, words = 0;
		else if (i > 0 && s[i - 1] == ' ' && i + 2 < n && !memcmp(s + i, "\xE2\x80\xBA", 3))
			parts++, words = 0;
		else if (s[i] == ' ' && i + 1 < n && s[i + 1] != '>' && s[i + 1] != '|' && s[i + 1] != '/')
			if (++words > 4)
				return 0;
	}
	return pipes ? parts >= 3 && pipes + 1 == parts : parts >= 2;
}

/* A list of lower-case words looked up by first letter: the prompt test
 * asks it of every word of every short line. */
struct wordset {
	const char *const *w;
	size_t n;
	unsigned char at[26][24], cnt[26];
	uint32_t second[26];	/* the second letters after each first one
				 * (bit 26: none, 27: another byte) */
	int ready;
};

/* The bit of a word's second byte in wordset.second. */
static unsigned
second_bit(const char *t, size_t n)
{
	unsigned c = n < 2 ? 26 : (unsigned)lower((unsigned char)t[1]) - 'a';

	return c < 26 || n < 2 ? c : 27;
}

static struct wordset prompts = { prompt_words, LEN(prompt_words), { { 0 } }, { 0 }, { 0 }, 0 };
static struct wordset fillers = { filler_words, LEN(filler_words), { { 0 } }, { 0 }, { 0 }, 0 };
static struct wordset sections = { section_words, LEN(section_words), { { 0 } }, { 0 }, { 0 }, 0 };

static int
in_set(struct wordset *ws, const char *t, size_t n)
{
	size_t i, c;

	if (!ws->ready) {
		for (i = 0; i < ws->n; i++) {
			c = (size_t)(ws->w[i][0] - 'a');
			if (c < 26 && ws->cnt[c] < sizeof ws->at[c]) {
				ws->at[c][ws->cnt[c]++] = (unsigned char)i;
				ws->second[c] |= 1u << second_bit(ws->w[i], strlen(ws->w[i]));
			}
		}
		ws->ready = 1;
	}
	if (n == 0 || (c = (size_t)(lower((unsigned char)t[0]) - 'a')) >= 26
	    || !(ws->second[c] >> second_bit(t, n) & 1))
		return 0;
	for (i = 0; i < ws->cnt[c]; i++)
		if (eq_ci(t, n, ws->w[ws->at[c][i]]))
			return 1;
	return 0;
}

/* A pager's buttons, prompts when alone on a line ("Next", "« Zurück");
 * in a heading they are words ("What's Next", "Next steps"). */
static const char *const pager_words[] = {
	"next", "previous", "prev", "weiter", "zurück", "siguiente", "anterior",
	"suivant", "précédent", "avanti", "indietro", "volgende", "vorige"
};

/* Words of a reading time ("4 min read", "Lesezeit: 3 Minuten"). */
static const char *const minute_words[] = {
	"min", "mins", "minute", "minutes", "minuten", "minutos", "minuti"
};

static const char *const reading_words[] = {
	"read", "reading", "lesezeit", "lesedauer", "ca", "lectura", "lecture",
	"leestijd", "czytania", "de", "of", "temps", "tiempo", "tempo", "di",
	"lettura"
};

/* A reading time: a number, a minute word and reading words only ("4
 * Min Read", "21 minutes", "Lesezeit: ca. 3 Minuten"), not a recipe's
 * "Prep 15 min". */
int
art_is_read_time(const char *s, size_t n)
{
	size_t i = 0, tn;
	const char *t;
	int num = 0, min = 0;

	if (n > 40 || !has_digit(s, n) || nwords(s, n, 6) > 5)
		return 0;
	while (next_token(s, n, &i, &t, &tn)) {
		while (tn && strchr(".:", t[tn - 1]))
			tn--;
		if (tn && isdig((unsigned char)t[0]))
			num = 1;
		else if (in_list(t, tn, minute_words, LEN(minute_words)))
			min = 1;
		else if (!in_list(t, tn, reading_words, LEN(reading_words)))
			return 0;
	}
	return num && min;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && isdig((unsigned char)s[i]); i++)
		;
	return n && i == n;
}

/* A time relative to now ("2 hours ago", "vor 3 Stunden", "hace 5
 * minutos", "il y a 2 jours"): a page's stamp that dates nothing once
 * copied. */
static const char *const time_units[] = {
	"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
	"hour", "hours", "hr", "hrs", "h", "day", "days", "week", "weeks",
	"month", "months", "year", "years", "sekunden", "minuten", "stunde",
	"stunden", "std", "tag", "tagen", "woche", "wochen", "monat", "monaten",
	"jahr", "jahren", "segundos", "minutos", "hora", "horas", "d\303\255a",
	"d\303\255as", "semana", "semanas", "mes", "meses", "a\303\261o",
	"a\303\261os", "secondes", "heure", "heures", "jour", "jours",
	"semaine", "semaines", "mois", "an", "ans"
};
/* The word that makes a time relative ("ago", "vor", "hace", "il y
 * a"), and the others such a stamp may hold ("Updated", "mis à jour"). */
static const char *const ago_marks[] = { "ago", "vor", "hace", "il" };
static const char *const stamp_words[] = {
	"y", "a", "updated", "published", "aktualisiert", "actualizado",
	"publicado", "mis", "jour", "\303\240"
};

static int
relative_time(const char *s, size_t n)
{
	size_t i = 0, tn;
	const char *t;
	int num = 0, unit = 0, ago = 0;

	if (n > 50 || !has_digit(s, n) || nwords(s, n, 8) > 7)
		return 0;
	while (next_token(s, n, &i, &t, &tn)) {
		while (tn && strchr(".:", t[tn - 1]))
			tn--;
		if (tn && all_digits(t, tn))
			num = 1;
		else if (in_list(t, tn, time_units, LEN(time_units)))
			unit = 1;
		else if (in_list(t, tn, ago_marks, LEN(ago_marks)))
			ago = 1;
		else if (!in_list(t, tn, stamp_words, LEN(stamp_words)))
			return 0;
	}
	return num && unit && ago;
}

/* Length of the arrow or mark s starts with: "<", "«", "›", "←", 0 if
 * none. */
static size_t
arrow_mark(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];

	if (n == 0)
		return 0;
	if (c < 0x80)
		return !isalnum_a(c);
	if (n >= 2 && c == 0xC2 && ((unsigned char)s[1] == 0xAB || (unsigned char)s[1] == 0xBB))
		return 2;
	if (n >= 3 && (!memcmp(s, "\xE2\x80\xB9", 3) || !memcmp(s, "\xE2\x80\xBA", 3)
	    || !memcmp(s, "\xE2\x86\x90", 3) || !memcmp(s, "\xE2\x86\x92", 3)))
		return 3;
	return 0;
}

/* Length of the arrow or mark s[0..n) ends with, 0 if none. */
static size_t
trail_mark(const char *s, size_t n)
{
	size_t k;

	for (k = 1; k <= 3 && k <= n; k++)
		if (arrow_mark(s + n - k, k) == k)
			return k;
	return 0;
}

/* s is a pager's button alone, arrows round it aside ("Next »"). */
static int
pager(const char *s, size_t n)
{
	size_t k;

	while ((k = arrow_mark(s, n)) > 0)
		s += k, n -= k;
	while ((k = trail_mark(s, n)) > 0)
		n -= k;
	return n > 0 && in_list(s, n, pager_words, LEN(pager_words));
}

/* Short, no sentence, and at least half of its words are about sharing,
 * printing, logging in... ("print dictionary print", "lock icon"); a
 * reading time; a pager's button alone. */
int
art_is_prompt(const char *s, size_t n)
{
	size_t i = 0, tn, hit = 0, count = 0;
	const char *t;

	if (n == 0 || n > 100 || nwords(s, n, 9) > 8)
		return 0;
	if (art_is_read_time(s, n) || relative_time(s, n) || pager(s, n))
		return 1;
	while (i < n) {
		while (i < n && !isalnum_a((unsigned char)s[i]))
			i++;
		t = s + i;
		while (i < n && (isalnum_a((unsigned char)s[i]) || s[i] == '-'))
			i++;
		if ((tn = (size_t)(s + i - t)) == 0)
			break;
		/* a clip's length ("Listen · 4:12 min") says nothing */
		if (in_set(&fillers, t, tn) || all_digits(t, tn) || in_list(t, tn, minute_words, LEN(minute_words)))
			continue;
		count++;
		if (in_set(&prompts, t, tn))
			hit++;
	}
	return hit > 0 && hit * 2 >= count;
}

int
art_is_menu_line(const char *s, size_t n)
{
	size_t i, tn, words = 0, hit = 0;
	const char *t;

	if (n > 120 || nwords(s, n, 4) < 4)
		return 0;
	for (i = 0; i < n; i++)
		if (strchr(".,:;!?()\"|/@#", s[i]))
			return 0;
	for (i = 0; next_token(s, n, &i, &t, &tn);) {
		if (tn == 1 && t[0] == '&')
			continue;
		if (!((t[0] >= 'A' && t[0] <= 'Z') || (unsigned char)t[0] >= 0xC3 || isdig((unsigned char)t[0])))
			return 0;
		words++;
		hit += in_set(&sections, t, tn);
	}
	return hit * 2 >= words;
}

int
art_is_section_name(const char *s, size_t n)
{
	size_t i = 0, tn, words = 0;
	const char *t;

	while (next_token(s, n, &i, &t, &tn)) {
		if (!in_set(&sections, t, tn) && !(tn == 1 && t[0] == '&'))
			return 0;
		words++;
	}
	return words > 0 && words <= 3;
}

/* The line under a wiki page's title that names the wiki ("From
 * Wikipedia, the free encyclopedia", "From Example Wiki", "Aus
 * Wikipedia, der freien Enzyklopädie", "Un article de Wikipédia, ..."):
 * the tagline MediaWiki prints, in the languages news is read in.  The
 * wiki's name ends the line or a comma follows it ("From Wikipedia
 * editor to minister" is a headline). */
static const char *const tagline_words[] = { "from", "aus", "de", "da", "uit", "van", "z" };

int
art_is_wiki_tagline(const char *s, size_t n)
{
	size_t i = 0, tn;
	const char *t;

	if (n > 80 || nwords(s, n, 9) > 8 || !has_ci(s, n, "wiki"))
		return 0;
	if (starts_word(s, n, "un article de"))
		i = strlen("un article de");
	else if (!next_token(s, n, &i, &t, &tn) || !in_list(t, tn, tagline_words, LEN(tagline_words)))
		return 0;
	while (next_token(s, n, &i, &t, &tn))
		if (has_ci(t, tn, "wiki"))
			return i == n || s[i] == ',';
	return 0;
}

/* A sentence asking to subscribe ("Sign up to our newsletter",
 * "Melden Sie sich für unseren Newsletter an"): short, no quotation
 * (a quote may speak of subscribing), a subscription word and the
 * publisher speaking or asking: "our", "we", "please", German "Sie"
 * inside the line.  "You" is no mark: news tells its readers what a
 * subscription costs. */
static const char *const subscribe_stems[] = {
	"subscrib", "newsletter", "abonnier", "abonnez", "suscrib", "suscr\303\255b", "iscriviti"
};
static const char *const publisher_words[] = {
	"our", "we", "we'll", "we're", "us", "please", "unser", "unsere", "unserem",
	"unseren", "unserer", "unseres", "bitte", "notre", "nos", "nuestro",
	"nuestra", "nuestros", "nuestras", "nostro", "nostra", "nostri", "nostre"
};

/* t[0..tn) is w, case and all. */
static int
same(const char *t, size_t tn, const char *w)
{
	return strlen(w) == tn && memcmp(t, w, tn) == 0;
}

size_t
art_quote_mark(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '"')
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && ((unsigned char)s[1] == 0xAB || (unsigned char)s[1] == 0xBB))
		return 2;
	if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80
	    && (unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9E)
		return 3;
	return 0;
}

/* A double quotation mark in s (" « » „ “ ”); a single one (‘ ’) is an
 * apostrophe as often ("we’ll"). */
static int
has_quote(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		if ((k = art_quote_mark(s + i, n - i)) && !(k == 3 && (unsigned char)s[i + 2] <= 0x9B))
			return 1;
	return 0;
}

/* A subscription word in s, in one pass: the stems start with four
 * pairs of letters ("su", "ne", "ab", "is"), and most lines hold none. */
static int
has_stem(const char *s, size_t n)
{
	size_t i, k, m;
	int c, d;

	for (i = 0; i + 1 < n; i++) {
		c = s[i] | 0x20, d = s[i + 1] | 0x20;
		if (!((c == 's' && d == 'u') || (c == 'n' && d == 'e') || (c == 'a' && d == 'b')
		    || (c == 'i' && d == 's')))
			continue;
		for (k = 0; k < LEN(subscribe_stems); k++)
			if (subscribe_stems[k][0] == c && n - i >= (m = strlen(subscribe_stems[k]))
			    && eq_ci(s + i, m, subscribe_stems[k]))
				return 1;
	}
	return 0;
}

/* The order to subscribe, as a line may open with it. */
static const char *const subscribe_orders[] = {
	"subscribe", "abonnieren", "abonnez-vous", "abonnez", "suscr\303\255bete", "iscriviti",
};

static int
subscribe_prompt(const char *s, size_t n)
{
	size_t i, tn;
	const char *t;

	if (n > 250 || !has_stem(s, n) || nwords(s, n, 26) > 25 || has_quote(s, n))
		return 0;
	for (i = 0; next_token(s, n, &i, &t, &tn);) {
		while (tn && strchr(".!?:;)", t[tn - 1]))
			tn--;
		if (in_list(t, tn, publisher_words, LEN(publisher_words)))
			return 1;
		/* the order first ("Subscribe now for unlimited access") */
		if (t == s && in_list(t, tn, subscribe_orders, LEN(subscribe_orders)))
			return 1;
		/* the formal "Sie", "Ihre": capitalised inside a sentence */
		if (t - s >= 2 && !memchr(".!?", t[-2], 3)
		    && (same(t, tn, "Sie") || same(t, tn, "Ihre") || same(t, tn, "Ihnen")))
			return 1;
	}
	return 0;
}

/* What a publisher asks its readers to do, as pairs of words: a verb
 * and what it is done with ("Follow us on Instagram", "Download our
 * app", "Get the briefing in your inbox", "Support our journalism",
 * "Email us your tips"), in the languages news is read in. */
static const char *const ask_verbs[][10] = {
	{ "follow", "join", "folgen", "folge", "folgt", "suivez", "s\303\255guenos", "sigue", "seguici" },
	{ "download", "get", "install", "herunterladen", "laden", "t\303\251l\303\251chargez", "descarga", "descargue", "scarica" },
	{ "sign", "subscribe", "get", "receive", "anmelden", "abonnieren", "inscrivez-vous", "abonnez-vous", "suscr\303\255bete", "iscriviti" },
	{ "support", "donate", "become", "join", "unterst\303\274tzen", "spenden", "soutenez", "apoya", "sostieni" },
	{ "email", "send", "submit", "write", "schreiben", "senden", "envoyez", "env\303\255a", "env\303\255anos" },
	{ "share", "teilen", "partagez", "comparte" },
};
/* The reader or the publisher addressed ("you", "our"): a prompt, not
 * an article's sentence about someone else. */
static const char *const ask_persons[] = {
	"you", "your", "our", "us", "we", "ihr", "ihre", "ihren", "dich", "dein", "deine", "uns",
	"unser", "unsere", "unseren", "unserem", "vous", "votre", "vos", "notre", "nos", "nous",
	"tu", "te", "nuestro", "nuestra", "nuestros", "nuestras",
};
/* A sentence with one of these reports what someone said or did. */
static const char *const report_words[] = {
	"said", "says", "told", "according", "sagte", "sagt", "sagten", "laut", "selon",
	"dit", "dijo", "dice", "seg\303\272n", "detto",
};

/* Token t[0..*tn) without the marks after it ("app.", "us:"). */
static void
unmark(const char *t, size_t *tn)
{
	while (*tn && (t[*tn - 1] == '.' || t[*tn - 1] == '!' || t[*tn - 1] == '?' || t[*tn - 1] == ':'
	    || t[*tn - 1] == ';' || t[*tn - 1] == ')'))
		(*tn)--;
}

/* The word t[0..tn), trailing marks off, is in list. */
static int
word_in(const char *t, size_t tn, const char *const *list, size_t len)
{
	unmark(t, &tn);
	for (; len && *list; list++, len--)
		if (eq_ci(t, tn, *list))
			return 1;
	return 0;
}

/* A line asking the reader to follow, download, sign up, support,
 * write in or share: short, no quotation, no report, a verb and its
 * object of one pair, said to "you" or by "us" (or the verb first or
 * last, as an order). */
/* What the verbs of ask_verbs are done with, a row of each pair one
 * after the other (ask_rows says where each starts); all at once, as a
 * word set, the first pass over a line, which most lines fail. */
static const char *const ask_objects[] = {
	"facebook", "twitter", "instagram", "tiktok", "youtube", "linkedin", "whatsapp", "telegram",
	"threads", "mastodon", "bluesky", "x",
	"app", "apps", "application", "aplicaci\303\263n",
	"newsletter", "newsletters", "inbox", "briefing", "alerts", "notifications", "posteingang",
	"bolet\303\255n", "abo",
	"journalism", "member", "membership", "subscriber", "donation", "journalismus", "abo",
	"journalisme", "periodismo", "giornalismo",
	"tip", "tips", "letter", "hinweise", "tipps", "leserbrief", "conseils",
	"friend", "friends", "freunden", "amis", "amigos",
};
static const unsigned char ask_rows[] = { 0, 12, 16, 25, 35, 42, 47 };
_Static_assert(sizeof ask_rows == LEN(ask_verbs) + 1, "a row of objects for each row of verbs");
static struct wordset ask_objects_set = { ask_objects, LEN(ask_objects), { { 0 } }, { 0 }, { 0 }, 0 };

static int
ask_prompt(const char *s, size_t n)
{
	size_t i, tn, g;
	const char *t;
	unsigned verbs = 0, objects = 0, verb, first = 1;
	int person = 0, order = 0, any = 0;

	if (n > 250)
		return 0;
	for (i = 0; !any && next_token(s, n, &i, &t, &tn);) {
		unmark(t, &tn);
		any = in_set(&ask_objects_set, t, tn);
	}
	if (!any || nwords(s, n, 31) > 30 || has_quote(s, n))
		return 0;
	for (i = 0, verb = 0; next_token(s, n, &i, &t, &tn); first = 0) {
		if (word_in(t, tn, report_words, LEN(report_words)))
			return 0;
		person |= word_in(t, tn, ask_persons, LEN(ask_persons));
		for (g = 0, verb = 0; g < LEN(ask_verbs); g++) {
			if (word_in(t, tn, ask_verbs[g], LEN(ask_verbs[g])))
				verbs |= 1u << g, verb = 1;
			if (word_in(t, tn, ask_objects + ask_rows[g], (size_t)(ask_rows[g + 1] - ask_rows[g])))
				objects |= 1u << g;
		}
		order |= verb && first;
	}
	/* the verb last is an order too ("Zum Newsletter anmelden"); one
	 * to follow a network, short or said to "you" ("Follow the river
	 * path the club posted on Facebook" is a headline) */
	if ((verbs & objects) == 1 && !person && nwords(s, n, 9) > 8)
		return 0;
	return (verbs & objects) && (person || order || verb);
}

/* What a cookie notice says beside "cookie", in the languages news is
 * read in; a recipe's cookies have none of it. */
static const char *const consent_words[] = {
	"website", "this site", "our site", "browser", "experience", "consent", "accept", "privacy",
	"webseite", "datenschutz", "einwillig", "zustimm", "akzeptier", "einverstanden",
	"sitio", "navegaci", "aceptar", "acepta", "privacidad", "site web", "navigation", "accepter",
	"confidentialit", "navigazione", "accett", "consenso", "strona", "zgod", "prywatno",
};

/* "cookie" in s, any case, found by its "k" (memchr is quick, has_ci
 * is not). */
static int
has_cookie(const char *s, size_t n)
{
	const char *k;
	int c;

	for (c = 0; c < 2; c++)
		for (k = s + 3; k < s + n && (k = memchr(k, c ? 'K' : 'k', (size_t)(s + n - k))) != NULL; k++)
			if (k + 3 <= s + n && eq_ci(k - 3, 6, "cookie"))
				return 1;
	return 0;
}

/* A cookie notice: "cookie" and a word of consent_words in a sentence
 * or two. */
static int
cookie_prompt(const char *s, size_t n)
{
	size_t i;

	if (n > 400 || n < 6 || !has_cookie(s, n) || nwords(s, n, 61) > 60)
		return 0;
	for (i = 0; i < LEN(consent_words); i++)
		if (has_ci(s, n, consent_words[i]))
			return 1;
	return 0;
}

/* A sentence asking to log in ("To comment, please log in to your
 * account."): short, a log-in phrase and an account or comment word;
 * or one asking to subscribe, follow, download... (ask_prompt), or a
 * cookie notice. */
int
art_is_login_prompt(const char *s, size_t n)
{
	if (subscribe_prompt(s, n) || ask_prompt(s, n) || cookie_prompt(s, n))
		return 1;
	/* "log" and "sign" have a "g": memchr finds none in most lines
	 * sooner than has_ci */
	if (n > 200 || (!memchr(s, 'g', n) && !memchr(s, 'G', n)) || nwords(s, n, 16) > 15
	    || (!has_ci(s, n, "log") && !has_ci(s, n, "sign")))
		return 0;
	if (!has_ci(s, n, "log in") && !has_ci(s, n, "sign in") && !has_ci(s, n, "sign up")
	    && !has_ci(s, n, "logged in") && !has_ci(s, n, "log into"))
		return 0;
	return has_ci(s, n, "account") || has_ci(s, n, "please") || has_ci(s, n, "comment")
	    || has_ci(s, n, "subscriber");
}

/* "Related Article", "More in Politics", "**Related article:** ...". */
int
art_is_marker(const char *s, size_t n)
{
	static unsigned char by_first[256][24], count[256];
	static int ready;
	size_t i, j, k, c;

	/* the first letters of the markers */
	if (n == 0 || !strchr("aAcCdDeEfFlLmMnNoOpPrRsStTuUvVwWyYzZ\xC3", s[0]) || !s[0])
		return 0;
	if ((nwords(s, n, 7) > 6
	    && (art_is_prose(s, n) || !memchr(s, ':', n < 40 ? n : 40))))
		return 0;
	/* the markers by their first byte, once */
	if (!ready) {
		for (i = 0; i < LEN(markers); i++) {
			c = (unsigned char)markers[i][0];
			if (count[c] < LEN(by_first[c]))
				by_first[c][count[c]++] = (unsigned char)i;
		}
		ready = 1;
	}
	c = (unsigned char)lower((unsigned char)s[0]);
	for (j = 0; j < count[c]; j++) {
		i = by_first[c][j];
		k = strlen(markers[i]);
		if (!starts_word(s, n, markers[i]))
			continue;
		if (memchr(s, ':', n < k + 12 ? n : k + 12))
			return 1;
		return nwords(s, n, 7) <= 6;
	}
	return 0;
}

/* Words that say a photo, in the languages news is read in. */
static const char *const photo_words[] = {
	"photo", "photos", "image", "picture", "foto", "fotos", "fot", "bild",
	"titelbild", "symbolbild", "credit", "credits", "kuva"
};

/* s starts with a photo word (maybe after "(") and a colon, dot or
 * space ("Foto: Jane Doe", "(Photo: AP)", "Fot. Jan Kowalski"). */
static int
photo_word(const char *s, size_t n)
{
	size_t k;

	while (n && (s[0] == '(' || s[0] == ' '))
		s++, n--;
	for (k = 0; k < n && isalnum_a((unsigned char)s[k]) && (unsigned char)s[k] < 0x80; k++)
		;
	return k > 2 && k + 1 < n && (s[k] == ':' || s[k] == '.')
	    && in_list(s, k, photo_words, LEN(photo_words));
}

int
art_photo_credit(const char *s, size_t n)
{
	size_t i, open;
	const char *c;

	if (n == 0 || n > 200)
		return 0;
	for (c = s; (c = memchr(c, 0xC2, (size_t)(s + n - c))) && c + 1 < s + n; c++)
		if ((unsigned char)c[1] == 0xA9)		/* © */
			return nwords(s, n, 21) <= 20;
	/* "Foto: ..." at the start, or after "(" or "|" */
	if (photo_word(s, n))
		return nwords(s, n, 21) <= 20;
	for (c = s; (c = memchr(c, '(', (size_t)(s + n - c))); c++)
		if (photo_word(c, (size_t)(s + n - c)))
			return nwords(s, n, 21) <= 20;
	for (c = s; (c = memchr(c, '|', (size_t)(s + n - c))); c++)
		if (photo_word(c + 1, (size_t)(s + n - c - 1)))
			return nwords(s, n, 21) <= 20;
	/* "... on the quay. Foto: Jane Doe": after the caption's sentence,
	 * a few words */
	for (c = s; (c = memchr(c, '.', (size_t)(s + n - c))) && c + 2 < s + n; c++)
		if (c[1] == ' ' && photo_word(c + 2, (size_t)(s + n - c - 2))
		    && nwords(c + 2, (size_t)(s + n - c - 2), 7) <= 6)
			return nwords(s, n, 21) <= 20;
	/* "... (Alex Wong/Getty Images)": a credit in brackets at the end */
	if (s[n - 1] != ')')
		return 0;
	for (open = n - 1; open > 0 && s[open] != '('; open--)
		;
	for (i = open + 1; i + 1 < n - 1; i++)
		if (s[i] == '/' && s[i - 1] != ' ' && s[i + 1] != ' ')
			return s[open] == '(' && n - open < 60 && nwords(s, n, 21) <= 20;
	return 0;
}

/* A caption: ends in a bracketed photo credit "... [YONHAP]", ends in a
 * link to a bare host name, says it is a photo, or credits one. */
int
art_is_caption(const char *s, size_t n, unsigned flags)
{
	size_t i, letters = 0;

	if (flags & LF_CREDITLINK)
		return 1;
	if (n <= 160 && art_photo_credit(s, n))
		return 1;
	if (n > 3 && s[n - 1] == ']') {
		for (i = n - 1; i > 0 && n - i < 48; i--) {
			unsigned char c = s[i - 1];

			if (c == '[')	/* "[END]" ends a wire story */
				return i > 1 && letters >= 2 && !(n - i == 4 && !memcmp(s + i, "END", 3));
			if (c >= 'A' && c <= 'Z')
				letters++;
			else if (!(c == ' ' || c == '/' || c == '-' || c == '.' || c == '&'
			    || c == '=' || isdig(c)))
				break;
		}
	}
	if (n == 0 || !strchr("pPiIcCfF([", s[0]))
		return 0;
	return starts_word(s, n, "photo") || starts_word(s, n, "image")
	    || starts_word(s, n, "picture") || starts_word(s, n, "caption")
	    || starts_word(s, n, "(photo") || starts_word(s, n, "[photo")
	    || starts_word(s, n, "photograph") || starts_word(s, n, "file photo");
}

/* A caption's label alone ("Image caption,", "Caption:"): two words at
 * most, a comma or colon last. */
int
art_caption_label(const char *s, size_t n)
{
	return n > 1 && n <= 30 && (s[n - 1] == ',' || s[n - 1] == ':') && nwords(s, n, 3) <= 2
	    && art_is_caption(s, n - 1, 0);
}
