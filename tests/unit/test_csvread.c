// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "csv.h"
#include "csvread.h"

static int open_str(struct ls_csvr *r, const char *s, char *err)
{
	return ls_csvr_open_mem(r, "t.csv", s, strlen(s), err, 256);
}

static void quoted_fields_and_lines(void **state)
{
	struct ls_csvr r;
	char err[256];

	assert_int_equal(open_str(&r,
				  "a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",,3\n4,5,6\n",
				  err),
			 0);
	assert_int_equal(r.nr_cols, 3);
	assert_int_equal(ls_csvr_col(&r, "b"), 1);
	assert_int_equal(ls_csvr_col(&r, "nope"), -1);
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	assert_int_equal(r.line, 2);
	assert_string_equal(ls_csvr_str(&r, 1), "x,y");
	assert_string_equal(ls_csvr_str(&r, 2), "say \"hi\"");
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	assert_int_equal(r.line, 3);
	assert_string_equal(ls_csvr_str(&r, 0), "two\nlines");
	assert_string_equal(ls_csvr_str(&r, 1), "");
	assert_string_equal(ls_csvr_str(&r, -1), "");
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	assert_int_equal(r.line, 5); /* the quoted line break counts */
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 0);
	ls_csvr_close(&r);
}

/* What csv.c writes, csvread reads back unchanged. */
static void reads_what_csv_writes(void **state)
{
	const char *vals[] = { "plain", "a,b", "q\"q", "cr\rlf\n", "" };
	struct ls_buf b = {};
	struct ls_csvr r;
	char err[256];
	size_t i;

	ls_buf_printf(&b, "h0,h1,h2,h3,h4\n");
	for (i = 0; i < 5; i++)
		ls_csv_str(&b, vals[i]);
	ls_csv_end_row(&b);
	assert_int_equal(ls_csvr_open_mem(&r, "w.csv", b.data, b.len, err, sizeof(err)), 0);
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	for (i = 0; i < 5; i++)
		assert_string_equal(ls_csvr_str(&r, i), vals[i]);
	ls_csvr_close(&r);
	ls_buf_free(&b);
}

/* A file written gzip-compressed reads as the same rows as one written plain. */
static void reads_gzip_and_plain_files(void **state)
{
	char dir[] = "/tmp/lsbench-csvgz.XXXXXX", path[64];
	const char *text = "h0,h1\nx,1\ny,2\n", *names[] = { "t.csv.gz", "t.csv" };
	struct ls_csvr r;
	char err[256];
	size_t i;

	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		assert_int_equal(i ? ls_write_atomic(path, text, strlen(text))
				   : ls_write_atomic_gz(path, text, strlen(text)),
				 0);
		assert_int_equal(ls_csvr_open(&r, path, err, sizeof(err)), 0);
		assert_int_equal(r.len, strlen(text));
		assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
		assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
		assert_string_equal(ls_csvr_str(&r, 0), "y");
		assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 0);
		ls_csvr_close(&r);
		unlink(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

static void expect_error(const char *text, const char *msg)
{
	struct ls_csvr r;
	char err[256] = "";
	int ret;

	ret = open_str(&r, text, err);
	if (!ret) {
		while ((ret = ls_csvr_next(&r, err, sizeof(err))) > 0)
			;
		ls_csvr_close(&r);
	}
	assert_true(ret < 0);
	assert_string_equal(err, msg);
}

static void errors_name_file_and_line(void **state)
{
	expect_error("", "t.csv: empty file, no header row");
	expect_error("a,b\n1,2\n3\n", "t.csv:3: 1 fields, the header has 2");
	expect_error("a,b\n1,2\n3,4", "t.csv:3: truncated: the last row has no line feed");
	expect_error("a,b\n1,\"2\n", "t.csv:2: unterminated quoted field");
	expect_error("a,b\n1,\"2\"x\n", "t.csv:2: text after a closing quote");
	expect_error("a,b\n1,2\"\n", "t.csv:2: quote inside an unquoted field");
	expect_error("a,b\r\n", "t.csv:1: carriage return outside quotes");
	expect_error("a,a\n", "t.csv:1: header: column 'a' twice");
	expect_error("a,\n", "t.csv:1: header: column 2 has no name");
	expect_error("a,b\n1,2\n\n", "t.csv:3: 1 fields, the header has 2"); /* a blank line */
}

static void nul_byte_refused(void **state)
{
	struct ls_csvr r;
	char err[256];

	assert_int_equal(ls_csvr_open_mem(&r, "n.csv", "a\nx\0y\n", 6, err, sizeof(err)), 0);
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "n.csv:2: NUL byte in a field");
	ls_csvr_close(&r);
}

