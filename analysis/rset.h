/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Result sets read back from results folders, for compare and report: the
 * cells of summary.csv, with their repetitions from reps.csv, merged over
 * every run folder given for one side.
 */
#ifndef LSBENCH_RSET_H
#define LSBENCH_RSET_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#define LS_READ_SCHEMA_MIN 1
#define LS_READ_SCHEMA_MAX 3
#define LS_REPS_SCHEMA 2 /* the first schema with reps.csv */
#define LS_ROUNDS_SCHEMA 3 /* the first with rounds: reps.csv's round column */

/* What identifies a cell across runs: compare matches on all of it. */
struct ls_key {
	char scenario[64];
	char map_type[32];
	char op[32];
	char hook[64];
	char mode[16];
	char sharing[16]; /* "private" for schema 1, which had no sharing column */
	unsigned int nr_maps;
	unsigned int nr_objects;
	unsigned int value_size;
	unsigned int cpus;
};

struct ls_run_info {
	char dir[PATH_MAX];
	char run_id[192];
	char kernel[128];
	char host[128];
	char cpu_model[128];
	char state[128];
	/* from meta.txt, empty when it lacks them */
	char rev[64]; /* lsbench_revision */
	char started[32]; /* started_utc */
	char arch[32];
	char virt[32];
	char kernel_version[160];
	char label[64]; /* label: run --label's NAME */
	char bpf_sources[32]; /* the hash of the BPF programs' sources */
	/* summary.csv's trial column: what made the run a trial (a slowdown, a fault); empty: none
	 */
	char trial[128];
	unsigned int schema;
};

struct ls_rcell {
	struct ls_key key;
	size_t run; /* index of the first run that has the cell */
	unsigned int nr_runs; /* runs merged into it */
	unsigned int line; /* its line in that run's summary.csv */
	char status[16];
	char reason[256];
	/*
	 * summary.csv's control: the scenario of its control, "" for none. Older
	 * sets have no such column (control_named false): their controls are
	 * found by name (cmpguard.c).
	 */
	char control[64];
	bool control_named;
	/*
	 * Schema 3: the geometric mean over rounds of each round's median, from
	 * reps.csv. Schema 2: summary.csv's median; over the pooled repetitions
	 * when merged.
	 */
	double ns_per_op;
	double summary_ns; /* summary.csv's ns_per_op, of the first run that has the cell */
	/* summary.csv's added_ns_per_op (over the control), the mean over the runs that have it */
	double added_ns;
	unsigned int nr_added; /* runs that have it: NAN and 0 when none */
	double ops_per_sec;
	double lat[4]; /* p50, p90, p99, p99.9 in ns; NAN when not measured */
	double *reps; /* ns_per_op per repetition (reps.csv) */
	/*
	 * The round of each repetition, 1..nr_rounds: reps.csv's rounds of each
	 * run renumbered so that rounds of merged runs stay apart. Schema 2 had
	 * no rounds: each run is one.
	 */
	unsigned int *rep_round;
	unsigned int nr_rounds;
	/* The run (index in the set's runs) of each round: round_run[r - 1] for round r. */
	unsigned int *round_run;
	/*
	 * Flagged noisy by a run: summary.csv's noisy (cv or round_cv above
	 * LS_NOISY_CV), or its round_cv above that where it has no noisy column.
	 */
	bool noisy;
	size_t nr_reps;
	size_t cap_reps;
};

struct ls_rset {
	struct ls_run_info *runs;
	size_t nr_runs;
	struct ls_rcell *cells;
	size_t nr_cells;
	size_t cap_cells;
	unsigned int schema; /* of every run in the set; 0 while empty */
	bool trials_ok; /* set before adding: runs marked a trial are read, not refused */
	/*
	 * Set before adding: a cell per key and kernel (ls_run_kernel_name), cells
	 * of runs of different kernels kept apart rather than pooled, for export,
	 * which files each kernel's figures under its own build.
	 */
	bool by_kernel;
};

/*
 * Adds what path names: a run folder (it holds summary.csv), a folder of run
 * folders (results/<kernel>/) or of those (results/), or several of these
 * separated by commas. Cells found in several runs (of one kernel, when
 * s->by_kernel) are merged: their repetitions pooled, each run's rounds kept
 * as rounds of their own. Returns 0, or -errno with one line naming the file
 * (and line) in err: malformed CSV, mismatched files, a schema_version this
 * lsbench does not read or that differs from the set's, a trial run (a
 * slowdown or a fault injected: not a benchmark) unless s->trials_ok.
 */
int ls_rset_add(struct ls_rset *s, const char *path, char *err, size_t len);

/* The cell with key k (in a set by_kernel, the first kernel's that has it), or NULL. */
struct ls_rcell *ls_rset_find(const struct ls_rset *s, const struct ls_key *k);

/* Orders keys by scenario, mode, sharing, cpus, objects, maps, value size, the rest. */
int ls_key_cmp(const struct ls_key *a, const struct ls_key *b);

struct ls_buf;

/* The key's fields as CSV fields, in LS_KEY_CSV_HEADER's order. */
#define LS_KEY_CSV_HEADER                                                                          \
	"scenario,map_type,op,hook,mode,nr_maps,nr_objects,value_size,cpus,sharing"
void ls_key_csv(struct ls_buf *b, const struct ls_key *k);

/* "scenario mode c<cpus> o<owners> m<maps> v<bytes>[ shared]": one short line. */
void ls_key_label(const struct ls_key *k, char *buf, size_t size);

/*
 * A run's kernel as a reader names it: its release, and its label (lsbench run
 * --label) when it has one: "6.1.0-50-amd64", "6.19.0 (label patched)". Two
 * labelled builds of one release are two kernels.
 */
void ls_run_kernel_name(const struct ls_run_info *ri, char *buf, size_t size);

/* The releases of a set's runs, comma-separated, each once (labels left out). */
void ls_rset_kernels(const struct ls_rset *s, char *buf, size_t size);
/* The kernels of a set as ls_run_kernel_name names them, comma-separated, each once. */
void ls_rset_kernel_names(const struct ls_rset *s, char *buf, size_t size);
void ls_rset_hosts(const struct ls_rset *s, char *buf, size_t size);

/* One bucket of a latency histogram (hist.csv). */
struct ls_bucket {
	double lower_ns;
	double upper_ns;
	double count;
};

/*
 * Reads the histogram of cell k of run from its hist.csv into a malloc'd
 * array. Returns the number of buckets (0: none) or -errno with err set.
 */
long ls_rset_hist(const struct ls_run_info *run, const struct ls_key *k, struct ls_bucket **out,
		  char *err, size_t len);

void ls_rset_free(struct ls_rset *s);

#endif /* LSBENCH_RSET_H */
