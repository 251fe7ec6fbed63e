// SPDX-License-Identifier: GPL-2.0
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "csv.h"

static void plain_fields_and_rows(void **state)
{
	struct ls_buf b = {};

	ls_csv_str(&b, "a");
	ls_csv_u64(&b, 18446744073709551615ULL);
	ls_csv_double(&b, 1.5);
	ls_csv_end_row(&b);
	ls_csv_str(&b, "b");
	ls_csv_end_row(&b);
	assert_int_equal(b.err, 0);
	assert_string_equal(b.data, "a,18446744073709551615,1.500000\nb\n");
	ls_buf_free(&b);
}

static void empty_first_field_keeps_columns(void **state)
{
	struct ls_buf b = {};

	ls_csv_str(&b, "h1");
	ls_csv_str(&b, "h2");
	ls_csv_end_row(&b);
	ls_csv_str(&b, NULL);
	ls_csv_str(&b, "");
	ls_csv_double(&b, NAN);
	ls_csv_end_row(&b);
	assert_string_equal(b.data, "h1,h2\n,,\n");
	ls_buf_free(&b);
}

static void quoting(void **state)
{
	struct ls_buf b = {};

	ls_csv_str(&b, "x,y");
	ls_csv_str(&b, "say \"hi\"");
	ls_csv_str(&b, "two\nlines");
	ls_csv_end_row(&b);
	assert_string_equal(b.data, "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
	ls_buf_free(&b);
}

static void doubles_never_use_exponents(void **state)
{
	struct ls_buf b = {};

	ls_csv_double(&b, 1234567890.25);
	ls_csv_double(&b, 0.0000126);
	ls_csv_double(&b, INFINITY);
	ls_csv_end_row(&b);
	assert_string_equal(b.data, "1234567890.250000,0.000013,\n");
	ls_buf_free(&b);
}

/* Fixed decimals, empty when not finite; a quoted field is quoted even when it need not be. */
static void fixed_and_quoted(void **state)
{
	struct ls_buf b = {};

	ls_csv_fixed(&b, 2.5, 3);
	ls_csv_fixed(&b, 0.123456, 4);
	ls_csv_fixed(&b, NAN, 4);
	ls_csv_quoted(&b, "plain");
	ls_csv_quoted(&b, "say \"hi\"");
	ls_csv_quoted(&b, NULL);
	ls_csv_end_row(&b);
	assert_string_equal(b.data, "2.500,0.1235,,\"plain\",\"say \"\"hi\"\"\",\"\"\n");
	ls_buf_free(&b);
}

static void printf_grows(void **state)
{
	struct ls_buf b = {};
	int i;

	for (i = 0; i < 1000; i++)
		ls_buf_printf(&b, "%04d", i);
	assert_int_equal(b.len, 4000);
	assert_memory_equal(b.data + 3996, "0999", 4);
	ls_buf_free(&b);
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void atomic_write_replaces_whole_file(void **state)
{
	char dir[] = "/tmp/lsbench-csv-XXXXXX", path[64], buf[64] = {};
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out.csv", dir);
	assert_int_equal(ls_write_atomic(path, "old contents\n", 13), 0);
	assert_int_equal(ls_write_atomic(path, "new\n", 4), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof(buf), f), 4);
	fclose(f);
	assert_string_equal(buf, "new\n");
	assert_int_equal(count_entries(dir), 1); /* no temporary file left */
	unlink(path);
	rmdir(dir);
}

static void atomic_write_into_missing_folder_fails(void **state)
{
	assert_int_equal(ls_write_atomic("/nonexistent-lsbench/x.csv", "x", 1), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_fields_and_rows),
		cmocka_unit_test(empty_first_field_keeps_columns),
		cmocka_unit_test(quoting),
		cmocka_unit_test(doubles_never_use_exponents),
		cmocka_unit_test(fixed_and_quoted),
		cmocka_unit_test(printf_grows),
		cmocka_unit_test(atomic_write_replaces_whole_file),
		cmocka_unit_test(atomic_write_into_missing_folder_fails),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
