#include <stdlib.h>

#include "mem.h"
#include "record.h"
#include "story/held.h"

struct held {
	char *json;		/* without its closing brace */
	size_t len, story;
};

void
held_push(struct held_queue *q, const char *json, size_t len, size_t s)
{
	struct held *h, *v;
	size_t i;

	if (q->n == q->cap) {	/* grow the ring, oldest first */
		v = emalloc((q->cap ? 2 * q->cap : 64) * sizeof(*v));
		for (i = 0; i < q->n; i++)
			v[i] = q->v[(q->head + i) % q->cap];
		free(q->v);
		q->v = v;
		q->head = 0;
		q->cap = q->cap ? 2 * q->cap : 64;
	}
	h = &q->v[(q->head + q->n++) % q->cap];
	h->len = len - 1;
	h->json = estrndup(json, h->len);
	h->story = s;
	q->bytes += h->len;
}

void
held_release(struct held_queue *q, struct story_set *set)
{
	struct held *h;

	while (q->n && !story_open(set, q->v[q->head].story)) {
		h = &q->v[q->head];
		buf_reset(&q->line);
		buf_add(&q->line, h->json, h->len);
		buf_printf(&q->line, ",\"story_size\":%zu}\n", story_size(set, h->story));
		record_out(q->line.s, q->line.len);
		q->bytes -= h->len;
		free(h->json);
		story_done(set, h->story);
		q->head = (q->head + 1) % q->cap;
		q->n--;
	}
}

size_t
held_first_story(const struct held_queue *q)
{
	return q->v[q->head].story;
}

void
held_free(struct held_queue *q)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		free(q->v[(q->head + i) % q->cap].json);
	free(q->v);
	buf_free(&q->line);
	*q = (struct held_queue)HELD_QUEUE_INIT;
}
