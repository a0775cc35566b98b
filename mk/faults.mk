# The allocation-failure shim of tests/faults.bats (LD_PRELOAD), built
# plain even under SANITIZE=1: it is loaded into programs built with the
# sanitizers, before them.  The other faults (read, write, rename, fsync)
# are injected by strace.
FAULTS_SO = $(B)/faults/failalloc.so

$(FAULTS_SO): tests/faults/failalloc.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -Werror -fPIC -shared $(CPPFLAGS) -O2 -g -o $@ $< -ldl

faults: $(FAULTS_SO)

.PHONY: faults
