#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "mem.h"
#include "walk.h"

/* A directory walked, by device and inode, and the path it was first
 * reached by. */
struct dir_seen {
	dev_t dev;
	ino_t ino;
	char *path;
};

struct walk {
	walk_fn *fn;
	void *arg;
	struct dir_seen *dirs;
	size_t ndirs, cap;
	struct hash_index ix;
};

static uint64_t
dir_key(dev_t dev, ino_t ino)
{
	uint64_t k[2] = { (uint64_t)dev, (uint64_t)ino };

	return hash_bytes(k, sizeof k);
}

static uint64_t
seen_key(const void *items, size_t i)
{
	const struct dir_seen *d = (const struct dir_seen *)items + i;

	return dir_key(d->dev, d->ino);
}

/* The path a directory was first walked by, or NULL after filing it as
 * walked by path. */
static const char *
dir_visit(struct walk *w, const struct stat *st, const char *path)
{
	uint64_t h = dir_key(st->st_dev, st->st_ino);
	struct dir_seen *d;
	size_t pos;
	long i;

	for (i = hash_index_first(&w->ix, h, &pos); i >= 0;
	    i = hash_index_next(&w->ix, &pos))
		if (w->dirs[i].dev == st->st_dev && w->dirs[i].ino == st->st_ino)
			return w->dirs[i].path;
	w->dirs = egrow(w->dirs, &w->cap, w->ndirs + 1, sizeof *w->dirs);
	d = &w->dirs[w->ndirs];
	d->dev = st->st_dev;
	d->ino = st->st_ino;
	d->path = estrdup(path);
	hash_index_add(&w->ix, h, w->ndirs++, seen_key, w->dirs);
	return NULL;
}

static int
byname(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int walk_one(struct walk *w, const char *path, int operand);

static int
walk_dir(struct walk *w, const char *path)
{
	struct dirent **names;
	struct buf child = BUF_INIT;
	int n, i, status = 0;
	size_t len = strlen(path);

	if ((n = scandir(path, &names, visible, byname)) < 0) {
		warn("%s:", path);
		return 1;
	}
	for (i = 0; i < n; i++) {
		buf_reset(&child);
		buf_add(&child, path, len);
		if (len == 0 || path[len - 1] != '/')
			buf_addc(&child, '/');
		buf_adds(&child, names[i]->d_name);
		status |= walk_one(w, child.s, 0);
		free(names[i]);
	}
	free(names);
	buf_free(&child);
	return status;
}

static const char *
kind(mode_t m)
{
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return "not a file";
}

static int
walk_one(struct walk *w, const char *path, int operand)
{
	struct stat st;
	const char *first;
	size_t n;

	if (stat(path, &st) != 0) {
		warn("%s:", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		/* Symbolic links can lead back up the tree, or twice into
		 * one directory: each directory is read once. */
		if (!(first = dir_visit(w, &st, path)))
			return walk_dir(w, path);
		n = strlen(first);
		if (strncmp(path, first, n) == 0 && (path[n] == '/' || first[n - 1] == '/'))
			warn("%s: warning: a loop back to %s, not followed", path, first);
		else
			warn("%s: warning: the same directory as %s, read once", path, first);
		return 0;
	}
	/* A FIFO or a device in a folder would block the walk or never
	 * end; named on the command line, it is read as asked. */
	if (!operand && !S_ISREG(st.st_mode)) {
		warn("%s: warning: %s, not a regular file: skipped", path, kind(st.st_mode));
		return 0;
	}
	return w->fn(path, w->arg);
}

int
walk_paths(int n, char **paths, walk_fn *fn, void *arg)
{
	struct walk w = { fn, arg, NULL, 0, 0, HASH_INDEX_INIT };
	int status = 0, i;
	size_t k;

	for (i = 0; i < n; i++)
		status |= walk_one(&w, paths[i], 1);
	for (k = 0; k < w.ndirs; k++)
		free(w.dirs[k].path);
	free(w.dirs);
	hash_index_free(&w.ix);
	return status;
}
