/* parallel: a ring of jobs, each a line and what became of it.  The
 * reader (the main thread) fills free slots in input order, workers take
 * filled ones in the same order but finish them in any, and the writer
 * empties them in input order again, so no slot is filled before it is
 * written.  One mutex guards the states and the counters. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "mem.h"
#include "parallel.h"
#include "splice.h"

enum { FREE, FILLED, TAKEN, DONE };

struct job {
	int state;
	int end;		/* no line: the reader's last messages */
	struct buf line;
	struct record_src src;
	struct record_log log;	/* the reader's messages before it, then its own */
	struct scan sc;		/* what splice_write() of rec needs */
	json_t *rec;
	int whole;		/* rec is the whole record (record_write) */
	enum record_verdict v;
	void *out;
};

static struct {
	const struct parallel_stage *st;
	void *arg;
	struct job *ring;
	size_t nring;
	unsigned long filled, taken;	/* jobs handed to the ring, to workers */
	unsigned long written;
	int eof;
	pthread_mutex_t mu;
	pthread_cond_t can_fill, can_take, can_write;
	struct record_log reader;	/* messages of the reader (a file it
					 * cannot open), held for the next job */
	struct buf out;			/* the writer's line */
} P = { .mu = PTHREAD_MUTEX_INITIALIZER, .can_fill = PTHREAD_COND_INITIALIZER,
    .can_take = PTHREAD_COND_INITIALIZER, .can_write = PTHREAD_COND_INITIALIZER };

unsigned
parallel_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}

static void
lock(void)
{
	if (pthread_mutex_lock(&P.mu) != 0)
		die(1, "cannot lock a mutex");
}

static void
unlock(void)
{
	pthread_mutex_unlock(&P.mu);
}

static void
wait_on(pthread_cond_t *c)
{
	if (pthread_cond_wait(c, &P.mu) != 0)
		die(1, "cannot wait on a condition");
}

/* The line into job j, after the messages the reader held since the
 * last one. */
static void
fill(struct job *j, const struct record_src *src)
{
	buf_reset(&j->line);
	j->end = src == NULL;
	if (src) {
		buf_add(&j->line, src->raw, src->len);
		j->src = *src;
		j->src.raw = j->line.s;
	}
	if (P.reader.msg.len)
		buf_add(&j->log.msg, P.reader.msg.s, P.reader.msg.len);
	if (P.reader.rej.len)
		buf_add(&j->log.rej, P.reader.rej.s, P.reader.rej.len);
	if (P.reader.logged.len)
		buf_add(&j->log.logged, P.reader.logged.s, P.reader.logged.len);
	j->log.nrej += P.reader.nrej;
	j->log.nread += P.reader.nread;
	buf_reset(&P.reader.msg);
	buf_reset(&P.reader.rej);
	buf_reset(&P.reader.logged);
	P.reader.nrej = P.reader.nread = 0;
}

/* What a worker does: parse, then the stage's work, its messages held. */
static void
handle(struct job *j, void *worker)
{
	record_log_begin(&j->log);
	j->rec = NULL;
	j->whole = 1;
	j->out = NULL;
	if (splice_on() && (j->rec = splice_read(&j->sc, &j->src)) != NULL)
		j->whole = 0;
	else
		j->rec = record_parse(&j->src);
	j->v = j->rec ? P.st->work(j->rec, &j->src, worker, &j->out) :
	    RECORD_REJECT;
	record_log_end();
}

/* What the writer does, in input order: the messages, finish, output. */
static void
write_job(struct job *j)
{
	enum record_verdict v = j->v;

	record_log_flush(&j->log);
	if (j->end || !j->rec)
		return;
	if (v == RECORD_WRITE)
		v = P.st->finish(j->rec, &j->src, j->out, P.arg);
	if (v == RECORD_WRITE && j->whole) {
		splice_whole(j->rec);
		record_write(j->rec);
	}
	else if (v == RECORD_WRITE) {
		buf_reset(&P.out);
		splice_write(&P.out, &j->sc, j->rec);
		buf_addc(&P.out, '\n');
		record_out(P.out.s, P.out.len);
	}
	json_decref(j->rec);
	j->rec = NULL;
}

