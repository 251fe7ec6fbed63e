// SPDX-License-Identifier: GPL-2.0
/* Reading CSV back, strictly, with errors that name the file and line. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "csvread.h"

void ls_csvr_quote(const char *s, char *dst, size_t size)
{
	size_t i, n = 0, max = size - 1 < 40 ? size - 1 : 40;

	for (i = 0; s[i] && n < max; i++)
		dst[n++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	dst[n] = 0;
	if (s[i] && n >= 3)
		memcpy(dst + n - 3, "...", 3);
}

int ls_csvr_error(const struct ls_csvr *r, char *err, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(err, len, "%s:%u: ", r->name, r->line);
	if (n >= 0 && (size_t)n < len) {
		va_start(ap, fmt);
		vsnprintf(err + n, len - n, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* Parses one row at r->pos in place into r->field[]. */
static int parse_row(struct ls_csvr *r, char *err, size_t len)
{
	char *p = r->data + r->pos, *end = r->data + r->len, *start = p, *out = p, sep;

	r->line = r->next_line;
	r->nr_fields = 0;
	for (;;) {
		if (r->nr_fields == LS_CSVR_MAX_FIELDS)
			return ls_csvr_error(r, err, len, "more than %d fields",
					     LS_CSVR_MAX_FIELDS);
		r->field[r->nr_fields++] = out;
		if (p < end && *p == '"') {
			for (p++;; p++) {
				if (p == end)
					return ls_csvr_error(r, err, len,
							     "unterminated quoted field");
				if (*p == '"' && p + 1 < end && p[1] == '"') {
					*out++ = '"';
					p++;
					continue;
				}
				if (*p == '"')
					break;
				if (!*p)
					return ls_csvr_error(r, err, len, "NUL byte in a field");
				if (*p == '\n')
					r->next_line++;
				*out++ = *p;
			}
			p++;
			if (p < end && *p != ',' && *p != '\n')
				return ls_csvr_error(r, err, len, "text after a closing quote");
		} else {
			for (; p < end && *p != ',' && *p != '\n'; p++) {
				if (*p == '"')
					return ls_csvr_error(r, err, len,
							     "quote inside an unquoted field");
				if (*p == '\r')
					return ls_csvr_error(r, err, len,
							     "carriage return outside quotes");
				if (!*p)
					return ls_csvr_error(r, err, len, "NUL byte in a field");
				*out++ = *p;
			}
		}
		if (p - start > LS_CSVR_MAX_ROW)
			return ls_csvr_error(r, err, len, "row longer than %d bytes",
					     LS_CSVR_MAX_ROW);
		if (p == end)
			return ls_csvr_error(r, err, len,
					     "truncated: the last row has no line feed");
		sep = *p++;
		*out++ = 0; /* out <= p - 1: the separator may be overwritten now */
		if (sep == '\n')
			break;
	}
	r->next_line++;
	r->pos = p - r->data;
	return 0;
}

static int read_header(struct ls_csvr *r, char *err, size_t len)
{
	size_t i, j;
	int ret;

	r->next_line = 1;
	if (!r->len) {
		snprintf(err, len, "%s: empty file, no header row", r->name);
		return -EINVAL;
	}
	ret = parse_row(r, err, len);
	if (ret)
		return ret;
	r->nr_cols = r->nr_fields;
	for (i = 0; i < r->nr_cols; i++) {
		r->header[i] = r->field[i];
		if (!*r->header[i])
			return ls_csvr_error(r, err, len, "header: column %zu has no name", i + 1);
		for (j = 0; j < i; j++) {
			if (!strcmp(r->header[i], r->header[j])) {
				char q[48];

				ls_csvr_quote(r->header[i], q, sizeof(q));
				return ls_csvr_error(r, err, len, "header: column '%s' twice", q);
			}
		}
	}
	r->nr_fields = 0;
	return 0;
}

static void set_name(struct ls_csvr *r, const char *name)
{
	memset(r, 0, sizeof(*r));
	ls_csvr_quote(name, r->name, 40);
	if (strlen(name) < sizeof(r->name))
		snprintf(r->name, sizeof(r->name), "%s", name);
}

int ls_csvr_open_mem(struct ls_csvr *r, const char *name, const void *data, size_t size, char *err,
		     size_t len)
{
	int ret;

	set_name(r, name);
	if (size > LS_CSVR_MAX_FILE) {
		snprintf(err, len, "%s: larger than %lu bytes", r->name, LS_CSVR_MAX_FILE);
		return -EFBIG;
	}
	r->data = malloc(size + 1);
	if (!r->data) {
		snprintf(err, len, "%s: out of memory", r->name);
		return -ENOMEM;
	}
	memcpy(r->data, data, size);
	r->data[size] = 0;
	r->len = size;
	ret = read_header(r, err, len);
	if (ret)
		ls_csvr_close(r);
	return ret;
}

