#!/usr/bin/env bats
# split-header on saved web pages (lib/html/, docs/split-header.md "Web
# pages"): detection, metadata by its order of trust, the article body.
# Every page here is a small one written for these tests.

load helper

FX="$FIXTURES/split-header/html"
# The metadata of a page's record, and the new fields.
META='[.title, .outlet, .byline, .authors, .url, .language, .date_raw, .date_modified_raw, .tags]'

meta() {
	split-header "$1" | jq -c "$META"
}

body() {
	split-header "$1" | jq -c .body
}

# page NAME CONTENT: write a page into the test's directory, print its path.
page() {
	printf '%s' "$2" >"$BATS_TEST_TMPDIR/$1"
	echo "$BATS_TEST_TMPDIR/$1"
}

@test "JSON-LD only: headline, dates, authors (not their URLs), publisher, page, language, keywords" {
	run meta "$FX/jsonld.html"
	assert_output '["Council approves new cycle lanes","The Northern Ledger","Hannah Brook and Tariq Malik",["Hannah Brook","Tariq Malik"],"https://ledger.example/news/cycle-lanes","en-GB","2024-05-14T08:30:00+01:00","2024-05-14T12:05:00+01:00",["transport","cycling","council"]]'
	run body "$FX/jsonld.html"
	assert_output '"The city council voted on Tuesday to build four new cycle lanes across the centre, after a year of consultation with residents and shop owners.\n\nWork on the first lane, along the river road, is due to start in September and should take about three months, the transport committee said."'
}

@test "OpenGraph and meta only: og:title, article:published_time, author, og:site_name, og:url, article:tag" {
	run meta "$FX/opengraph.html"
	assert_output '["Neue Brücke über den Kanal eröffnet","Stadtbote","Jana Körber",["Jana Körber"],"https://stadtbote.example/lokales/bruecke","de","2023-09-02T10:15:00+02:00","2023-09-03T09:00:00+02:00",["Verkehr","Brücken"]]'
	run body "$FX/opengraph.html"
	assert_output '"Nach zwei Jahren Bauzeit ist die neue Fußgängerbrücke über den Kanal am Samstag für den Verkehr freigegeben worden, teilte die Stadt mit.\n\nDie Brücke verbindet das Wohngebiet im Norden mit dem Bahnhof und verkürzt den Weg für viele Pendler um fast zehn Minuten."'
}

@test "JSON-LD and OpenGraph disagree: JSON-LD is trusted first" {
	run meta "$FX/disagree.html"
	assert_output '["Ferry timetable to change in April","Harbour Times","Priya Natarajan",["Priya Natarajan"],null,null,"2022-02-28T18:45:00Z",null,[]]'
}

@test "no metadata: the title from <h1>, else from <title> without the site's name" {
	run meta "$FX/none.html"
	assert_output '["Library extends opening hours",null,null,[],null,null,null,null,[]]'
	f=$(page t.html '<html><head><title>Bakery wins bread prize | Town News</title></head><body><p>A family bakery won the national bread prize on Friday for its rye loaf, the jury said, praising its crust and its long rise.</p></body></html>')
	run split-header "$f"
	assert_success
	run bash -c "split-header '$f' | jq -c '[.title, .body]'"
	assert_output '["Bakery wins bread prize","A family bakery won the national bread prize on Friday for its rye loaf, the jury said, praising its crust and its long rise."]'
}