/* One thread: each line in turn, through the same steps (what the
 * reader says between lines is in order already, so it is not held). */
static void
one_by_one(const struct record_src *src, void *worker)
{
	struct job *j = &P.ring[0];

	fill(j, src);
	handle(j, worker);
	record_count_one();
	write_job(j);
}

static void
submit(const struct record_src *src, void *arg)
{
	struct job *j;

	(void)arg;
	lock();
	j = &P.ring[P.filled % P.nring];
	while (j->state != FREE)
		wait_on(&P.can_fill);
	unlock();
	fill(j, src);		/* a free slot is the reader's alone */
	lock();
	j->state = FILLED;
	P.filled++;
	pthread_cond_signal(&P.can_take);
	unlock();
}

static void *
worker_main(void *arg)
{
	void *w = P.st->worker_new ? P.st->worker_new(P.arg) : NULL;
	struct job *j;

	(void)arg;
	for (;;) {
		lock();
		while (P.taken == P.filled && !P.eof)
			wait_on(&P.can_take);
		if (P.taken == P.filled) {
			unlock();
			break;
		}
		j = &P.ring[P.taken++ % P.nring];
		j->state = TAKEN;
		unlock();
		if (!j->end)
			handle(j, w);
		lock();
		j->state = DONE;
		pthread_cond_signal(&P.can_write);
		unlock();
	}
	if (P.st->worker_free)
		P.st->worker_free(w);
	return NULL;
}

/* Until the end job: it comes last, after every line. */
static void *
writer_main(void *arg)
{
	struct job *j;
	int end;

	(void)arg;
	do {
		lock();
		j = &P.ring[P.written % P.nring];
		while (j->state != DONE)
			wait_on(&P.can_write);
		unlock();
		if (!(end = j->end))
			record_count_one();
		write_job(j);
		lock();
		j->state = FREE;
		P.written++;
		pthread_cond_signal(&P.can_fill);
		unlock();
	} while (!end);
	return NULL;
}

static void
start(pthread_t *t, void *(*fn)(void *))
{
	if (pthread_create(t, NULL, fn, NULL) != 0)
		die(1, "cannot start a thread:");
}

static int
threaded(int argc, char **argv, unsigned threads)
{
	pthread_t *workers = emalloc(threads * sizeof *workers), writer;
	unsigned i;
	int status;

	for (i = 0; i < threads; i++)
		start(&workers[i], worker_main);
	start(&writer, writer_main);
	record_log_begin(&P.reader);
	status = record_lines(argc, argv, submit, NULL);
	submit(NULL, NULL);
	record_log_end();
	lock();
	P.eof = 1;
	pthread_cond_broadcast(&P.can_take);
	unlock();
	for (i = 0; i < threads; i++)
		pthread_join(workers[i], NULL);
	pthread_join(writer, NULL);
	free(workers);
	return status;
}

int
parallel_each(int argc, char **argv, unsigned threads,
    const struct parallel_stage *st, void *arg)
{
	void *w;
	size_t i;
	int status;

	P.st = st;
	P.arg = arg;
	P.nring = threads > 1 ? 4 * (size_t)threads + 4 : 1;
	P.ring = ecalloc(P.nring, sizeof *P.ring);
	json_object_seed(0);	/* before any thread makes an object */
	if (threads > 1)
		status = threaded(argc, argv, threads);
	else {
		w = st->worker_new ? st->worker_new(arg) : NULL;
		status = record_lines(argc, argv, one_by_one, w);
		if (st->worker_free)
			st->worker_free(w);
	}
	for (i = 0; i < P.nring; i++) {
		buf_free(&P.ring[i].line);
		record_log_free(&P.ring[i].log);
		scan_free(&P.ring[i].sc);
	}
	free(P.ring);
	record_log_free(&P.reader);
	buf_free(&P.out);
	return status;
}
