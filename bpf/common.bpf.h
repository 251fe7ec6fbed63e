/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every lsbench BPF object shares: the cell's settings, the per-CPU
 * counters the runner reads and cross-checks, and the macros that turn one
 * operation into a hook-mode and a loop-mode program for each hook.
 */
#ifndef LSBENCH_COMMON_BPF_H
#define LSBENCH_COMMON_BPF_H

#include "compat.bpf.h"
#include "lsbench.h"
#include "mapseq.h"

#define LS_F_CREATE 1 /* BPF_LOCAL_STORAGE_GET_F_CREATE */

const volatile struct ls_config cfg = {};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ls_counters);
} counters SEC(".maps");

/* What an operation works on and what it has done so far in this run. */
struct ls_op_ctx {
	struct ls_counters c;
	struct task_struct *task;
	struct bpf_sock *sk;
	struct cgroup *cgrp;
	struct inode *inode;
	__u64 key; /* the hash controls' key: thread id, socket cookie, cgroup id, inode number */
	__u32 idx; /* operation index: bpf_loop's, or this CPU's trigger count in hook mode */
	__u32 o; /* owners reached by id: the next one, 0..nr_owners-1 */
};

/*
 * With cfg.time_ops: how long operations take (op_hist), and what timing
 * costs, two bpf_ktime_get_ns() calls around nothing (timer_hist).
 */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, LS_BPF_HIST_BUCKETS);
	__type(key, __u32);
	__type(value, __u64);
} op_hist SEC(".maps"), timer_hist SEC(".maps");

/* The highest bit set in v > 0: fls64(v) - 1, without a loop. */
static __always_inline __u32 ls_msb(__u64 v)
{
	__u32 n = 0;

	if (v >> 32) {
		v >>= 32;
		n += 32;
	}
	if (v >> 16) {
		v >>= 16;
		n += 16;
	}
	if (v >> 8) {
		v >>= 8;
		n += 8;
	}
	if (v >> 4) {
		v >>= 4;
		n += 4;
	}
	if (v >> 2) {
		v >>= 2;
		n += 2;
	}
	return n + (__u32)(v >> 1);
}

/* Counts ns in its bucket: exact below 128, then 128 buckets per power of two. */
static __always_inline void ls_hist_count(void *hist, __u64 ns)
{
	__u32 idx = LS_BPF_HIST_BUCKETS - 1, shift;
	__u64 *n;

	if (ns < 128) {
		idx = ns;
	} else if (ns < (1ULL << 24)) {
		shift = ls_msb(ns) - 7;
		idx = 128 + shift * 128 + (__u32)((ns >> shift) - 128);
	}
	n = bpf_map_lookup_elem(hist, &idx);
	if (n)
		(*n)++;
}

/* An empty timed region: what a timed operation's figure includes beside the operation. */
static __always_inline void ls_time_nothing(void)
{
	__u64 t0 = bpf_ktime_get_ns();

	ls_hist_count(&timer_hist, bpf_ktime_get_ns() - t0);
}

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ls_trig_end);
} trig_ends SEC(".maps");

/*
 * Stamps the end of a loop-mode trigger that ran ops operations (lsbench.h):
 * one clock read per 10 000 operations. Hook mode never calls it, so that a
 * trigger of one operation keeps its figure.
 */
static __always_inline void ls_stamp_trig_end(__u64 ops)
{
	struct ls_trig_end *e;
	__u32 key = 0;

	e = bpf_map_lookup_elem(&trig_ends, &key);
	if (!e)
		return;
	e->ops += ops;
	e->ns = bpf_ktime_get_ns();
}

/* Owners reached by id (thread ids, cgroup ids), filled by the runner. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, LS_MAX_OWNERS);
	__type(key, __u32);
	__type(value, __u64);
} owner_ids SEC(".maps");

/* The id of the next owner reached by id, in turn; 0 past the table. */
static __always_inline __u64 ls_next_owner_id(struct ls_op_ctx *ctx)
{
	__u32 o = ctx->o;
	__u64 *id;

	ctx->o = o + 1 >= cfg.nr_owners ? 0 : o + 1;
	id = bpf_map_lookup_elem(&owner_ids, &o);
	return id ? *id : 0;
}

/*
 * clang emits a struct used only inside an inner-map template as a forward
 * declaration, which libbpf cannot size: these globals pull in the whole types.
 */
struct ls_val64 ls_btf_val64;
struct ls_val4096 ls_btf_val4096;

#define LS_MAX_MAPS 1000