static void too_many_fields(void **state)
{
	struct ls_buf b = {};
	struct ls_csvr r;
	char err[256];
	int i;

	for (i = 0; i <= LS_CSVR_MAX_FIELDS; i++)
		ls_buf_printf(&b, "%sc%d", i ? "," : "", i);
	ls_buf_printf(&b, "\n");
	assert_int_equal(ls_csvr_open_mem(&r, "w.csv", b.data, b.len, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "w.csv:1: more than 256 fields");
	ls_buf_free(&b);
}

static void numbers_are_strict(void **state)
{
	struct ls_csvr r;
	char err[256];
	uint64_t u;
	double d;

	assert_int_equal(open_str(&r, "n,x\n42,1.5\n-1,\n 7,1e400\n99999999999,abc\n", err), 0);
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	assert_int_equal(ls_csvr_u64(&r, 0, 100, &u, err, sizeof(err)), 0);
	assert_int_equal(u, 42);
	assert_int_equal(ls_csvr_double(&r, 1, false, &d, err, sizeof(err)), 0);
	assert_float_equal(d, 1.5, 0);
	assert_int_equal(ls_csvr_u64(&r, 0, 10, &u, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "t.csv:2: column n: '42' is out of range");
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	assert_int_equal(ls_csvr_u64(&r, 0, 100, &u, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "t.csv:3: column n: '-1' is not an unsigned number");
	assert_int_equal(ls_csvr_double(&r, 1, true, &d, err, sizeof(err)), 0);
	assert_true(isnan(d));
	assert_int_equal(ls_csvr_double(&r, 1, false, &d, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "t.csv:3: column x: '' is empty");
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	assert_int_equal(ls_csvr_u64(&r, 0, 100, &u, err, sizeof(err)), -EINVAL);
	assert_int_equal(ls_csvr_double(&r, 1, false, &d, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "t.csv:4: column x: '1e400' is not a finite number");
	assert_int_equal(ls_csvr_next(&r, err, sizeof(err)), 1);
	assert_int_equal(ls_csvr_double(&r, 1, false, &d, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "t.csv:5: column x: 'abc' is not a number");
	ls_csvr_close(&r);
}

static void echoed_values_are_one_line(void **state)
{
	char q[48];

	ls_csvr_quote("a\nb\tc", q, sizeof(q));
	assert_string_equal(q, "a?b?c");
	ls_csvr_quote("0123456789012345678901234567890123456789xyz", q, sizeof(q));
	assert_int_equal(strlen(q), 40);
	assert_string_equal(q + 37, "...");
}

static void missing_file(void **state)
{
	struct ls_csvr r;
	char err[256];

	assert_int_equal(ls_csvr_open(&r, "/nonexistent-lsbench/x.csv", err, sizeof(err)), -ENOENT);
	assert_string_equal(err, "/nonexistent-lsbench/x.csv: No such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoted_fields_and_lines),
		cmocka_unit_test(reads_what_csv_writes),
		cmocka_unit_test(reads_gzip_and_plain_files),
		cmocka_unit_test(errors_name_file_and_line),
		cmocka_unit_test(nul_byte_refused),
		cmocka_unit_test(too_many_fields),
		cmocka_unit_test(numbers_are_strict),
		cmocka_unit_test(echoed_values_are_one_line),
		cmocka_unit_test(missing_file),
	};

	return cmocka_run_group_tests_name("csvread", tests, NULL, NULL);
}
