#!/usr/bin/env bats
# split-header: raw articles to records (docs/split-header.md).

load helper

FX="$FIXTURES/split-header"
META='[.title, .subtitle, .outlet, .agency, .byline, .url, .dateline_place, .dateline_date, .date_raw, .published_raw, .tags]'

# meta FILE: the metadata fields of FILE's record as one compact array.
meta() {
	split-header "$1" | jq -c "$META"
}

# field FILE JQ: one jq expression on FILE's record.
field() {
	split-header "$1" | jq -c "$2"
}

# --- the seeds: what a careful editor writes down -----------------------

@test "seed 000: date line, then a TASS dateline opening the body" {
	run meta "$SEEDS"/000_*.txt
	assert_output '[null,null,null,"TASS",null,null,"BEIJING","September 3","2025-09-02",null,[]]'
	run field "$SEEDS"/000_*.txt '.body | split("\n\n") | [length, .[0][:60], .[5]]'
	assert_output '[10,"Russian President Vladimir Putin will hold a series of bilat","Other meetings"]'
}

@test "seed 001: a web page copy keeps only the article" {
	run meta "$SEEDS"/001_*.txt
	assert_output '["Kim-Putin talks under discussion on sidelines of Chinese military parade: Kremlin",null,"Korea JoongAng Daily","Yonhap",null,null,null,null,"2025-08-30","30 Aug. 2025, 09:53",["North Korea Russia China Kim Jong-un Vladimir Putin"]]'
	run field "$SEEDS"/001_*.txt '.body | split("\n\n") | [length, .[0][:40], .[-1]]'
	assert_output '[6,"A possible bilateral meeting between Nor","Kim has no record of attending a multilateral gathering since taking power in 2011."]'
	run field "$SEEDS"/001_*.txt '.body | [test("YONHAP|Related|More in|log in|print|Home >|Kremlin$"; "i")]'
	assert_output '[false]'
}

@test "seed 002: title, deck line, body; no date" {
	run meta "$SEEDS"/002_*.txt
	assert_output '["Putin and Kim Jong Un Hold Bilateral Talks in Beijing After Chinese Military Parade","Russian and North Korean leaders met at Beijing’s Diaoyutai state guest house following a parade marking the end of World War II",null,null,null,null,null,null,null,null,[]]'
	run field "$SEEDS"/002_*.txt '.body | split("\n\n") | [length, .[0][:30]]'
	assert_output '[8,"Russian President Vladimir Put"]'
}

@test "seed 003: markdown with a date line, caption, related link and source URL" {
	run meta "$SEEDS"/003_*.txt
	assert_output '["Putin Could Meet With North Korea'"'"'s Kim During China Visit",null,"The Moscow Times",null,null,"https://www.themoscowtimes.com/2025/08/28/putin-could-meet-with-north-koreas-kim-during-china-visit-a90367",null,null,"August 28, 2025",null,[]]'
	run field "$SEEDS"/003_*.txt '.body as $b | $b | split("\n\n") | [length, .[0][:30], (.[1] | test("CCTV listed Putin")), ($b | test("Related|kremlin.ru|\\]\\(|Original url"))]'
	assert_output '[8,"Russian President Vladimir Put",true,false]'
}

@test "seed 004: a cited agency ('AFP reported') is not the credit" {
	run meta "$SEEDS"/004_*.txt
	assert_output '[null,null,null,null,null,null,null,null,"2025-09-03",null,[]]'
	run field "$SEEDS"/004_*.txt '.body | split("\n\n") | [length, .[0][:30]]'
	assert_output '[12,"Russian President Vladimir Put"]'
}

@test "the seeds' whole records match the reviewed expected output" {
	run bash -c "cd '$SEEDS' && split-header *.txt | jq -c 'del(.source)'"
	assert_success
	assert_output "$(cat "$FX/expected/seeds.ndjson")"
}

# --- each format, with fixtures of our own ------------------------------

@test "markdown: heading, byline, date, image and links, emphasis, Source: URL" {
	run meta "$FX/markdown.md"
	assert_output '["Harbour Cranes Return to the Old Port",null,"The Guardian",null,"Maria Lindqvist","https://www.theguardian.com/uk-news/2024/mar/04/harbour-cranes-return",null,null,"March 4, 2024",null,[]]'
	run field "$FX/markdown.md" .body
	assert_output '"Dock workers cheered on Monday as the first of six refurbished cranes was lifted back onto its rails at the old port, ten years after the last ship left.\n\nA second life\n\nThe city bought the cranes for a symbolic sum and spent two years restoring them, said deputy mayor Jonas Berg."'
}

@test "markdown wrapped by its writer: links over two lines (text or URL), a name in a link of three lines, empty links, an image in a link" {
	run bash -c "split-header '$FX/markdown-wrapped.md' | jq -c '[.title, .subtitle, .byline, .date_raw]'"
	assert_output '["Ferry timetable changes for the winter","The winter timetable starts on Monday, the operator said","Ida Brenner","4 November 2024"]'
	run field "$FX/markdown-wrapped.md" .body
	assert_output '"The ferry to the island will run four times a day instead of six, the operator said in a note to passengers on Friday, and the last boat will leave at nine in the evening.\n\nSeason tickets keep their price, according to the operator'\''s page, and children under six travel free."'
}

@test "web page copy: outlet, breadcrumb, prompts, caption, related list, repeats, credit, tags" {
	run meta "$FX/webpage.txt"
	assert_output '["Ferry services resume after week-long strike",null,"The Daily Example","Reuters",null,null,null,null,null,"12 Feb. 2024, 14:05",["Ferries","Strikes","Transport"]]'
	run field "$FX/webpage.txt" .body
	assert_output '"Ferry operators restored all routes on Monday after unions accepted a new pay offer, ending a strike that stranded thousands of travellers.\n\nThe agreement raises wages by 6 percent this year and 4 percent next year, according to the union.\n\nOperators said timetables would be back to normal by Wednesday."'
}

@test "emphasis beside a quote mark or an ellipsis goes (“*gulp*...”), a lone or inner star stays" {
	printf '# Title here\n\nShe said “*gulp*... I am nervous” and laughed. “Maybe on a farm! *giggle*” she added.\n\nA word with in*word and a lone * star and snake_case_name stay.\n' >"$BATS_TEST_TMPDIR/q.txt"
	run field "$BATS_TEST_TMPDIR/q.txt" .body
	assert_output '"She said “gulp... I am nervous” and laughed. “Maybe on a farm! giggle” she added.\n\nA word with in*word and a lone * star and snake_case_name stay."'
}

@test "a byline's role after a comma is no author (By Jane Doe, Environment Correspondent); a cookie notice is a prompt" {
	run field "$FX/pages/p71-date-above.txt" '.authors'
	assert_output '["Tomasz Wolny"]'
	run bash -c "split-header --explain '$FX/pages/p70-cookie-notice.txt' | jq -c '[.removed[] | select(.text | test(\"cookies\")) | .reason]'"
	assert_output '["prompt"]'
	# a recipe's cookies are no notice
	printf 'Soft oat cookies for a rainy day\n\nThese cookies take twenty minutes and keep for a week in a tin.\n\nMix the oats with the butter and sugar, then bake them at 180 degrees.\n' >"$BATS_TEST_TMPDIR/c.txt"
	run field "$BATS_TEST_TMPDIR/c.txt" '[.title, (.body | split("\n\n") | length)]'
	assert_output '["Soft oat cookies for a rainy day",2]'
}

@test "a byline and its date on one line: a role and a time with a period (By Jane Doe, Staff Writer · Mar 15, 2023 at 11:53 a.m.)" {
	printf 'Council opens a new library in the old station\n\nBy Lena Moreau, Staff Writer · Mar 15, 2023 at 11:53 a.m.\n\nThe new library opened on Monday in the old railway station, with ten thousand books and a cafe on the platform.\n' >"$BATS_TEST_TMPDIR/b.txt"
	run field "$BATS_TEST_TMPDIR/b.txt" '[.authors, .date_raw, (.body | split("\n\n") | length)]'
	assert_output '[["Lena Moreau"],"Mar 15, 2023 at 11:53 a.m.",1]'
}

@test "a blog's user name after the by-word, before a separator and the date (von gartenfee · 3. Mai 2024)" {
	printf 'Start\n\nRezepte\n\nGarten\n\nReisen\n\nKontakt\n\nMeine Tomaten im kalten Mai\n\nvon  gartenfee  · 3. Mai 2024\n\nDie Pflanzen stehen seit einer Woche im Beet, und nachts wird es noch sehr kalt.\n\nIch decke sie mit Vlies ab.\n' >"$BATS_TEST_TMPDIR/u.txt"
	run field "$BATS_TEST_TMPDIR/u.txt" '[.title, .byline, .date_raw]'
	assert_output '["Meine Tomaten im kalten Mai","gartenfee","3. Mai 2024"]'
}

@test "a labelled byline's note on the author after a comma is no author; under the last paragraph it signs the text" {
	printf 'Neue Fähre für den See\n\nDie neue Fähre fährt ab Mai zweimal am Tag über den See, teilte die Gemeinde mit.\n\nSie hat Platz für vierzig Räder.\n\nAutorin: Mara Feld, Leiterin des Büros in Lima.\n\nAnmerkungen\n' >"$BATS_TEST_TMPDIR/n.txt"
	run field "$BATS_TEST_TMPDIR/n.txt" '[.byline, .authors]'
	assert_output '["Mara Feld",["Mara Feld"]]'
	printf 'Ferry to the islands\n\nAuthor: Jane Doe, John Roe\n\nThe ferry leaves at seven in the morning, the operator said.\n' >"$BATS_TEST_TMPDIR/n2.txt"
	run field "$BATS_TEST_TMPDIR/n2.txt" '.authors'
	assert_output '["Jane Doe","John Roe"]'
}

@test "a kicker with the by-word last (Essay Von) over the name; a month may be a first name (Jan Berg)" {
	printf 'Startseite\n\nPolitik\n\nKultur\n\nSport\n\nWetter\n\nAbo\n\n26.10.2023\n\nDas Stadttheater spielt wieder im Sommer\n\nEssay Von\n\nJan Berg\n\nDas Theater spielt ab Juni wieder unter freiem Himmel, mit neuer Besetzung und einem neuen Bühnenbild.\n\nKarten gibt es ab Montag.\n' >"$BATS_TEST_TMPDIR/v.txt"
	run field "$BATS_TEST_TMPDIR/v.txt" '[.title, .byline]'
	assert_output '["Das Stadttheater spielt wieder im Sommer","Jan Berg"]'
}

@test "a name under the deck of a headline with its date over it, a prompt under the name" {
	printf 'Home\n\nNews\n\nSport\n\nWeather\n\nTravel\n\nSign in\n\nPosted on January 8, 2022\n\nThe ferry company adds a night crossing in summer\n\nOfficials expect the new timetable to start in June and to cost less than planned.\n\nLuc van Dam\n\nShare\n\nThe night ferry will leave the island at eleven and arrive on the mainland just after midnight.\n\nTickets go on sale in May.\n' >"$BATS_TEST_TMPDIR/d.txt"
	run field "$BATS_TEST_TMPDIR/d.txt" '[.title, .byline, .date_raw]'
	assert_output '["The ferry company adds a night crossing in summer","Luc van Dam","Posted on January 8, 2022"]'
}

@test "a word broken at a hyphen at the end of a hard-wrapped line is joined with no space, the hyphen kept" {
	printf 'Council opens a new library\n\nThe library opened on Monday in the old rail-\nway station, and a short-\nterm loan paid for it. The price -\nabout a million - was met.\n' >"$BATS_TEST_TMPDIR/h.txt"
	run field "$BATS_TEST_TMPDIR/h.txt" .body
	assert_output '"The library opened on Monday in the old rail-way station, and a short-term loan paid for it. The price - about a million - was met."'
}

@test "words of this stop's lists: Guardar and Merken are prompts, LO MAS LEIDO (unaccented capitals) opens a story list" {
	printf 'El mercado abre los domingos\n\nEl mercado del puerto abrirá también los domingos desde junio, anunció el ayuntamiento.\n\nGuardar\n\nLO MAS LEIDO\n\nNuevo horario para los autobuses del centro\n\nEl puerto recibe un crucero de cuatro mil pasajeros\n\nLos comerciantes votaron a favor del nuevo horario después de un año de pruebas.\n' >"$BATS_TEST_TMPDIR/m.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/m.txt' | jq -c '[(.body | split(\"\\n\\n\") | length), [.removed[] | .reason]]'"
	assert_output '[2,["title","prompt","related","related","related"]]'
	printf 'Der Markt hat sonntags offen\n\nDer Markt am Hafen öffnet ab Juni auch am Sonntag, teilte die Stadt mit.\n\nMerken\n\nDie Händler hatten ein Jahr lang getestet.\n' >"$BATS_TEST_TMPDIR/m2.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/m2.txt' | jq -c '[.removed[] | [.text, .reason]]'"
	assert_output '[["Der Markt hat sonntags offen","title"],["Merken","prompt"]]'
}

@test "a pager's button alone is a prompt (\"Next\", \"« Zurück\"), a heading with the word is not (\"What's Next\"); \"zum Vergrößern anklicken\" is a prompt" {
	printf 'Why the tests failed together\n\nThe suite passed alone and failed when run with the others, which took a week to explain.\n\nNext\n\nWhat\xe2\x80\x99s Next\n\nWe plan to clear the cache between the tests from now on.\n\n\xc2\xab Zur\xc3\xbcck\n' >"$BATS_TEST_TMPDIR/n.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/n.txt' | jq -c '[(.body | split(\"\\n\\n\") | .[1]), [.removed[] | [.text, .reason]]]'"
	assert_output '["What’s Next",[["Why the tests failed together","title"],["Next","prompt"],["« Zurück","prompt"]]]'
	printf 'Die Brücke wird gesperrt\n\nzum Vergrößern anklicken\n\nDie Brücke über den Fluss wird ab Montag für drei Wochen gesperrt, teilte die Stadt mit.\n' >"$BATS_TEST_TMPDIR/v.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/v.txt' | jq -c '[.removed[] | [.text, .reason]]'"
	assert_output '[["Die Brücke wird gesperrt","title"],["zum Vergrößern anklicken","prompt"]]'
}

