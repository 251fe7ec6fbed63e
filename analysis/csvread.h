/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading CSV back: RFC 4180 as csv.c writes it (fields with a comma, quote,
 * CR or LF quoted, quotes doubled, rows ending in LF), a header row whose
 * names locate the columns, and errors of one line: "FILE:LINE: what".
 */
#ifndef LSBENCH_CSVREAD_H
#define LSBENCH_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LS_CSVR_MAX_FILE (1ul << 30) /* bytes in one file */
#define LS_CSVR_MAX_ROW 65536 /* bytes in one row, quoted line breaks included */
#define LS_CSVR_MAX_FIELDS 256

struct ls_csvr {
	char name[256]; /* the file as errors name it */
	char *data; /* the whole file, NUL-terminated; fields are parsed in place */
	size_t len;
	size_t pos;
	unsigned int line; /* line the current row starts on, 1-based */
	unsigned int next_line;
	char *header[LS_CSVR_MAX_FIELDS];
	size_t nr_cols;
	char *field[LS_CSVR_MAX_FIELDS]; /* the current row */
	size_t nr_fields;
};

/*
 * Reads path whole and its header row. Returns 0, or -errno with "FILE: what"
 * or "FILE:LINE: what" in err.
 */
int ls_csvr_open(struct ls_csvr *r, const char *path, char *err, size_t len);

/* The same from memory (copied); name is what errors call it. */
int ls_csvr_open_mem(struct ls_csvr *r, const char *name, const void *data, size_t size, char *err,
		     size_t len);

/*
 * Reads the next row: 1, 0 at the end, or -EINVAL with "FILE:LINE: what" in
 * err (bad quoting, a field count that is not the header's, a row too long,
 * a NUL byte, a last row without its line feed: a truncated file).
 */
int ls_csvr_next(struct ls_csvr *r, char *err, size_t len);

/* The index of a header name, or -1. */
int ls_csvr_col(const struct ls_csvr *r, const char *name);

/* The same for a column that must be there: -EINVAL with "FILE:1: no column 'NAME' ..." in err. */
int ls_csvr_need_col(const struct ls_csvr *r, const char *name, int *col, char *err, size_t len);

/*
 * The current row's field in column col (a value ls_csvr_col returned);
 * "" for col < 0, so that optional columns read as empty.
 */
const char *ls_csvr_str(const struct ls_csvr *r, int col);

/*
 * Parse the field in column col strictly (all of it, no sign on unsigned
 * numbers, finite doubles); an empty field is an error unless it may be
 * empty, then *v is NAN. Return 0 or -EINVAL with "FILE:LINE: column NAME: ..."
 * in err.
 */
int ls_csvr_u64(const struct ls_csvr *r, int col, uint64_t max, uint64_t *v, char *err, size_t len);
int ls_csvr_double(const struct ls_csvr *r, int col, bool may_be_empty, double *v, char *err,
		   size_t len);

/* Copies the field into dst; -EINVAL with the column named when it does not fit. */
int ls_csvr_copy(const struct ls_csvr *r, int col, char *dst, size_t size, char *err, size_t len);

/* Formats "FILE:LINE: " + fmt into err; returns -EINVAL. */
int ls_csvr_error(const struct ls_csvr *r, char *err, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Copies s into dst for an error message: control characters become '?', at most 40 bytes. */
void ls_csvr_quote(const char *s, char *dst, size_t size);

void ls_csvr_close(struct ls_csvr *r);

#endif /* LSBENCH_CSVREAD_H */
