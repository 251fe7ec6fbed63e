// SPDX-License-Identifier: GPL-2.0
/* lsbench: benchmarks of the BPF local-storage helpers. Its subcommands, from one table. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "clean.h"
#include "cli.h"
#include "columns.h"
#include "compare.h"
#include "export.h"
#include "opts.h"
#include "report.h"
#include "runner.h"
#include "scenarios.h"
#include "slots.h"
#include "timeline.h"
#include "rev.h"
#include "vm.h"
#include "xsum.h"

struct cmd {
	const char *name;
	const char *summary; /* one line of lsbench help */
	int (*fn)(int argc, char **argv); /* argv[0] is the command's name */
};

static const struct ls_cli_opt no_opts[] = { {} };

static int cmd_list(int argc, char **argv)
{
	static const struct ls_cli_cmd cli = {
		.name = "list",
		.synopsis = "[GLOB]",
		.desc = "Prints the scenarios (those matching GLOB) with what each measures; (--full): "
			"not in the default matrix, run with --full or by name.",
		.opts = no_opts,
		.max_args = 1,
	};
	struct ls_run_opts o = { .modes = LS_MODES_ALL, .full = true };
	bool selected[256] = {};
	char err[256];
	int pos, ret = ls_cli_main(&cli, argc, argv, NULL, &pos);
	size_t i;

	if (ret >= 0)
		return ret;
	if (pos < argc)
		o.globs[o.nr_globs++] = argv[pos];
	if (ls_nr_scenarios > sizeof(selected) / sizeof(selected[0]))
		return ls_cli_error(&cli, "too many scenarios");
	if (ls_select(ls_scenarios, ls_nr_scenarios, &o, selected, err, sizeof(err)) < 0)
		return ls_cli_error(&cli, "%s", err);
	printf("%-32s %-21s %-13s %-18s %s\n", "scenario", "map_type", "op", "hook", "description");
	for (i = 0; i < ls_nr_scenarios; i++) {
		const struct scenario *sc = &ls_scenarios[i];

		if (selected[i])
			printf("%-32s %-21s %-13s %-18s %s%s\n", sc->name, sc->map_type, sc->op,
			       sc->hook, sc->full_only ? "(--full) " : "", sc->desc);
	}
	return 0;
}

/* The files whose columns `lsbench columns` prints. */
static const char *const column_files[] = { "summary.csv", "reps.csv", NULL };

static int cmd_columns(int argc, char **argv)
{
	static const struct ls_cli_opt opts[] = {
		{ "--file", 'f', "FILE",
		  "the file whose columns to print: summary.csv (its columns, the cells each is "
		  "written for, units and meanings) or reps.csv (those after the cell keys)",
		  LS_CLI_CHOICE, 0, .names = column_files, .def = "summary.csv" },
		{},
	};
	static const struct ls_cli_cmd cli = {
		.name = "columns",
		.synopsis = "[--file FILE]",
		.desc = "Prints a results file's columns with what they mean, as markdown.",
		.opts = opts,
	};
	unsigned int file = 0;
	int pos, ret = ls_cli_main(&cli, argc, argv, &file, &pos);

	if (ret >= 0)
		return ret;
	if (file)
		ls_reps_columns_markdown(stdout);
	else
		ls_columns_markdown(stdout);
	return 0;
}

static int cmd_run(int argc, char **argv)
{
	struct ls_run_opts o;
	char err[256];
	int ret;

	ret = ls_run_opts_parse(argc, argv, &o, err, sizeof(err));
	if (ret == LS_CLI_HELP) {
		ls_cli_usage(&ls_run_cmd, stdout);
		return 0;
	}
	if (ret)
		return ls_cli_error(&ls_run_cmd, "%s", err);
	/* meta.txt's command line: lsbench and its arguments */
	return ls_run(&o, argc + 1, argv - 1);
}

