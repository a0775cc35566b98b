#!/usr/bin/env bash
# split-header on saved web pages beside the parse-only floor, xmllint
# --html --noout, on the same pages in the same run: MB/s of HTML on one
# core (user + system CPU time of each tool over all the pages) and
# split-header's peak memory, over the pages and on one large page.
#
# The pages are made from the benchmark's articles (BENCH_CORPUS), each
# in a page shaped as news sites shape theirs: a head with metadata,
# JSON-LD and a large inline script and style, a menu, the article's
# paragraphs, related links, comments and a footer.  BENCH_HTML_MB sets
# their total size (default a quarter of BENCH_MB).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

command -v xmllint >/dev/null || { echo "html: xmllint not found: scripts/need-packages bench"; exit 0; }
mb=${BENCH_HTML_MB:-$(( ${BENCH_MB:-100} / 4 ))}
[ "$mb" -ge 1 ] || mb=1
pages=bench/out/html-pages-${mb}mb
big=bench/out/html-big.html

make_pages() {
	rm -rf "$pages"
	mkdir -p "$pages"
	find "$BENCH_CORPUS" -name '*.txt' | sort | awk -v out="$pages" -v limit=$((mb * 1000000)) '
	function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
	BEGIN {
		script = "window.dataLayer = window.dataLayer || [];"
		for (i = 0; i < 9; i++) script = script script
		style = ".nav a{color:#333;padding:4px 8px}.article p{line-height:1.6;margin:0 0 1em}"
		for (i = 0; i < 6; i++) style = style style
		menu = ""
		for (i = 1; i <= 40; i++) menu = menu "<li><a href=\"/section/" i "\">Section " i "</a></li>"
	}
	{
		file = $0; n = 0; title = ""; body = ""
		while ((getline line < file) > 0) {
			if (line == "") continue
			body = body "<p>" esc(line) "</p>\n"
			if (title == "") {	# a headline of its first words
				k = split(line, w, " ")
				for (j = 1; j <= k && j <= 8; j++) title = title (j > 1 ? " " : "") w[j]
				title = esc(title)
			}
			n++
		}
		close(file)
		page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" title " | Example News</title>\n" \
		    "<meta property=\"og:title\" content=\"" title "\"><meta property=\"og:site_name\" content=\"Example News\">\n" \
		    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"" title "\",\"datePublished\":\"2025-09-02T10:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Roe\"}}</script>\n" \
		    "<style>" style "</style><script>" script "</script></head>\n" \
		    "<body><header class=\"site-header\"><nav class=\"nav\"><ul>" menu "</ul></nav></header>\n" \
		    "<main><article class=\"article\"><h1>" title "</h1><p class=\"byline\">By Jane Roe</p>\n" body \
		    "<div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div></article>\n" \
		    "<aside class=\"related\"><h2>Related</h2><ul>" menu "</ul></aside>\n" \
		    "<section class=\"comments\"><h2>Comments</h2><ol><li class=\"comment\"><p>Thank you for this article, it was very interesting to read and I shared it with my friends.</p></li></ol></section>\n" \
		    "</main><footer class=\"site-footer\"><p>Copyright 2025 Example News. All rights reserved.</p></footer>" \
		    "<script>" script "</script></body></html>\n"
		printf "%s", page > (out "/" sprintf("%06d", NR) ".html")
		close(out "/" sprintf("%06d", NR) ".html")
		total += length(page)
		if (total >= limit) exit
	}'
	echo "$mb" >"$pages/.made"
}

[ "$(cat "$pages/.made" 2>/dev/null)" = "$mb" ] || make_pages
bytes=$(find "$pages" -name '*.html' -print0 | xargs -0 cat | wc -c)
count=$(find "$pages" -name '*.html' | wc -l)
[ "$count" -gt 0 ] || { echo "html: no pages made in $pages"; exit 1; }

# cpu CMD...: "user+system seconds peak-KiB" of the command.
cpu() {
	/usr/bin/time -f '%U %S %M' -o bench/out/html-time "$@" >/dev/null 2>&1
	awk '{ printf "%.3f %d\n", $1 + $2, $3 }' bench/out/html-time
}

read -r t_sh rss_sh < <(cpu "$BIN/split-header" "$pages")
read -r t_x rss_x < <(cpu sh -c 'find "$1" -name "*.html" -print0 | xargs -0 xmllint --html --noout' sh "$pages")

# One large page: the first page's head, then the pages' paragraphs
# over and over to 50 MB.
if [ "$(cat "$big" 2>/dev/null | wc -c)" -lt 50000000 ]; then
	first=$(find "$pages" -name '*.html' | sort | head -n 1)
	find "$pages" -name '*.html' -print0 | xargs -0 grep -h '^<p>' >bench/out/html-paras
	awk -v limit=50000000 'NR == FNR { if (/<h1>/) { print; exit } print; next }' "$first" >"$big"
	awk -v limit=50000000 '{ p[NR] = $0 } END { while (n < limit) for (i = 1; i <= NR && n < limit; i++) { print p[i]; n += length(p[i]) + 1 } }' \
	    bench/out/html-paras >>"$big"
	echo '</article></main></body></html>' >>"$big"
	rm -f bench/out/html-paras
fi
big_bytes=$(wc -c <"$big")
read -r t_big rss_big < <(cpu "$BIN/split-header" "$big")

awk -v b="$bytes" -v n="$count" -v ts="$t_sh" -v tx="$t_x" -v rs="$rss_sh" -v rx="$rss_x" \
    -v bb="$big_bytes" -v tb="$t_big" -v rb="$rss_big" 'BEGIN {
	ms = ts > 0 ? b / 1e6 / ts : 0; mx = tx > 0 ? b / 1e6 / tx : 0
	printf "split-header on web pages: %.1f MB in %d pages, %.2f s CPU: %.1f MB/s; xmllint --html --noout (the parse-only floor) %.2f s: %.1f MB/s; split-header at %.2f times the floor speed; peak RSS %.1f MB (xmllint %.1f MB)\n", \
	    b / 1e6, n, ts, ms, tx, mx, (mx > 0 ? ms / mx : 0), rs / 1024, rx / 1024
	printf "split-header on one %.1f MB page: %.2f s CPU, peak RSS %.1f MB: %.1f times the page\n", \
	    bb / 1e6, tb, rb / 1024, rb * 1024 / bb
}'
