// SPDX-License-Identifier: GPL-2.0
/* lsbench vm's options: its own, run's passed through to the guest, --exec's arguments. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include "vm.h"
#include "cli_check.h"

#define ARGV(...) ((char *[]){ "vm", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "vm", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, ...) parse(o, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

static char err[512];

static int parse(struct ls_vm_opts *o, int argc, char **argv)
{
	int ret;

	memset(err, 0, sizeof(err));
	ret = ls_vm_opts_parse(argc, argv, o, err, sizeof(err));
	if (ret)
		assert_null(strchr(err, '\n'));
	return ret;
}

/* The guest's arguments, joined by spaces. */
static const char *run_args(const struct ls_vm_opts *o)
{
	static char buf[1024];
	int i, n = 0;

	buf[0] = 0;
	for (i = 0; i < o->run_argc; i++)
		n += snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? " " : "", o->run_argv[i]);
	return buf;
}

static void kernels_lists_add_up(void **state)
{
	struct ls_vm_opts o;

	/* issue 28: the second list overwrote the first's tail (a, d, e, d, e) */
	assert_int_equal(PARSE(&o, "--kernels", "a,b,c", "--kernels", "d,e"), 0);
	assert_int_equal(o.nr_kernels, 5);
	assert_string_equal(o.kernels[0], "a");
	assert_string_equal(o.kernels[1], "b");
	assert_string_equal(o.kernels[2], "c");
	assert_string_equal(o.kernels[3], "d");
	assert_string_equal(o.kernels[4], "e");
	free(o.run_argv);

	assert_int_equal(PARSE(&o, "--kernel", "x", "--kernels=bookworm,trixie", "--kernel", "y"),
			 0);
	assert_int_equal(o.nr_kernels, 4);
	assert_string_equal(o.kernels[0], "x");
	assert_string_equal(o.kernels[1], "bookworm");
	assert_string_equal(o.kernels[2], "trixie");
	assert_string_equal(o.kernels[3], "y");
	assert_string_equal(o.accel, "auto");
	assert_float_equal(o.timeout_s, 3600, 0);
	assert_int_equal(o.vcpus, 0);
	free(o.run_argv);
}

static void run_options_go_through(void **state)
{
	struct ls_vm_opts o;

	assert_int_equal(PARSE(&o, "-s", "task-get", "--kernel", "k", "--rounds=4", "-vr", "2",
			       "--accel", "icount", "--label", "patched", "--timeout", "60"),
			 0);
	assert_string_equal(run_args(&o), "run --scenario task-get --rounds 4 --verbose "
					  "--repetitions 2 --label patched");
	assert_string_equal(o.accel, "icount");
	assert_float_equal(o.timeout_s, 60, 0);
	assert_string_equal(o.run.label, "patched");
	assert_int_equal(o.run.rounds, 4);
	free(o.run_argv);
}

static void exec_takes_what_follows(void **state)
{
	struct ls_vm_opts o;

	assert_int_equal(PARSE(&o, "--kernel", "k", "--vcpus", "2", "--exec", "/bin/true", "one",
			       "--out", "two words", "-s"),
			 0);
	assert_string_equal(o.exec, "/bin/true");
	assert_int_equal(o.vcpus, 2);
	assert_string_equal(run_args(&o), "run one --out two words -s");
	free(o.run_argv);

	assert_int_equal(PARSE(&o, "--kernel", "k", "--exec=/bin/true", "--kernel", "j"), 0);
	assert_int_equal(o.nr_kernels, 1);
	assert_string_equal(run_args(&o), "run --kernel j");
	free(o.run_argv);
}

