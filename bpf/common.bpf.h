/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every lsbench BPF object shares: the cell's settings, the per-CPU
 * counters the runner reads and cross-checks, and the macros that turn one
 * operation into a hook-mode and a loop-mode program for each hook.
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
	struct bpf_sock *sk;
	struct cgroup *cgrp;
	struct inode *inode;
	__u64 key; /* the hash controls' key: thread id, socket cookie, cgroup id, inode number */
	__u32 idx; /* operation index: bpf_loop's, or this CPU's trigger count in hook mode */
};

static __always_inline struct ls_counters *ls_percpu(void)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&counters, &key);
}

/*
 * Adds one run's counts to this CPU's counters. Producers are pinned to
 * distinct CPUs and only they pass the filters, so plain adds do not race.
 */
static __always_inline void ls_add(struct ls_counters *c, const struct ls_counters *l)
{
	c->triggers += l->triggers;
	c->primes += l->primes;
	c->ops += l->ops;
	c->hits += l->hits;
	c->misses += l->misses;
	c->creates += l->creates;
	c->deletes += l->deletes;
	c->failures += l->failures;
}

static __always_inline void ls_commit(const struct ls_counters *l)
{
	struct ls_counters *c = ls_percpu();

	if (c)
		ls_add(c, l);
}

static __always_inline bool ls_our_tgid(void)
{
	return (bpf_get_current_pid_tgid() >> 32) == cfg.target_tgid;
}

static __always_inline void ls_no_prime(struct ls_op_ctx *ctx)
{
}

/* Counts a lookup's result. */
static __always_inline void ls_count_get(struct ls_op_ctx *ctx, void *val)
{
	if (val)
		ctx->c.hits++;
	else
		ctx->c.misses++;
}

/*
 * Counts a create-then-delete: a fresh element is zeroed, so marking it lets
 * the next one tell a create from a hit on storage a delete failed to remove.
 */
static __always_inline void ls_count_create(struct ls_op_ctx *ctx, struct ls_val *val)
{
	if (!val) {
		ctx->c.failures++;
	} else if (val->v) {
		ctx->c.hits++;
	} else {
		val->v = 1;
		ctx->c.creates++;
	}
}

static __always_inline void ls_count_delete(struct ls_op_ctx *ctx, long err)
{
	if (err)
		ctx->c.failures++;
	else
		ctx->c.deletes++;
}

/*
 * LS_BODY(name, op) defines name_body(ctx, loop): run op once (hook mode)
 * or cfg.loop_iters times through bpf_loop (loop mode), then add the
 * trigger, the operations run (bpf_loop's own count of iterations done) and
 * what op counted to this CPU's counters. The runner checks
 * ops == triggers * ops per trigger.
 */
