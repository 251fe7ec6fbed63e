/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every lsbench BPF object shares: the cell's settings, the per-CPU
 * counters the runner reads and cross-checks, and the macro that turns one
 * operation into a hook-mode and a loop-mode program.
 */
#ifndef LSBENCH_COMMON_BPF_H
#define LSBENCH_COMMON_BPF_H

#include "lsbench.h"

#define LS_F_CREATE 1 /* BPF_LOCAL_STORAGE_GET_F_CREATE */

const volatile struct ls_config cfg = {};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ls_counters);
} counters SEC(".maps");

/* The value every map in the suite stores (value_size 8). */
struct ls_val {
	__u64 v;
};

/* What an operation works on and what it has done so far in this run. */
struct ls_op_ctx {
	struct ls_counters c;
	struct task_struct *task;
	__u32 pid;
};

/*
 * Adds one run's counts to this CPU's counters. Producers are pinned to
 * distinct CPUs and only they pass the filter, so plain adds do not race.
 */
static __always_inline void ls_commit(const struct ls_counters *l)
{
	__u32 key = 0;
	struct ls_counters *c = bpf_map_lookup_elem(&counters, &key);

	if (!c)
		return;
	c->triggers += l->triggers;
	c->primes += l->primes;
	c->ops += l->ops;
	c->hits += l->hits;
	c->misses += l->misses;
	c->creates += l->creates;
	c->deletes += l->deletes;
	c->failures += l->failures;
}

/* True when the current thread belongs to the run and issued @id. */
static __always_inline bool ls_ours(struct ls_op_ctx *ctx, long id, __u32 nr)
{
	__u64 pid_tgid;

	if (id != nr)
		return false;
	pid_tgid = bpf_get_current_pid_tgid();
	if ((pid_tgid >> 32) != cfg.target_tgid)
		return false;
	ctx->task = bpf_get_current_task_btf();
	ctx->pid = (__u32)pid_tgid;
	return true;
}

static __always_inline void ls_no_prime(struct ls_op_ctx *ctx)
{
}

/*
 * LS_SYS_ENTER_PROGS(name, op, prime) defines name_hook, which runs op once
 * per trigger syscall, and name_loop, which runs it cfg.loop_iters times
 * through bpf_loop. Both run prime once when a producer issues the prime
 * syscall. op and prime count how each operation ended in ctx->c; the trigger
 * and the operations run (bpf_loop's own count of iterations done) are
 * counted here, so the runner can check ops == triggers * ops per trigger.
 */
#define LS_SYS_ENTER_PROGS(name, op, prime)                                                        \
	static long name##_cb(__u32 i, void *data)                                                 \
	{                                                                                          \
		op(data);                                                                          \
		return 0;                                                                          \
	}                                                                                          \
                                                                                                   \
	static __always_inline int name##_run(long id, bool loop)                                  \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
                                                                                                   \
		if (ls_ours(&ctx, id, cfg.prime_nr)) {                                             \
			prime(&ctx);                                                               \
			ls_commit(&ctx.c);                                                         \
			return 0;                                                                  \
		}                                                                                  \
		if (!ls_ours(&ctx, id, cfg.trigger_nr))                                            \
			return 0;                                                                  \
		ctx.c.triggers = 1;                                                                \
		if (loop) {                                                                        \
			ctx.c.ops = bpf_loop(cfg.loop_iters, name##_cb, &ctx, 0);                  \
		} else {                                                                           \
			op(&ctx);                                                                  \
			ctx.c.ops = 1;                                                             \
		}                                                                                  \
		ls_commit(&ctx.c);                                                                 \
		return 0;                                                                          \
	}                                                                                          \
                                                                                                   \
	SEC("tp_btf/sys_enter")                                                                    \
	int BPF_PROG(name##_hook, struct pt_regs *regs, long id)                                   \
	{                                                                                          \
		return name##_run(id, false);                                                      \
	}                                                                                          \
                                                                                                   \
	SEC("tp_btf/sys_enter")                                                                    \
	int BPF_PROG(name##_loop, struct pt_regs *regs, long id)                                   \
	{                                                                                          \
		return name##_run(id, true);                                                       \
	}

#endif /* LSBENCH_COMMON_BPF_H */
