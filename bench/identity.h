/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_IDENTITY_H
#define LSBENCH_IDENTITY_H

#include <stdint.h>
#include "opts.h"

/* A hash of the BPF programs' sources and of how they were compiled (16 hex digits). */
const char *ls_bpf_sources(void);

/*
 * What a run measures, as one number: two runs with the same key measured
 * the same cells, the same way, with the same BPF programs, whatever their
 * rounds, seeds, budgets and output folders. Runs of one key can be pooled
 * as rounds of one set (lsbench vm resumes a cut-off run that way).
 */
uint64_t ls_measure_key(const struct ls_run_opts *o);

/*
 * h continued over the rows of table marked measures (cli.h), with their
 * values in settings: ls_measure_key's hash, of any table. A row's name and
 * value go in, in the table's order; a value of zero adds nothing.
 */
uint64_t ls_measure_hash(uint64_t h, const struct ls_cli_opt *table, const void *settings);

#endif /* LSBENCH_IDENTITY_H */
