// SPDX-License-Identifier: GPL-2.0
/* The option tables of lib/cli.c: parsing, defaults, errors, usage, "did you mean". */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "cli.h"
#include "cli_check.h"

struct child {
	unsigned int n;
	bool on;
};

struct settings {
	unsigned int count;
	bool count_given;
	double secs;
	unsigned long long seed;
	const char *name;
	const char *words[2];
	size_t nr_words;
	unsigned int list[3];
	size_t nr_list;
	bool flag, plain;
	unsigned int bits, choice;
	struct child child;
	int seen;
};

/* Takes only "odd" or "even"; "none" gets an error of its own. */
static int parse_parity(const struct ls_cli_opt *opt, const char *arg, void *base, char *err,
			size_t len)
{
	if (!strcmp(arg, "none")) {
		snprintf(err, len, "%s: none is not a parity", opt->name);
		return -EINVAL;
	}
	if (strcmp(arg, "odd") && strcmp(arg, "even"))
		return -EINVAL;
	*(const char **)((char *)base + opt->off) = arg;
	return 0;
}

static const struct ls_cli_opt child_opts[] = {
	{ "--child-n", 0, "N", "a child's number", LS_CLI_UINT, LS_CLI_AT(struct child, n),
	  .min = 1, .max = 9, .def = "4" },
	{ "--no-child", 0, NULL, "turn the child off", LS_CLI_CLEAR, LS_CLI_AT(struct child, on) },
	{},
};

#define AT(field) LS_CLI_AT(struct settings, field)

static const char *const colours[] = { "red", "green", "blue", NULL };

static const struct ls_cli_opt opts[] = {
	{ "--count", 'c', "N", "how many", LS_CLI_UINT, AT(count),
	  LS_CLI_GIVEN(struct settings, count_given), .min = 1, .max = 100, .def = "3" },
	{ "--secs", 0, "S", "seconds", LS_CLI_REAL, AT(secs), .max = 60, .above_min = true,
	  .def = "0.5" },
	{ "--seed", 0, "N", "a seed", LS_CLI_U64, AT(seed) },
	{ "--name", 'n', "NAME", "a parity", LS_CLI_FN, AT(name), .parse = parse_parity,
	  .what = "odd or even" },
	{ "--word", 'w', "W", "a word (repeatable)", LS_CLI_STRS, AT(words),
	  .aux = offsetof(struct settings, nr_words), .cap = 2 },
	{ "--list", 0, "LIST", "numbers", LS_CLI_UINTS, AT(list),
	  .aux = offsetof(struct settings, nr_list), .cap = 3, .min = 1, .max = 50 },
	{ "--flag", 'f', NULL, "a flag", LS_CLI_FLAG, AT(flag) },
	{ "--plain", 0, NULL, "a flag without a short name", LS_CLI_FLAG, AT(plain) },
	{ "--bits", 0, "LIST", "colours", LS_CLI_BITS, AT(bits), .names = colours, .all = "all",
	  .def = "red,blue" },
	{ "--choice", 0, "C", "a colour", LS_CLI_CHOICE, AT(choice), .names = colours,
	  .def = "green" },
	{ .kind = LS_CLI_CHILD, AT(child), .child = child_opts, .help = "The child's options:" },
	{},
};

static void count_seen(void *base, const struct ls_cli_opt *opt, const char *arg)
{
	((struct settings *)base)->seen++;
}

static const struct ls_cli_cmd cmd = {
	.name = "test",
	.synopsis = "[options] FILE [FILE...]",
	.desc = "A command for the tests.",
	.opts = opts,
	.min_args = 1,
	.max_args = 2,
	.seen = count_seen,
};

#define ARGV(...) ((char *[]){ "test", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "test", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(s, ...) parse(s, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

static char err[256];
static int pos;

static int parse(struct settings *s, int argc, char **argv)
{
	memset(s, 0, sizeof(*s));
	memset(err, 0, sizeof(err));
	return ls_cli_parse(&cmd, argc, argv, s, &pos, err, sizeof(err));
}