@test "markdown: a link a writer's wrap broke over lines keeps its text, its URL goes, the paragraph stays one; a date line in a wrapped paragraph is its text" {
	printf '# Council buys the old rail depot for homes\n\nThe council agreed on Monday to buy the old rail depot, according to [the\nminutes of the meeting](https://example.org/minutes/2024-03-04) published on\nTuesday, and to turn it into four hundred homes for rent within five years.\n\nThe price was not [made public](https://example.org/p), but the [share\nbutton](https://example.org/share?text=Council%%20buys\nthe%%20depot) kept working.\n' >"$BATS_TEST_TMPDIR/w.md"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/w.md' | jq -c '[.subtitle, .date_raw, .body, [.removed[].reason]]'"
	assert_output '[null,null,"The council agreed on Monday to buy the old rail depot, according to the minutes of the meeting published on Tuesday, and to turn it into four hundred homes for rent within five years.\n\nThe price was not made public, but the share button kept working.",["title"]]'
	split-header --explain "$BATS_TEST_TMPDIR/w.md" >"$BATS_TEST_TMPDIR/w.json"
	run "$ROOT/tests/explain-check" "$BATS_TEST_TMPDIR/w.md" "$BATS_TEST_TMPDIR/w.json"
	assert_success
	printf 'Council buys the old depot\n\nThe council agreed on Monday to buy the old rail depot, according to the\nminutes of the meeting of 2024-03-04 that were published on\nTuesday, and to turn it into homes.\n' >"$BATS_TEST_TMPDIR/d.txt"
	run bash -c "split-header '$BATS_TEST_TMPDIR/d.txt' | jq -c '[.date_raw, (.body | split(\"\\n\\n\") | length)]'"
	assert_output '[null,1]'
}

@test "a name alone under a deck with no period, a mark (| or ·) or a link's markup round it, over the date, is the author; a reading time after a byline's names is none of them" {
	printf 'The river path reopens\n\nA short deck line about the path and the floods here\n\nJane Doe\n|\n11 Jan 2019\n\nThe path along the river reopened on Monday after the winter floods, the council said.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run bash -c "split-header '$BATS_TEST_TMPDIR/a.txt' | jq -c '[.byline, .date_raw, .subtitle]'"
	assert_output '["Jane Doe","11 Jan 2019","A short deck line about the path and the floods here"]'
	printf 'The river path reopens\n\nA short deck line about the path and the floods here\n\nJane Doe\n\xc2\xb7\n11 Jan 2019\n\nThe path along the river reopened on Monday after the winter floods, the council said.\n' >"$BATS_TEST_TMPDIR/b.txt"
	run bash -c "split-header '$BATS_TEST_TMPDIR/b.txt' | jq -c '[.byline, .date_raw]'"
	assert_output '["Jane Doe","11 Jan 2019"]'
	printf '# The river path reopens\n\nA short deck line about the path and the floods here\n\n[\nJane Doe\n](../)\n|\n\n11 Jan 2019\n\nThe path along the river reopened on Monday after the winter floods, the council said.\n' >"$BATS_TEST_TMPDIR/a.md"
	run bash -c "split-header '$BATS_TEST_TMPDIR/a.md' | jq -c '[.byline, .date_raw]'"
	assert_output '["Jane Doe","11 Jan 2019"]'
	printf 'Die Brücke wird gesperrt\n\nvon Jana Berg Lesezeit: 4 Min.\n\nDie Brücke über den Fluss wird ab Montag für drei Wochen gesperrt, teilte die Stadt mit.\n' >"$BATS_TEST_TMPDIR/r.txt"
	run bash -c "split-header '$BATS_TEST_TMPDIR/r.txt' | jq -c '[.byline, .authors]'"
	assert_output '["Jana Berg",["Jana Berg"]]'
}

@test "a text browser's dump: lines wrapped at its width join into paragraphs and a headline (a capital after a full line), bullets go, a text indented all through keeps its paragraphs and its flush lines are headings" {
	run bash -c "split-header --explain '$FX/pages/p88-text-dump.txt' | jq -c '[.title, (.body | split(\"\\n\\n\") | map(.[:24])), ([.removed[] | select(.reason == \"caption\") | .text[:20]])]'"
	assert_output '["Die Stadt kauft das alte Bahngelände und baut dort vierhundert Wohnungen zur Miete für Familien",["Der Stadtrat hat am Mont","Die Kosten für den Kauf ","Bauen will die städtisch"],["Das alte Stellwerk a","Café werden. Foto: B"]]'
	run bash -c "split-header '$FX/pages/p89-indented-dump.txt' | jq -c '.body | split(\"\\n\\n\") | map(length)'"
	assert_output '[52,189,150,65]'
}

@test "a text browser's dump: the first line of a wrapped paragraph under a headline is the deck's, the deck the whole paragraph" {
	run bash -c "split-header '$FX/pages/p90-wrapped-deck.txt' | jq -c '[.title, .subtitle, .byline, .date_raw, (.body | split(\"\\n\\n\") | length)]'"
	assert_output '["Die Fähre zu den Inseln fährt im Winter zum ersten Mal jeden Tag","Während viele Inselbewohner im Winter bisher auf das Festland warten mussten, fährt die Fähre in diesem Jahr jeden Tag. Der Betreiber stellt dafür sechs neue Leute ein und verlangt den Sommerpreis.","Redaktion","4. November 2024 10:29",3]'
}

@test "a second split reads a dateline on the body's first line only: a dateline kept in a later paragraph stays" {
	printf 'Old logbook found in an attic\n\nLYON, March 12 (AFP) - A logbook kept by a ferry captain\n\nLYON, March 12 (AFP) - A logbook kept by a ferry captain\nwas found in an attic, the town museum said Thursday.\n\nThe museum will show it from June.\n' >"$BATS_TEST_TMPDIR/l.txt"
	run field "$BATS_TEST_TMPDIR/l.txt" .body
	assert_output '"A logbook kept by a ferry captain\n\nLYON, March 12 (AFP) - A logbook kept by a ferry captain was found in an attic, the town museum said Thursday.\n\nThe museum will show it from June."'
	run bash -c "split-header '$BATS_TEST_TMPDIR/l.txt' | split-header --ndjson | jq -c .body"
	assert_output '"A logbook kept by a ferry captain\n\nLYON, March 12 (AFP) - A logbook kept by a ferry captain was found in an attic, the town museum said Thursday.\n\nThe museum will show it from June."'
}

@test "a hard-wrapped paragraph written twice goes once, as a second split reads it" {
	printf 'Council opens a new library\n\nThe new library opened on Monday in the old railway\nstation, with ten thousand books.\n\nThe council paid for the works with a grant.\n\nThe new library opened on Monday in the old railway\nstation, with ten thousand books.\n' >"$BATS_TEST_TMPDIR/w.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/w.txt' | jq -c '[(.body | split(\"\\n\\n\") | length), [.removed[] | select(.reason == \"repeat\") | .text]]'"
	assert_output '[2,["The new library opened on Monday in the old railway station, with ten thousand books."]]'
	run bash -c "diff <(split-header '$BATS_TEST_TMPDIR/w.txt' | jq -c 'del(.source)') <(split-header '$BATS_TEST_TMPDIR/w.txt' | split-header --ndjson | jq -c 'del(.source)')"
	assert_success
}

@test "a short question in a list of other stories is a story's headline, and the list goes on under it" {
	run bash -c "split-header --explain '$FX/pages/p81-related-questions.txt' | jq -c '[(.body | split(\"\\n\\n\") | length), [.removed[] | select(.text | test(\"^(Why|What|By)\")) | .reason]]'"
	assert_output '[2,["byline","related","related"]]'
}

@test "a plain text (no heading, link, ** or escape of markdown) keeps its stars and underscores" {
	printf '*Update* Ferry timetable for the summer\n\nThe *new* timetable starts on Monday, the operator said in a note to all_passengers.\n\n*Times may change in bad weather.\n' >"$BATS_TEST_TMPDIR/p.txt"
	run field "$BATS_TEST_TMPDIR/p.txt" '[.title, .body]'
	assert_output '["*Update* Ferry timetable for the summer","The *new* timetable starts on Monday, the operator said in a note to all_passengers.\n\n*Times may change in bad weather."]'
	# one link makes the whole text markdown: its emphasis goes
	printf '*Update* Ferry timetable for the summer\n\nThe *new* timetable starts on Monday, the [operator](https://example.org) said.\n' >"$BATS_TEST_TMPDIR/m.txt"
	run field "$BATS_TEST_TMPDIR/m.txt" '[.title, .body]'
	assert_output '["Update Ferry timetable for the summer","The new timetable starts on Monday, the operator said."]'
}

@test "a link whose text ends in a space leaves one space, so a second split gives the same body" {
	printf 'Title here\n\nThe seat [Example Cabrio ](https://example.org/seat?id=5) costs 140 euros and was [ rated](https://example.org/r) good in the test this year.\n' >"$BATS_TEST_TMPDIR/l.md"
	run field "$BATS_TEST_TMPDIR/l.md" .body
	assert_output '"The seat Example Cabrio costs 140 euros and was rated good in the test this year."'
	run bash -c "split-header '$BATS_TEST_TMPDIR/l.md' | split-header --ndjson | jq -c .body"
	assert_output '"The seat Example Cabrio costs 140 euros and was rated good in the test this year."'
}

@test "a menu copied as one line is no headline and no outlet; a markdown save's # heading is the headline" {
	run field "$FX/pages/p41-menu-line.txt" '[.title, .outlet]'
	assert_output '["Students build a footbridge over the mill stream",null]'
	run field "$FX/pages/p42-md-h1.md" '[.title, .subtitle, .outlet]'
	assert_output '["Night ferry returns to the island after six years","The council found the money for a boat that can sail in winter storms",null]'
}

@test "a story list runs on past its stamps (\"7 p.m.\"): its lines leave as related" {
	run bash -c "split-header --explain '$FX/list-stamps.txt' | jq -c '[.body[-30:], [.removed[] | select(.reason == \"related\") | .text]]'"
	assert_output '["en los mercados de la capital.",["NOTICIAS RELACIONADAS","7 p.m.","El puerto amplía su muelle para barcos de carga","6:03 p.m.","La feria del libro vuelve a la plaza mayor","Términos de uso"]]'
}

@test "a line quoted in guillemets (»We stay«) is no breadcrumb: it stays in the body" {
	run field "$FX/guillemet-quote.txt" .body
	assert_output '"Seit vierzig Jahren backt die Familie Brandt im Ort ihr Brot, und auch nach dem Umbau der Straße will sie bleiben.\n\n»Wir bleiben hier«\n\nDie neue Straße soll im Herbst fertig sein, dann kommen auch die Parkplätze vor dem Laden zurück."'
}

@test "--keep-boilerplate keeps every line but still splits the metadata" {
	run bash -c "split-header --keep-boilerplate '$FX/webpage.txt' | jq -c '[.title, .outlet, .agency, .published_raw, (.body | split(\"\n\n\") | length), (.body | test(\"Home > World|Related Stories|Most Read|please log in\"))]'"
	assert_output '["Ferry services resume after week-long strike","The Daily Example","Reuters","12 Feb. 2024, 14:05",17,true]'
}

@test "Key: value header block" {
	run meta "$FX/keyvalue.txt"
	assert_output '["Library extends opening hours",null,"example-news.net",null,"Priya Natarajan","https://www.example-news.net/local/library-hours",null,null,"2023-11-20",null,["libraries","local government"]]'
	run field "$FX/keyvalue.txt" '[.word_count, (.body | split("\n\n") | length)]'
	assert_output '[29,2]'
	# the keys in other languages
	printf 'Titel: Neue Brücke über den Fluss\nAutorin: Jana Roth\nDatum: 12.03.2024\n\nDie neue Brücke über den Fluss wird im Mai eröffnet.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.title, .byline, .date_raw, .body]'
	assert_output '["Neue Brücke über den Fluss","Jana Roth","12.03.2024","Die neue Brücke über den Fluss wird im Mai eröffnet."]'
}

@test "YAML front matter" {
	run meta "$FX/yaml.md"
	assert_output '["Rail line to reopen after landslide",null,"BBC",null,"Tomás Ruiz","https://www.bbc.co.uk/news/rail-line-reopen",null,null,"2022-06-01",null,["rail","weather"]]'
	run field "$FX/yaml.md" .body
	assert_output '"Engineers cleared the last of the debris on Tuesday, and the line will reopen to passengers on Friday."'
}

@test "wire datelines: TASS, Yonhap, AP, Reuters, AFP" {
	run bash -c "cd '$FX' && split-header wire-*.txt | jq -c '[.id, .agency, .dateline_place, .dateline_date, .body[:20]]'"
	assert_output - <<'EOF'
["wire-afp","AFP","PARIS, France",null,"A museum returned a "]
["wire-ap","AP","WASHINGTON",null,"The Senate passed a "]
["wire-reuters","Reuters","MOSCOW","Sept 2","Wheat export prices "]
["wire-tass","TASS","VLADIVOSTOK","September 5","A new container term"]
["wire-yonhap","Yonhap","SEOUL","Aug. 30","The government will "]
EOF
	run field "$FX/wire-yonhap.txt" .body
	assert_output '"The government will expand childcare subsidies for working parents next year, the finance ministry said Saturday.\n\nThe plan still needs parliamentary approval."'
}

