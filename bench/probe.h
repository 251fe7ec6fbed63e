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

/* A probe of what arg names: 0, or -errno with why in one line. */
typedef int (*ls_probe_fn)(const void *arg, char *why, size_t len);

/*
 * ls_probe_hook's cache: the answer for section (0, or -errno with why), fn's
 * the first time the section is asked about and the same every time after.
 * Every section's answer is kept for the run, however many are asked about.
 */
int ls_probe_once(const char *section, ls_probe_fn fn, const void *arg, char *why, size_t len);

#endif /* LSBENCH_PROBE_H */
