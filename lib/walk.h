/* walk: expand file and directory operands into a sorted list of files. */
#ifndef WALK_H
#define WALK_H

typedef int walk_fn(const char *path, void *arg);

/* Call fn for each file named in paths[0..n-1]; a directory is walked
 * recursively, its entries in byte order of their names, hidden entries
 * (names starting with '.') skipped.  Each directory (device and inode)
 * is walked once: a symbolic link back to one already walked is reported
 * as a warning and not followed.  In a directory, what is not a regular
 * file (a FIFO, a socket, a device) is skipped with a warning; named in
 * paths it is read.  A path that cannot be read is reported and gives
 * status 1.  Returns the OR of fn's results and that. */
int walk_paths(int n, char **paths, walk_fn *fn, void *arg);

#endif
