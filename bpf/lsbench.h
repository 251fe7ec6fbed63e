/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Types shared by the BPF programs and the runner. Fixed-width types only and
 * no includes: the BPF side gets __u32/__u64 from vmlinux.h, the runner from
 * <linux/types.h>.
 */
#ifndef LSBENCH_H
#define LSBENCH_H

/* How a program is driven: one operation per trigger, or many through bpf_loop. */
enum ls_mode {
	LS_MODE_HOOK = 0,
	LS_MODE_LOOP = 1,
	LS_MODE_FENTRY = 2, /* loop mode's program on fentry of the trigger syscall */
};

/*
 * What the BPF side did, summed by the runner over all CPUs. Every program
 * counts the triggers that passed its filter and the operations it ran; the
 * other fields say how each operation ended.
 */
struct ls_counters {
	__u64 triggers; /* program runs that passed the filter */
	__u64 primes; /* priming runs (storage created before measuring) */
	__u64 ops; /* operations run */
	__u64 hits; /* lookups that found an element */
	__u64 misses; /* lookups that found none */
	__u64 creates; /* elements created */
	__u64 deletes; /* elements deleted */
	__u64 failures; /* helper calls that returned an error or NULL */
	__u64 prime_fails; /* primes that could not create: retried by the producer */
	__u64 map0_gets; /* map-count steps: gets on map 0, checked against the visit order */
	__u64 slowed; /* power trials: operations run again by the slowdown (common.bpf.h) */
};

/*
 * Where this CPU's last loop-mode trigger ended (the trig_ends map): its
 * operations so far and bpf_ktime_get_ns() as it ended, written together
 * once per trigger. A repetition timed between two of them holds whole
 * triggers only (cellrun.c); hook mode has none, the clock times it.
 */
struct ls_trig_end {
	__u64 ops; /* operations of this CPU's loop-mode triggers so far */
	__u64 ns; /* when the last of them ended; 0: none yet */
};

/*
 * The BPF side's latency histograms (op_hist, timer_hist): per-CPU arrays of
 * counts indexed as the runner's log-linear histogram (hist.h), for values
 * below 2^24 ns; longer ones count in the last bucket.
 */
#define LS_BPF_HIST_BUCKETS 2304

/* Owners the programs can reach by id (the owner_ids table). */
#define LS_MAX_OWNERS 16384

/*
 * The random-key hash control, as the kernel's local-storage-cache-hashmap-control:
 * maps of LS_BIG_HASH_ENTRIES keys, all present, looked up at random among the first
 * LS_RANDOM_KEYS.
 */
#define LS_BIG_HASH_ENTRIES 4194304
#define LS_RANDOM_KEYS 1000

/* The values the suite's maps store: 8 bytes, and the other sizes swept. */
struct ls_val {
	__u64 v;
};

struct ls_val64 {
	__u64 v[8];
};

struct ls_val4096 {
	__u64 v[512];
};

/* Settings of one cell, written to .rodata before load. */
struct ls_config {
	__u32 target_tgid; /* only the runner's own threads trigger */
	__u32 mode; /* enum ls_mode */
	__u32 loop_iters; /* operations per trigger in loop mode */
	__u32 trigger_nr; /* syscall, or socket option, the producers trigger with */
	__u32 trigger_level; /* socket option level, for sockopt hooks */
	__u32 prime_nr; /* syscall they issue once to prime */
	__s32 prime_pid; /* fentry mode: getpgid's argument that primes instead */
	__u32 nr_maps; /* maps in the array of maps, for map-count sweeps */
	__u32 interleave; /* map-count sweeps: an extra operation on map 0 after every third map */
	__u32 value_size; /* bytes per value of the swept maps: 8, 64 or 4096 */
	__u32 nr_owners; /* owners reached by id (owner_ids), visited in turn */
	__u32 time_ops; /* time operations with bpf_ktime_get_ns into op_hist and timer_hist */
	__u32 slowdown_pct; /* power trials only: operations run again, per 100 (common.bpf.h) */
	__u32 listen_port; /* the TCP listener whose accepted sockets sockops programs check */
	__u64 dir_ino; /* inode number of the folder whose files are opened */
	__u32 hash_keys; /* random-key hash control: keys looked up, 0 to hash_keys - 1 */
};

/*
 * One local-storage map as the slots iterator (slots.bpf.c) sees it: its id,
 * its type and the slot of the per-owner cache it took when it was made.
 */
struct ls_slot_rec {
	__u32 id;
	__u32 type;
	__u32 slot;
};

#endif /* LSBENCH_H */