int ls_csvr_open(struct ls_csvr *r, const char *path, char *err, size_t len)
{
	size_t cap = 0, size = 0;
	char *buf = NULL, *p;
	int ret, n, zerr;
	gzFile f;

	set_name(r, path);
	/* gzip-compressed or plain: zlib reads both */
	f = gzopen(path, "rb");
	if (!f) {
		ret = errno ? -errno : -ENOMEM;
		snprintf(err, len, "%s: %s", r->name, strerror(-ret));
		return ret;
	}
	do {
		if (size == cap) {
			cap = cap ? cap * 2 : 65536;
			p = cap > LS_CSVR_MAX_FILE + 1 ? NULL : realloc(buf, cap + 1);
			if (!p) {
				free(buf);
				gzclose(f);
				snprintf(err, len, "%s: larger than %lu bytes or out of memory",
					 r->name, LS_CSVR_MAX_FILE);
				return -EFBIG;
			}
			buf = p;
		}
		n = gzread(f, buf + size, cap - size);
		size += n > 0 ? n : 0;
	} while (n > 0);
	if (n < 0) {
		snprintf(err, len, "%s: read error: %s", r->name, gzerror(f, &zerr));
		free(buf);
		gzclose(f);
		return -EIO;
	}
	gzclose(f);
	buf[size] = 0;
	r->data = buf;
	r->len = size;
	ret = read_header(r, err, len);
	if (ret)
		ls_csvr_close(r);
	return ret;
}

int ls_csvr_next(struct ls_csvr *r, char *err, size_t len)
{
	int ret;

	if (r->pos >= r->len)
		return 0;
	ret = parse_row(r, err, len);
	if (ret)
		return ret;
	if (r->nr_fields != r->nr_cols)
		return ls_csvr_error(r, err, len, "%zu fields, the header has %zu", r->nr_fields,
				     r->nr_cols);
	return 1;
}

int ls_csvr_col(const struct ls_csvr *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nr_cols; i++) {
		if (!strcmp(r->header[i], name))
			return i;
	}
	return -1;
}

int ls_csvr_need_col(const struct ls_csvr *r, const char *name, int *col, char *err, size_t len)
{
	*col = ls_csvr_col(r, name);
	if (*col >= 0)
		return 0;
	snprintf(err, len, "%s:1: no column '%s' in the header", r->name, name);
	return -EINVAL;
}

const char *ls_csvr_str(const struct ls_csvr *r, int col)
{
	return col >= 0 && (size_t)col < r->nr_fields ? r->field[col] : "";
}

static int bad_field(const struct ls_csvr *r, int col, const char *what, char *err, size_t len)
{
	char q[48], name[48];

	ls_csvr_quote(ls_csvr_str(r, col), q, sizeof(q));
	ls_csvr_quote(col >= 0 ? r->header[col] : "?", name, sizeof(name));
	return ls_csvr_error(r, err, len, "column %s: '%s' %s", name, q, what);
}

int ls_csvr_u64(const struct ls_csvr *r, int col, uint64_t max, uint64_t *v, char *err, size_t len)
{
	const char *s = ls_csvr_str(r, col);
	char *end;

	if (*s < '0' || *s > '9')
		return bad_field(r, col, "is not an unsigned number", err, len);
	errno = 0;
	*v = strtoull(s, &end, 10);
	if (*end)
		return bad_field(r, col, "is not an unsigned number", err, len);
	if (errno || *v > max)
		return bad_field(r, col, "is out of range", err, len);
	return 0;
}

int ls_csvr_double(const struct ls_csvr *r, int col, bool may_be_empty, double *v, char *err,
		   size_t len)
{
	const char *s = ls_csvr_str(r, col);
	char *end;

	if (!*s) {
		*v = NAN;
		return may_be_empty ? 0 : bad_field(r, col, "is empty", err, len);
	}
	if (!strchr("+-.0123456789", *s))
		return bad_field(r, col, "is not a number", err, len);
	errno = 0;
	*v = strtod(s, &end);
	if (*end || !isfinite(*v))
		return bad_field(r, col, "is not a finite number", err, len);
	return 0;
}

int ls_csvr_copy(const struct ls_csvr *r, int col, char *dst, size_t size, char *err, size_t len)
{
	const char *s = ls_csvr_str(r, col);

	if (strlen(s) >= size)
		return bad_field(r, col, "is too long", err, len);
	memcpy(dst, s, strlen(s) + 1);
	return 0;
}

void ls_csvr_close(struct ls_csvr *r)
{
	free(r->data);
	r->data = NULL;
	r->len = r->pos = 0;
	r->nr_cols = r->nr_fields = 0;
}
