/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A loop-mode repetition timed between trigger ends. A trigger adds its
 * 10 000 operations to the counters only as it ends, so a repetition timed
 * by the clock from one read of the counters to the next is off by up to one
 * trigger per producer (under icount a create-delete trigger is 30 million
 * instructions, and a repetition holds 7 to 45 of them). Timed instead
 * between two trigger ends (their bpf_ktime_get_ns() stamps, lsbench.h), a
 * repetition holds whole triggers only and its operations are exact. The
 * runner (cellrun.c) takes, per producer, its first trigger end seen after
 * the repetition began and its last before the repetition's last read:
 * both ends picked alike, so the figure has no bias, and the runner's own
 * work before the repetition (which on a CPU it shares with a producer
 * delays that producer's next trigger) is left out as the clock left it out.
 */
#ifndef LSBENCH_TRIGTIME_H
#define LSBENCH_TRIGTIME_H

#include <stdbool.h>
#include <linux/types.h>
#include "lsbench.h"

/*
 * How often a repetition's ends read the stamps at most, until two reads in a
 * row agree: a read that lands while a trigger writes its stamp can take the
 * new operations with the old time.
 */
#define LS_TRIG_READS_MAX 8

/*
 * The stamps of CPUs cpus[0..n) from the trig_ends map at fd into ends[0..n);
 * 0, or -errno.
 */
int ls_trig_ends_read(int fd, const int *cpus, unsigned int n, struct ls_trig_end *ends);

/*
 * A repetition of n producers from stamps e0 to e1: producer i ran
 * e1[i].ops - e0[i].ops operations in e1[i].ns - e0[i].ns. Producers run
 * side by side, each over its own span, so the repetition's rate is the sum
 * of theirs: *ops is their operations and *secs those over that rate, so
 * that ops / secs is the throughput and threads x secs / ops the time an
 * operation takes a thread. False, with nothing written, where a producer
 * has no stamp at the start or ended no trigger in between: the caller then
 * times the repetition by the clock.
 */
bool ls_trig_rep(const struct ls_trig_end *e0, const struct ls_trig_end *e1, unsigned int n,
		 __u64 *ops, double *secs);

#endif /* LSBENCH_TRIGTIME_H */
