/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_CSV_H
#define LSBENCH_CSV_H

#include <stddef.h>
#include <stdint.h>

/* A growing text buffer that CSV rows and whole files are built in. */
struct ls_buf {
	char *data;
	size_t len;
	size_t cap;
	int err; /* first allocation error; later appends do nothing */
	unsigned int fields; /* fields in the CSV row being written */
};

void ls_buf_free(struct ls_buf *b);
void ls_buf_printf(struct ls_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * CSV fields (RFC 4180): a field with a comma, quote, CR or LF is quoted and
 * its quotes doubled. Each field but the first in a row is preceded by a
 * comma; ls_csv_end_row() ends the row.
 */
void ls_csv_str(struct ls_buf *b, const char *s);
/* Quoted whatever it holds (NULL: ""), for a free-text column whose fields all look alike. */
void ls_csv_quoted(struct ls_buf *b, const char *s);
void ls_csv_u64(struct ls_buf *b, uint64_t v);
/* Six decimals, never an exponent; a non-finite value (NAN) is an empty field: not measured. */
void ls_csv_double(struct ls_buf *b, double v);
/* The same with that many decimals. */
void ls_csv_fixed(struct ls_buf *b, double v, int decimals);
void ls_csv_end_row(struct ls_buf *b);

/*
 * Writes len bytes to path so that readers see the old file or the whole new
 * one, never a part: a temporary file in the same folder, fsync, rename.
 */
int ls_write_atomic(const char *path, const char *data, size_t len);
/* The same, gzip-compressed (the per-bucket files: hist.csv.gz). */
int ls_write_atomic_gz(const char *path, const char *data, size_t len);

#endif /* LSBENCH_CSV_H */
