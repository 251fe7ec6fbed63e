/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside `lsbench vm`: what its files share (vm.c the main flow, qemu.c the
 * children and the boot, kernels.c vm-kernel.sh and --timeline's kernels,
 * guest.c a guest's run). Not for other layers.
 */
#ifndef LSBENCH_VM_INT_H
#define LSBENCH_VM_INT_H

#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "vm.h"

#define MAX_TIMEOUT_S LS_VM_MAX_TIMEOUT_S
/*
 * A guest that has not reached its init is killed when its console has printed
 * nothing for BOOT_LIMIT_S (it is hung), or BOOT_CEILING_X times that after
 * qemu's start however much it prints: under TCG a boot's wall time grows with
 * the host's load, its progress on the console does not stop.
 */
#define BOOT_LIMIT_S 120.0
#define BOOT_CEILING_X 10
#define LOCKUP_LIMIT_S 60 /* a guest CPU stuck this long in its kernel: the guest is lost */
#define QEMU "qemu-system-x86_64"

/* Room for one run folder per boot of a kernel, joined by commas. */
#define LS_VM_RESULTS_MAX (PATH_MAX * 8)

/* One kernel: its spec, its temporary folder and what became of it. */
struct guest {
	const char *spec;
	char work[PATH_MAX];
	char release[256];
	char accel[8]; /* kvm, tcg or icount */
	char results[LS_VM_RESULTS_MAX]; /* the run folders its boots wrote, comma-joined */
	int status;
	bool lockup; /* its last boot's kernel locked up */
	unsigned int done; /* rounds found in the results root already (--timeline) */
};

struct vm_ctx {
	struct ls_vm_opts *o;
	char self[PATH_MAX]; /* this binary, which the guest runs too */
	char script_dir[PATH_MAX]; /* the scripts */
	char root[PATH_MAX]; /* the results root, absolute */
	unsigned int cpus;
	bool tcg_said;
	unsigned int boots; /* per kernel: with several kernels, one per round, alternated */
	unsigned int rounds; /* the run's --rounds */
	unsigned long long measure_key; /* ls_measure_key() of the guests' runs */
};

enum wait_end {
	WAIT_EXITED,
	WAIT_TIMEOUT,
	WAIT_NO_BOOT, /* not at its init, its console silent for the boot limit */
	WAIT_BOOT_CEILING, /* not at its init at the boot ceiling, printing still */
	WAIT_INTERRUPTED,
	WAIT_EARLY_EXIT,
	WAIT_LOCKUP,
};

/* A guest's console as it is copied to stdout (qemu.c). */
struct console;

/* The signal that interrupted lsbench vm (SIGINT, SIGTERM), or 0. */
extern volatile sig_atomic_t ls_vm_interrupted;

/* qemu.c: children and the boot. */
double ls_vm_now_s(void);
double ls_vm_boot_limit_s(void);
pid_t ls_vm_spawn(char *const argv[], int out_fd);
enum wait_end ls_vm_child_wait(pid_t pid, int fd, struct console *con, char *capture, size_t cap,
			       double limit_s, const char *booted, int *status);
enum wait_end ls_vm_guest_boot(struct vm_ctx *v, struct guest *g, const char *accel, bool probe,
			       double limit_s, int *status);
void ls_vm_choose_accel(struct vm_ctx *v, struct guest *g);

/* kernels.c: vm-kernel.sh, the kernels and the rounds they have already. */
bool ls_vm_locate_scripts(struct vm_ctx *v);
int ls_vm_prepare_all(struct vm_ctx *v, struct guest *g, size_t n);
int ls_vm_timeline_kernels(struct vm_ctx *v, char *err, size_t len);
int ls_vm_list_kernels(void);

/* guest.c: a guest's run. */
void ls_vm_guest_run(struct vm_ctx *v, struct guest *g);
void ls_vm_guest_run_again(struct vm_ctx *v, struct guest *g);

#endif /* LSBENCH_VM_INT_H */