static const struct ls_cli_cmd version_cli = {
	.name = "version",
	.synopsis = "",
	.desc = "Prints lsbench's version and the git revision it was built from.",
	.opts = no_opts,
};

static int cmd_version(int argc, char **argv)
{
	int pos, ret = ls_cli_main(&version_cli, argc, argv, NULL, &pos);

	if (ret >= 0)
		return ret;
	printf("lsbench %s (revision %s)\n", LSBENCH_VERSION, LSBENCH_REV);
	return 0;
}

static int cmd_help(int argc, char **argv);

static const struct cmd cmds[] = {
	{ "list", "print the scenarios (matching a glob) with what they measure", cmd_list },
	{ "columns", "print summary.csv's (or reps.csv's) columns with what they mean",
	  cmd_columns },
	{ "run", "measure scenarios on this kernel", cmd_run },
	{ "vm", "run on other kernels, each booted in qemu", ls_vm_main },
	{ "compare", "compare result sets cell by cell", ls_compare_main },
	{ "report", "plots and report.html of result sets", ls_report_main },
	{ "timeline", "result sets of many kernels in version order, and their steps",
	  ls_timeline_main },
	{ "export", "a result set as KCIDB JSON, KTAP or LAVA test cases", ls_export_main },
	{ "clean", "remove what runs that died left behind", ls_clean_main },
	{ "slots", "local-storage maps alive and their per-owner cache slots", ls_slots_main },
	{ "crosscheck-summary", "the verdicts of crosscheck/crosscheck.sh from its rounds.csv",
	  ls_xsum_main },
	{ "version", "print the version and the revision", cmd_version },
	{ "help", "this list; lsbench help COMMAND: the command's options", cmd_help },
};

#define NR_CMDS (sizeof(cmds) / sizeof(cmds[0]))

/* The command named name; NULL with the error said (and the closest name) when there is none. */
static const struct cmd *find_cmd(const char *name)
{
	const char *names[NR_CMDS], *near;
	size_t i;

	for (i = 0; i < NR_CMDS; i++) {
		if (!strcmp(cmds[i].name, name))
			return &cmds[i];
		names[i] = cmds[i].name;
	}
	near = ls_nearest(name, names, NR_CMDS);
	fprintf(stderr, "lsbench: unknown command '%s'%s%s%s (see lsbench help)\n", name,
		near ? ": did you mean " : "", near ?: "", near ? "?" : "");
	return NULL;
}

static int cmd_help(int argc, char **argv)
{
	static const struct ls_cli_cmd cli = {
		.name = "help",
		.synopsis = "[COMMAND]",
		.desc = "Lists the commands; with COMMAND, prints its usage (lsbench COMMAND --help).",
		.opts = no_opts,
		.max_args = 1,
	};
	char *help[] = { NULL, "--help", NULL };
	const struct cmd *c;
	int pos, ret = ls_cli_main(&cli, argc, argv, NULL, &pos);
	size_t i;

	if (ret >= 0)
		return ret;
	if (pos < argc) {
		c = find_cmd(argv[pos]);
		if (!c)
			return 2;
		help[0] = (char *)c->name;
		return c->fn(2, help);
	}
	printf("usage: lsbench [--version] [--help] COMMAND [options] [arguments]\n\n");
	for (i = 0; i < NR_CMDS; i++)
		printf("  %-18s %s\n", cmds[i].name, cmds[i].summary);
	printf("\nlsbench COMMAND --help prints a command's options.\n");
	return 0;
}

int main(int argc, char **argv)
{
	const struct cmd *c;

	if (argc < 2) {
		fprintf(stderr, "lsbench: no command given (see lsbench help)\n");
		return 2;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V"))
		return cmd_version(1, (char *[]){ "version", NULL });
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(1, (char *[]){ "help", NULL });
	c = find_cmd(argv[1]);
	return c ? c->fn(argc - 1, argv + 1) : 2;
}
