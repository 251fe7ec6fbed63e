/* SPDX-License-Identifier: GPL-2.0 */
/* lsbench report: gnuplot plots and report.html of one or more result sets. */
#ifndef LSBENCH_REPORT_H
#define LSBENCH_REPORT_H

#include <stdio.h>

#define LS_REPORT_MAX_SETS 8

/* `lsbench report`, argv after the command name. Returns the exit status. */
int ls_report_main(int argc, char **argv);
void ls_report_usage(FILE *f);

#endif /* LSBENCH_REPORT_H */
