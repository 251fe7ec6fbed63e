// SPDX-License-Identifier: GPL-2.0
/*
 * Options of `lsbench vm`: its own, and `lsbench run`'s as a child table,
 * passed through to the guest; with --exec, the program's arguments.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "scenarios.h"
#include "vm.h"

#define DEFAULT_TIMEOUT_S 3600
#define MAX_VCPUS 64

#define MAX_SPEC 512 /* characters of one kernel's spec */
#define MAX_APPEND 512 /* characters of --append's parameters */
_Static_assert(MAX_APPEND == 512, "--append's help says 512");

static int add_kernel(struct ls_vm_opts *o, const char *spec, char *err, size_t len)
{
	if (!*spec || strlen(spec) > MAX_SPEC)
		return -EINVAL;
	if (o->nr_kernels == LS_VM_MAX_KERNELS) {
		snprintf(err, len, "too many kernels (at most %d)", LS_VM_MAX_KERNELS);
		return -EINVAL;
	}
	o->kernels[o->nr_kernels++] = spec;
	return 0;
}

static int parse_kernel(const struct ls_cli_opt *opt, const char *v, void *base, char *err,
			size_t len)
{
	(void)opt;
	return strchr(v, ',') ? -EINVAL : add_kernel(base, v, err, len);
}

/* --kernels A,B,...: each list copied after the lists before it, then split in place. */
static int parse_kernel_list(const struct ls_cli_opt *opt, const char *list, void *base, char *err,
			     size_t len)
{
	struct ls_vm_opts *o = base;
	char *s = o->kernel_list + o->kernel_list_used, *tok, *save = NULL;
	size_t n = strlen(list) + 1;
	int ret = 0;

	(void)opt;
	if (n == 1 || *list == ',' || list[n - 2] == ',' || strstr(list, ",,") ||
	    n > sizeof(o->kernel_list) - o->kernel_list_used)
		return -EINVAL;
	memcpy(s, list, n);
	o->kernel_list_used += n;
	for (tok = strtok_r(s, ",", &save); tok && !ret; tok = strtok_r(NULL, ",", &save))
		ret = add_kernel(o, tok, err, len);
	return ret;
}

static bool accel_ok(const char *v)
{
	return !strcmp(v, "auto") || !strcmp(v, "kvm") || !strcmp(v, "tcg") || !strcmp(v, "icount");
}

static bool executable(const char *v)
{
	return *v == '/' && !access(v, X_OK);
}

/*
 * Kernel parameters for --append: printable, space-separated, within MAX_APPEND, and none of
 * lsbench's own: lsbench.*, which the guest's init reads, those lsbench sets, what would
 * replace the guest's init (init=, rdinit=, --: its arguments), LSBENCH_* (a parameter
 * without a dot is put in init's environment, where lsbench reads those). No ": ", which
 * meta.txt's kernel_cmdline line would carry as a key.
 */
static bool append_ok(const char *v)
{
	static const char *const own[] = { "lsbench.", "console=", "panic=", "lsm=",
					   "init=",    "rdinit=",  "--",     "LSBENCH_" };
	const char *w;
	size_t i;

	if (!*v || strlen(v) > MAX_APPEND || strstr(v, ": "))
		return false;
	for (w = v; *w; w++) {
		if (!isprint((unsigned char)*w))
			return false;
	}
	for (w = v; w; w = strchr(w, ' ')) {
		w += *w == ' ';
		for (i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
			if (!strncmp(w, own[i], strlen(own[i])))
				return false;
		}
	}
	return true;
}

/* A kernel series: 6.1 */
static bool series_ok(const char *v)
{
	return isdigit((unsigned char)*v) && strspn(v, "0123456789.") == strlen(v) &&
	       strchr(v, '.') && strlen(v) <= 8;
}

#define VM(field) LS_CLI_AT(struct ls_vm_opts, field)

