#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "walk.h"

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

static int walk_one(const char *path, walk_fn *fn, void *arg, int depth);

static int
walk_dir(const char *path, walk_fn *fn, void *arg, int depth)
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
		status |= walk_one(child.s, fn, arg, depth + 1);
		free(names[i]);
	}
	free(names);
	buf_free(&child);
	return status;
}

static int
walk_one(const char *path, walk_fn *fn, void *arg, int depth)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		warn("%s:", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		/* Symbolic links can loop; no real collection is this deep. */
		if (depth > 64) {
			warn("%s: directories nested too deep", path);
			return 1;
		}
		return walk_dir(path, fn, arg, depth);
	}
	return fn(path, arg);
}

int
walk_paths(int n, char **paths, walk_fn *fn, void *arg)
{
	int status = 0, i;

	for (i = 0; i < n; i++)
		status |= walk_one(paths[i], fn, arg, 0);
	return status;
}
