// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "csv.h"

void ls_buf_free(struct ls_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

static int buf_reserve(struct ls_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->err)
		return b->err;
	if (b->len + extra + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		return b->err = -ENOMEM;
	b->data = p;
	b->cap = cap;
	return 0;
}

void ls_buf_printf(struct ls_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_reserve(b, n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

static void csv_sep(struct ls_buf *b)
{
	if (b->fields++)
		ls_buf_printf(b, ",");
}

/* s between quotes, its quotes doubled. */
static void csv_quote(struct ls_buf *b, const char *s)
{
	const char *p;

	ls_buf_printf(b, "\"");
	for (p = s; *p; p++)
		ls_buf_printf(b, *p == '"' ? "\"\"" : "%c", *p);
	ls_buf_printf(b, "\"");
}

void ls_csv_str(struct ls_buf *b, const char *s)
{
	csv_sep(b);
	if (!s)
		return;
	if (strpbrk(s, ",\"\r\n"))
		csv_quote(b, s);
	else
		ls_buf_printf(b, "%s", s);
}

void ls_csv_quoted(struct ls_buf *b, const char *s)
{
	csv_sep(b);
	csv_quote(b, s ?: "");
}

void ls_csv_u64(struct ls_buf *b, uint64_t v)
{
	csv_sep(b);
	ls_buf_printf(b, "%" PRIu64, v);
}

void ls_csv_fixed(struct ls_buf *b, double v, int decimals)
{
	csv_sep(b);
	if (isfinite(v))
		ls_buf_printf(b, "%.*f", decimals, v);
}

void ls_csv_double(struct ls_buf *b, double v)
{
	ls_csv_fixed(b, v, 6);
}

void ls_csv_end_row(struct ls_buf *b)
{
	ls_buf_printf(b, "\n");
	b->fields = 0;
}

int ls_write_atomic_gz(const char *path, const char *data, size_t len)
{
	z_stream z = { 0 };
	unsigned char *out;
	size_t cap;
	int err;

	/* windowBits 15 + 16: a gzip stream, its header without a time or a name */
	if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -ENOMEM;
	cap = deflateBound(&z, len);
	out = malloc(cap);
	if (!out) {
		deflateEnd(&z);
		return -ENOMEM;
	}
	z.next_in = (unsigned char *)data;
	z.avail_in = len;
	z.next_out = out;
	z.avail_out = cap;
	err = deflate(&z, Z_FINISH) == Z_STREAM_END ? 0 : -EIO;
	if (!err)
		err = ls_write_atomic(path, (const char *)out, z.total_out);
	deflateEnd(&z);
	free(out);
	return err;
}

int ls_write_atomic(const char *path, const char *data, size_t len)
{
	char tmp[PATH_MAX], dir[PATH_MAX];
	int fd, dfd, err = 0;
	size_t off = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = mkstemp(tmp);
	if (fd < 0)
		return -errno;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			break;
		}
		off += n;
	}
	if (!err && (fchmod(fd, 0644) || fsync(fd)))
		err = -errno;
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err) {
		unlink(tmp);
		return err;
	}
	snprintf(dir, sizeof(dir), "%s", path);
	dfd = open(dirname(dir), O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}
