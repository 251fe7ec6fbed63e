/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lsbench export: a result set in the formats other systems read: KCIDB JSON
 * (KernelCI's database), KTAP (kselftest output) and LAVA test cases.
 */
#ifndef LSBENCH_EXPORT_H
#define LSBENCH_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "compare.h"

struct ls_buf;
struct ls_key;
struct ls_rset;

/* The KCIDB schema version written: 5.0, the oldest v5 any receiver of v5 reads. */
#define LS_KCIDB_MAJOR 5
#define LS_KCIDB_MINOR 0

enum ls_export_format {
	LS_EXPORT_KCIDB,
	LS_EXPORT_KTAP,
	LS_EXPORT_LAVA,
};

/*
 * A cell's name in every format: lsbench.SCENARIO.MODE.SHARING.cN.oN.mN.vN,
 * dot-separated parts of [A-Za-z0-9_-] (KCIDB's test path; LAVA's and KTAP's
 * names allow no spaces either).
 */
void ls_export_path(const struct ls_key *k, char *buf, size_t size);

/* Whether origin is a KCIDB origin: [a-z0-9_]+. */
bool ls_export_origin_ok(const char *origin);

/*
 * Appends the set in format f to b; origin names the submitter (KCIDB). cmp,
 * when not NULL, compares a base set with s: its verdicts go with s's cells
 * (slower fails; ~ is KCIDB's DONE, KTAP's SKIP, LAVA's unknown). KCIDB writes
 * each cell under the build of its run's kernel: read s by_kernel (struct
 * ls_rset), so that no cell pools the runs of several kernels. Returns 0, or
 * -EINVAL with one line in err and nothing appended when f reports one kernel
 * (KTAP, LAVA) and s's runs are of several.
 */
int ls_export(const struct ls_rset *s, const struct ls_cmp *cmp, enum ls_export_format f,
	      const char *origin, struct ls_buf *b, char *err, size_t len);

/* lsbench export's settings, as its table (ls_export_cmd) parses them. */
struct ls_export_args {
	enum ls_export_format f;
	const char *out; /* NULL: standard output */
	const char *origin;
	struct ls_cmp_opts cmp; /* the rule, when there is a base */
	const char *base[LS_CMP_MAX_SIDE]; /* --base folders: one side */
	size_t nr_base;
};

extern const struct ls_cli_cmd ls_export_cmd;

/* `lsbench export`, argv after the command name. Returns the exit status. */
int ls_export_main(int argc, char **argv);

#endif /* LSBENCH_EXPORT_H */
