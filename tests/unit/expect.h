/* expect: the check the entity engine's unit tests share: a failure is
 * printed and remembered in failed, the test's exit status. */
#ifndef UNIT_EXPECT_H
#define UNIT_EXPECT_H

#include <stdio.h>

static int failed;

static inline void
expect(const char *what, long got, long want)
{
	if (got != want) {
		printf("FAIL %s: got %ld, want %ld\n", what, got, want);
		failed = 1;
	}
}

#endif
