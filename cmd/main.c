// SPDX-License-Identifier: GPL-2.0
/* lsbench: benchmarks of the BPF local-storage helpers. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "clean.h"
#include "columns.h"
#include "compare.h"
#include "export.h"
#include "opts.h"
#include "report.h"
#include "runner.h"
#include "slots.h"
#include "timeline.h"
#include "rev.h"
#include "vm.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: lsbench <command> [options]\n"
		   "  list                 print every scenario with what it measures\n"
		   "  columns              print summary.csv's columns with what they mean\n"
		   "  run [options]        measure scenarios; lsbench run --help for options\n"
		   "  compare BASE NEW...  compare two result sets cell by cell (compare --help)\n"
		   "  report DIR...        plots and report.html of result sets (report --help)\n"
		   "  timeline SET...      result sets of many kernels in version order: figures\n"
		   "                       and significant steps (timeline --help)\n"
		   "  export DIR...        a result set as KCIDB JSON, KTAP or LAVA test cases\n"
		   "                       (export --help)\n"
		   "  vm --kernel SPEC [options]\n"
		   "                       run on another kernel booted in qemu (vm --help)\n"
		   "  clean [-o DIR]       remove what runs that died left behind (clean --help)\n"
		   "  slots                every local-storage map alive and the slot of the\n"
		   "                       per-owner cache it holds, as CSV (root)\n"
		   "  slots --layout TYPE FILE\n"
		   "                       whether FILE's maps of TYPE (a CSV of slots), made in\n"
		   "                       id order, hold the slots they would alone:\n"
		   "                       MAPS DISTINCT alone|shared\n"
		   "  version              print the lsbench revision\n");
}

static int cmd_list(void)
{
	size_t i;

	printf("%-32s %-21s %-13s %-18s %s\n", "scenario", "map_type", "op", "hook", "description");
	for (i = 0; i < ls_nr_scenarios; i++) {
		const struct scenario *sc = &ls_scenarios[i];

		printf("%-32s %-21s %-13s %-18s %s\n", sc->name, sc->map_type, sc->op, sc->hook,
		       sc->desc);
	}
	return 0;
}

static int cmd_run(int argc, char **argv, int full_argc, char **full_argv)
{
	struct ls_run_opts o;
	char err[256];
	int ret;

	ret = ls_run_opts_parse(argc, argv, &o, err, sizeof(err));
	if (ret > 0) {
		ls_run_usage(stdout);
		return 0;
	}
	if (ret) {
		fprintf(stderr, "lsbench run: %s\n", err);
		return 2;
	}
	/* before anything is made: what runs that died left behind */
	if (!geteuid())
		ls_clean(o.output, "lsbench run");
	return ls_run(&o, full_argc, full_argv);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "lsbench: no command given (see lsbench help)\n");
		return 2;
	}
	if (!strcmp(argv[1], "list") && argc == 2)
		return cmd_list();
	if (!strcmp(argv[1], "columns") && argc == 2) {
		ls_columns_markdown(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "run"))
		return cmd_run(argc - 1, argv + 1, argc, argv);
	if (!strcmp(argv[1], "vm"))
		return ls_vm_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "compare"))
		return ls_compare_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "clean"))
		return ls_clean_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "slots"))
		return ls_slots_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "timeline"))
		return ls_timeline_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "export"))
		return ls_export_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "report"))
		return ls_report_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "version") && argc == 2) {
		printf("lsbench %s\n", LSBENCH_REV);
		return 0;
	}
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	fprintf(stderr, "lsbench: unknown command or extra arguments: '%s' (see lsbench help)\n",
		argv[1]);
	return 2;
}