static const struct ls_cli_opt vm_cli_opts[] = {
	{ "--kernel", 0, "SPEC",
	  "the kernel to boot: a Debian suite (bookworm, bookworm-backports, trixie, "
	  "trixie-backports, forky, sid, experimental; add -cloud or -rt for those flavours), a "
	  "Debian kernel release, version or package name (6.1.0-50-amd64, 6.19.14+deb13, "
	  "linux-image-7.3-amd64), a Debian kernel package file, or a bzImage (modules in "
	  "lib/modules/<release> beside it)",
	  LS_CLI_FN, .parse = parse_kernel,
	  .what = "one kernel of up to " LS_STR(MAX_SPEC) " characters (--kernels for a list)" },
	{ "--kernels", 0, "LIST",
	  "several, then compared; alternated A B C A B C ..., a fresh boot per round (--rounds, "
	  "default " LS_STR(LS_DEF_ROUNDS) "), each boot one round",
	  LS_CLI_FN, .parse = parse_kernel_list, .what = "kernels, comma-separated" },
	{ "--list-kernels", 0, NULL,
	  "print the kernels of those suites: series, release, suite; newest series first, newest "
	  "release of a series first",
	  LS_CLI_FLAG, VM(list_kernels) },
	{ "--timeline", 0, "SINCE",
	  "the newest kernel of every series from SINCE (6.1) on, alternated as --kernels; a "
	  "kernel with a complete run in the results root already is not run again; then "
	  "lsbench timeline of them all into <results root>/timeline/<UTC time>-<host>",
	  LS_CLI_STR, VM(timeline), .valid = series_ok, .what = "a kernel series, such as 6.1" },
	{ "--accel", 0, "MODE",
	  "auto (KVM when a guest boots under it, else TCG), kvm, tcg, or icount: TCG whose "
	  "clock counts instructions (1 ns each): figures are instruction counts, the same from "
	  "run to run; one vCPU",
	  LS_CLI_STR, VM(accel), .valid = accel_ok, .def = "auto",
	  .what = "auto, kvm, tcg or icount" },
	{ "--timeout", 0, "S", "wall-clock limit of one guest, after which it is killed",
	  LS_CLI_REAL, VM(timeout_s), .above_min = true, .max = LS_VM_MAX_TIMEOUT_S,
	  .def = LS_STR(DEFAULT_TIMEOUT_S) },
	{ "--vcpus", 0, "N", "the guest's CPUs", LS_CLI_UINT, VM(vcpus), .min = 1, .max = MAX_VCPUS,
	  .def_text = "as many as the host has online" },
	{ "--append", 0, "PARAMS",
	  "kernel parameters for the guest, after lsbench's own (rcupdate.rcu_expedited=1); "
	  "recorded in meta.txt's kernel_cmdline",
	  LS_CLI_STR, VM(append), .valid = append_ok,
	  .what = "up to 512 characters of printable kernel parameters, none of lsbench's own "
		  "(lsbench.*, LSBENCH_*, console=, panic=, lsm=, init=, rdinit=, --)" },
	{ "--exec", 0, "PROGRAM",
	  "run PROGRAM in the guest instead of lsbench run, with the arguments after PROGRAM as "
	  "its own and LSBENCH set to lsbench's path there; its folder is writable in the "
	  "guest, the rest of the host's root read-only (one kernel)",
	  LS_CLI_STR, VM(exec), .valid = executable, .what = "an executable's absolute path" },
	{ .kind = LS_CLI_CHILD,
	  VM(run),
	  .child = ls_run_cli_opts,
	  .help = "Run options go through to lsbench run in the guest:" },
	{},
};

/* A run option given: it goes through to the guest's lsbench run, by its long name. */
static void pass_run_opt(void *base, const struct ls_cli_opt *opt, const char *arg)
{
	struct ls_vm_opts *o = base;

	if (ls_cli_find(ls_run_cli_opts, opt->name) != opt)
		return;
	o->run_argv[o->run_argc++] = (char *)opt->name;
	if (arg)
		o->run_argv[o->run_argc++] = (char *)arg;
}

const struct ls_cli_cmd ls_vm_cmd = {
	.name = "vm",
	.synopsis = "--kernel SPEC [vm options] [run options]\n"
		    "--kernels SPEC,SPEC,... [vm options] [run options]\n"
		    "--timeline SINCE [vm options] [run options]\n"
		    "--kernel SPEC [vm options] --exec PROGRAM [ARGUMENT...]\n"
		    "--list-kernels",
	.desc = "Runs the suite on other kernels, each booted in qemu with the host's root "
		"read-only and the results root writable.",
	.opts = vm_cli_opts,
	.footer =
		"Exit status: the guests' worst (as lsbench run's), or --exec's program's; 1 when "
		"a guest was killed; 2 for bad input, before anything boots; 130 when "
		"interrupted.",
	.seen = pass_run_opt,
};

