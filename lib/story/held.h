/* held: records waiting for their story to close (dedupe --stories),
 * written in input order with story_size once every story before them
 * has closed.  Kept as JSON text, a ring in input order. */
#ifndef HELD_H
#define HELD_H

#include <stddef.h>

#include "buf.h"
#include "story/story.h"

struct held_queue {
	struct held *v;
	size_t head, n, cap;
	size_t bytes;		/* of the JSON text held */
	struct buf line;
};

#define HELD_QUEUE_INIT { NULL, 0, 0, 0, 0, BUF_INIT }

/* Hold the record json[0..len), a compact JSON object, a member of
 * story s (copied). */
void held_push(struct held_queue *q, const char *json, size_t len, size_t s);
/* Write (record_out) the held records from the oldest while their story
 * is closed, each with ",story_size":N appended; tells set they are. */
void held_release(struct held_queue *q, struct story_set *set);
/* The story of the oldest held record; q must not be empty. */
size_t held_first_story(const struct held_queue *q);
void held_free(struct held_queue *q);

#endif
