/* SPDX-License-Identifier: GPL-2.0 */
/* What report and timeline share to make plots: gnuplot strings, names, runs. */
#ifndef LSBENCH_GNUPLOT_H
#define LSBENCH_GNUPLOT_H

#include <stddef.h>

struct ls_buf;

/* Appends s as a double-quoted gnuplot string. */
void ls_gp_str(struct ls_buf *b, const char *s);

/* A name safe in a file name and a URL: letters, digits, '-', others '_'. */
void ls_safe_name(const char *s, char *dst, size_t size);

/*
 * Tics of a log axis ("x" or "y") of nanoseconds in readable units, at 1, 2
 * and 5 of every power of ten from 1 ns to 500 s ("20 ns", "1 µs", "500 ms"):
 * gnuplot shows those in the axis' range; no 1e+06.
 */
void ls_gp_time_tics(struct ls_buf *b, const char *axis);

/*
 * Runs gnuplot ($GNUPLOT, default gnuplot) on dir/name.gp, its messages
 * appended to dir/gnuplot.log. Returns 0, or -errno with one line in err.
 */
int ls_gnuplot(const char *dir, const char *name, char *err, size_t len);

#endif /* LSBENCH_GNUPLOT_H */
