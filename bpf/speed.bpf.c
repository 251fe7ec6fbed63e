// SPDX-License-Identifier: GPL-2.0
/*
 * The runner's speed probe (bench/speed.h) in BPF: a fixed number of empty
 * bpf_loop steps, the loop harness every loop-mode cell runs, timed by the
 * program itself. It returns the nanoseconds they took (0 if bpf_loop
 * refused). Run by BPF_PROG_TEST_RUN on the caller's CPU, never attached.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* Steps per run: set by the runner before load. */
const volatile __u32 steps = 1;

static long speed_step(__u64 i, void *ctx)
{
	return 0;
}

SEC("raw_tp")
int speed_probe(void *ctx)
{
	__u64 t0 = bpf_ktime_get_ns();

	if (bpf_loop(steps, speed_step, NULL, 0) != steps)
		return 0;
	return bpf_ktime_get_ns() - t0;
}

char LICENSE[] SEC("license") = "GPL";