/* An array of up to LS_MAX_MAPS maps of one type, filled by the runner. */
#define LS_OUTER(name, inner_type, val_t, flags, entries)                                          \
	struct {                                                                                   \
		__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);                                          \
		__uint(max_entries, LS_MAX_MAPS);                                                  \
		__type(key, int);                                                                  \
		__array(                                                                           \
			values, struct {                                                           \
				__uint(type, inner_type);                                          \
				__uint(map_flags, flags);                                          \
				__uint(max_entries, entries);                                      \
				__type(key, int);                                                  \
				__type(value, val_t);                                              \
			});                                                                        \
	} name SEC(".maps");

/*
 * LS_STORE_MAPS(prefix, type) declares arrays of local-storage maps of each
 * value size (prefix8, prefix64, prefix4096) and prefix_pick(m), the m-th map
 * of the size the cell runs with, and prefix_pick8(m), the m-th of 8 bytes.
 * clang makes prefix_pick one lookup of a map picked by the size, and the
 * pick stays even when the verifier knows the size: cells that sweep no value
 * size use prefix_pick8, which has none. LS_STORE_MAPS_FLAGS gives the maps other
 * flags than BPF_F_NO_PREALLOC alone: the runner makes the cell's maps with
 * the template's flags.
 */
#define LS_STORE_MAPS(prefix, inner_type) LS_STORE_MAPS_FLAGS(prefix, inner_type, BPF_F_NO_PREALLOC)
#define LS_STORE_MAPS_FLAGS(prefix, inner_type, flags)                                             \
	LS_OUTER(prefix##8, inner_type, struct ls_val, flags, 0)                                   \
	LS_OUTER(prefix##64, inner_type, struct ls_val64, flags, 0)                                \
	LS_OUTER(prefix##4096, inner_type, struct ls_val4096, flags, 0)                            \
                                                                                                   \
	static __always_inline void *prefix##_pick(__u32 m)                                        \
	{                                                                                          \
		__u32 size = cfg.value_size;                                                       \
                                                                                                   \
		if (size == 4096)                                                                  \
			return bpf_map_lookup_elem(&prefix##4096, &m);                             \
		if (size == 64)                                                                    \
			return bpf_map_lookup_elem(&prefix##64, &m);                               \
		return bpf_map_lookup_elem(&prefix##8, &m);                                        \
	}                                                                                          \
                                                                                                   \
	static __always_inline __attribute__((unused)) void *prefix##_pick8(__u32 m)               \
	{                                                                                          \
		return bpf_map_lookup_elem(&prefix##8, &m);                                        \
	}

/* The map of the next step of a map-count sweep (mapseq.h). */
static __always_inline __u32 ls_next_map(struct ls_op_ctx *ctx)
{
	return ls_mapseq_map(ctx->idx, cfg.nr_maps);
}

/*
 * A map-count sweep's step: get_map(ctx, map index) on the next map, and
 * interleaved on map 0 again after maps 0, 3, 6, ..., counted as one more
 * operation (the loop counts the steps). The gets of map 0 are counted apart
 * (map0_gets), which the runner checks against the visit order (mapseq.h);
 * the kernel's bench counts them too (important_hits), and its test of the
 * map's index after every get, a branch with the period of the map count,
 * is part of what a get costs there (results/crosscheck). get_map counts
 * nothing when the outer array has no map at the index (the kernel's bench
 * returns there too): the cell's hits then fall short of its operations and
 * its cross-check fails.
 *
 * The order is the kernel's local-storage bench's as clang builds it: the get,
 * then map_idx % 3 on every step, interleaved or not (barrier_var keeps the
 * compiler from moving the division into the interleaved branch), tested
 * before interleave. Matching the instruction count is not enough: an order
 * that works the remainder out before the get ran as many instructions and
 * took longer per get (the crosscheck's published sets say by how much).
 */
#define LS_MAPS_STEP(ctx, get_map)                                                                 \
	do {                                                                                       \
		__u32 m_ = ls_next_map(ctx);                                                       \
		__u64 rem_;                                                                        \
                                                                                                   \
		get_map(ctx, m_);                                                                  \
		if (!m_)                                                                           \
			(ctx)->c.map0_gets++;                                                      \
		rem_ = ls_mapseq_rem(m_);                                                          \
		barrier_var(rem_);                                                                 \
		if (!rem_ && cfg.interleave) {                                                     \
			get_map(ctx, 0);                                                           \
			(ctx)->c.map0_gets++;                                                      \
			(ctx)->c.ops++;                                                            \
		}                                                                                  \
	} while (0)

/*
 * LS_MAPS_GET_OPS(prefix, get_in) defines prefix_get_op, a map-count step on
 * the maps of the cell's value size, and prefix_get8_op, the same on the maps
 * of 8 bytes without the pick, for the scenarios that sweep no value size (the
 * kernel's bench has one size). get_in(ctx, map) gets from one map, NULL when
 * the outer array has none at the index.
 */
#define LS_MAPS_GET_OPS(prefix, get_in)                                                            \
	static __always_inline void prefix##_get_map(struct ls_op_ctx *ctx, __u32 m)               \
	{                                                                                          \
		get_in(ctx, prefix##_pick(m));                                                     \
	}                                                                                          \
                                                                                                   \
	static __always_inline void prefix##_get8_map(struct ls_op_ctx *ctx, __u32 m)              \
	{                                                                                          \
		get_in(ctx, prefix##_pick8(m));                                                    \
	}                                                                                          \
                                                                                                   \
	static __always_inline void prefix##_get_op(struct ls_op_ctx *ctx)                         \
	{                                                                                          \
		LS_MAPS_STEP(ctx, prefix##_get_map);                                               \
	}                                                                                          \
                                                                                                   \
	static __always_inline void prefix##_get8_op(struct ls_op_ctx *ctx)                        \
	{                                                                                          \
		LS_MAPS_STEP(ctx, prefix##_get8_map);                                              \
	}

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
	c->prime_fails += l->prime_fails;
	c->map0_gets += l->map0_gets;
	c->slowed += l->slowed;
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

/*
 * Counts a lookup's result: a hit or a miss. clang makes it one add at a
 * counter picked by the result: more BPF instructions than a test and an
 * add, but less time per get beside the kernel's bench (results/crosscheck),
 * so it is left to clang.
 */
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
 * The slowdown of power trials (cfg.slowdown_pct, `lsbench run --slowdown
 * PCT`): PCT of every 100 operations run again, counted by this CPU's
 * operations so far (no random draw). In loop modes the repeats run after the
 * trigger's loop, in a bpf_loop of their own through the loop's own callback,
 * so that a repeat costs what an operation of the loop costs, harness and
 * all; in hook mode the operation runs again after the trigger's. A slowed
 * loop cell's ns_per_op then grows by PCT% (under icount, its instructions);
 * a hook cell's by PCT% of its operation alone, a small part of a trigger's
 * path (the syscall's, the hook's). Only
 * cells with a map under test are slowed: the runner gives an empty control
 * 0, so it runs as in a benchmark, and added_ns_per_op grows by PCT% of the
 * cell's whole ns_per_op: the cell moves and its control does not, as under a
 * kernel change to a helper. The repeats' operation count, gets of map 0 and
 * owner turn are put back (in loop modes once per trigger, outside the
 * repeats), and the repeats are counted (slowed); what else they count the
 * runner allows for. 0 in a benchmark or a control: the verifier then drops
 * the code, cfg being read-only.
 */
static __always_inline __u64 ls_slow_upto(__u64 ops)
{
	return ops * cfg.slowdown_pct / 100;
}

/* How many of the n operations after this CPU's first done the slowdown repeats. */
static __always_inline __u32 ls_slow_after(__u64 done, __u64 n)
{
	return ls_slow_upto(done + n) - ls_slow_upto(done);
}

/* Runs repeat, the slowdown's repeats; puts back the operation count, map 0's gets, owner turn. */
#define LS_PUT_BACK(ctx, repeat)                                                                   \
	do {                                                                                       \
		__u64 ops_ = (ctx)->c.ops, map0_ = (ctx)->c.map0_gets;                             \
		__u32 o_ = (ctx)->o;                                                               \
                                                                                                   \
		barrier_var(ops_);                                                                 \
		barrier_var(map0_);                                                                \
		barrier_var(o_);                                                                   \
		repeat;                                                                            \
		(ctx)->c.ops = ops_;                                                               \
		(ctx)->c.map0_gets = map0_;                                                        \
		(ctx)->o = o_;                                                                     \
	} while (0)

/*
 * LS_BODY(name, op) defines name_body(ctx, loop): run op once (hook mode)
 * or cfg.loop_iters times through bpf_loop (loop mode), then add the
 * trigger, the operations run (bpf_loop's own count of iterations done) and
 * what op counted to this CPU's counters. The runner checks ops == triggers
 * * ops per trigger. In loop mode the trigger's end is stamped too
 * (ls_stamp_trig_end), last in the loop branch: the runner takes a
 * repetition's operations from the stamps alone, so it need not follow the
 * add, and there the hook-mode programs are the same instructions as without
 * it (after the add, clang laid them out otherwise).
 *
 * With cfg.time_ops, one operation per trigger is timed: in hook mode the
 * only one, in loop mode the last, run after bpf_loop ran the others, so the
 * loop itself has no timing in it. An empty region is timed beside it (every
 * 16th trigger in hook mode, where a trigger is one operation). Without it
 * the verifier drops the timing code: cfg is read-only.
 */
#define LS_BODY(name, op)                                                                          \
	static __always_inline void name##_one(struct ls_op_ctx *ctx)                              \
	{                                                                                          \
		op(ctx);                                                                           \
	}                                                                                          \
                                                                                                   \
	static long name##_cb(__u32 i, void *data)                                                 \
	{                                                                                          \
		struct ls_op_ctx *ctx = data;                                                      \
                                                                                                   \
		ctx->idx = i;                                                                      \
		name##_one(ctx);                                                                   \
		return 0;                                                                          \
	}                                                                                          \
                                                                                                   \
	static __always_inline void name##_body(struct ls_op_ctx *ctx, bool loop)                  \
	{                                                                                          \
		struct ls_counters *pc = ls_percpu();                                              \
		__u32 slow;                                                                        \
		__u64 t0;                                                                          \
                                                                                                   \
		if (!pc)                                                                           \
			return;                                                                    \
		ctx->c.triggers = 1;                                                               \
		if (loop) {                                                                        \
			/* each trigger goes on where the last left off */                         \
			if (cfg.nr_owners > 1)                                                     \
				ctx->o = (pc->triggers * cfg.loop_iters) % cfg.nr_owners;          \
			if (!cfg.time_ops || cfg.loop_iters < 2) {                                 \
				ctx->c.ops += bpf_loop(cfg.loop_iters, name##_cb, ctx, 0);         \
			} else {                                                                   \
				ctx->c.ops += bpf_loop(cfg.loop_iters - 1, name##_cb, ctx, 0);     \
				ctx->idx = cfg.loop_iters - 1;                                     \
				t0 = bpf_ktime_get_ns();                                           \
				name##_one(ctx);                                                   \
				ls_hist_count(&op_hist, bpf_ktime_get_ns() - t0);                  \
				ctx->c.ops++;                                                      \
				ls_time_nothing();                                                 \
			}                                                                          \
			/* the slowdown's repeats: the loop's own callback, in a loop */           \
			if (cfg.slowdown_pct) {                                                    \
				slow = ls_slow_after(pc->triggers * cfg.loop_iters,                \
						     cfg.loop_iters);                              \
				LS_PUT_BACK(ctx, slow = bpf_loop(slow, name##_cb, ctx, 0));        \
				ctx->c.slowed += slow;                                             \
			}                                                                          \
			ls_stamp_trig_end(ctx->c.ops);                                             \
		} else {                                                                           \
			ctx->idx = pc->triggers;                                                   \
			if (cfg.nr_owners > 1)                                                     \
				ctx->o = pc->triggers % cfg.nr_owners;                             \
			if (cfg.time_ops) {                                                        \
				t0 = bpf_ktime_get_ns();                                           \
				name##_one(ctx);                                                   \
				ls_hist_count(&op_hist, bpf_ktime_get_ns() - t0);                  \
				if (!(pc->triggers & 15))                                          \
					ls_time_nothing();                                         \
			} else {                                                                   \
				name##_one(ctx);                                                   \
			}                                                                          \
			ctx->c.ops++;                                                              \
			if (cfg.slowdown_pct && ls_slow_after(pc->triggers, 1)) {                  \
				LS_PUT_BACK(ctx, op(ctx));                                         \
				ctx->c.slowed++;                                                   \
			}                                                                          \
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
	static __always_inline int name##_run(bool priming, bool loop)                             \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
                                                                                                   \
		owner(&ctx);                                                                       \
		if (priming) {                                                                     \
			prime(&ctx);                                                               \
			ls_commit(&ctx.c);                                                         \
			return 0;                                                                  \
		}                                                                                  \
		name##_body(&ctx, loop);                                                           \
		return 0;                                                                          \
	}                                                                                          \
                                                                                                   \
	static __always_inline int name##_sys_enter(long id, bool loop)                            \
	{                                                                                          \
		if ((id != cfg.trigger_nr && id != cfg.prime_nr) || !ls_our_tgid())                \
			return 0;                                                                  \
		return name##_run(id == cfg.prime_nr, loop);                                       \
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
	}                                                                                          \
                                                                                                   \
	/*                                                                                         \
	 * fentry mode: the loop on the trigger syscall's entry function, where                    \
	 * the kernel's bench attaches; getpgid(cfg.prime_pid) primes.                             \
	 */                                                                                        \
	SEC("fentry/" LS_SYS_PREFIX "sys_getpgid")                                                 \
	int BPF_PROG(name##_fentry, struct pt_regs *regs)                                          \
	{                                                                                          \
		if (!ls_our_tgid())                                                                \
			return 0;                                                                  \
		return name##_run((__s32)LS_SYSCALL_ARG1(regs) == cfg.prime_pid, true);            \
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

/*
 * On cgroup_skb/egress, attached to the run's private cgroup: the owner is
 * the full socket a producer sent a UDP datagram from (loopback, to a sink).
 */
#define LS_EGRESS_PROGS(name, op)                                                                  \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	static __always_inline int name##_egress(struct __sk_buff *skb, bool loop)                 \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
		struct bpf_sock *sk = skb->sk;                                                     \
                                                                                                   \
		if (!sk)                                                                           \
			return 1;                                                                  \
		sk = bpf_sk_fullsock(sk);                                                          \
		if (!sk || sk->type != 2 /* SOCK_DGRAM */)                                         \
			return 1;                                                                  \
		ctx.sk = sk;                                                                       \
		name##_body(&ctx, loop);                                                           \
		return 1;                                                                          \
	}                                                                                          \
                                                                                                   \
	SEC("cgroup_skb/egress")                                                                   \
	int name##_hook(struct __sk_buff *skb)                                                     \
	{                                                                                          \
		return name##_egress(skb, false);                                                  \
	}                                                                                          \
                                                                                                   \
	SEC("cgroup_skb/egress")                                                                   \
	int name##_loop(struct __sk_buff *skb)                                                     \
	{                                                                                          \
		return name##_egress(skb, true);                                                   \
	}

/*
 * Owner churn, one operation per new owner (hook mode only): on
 * tp_btf/sched_process_fork for each thread the run creates, on
 * cgroup/sock_create for each socket, on tp_btf/cgroup_mkdir for each cgroup.
 */
#define LS_FORK_PROG(name, op)                                                                     \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	SEC("tp_btf/sched_process_fork")                                                           \
	int BPF_PROG(name##_hook, struct task_struct *parent, struct task_struct *child)           \
	{                                                                                          \
		struct ls_op_ctx oc = {};                                                          \
                                                                                                   \
		/* producers only: the main thread makes the producers */                          \
		if ((__u32)parent->tgid != cfg.target_tgid || parent->pid == parent->tgid)         \
			return 0;                                                                  \
		oc.task = child;                                                                   \
		name##_body(&oc, false);                                                           \
		return 0;                                                                          \
	}

#define LS_SOCK_CREATE_PROG(name, op)                                                              \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	SEC("cgroup/sock_create")                                                                  \
	int name##_hook(struct bpf_sock *sk)                                                       \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
                                                                                                   \
		ctx.sk = sk;                                                                       \
		name##_body(&ctx, false);                                                          \
		return 1;                                                                          \
	}

#define LS_CGROUP_MKDIR_PROG(name, op)                                                             \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	SEC("tp_btf/cgroup_mkdir")                                                                 \
	int BPF_PROG(name##_hook, struct cgroup *cgrp, const char *path)                           \
	{                                                                                          \
		struct ls_op_ctx oc = {};                                                          \
                                                                                                   \
		if (!ls_our_tgid())                                                                \
			return 0;                                                                  \
		oc.cgrp = cgrp;                                                                    \
		name##_body(&oc, false);                                                           \
		return 0;                                                                          \
	}

/*
 * On sockops, attached to the run's private cgroup, hook mode only: the
 * owner is a socket accept() will return, as it becomes established on the
 * listener's port (cfg.listen_port), the storage it was cloned with in place.
 */
#define LS_SOCKOPS_PROG(name, opfn)                                                                \
	LS_BODY(name, opfn)                                                                        \
                                                                                                   \
	SEC("sockops")                                                                             \
	int name##_hook(struct bpf_sock_ops *skops)                                                \
	{                                                                                          \
		struct ls_op_ctx ctx = {};                                                         \
                                                                                                   \
		if (skops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB ||                            \
		    skops->local_port != cfg.listen_port)                                          \
			return 1;                                                                  \
		ctx.sk = skops->sk;                                                                \
		if (!ctx.sk)                                                                       \
			return 1;                                                                  \
		name##_body(&ctx, false);                                                          \
		return 1;                                                                          \
	}

/* Churn: storage created on the new owner; it goes with its owner. */
#define LS_CREATE_ON(ctx, val)                                                                     \
	do {                                                                                       \
		if (val)                                                                           \
			(ctx)->c.creates++;                                                        \
		else                                                                               \
			(ctx)->c.failures++;                                                       \
	} while (0)

#endif /* LSBENCH_COMMON_BPF_H */
