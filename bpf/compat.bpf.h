/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the BPF objects use that the oldest kernel they build against lacks.
 * vmlinux.h comes from the build machine's BTF, and Debian 12 runs 6.1: its
 * BTF has no enum value newer than that. UAPI values never change, so the
 * objects name them here, build on any kernel from 6.1 on and load wherever
 * the running kernel has them; where it has not, the runner probes the map
 * type first and writes the cell as unsupported.
 */
#ifndef LSBENCH_COMPAT_BPF_H
#define LSBENCH_COMPAT_BPF_H

/* enum bpf_map_type, include/uapi/linux/bpf.h */
#define LS_BPF_MAP_TYPE_CGRP_STORAGE 32 /* 6.2 */

/* The syscall wrappers fentry programs attach to, and how they read an argument. */
#if defined(__TARGET_ARCH_x86)
#define LS_SYS_PREFIX "__x64_"
#define LS_SYSCALL_ARG1(regs) ((regs)->di)
#elif defined(__TARGET_ARCH_arm64)
#define LS_SYS_PREFIX "__arm64_"
#define LS_SYSCALL_ARG1(regs) ((regs)->regs[0])
#else
#error "lsbench's fentry programs know x86 and arm64 only"
#endif

#endif /* LSBENCH_COMPAT_BPF_H */
