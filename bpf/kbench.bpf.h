/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shapes of the kernel's local-storage-create bench
 * (tools/testing/selftests/bpf/benchs/bench_local_storage_create.c) that the
 * scenarios pairing with it take: its socket hook, and the program it keeps
 * attached beside the one it measures. Include after common.bpf.h.
 */
#ifndef LSBENCH_KBENCH_BPF_H
#define LSBENCH_KBENCH_BPF_H

/*
 * On lsm.s/socket_post_create (sleepable; needs the BPF LSM), hook mode
 * only: the owner is each socket the run's process creates, as there. From
 * 6.17 the verifier types sock->sk as a trusted pointer that may be NULL and
 * refuses it to bpf_sk_storage_get unchecked: the check costs a branch.
 */
#define LS_SOCKET_POST_CREATE_PROG(name, op)                                                       \
	LS_BODY(name, op)                                                                          \
                                                                                                   \
	SEC("lsm.s/socket_post_create")                                                            \
	int BPF_PROG(name##_hook, struct socket *sock, int family, int type, int protocol,         \
		     int kern)                                                                     \
	{                                                                                          \
		struct ls_op_ctx oc = {};                                                          \
                                                                                                   \
		if (!ls_our_tgid())                                                                \
			return 0;                                                                  \
		oc.sk = (struct bpf_sock *)sock->sk;                                               \
		if (!oc.sk)                                                                        \
			return 0;                                                                  \
		name##_body(&oc, false);                                                           \
		return 0;                                                                          \
	}

/*
 * The bench's companion: raw_tp/kmalloc counting every kmalloc on the
 * machine with an atomic add (its "kmallocs/create"). A cell that pairs with
 * that bench attaches it beside its own program (scenario.aside), so that
 * both figures carry its cost; name_count holds the count.
 */
#define LS_KMALLOC_ASIDE(name)                                                                     \
	__u64 name##_count;                                                                        \
                                                                                                   \
	SEC("raw_tp/kmalloc")                                                                      \
	int name(void *ctx)                                                                        \
	{                                                                                          \
		__sync_fetch_and_add(&name##_count, 1);                                            \
		return 0;                                                                          \
	}

#endif /* LSBENCH_KBENCH_BPF_H */
