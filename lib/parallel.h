/* parallel: a filter's records handled by worker threads and written
 * in input order, so that the output and the messages are those of one
 * thread, byte for byte.
 *
 * The main thread reads the lines (record_lines); a worker parses each
 * (through lib/splice.h when the filter called splice_use(), else
 * jansson) and calls the stage's work() on it: what needs the record
 * alone (tagging an article).  One writer thread then takes the records
 * in input order, gives out their messages (held while the workers ran:
 * record_log in lib/record.h), calls finish() (what depends on the
 * records before: the names seen in the stream) and writes what it
 * keeps.  Workers share everything but what worker_new() makes them. */
#ifndef PARALLEL_H
#define PARALLEL_H

#include <jansson.h>

#include "record.h"

struct parallel_stage {
	/* Each worker's scratch (NULL: none), made in its thread. */
	void *(*worker_new)(void *arg);
	void (*worker_free)(void *worker);
	/* In a worker, records in any order.  RECORD_WRITE goes on to
	 * finish() with *out; any other verdict drops the record (after
	 * record_reject() for RECORD_REJECT) and must leave *out unset. */
	enum record_verdict (*work)(json_t *rec, const struct record_src *src,
	    void *worker, void **out);
	/* In input order, one at a time: the verdict that decides whether
	 * rec is written; it owns out. */
	enum record_verdict (*finish)(json_t *rec, const struct record_src *src,
	    void *out, void *arg);
};

/* The processors online, at least 1. */
unsigned parallel_cores(void);
/* record_each() for a stage, with threads workers (1: no threads, the
 * same calls in turn). */
int parallel_each(int argc, char **argv, unsigned threads,
    const struct parallel_stage *st, void *arg);

#endif