@test "a dateline-like phrase later in the text is not a dateline" {
	printf 'Budget vote delayed\n\nLawmakers said the report (AP) - which nobody read - was late.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run meta "$BATS_TEST_TMPDIR/a.txt"
	assert_output '["Budget vote delayed",null,null,null,null,null,null,null,null,null,[]]'
}

@test "title then deck then body, no date" {
	run meta "$FX/title-deck.txt"
	assert_output '["Volunteers plant 10,000 trees along the river","The project aims to reduce flooding in low-lying neighbourhoods",null,null,null,null,null,null,null,null,[]]'
}

@test "date line with the title on the same line" {
	run field "$FX/date-title.txt" '[.title, .date_raw, .body]'
	assert_output '["Bakery wins national bread prize","2021-04-09","A family bakery won the national bread prize on Friday for its rye loaf."]'
}

@test "a bracketed photo credit is a caption, not the article's agency" {
	printf 'Floods hit the valley\n\nRescuers search a flooded street on Monday. [YONHAP]\n\nHeavy rain flooded hundreds of homes in the valley, officials said.\n\n[YONHAP]\n' >"$BATS_TEST_TMPDIR/c.txt"
	run field "$BATS_TEST_TMPDIR/c.txt" '[.agency, .body]'
	assert_output '[null,"Heavy rain flooded hundreds of homes in the valley, officials said."]'
}

@test "only boilerplate gives an empty body, not a lost article" {
	run --separate-stderr field "$FX/boilerplate-only.txt" '[.id, .title, .body, .word_count]'
	assert_success
	assert_output '["boilerplate-only",null,"",0]'
}

# --- text encoding and hostile input ------------------------------------

@test "BOM dropped, CRLF and CR accepted, NBSP and Unicode spaces collapsed" {
	printf '\xef\xbb\xbfTitle here\r\n\r\nFirst\xc2\xa0para  \xe2\x80\x83 with\tspaces.\r\nSecond para.\r\n' >"$BATS_TEST_TMPDIR/crlf.txt"
	run field "$BATS_TEST_TMPDIR/crlf.txt" '[.title, .body]'
	assert_output '["Title here","First para with spaces.\n\nSecond para."]'
	printf 'Old style title\rBody line one.\rBody line two.' >"$BATS_TEST_TMPDIR/cr.txt"
	run field "$BATS_TEST_TMPDIR/cr.txt" '[.title, .body]'
	assert_output '["Old style title","Body line one.\n\nBody line two."]'
}

@test "undecodable bytes reject that article only, with the byte and a hint of --encoding" {
	mkdir "$BATS_TEST_TMPDIR/d"
	printf 'Good one.\n' >"$BATS_TEST_TMPDIR/d/a.txt"
	printf 'Bad \x81 byte.\n' >"$BATS_TEST_TMPDIR/d/b.txt"
	printf 'Also good.\n' >"$BATS_TEST_TMPDIR/d/c.txt"
	run --separate-stderr bash -c "split-header --rejects '$BATS_TEST_TMPDIR/rej' '$BATS_TEST_TMPDIR/d' | jq -r .id"
	assert_output $'a\nc'
	[[ $stderr == *"split-header: $BATS_TEST_TMPDIR/d/b.txt: invalid UTF-8 at byte 5 (not Windows-1252 either; name its encoding with --encoding)"* ]] || fail "$stderr"
	[[ $stderr == *"split-header: 1 of 3 records rejected"* ]] || fail "$stderr"
	cmp "$BATS_TEST_TMPDIR/rej" <(printf 'Bad \x81 byte.\n\n')
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/d/b.txt"
	assert_failure 1
	# a named encoding that the bytes are not
	run --separate-stderr split-header --encoding UTF-8 "$BATS_TEST_TMPDIR/d/b.txt"
	assert_failure 1
	[[ $stderr == *"b.txt: invalid UTF-8 at byte 5"* ]] || fail "$stderr"
}

@test "UTF-16 with and without a byte order mark, either byte order, is read" {
	printf 'Tit\xc3\xa9 here\n\nFirst para \xe2\x80\x94 with a dash.\n' >"$BATS_TEST_TMPDIR/u8.txt"
	iconv -f UTF-8 -t UTF-16LE "$BATS_TEST_TMPDIR/u8.txt" >"$BATS_TEST_TMPDIR/le.txt"
	iconv -f UTF-8 -t UTF-16BE "$BATS_TEST_TMPDIR/u8.txt" >"$BATS_TEST_TMPDIR/be.txt"
	{ printf '\xff\xfe'; cat "$BATS_TEST_TMPDIR/le.txt"; } >"$BATS_TEST_TMPDIR/lebom.txt"
	{ printf '\xfe\xff'; cat "$BATS_TEST_TMPDIR/be.txt"; } >"$BATS_TEST_TMPDIR/bebom.txt"
	run --separate-stderr bash -c "cd '$BATS_TEST_TMPDIR' && split-header u8.txt le.txt be.txt lebom.txt bebom.txt | jq -c '[.title, .body, .word_count]' | sort -u"
	assert_success
	assert_output '["Tité here","First para — with a dash.",5]'
	[ -z "$stderr" ] || fail "$stderr"
	run --separate-stderr bash -c "split-header <'$BATS_TEST_TMPDIR/lebom.txt' | jq -c .title"
	assert_output '"Tité here"'
}

@test "Windows-1252 text is converted with a warning naming the file; --encoding forces one" {
	printf 'Caf\xe9 prices\n\nA coffee costs \xa33 \x96 up \x93a lot\x94.\n' >"$BATS_TEST_TMPDIR/w.txt"
	run --separate-stderr bash -c "split-header '$BATS_TEST_TMPDIR/w.txt' | jq -c '[.title, .body]'"
	assert_success
	assert_output '["Café prices","A coffee costs £3 – up “a lot”."]'
	[[ $stderr == "split-header: $BATS_TEST_TMPDIR/w.txt: warning: not UTF-8; read as Windows-1252 (--encoding to say otherwise)" ]] || fail "$stderr"
	printf '\xcd\xee\xe2\xee\xf1\xf2\xe8\n\n\xc3\xee\xf0\xee\xe4 \xe6\xe4\xb8\xf2.\n' >"$BATS_TEST_TMPDIR/cp.txt"
	run --separate-stderr bash -c "split-header --encoding CP1251 '$BATS_TEST_TMPDIR/cp.txt' | jq -c '[.title, .body]'"
	assert_success
	assert_output '["Новости","Город ждёт."]'
	[ -z "$stderr" ] || fail "$stderr"
	run --separate-stderr split-header --encoding NO-SUCH-THING "$BATS_TEST_TMPDIR/cp.txt"
	assert_failure 2
	assert_output ""
	[[ $stderr == "split-header: unknown encoding 'NO-SUCH-THING' (iconv -l lists them)"* ]] || fail "$stderr"
}

@test "empty file, binary bytes and control characters never crash" {
	: >"$BATS_TEST_TMPDIR/empty.txt"
	printf 'A\0B\001C text here.\n' >"$BATS_TEST_TMPDIR/ctrl.txt"
	head -c 4096 /dev/urandom >"$BATS_TEST_TMPDIR/rand.bin"
	run --separate-stderr bash -c "split-header '$BATS_TEST_TMPDIR/empty.txt' '$BATS_TEST_TMPDIR/ctrl.txt' | jq -c '[.id, .body, .word_count]'"
	assert_success
	assert_output $'["empty","",0]\n["ctrl","A B C text here.",5]'
	run --separate-stderr split-header "$BATS_TEST_TMPDIR/rand.bin"
	[ "$status" -le 1 ] || fail "status $status"
}

@test "a 50 MB single line is one article" {
	python3 -c 'import sys; sys.stdout.write("word " * 10000000)' >"$BATS_TEST_TMPDIR/big.txt"
	run --separate-stderr bash -c "split-header '$BATS_TEST_TMPDIR/big.txt' | jq -c '[.title, .word_count, (.body | length)]'"
	assert_success
	assert_output '[null,10000000,49999999]'
}

@test "a 20 MB line of markdown brackets stays linear and intact" {
	python3 -c 'import sys; sys.stdout.write("[" * 10000000 + "](" * 5000000)' >"$BATS_TEST_TMPDIR/br.txt"
	run --separate-stderr bash -c "timeout 60 split-header '$BATS_TEST_TMPDIR/br.txt' | jq -c '.body | length'"
	assert_success
	assert_output 20000000
}

@test "a page copy with 200,000 share prompts under its article stays linear" {
	python3 -c 'import sys; sys.stdout.write("Home\nNews\nSport\nWeather\nContact\n\nA headline for the test page\n\nMay 3, 2024\n\n" + "A paragraph of the article with enough words in it to be prose.\n\n" * 3 + "Share\n\n" * 200000)' >"$BATS_TEST_TMPDIR/share.txt"
	run --separate-stderr bash -c "timeout 60 split-header '$BATS_TEST_TMPDIR/share.txt' | jq -c '[.title, .date_raw, .word_count]'"
	assert_success
	assert_output '["A headline for the test page","May 3, 2024",13]'
}

@test "a page copy with 300,000 lines shaped as comment headings stays linear" {
	python3 -c 'import sys; sys.stdout.write("Home\nNews\nSport\nWeather\nContact\n\nA headline for the test page\n\nMay 3, 2024\n\n" + "A paragraph of the article with enough words in it to be prose.\n\n" * 3 + "".join("%d thoughts on \u201cpost %d\u201d\n\n" % (i, i) for i in range(300000)))' >"$BATS_TEST_TMPDIR/heads.txt"
	run --separate-stderr bash -c "timeout 30 split-header '$BATS_TEST_TMPDIR/heads.txt' | jq -c '[.title, .date_raw, .word_count]'"
	assert_success
	assert_output '["A headline for the test page","May 3, 2024",13]'
}

# --- input handling -----------------------------------------------------

@test "directories are walked in byte order, hidden files skipped, ids made unique" {
	mkdir -p "$BATS_TEST_TMPDIR/d/a" "$BATS_TEST_TMPDIR/d/b" "$BATS_TEST_TMPDIR/d/.hid"
	for f in a/x.txt b/x.md b/x.txt B.txt .h.txt .hid/y.txt x-2.txt; do
		printf 'Text of %s.\n' "$f" >"$BATS_TEST_TMPDIR/d/$f"
	done
	run --separate-stderr bash -c "cd '$BATS_TEST_TMPDIR' && split-header d | jq -r '[.id, .source] | @tsv'"
	assert_success
	assert_output $'B\td/B.txt\nx\td/a/x.txt\nx-2\td/b/x.md\nx-3\td/b/x.txt\nx-2-2\td/x-2.txt'
}

@test "stdin is one article with id stdin" {
	run --separate-stderr bash -c "printf 'Headline\n\nOne line of text.\n' | split-header | jq -c '[.id, .source, .title, .body]'"
	assert_output '["stdin","<stdin>","Headline","One line of text."]'
	run --separate-stderr bash -c "printf 'Just text.' | split-header - | jq -r .id"
	assert_output stdin
}

@test "'-' among the operands reads stdin at its place" {
	printf 'First\n\nText of a.\n' >"$BATS_TEST_TMPDIR/a.txt"
	printf 'Third\n\nText of b.\n' >"$BATS_TEST_TMPDIR/b.txt"
	run --separate-stderr bash -c "cd '$BATS_TEST_TMPDIR' && printf 'Title\n\nBody text here.\n' \
	    | split-header a.txt - b.txt | jq -c '[.id, .source, .title, .body]'"
	assert_success
	assert_output - <<'EOF'
["a","a.txt","First","Text of a."]
["stdin","<stdin>","Title","Body text here."]
["b","b.txt","Third","Text of b."]
EOF
	[ -z "$stderr" ] || fail "$stderr"
}

@test "'-' twice is bad usage: nothing is read or written" {
	printf 'Text of a.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run --separate-stderr bash -c "cd '$BATS_TEST_TMPDIR' && printf 'Body.\n' | split-header - a.txt -"
	assert_failure 2
	assert_output ""
	[[ $stderr == "split-header: '-' (standard input) may be given only once" ]] || fail "$stderr"
}

@test "--ndjson: text is split, id and source kept, other fields pass through" {
	printf '%s\n' '{"n":1,"id":"k","text":"date 2024-01-02 Headline\n\nParis (AFP) - A body line.","source":"db"}' \
	    '{"text":"Second one."}' '{"id":"k","body":"Third."}' '{"id":"z","title":"T"}' >"$BATS_TEST_TMPDIR/in"
	run --separate-stderr split-header --ndjson "$BATS_TEST_TMPDIR/in"
	assert_failure 1
	[[ $stderr == *"split-header: $BATS_TEST_TMPDIR/in:4: no string field \"text\", \"html\" (or \"body\") with the article"* ]] || fail "$stderr"
	run bash -c "split-header --ndjson '$BATS_TEST_TMPDIR/in' 2>/dev/null | jq -c '[.n, .id, .source, .title, .agency, .dateline_place, .date_raw, .body, has(\"text\")]'"
	assert_output - <<EOF
[1,"k","db","Headline","AFP","Paris","2024-01-02","A body line.",false]
[null,"in-2","$BATS_TEST_TMPDIR/in:2",null,null,null,null,"Second one.",false]
[null,"k-2","$BATS_TEST_TMPDIR/in:3",null,null,null,null,"Third.",false]
EOF
}