#define LS_BODY(name, op)                                                                          \
	static long name##_cb(__u32 i, void *data)                                                 \
	{                                                                                          \
		struct ls_op_ctx *ctx = data;                                                      \
                                                                                                   \
		ctx->idx = i;                                                                      \
		op(ctx);                                                                           \
		return 0;                                                                          \
	}                                                                                          \
                                                                                                   \
	static __always_inline void name##_body(struct ls_op_ctx *ctx, bool loop)                  \
	{                                                                                          \
		struct ls_counters *pc = ls_percpu();                                              \
                                                                                                   \
		if (!pc)                                                                           \
			return;                                                                    \
		ctx->c.triggers = 1;                                                               \
		if (loop) {                                                                        \
			ctx->c.ops = bpf_loop(cfg.loop_iters, name##_cb, ctx, 0);                  \
		} else {                                                                           \
			ctx->idx = pc->triggers;                                                   \
			op(ctx);                                                                   \
			ctx->c.ops = 1;                                                            \
		}                                                                                  \
		ls_add(pc, &ctx->c);                                                               \
	}

/* Owners reached from sys_enter: the current task, or its cgroup v2. */
static __always_inline void ls_owner_task(struct ls_op_ctx *ctx)
{
	ctx->task = bpf_get_current_task_btf();
	ctx->key = (__u32)bpf_get_current_pid_tgid();
}

static __always_inline void ls_owner_cgrp(struct ls_op_ctx *ctx)
{
	ctx->task = bpf_get_current_task_btf();
	ctx->cgrp = ctx->task->cgroups->dfl_cgrp;
	ctx->key = ctx->cgrp->kn->id;
}

/*
 * On tp_btf/sys_enter: owner(ctx) finds what the operation works on. A
 * producer issues cfg.prime_nr once (prime runs) and then cfg.trigger_nr
 * per trigger.
 */
#define LS_SYS_ENTER_PROGS(name, owner, op, prime)                                                 \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	static __always_inline int name##_sys_enter(long id, bool loop)                            \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
                                                                                                   \
		if ((id != cfg.trigger_nr && id != cfg.prime_nr) || !ls_our_tgid())                \
			return 0;                                                                  \
		owner(&ctx);                                                                       \
		if (id == cfg.prime_nr) {                                                          \
			prime(&ctx);                                                               \
			ls_commit(&ctx.c);                                                         \
			return 0;                                                                  \
		}                                                                                  \
		name##_body(&ctx, loop);                                                           \
		return 0;                                                                          \
	}                                                                                          \
                                                                                                   \
	SEC("tp_btf/sys_enter")                                                                    \
	int BPF_PROG(name##_hook, struct pt_regs *regs, long id)                                   \
	{                                                                                          \
		return name##_sys_enter(id, false);                                                \
	}                                                                                          \
                                                                                                   \
	SEC("tp_btf/sys_enter")                                                                    \
	int BPF_PROG(name##_loop, struct pt_regs *regs, long id)                                   \
	{                                                                                          \
		return name##_sys_enter(id, true);                                                 \
	}

/*
 * On cgroup/getsockopt, attached to the run's private cgroup: the owner is
 * the socket getsockopt(2) was called on with the cell's level and option.
 * Storage to hit is created from user space, so there is no prime.
 */
#define LS_GETSOCKOPT_PROGS(name, op, keyfn)                                                       \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	static __always_inline int name##_sockopt(struct bpf_sockopt *sopt, bool loop)             \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
                                                                                                   \
		if ((__u32)sopt->level != cfg.trigger_level ||                                     \
		    (__u32)sopt->optname != cfg.trigger_nr)                                        \
			return 1;                                                                  \
		ctx.sk = sopt->sk;                                                                 \
		if (!ctx.sk)                                                                       \
			return 1;                                                                  \
		ctx.key = keyfn(sopt);                                                             \
		name##_body(&ctx, loop);                                                           \
		return 1;                                                                          \
	}                                                                                          \
                                                                                                   \
	SEC("cgroup/getsockopt")                                                                   \
	int name##_hook(struct bpf_sockopt *sopt)                                                  \
	{                                                                                          \
		return name##_sockopt(sopt, false);                                                \
	}                                                                                          \
                                                                                                   \
	SEC("cgroup/getsockopt")                                                                   \
	int name##_loop(struct bpf_sockopt *sopt)                                                  \
	{                                                                                          \
		return name##_sockopt(sopt, true);                                                 \
	}

/*
 * On lsm/file_open: the owner is the inode of a file the producer opened in
 * the run's private folder (cfg.dir_ino). Storage to hit is created from
 * user space. LSM programs need the BPF LSM; kernels without it refuse them.
 */
#define LS_FILE_OPEN_PROGS(name, op)                                                               \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	static __always_inline int name##_file_open(struct file *file, bool loop)                  \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
                                                                                                   \
		if (!ls_our_tgid() ||                                                              \
		    file->f_path.dentry->d_parent->d_inode->i_ino != cfg.dir_ino)                  \
			return 0;                                                                  \
		ctx.inode = file->f_inode;                                                         \
		ctx.key = ctx.inode->i_ino;                                                        \
		name##_body(&ctx, loop);                                                           \
		return 0;                                                                          \
	}                                                                                          \
                                                                                                   \
	SEC("lsm/file_open")                                                                       \
	int BPF_PROG(name##_hook, struct file *file)                                               \
	{                                                                                          \
		return name##_file_open(file, false);                                              \
	}                                                                                          \
                                                                                                   \
	SEC("lsm/file_open")                                                                       \
	int BPF_PROG(name##_loop, struct file *file)                                               \
	{                                                                                          \
		return name##_file_open(file, true);                                               \
	}

#endif /* LSBENCH_COMMON_BPF_H */
