/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_CLEAN_H
#define LSBENCH_CLEAN_H

#include <stddef.h>
#include <sys/types.h>

/*
 * What a run leaves behind when it dies without cleaning up (SIGKILL):
 * cgroups lsbench-<pid>-* (v2 and v1 memory), folders lsbench-<pid>-* under
 * $TMPDIR and /tmp, /tmp/lsbench-perf-<pid>.data, and a meta.txt under the
 * results root that says `state: running`. ls_clean() removes what belongs
 * to runs whose process is gone, one line on stderr per thing, and marks
 * their meta.txt dead. @by says who found it ("lsbench clean"). Returns the
 * number of things it could not remove (each said on stderr).
 */
int ls_clean(const char *results_root, const char *by);

/* lsbench clean [-o DIR]: exit status 0, 1 when something stayed, 2 for bad input. */
int ls_clean_main(int argc, char **argv);

/*
 * Rewrites `state: running` of the meta.txt at path to state, atomically:
 * 0, or -ENOENT when it does not say running, or another negative errno.
 */
int ls_meta_mark(const char *path, const char *state);

/* When the process started, in clock ticks after boot (field 22 of /proc/<pid>/stat). */
int ls_proc_start(pid_t pid, unsigned long long *ticks);

/* /proc/sys/kernel/random/boot_id, or "unknown". */
void ls_boot_id(char *buf, size_t len);

#endif /* LSBENCH_CLEAN_H */