static void bad_input(void **state)
{
	static const char *const cases[][4] = {
		{ "--kernel", "k", "--frob", "unknown option '--frob'" },
		{ "--kernel", "k", "--acel=tcg",
		  "unknown option '--acel=tcg': did you mean --accel?" },
		{ "--kernel", "k", "--accel=xen",
		  "--accel: 'xen' is not auto, kvm, tcg or icount" },
		{ "--kernel", "k", "--vcpus=0", "--vcpus: '0' is not a whole number from 1 to 64" },
		{ "--kernel", "k", "--timeout=0", "--timeout: '0' is not a number above 0" },
		{ "--kernel", "k", "--timeline=6", "--timeline: '6' is not a kernel series" },
		{ "--kernel", "k", "--exec=true",
		  "--exec: 'true' is not an executable's absolute" },
		{ "--kernel", "k", "stray", "unexpected argument 'stray'" },
		{ "--kernel", "k", "-r", "--repetitions needs a value" },
		{ "--kernel", "k", "--rounds=0", "--rounds: '0' is not a whole number" },
		{ "--kernel", "k", "--label=a/b", "--label: 'a/b' is not one name" },
		{ "--kernel", "k", "-s=no-such", "no scenario matches '=no-such'" },
		{ "--kernel", "k", "--quick", "" }, /* not an error */
		{ "--kernel", "a,b", "-v",
		  "--kernel: 'a,b' is not one kernel of up to 512 characters (--kernels for a list)" },
		{ "--kernels", "a,,b", "-v", "--kernels: 'a,,b' is not kernels, comma-separated" },
		{ "--kernels", "a,", "-v", "--kernels: 'a,' is not" },
		{ "--kernel", "", "-v", "--kernel: an empty value is not one kernel" },
		{ "--kernels", "a,b", "--exec=/bin/true", "--exec runs on one kernel" },
		{ "--kernel", "k", "--timeline=6.1", "--timeline chooses the kernels" },
		{ "--label", "x", "--timeline=6.1", "--timeline reuses runs by kernel release" },
		{ "--append", "a=1", "--timeline=6.1",
		  "--timeline reuses runs by what they measured" },
		{ "--kernel", "k", "--append=quiet lsbench.mode=x",
		  "--append: 'quiet lsbench.mode=x' is not up to 512 characters of printable kernel parameters" },
		{ "--kernel", "k", "--append=console=tty0", "--append: 'console=tty0' is not" },
		{ "--kernel", "k", "--append=a\tb", "--append: 'a?b' is not" },
		{ "--kernel", "k", "--append=rcupdate.rcu_expedited=1", "--append boots another" },
		{ "--kernel", "k", "--append=rdinit=/bin/sh", "--append: 'rdinit=/bin/sh' is not" },
		{ "--kernel", "k", "--append=a LSBENCH_FAULT=x",
		  "--append: 'a LSBENCH_FAULT=x' is not" },
		{ "--kernel", "k", "--append=a -- b", "--append: 'a -- b' is not" },
		{ "--kernel", "k", "--append=virt: icount", "--append: 'virt: icount' is not" },
		{ "-s", "task-get", "-v", "no kernel given" },
		{ "--list-kernels", "-s", "task-get", "--list-kernels takes no other argument" },
	};
	struct ls_vm_opts o;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[] = { "vm", (char *)cases[i][0], (char *)cases[i][1],
				 (char *)cases[i][2], NULL };
		int ret = parse(&o, 4, argv);

		free(o.run_argv);
		if (!*cases[i][3] && ret)
			fail_msg("%s %s %s: refused: %s", argv[1], argv[2], argv[3], err);
		if (*cases[i][3] &&
		    (ret != -EINVAL || strncmp(err, cases[i][3], strlen(cases[i][3]))))
			fail_msg("%s %s %s: %d \"%s\"", argv[1], argv[2], argv[3], ret, err);
	}
}

/* --append with a label: kept as given; 512 characters are taken, 513 are not. */
static void append_kept(void **state)
{
	char long_ok[520], long_bad[520];
	struct ls_vm_opts o;

	(void)state;
	assert_int_equal(PARSE(&o, "--kernel", "k", "--label", "x", "--append",
			       "rcupdate.rcu_expedited=1 nokaslr", "-s", "task-get"),
			 0);
	assert_string_equal(o.append, "rcupdate.rcu_expedited=1 nokaslr");
	free(o.run_argv);
	memset(long_ok, 'a', 512);
	long_ok[512] = 0;
	assert_int_equal(PARSE(&o, "--kernel", "k", "--label", "x", "--append", long_ok), 0);
	free(o.run_argv);
	memset(long_bad, 'a', 513);
	long_bad[513] = 0;
	assert_int_equal(PARSE(&o, "--kernel", "k", "--label", "x", "--append", long_bad), -EINVAL);
	assert_non_null(strstr(err, "--append: '"));
	free(o.run_argv);
}

static void too_many_kernels(void **state)
{
	struct ls_vm_opts o;

	assert_int_equal(PARSE(&o, "--kernels", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"),
			 -EINVAL);
	assert_string_equal(err, "too many kernels (at most 16)");
	free(o.run_argv);
}

static void help_list_kernels_and_usage(void **state)
{
	struct ls_vm_opts o;

	assert_int_equal(PARSE(&o, "--kernel", "k", "--help"), LS_CLI_HELP);
	free(o.run_argv);
	assert_int_equal(PARSE(&o, "--list-kernels"), 0);
	assert_true(o.list_kernels);
	free(o.run_argv);
	check_usage_lists_table(&ls_vm_cmd);
	/* run's table is vm's child: vm's usage lists every run option */
	assert_non_null(ls_cli_find(ls_vm_cmd.opts, "--loop-iters"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kernels_lists_add_up),
		cmocka_unit_test(run_options_go_through),
		cmocka_unit_test(exec_takes_what_follows),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(append_kept),
		cmocka_unit_test(too_many_kernels),
		cmocka_unit_test(help_list_kernels_and_usage),
	};

	return cmocka_run_group_tests_name("vmopts", tests, NULL, NULL);
}
