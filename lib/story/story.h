/* story: groups articles that report the same event, across outlets
 * and wordings, in one pass over a stream in rough date order
 * (docs/dedupe.md, "Story groups").
 *
 * An article is described by its terms: the canonical names of its
 * entities and the words of its title and lead, each with its count.
 * It joins the open story whose members' terms are closest to its own
 * (TF-IDF cosines, rarity counted over the articles of the window),
 * when that story began at most WINDOW days from its date and the
 * score reaches the threshold; otherwise it starts a story.  A story
 * closes, and can be forgotten once its members are written, when the
 * newest date seen is more than WINDOW days past its first article's:
 * memory holds the stories and articles of one window.  An article
 * dated more than WINDOW days before the newest date seen (input out of
 * date order) is a story of its own at once. */
#ifndef STORY_H
#define STORY_H

#include <stddef.h>
#include <stdint.h>

/* A term of an article and how often it occurs there. */
struct story_term {
	uint64_t key;
	double n;
};

struct story_article {
	const char *id;
	int dated;			/* day is known */
	long day;			/* days since 1970-01-01 */
	/* Sorted by key, distinct. */
	const struct story_term *ents, *words;
	size_t nents, nwords;
};

struct story_set;

/* window in days; threshold on the score, 0..1. */
struct story_set *story_new(unsigned window, double threshold);
void story_free(struct story_set *set);
/* File an article; returns the number of its story (numbers grow from
 * 0 and are never reused). */
size_t story_add(struct story_set *set, const struct story_article *a);
/* The id of story s's first article. */
const char *story_id(const struct story_set *set, size_t s);
size_t story_size(const struct story_set *set, size_t s);
/* Whether story s can still grow. */
int story_open(const struct story_set *set, size_t s);
/* One member of closed story s has been written; after the last one
 * the story is forgotten (story_id and story_size no longer apply). */
void story_done(struct story_set *set, size_t s);
/* Close story s before its time (its records have waited too long). */
void story_close(struct story_set *set, size_t s);
/* End of input: every story closes. */
void story_close_all(struct story_set *set);
/* Stories made so far; stories and articles still remembered (the
 * open stories, the closed ones with members to write, the articles of
 * the window). */
size_t story_count(const struct story_set *set);
size_t story_remembered(const struct story_set *set, size_t *articles);

#endif
