/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_BPFUTIL_H
#define LSBENCH_BPFUTIL_H

#include <stdbool.h>
#include "scenario.h"

struct bpf_object;
struct bpf_map_info;

/* Routes libbpf's messages: kept for error reasons, printed with verbose. */
void ls_bpf_init(bool verbose);

/*
 * True when the kernel has map type @type; otherwise marks the cell
 * unsupported, naming the map type.
 */
bool ls_map_type_check(struct cell *c, int type, const char *name);

/*
 * Loads @obj with only the cell's program (<prog>_hook or <prog>_loop)
 * enabled and attaches it, to cell->cgroup_fd for a cgroup program; with no
 * program, loads the maps only. Fills cell->link and cell->counters_fd. On error
 * returns -errno with the cell marked unsupported (the kernel refused the
 * program type or a helper) or failed, and the verifier's reason.
 */
int ls_obj_load_attach(struct cell *c, struct bpf_object *obj);

/* The map's info at @fd into @info (zeroed first); 0 or -errno. */
int ls_map_info(int fd, struct bpf_map_info *info);

/* Sums the per-CPU counters map at @fd. */
int ls_counters_read(int fd, struct ls_counters *sum);

/* One CPU's counters, e.g. a pinned producer's own. */
int ls_counters_read_cpu(int fd, int cpu, struct ls_counters *out);

struct ls_hist;

/* Adds the per-CPU histogram map at @fd (op_hist, timer_hist), all CPUs, to h's counts. */
int ls_bpf_hist_read(int fd, struct ls_hist *h);

#endif /* LSBENCH_BPFUTIL_H */