static void defaults_and_values(void **state)
{
	struct settings s;
	char **argv = ARGV("f1", "-c", "7", "--secs=2.5", "--seed", "18446744073709551615", "-n",
			   "odd", "-wa", "--word", "b", "--list", "3,1", "-f", "--child-n", "9",
			   "--no-child", "f2");

	assert_int_equal(PARSE(&s, "x"), 0);
	assert_int_equal(s.count, 3);
	assert_false(s.count_given);
	assert_float_equal(s.secs, 0.5, 0);
	assert_int_equal(s.child.n, 4);
	assert_true(s.child.on); /* a --no- option's field is on unless given */
	assert_int_equal(s.seen, 0);
	assert_int_equal(s.bits, 5);
	assert_int_equal(s.choice, 1);
	assert_int_equal(PARSE(&s, "x", "--bits", "all", "--choice", "blue"), 0);
	assert_int_equal(s.bits, 7);
	assert_int_equal(s.choice, 2);
	assert_int_equal(PARSE(&s, "x", "--bits", "green"), 0);
	assert_int_equal(s.bits, 2);

	assert_int_equal(parse(&s, 19, argv), 0);
	assert_int_equal(s.count, 7);
	assert_true(s.count_given);
	assert_float_equal(s.secs, 2.5, 0);
	assert_true(s.seed == 18446744073709551615ull);
	assert_string_equal(s.name, "odd");
	assert_int_equal(s.nr_words, 2);
	assert_string_equal(s.words[0], "a");
	assert_string_equal(s.words[1], "b");
	assert_int_equal(s.nr_list, 2);
	assert_int_equal(s.list[0], 3);
	assert_int_equal(s.list[1], 1);
	assert_true(s.flag);
	assert_false(s.plain);
	assert_int_equal(s.child.n, 9);
	assert_false(s.child.on);
	assert_int_equal(s.seen, 10);
	/* options anywhere: the positionals come after them, in their order */
	assert_int_equal(pos, 17);
	assert_string_equal(argv[pos], "f1");
	assert_string_equal(argv[pos + 1], "f2");
}

static void bad_values_name_the_option_in_one_line(void **state)
{
	static const char *const cases[][3] = {
		{ "--count", "0", "--count: '0' is not a whole number from 1 to 100" },
		{ "-c", "x", "--count: 'x' is not a whole number from 1 to 100" },
		{ "--count", "5000000000", "--count: '5000000000' is not" },
		{ "--count", "-1", "--count: '-1' is not" },
		{ "--count", " 2", "--count: ' 2' is not" },
		{ "--secs", "0", "--secs: '0' is not a number above 0, up to 60" },
		{ "--secs", "nan", "--secs: 'nan' is not" },
		{ "--secs", "61", "--secs: '61' is not" },
		{ "--seed", "-1", "--seed: '-1' is not a whole number" },
		{ "--name", "three", "--name: 'three' is not odd or even" },
		{ "--name", "none", "--name: none is not a parity" },
		{ "--name", "", "--name: an empty value is not odd or even" },
		{ "--list", "1,1", "--list: '1,1' is not distinct whole numbers from 1 to 50" },
		{ "--list", "1,", "--list: '1,' is not" },
		{ "--list", ",1", "--list: ',1' is not" },
		{ "--list", "1,2,3,4", "--list: '1,2,3,4' is not" },
		{ "--list", "51", "--list: '51' is not" },
		{ "--child-n", "10", "--child-n: '10' is not a whole number from 1 to 9" },
		{ "--count", "1\n2", "--count: '1?2' is not" },
		{ "--bits", "red,red",
		  "--bits: 'red,red' is not red, green or blue, comma-separated, "
		  "each once; or all" },
		{ "--bits", "red,", "--bits: 'red,' is not" },
		{ "--bits", "all,red", "--bits: 'all,red' is not" },
		{ "--choice", "pink", "--choice: 'pink' is not one of red, green or blue" },
	};
	struct settings s;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[] = { "test", (char *)cases[i][0], (char *)cases[i][1], "file", NULL };

		if (parse(&s, 4, argv) != -EINVAL)
			fail_msg("accepted %s '%s'", cases[i][0], cases[i][1]);
		if (strncmp(err, cases[i][2], strlen(cases[i][2])))
			fail_msg("%s '%s': got \"%s\"", cases[i][0], cases[i][1], err);
		assert_null(strchr(err, '\n'));
	}
	assert_int_equal(PARSE(&s, "-w", "a", "-w", "b", "-w", "c", "f"), -EINVAL);
	assert_string_equal(err, "--word: at most 2 of them");
}