@test "titles: a no-break space before the site's name goes with it; a kicker over the <h1> goes; a headline set as two headings is one" {
	f=$(page nbsp.html "$(printf '<html><head><meta property="og:site_name" content="Bay Courier"><title>Ferry returns to the island\xc2\xa0- Bay Courier</title></head><body><p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said.</p></body></html>')")
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"Ferry returns to the island"'
	f=$(page kicker.html '<html><head><meta property="og:title" content="Ferry returns to the island"></head><body><article><h1><span>Transport</span> : Ferry returns to the island</h1><p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said.</p></article></body></html>')
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"Ferry returns to the island"'
	f=$(page two.html '<html><head><meta property="og:title" content="Island ferry back"></head><body><article><h1>Ferry &#8211;</h1>
<h1>back to the island after winter</h1><p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said.</p></article></body></html>')
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"Ferry – back to the island after winter"'
}

@test "titles: a marked headline (hAtom entry-title, itemprop=headline) after a tagline <h1>; many <h1> before the article are none; else the container's opening heading" {
	para='<p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said on Friday.</p><p>Tickets cost the same as last year, and the first boat leaves the harbour at seven in the morning, the operator added.</p>'
	f=$(page hatom.html "<html><head><title>News | Bay Courier</title></head><body><h1>Small town, big harbour, all the news</h1><div class=\"hentry\"><h2 class=\"entry-title\">Ferry sails again</h2><div class=\"entry-content\">$para</div></div></body></html>")
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"Ferry sails again"'
	f=$(page schema.html "<html><head><title>News | Bay Courier</title></head><body><h1>Small town, big harbour, all the news</h1><div><h2><span itemprop=\"headline\">Ferry sails again</span></h2></div><div class=\"story\">$para</div></body></html>")
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"Ferry sails again"'
	f=$(page many.html "<html><head><title>Bay pictures</title></head><body><h1>Pictures of the bay</h1><h1>Bilder der Bucht</h1><h1>Photos de la baie</h1><div class=\"story\">$para</div></body></html>")
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"Bay pictures"'
	f=$(page lead.html "<html><head><title>Harbour/Ferry - Town Wiki</title></head><body><div class=\"content\"><h2>The island ferry</h2>$para</div></body></html>")
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"The island ferry"'
	f=$(page leadog.html "<html><head><meta property=\"og:title\" content=\"Ferry sails again\"></head><body><div class=\"content\"><h2>Timetable</h2>$para</div></body></html>")
	run bash -c "split-header '$f' | jq -c .title"
	assert_output '"Ferry sails again"'
}

@test "dates: a <meta name=date> that does not say of what yields to itemprop=datePublished and to a shown <time>; a date set over the headline; a HowTo's datePublished" {
	para='<p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said on Friday.</p><p>Tickets cost the same as last year, and the first boat leaves the harbour at seven in the morning, the operator added.</p>'
	f=$(page item.html "<html><head><meta name=\"date\" content=\"2024-03-09T10:00:00+01:00\"></head><body><article><h1>Ferry sails again</h1><time itemprop=\"datePublished\" datetime=\"2024-03-02\">2 March 2024</time>$para</article></body></html>")
	run bash -c "split-header '$f' | jq -c .date_raw"
	assert_output '"2024-03-02"'
	f=$(page time.html "<html><head><meta name=\"DC.date\" content=\"2024-03-09\"></head><body><article><h1>Ferry sails again</h1><p class=\"info\"><time datetime=\"2024-03-04T08:00:00+01:00\">4 March 2024</time></p>$para</article></body></html>")
	run bash -c "split-header '$f' | jq -c .date_raw"
	assert_output '"2024-03-04T08:00:00+01:00"'
	f=$(page loose.html "<html><head><meta name=\"date\" content=\"2024-03-09\"></head><body><article><h1>Ferry sails again</h1>$para</article></body></html>")
	run bash -c "split-header '$f' | jq -c .date_raw"
	assert_output '"2024-03-09"'
	f=$(page over.html "<html><body><div><h3>05.03.2024</h3><h1>Ferry sails again</h1></div><div class=\"text\">$para</div></body></html>")
	run bash -c "split-header '$f' | jq -c .date_raw"
	assert_output '"05.03.2024"'
	f=$(page howto.html '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"HowTo","name":"How to tie a bowline","datePublished":"2024-03-06T09:00:00Z"}</script></head><body><article><h1>How to tie a bowline</h1><p>Make a small loop in the standing part of the rope, pass the end up through it, round the back and down again, then pull it tight.</p></article></body></html>')
	run bash -c "split-header '$f' | jq -c '[.title, .date_raw]'"
	assert_output '["How to tie a bowline","2024-03-06T09:00:00Z"]'
}

@test "a page's text is no markdown: a star in a word stays, list items stay one per line" {
	f=$(page star.html '<html><body><article><h1>Counselling for all</h1><p>Für Pflegekräfte* und Angehörige gibt es in der Stadt seit Montag eine eigene Beratungsstelle, teilte die Verwaltung am Freitag mit.</p><ul><li>Montag: 9 bis 12 Uhr</li><li>Donnerstag: 14 bis 18 Uhr</li></ul></article></body></html>')
	run bash -c "split-header '$f' | jq -c .body"
	assert_output '"Für Pflegekräfte* und Angehörige gibt es in der Stadt seit Montag eine eigene Beratungsstelle, teilte die Verwaltung am Freitag mit.\n\nMontag: 9 bis 12 Uhr\nDonnerstag: 14 bis 18 Uhr"'
	run bash -c "split-header '$f' | split-header --ndjson | jq -c .body"
	assert_output '"Für Pflegekräfte* und Angehörige gibt es in der Stadt seit Montag eine eigene Beratungsstelle, teilte die Verwaltung am Freitag mit.\n\nMontag: 9 bis 12 Uhr\nDonnerstag: 14 bis 18 Uhr"'
}

@test "dates: the metadata's publication date yields to its update when the page shows only that, and to its local time when the page shows the same instant in its own zone" {
	run bash -c "cd '$FX' && split-header shown-updated.html shown-both.html shown-other.html shown-local.html | jq -r '[.id, .date_raw, .date_modified_raw] | @tsv'"
	assert_output - <<'EOF'
shown-updated	2023-09-04T16:20:00Z	2023-09-04T16:20:00Z
shown-both	2023-08-29T09:00:00Z	2023-09-04T16:20:00Z
shown-other	2023-08-29T09:00:00Z	2023-09-04T16:20:00Z
shown-local	2024-03-04T21:10-05:00	
EOF
	# checking the metadata, a date inside a date element's longer text
	# counts; as the page's only date it does not
	run bash -c "cd '$FX' && split-header shown-inside.html | jq -r .date_raw"
	assert_output 2024-03-05T14:05:00+01:00
	# the date line over the text leaves the body, as a second split
	# (--ndjson) would take it
	run bash -c "cd '$FX' && split-header shown-inside.html | jq -r '.body[:22]'"
	assert_output "Die Fähre zur Insel fä"
	f=$(page list.html '<html><body><article><h1>Ferry sails again</h1><p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said on Friday.</p><p class="dateblock">Replies: 6 Last reply: 18.10.2023, 23:08</p></article></body></html>')
	run bash -c "split-header '$f' | jq -r .date_raw"
	assert_output null
	run bash -c "cd '$FX' && split-header shown-local.html | normalize-date | jq -r .date"
	assert_output 2024-03-04T21:10-05:00
}

@test "dates: the nearest text before the headline, when it is a short date line: a share bar of icons between them, or a day and month over the headline's <header>" {
	run bash -c "cd '$FX' && split-header over-nearest.html over-parent.html | normalize-date | jq -r '[.id, .date_raw, .date] | @tsv'"
	assert_output - <<'EOF'
over-nearest	05.03.2024 - Redaktion: Paul Stein	2024-03-05
over-parent	12 Feb 2024	2024-02-12
EOF
}

@test "a byline that runs on into its date as plain text ends where the date starts, with a short word joining them" {
	para='<p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said on Friday.</p><p>Tickets cost the same as last year, and the first boat leaves the harbour at seven in the morning, the operator added.</p>'
	f=$(page von.html "<html lang=\"de\"><body><article><h1>Fähre fährt wieder</h1><div class=\"author\">von Jana Körber<br>am 05.03.2024</div>$para</article></body></html>")
	g=$(page by.html "<html><body><article><h1>Ferry sails again</h1><p class=\"byline\">By Tom Ash and Mia Ross<br>on 3 March 2024, 10:15</p>$para</article></body></html>")
	run bash -c "split-header '$f' '$g' | jq -c .authors"
	assert_output - <<'EOF'
["Jana Körber"]
["Tom Ash","Mia Ross"]
EOF
}

@test "dates: a byline's own date, its author's name glued to a number" {
	para='<p>Die Fähre zur Insel fährt ab Montag wieder, nachdem ihr Motor und ihr Anleger den ganzen Winter über repariert worden sind, teilte der Betreiber mit.</p><p>Die Fahrkarten kosten so viel wie im vergangenen Jahr, und das erste Boot verlässt den Hafen morgens um sieben Uhr, fügte der Betreiber hinzu.</p>'
	f=$(page user.html "<html lang=\"de\"><body><div class=\"box\"><span>von <a href=\"/user/jana99\">Jana99</a><br>am 05.03.2024</span></div><p class=\"kicker\">Tipps</p><h1>Fähre fährt wieder</h1><div class=\"text\">$para</div></body></html>")
	run bash -c "split-header '$f' | normalize-date | jq -c '[.date_raw, .date, .authors]'"
	assert_output '["von Jana99 am 05.03.2024","2024-03-05",["Jana99"]]'
}

@test "class=hidden is not shown (the CSS frameworks' display: none), but Tailwind's 'hidden md:inline' is, on a wide screen" {
	para='<p>The ferry to the island sails again from Monday after a winter of repairs to its engines and its pier, the operator said on Friday.</p>'
	f=$(page hidden.html "<html><body><article><h1>Ferry sails again</h1><div class=\"byline\">By <span>Tom Ash</span> <a href=\"/share\"><span class=\"hidden\">facebook</span></a></div>$para</article></body></html>")
	g=$(page wide.html "<html><body><article><h1>Ferry sails again</h1><div class=\"byline\">By <span class=\"hidden md:inline\">Mia Ross</span></div>$para</article></body></html>")
	run bash -c "split-header '$f' '$g' | jq -c .authors"
	assert_output - <<'EOF'
["Tom Ash"]
["Mia Ross"]
EOF
}

@test "dates: a page that shows none of its own takes the date of a teaser linking to it (its path, any host or query), not of the front page's link" {
	run bash -c "cd '$FX' && split-header self-link.html | normalize-date | jq -c '[.date_raw, .date]'"
	assert_output '["05.03.2024","2024-03-05"]'
}

@test "a container whose cleaning keeps under a third of its prose gives way to the paragraphs classified over the page" {
	run body "$FX/overcut.html"
	assert_output '"Keep ripe tomatoes at room temperature, stem side down, and out of direct sun, so that they keep their taste for a few more days. A bowl on the kitchen table, away from the stove and the window, is the best place for them. Do not wash them until you use them.\n\nOnly put them in the fridge when they are very ripe, and let them warm up again for an hour before you eat them, as cold dulls their flavour. The crisper drawer is the least cold part of most fridges, so use that one. Keep them apart from onions and potatoes, which spoil them sooner.\n\nGreen tomatoes ripen in a paper bag with an apple, which gives off the gas that makes fruit ripen, within a week or so. Check the bag every other day and take out the ones that have turned red, or they go soft. A cool dark shelf in the cellar works best for the bag.\n\nTomatoes that have gone soft are still good for sauces and soups, cooked with onions, garlic and a little olive oil. Cut away any part that smells sour or shows mould, and use the rest on the same day. Sauces keep for a week in a closed jar in the fridge."'
}

@test "comments after most of the article close it: the notice after them goes; a comment count by the headline cuts nothing" {
	run body "$FX/after-comments.html"
	assert_output '"Workers finished the repairs to the old harbour wall on Thursday, a week before the winter storms are due, the port authority said, after cracks were found in the spring.\n\nThe work cost less than planned, because the stones from the collapsed part could be used again, and the path along the top of the wall will open to walkers on Saturday."'
}

@test "a Latin-1 page (meta http-equiv charset) gives UTF-8" {
	run bash -c "split-header '$FX/latin1.html' | jq -c '[.title, .body]'"
	assert_output '["Café reopens on the square","The old café on the market square reopened on Friday after a long renovation, and the owner, Renée Dupré, served free coffee all morning.\n\nRegulars said the new terrace, with its view of the church, was worth the wait of almost two years, and that the prices had stayed the same."]'
}

@test "UTF-8 with stray Latin-1 bytes: those bytes read as Windows-1252" {
	f=$(page stray.html "$(printf '<html><body><div class="content"><p>The na\xefve caf\xc3\xa9 owner said the new menu, with six soups and \x80 prices that stay low, would open on Monday.</p></div></body></html>')")
	run --separate-stderr bash -c "split-header '$f' | jq -c .body"
	assert_success
	assert_output '"The naïve café owner said the new menu, with six soups and € prices that stay low, would open on Monday."'
}

@test "broken markup: unclosed tags, upper case, a comment first, a script" {
	run bash -c "split-header '$FX/broken.html' | jq -c '[.title, .body]'"
	assert_output '["Storm closes mountain pass","Heavy snow closed the mountain pass on Sunday night, and the police asked drivers to use the valley road until the ploughs had cleared it.\n\nThe pass is expected to reopen on Tuesday morning & the bus service will resume the same day, the regional office said."]'
}

@test "nested containers: the article's text, headings and list items; no menu, sidebar or footer" {
	run body "$FX/nested.html"
	assert_output '"Fruit growers in the valley began picking apples two weeks earlier than usual this year, because of the warm and dry spring, the growers'"'"' association said.\n\nFewer workers\n\nMany farms are short of pickers, and some have asked students and pensioners to help for a few weeks, paying them by the crate.\n\nEarly apples: from August\nLate apples: from October"'
}

@test "a comment section is not the article, though its comments are long" {
	run bash -c "split-header '$FX/comments.html' | jq -c '[.title, .outlet, .body]'"
	assert_output '["Why I moved to the countryside","A Quiet Blog","Last spring I left the city, where I had lived for fifteen years, and rented a small house near the forest, with a garden and a view of the hills.\n\nI do not miss the noise, but I do miss the late trains, the cinemas and, above all, being able to walk to a friend'"'"'s house in ten minutes."]'
}

@test "two bylines: the article's, of two names and a role, not a teaser's" {
	run bash -c "split-header '$FX/bylines.html' | jq -c '[.byline, .authors, .date_raw, (.body | test(\"Lars|More on|March 3|By \"))]'"
	assert_output '["Jane Doe and Omar Said",["Jane Doe","Omar Said"],"March 3, 2025",false]'
}

@test "an @graph: the article found by type, its author and publisher by @id" {
	run meta "$FX/graph.html"
	assert_output '["Five tips for a greener garden","Green Thumb Weekly","Lena Fischer",["Lena Fischer"],"https://greenthumb.example/tips/","en-US","2021-06-10T09:00:00+00:00","2021-06-12T15:30:00+00:00",["gardening","compost"]]'
}

@test "text articles get authors from their byline too; language and date_modified_raw stay null" {
	run bash -c "cd '$FIXTURES/split-header' && split-header credits-reuters.txt keyvalue.txt markdown.md wire-tass.txt | jq -c '[.id, .authors, .language, .date_modified_raw]'"
	assert_output - <<'EOF'
["credits-reuters",["Jane Doe","Omar Said"],null,null]
["keyvalue",["Priya Natarajan"],null,null]
["markdown",["Maria Lindqvist"],null,null]
["wire-tass",[],null,null]
EOF
}

@test "normalize-date reads the dates pages give" {
	run bash -c "cd '$FX' && split-header jsonld.html opengraph.html graph.html bylines.html | normalize-date | jq -r '[.id, .date] | @tsv'"
	assert_output - <<'EOF'
jsonld	2024-05-14T08:30:00+01:00
opengraph	2023-09-02T10:15:00+02:00
graph	2021-06-10T09:00:00+00:00
bylines	2025-03-03
EOF
}

@test "pages are found by their first bytes, whatever the name; .html files are pages" {
	f=$(page saved.txt '  <!-- saved -->
<!DOCTYPE html><html><body><p>Rain is expected all week, the weather office said, with the heaviest falls in the hills on Thursday and Friday.</p></body></html>')
	run bash -c "split-header '$f' | jq -c .body"
	assert_output '"Rain is expected all week, the weather office said, with the heaviest falls in the hills on Thursday and Friday."'
	f=$(page head.txt '<head><title>Short note</title></head><p>Only a note.</p>')
	run bash -c "split-header '$f' | jq -c '[.title, .body]'"
	assert_output '["Short note","Only a note."]'
	f=$(page php.html '<?php header("X: 1"); ?>
<html><body><p>The market opens at eight on Saturdays from now on, the town said, to give farmers more time to sell.</p></body></html>')
	run bash -c "split-header '$f' | jq -c .body"
	assert_output '"The market opens at eight on Saturdays from now on, the town said, to give farmers more time to sell."'
	f=$(page note.txt '<b>Bold</b> claims in a text file are text, not a page.')
	run bash -c "split-header '$f' | jq -c .body"
	assert_output '"<b>Bold</b> claims in a text file are text, not a page."'
}

@test "--ndjson: a page in \"html\" is read as a page, the field consumed, the others kept" {
	run bash -c "jq -nc --rawfile h '$FX/opengraph.html' '{id: \"p1\", fetched: \"2023-09-04\", html: \$h}' | split-header --ndjson | jq -c '[.id, .fetched, .title, .date_raw, has(\"html\"), (.body | length > 100)]'"
	assert_output '["p1","2023-09-04","Neue Brücke über den Kanal eröffnet","2023-09-02T10:15:00+02:00",false,true]'
	run bash -c "jq -nc --rawfile h '$FX/latin1.html' '{id: \"p2\", text: \$h}' 2>/dev/null | split-header --ndjson 2>&1 | jq -c '[.title]'"
	assert_output --partial 'reopens on the square'
}

@test "--keep-boilerplate: the whole visible text, menus and footer too" {
	run bash -c "split-header --keep-boilerplate '$FX/nested.html' | jq -c '[.title, (.body | test(\"Most read\")), (.body | test(\"Valley Post, 12 Main\")), (.body | test(\"Fewer workers\"))]'"
	assert_output '["Orchard harvest starts early",true,true,true]'
}

@test "a page without article text: a record with an empty body and a warning naming the file" {
	f=$(page menu.html '<html><head><title>Index</title></head><body><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul></body></html>')
	run --separate-stderr bash -c "split-header '$f' | jq -c '[.id, .title, .body, .word_count]'"
	assert_success
	assert_output '["menu","Index","",0]'
	[ "$stderr" = "split-header: $f: warning: no article text in the page" ] || fail "stderr: $stderr"
}

@test "a UTF-16 page with a byte order mark" {
	f="$BATS_TEST_TMPDIR/u16.html"
	printf '<html><head><title>Tide tables</title></head><body><p>High tide on Sunday is at six in the morning, the harbour master said, and again just after six in the evening.</p></body></html>' |
	    iconv -f UTF-8 -t UTF-16 >"$f"
	run bash -c "split-header '$f' | jq -c '[.title, .body]'"
	assert_output '["Tide tables","High tide on Sunday is at six in the morning, the harbour master said, and again just after six in the evening."]'
}

@test "hostile pages: deep nesting, huge attributes, NUL bytes, no crash and bounded output" {
	f="$BATS_TEST_TMPDIR/deep.html"
	awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 20000; i++) printf "<div>"
		printf "<p>Deep text here, at the bottom of twenty thousand divs, still read.</p></body></html>" }' >"$f"
	run bash -c "split-header '$f' | jq -c .body"
	assert_output '"Deep text here, at the bottom of twenty thousand divs, still read."'
	f="$BATS_TEST_TMPDIR/nul.html"
	printf '<html><body><p class="%s">One\0two three, four five six seven eight nine ten eleven twelve.</p></body></html>' "$(head -c 300000 /dev/zero | tr '\0' x)" >"$f"
	run bash -c "split-header '$f' | jq -c .body"
	assert_output '"One two three, four five six seven eight nine ten eleven twelve."'
}

@test "pages shaped to make walks quadratic stay fast: nesting, repeats, headings" {
	f="$BATS_TEST_TMPDIR/shapes.html"
	awk 'BEGIN {
		printf "<html><body><article>"
		for (i = 1; i <= 30000; i++) printf "<span class=\"author\">By Jane %d ", i
		for (i = 1; i <= 30000; i++) printf "<div>The same words open every one of these blocks, more than sixty-four bytes, %d.", i
		for (i = 1; i <= 30000; i++) printf "<h2>Heading %d</h2><ul><li>item %d", i, i
		printf "</article></body></html>"
	}' >"$f"
	run --separate-stderr split-header "$f"
	assert_success
	run bash -c "split-header '$f' | jq -c '[.id, (.body | length > 0)]'"
	assert_output '["shapes",true]'
}
