// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench run: checks that the machine can run what was asked, opens the
 * results folder and hands the cells to the schedule.
 */
#include <errno.h>
#include <math.h>
#include <malloc.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include "bpfutil.h"
#include "clean.h"
#include "identity.h"
#include "results.h"
#include "runner.h"
#include "watchdog.h"
#include "schedule.h"
#include "crng.h"
#include "speed.h"
#include "scenarios.h"
#include "rev.h"
#include "workloads.h"

#define CAP_BPF_BIT 39
#define CAP_PERFMON_BIT 38
/* Allocations up to this size come from the heap, and freed ones stay there (keep_freed_memory). */
#define LS_KEEP_BYTES (64 << 20)

static void on_signal(int sig)
{
	ls_interrupted = sig;
}

static bool has_bpf_caps(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2] = {};

	if (syscall(SYS_capget, &hdr, data))
		return geteuid() == 0;
	if (data[0].effective & (1u << CAP_SYS_ADMIN))
		return true;
	return (data[1].effective & (1u << (CAP_BPF_BIT - 32))) &&
	       (data[1].effective & (1u << (CAP_PERFMON_BIT - 32)));
}

/* The CPUs this process may run on, in order; returns how many. */
static int usable_cpus(int *cpus, int max)
{
	cpu_set_t set;
	int i, n = 0;

	if (sched_getaffinity(0, sizeof(set), &set))
		return 0;
	for (i = 0; i < CPU_SETSIZE && n < max; i++) {
		if (CPU_ISSET(i, &set))
			cpus[n++] = i;
	}
	return n;
}

/*
 * What makes the run a trial rather than a benchmark, into buf (empty: none):
 * the slowdown of power trials, a test's fault. The results record it.
 */
static void trial_desc(const struct ls_run_opts *o, char *buf, size_t len)
{
	bool known;
	const char *fault = ls_fault_active(&known);
	int n = 0;

	*buf = 0;
	if (o->slowdown_pct)
		n = snprintf(buf, len, "slowdown %u%%", o->slowdown_pct);
	if (fault && n >= 0 && (size_t)n < len)
		snprintf(buf + n, len - n, "%sfault %s (LSBENCH_FAULT)", n ? "; " : "", fault);
}

/* Everything that makes a run impossible, found before anything is written. */
static int preflight(struct ls_run_opts *o, bool *selected, int *cpus, int *nr_cpus)
{
	const char *fault;
	char err[256];
	bool known;

	fault = ls_fault_active(&known);
	if (fault && !known) {
		snprintf(err, sizeof(err), "LSBENCH_FAULT '%s' names no fault of the tests", fault);
		ls_one_line(err);
		goto bad;
	}
	if (ls_select(ls_scenarios, ls_nr_scenarios, o, selected, err, sizeof(err)) < 0)
		goto bad;
	if (!has_bpf_caps()) {
		snprintf(err, sizeof(err), "lsbench run needs root (CAP_BPF and CAP_PERFMON)");
		goto bad;
	}
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		snprintf(err, sizeof(err),
			 "kernel has no BTF (/sys/kernel/btf/vmlinux): tp_btf programs need "
			 "CONFIG_DEBUG_INFO_BTF");
		goto bad;
	}
	if (o->profile && !ls_profile_available()) {
		snprintf(err, sizeof(err), "--profile needs perf(1) (Debian: linux-perf)");
		goto bad;
	}
	*nr_cpus = usable_cpus(cpus, CPU_SETSIZE);
	if (ls_cpu_counts_resolve(o, *nr_cpus, err, sizeof(err)))
		goto bad;
	return 0;
bad:
	ls_cli_error(&ls_run_cmd, "%s", err);
	return -EINVAL;
}

/* Whether any cell of the results failed: exit status 1. */
static bool any_failed(const struct ls_results *res)
{
	size_t i;

	for (i = 0; i < res->nr_rows; i++) {
		if (res->rows[i].status == LS_FAILED)
			return true;
	}
	return false;
}

/* Measures what o selects into res; the exit status. */
static int run_into(struct ls_results *res, const struct ls_run_opts *o, const bool *selected,
		    const int *cpus)
{
	char state[160];
	/* a step sleeps a warm-up or a repetition's slice at most: never a stall */
	double longest = fmax(fmax(o->warmup_s, o->duration_s),
			      fmax(o->deferred_warmup_s, o->deferred_duration_s));
	int err = ls_watchdog_start(o->stall_s && o->stall_s < 2 * longest + 5 ? 2 * longest + 5
									       : o->stall_s);

	if (err) {
		fprintf(stderr, "lsbench: cannot start the stall watchdog: %s\n", strerror(-err));
		return 1;
	}
	err = ls_schedule_run(o, selected, cpus, res);
	ls_watchdog_stop();

	if (err) {
		fprintf(stderr, "lsbench: cannot write results in %s: %s\n", res->dir,
			strerror(-err));
		return 1;
	}
	if (ls_interrupted) {
		snprintf(state, sizeof(state), "partial: interrupted by %s after %zu cells",
			 strsignal(ls_interrupted), res->nr_rows);
		ls_results_finish(res, state);
		fprintf(stderr, "lsbench: %s; results so far in %s\n", state, res->dir);
		return 130;
	}
	ls_results_finish(res, "complete");
	printf("%zu cells written to %s/summary.csv\ntime: %s\n", res->nr_rows, res->dir,
	       res->split);
	return any_failed(res) ? 1 : 0;
}