static void unknown_missing_and_positionals(void **state)
{
	struct settings s;

	assert_int_equal(PARSE(&s, "f", "--cuont", "3"), -EINVAL);
	assert_string_equal(err, "unknown option '--cuont': did you mean --count?");
	assert_int_equal(PARSE(&s, "f", "--zzzzzz"), -EINVAL);
	assert_string_equal(err, "unknown option '--zzzzzz'");
	assert_int_equal(PARSE(&s, "f", "-x"), -EINVAL);
	assert_string_equal(err, "unknown option '-x'");
	assert_int_equal(PARSE(&s, "f", "--count"), -EINVAL);
	assert_string_equal(err, "--count needs a value");
	assert_int_equal(PARSE(&s, "f", "-c"), -EINVAL);
	assert_string_equal(err, "--count needs a value");
	assert_int_equal(PARSE(&s, "f", "--flag=1"), -EINVAL);
	assert_string_equal(err, "--flag takes no value");
	assert_int_equal(PARSE(&s, "-f"), -EINVAL);
	assert_non_null(strstr(err, "no argument given"));
	assert_int_equal(PARSE(&s, "a", "b", "c"), -EINVAL);
	assert_string_equal(err, "unexpected argument 'c'");
	/* after --, options are arguments */
	assert_int_equal(PARSE(&s, "--", "-f"), 0);
	assert_false(s.flag);
}

static void help_anywhere(void **state)
{
	struct settings s;

	assert_int_equal(PARSE(&s, "--help"), LS_CLI_HELP);
	assert_int_equal(PARSE(&s, "f", "-c", "3", "-h"), LS_CLI_HELP);
}

static void usage_lists_every_row_once(void **state)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	check_usage_lists_table(&cmd);
	ls_cli_usage(&cmd, f);
	fclose(f);
	assert_non_null(strstr(text, "usage: lsbench test [options] FILE [FILE...]\n"));
	assert_non_null(strstr(text, "  -c, --count N         how many (default 3)\n"));
	assert_non_null(strstr(text, "      --plain           a flag without a short name\n"));
	assert_non_null(strstr(text, "\nThe child's options:\n      --child-n N"));
	free(text);
	assert_int_equal(ls_cli_count(opts), 12);
	assert_ptr_equal(ls_cli_find(opts, "--no-child"), &child_opts[1]);
	assert_null(ls_cli_find(opts, "--nope"));
}

static void nearest_names(void **state)
{
	const char *const names[] = { "list", "run", "report", "compare", "timeline" };

	assert_string_equal(ls_nearest("lst", names, 5), "list");
	assert_string_equal(ls_nearest("rum", names, 5), "run");
	assert_string_equal(ls_nearest("comapre", names, 5), "compare");
	assert_string_equal(ls_nearest("timelin", names, 5), "timeline");
	assert_null(ls_nearest("frobnicate", names, 5));
	assert_null(ls_nearest("run", names, 5)); /* itself: nothing to suggest */
	assert_null(ls_nearest("x", names, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_and_values),
		cmocka_unit_test(bad_values_name_the_option_in_one_line),
		cmocka_unit_test(unknown_missing_and_positionals),
		cmocka_unit_test(help_anywhere),
		cmocka_unit_test(usage_lists_every_row_once),
		cmocka_unit_test(nearest_names),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
