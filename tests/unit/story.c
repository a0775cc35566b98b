/* Unit test of lib/story: joining within the window, closing when the
 * clock passes it, undated articles, forgetting written stories, and
 * memory bounded by the window over a long stream.  Exits 1 on the
 * first failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "story/story.h"

static int failed;

static void
expect(const char *what, long got, long want)
{
	if (got != want) {
		printf("FAIL %s: got %ld, want %ld\n", what, got, want);
		failed = 1;
	}
}

/* An article with entity keys ents[0..ne) and word keys words[0..nw)
 * (sorted, counts 2), dated day (or undated when day < 0). */
static size_t
add(struct story_set *set, const char *id, long day, const uint64_t *ents,
    size_t ne, const uint64_t *words, size_t nw)
{
	struct story_term e[16], w[16];
	struct story_article a;
	size_t i;

	for (i = 0; i < ne; i++)
		e[i].key = ents[i], e[i].n = 2;
	for (i = 0; i < nw; i++)
		w[i].key = words[i], w[i].n = 2;
	a.id = id;
	a.dated = day >= 0;
	a.day = day < 0 ? 0 : day;
	a.ents = e;
	a.nents = ne;
	a.words = w;
	a.nwords = nw;
	return story_add(set, &a);
}

static void
window_test(void)
{
	static const uint64_t e1[] = { 11, 12, 13 }, w1[] = { 101, 102, 103 };
	static const uint64_t e2[] = { 21, 22, 23 }, w2[] = { 201, 202, 203 };
	struct story_set *set = story_new(7, 0.3);
	size_t a, b, c, d, e, f, g;

	/* Background that makes the keys rare. */
	for (a = 0; a < 20; a++) {
		uint64_t k[2] = { 1000 + 2 * a, 1001 + 2 * a };
		char id[16];
		snprintf(id, sizeof(id), "bg%zu", a);
		add(set, id, 100, k, 2, k, 2);
	}
	a = add(set, "a", 100, e1, 3, w1, 3);
	b = add(set, "b", 103, e1, 3, w1, 3);	/* same event */
	c = add(set, "c", 104, e2, 3, w2, 3);	/* another */
	d = add(set, "d", -1, e2, 3, w2, 3);	/* undated: content only */
	e = add(set, "e", 107, e1, 3, w1, 3);	/* 7 days after a: still in */
	expect("b joins a", (long)b, (long)a);
	expect("c starts a story", c != a, 1);
	expect("d joins c", (long)d, (long)c);
	expect("e joins a", (long)e, (long)a);
	expect("size of a", (long)story_size(set, a), 3);
	expect("a open", story_open(set, a), 1);
	f = add(set, "f", 108, e1, 3, w1, 3);	/* 8 days: a new story */
	expect("f starts a story", f != a, 1);
	expect("a closed at day 108", story_open(set, a), 0);
	expect("c still open", story_open(set, c), 1);
	expect("a's id kept until written", strcmp(story_id(set, a), "a"), 0);
	story_done(set, a);
	story_done(set, a);
	expect("a's id while one is unwritten", story_id(set, a) != NULL, 1);
	story_done(set, a);
	g = add(set, "g", 120, e2, 3, w2, 3);
	expect("g after c closed", g != c, 1);
	/* out of date order: a week and more before the newest date */
	c = add(set, "late", 112, e2, 3, w2, 3);
	expect("late is a story of its own", c != g, 1);
	expect("late is closed at once", story_open(set, c), 0);
	expect("g still open", story_open(set, g), 1);
	story_close_all(set);
	expect("all closed", story_open(set, g), 0);
	expect("stories", (long)story_count(set), 20 + 5);
	story_free(set);
}

/* Articles before the first date take it when it comes. */
static void
undated_test(void)
{
	static const uint64_t e1[] = { 5, 6 }, w1[] = { 7, 8 };
	struct story_set *set = story_new(3, 0.3);
	size_t a;

	a = add(set, "u", -1, e1, 2, w1, 2);
	add(set, "x", 50, w1, 0, w1, 0);
	expect("u open on day 50", story_open(set, a), 1);
	add(set, "y", 53, w1, 0, w1, 0);
	expect("u open on day 53", story_open(set, a), 1);
	add(set, "z", 54, w1, 0, w1, 0);
	expect("u closed on day 54", story_open(set, a), 0);
	story_free(set);
}

/* A long stream: what is remembered stays about one window's worth.
 * Members are "written" in order once their story closes, as dedupe
 * writes them. */
static void
bound_test(void)
{
	static size_t queue[40000];
	struct story_set *set = story_new(7, 0.3);
	size_t i, head = 0, most = 0, arts, mostarts = 0, n;
	char id[32];

	for (i = 0; i < 40000; i++) {
		uint64_t k[3] = { 1 + i % 5000, 7000 + i, 90000 + i % 300 };
		snprintf(id, sizeof(id), "s%zu", i);
		queue[i] = add(set, id, (long)(i / 20), k, 3, k + 1, 2);
		while (head <= i && !story_open(set, queue[head]))
			story_done(set, queue[head++]);
		n = story_remembered(set, &arts);
		most = n > most ? n : most;
		mostarts = arts > mostarts ? arts : mostarts;
	}
	/* 20 articles a day, 8 days of them in the window */
	expect("articles remembered at most", mostarts <= 8 * 20 + 20, 1);
	expect("stories remembered at most", most <= 8 * 20 + 64 + 20, 1);
	story_free(set);
}

int
main(void)
{
	window_test();
	undated_test();
	bound_test();
	if (failed)
		return 1;
	printf("story: ok\n");
	return 0;
}