/* The kernel's CRNG seeded before anything is measured (crng.h), said in meta.txt. */
static void crng_start(struct ls_results *res)
{
	res->crng_checked = true;
	if (ls_crng_wait(&res->crng_wait_s)) {
		res->crng_was_ready = true;
		return;
	}
	fprintf(stderr,
		"lsbench: the kernel's random number generator was not seeded: waited %.1f s for "
		"it (unseeded, every get_random_u32() runs a ChaCha block)\n",
		res->crng_wait_s);
}

/*
 * The speed probe (speed.h), said in meta.txt, and its reference per CPU from
 * the first probes of the CPUs the run may use; without it rounds are not
 * judged by speed.
 */
static void speed_start(struct ls_results *res, const struct ls_sysinfo *si, const int *cpus,
			int nr_cpus)
{
	bool bpf = ls_speed_load();

	res->speed_probe = bpf ? LS_SPEED_BPF : LS_SPEED_ARITH;
	if (!bpf)
		fprintf(stderr,
			"lsbench: the speed probe times arithmetic: its BPF program did not "
			"load or run\n");
	if (!ls_speed_start(si->virt, cpus, nr_cpus))
		fprintf(stderr, "lsbench: rounds not judged by speed: a CPU could not be probed\n");
	else if (!ls_speed_judged)
		fprintf(stderr, "lsbench: speed probes recorded, not judged: under TCG the guest's "
				"timings are emulated and move with the host's load\n");
}

/*
 * Every round loads its cell's BPF object, and libbpf reads and parses the
 * kernel's BTF (megabytes) for each. Left to glibc, those buffers are mapped
 * and unmapped, or trimmed from the heap, each time, and every round faults
 * their pages in afresh, which costs more than the parse in a guest whose
 * page faults are dear. Kept in the heap, they are reused.
 */
static void keep_freed_memory(void)
{
	mallopt(M_MMAP_THRESHOLD, LS_KEEP_BYTES);
	mallopt(M_TRIM_THRESHOLD, 4 * LS_KEEP_BYTES);
}

int ls_run(struct ls_run_opts *o, int argc, char **argv)
{
	bool *selected = calloc(ls_nr_scenarios, sizeof(*selected));
	struct sigaction sa = { .sa_handler = on_signal };
	static int cpus[CPU_SETSIZE];
	struct ls_results res;
	struct ls_sysinfo si;
	int nr_cpus, status;
	char err[512];

	keep_freed_memory();
	if (!selected || preflight(o, selected, cpus, &nr_cpus)) {
		free(selected);
		return 2;
	}
	/*
	 * The input is good: before anything is made, what runs that died left
	 * behind. Not before: bad input gets its one line and nothing else.
	 */
	if (!geteuid())
		ls_clean(o->output, "lsbench run");
	ls_sysinfo_read(&si);
	/* emulated, every step takes many times as long */
	if (!o->stall_set && !strcmp(si.virt, "tcg"))
		o->stall_s *= 5;
	/*
	 * Under icount the clock counts instructions and, while the guest idles
	 * (waiting on the host's disk), jumps to its next timer at once: minutes
	 * pass in a moment and no stall can be told. The host's wall clock
	 * (lsbench vm --timeout) guards the guest instead.
	 */
	if (!o->stall_set && !strcmp(si.virt, "icount")) {
		o->stall_s = 0;
		fprintf(stderr, "lsbench: no stall watchdog: under icount the clock jumps ahead "
				"while the guest idles (lsbench vm --timeout guards it)\n");
	}
	/*
	 * Under icount a cell's figure is the instructions of its operations and
	 * of the frees they defer to RCU grace periods; 0.2 s spans a grace
	 * period or two, so a repetition counted a varying share of the frees
	 * (before 7.0 the create-delete cells' repetitions of one boot read 1660
	 * and 2040; of 2 s, 2150 and 2110). Not in a smoke run (--quick).
	 */
	if (!o->timing_set && !o->quick && !strcmp(si.virt, "icount")) {
		o->deferred_warmup_s = LS_ICOUNT_DEFERRED_WARMUP_S;
		o->deferred_duration_s = LS_ICOUNT_DEFERRED_DURATION_S;
		fprintf(stderr,
			"lsbench: under icount a cell whose frees wait for RCU warms up %g s and "
			"samples %g s a repetition\n",
			o->deferred_warmup_s, o->deferred_duration_s);
	}
	if (ls_results_create(&res, o->output, o->label, &si, o->bpf_stats, argc, argv, err,
			      sizeof(err))) {
		ls_cli_error(&ls_run_cmd, "%s", err);
		free(selected);
		return 2;
	}
	res.measure_key = ls_measure_key(o);
	trial_desc(o, res.trial, sizeof(res.trial));
	if (*res.trial)
		fprintf(stderr, "lsbench: a trial, not a benchmark: %s\n", res.trial);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	ls_workloads_stop_on(&ls_interrupted);
	ls_bpf_init(o->verbose);
	printf("lsbench %s: kernel %s, %u CPUs online, virt %s\n", LSBENCH_REV, si.kernel,
	       si.nr_online, si.virt);
	printf("results: %s\n", res.dir);
	crng_start(&res);
	speed_start(&res, &si, cpus, nr_cpus);
	status = run_into(&res, o, selected, cpus);
	ls_speed_ref_free(&ls_speed_run);
	ls_speed_unload();
	ls_results_free(&res);
	free(selected);
	return status;
}