/* The arguments for the guest go one a line: none may hold a line break. */
static int check_one_a_line(struct ls_vm_opts *o, const char *whose, char *err, size_t len)
{
	int i;

	for (i = 1; i < o->run_argc; i++) {
		if (strchr(o->run_argv[i], '\n')) {
			snprintf(err, len, "%s may not hold a line break", whose);
			return -EINVAL;
		}
	}
	return 0;
}

/* The run options, checked as `lsbench run` checks them, scenarios included. */
static int check_run_opts(struct ls_vm_opts *o, char *err, size_t len)
{
	struct ls_run_opts ro;
	bool selected[256];
	int ret = check_one_a_line(o, "run options", err, len);

	if (ret)
		return ret;
	ret = ls_run_opts_parse(o->run_argc, o->run_argv, &ro, err, len);
	if (ret > 0) {
		snprintf(
			err, len,
			"lsbench vm --help shows the vm options, lsbench run --help the run options");
		return -EINVAL;
	}
	if (ret)
		return ret;
	if (ls_nr_scenarios > sizeof(selected)) {
		snprintf(err, len, "too many scenarios");
		return -EINVAL;
	}
	ret = ls_select(ls_scenarios, ls_nr_scenarios, &ro, selected, err, len);
	return ret < 0 ? -EINVAL : 0;
}

/* How many arguments are lsbench vm's own: those after --exec PROGRAM are PROGRAM's. */
static int own_args(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--exec=", 7))
			return i + 1;
		if (!strcmp(argv[i], "--exec"))
			return i + 2 < argc ? i + 2 : argc;
	}
	return argc;
}

/* What the vm options say together; 0 or -EINVAL with why in err. */
static int check_vm_opts(struct ls_vm_opts *o, int argc, char *err, size_t len)
{
	if (o->list_kernels && argc > 2)
		snprintf(err, len, "--list-kernels takes no other argument");
	else if (o->timeline && (o->nr_kernels || o->exec))
		snprintf(err, len,
			 "--timeline chooses the kernels: no --kernel, --kernels or --exec");
	else if (o->timeline && o->run.label)
		snprintf(err, len, "--timeline reuses runs by kernel release: no --label");
	else if (o->timeline && o->append)
		snprintf(err, len,
			 "--timeline reuses runs by what they measured, boot parameters not among "
			 "it: no --append");
	else if (o->append && !o->exec && !o->run.label)
		snprintf(err, len,
			 "--append boots another kernel setup: give its runs a set of their own "
			 "(--label NAME)");
	else if (!o->nr_kernels && !o->timeline && !o->list_kernels)
		snprintf(err, len,
			 "no kernel given: --kernel SPEC, --kernels A,B,... or --timeline");
	else if (o->exec && o->nr_kernels > 1)
		snprintf(err, len, "--exec runs on one kernel (--kernel)");
	else
		return 0;
	return -EINVAL;
}

int ls_vm_opts_parse(int argc, char **argv, struct ls_vm_opts *o, char *err, size_t len)
{
	int i, pos, own = own_args(argc, argv), ret;
	size_t cap = 2;

	memset(o, 0, sizeof(*o));
	/* a run option takes at most two arguments of the guest's per character given */
	for (i = 1; i < argc; i++)
		cap += 2 * strlen(argv[i]) + 1;
	o->run_argv = calloc(cap, sizeof(*o->run_argv));
	if (!o->run_argv) {
		snprintf(err, len, "out of memory");
		return -ENOMEM;
	}
	o->run_argv[o->run_argc++] = "run";
	ret = ls_cli_parse(&ls_vm_cmd, own, argv, o, &pos, err, len);
	if (ret)
		return ret;
	for (i = own; i < argc; i++)
		o->run_argv[o->run_argc++] = argv[i];
	ret = check_vm_opts(o, argc, err, len);
	if (!ret && !o->list_kernels)
		ret = o->exec ? check_one_a_line(o, "--exec's arguments", err, len)
			      : check_run_opts(o, err, len);
	if (ret < 0)
		ls_one_line(err);
	return ret;
}
