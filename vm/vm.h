/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_VM_H
#define LSBENCH_VM_H

#include <stdbool.h>
#include <stddef.h>
#include "opts.h"

#define LS_VM_MAX_KERNELS 16
#define LS_VM_MAX_TIMEOUT_S 86400.0 /* --timeout's most */

/* Settings of `lsbench vm` itself; the run options go through to the guest. */
struct ls_vm_opts {
	const char *kernels[LS_VM_MAX_KERNELS];
	size_t nr_kernels;
	char kernel_list[4096]; /* --kernels, one list after another, split in place */
	size_t kernel_list_used;
	bool list_kernels;
	const char *accel; /* auto, kvm, tcg or icount */
	double timeout_s; /* wall-clock limit of one guest */
	char **run_argv; /* the run options, argv[0] a placeholder; with exec its arguments */
	int run_argc;
	struct ls_run_opts run; /* the run options as parsed, before lsbench run's own checks */
	const char *exec; /* a program to run in the guest instead of lsbench run */
	const char *append; /* --append: kernel parameters after lsbench's own */
	unsigned int vcpus; /* the guest's CPUs; 0: as many as the host has online */
	const char *timeline; /* --timeline SINCE: the newest kernel of each series from SINCE */
	/* with timeline: the releases chosen, reused or run */
	char timeline_list[2048];
	const char *releases[LS_VM_MAX_KERNELS];
	size_t nr_releases;
};

/* `lsbench vm`: its options, and run's as a child table, passed through to the guest. */
extern const struct ls_cli_cmd ls_vm_cmd;

/*
 * Splits argv (after `vm`) into the vm options and the run options and
 * checks both; the arguments after --exec PROGRAM are PROGRAM's. Returns 0,
 * LS_CLI_HELP for --help, or -EINVAL with a one-line message in err.
 * run_argv is allocated: free it.
 */
int ls_vm_opts_parse(int argc, char **argv, struct ls_vm_opts *o, char *err, size_t len);

/* `lsbench vm`: the process exit status, as `lsbench run`'s. */
int ls_vm_main(int argc, char **argv);

#endif /* LSBENCH_VM_H */