@test "word_count: letter and digit runs, inner apostrophes and hyphens join" {
	printf "Title\n\nIt's a well-known co-op -- 3.5 million don't 'quote' café’s 42.\n" >"$BATS_TEST_TMPDIR/w.txt"
	run field "$BATS_TEST_TMPDIR/w.txt" .word_count
	assert_output 11
}

@test "outlet from the URL host: known table, else the host without www." {
	printf 'URL: https://apnews.com/article/x\n\nText one.\n' >"$BATS_TEST_TMPDIR/a.txt"
	printf 'URL: https://user@WWW.Example.ORG:8080/a?b\n\nText two.\n' >"$BATS_TEST_TMPDIR/b.txt"
	printf 'Source: https://edition.cnn.com/x\n\nText three.\n' >"$BATS_TEST_TMPDIR/c.txt"
	run bash -c "cd '$BATS_TEST_TMPDIR' && split-header a.txt b.txt c.txt | jq -r .outlet"
	assert_output $'AP News\nexample.org\nCNN'
}

@test "--help, --version and a bad option" {
	run --separate-stderr split-header --help
	assert_success
	assert_output --partial "--keep-boilerplate"
	run --separate-stderr split-header --bogus
	assert_failure 2
	assert_output ""
}

@test "hard-wrapped paragraphs are joined; byline, ads and share prompts go" {
	run meta "$FX/wrapped.txt"
	assert_output '["City council approves new cycling lanes",null,null,null,"JOHN SMITH",null,null,null,null,null,[]]'
	run field "$FX/wrapped.txt" '[.body, .word_count]'
	assert_output '["The city council on Tuesday approved a plan to build 40 kilometres of protected cycling lanes over the next three years, a move supporters say will make the streets safer for everyone.\n\n\"This is a historic day,\" said councillor Ana Lopez, who has campaigned for the lanes since 2019.",49]'
}

@test "--ndjson on stdin: a record without id gets stdin-LINE" {
	printf '%s\n' '{"text":"T\n\nSEOUL, Aug. 1 (Yonhap) -- Body."}' >"$BATS_TEST_TMPDIR/in"
	run bash -c "split-header --ndjson <'$BATS_TEST_TMPDIR/in' | jq -c '[.id, .source, .title, .agency, .dateline_date, .body]'"
	assert_output '["stdin-1","<stdin>:1","T","Yonhap","Aug. 1","Body."]'
}

# Found by fuzz/article.c: the dateline reader ran strcspn past the end
# of a line buffer that has no NUL (a heap overflow under ASan).
@test "a dateline-like line at the very end of the text is read within bounds" {
	printf 'VL H\0\0,,mbTA/TASS/' >"$BATS_TEST_TMPDIR/odd.txt"
	run --separate-stderr bash -c "split-header '$BATS_TEST_TMPDIR/odd.txt' | jq -c '[.agency, .dateline_date, .body]'"
	assert_success
	assert_output '["TASS",null,""]'
}

# A period after a byline's name ends no sentence; an abbreviation
# keeps its own.
@test "bylines ending in a period: By Jane Doe. and By John Roe Jr." {
	printf 'Harbour reopens\n\nBy Kim Lee.\n\nThe harbour reopened on Monday after two weeks of repairs.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.byline, .body]'
	assert_output '["Kim Lee","The harbour reopened on Monday after two weeks of repairs."]'
	printf 'Harbour reopens\n\nBy Sam Park Jr.\n\nThe harbour reopened on Monday after two weeks of repairs.\n' >"$BATS_TEST_TMPDIR/b.txt"
	run field "$BATS_TEST_TMPDIR/b.txt" '.byline'
	assert_output '"Sam Park Jr."'
}

# A labelled byline or date under the headline ("Author: ...",
# "Autorin: ...") anchors it as "By ..." does: the headline stays the
# title, in a plain text and in a page's copy.
@test "a labelled byline or date (Author: Jane Doe, Autorin: ..., Posted: ...) under the headline keeps the title" {
	local k top
	for top in '' 'Home\nNews\nContact\n'; do
		for k in 'Author: Julia Richter' 'Autorin: Julia Richter' 'Posted: March 4, 2024'; do
			printf "${top}The city opens a new library in the old post office\n\n%s\n\nThe city opened its new library in the old post office on Monday, after two years of building work and a long argument about the cost.\n\nIt has room for forty thousand books.\n" "$k" >"$BATS_TEST_TMPDIR/a.txt"
			field "$BATS_TEST_TMPDIR/a.txt" '[.title, .byline, .published_raw]'
		done
	done >"$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_output - <<'EOF2'
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office",null,"March 4, 2024"]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office",null,"March 4, 2024"]
EOF2
}

