/* SPDX-License-Identifier: GPL-2.0 */
/* lsbench report: gnuplot plots and report.html of one or more result sets. */
#ifndef LSBENCH_REPORT_H
#define LSBENCH_REPORT_H

#include "cli.h"
#include "sides.h"

#define LS_REPORT_MAX_SETS 8

/* lsbench report's settings, as its table (ls_report_cmd) parses them. */
struct ls_report_args {
	const char *out; /* folder of report.html; NULL: the run folder, when there is one */
	const char *cell; /* "scenario/mode" of the histogram overlay; NULL: task-get/hook */
	double bound; /* compare's equivalence bound, a fraction */
	struct ls_sides_opts sides;
};

extern const struct ls_cli_cmd ls_report_cmd;

/* `lsbench report`, argv after the command name. Returns the exit status. */
int ls_report_main(int argc, char **argv);

#endif /* LSBENCH_REPORT_H */
