/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_PROBE_H
#define LSBENCH_PROBE_H

#include <stddef.h>

struct bpf_program;

/*
 * Whether this kernel takes programs of prog's type on prog's attach point,
 * asked before the cell's object loads: a trivial program of that type and
 * target is loaded (and, for tracing and LSM programs, attached). 0, or
 * -errno with why in one line. Each section is probed once per run.
 */
int ls_probe_hook(const struct bpf_program *prog, char *why, size_t len);

#endif /* LSBENCH_PROBE_H */
