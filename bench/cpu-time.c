/* cpu-time: run a command and write its wall time, user and system CPU
 * time (seconds, to the microsecond), peak RSS (KiB) and exit status
 * to a file, for bench/run.  /usr/bin/time gives CPU times to 10 ms,
 * too coarse for ratios on small corpora.  The CPU times and the RSS
 * are those wait4() reports: the command's own plus those of the
 * processes it waited for (all stages of a pipeline run by sh -c). */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

static double
secs(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	FILE *out;
	pid_t pid;
	int st, rc;

	if (argc < 3) {
		fprintf(stderr, "usage: cpu-time OUTFILE COMMAND [ARG...]\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0) {
		perror("cpu-time: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "cpu-time: %s: ", argv[2]);
		perror(NULL);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) < 0) {
		perror("cpu-time: wait4");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rc = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	if (!(out = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 1;
	}
	fprintf(out, "%.6f %.6f %.6f %ld %d\n",
	    (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    secs(ru.ru_utime), secs(ru.ru_stime), ru.ru_maxrss, rc);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return 1;
	}
	return rc;
}
