/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A loop-mode repetition timed between trigger ends. A trigger adds its
 * 10 000 operations to the counters only as it ends, so a repetition timed
 * by the clock from one read of the counters to the next is off by up to one
 * trigger per producer (3% under icount, where a create-delete repetition
 * holds 34 to 45 triggers). Timed instead from the end of the last trigger
 * before its first read to the end of the last one before its last read
 * (their bpf_ktime_get_ns() stamps, lsbench.h), a repetition holds whole
 * triggers only: its operations are exact, and the trigger running at its
 * start is counted as the one running at its end is not, so the figure has
 * no bias.
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
 * e1[i].ops - e0[i].ops operations in e1[i].ns - e0[i].ns less away_ns[i],
 * the time it spent on other work than triggers in between (the speed probe).
 * Producers run side by side, each over its own span, so the repetition's
 * rate is the sum of theirs: *ops is their operations and *secs those over
 * that rate, so that ops / secs is the throughput and threads x secs / ops
 * the time an operation takes a thread. False, with nothing written, where a
 * producer has no stamp at the start or ended no trigger in between: the
 * caller then times the repetition by the clock.
 */
bool ls_trig_rep(const struct ls_trig_end *e0, const struct ls_trig_end *e1, const double *away_ns,
		 unsigned int n, __u64 *ops, double *secs);

#endif /* LSBENCH_TRIGTIME_H */