# Bylines as pages write them without "By": "Words by", "Text:", a
# name with its role after a comma or on the line under it, a label
# ("AUTOR/IN", "Autor:") over the name; the role alone is no name, and
# none of these lines is the headline.
@test "bylines: Words by ..., Text: ..., a name with its role (Jane Doe, Staff Writer) over the date" {
	local k
	for k in 'Words by Julia Richter' 'Story by Julia Richter' 'Text: Julia Richter' 'Julia Richter, Education editor\n\n12 March 2024' 'Julia Richter, Staff Writer\n\n12 March 2024' 'Julia Richter\n\nStaff Writer\n\n12 March 2024' 'Text: Die Stadt baut um' \
	    'Julia Richter, Staff Writer' 'Julia Richter\n\nStaff Writer' 'AUTOR/IN\n\nJulia Richter' '12 March 2024\n\nAutor:\n\nJulia Richter' \
	    '• words written by Julia Richter • Art by Tom Lee'; do
		printf "Home\nNews\nContact\nThe city opens a new library in the old post office\n\n$k\n\nThe city opened its new library in the old post office on Monday, after two years of building work and a long argument about the cost.\n\nIt has room for forty thousand books.\n" >"$BATS_TEST_TMPDIR/a.txt"
		field "$BATS_TEST_TMPDIR/a.txt" '[.title, .byline, .date_raw]'
	done >"$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_output - <<'EOF2'
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter","12 March 2024"]
["The city opens a new library in the old post office","Julia Richter","12 March 2024"]
["The city opens a new library in the old post office","Julia Richter","12 March 2024"]
["The city opens a new library in the old post office",null,null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter","12 March 2024"]
["The city opens a new library in the old post office","Julia Richter",null]
EOF2
}

@test "bylines: a name beside the date with no mark, the kind of writing before by, Text & Fotos:, Interview:" {
	local k
	for k in 'Julia Richter   3/5/2024 22:41' '1. März 2024 Julia Richter 6' '12.03.2024 Julia Richter' 'Julia Richter   Stand: 12. März 2024' \
	    'The Example Times 12.03.2024' 'Harbour View 12.03.2024 © Tom Lee' \
	    'Blog Beitrag von Julia Richter' 'Ein Gastbeitrag von Julia Richter' 'Analysis by Julia Richter' \
	    'Text & Fotos: Julia Richter' 'Interview: Julia Richter\n\n12 March 2024' 'Interview: the mayor on the new library'; do
		printf "Home\nNews\nContact\nThe city opens a new library in the old post office\n\n$k\n\nThe city opened its new library in the old post office on Monday, after two years of building work and a long argument about the cost.\n\nIt has room for forty thousand books.\n" >"$BATS_TEST_TMPDIR/a.txt"
		field "$BATS_TEST_TMPDIR/a.txt" '[.title, .byline, .date_raw]'
	done >"$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_output - <<'EOF2'
["The city opens a new library in the old post office","Julia Richter","3/5/2024 22:41"]
["The city opens a new library in the old post office","Julia Richter","1. März 2024"]
["The city opens a new library in the old post office","Julia Richter","12.03.2024"]
["The city opens a new library in the old post office","Julia Richter","12. März 2024"]
["The city opens a new library in the old post office",null,"12.03.2024"]
["The city opens a new library in the old post office",null,"12.03.2024"]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter",null]
["The city opens a new library in the old post office","Julia Richter","12 March 2024"]
["The city opens a new library in the old post office",null,null]
EOF2
}

# A page's header block in shapes the fixtures' pages lack: a headline
# written as a sentence, the author's name under the date, no headline
# at all (a section's name in the menus is none), a list of other
# stories between the headline with its deck and the byline, a wide
# gap between headline and deck, a kicker joined to the headline;
# "Skip to main content" is a prompt, in any language.
@test "page copies: a headline with a period, the name under the date, no headline but menus, skip links, bullets" {
	local nav='Skip to main content\n\nHome\n\nNews\n\nSport\n\nCulture\n\nSubscribe\n\nSign in\n\n'
	local art='The council voted on Tuesday to close the old swimming pool at the end of the summer, saying repairs would cost more than a new building.\n\nA new pool is planned near the station but will not open before 2027, the council said.\n'
	local h
	for h in 'Council votes to close the old swimming pool.\n\nBy Jane Doe\n\nMarch 4, 2024\n\n' \
	    'Council votes to close the old swimming pool\n\nMarch 4, 2024 at 10:15 a.m.\n\nJane Doe\n\n' '' \
	    'Council votes to close the old swimming pool\n\nBy Jane Doe • March 4, 2024\n\n' \
	    'Council votes to close the old swimming pool\n\nBy Jane Doe — March 4, 2024\n\n' \
	    'Council votes to close the old swimming pool\n\nJane Doe\n\nJane Doe is a reporter covering the town hall.\n\nMarch 4, 2024\n\n' \
	    'Council votes to close the old swimming pool\n\nRepairs would cost more than a new building, the council says.\n\nTrain fares to rise again in January\n\nNew bridge opens to cyclists\n\nThe mayor moves to the old station\n\nSwimmers at the pool. Photo: John Roe\n\nBy Jane Doe\n\nMarch 4, 2024\n\n'; do
		printf "$nav$h$art" >"$BATS_TEST_TMPDIR/a.txt"
		field "$BATS_TEST_TMPDIR/a.txt" '[.title, .byline, .date_raw]'
	done >"$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_output - <<'EOF2'
["Council votes to close the old swimming pool.","Jane Doe","March 4, 2024"]
["Council votes to close the old swimming pool","Jane Doe","March 4, 2024 at 10:15 a.m."]
[null,null,null]
["Council votes to close the old swimming pool","Jane Doe","March 4, 2024"]
["Council votes to close the old swimming pool","Jane Doe","March 4, 2024"]
["Council votes to close the old swimming pool",null,"March 4, 2024"]
["Council votes to close the old swimming pool","Jane Doe","March 4, 2024"]
EOF2
	# a wide gap in the headline's line parts the headline from its
	# deck, as a copy joins a page's inline parts
	printf "${nav}Council votes to close the old swimming pool    Repairs would cost more than a new one\n\nBy Jane Doe\n\n$art" >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.title, .subtitle, .byline]'
	assert_output '["Council votes to close the old swimming pool","Repairs would cost more than a new one","Jane Doe"]'
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/a.txt' | jq -c '[.removed[] | select(.reason == \"title\" or .reason == \"subtitle\")]'"
	assert_output '[{"text":"Council votes to close the old swimming pool","reason":"title"},{"text":"Repairs would cost more than a new one","reason":"subtitle"}]'
	# a kicker joined to the headline that the page writes apart
	# elsewhere (a share line) is no part of it
	printf "${nav}Schwimmbad Council votes to close the old swimming pool\n\nBy Jane Doe\n\n${art}\nMehr zu: Schwimmbad - Council votes to close the old swimming pool\n" >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.title, .byline]'
	assert_output '["Council votes to close the old swimming pool","Jane Doe"]'
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/a.txt' | jq -c '[.removed[] | select(.text | startswith(\"Schwimmbad\") or startswith(\"Council\"))]'"
	assert_output '[{"text":"Schwimmbad","reason":"navigation"},{"text":"Council votes to close the old swimming pool","reason":"title"}]'
	# a blog's name over the links to the posts before and after is no
	# headline the date under them anchors: the post's title under it is
	printf "Home\n\nAbout\n\nThe Orchard Diary\n\n← Older post: Winter pruning\n\nNewer post: The first blossom →\n\nMarch 4, 2024\n\nWhy the old pear tree needs a new neighbour\n\n$art" >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.title, .date_raw]'
	assert_output '["Why the old pear tree needs a new neighbour","March 4, 2024"]'
	# the first section's heading, named in the table of contents, is
	# no headline: the line over "Contents" is
	printf "Mending a cracked clay pot\n\nContents\n\nWhat you need\n\nGluing the pieces\n\nWiring it\n\nWhat you need\n\nA cracked pot does not have to go in the bin: with a tube of glue, some wire and an afternoon it will hold soil again.\n\nGluing the pieces\n\nClean the edges first.\n" >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '.title'
	assert_output '"Mending a cracked clay pot"'
	# a firm's name (its legal form last) is no headline, nor a deck
	printf "${nav}Harbour opens a second ferry berth for the summer\n\nExample Port Services GmbH\n\n$art" >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.title, .subtitle]'
	assert_output '["Harbour opens a second ferry berth for the summer",null]'
	printf "${nav}Bosch kauft Sparte von Siemens AG\n\nBy Jane Doe\n\n$art" >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '.title'
	assert_output '"Bosch kauft Sparte von Siemens AG"'
	run bash -c 'for l in "Skip to main content" "Zum Inhalt springen" "Aller au contenu principal" "Saltar al contenido"; do
	    printf "%s\n\nThe council voted on Tuesday to close the old swimming pool at the end of the summer.\n" "$l" | split-header --explain | jq -c "[.title, .removed[0].reason]"; done'
	assert_output - <<'EOF2'
[null,"prompt"]
[null,"prompt"]
[null,"prompt"]
[null,"prompt"]
EOF2
}

# One line with the first publication and the update: each to its
# field, in the languages pages are written in, whichever comes first.
@test "a dated line with both dates (Published ... Updated ..., Publié le ..., mis à jour le ...) gives the date and the update" {
	local d
	for d in 'Published March 4, 2024 Updated March 5, 2024' 'March 4, 2024 | Updated March 5, 2024' \
	    'Veröffentlicht am 4. März 2024, aktualisiert am 5. März 2024' \
	    'Publié le 4 mars 2024 à 10h15, mis à jour le 5 mars 2024 à 11h00' \
	    'Updated: March 5, 2024 Published: March 4, 2024' '4 March 2024 • Last updated 5 March 2024' 'Published 4 March 2024'; do
		printf "Home\n\nNews\n\nCouncil votes to close the old swimming pool\n\nBy Jane Doe\n\n%s\n\nThe council voted on Tuesday to close the old swimming pool at the end of the summer, saying repairs would cost more than a new building.\n\nIt closes in May.\n" "$d" >"$BATS_TEST_TMPDIR/a.txt"
		field "$BATS_TEST_TMPDIR/a.txt" '[.date_raw, .published_raw, .date_modified_raw]'
	done >"$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_output - <<'EOF2'
[null,"March 4, 2024","March 5, 2024"]
["March 4, 2024",null,"March 5, 2024"]
[null,"4. März 2024","5. März 2024"]
[null,"4 mars 2024 à 10h15","5 mars 2024 à 11h00"]
[null,"March 4, 2024","March 5, 2024"]
["4 March 2024",null,"5 March 2024"]
[null,"4 March 2024",null]
EOF2
}

# The agency a byline names after a comma ("By Jane Doe, AP", "Jeanne
# Dupont, avec AFP") is the agency, not a name; a role held in a place
# ("Corresponsal en Lima") is a role, no headline; a newsroom signs
# with one word ("Redaktion"); Italian's "di", two names joined over
# the date, a photo credit after the names ("Foto: ...").
@test "bylines with an agency after a comma, a role in a place, a newsroom" {
	local k
	for k in 'By Jane Doe, AP\n\nMarch 4, 2024' 'Von Anna Berg, dpa\n\n04.03.2024' 'Jeanne Dupont, avec AFP\n\n04/03/2024' \
	    'Jane Doe, with Reuters' 'Juana Pérez\n\nCorresponsal en Lima\n\n4 de marzo de 2024' \
	    'Redaktion\n\n04.03.2024 10:29' 'Redaktion | 4. März 2024' 'di Giovanna Rossi\n\n4 marzo 2024' \
	    'Jane Doe and John Roe\n\nMarch 4, 2024' 'Anna Berg und Jonas Keller\n\n04.03.2024' 'Text: Jan Novák, Foto: Petr Malý' \
	    'Story by Jane Doe • Photos by John Roe'; do
		printf "Home\nNews\nContact\nThe city opens a new library in the old post office\n\n$k\n\nThe city opened its new library in the old post office on Monday, after two years of building work and a long argument about the cost.\n\nIt has room for forty thousand books.\n" >"$BATS_TEST_TMPDIR/a.txt"
		field "$BATS_TEST_TMPDIR/a.txt" '[.title[:8], .byline, .agency, .date_raw]'
	done >"$BATS_TEST_TMPDIR/out"
	run cat "$BATS_TEST_TMPDIR/out"
	assert_output - <<'EOF2'
["The city","Jane Doe","AP","March 4, 2024"]
["The city","Anna Berg","dpa","04.03.2024"]
["The city","Jeanne Dupont","AFP","04/03/2024"]
["The city","Jane Doe","Reuters",null]
["The city","Juana Pérez",null,"4 de marzo de 2024"]
["The city","Redaktion",null,"04.03.2024 10:29"]
["The city","Redaktion",null,"4. März 2024"]
["The city","Giovanna Rossi",null,"4 marzo 2024"]
["The city","Jane Doe and John Roe",null,"March 4, 2024"]
["The city","Anna Berg und Jonas Keller",null,"04.03.2024"]
["The city","Jan Novák",null,null]
["The city","Jane Doe",null,null]
EOF2
}

# A date's label alone over its date ("Published:" / "03 December
# 2019", "| Updated:"), in the header or in a page's footer, where the
# author's and the dates count for want of others.
@test "dates under their labels (Published: / the date), a page's author and dates under the article" {
	printf 'Home\n\nNews\n\nCouncil votes to close the old swimming pool\n\nPublished:\n\n22:00 GMT, 4 March 2024\n\n|  Updated:\n\n08:39 GMT, 5 March 2024\n\nThe council voted on Tuesday to close the old swimming pool at the end of the summer, saying repairs would cost more than a new building.\n\nIt closes in May.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.date_raw, .published_raw, .date_modified_raw]'
	assert_output '[null,"4 March 2024","5 March 2024"]'
	printf 'Home\n\nNews\n\nCouncil votes to close the old swimming pool\n\nThe council voted on Tuesday to close the old swimming pool at the end of the summer, saying repairs would cost more than a new building.\n\nIt closes in May, and a new pool opens near the station in 2027.\n\nAuthor: Jane Doe\n\nPublished:\n\n03 March 2024\n\nUpdated:\n\n05 March 2024\n\nRss\n\nContact\n' >"$BATS_TEST_TMPDIR/b.txt"
	run field "$BATS_TEST_TMPDIR/b.txt" '[.byline, .date_raw, .date_modified_raw, (.body | test("Author|Published"))]'
	assert_output '["Jane Doe","03 March 2024","05 March 2024",false]'
}

# A reader view's copy: the host, the headline, the author's name and
# the reading time over the text.
@test "reader view copies: host name as outlet, a name under the title as byline, reading time gone" {
	run field "$FX/reader-view.txt" '[.title, .outlet, .byline, .body[:30], .word_count]'
	assert_output '["Night ferry returns to the island after six years","coastherald.example","Marta Kowalski","The night ferry to the island ",63]'
}

# An audio player's prompt with the clip's length is no deck.
@test "a prompt with a clip's length (Listen to this article · 4:12 min) is no subtitle" {
	printf 'Harbour strike ends after six weeks\n\nListen to this article \xc2\xb7 4:12 min\n\nDock workers at the port voted on Tuesday to end a six-week strike.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/a.txt' | jq -c '[.subtitle, .removed[1].reason]'"
	assert_output '[null,"prompt"]'
}

# The outlet a byline's authors wrote for is no name of theirs.
@test "bylines with the outlet written for (By Jane Doe And Omar Said For The Example Times), names on lines of their own" {
	printf 'Harbour reopens\n\nBy Kim Lee And Omar Said For The Coast Herald\n\nThe harbour reopened on Monday after two weeks of repairs.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.byline, .authors, .body]'
	assert_output '["Kim Lee And Omar Said",["Kim Lee","Omar Said"],"The harbour reopened on Monday after two weeks of repairs."]'
	printf 'Harbour reopens\n\nBy Kim Lee for the Coast Herald\n\nThe harbour reopened on Monday after two weeks of repairs.\n' >"$BATS_TEST_TMPDIR/b.txt"
	run field "$BATS_TEST_TMPDIR/b.txt" '[.byline, .authors]'
	assert_output '["Kim Lee",["Kim Lee"]]'
	# a blog's "Posted by" and the like, what follows the name left out;
	# a dated one gives the date too
	printf 'Harbour reopens\n\nGepostet von Kim Lee | Hafen\n\nThe harbour reopened on Monday after two weeks of repairs.\n' >"$BATS_TEST_TMPDIR/d.txt"
	run field "$BATS_TEST_TMPDIR/d.txt" '[.byline, .subtitle]'
	assert_output '["Kim Lee",null]'
	printf 'Harbour reopens\n\nPosted by Kim Lee 21.10.2019\n\nThe harbour reopened on Monday after two weeks of repairs.\n' >"$BATS_TEST_TMPDIR/e.txt"
	run field "$BATS_TEST_TMPDIR/e.txt" '[.byline, .date_raw]'
	assert_output '["Kim Lee","21.10.2019"]'
	# "By", the names and "and" each on a line of its own
	printf 'Harbour reopens\n\nBy\n\nKim Lee\n\nand\n\nOmar Said\n\nThe harbour reopened on Monday after two weeks of repairs.\n' >"$BATS_TEST_TMPDIR/c.txt"
	run field "$BATS_TEST_TMPDIR/c.txt" '[.byline, .authors, .body]'
	assert_output '["Kim Lee and Omar Said",["Kim Lee","Omar Said"],"The harbour reopened on Monday after two weeks of repairs."]'
}

# A wire story's credit line names its reporters: they are the byline
# when the text has none above, and the line is no part of the body.
@test "wire credit lines: Reporting by ... is the byline; credits and 'contributed to this report' leave the body" {
	run field "$FX/credits-reuters.txt" '[.byline, .body]'
	assert_output '["Jane Doe and Omar Said","Wheat prices fell on Tuesday as forecasts pointed to a large harvest.\n\nReporting by the trade press showed that buyers were waiting for the next crop report."]'
	run field "$FX/credits-ap.txt" '[.byline, .body]'
	assert_output '[null,"Schools across the city closed on Monday as a winter storm moved in."]'
	run field "$FX/wire-reuters.txt" .byline
	assert_output '"Jane Roe"'
	printf 'T\n\nBy Kim Lee\n\nOne sentence here.\n\nReporting by Ann Park, Bo Yun and Cy Lim in Seoul; Writing by Dan Cho\n' >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.byline, .body]'
	assert_output '["Kim Lee","One sentence here."]'
	printf 'T\n\nOne sentence here.\n\nReporting by Ann Park, Bo Yun and Cy Lim in Seoul; Writing by Dan Cho\n\nWriting by Eve Moe; Editing by Fay Lo.\n' >"$BATS_TEST_TMPDIR/b.txt"
	run field "$BATS_TEST_TMPDIR/b.txt" '[.byline, .body]'
	assert_output '["Ann Park, Bo Yun and Cy Lim","One sentence here."]'
	run bash -c "split-header --keep-boilerplate '$BATS_TEST_TMPDIR/b.txt' | jq -c '[.byline, .body]'"
	assert_output '["Ann Park, Bo Yun and Cy Lim","One sentence here."]'
	# the place is after a lower-case "in"; "In-ho" is part of a name
	printf 'T\n\nOne sentence here.\n\n(Reporting by Lee In-ho and Kim Min in Seoul; Editing by Bo Ra)\n' >"$BATS_TEST_TMPDIR/c.txt"
	run field "$BATS_TEST_TMPDIR/c.txt" .byline
	assert_output '"Lee In-ho and Kim Min"'
}

# --- wire copy (tests/fixtures/split-header/wire: invented stories) -----

# Invented page copies in many layouts (tools/page-layouts): the title,
# the authors and the day of the date right on nearly all.
@test "invented page layouts: title, authors and date right on 95 in 100 at least" {
	tools=$ROOT/tools
	"$tools/page-layouts" --out "$BATS_TEST_TMPDIR/pl" --seed 7 -n 300
	run bash -c "split-header '$BATS_TEST_TMPDIR/pl/' | normalize-date | '$tools/page-layouts' --score '$BATS_TEST_TMPDIR/pl' --min 0.95"
	assert_success
	assert_output --partial "pages 300: title"
}

@test "wire stories: dateline place, agency, clean body and last words, all right" {
	run bash -c "PATH='$BIN':\$PATH '$ROOT/tools/wire-score' --min 1 '$FX/wire/expected.tsv'"
	assert_success
	assert_output "stories 39: dateline place 1.000, agency 1.000, clean body 1.000; last words kept 39 of 39"
}

# wire TEXT: place, date, agency and body of TEXT as one line.
wire() {
	printf '%s' "$1" | split-header | jq -c '[.dateline_place, .dateline_date, .agency, .body]'
}

@test "datelines of every common form, with or without an agency, leave the body" {
	run wire $'HOUSTON, March 2 - Acme Corp said it cut its dividend.'
	assert_output '["HOUSTON","March 2",null,"Acme Corp said it cut its dividend."]'
	run wire $'SPRINGFIELD, Ill., Mar. 3 -- Prices rose.'
	assert_output '["SPRINGFIELD, Ill.","Mar. 3",null,"Prices rose."]'
	run wire $'LYON, Feb 26 — Le Monde said so.'
	assert_output '["LYON","Feb 26",null,"Le Monde said so."]'
	run wire $'WASHINGTON (AP) - The Senate voted.'
	assert_output '["WASHINGTON",null,"AP","The Senate voted."]'
	run wire $'PARIS, March 12 (AFP) - A museum opened.'
	assert_output '["PARIS","March 12","AFP","A museum opened."]'
	run wire $'MOSCOW, March 14. /TASS/. A tram line opens.'
	assert_output '["MOSCOW","March 14","TASS","A tram line opens."]'
	run wire $'Paris, 2 March - Rain fell all day.'
	assert_output '["Paris","2 March",null,"Rain fell all day."]'
	run wire $'SAN DIEGO — Cranes were replaced.'
	assert_output '["SAN DIEGO",null,null,"Cranes were replaced."]'
	# no dateline: a capitalised phrase before a dash without a date, a
	# sentence with a dash
	run wire $'New Haven - a city of trees - grew.'
	assert_output '[null,null,null,"New Haven - a city of trees - grew."]'
	run wire $'The plan - which nobody read - was late.'
	assert_output '[null,null,null,"The plan - which nobody read - was late."]'
	# a place alone opens a sentence: capitals after the dash are a
	# title's ("NEW ISSUE - ACME FUNDING CORP")
	run wire $'NEW ISSUE - ACME FUNDING CORP\n\nThe notes are due in 1992.'
	assert_output '[null,null,null,"The notes are due in 1992."]'
	run field "$FX/wire/r21-title-dash.txt" .title
	assert_output '"NEW ISSUE - ACME FUNDING CORP"'
	# a dateline alone on a line, over the text or over the headline
	run wire $'RATES UNCHANGED\n\nOTTAWA, March 4\nBank rates were unchanged this week, the bank said.'
	assert_output '["OTTAWA","March 4",null,"Bank rates were unchanged this week, the bank said."]'
	# a dateline alone, and another opening the text under it: both
	# leave the body (the first is the record's), as a second split
	# would take the second
	run field "$FX/two-datelines.txt" '[.dateline_place, .body[:30]]'
	assert_output '["HOUSTON","Copper output rose 4 pct in Fe"]'
	printf 'OTTAWA, March 4\nRATES UNCHANGED\n\n    Bank rates were unchanged this week, the bank said.\n' >"$BATS_TEST_TMPDIR/a.txt"
	run field "$BATS_TEST_TMPDIR/a.txt" '[.title, .dateline_place, .body]'
	assert_output '["RATES UNCHANGED","OTTAWA","Bank rates were unchanged this week, the bank said."]'
}

# A line repeated under the text (the last paragraph, the headline) is
# dropped as a repeat; the sign-off and credit over it are still the
# footer's, as a second split of the body reads them.
@test "sign-offs and credits over a repeated line leave the body" {
	run bash -c "split-header '$FX/signoff-repeat.txt' '$FX/signoff-line-repeat.txt' '$FX/credit-title-repeat.txt' '$FX/credit-lead-repeat.txt' | jq -c '[.agency, .body[-30:]]'"
	assert_output - <<'EOF'
["Reuters","200 tonnes, the ministry said."]
["Reuters","ry said.\n\nExports were steady."]
["AP","ay as a winter storm moved in."]
["AP","ay as a winter storm moved in."]
EOF
}

@test "sign-offs give the agency, leave the body and keep the sentence before them" {
	for t in $'The deal closed.\n\nReuter' $'The deal closed. Reuter' $'The deal closed. (Reuters)' \
	    $'The deal closed.\n\n-- AP' $'The deal closed. (AFP)' $'The deal closed.\n\n(Xinhua)'; do
		run wire "$t"
		[[ $output == '[null,null,"'*'","The deal closed."]' ]] || fail "$t: $output"
		[[ $output != *'null,null,null'* ]] || fail "$t: $output"
	done
	for t in $'The deal closed.\n\n###' $'The deal closed. [END]' $'The deal closed. (END)'; do
		run wire "$t"
		assert_output '[null,null,null,"The deal closed."]'
	done
	# a dateline's agency comes first
	run wire $'OSLO (AP) - The deal closed.\n\n(Reuters)'
	assert_output '["OSLO",null,"AP","The deal closed."]'
}

@test "a paragraph without a final period is never lost; a word wrapped onto its own line stays" {
	run wire $'LONDON, May 4 - Prices rose for a third week on Monday, traders said, as buyers\nreturned after the holiday'
	assert_output '["LONDON","May 4",null,"Prices rose for a third week on Monday, traders said, as buyers returned after the holiday"]'
	run wire $'Loan demand should rise, a bank official told\nReuters.\n\nHe gave no figures'
	assert_output '[null,null,null,"Loan demand should rise, a bank official told Reuters.\n\nHe gave no figures"]'
	run wire $'Qtly div 12 cts vs 12 cts prior\n    Pay April 15\n    Record March 31\n Reuter'
	assert_output '[null,null,"Reuters","Qtly div 12 cts vs 12 cts prior\n\nPay April 15\n\nRecord March 31"]'
}

# --- zones --------------------------------------------------------------

@test "inside the body, Source: lines, links and credits stay; a caption under an image leaves" {
	printf 'Flu cases climb\n\nBy Ann Lee\n\nFlu cases rose for a fourth week, health officials said on Friday.\n\nSource: Health Department, City Hospital\n\nThe rise was steepest among children under five, the department said.\n\nhttps://www.facebook.com/example/posts/123\n\nSchools were asked to report absences daily.\n\nA nurse at work\n\nReuters\n\nClinics will open longer on weekends, officials said.\n' >"$BATS_TEST_TMPDIR/z.txt"
	run field "$BATS_TEST_TMPDIR/z.txt" '[.byline, .outlet, .url, .agency, (.body | split("\n\n") | length), (.body | test("Source: Health Department")), (.body | test("facebook.com")), (.body | test("A nurse at work\n\nReuters"))]'
	assert_output '["Ann Lee",null,null,null,8,true,true,true]'
	printf '# Flu cases climb\n\nFlu cases rose for a fourth week, officials said.\n\n![A nurse](https://example.org/n.jpg)\nA nurse at work in the city hospital\nReuters\n\nClinics will open longer on weekends, officials said.\n' >"$BATS_TEST_TMPDIR/m.md"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/m.md' | jq -c '[.agency, .body, [.removed[] | select(.reason == \"caption\" or .reason == \"image\") | .text]]'"
	assert_output '[null,"Flu cases rose for a fourth week, officials said.\n\nClinics will open longer on weekends, officials said.",["![A nurse](https://example.org/n.jpg)","A nurse at work in the city hospital","Reuters"]]'
}

@test "header fields come from the header zone, sign-offs from the footer only" {
	printf 'Budget passes\n\nThe council passed the budget on Monday after a long debate.\n\nBy the end of the night, members were tired and hungry.\n\nSpending on roads rises by a fifth, the budget shows.\n\nMay 3, 2024\n\nReuters\n\nThe mayor thanked the staff, saying the work was done.\n' >"$BATS_TEST_TMPDIR/h.txt"
	run field "$BATS_TEST_TMPDIR/h.txt" '[.date_raw, .agency, (.body | split("\n\n") | length)]'
	assert_output '[null,null,6]'
	# under the headline, the first lines may hold the date and byline
	printf 'Budget passes\n\nThe council passed the budget on Monday after a long debate.\n\nMay 3, 2024\n\nBy Ann Lee\n\nThe mayor thanked the staff, saying the work was done.\n' >"$BATS_TEST_TMPDIR/w.txt"
	run field "$BATS_TEST_TMPDIR/w.txt" '[.date_raw, .byline, (.body | split("\n\n") | length)]'
	assert_output '["May 3, 2024","Ann Lee",2]'
}

# --- --explain: nothing disappears unaccounted ----------------------------

@test "--explain: removed lists each line that left the body with its reason" {
	run bash -c "split-header --explain '$FX/wire-reuters.txt' '$FX/webpage.txt' | jq -c '.removed | map(.reason)'"
	assert_output - <<'EOF2'
["dateline","credit"]
["outlet","navigation","prompt","prompt","title","published_raw","caption","related","related","related","repeat","sign-off","tags","related","related","related","related","related","prompt"]
EOF2
	run bash -c "split-header --explain '$FX/wire-reuters.txt' | jq -c '.removed[0]'"
	assert_output '{"text":"MOSCOW, Sept 2 (Reuters) -","reason":"dateline"}'
	run bash -c "split-header '$FX/wire-reuters.txt' | jq -c 'has(\"removed\")'"
	assert_output false
}

@test "--explain invariant: every non-blank line is in the body, a field or removed" {
	local f n=0
	for f in "$SEEDS"/*.txt "$FX"/*.* "$FX"/wire/*.txt "$FX"/pages/*.txt; do
		split-header --explain "$f" >"$BATS_TEST_TMPDIR/rec.json"
		run "$ROOT/tests/explain-check" "$f" "$BATS_TEST_TMPDIR/rec.json"
		[ "$status" -eq 0 ] || fail "$f: $output"
		n=$((n + 1))
	done
	[ "$n" -ge 45 ] || fail "only $n files"
}

# --- idempotence ------------------------------------------------------------

# Texts no fixture has: each a fixture with lines deleted, repeated,
# joined, indented or a wire line put in (tools/mutate-check).
@test "mutated texts: no crash and no line lost" {
	run bash -c "PATH='$BIN':\$PATH '$ROOT/tools/mutate-check' --seed 7 -n 60 '$FX'/*.txt '$FX'/wire/*.txt '$FX'/pages/*.txt '$SEEDS'/*.txt"
	assert_success
	assert_output --partial "mutations 60: crashed 0, lines lost 0,"
}

@test "split-header --ndjson on its own output gives the same record" {
	local f
	for f in "$SEEDS"/*.txt "$FX"/*.* "$FX"/wire/*.txt "$FX"/pages/*.txt "$FX"/html/*.html; do
		diff <(split-header "$f" | jq -c 'del(.source)') \
		    <(split-header "$f" | split-header --ndjson | jq -c 'del(.source)') || fail "$f"
	done
}

# --- copies of whole web pages (tests/fixtures/split-header/pages) ------------

@test "page copies: the headline the byline and date anchor, navigation around the article gone" {
	run bash -c "split-header '$FX/pages' | jq -c '[.id, .title, .byline, .date_raw, .published_raw, .dateline_place, .agency]'"
	assert_output - <<'EOF2'
["p1-menus","Night trains return to the Alpine line after ten years","Marta Kowalski",null,"4 March 2024",null,null]
["p10-name-line","Glaciers in the southern range are melting twice as fast as a decade ago","Olu Bakare","Tue 9 Apr 2024 06.00 BST",null,null,null]
["p11-coauthor","Students were fined for missing class until the county changed its rules","Dana Holt & Ravi Menon","June 2, 2023",null,null,null]
["p12-name-alone","Der Stadtrat streitet über die neue Brücke","Karin Oswald","03.05.2023 - 07:15 Uhr",null,null,null]
["p13-far-headline","Harbour workers end a six week strike over pay","Lena Vogt, Coast Herald","March 22, 2024",null,null,null]
["p14-label-line","Night buses will run every hour from May",null,null,null,null,null]
["p15-prev-next","Why the old orchard needs new bees",null,null,null,null,null]
["p16-caption-name","El museo de la ciudad reabre tras dos años de obras","Ana Ruiz","12 de marzo de 2024",null,null,null]
["p17-dated-byline","Neue Radwege für die Altstadt","Jonas Berger","14. Mai 2024",null,null,null]
["p18-name-part","Gemeinderat beschließt neues Schwimmbad","Lena Hoff","04.06.2024",null,null,null]
["p19-date-below","Mending a cracked clay pot with wire and glue",null,"14 June 2021",null,null,null]
["p2-blog-comments","Warum der Rhabarber dieses Jahr so früh kommt","Anna Berg","12. März 2023",null,null,null]
["p20-von-dot-date","Der Wochenmarkt zieht auf den Kirchplatz","Jonas Keller","3. März 2022",null,null,null]
["p21-hour-words","La biblioteca del barrio abrirá también los domingos","Marta Gil","12 de abril 2023",null,null,null]
["p22-read-also","Die Fähre nach der Insel fährt bald elektrisch","Paula Brandt","5. Juni 2024",null,null,null]
["p23-leer-tambien","El mercado central amplía su horario en verano","Julia Campos","3 de junio de 2024",null,null,null]
["p24-prompts","Im Stadtpark blühen die ersten Kirschbäume","Ida Sommer","2. April 2024",null,null,null]
["p25-read-time","The quiet return of the river otter","Hana Moreau","May 12, 2024",null,null,null]
["p26-facts-line","Winterlicht (2)",null,"05.01.2021",null,null,null]
["p27-and-coauthor","Coastal towns plan for higher tides","Lea Frank and Omar Haddad","March 14, 2024",null,null,null]
["p28-dash-byline","Die Gemeinde baut eine neue Schule am Bach","Jana Roth","3. März 2024",null,null,null]
["p29-comma-name","Library opens a tool lending room","Nora Blake","4 March 2024",null,null,null]
["p3-updated","The long wait for the northern bridge is over","Tom Reed, Example News","March 8, 2021",null,"LONDON","AP"]
["p30-time-line","Ein Spielplatz für alle Generationen im Ostviertel",null,"12.03.2024",null,null,null]
["p31-short-year","Neue Bänke für den Uferweg am See","Tilo Brandt","12.05.24 08:30",null,null,null]
["p32-kicker-date","Volunteers plant four hundred trees along the canal","Clara Weiss","12 March 2024",null,null,null]
["p33-tag-list","Warum Linsen in jeden Vorratsschrank gehören","Mara Lindqvist","3. Februar 2023",null,null,null]
["p34-run-together","El transbordador a las islas del norte vuelve a salir tras la tormenta",null,"Viernes 3 de mayo de 2024",null,null,null]
["p35-doubled-menu","Wie man mit einer Dose Knöpfe zählen lernt",null,null,null,null,null]
["p36-crumb-end","Lighthouses","Tom Berg","3 May 2024",null,null,null]
["p37-trailing-off","Ein Sommer am See und was danach kam…","Lotte Brenner","1. September 2023",null,null,null]
["p38-label-crumb","Ein kleiner Verlag aus der Altstadt druckt Gedichte auf alte Fahrkarten",null,"19.10.2019",null,null,null]
["p39-name-lines","Harbour council approves a new ferry link to the outer islands","Ruth Okafor","Monday 14 October 2024 09:12",null,null,null]
["p4-from-headline","Schools plan longer summer break after heat wave",null,"March 3, 2024",null,null,null]
["p40-tags-under","Alte Radios richtig entstauben",null,"2. März 2021",null,null,null]
["p41-menu-line","Students build a footbridge over the mill stream","Ana Weber","June 4, 2024",null,null,null]
["p42-md-h1","Night ferry returns to the island after six years",null,"12 March 2024",null,null,null]
["p43-read-time","Mein erstes Rollenspiel hat mich zum Nachtmenschen gemacht",null,"1. November 2023",null,null,null]
["p44-boxed-story","Council delays the vote on the harbour wall after residents object","MIRA OKONJO","04/11/2024 06:15 AM EST",null,null,null]
["p45-source-line","Wärmepumpen: Neue Förderung für ältere Häuser beschlossen",null,"14.02.2024",null,null,null]
["p46-button","Wie ein Roboter den Weg durch ein Labyrinth findet","Nele Hartmann","03.02.2021",null,null,null]
["p47-comments-head","Why my tomatoes split after the rain",null,null,null,null,null]
["p48-embedded-story","Ferry operator orders two electric boats for the island route","Ruth Okafor And Sam Berg",null,"4 March 2024",null,null]
["p49-copyright","Bridge on the coast road closes for repairs",null,null,"March 6, 2024",null,null]
["p5-por","El puerto reabre tras la tormenta y los barcos vuelven a salir","Lucía Romero","04.05.2022",null,null,null]
["p50-long-headline","City council agrees to buy the old rail depot and turn it into four hundred homes for rent","Ida Brenner","3/4/2024 10:15",null,null,null]
["p51-sentence-headline","Wild ponies grazed this marsh for two hundred years. Now, the reeds are back.","Tom Aldridge",null,null,null,null]
["p52-subscribe","Allotment holders win their fight over water prices","Sara Lindgren","12 May 2024",null,null,null]
["p53-wiki","Lighthouse of the north cape",null,null,null,null,null]
["p54-caption-label","Ferry company fined after passengers were stranded overnight","Jane Doe",null,null,null,null]
["p55-follow-read-time","Why I stopped using dark mode on my phone","Jane Doe","Mar 4, 2024",null,null,null]
["p56-title-case","The Owls Came Back to the Old Barn. Nobody Knows Why.","Jane Doe","March 4, 2024",null,null,null]
["p57-name-role","Rivers in the north are warming faster than the sea, study finds","Jane Doe","Mon 4 Mar 2024 10.15 GMT",null,null,null]
["p58-temps-de-lecture","La ville rachète l’ancienne gare de marchandises","Jeanne Dupont","04 mars 2024",null,null,null]
["p59-blog-user","Why my beans climb the wrong way","jane","Posted on March 4, 2024",null,null,null]
["p6-deck-comments","Ferry fares to rise again from June","Priya Nandakumar","12 May 2024",null,null,null]
["p60-continues","Council votes to close the old swimming pool","Jane Doe","March 4, 2024",null,null,null]
["p61-author-bio","Harbour ferry to run through the winter for the first time","Jane Doe","March 4, 2024",null,null,null]
["p62-author-card","How I keep a sourdough starter alive on holiday","Tomás Ruiz","March 4, 2024",null,null,null]
["p63-reader-prompts","Harbour opens a second ferry berth for the summer","Jane Doe","March 4, 2024",null,null,null]
["p64-footnotes","Slow Time",null,null,null,null,null]
["p65-recipe-facts","Lemon Drizzle Traybake",null,null,null,null,null]
["p66-name-over-date","Los trenes nocturnos vuelven a la línea de la costa después de diez años","Marina Solís Peralta","jueves, 6 de junio de 2024",null,null,null]
["p67-most-read","Volunteers plant four thousand oaks along the river before the spring floods","Tom Hale","Sunday 10 March 2024",null,null,null]
["p68-by-colon","Why our allotment switched to rainwater for the whole summer and what it cost","Kim R.","May 2, 2023",null,null,null]
["p69-deck-points","Village school saved at the last minute: Parents raise the money for a new roof in six weeks after the county said it could not pay and the building would have to close","Sam Porter",null,"14 March 2024",null,null]
["p7-kicker-deck","City approves a tram line to the airport","Ines Duarte",null,"3 April 2024",null,null]
["p70-cookie-notice","Ferry to the islands runs twice a day from April","Rosa Lindqvist","28 March 2024",null,null,null]
["p71-date-above","Beavers return to the upper river after two hundred years","Tomasz Wolny, Environment Correspondent","12 May 2023, 09:40",null,null,null]
["p72-name-under-deck","Night buses return to the northern suburbs","Petra Holm","4 April 2024",null,null,null]
["p73-long-byline-date","El mercado del puerto abre también los domingos desde junio","Lucía Ferrer y María José Santos","4 de febrero de 2024",null,null,null]
["p74-labelled-byline-date","Die Stadt baut einen zweiten Fahrradparkplatz am Bahnhof","Jonas Reuter","14.02.2023",null,null,null]
["p75-name-widget-date","The river path reopens after the winter floods","Hugo Brennan","Aug 22, 2023 at 10:54 a.m.",null,null,null]
["p76-date-then-name","The school kitchen will cook with food from local farms","Marco Novak","February 5, 2024",null,null,null]
["p77-am-date","Hospital opens a night clinic for children with fever","Anna Keller","Apr 27, 2023 at 9:58 a.m.",null,null,null]
["p78-autor-under-deck","Was bedeutet der neue Fahrplan für Pendler?","Jonas García López","28.08.2023",null,null,null]
["p79-byline-bottom","Der Wochenmarkt bekommt ein festes Dach","Ida Brenner und Jonas Keller",null,"9. Dezember 2023",null,null]
["p8-short-title","Frühjahrsputz","Jana Novak","14.03.2024",null,null,null]
["p80-credit-over-name","La biblioteca del barrio abre también por la noche","Jean-Paul García López","5 de diciembre de 2023",null,null,null]
["p81-related-questions","Allotments by the river get a second water tap","Felix Santos and Omar Petrov","Sep 26, 2024 at 3:49 a.m.",null,null,null]
["p82-name-under-headline","Allotment holders get a second water tap","Ines Marlow","Jul 11, 2022 at 11:23 a.m.",null,null,null]
["p83-cookie-no-blank","The harbour opens a second ferry berth after years of debate","Ravi Marsh and Hugo Lind",null,"18 October 2022",null,null]
["p84-credit-joiner-name","Die Gemeinde baut einen Steg über den Mühlbach","Lotte van Rijn","10.03.2024",null,null,null]
["p85-date-above-widgets","Der Chor der Altstadt singt wieder im Dom","María José Weber","20.12.2024",null,null,null]
["p86-chapter-label","Chapter 3: The Flood Road",null,null,null,null,null]
["p87-subhead-label","Neue Regeln: Trinkwasser wird strenger geprüft",null,"14.03.2024",null,null,null]
["p88-text-dump","Die Stadt kauft das alte Bahngelände und baut dort vierhundert Wohnungen zur Miete für Familien","Jana Berg","14.03.2024",null,null,null]
["p89-indented-dump","Ferry to the islands will run through the winter for the first time","Ravi Marsh",null,"March 4, 2024",null,null]
["p9-no-headline",null,null,"13 March 2021",null,null,null]
["p90-wrapped-deck","Die Fähre zu den Inseln fährt im Winter zum ersten Mal jeden Tag","Redaktion","4. November 2024 10:29",null,null,null]
EOF2
	run bash -c "split-header '$FX/pages' | jq -c '[(.body | split(\"\n\n\") | .[0][:30], .[-1][-30:]), (.body | test(\"Menu|Subscribe|cookies|Share|More from|Privacy|Impressum|Kommentar|Antworten|Teilen|Contacto|Terms of Use|Lee también|Reply|ADVERTISEMENT|Most read|Terms of use\"))]'"
	assert_output - <<'EOF2'
["The first night train in a dec"," half sold, the operator said.",false]
["A survey of forty glaciers in ","d be gone within twenty years.",false]
["For years, students in the cou"," for a change for a long time.",false]
["Die Kosten für den Neubau sind"," Bürger vorher befragt werden.",false]
["Dock workers at the harbour re","f the coast had been unloaded.",false]
["What changes for passengers:","stay valid on the night buses.",false]
["The apple trees at the bottom ","how me how to look after them.",false]
["La nueva sala de arte moderno "," durante todo el mes de abril.",false]
["Die Stadt baut bis zum Herbst ","an zwei Kreuzungen umgeleitet.",false]
["Der Gemeinderat hat am Montaga","wölf Millionen Euro geschätzt.",false]
["A cracked pot does not have to","ghtly with wire while it sets.",false]
["Der milde Winter hat den Rhaba","um Erdbeeren und ihre Ableger.",false]
["Ab dem kommenden Monat findet ","g von sieben bis dreizehn Uhr.",false]
["La biblioteca municipal del ba","ctura y el préstamo de libros.",false]
["Die Reederei will ab dem nächs"," vierzig Jahren im Dienst ist.",false]
["El mercado central abrirá dos ","arde, cuando hace menos calor.",false]
["Im Stadtpark blühen seit dem W"," die Zweige nicht abzubrechen.",false]
["Otters have been seen again al","mill in April, the group said.",false]
["Am Abend lag noch Schnee auf d","m Himmel besser als das erste.",false]
["Several towns along the coast ","t in during the highest tides.",false]
["Die Gemeinde will bis zum über","und Treffpunkt genutzt werden.",false]
["The town library has opened a ","tool before it goes out again.",false]
["River traffic resumes below th","to be rebuilt on deeper piles.",false]
["Im Ostviertel hat die Stadt am","acht bis zwanzig Uhr geöffnet.",false]
["Am Uferweg stehen seit dieser ","halten, sagte der Vorsitzende.",false]
["On Saturday morning more than "," for everyone who helped them.",false]
["Linsen sind billig, halten sic","ben fest und passen in Salate.",false]
["El primer barco salió del puer","bieron el pan por helicóptero.",false]
["Kinder im Vorschulalter lernen","eichen, welche am größten ist.",false]
["There are more than forty ligh","bour board bought a gas light.",false]
["Den ganzen August haben wir in","avon in die Stadt mitzunehmen.",false]
["In einer Hinterhofwerkstatt be","t im Altpapier gelandet wären.",false]
["Open your reading list from th","will take about forty minutes.",false]
["Education officials said on Tu","alks with teachers and parents",false]
["Wer ein altes Röhrenradio wied"," den Staub vorsichtig absaugt.",false]
["Pupils from the vocational sch","ring floods damaged its piers.",false]
["The night ferry to the island ","ing leaves at eleven at night.",false]
["Mit vierzehn habe ich zum erst","n ich ein neues Spiel anfange.",false]
["Residents packed the town hall","t exposed part of the harbour.",false]
["Ein Heizungskeller mit einer m","er Höhe auf die Miete umlegen.",false]
["Kennst du schon die rechte-Han","r unser Arbeitsblatt herunter!",false]
["Every summer the same thing ha","les on 14 August 2022 by Mara.",false]
["The ferry company that runs th","serve boat for the first year.",false]
["The bridge over the river on t","fic on the coast road doubles.",false]
["Las autoridades esperan que el","n ayudas al gobierno regional.",false]
["The council voted 25 to 12 on "," engine shed as a market hall.",false]
["The marsh behind the dunes was","hort for ground-nesting larks.",false]
["Allotment holders in the east ","ice will also keep their rate.",false]
["The lighthouse of the north ca","a solar-powered light in 2004.",false]
["A ferry operator has been fine","nd had changed its procedures.",false]
["For two years I kept every scr","onth. The headaches went away.",false]
["After a decade away, a pair of","le explanation for the return.",false]
["Rivers across the north of the","on a dozen summer days a year.",false]
["Le conseil municipal a voté ma","e du terrain devienne un parc.",false]
["Every spring I tie my runner b","an anything else I have tried.",false]
["Operators blame fuel costs and","at the next transport meeting.",false]
["The council voted on Tuesday t","hbouring town in the meantime.",false]
["The harbour ferry will keep ru","kery she runs on the far side.",false]
["Before a long trip I dry a spo","ng it in the fridge is enough.",false]
["The harbour will open a second","ill be repaired in the autumn.",false]
["“It is not that we have too li","view in essays on the subject.",false]
["Servings 16","d leave it to cool in the tin.",false]
["La empresa estatal anunció tre","n descuentos para estudiantes.",false]
["The trees will hold the banks ","nteers bring their own spades.",false]
["Last spring the water board ra"," of tap water, and we kept it.",false]
["The county had set a deadline ","and the school will stay open.",false]
["The city council voted 31 to 9","s for a fraction of the price.",false]
["The operator found a second bo","fares stay the same this year.",false]
["Rangers found three dams near ","ver is planned for the summer.",false]
["The council found the money in","ill be reviewed in the autumn.",false]
["Los comerciantes votaron a fav","o de los sábados por la tarde.",false]
["Der neue Parkplatz soll vierhu","Räder stehen an den Geländern.",false]
["Volunteers cleared the fallen "," at the old mill on Saturdays.",false]
["The county found the money for","twice a week, the county said.",false]
["The clinic will open every nig","rs spread through the schools.",false]
["Ab Dezember fahren die Regiona","ritisiert der Fahrgastverband.",false]
["Die Händler auf dem Marktplatz"," Arbeiten beginnen im Februar.",false]
["Am Samstag treffen sich alle M","Kaffee und Kuchen ist gesorgt.",false]
["La decisión llega tras meses d","s para los turnos de la noche.",false]
["The allotment society asked fo","and volunteers dug the trench.",false]
["The allotment society asked fo","the pipe in its spring budget.",false]
["The new berth lets two ferries","ld berth starts in the autumn.",false]
["Der Steg soll im Sommer fertig","ägt zum größten Teil das Land.",false]
["Nach zwei Jahren Pause hat die","noch Tenöre für das neue Jahr.",false]
["Chapter","ent as if they had seen worse.",false]
["Die neue Verordnung verlangt v","en oft das eigene Labor fehlt.",false]
["Der Stadtrat hat am Montag bes","änen in fünf Jahren einziehen.",false]
["Boats wait at the quay of the ","rvice for more than ten years.",false]
["The council said on Tuesday th"," the builder ran out of money.",false]
["Die Fähre zu den äußeren Insel","n einen Winterdienst verlangt.",false]
EOF2
	# a sentence asking to subscribe, the publisher speaking ("our",
	# "unseren"), is a prompt; a quotation or a sentence about
	# subscribing is the article's
	run bash -c "split-header --explain '$FX/pages/p52-subscribe.txt' | jq -r '(.removed[] | select(.reason == \"prompt\") | .text), (.body | split(\"\\n\\n\") | length)'"
	assert_output - <<'EOF2'
Sign up to our free weekly newsletter and never miss a story from your area.
Subscribe now to read the full story in our digital edition.
Melden Sie sich jetzt für unseren kostenlosen Newsletter an.
4
EOF2
	# a quotation in guillemets is the article's too
	printf 'Der Verein wächst\n\nDer Verein hat im letzten Jahr zweihundert Mitglieder gewonnen, sagte die Vorsitzende am Montag.\n\n»Wer unseren Newsletter abonniert, kommt öfter«, sagte sie.\n' >"$BATS_TEST_TMPDIR/g.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/g.txt' | jq -c '[(.body | split(\"\\n\\n\") | length), [.removed[] | select(.reason == \"prompt\")]]'"
	assert_output '[2,[]]'
	# a wiki page: its title over the wiki's tagline ("From Example
	# Wiki"), the tagline and "Jump to" navigation, no subtitle
	run bash -c "split-header --explain '$FX/pages/p53-wiki.txt' | jq -c '[.subtitle, (.removed[] | select(.text | test(\"^(From|Jump)\")) | .reason)]'"
	assert_output '[null,"navigation","prompt"]'
	# the tagline in other languages; a headline that starts alike
	run bash -c 'for l in "From Wikipedia, the free encyclopedia" "Aus Wikipedia, der freien Enzyklopädie" "Un article de Wikipédia, l’encyclopédie libre" "From Wikipedia editor to minister"; do
	    printf "Home\nNews\nContact\nTitle of the page here\n%s\nThe first paragraph of the article is long enough to be prose, with a period at its end.\n" "$l" |
	    split-header | jq -r .title; done'
	assert_output - <<'EOF2'
Title of the page here
Title of the page here
Title of the page here
From Wikipedia editor to minister
EOF2
	# the text under a caption's label ("Image caption,") is a caption,
	# no headline; a relative time ("2 hours ago") no subtitle; the
	# author's role under the byline goes with it
	run bash -c "split-header --explain '$FX/pages/p54-caption-label.txt' | jq -c '[.subtitle, (.removed[] | select(.text | test(\"ago|ferry was|reporter\")) | .reason)]'"
	assert_output '[null,"prompt","caption","byline"]'
	run bash -c 'for l in "vor 3 Stunden" "hace 5 minutos" "il y a 2 jours" "Updated 5 hours ago" "2 hours"; do
	    printf "Title of the page here now\n%s\nThe first paragraph of the article is long enough to be prose, with a period at its end.\n" "$l" |
	    split-header --explain | jq -r --arg l "$l" "[\$l, (.removed[] | select(.text == \$l) | .reason)] | join(\"=\")"; done'
	assert_output - <<'EOF2'
vor 3 Stunden=prompt
hace 5 minutos=prompt
il y a 2 jours=prompt
Updated 5 hours ago=prompt
2 hours
EOF2
	# a date line's name part without its label and its role in brackets
	run bash -c 'for l in "05.02.2020 - Redaktion: Eva Brandt (Pressesprecherin des Vereins)" "05.02.2020 - Eva Brandt (Pressesprecherin)"; do
	    printf "Home\nNews\nContact\n%s\nDie Stadt baut eine neue Schule\nDie Stadt hat am Montag beschlossen, eine neue Schule am Bach zu bauen, die im Herbst 2025 öffnen soll.\n\nDer Bau kostet zwölf Millionen Euro.\n" "$l" |
	    split-header | jq -c "[.byline, .date_raw]"; done'
	assert_output - <<'EOF2'
["Eva Brandt","05.02.2020"]
["Eva Brandt","05.02.2020"]
EOF2
	# "Story continues below advertisement" and the like inside the
	# article are prompts; its four paragraphs stay
	run bash -c "split-header --explain '$FX/pages/p60-continues.txt' | jq -c '[(.body | split(\"\\n\\n\") | length), ([.removed[] | select(.reason == \"prompt\")] | length)]'"
	assert_output '[4,5]'
	# an author's note after the article: it opens with the byline's
	# name, or with the first name of an author card over it (the
	# card's "About the author" goes with it); a paragraph about someone
	# else ("Maria Lopez is one of the commuters") stays
	run bash -c "split-header --explain '$FX/pages/p61-author-bio.txt' '$FX/pages/p62-author-card.txt' | jq -c '[([.removed[] | select(.reason == \"author-note\") | .text[:20]]), (.body | test(\"Maria Lopez is\"))]'"
	assert_output - <<'EOF2'
[["Jane Doe is a report"],true]
[["About the author","Tomás has baked brea"],false]
EOF2
	# what the publisher asks of its readers inside the article (follow,
	# download the app, the newsletter, support, a licence, a rights
	# notice, related links) goes; sentences about others doing so stay
	run bash -c "split-header --explain '$FX/pages/p63-reader-prompts.txt' | jq -c '[(.body | split(\"\\n\\n\") | map(.[:12])), ([.removed[] | select(.reason != \"navigation\") | .reason])]'"
	assert_output '[["The harbour ","Users can do","The club ask","Work on the ","Ferry subscr","The port aut"],["title","byline","date_raw","prompt","prompt","prompt","prompt","prompt","prompt","prompt","caption","related","rights"]]'
	# "Subscribe" first is an order, "Subscribers" first no prompt
	run bash -c 'printf "Subscribers to the club newsletter were told on Monday.\n\nSubscribe now for unlimited access\n" | split-header --explain | jq -c "[.body, [.removed[].reason]]"'
	assert_output '["Subscribers to the club newsletter were told on Monday.",["prompt"]]'
	# a reading time that ends in "min.", a gift prompt
	run bash -c "split-header --explain '$FX/pages/p58-temps-de-lecture.txt' | jq -c '[.removed[] | select(.text | test(\"^(Temps|Offrir)\")) | .reason]'"
	assert_output '["prompt","prompt"]'
	# a name over "Follow", a reading time and "·" over the date: the byline
	run bash -c "split-header --explain '$FX/pages/p55-follow-read-time.txt' | jq -c '[.removed[] | select(.text | test(\"^(Jane Doe|Follow|5 min read)$\")) | .reason]'"
	assert_output '["byline","prompt","prompt","prompt"]'
	# a headline and byline boxed between two of its paragraphs do not
	# end the article; its lines stay in the body, in their place
	run bash -c "split-header '$FX/pages/p44-boxed-story.txt' | jq -r .body | grep -c '^Inside the Ledger\\|^By TOMAS\\|^The engineers\\|^Until then'"
	assert_output 4
	# comments headed by a count and the headline quoted ("2 thoughts
	# on “...”") are no article, however long a comment is
	run bash -c "split-header '$FX/pages/p47-comments-head.txt' | jq -r .body | grep -c 'Thank you\\|Straw works\\|Peter Holm'"
	assert_output 0
	# the headline over its deck, the comments under the article left out
	run bash -c "split-header '$FX/pages/p7-kicker-deck.txt' | jq -r .subtitle"
	assert_output "The council backed the eleven kilometre route after two years of hearings, though funding is not settled yet"
	# a deck right over the byline or date: the line over it is its
	# headline, longer than the deck or a sentence
	run bash -c "split-header '$FX/pages/p50-long-headline.txt' '$FX/pages/p51-sentence-headline.txt' | jq -r .subtitle"
	assert_output - <<'EOF2'
The sale still needs the approval of the regional court in May
Once bare and trampled, the coastal marsh has recovered in under a decade since a fence went up, and the wading birds have followed the reeds
EOF2
	run bash -c "split-header '$FX/pages/p6-deck-comments.txt' | jq -r .body | grep -c 'Reply\\|May 2024\\|council seems\\|harbourgazette'"
	assert_output 0
	# a headline anchored far over its article: the list between is
	# navigation; a label line (':' last) is neither headline nor deck
	run bash -c "split-header '$FX/pages/p13-far-headline.txt' | jq -r .body | grep -c 'WATCH\\|stand still\\|so far\\|More videos'"
	assert_output 0
	run bash -c "split-header '$FX/pages/p14-label-line.txt' | jq -c '[.subtitle, .word_count]'"
	assert_output '[null,46]'
	# a date under the article, for want of one over it; a date in a
	# byline ("von Jane Doe · 3. März 2022") is no name; a date line
	# that ends in words of its time ("a las 10:15 hrs.")
	# a numeric date with a two-digit year is a date line
	run bash -c "split-header '$FX/pages/p31-short-year.txt' | normalize-date | jq -r .date"
	assert_output "2024-05-12T08:30"
	run bash -c "split-header '$FX/pages/p19-date-below.txt' '$FX/pages/p21-hour-words.txt' | normalize-date | jq -r .date"
	assert_output - <<'EOF2'
2021-06-14
2023-04-12
EOF2
	# "read also" and "related" in other languages start a list of
	# other stories, inside the article too
	run bash -c "split-header '$FX/pages/p22-read-also.txt' '$FX/pages/p23-leer-tambien.txt' | jq -r .body | grep -c 'Inselbahn\\|Leuchtturm\\|fruta\\|Comercio'"
	assert_output 0
	# prompts in other languages ("Artikel drucken") leave the body
	run bash -c "split-header '$FX/pages/p24-prompts.txt' | jq -r .body | grep -c 'drucken\\|teilen\\|Folge'"
	assert_output 0
	# a reading time ("6 min read") and a caption credit in another
	# language ("Kuva: ...") leave the body
	run bash -c "split-header '$FX/pages/p25-read-time.txt' | jq -r .body | grep -c 'min read\\|Kuva'"
	assert_output 0
	# a short headline over a long line of facts that opens with the
	# date: the article, not the comments under it, each with its date
	run bash -c "split-header '$FX/pages/p26-facts-line.txt' | jq -r .body | grep -c 'sagt\\|Marga\\|Veröffentlicht'"
	assert_output 0
	# a second author's line under the byline ("& Jane Doe, Director
	# of ..."): the byline names both, the role is no name
	run bash -c "split-header '$FX/pages/p11-coauthor.txt' | jq -c .authors"
	assert_output '["Dana Holt","Ravi Menon"]'
	run bash -c "split-header '$FX/pages/p27-and-coauthor.txt' | jq -c .authors"
	assert_output '["Lea Frank","Omar Haddad"]'
	# a stamp with a time of day ("Di, 09:12 Uhr") and a row of links
	# in lower case are no headlines
	run bash -c "split-header --explain '$FX/pages/p30-time-line.txt' | jq -r '.removed[] | select(.reason == \"navigation\") | .text' | tail -3"
	assert_output - <<'EOF2'
ab bc cd de ef fg gh
Di, 09:12 Uhr
Stadt eröffnet neuen Spielplatz
EOF2
}

# A caption that ends in its photo's credit after its sentence is no
# headline over the article.
@test "a sentence with a footnote mark after it (.[2] or a number after its closing quote) is prose, no headline" {
	# an epigraph in quotes with its note's number is the first
	# paragraph under the headline, not the headline
	run bash -c "split-header '$FX/pages/p64-footnotes.txt' | jq -c '[.title, (.body | split(\"\\n\\n\") | .[0:2] | map(.[-12:]))]'"
	assert_output '["Slow Time",["uch of it.”1","runs out.[2]"]]'
	# a version number or a channel is no footnote: no sentence
	run bash -c 'printf "Skip to content\n\nHome\n\nNews\n\nWeb 2.0 for libraries\n\nThe library opened its new reading room on Monday after a year of building work and a long fight over the money.\n" | split-header | jq -c .title'
	assert_output '"Web 2.0 for libraries"'
}

@test "a label and a quantity (Total 1 hr 5 min) is no headline; the headline again with a word after it is no deck" {
	run bash -c "split-header --explain '$FX/pages/p65-recipe-facts.txt' | jq -c '[.title, .subtitle, ([.removed[] | select(.text | test(\"^(Total|lemon)\")) | .reason])]'"
	assert_output '["Lemon Drizzle Traybake",null,["repeat","navigation"]]'
	# a headline with a number in it is one still
	run bash -c 'printf "Skip to content\n\nHome\n\nNews\n\nWhere to buy the RTX 3080 and 3070\n\nThe shops near the station had the new cards on Monday, but most of them were sold out before noon, staff said.\n" | split-header | jq -c .title'
	assert_output '"Where to buy the RTX 3080 and 3070"'
}

@test "a caption with its credit after the sentence (... on the quay. Foto: Jane Doe) is a caption, no headline" {
	printf 'Home\nNews\nContact\nDer Hafen öffnet wieder\nDie Fähre liegt am Kai. Foto: Eva Brandt\nAm Montag hat der Hafen nach zwei Wochen Bauarbeiten wieder geöffnet, und die ersten Fähren sind ausgelaufen.\n\nDie Reparatur hat vier Millionen Euro gekostet.\n' >"$BATS_TEST_TMPDIR/c.txt"
	run bash -c "split-header --explain '$BATS_TEST_TMPDIR/c.txt' | jq -c '[.title, (.removed[] | select(.text | test(\"Foto\")) | .reason)]'"
	assert_output '["Der Hafen öffnet wieder","caption"]'
}
