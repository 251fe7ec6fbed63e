/* SPDX-License-Identifier: GPL-2.0 */
/* Whether two result sets mean anything side by side: checked before compare and report judge. */
#ifndef LSBENCH_SIDES_H
#define LSBENCH_SIDES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "cli.h"
#include "rset.h"

/* What the checks let through: compare's and report's --force and --trial. */
struct ls_sides_opts {
	bool force; /* sides of different CPU models or virtualisation: a warning, not refused */
	bool trials_ok; /* read runs marked a trial (struct ls_rset's trials_ok) */
};

/* --force and --trial, of a struct ls_sides_opts: a child table of compare's and report's. */
extern const struct ls_cli_opt ls_sides_cli_opts[];

/*
 * -EINVAL, with two of its kernels named in err, when the runs of side s (the
 * side's name: "base", "new") are of more than one kernel (ls_run_kernel_name:
 * release and label); 0 otherwise.
 */
int ls_sides_one_kernel(const char *name, const struct ls_rset *s, char *err, size_t len);

/*
 * Refuses (-EINVAL, one line in err) a comparison that means nothing: a run
 * on both sides, a side whose runs are of several kernels (or labels), or,
 * unless force, sides of different CPU models or virtualisation (with force
 * that is a warning). Warns when both sides name the hash of their BPF
 * programs' sources (meta.txt bpf_sources) and they differ. Warnings are one
 * line each on warn, prefixed "lsbench CMD: warning: ". Fields a run's
 * meta.txt lacks are not checked.
 */
int ls_sides_check(const char *cmd, const struct ls_rset *base, const struct ls_rset *new,
		   bool force, FILE *warn, char *err, size_t len);

#endif /* LSBENCH_SIDES_H */
