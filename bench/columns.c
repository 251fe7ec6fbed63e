// SPDX-License-Identifier: GPL-2.0
/* summary.csv's columns: names, meanings and writers in one table; reps.csv's names and meanings.
 */
#include <math.h>
#include "columns.h"
#include "results.h"
#include "row.h"
#include "speed.h"
#include "cli.h"

static struct ls_field str(const char *s)
{
	return (struct ls_field){ .kind = s ? LS_FIELD_STR : LS_FIELD_NONE, .s = s };
}

static struct ls_field u64(uint64_t u)
{
	return (struct ls_field){ .kind = LS_FIELD_U64, .u = u };
}

/* A figure not measured (NAN) is an empty field. */
static struct ls_field dbl(double d)
{
	return (struct ls_field){ .kind = isfinite(d) ? LS_FIELD_DBL : LS_FIELD_NONE, .d = d };
}

static const struct ls_field none = { .kind = LS_FIELD_NONE };

/* A column's writer: expr of r (the results) and row. */
#define GET(fn, expr)                                                                              \
	static struct ls_field fn(const struct ls_results *r, const struct ls_row *row)            \
	{                                                                                          \
		(void)r;                                                                           \
		(void)row;                                                                         \
		return expr;                                                                       \
	}

/* A hardware or software counter per operation, or its total; empty where not counted. */
#define PERF_PER_OP(fn, c)                                                                         \
	GET(fn, row->perf.avail[c] && row->ops ? dbl((double)row->perf.v[c] / row->ops) : none)
#define PERF_TOTAL(fn, c) GET(fn, row->perf.avail[c] ? u64(row->perf.v[c]) : none)

GET(schema, u64(LS_SCHEMA_VERSION))
GET(run_id, str(r->run_id))
GET(kernel, str(r->si->kernel))
GET(host, str(r->si->host))
GET(virt, str(r->si->virt))
GET(scenario, str(row->sc->name))
GET(map_type, str(row->sc->map_type))
GET(op, str(row->sc->op))
GET(hook, str(ls_mode_hook(row->sc, row->mode)))
GET(mode, str(ls_mode_name(row->mode)))
GET(nr_maps, u64(row->nr_maps))
GET(nr_objects, u64(row->nr_objects))
GET(value_size, u64(row->value_size))
GET(cpus, u64(row->threads))
GET(repetitions, u64(row->repetitions))
GET(duration_s, dbl(row->duration_s))
GET(ops, u64(row->ops))
GET(ops_per_sec, dbl(row->ops_per_sec.median))
GET(ns_per_op, dbl(row->ns_per_op.median))
GET(ns_stddev, dbl(row->ns_per_op.stddev))
GET(cv, dbl(row->ns_per_op.cv))
GET(status, str(ls_status_name(row->status)))
GET(reason, str(*row->reason ? row->reason : NULL))
GET(added, dbl(ls_results_added_ns(r, row)))
GET(ns_mean, dbl(row->ns_per_op.mean))
GET(ops_stddev, dbl(row->ops_per_sec.stddev))
GET(loop_iters, u64(ls_mode_loops(row->mode) ? row->loop_iters : 1))
GET(triggers, u64(row->cnt.triggers))
GET(hits, u64(row->cnt.hits))
GET(misses, u64(row->cnt.misses))
GET(creates, u64(row->cnt.creates))
GET(deletes, u64(row->cnt.deletes))
GET(failures, u64(row->cnt.failures))
/* Why the cell is noisy, in a buffer the next call reuses: summary_row writes it at once. */
static struct ls_field noisy_reason(const struct ls_results *r, const struct ls_row *row)
{
	static char why[256];

	(void)r;
	return str(ls_row_noisy(row, why, sizeof(why)) ? why : NULL);
}

GET(noisy, u64(ls_row_noisy(row, (char[256]){ 0 }, 256)))
PERF_PER_OP(cycles_op, LS_PERF_CYCLES)
PERF_PER_OP(insns_op, LS_PERF_INSTRUCTIONS)
PERF_PER_OP(cmiss_op, LS_PERF_CACHE_MISSES)
PERF_PER_OP(bmiss_op, LS_PERF_BRANCH_MISSES)
PERF_TOTAL(cycles, LS_PERF_CYCLES)
PERF_TOTAL(insns, LS_PERF_INSTRUCTIONS)
PERF_TOTAL(cmiss, LS_PERF_CACHE_MISSES)
PERF_TOTAL(bmiss, LS_PERF_BRANCH_MISSES)
PERF_TOTAL(task_clock, LS_PERF_TASK_CLOCK)
PERF_TOTAL(ctx_switches, LS_PERF_CONTEXT_SWITCHES)
PERF_TOTAL(migrations, LS_PERF_CPU_MIGRATIONS)
PERF_TOTAL(faults, LS_PERF_PAGE_FAULTS)
GET(run_cnt, row->bpf_stats ? u64(row->bpf_run_cnt) : none)
GET(ns_per_run, row->bpf_stats && row->bpf_run_cnt
			? dbl((double)row->bpf_run_time_ns / row->bpf_run_cnt)
			: none)
GET(lat_p50, row->lat ? dbl(row->lat_p50) : none)
GET(lat_p90, row->lat ? dbl(row->lat_p90) : none)
GET(lat_p99, row->lat ? dbl(row->lat_p99) : none)
GET(lat_p999, row->lat ? dbl(row->lat_p999) : none)
GET(lat_max, row->lat ? u64(row->lat_max) : none)
GET(lat_samples, row->lat ? u64(row->lat_samples) : none)
GET(timer, row->lat ? dbl(row->timer_ns) : none)
GET(ops_thread, dbl(row->ops_per_sec.median / row->threads))
GET(scaling, dbl(ls_results_scaling(r, row)))
GET(sharing, str(ls_sharing_name(row->sharing)))
GET(blat_p50, row->bpf_lat ? dbl(row->bpf_lat_p50) : none)
GET(blat_p90, row->bpf_lat ? dbl(row->bpf_lat_p90) : none)
GET(blat_p99, row->bpf_lat ? dbl(row->bpf_lat_p99) : none)
GET(blat_p999, row->bpf_lat ? dbl(row->bpf_lat_p999) : none)
GET(blat_max, row->bpf_lat ? u64(row->bpf_lat_max) : none)
GET(blat_samples, row->bpf_lat ? u64(row->bpf_lat_samples) : none)
GET(btimer, row->bpf_lat ? dbl(row->bpf_timer_ns) : none)
GET(bare, row->bare ? dbl(row->bare_ns_per_op) : none)
GET(instr_pct, row->bare ? dbl(100 * (row->ns_per_op.median / row->bare_ns_per_op - 1)) : none)
GET(bytes_elem, dbl(row->bytes_per_elem))
GET(misses_rec, row->bpf_misses_ok ? u64(row->bpf_misses) : none)
GET(rounds, u64(row->rounds))
GET(ci_lo, row->rounds ? dbl(row->ns_rs.ci_lo) : none)
GET(ci_hi, row->rounds ? dbl(row->ns_rs.ci_hi) : none)
GET(precision, row->rounds ? dbl(ls_round_precision_pct(&row->ns_rs)) : none)
GET(round_cv, row->rounds ? dbl(row->ns_rs.round_cv) : none)
GET(detectable,
    row->rounds > 1 && isfinite(row->ns_rs.detectable) ? dbl(100 * row->ns_rs.detectable) : none)
GET(discarded, u64(row->reps_discarded))
GET(maps_alive, row->census ? u64(row->type_maps_alive) : none)
GET(foreign, row->census ? u64(row->foreign_maps) : none)
GET(slots, row->cache_slots ? u64(row->cache_slots) : none)
GET(trial, str(*r->trial ? r->trial : NULL))
GET(disturbed, u64(row->rounds_disturbed))
GET(redone, u64(row->rounds_redone))
GET(dropped, u64(row->rounds_dropped))
GET(cell_seconds, row->wall_s > 0 ? dbl(row->wall_s) : none)
GET(control, str(ls_results_control_name(r, row)))

#define KEY(n, fn, d)                                                                              \
	{                                                                                          \
		n, d, false, fn                                                                    \
	}
#define FIG(n, fn, d)                                                                              \
	{                                                                                          \
		n, d, true, fn                                                                     \
	}

const struct ls_column ls_summary_columns[] = {
	KEY("schema_version", schema,
	    "3; bumped whenever a column changes meaning or goes; columns added at the end keep "
	    "it (readers find columns by name)"),
	KEY("run_id", run_id, "`<UTC time>-<host>`, the folder name"),
	KEY("kernel", kernel, "`uname -r`"),
	KEY("host", host, "host name"),
	KEY("virt", virt,
	    "hypervisor from CPUID (`none`, `kvm`, `tcg`, `bhyve`, ...); `LSBENCH_VIRT`, when "
	    "set, instead (`lsbench vm` guests set it to their accelerator)"),
	KEY("scenario", scenario, "what was measured (`lsbench list`)"),
	KEY("map_type", map_type, "the map under test; `none` for an empty control"),
	KEY("op", op, "the operation: `get`, `miss`, `create_delete`, `lookup`, ..."),
	KEY("hook", hook, "the program's section, or `bpf(2)` from user space"),
	KEY("mode", mode,
	    "`hook` (one operation per trigger), `loop` (`loop_iters` per trigger) or `fentry` "
	    "(loop's program on fentry of getpgid, where the kernel's bench attaches)"),
	KEY("nr_maps", nr_maps, "local-storage maps per owner"),
	KEY("nr_objects", nr_objects,
	    "owners touched round-robin (one per producer thread where the scenario does not "
	    "sweep them)"),
	KEY("value_size", value_size, "bytes per value"),
	KEY("cpus", cpus, "producer threads, each pinned to its own CPU"),
	KEY("repetitions", repetitions, "repetitions per round asked (`-r`)"),
	KEY("duration_s", duration_s, "seconds per repetition (warm-up excluded)"),
	FIG("ops", ops, "operations in the kept repetitions of every round, from the BPF counters"),
	FIG("ops_per_sec", ops_per_sec,
	    "median over rounds of each round's median operations per second, all threads"),
	FIG("ns_per_op", ns_per_op,
	    "median over rounds of each round's median ns per operation per thread: the cell's "
	    "figure"),
	FIG("ns_per_op_stddev", ns_stddev,
	    "sample standard deviation (ns) of `ns_per_op` over every kept repetition"),
	FIG("cv", cv, "mean over rounds of the coefficient of variation within each round"),
	KEY("status", status, "`ok`, `unsupported` or `failed`"),
	KEY("reason", reason,
	    "why, when not `ok`; on an `ok` cell, a note (a busy machine, maps of its type "
	    "beside it)"),
	FIG("added_ns_per_op", added,
	    "`ns_per_op` minus that of the scenario's control, measured in the same rounds with "
	    "the same owners, threads and sharing; empty without one"),
	FIG("ns_per_op_mean", ns_mean, "mean of `ns_per_op` over every kept repetition"),
	FIG("ops_per_sec_stddev", ops_stddev, "sample standard deviation of `ops_per_sec`"),
	KEY("loop_iters", loop_iters, "operations per trigger: 1 in hook mode"),
	FIG("triggers", triggers,
	    "BPF counters over every round, warm-ups included, as cross-checked: triggers"),
	FIG("hits", hits, "lookups that found an element"),
	FIG("misses", misses, "lookups that found none"),
	FIG("creates", creates, "elements created"),
	FIG("deletes", deletes, "elements deleted"),
	FIG("failures", failures, "helper calls that failed"),
	FIG("noisy", noisy,
	    "1 when `cv` or `round_cv` exceeds 5%, or a round was kept though disturbed "
	    "(`rounds_disturbed`), else 0; the console marks those `(noisy)`, "
	    "`noisy_reason` says why"),
	FIG("cycles_per_op", cycles_op,
	    "hardware counters of the producer threads over the measured repetitions, per "
	    "operation; empty where the machine has no PMU"),
	FIG("instructions_per_op", insns_op, "as `cycles_per_op`"),
	FIG("cache_misses_per_op", cmiss_op, "as `cycles_per_op`"),
	FIG("branch_misses_per_op", bmiss_op, "as `cycles_per_op`"),
	FIG("cycles", cycles, "the total (empty without a PMU)"),
	FIG("instructions", insns, "the total (empty without a PMU)"),
	FIG("cache_misses", cmiss, "the total (empty without a PMU)"),
	FIG("branch_misses", bmiss, "the total (empty without a PMU)"),
	FIG("task_clock_ns", task_clock,
	    "software counters of the producer threads over the measured repetitions "
	    "(`perf_event_open`, per thread, kernel and user time)"),
	FIG("context_switches", ctx_switches, "as `task_clock_ns`"),
	FIG("cpu_migrations", migrations, "as `task_clock_ns`"),
	FIG("page_faults", faults, "as `task_clock_ns`"),
	FIG("bpf_run_cnt", run_cnt,
	    "runs of the cell's program over the measured repetitions, from `BPF_ENABLE_STATS` "
	    "(an fd held while measuring); a `sys_enter` program runs for every syscall on the "
	    "machine and returns at its filter, so this is not the trigger count"),
	FIG("bpf_ns_per_run", ns_per_run, "ns per run of the cell's program"),
	FIG("lat_p50_ns", lat_p50,
	    "per-trigger latency timed in user space around each trigger of the measured "
	    "repetitions (one syscall, or one `bpf_loop` of `loop_iters` operations), from a "
	    "log-linear histogram with buckets under 1% wide: median"),
	FIG("lat_p90_ns", lat_p90, "90th percentile"),
	FIG("lat_p99_ns", lat_p99, "99th percentile"),
	FIG("lat_p999_ns", lat_p999, "99.9th percentile"),
	FIG("lat_max_ns", lat_max, "largest"),
	FIG("lat_samples", lat_samples, "triggers timed"),
	FIG("timer_ns", timer,
	    "what timing one trigger costs (median of empty timed regions), to subtract"),
	FIG("ops_per_sec_per_thread", ops_thread, "`ops_per_sec` over threads"),
	FIG("scaling_efficiency", scaling,
	    "`ops_per_sec` over threads times the same cell's with one thread (1.0: perfect); "
	    "empty without a one-thread cell"),
	KEY("sharing", sharing,
	    "`private` (each thread its own owners) or `shared` (all threads the same owners)"),
	FIG("bpf_lat_p50_ns", blat_p50,
	    "one operation per trigger timed inside BPF with `bpf_ktime_get_ns()` (in loop mode "
	    "the last, after `bpf_loop`) into a per-CPU log-linear histogram: median"),
	FIG("bpf_lat_p90_ns", blat_p90, "90th percentile"),
	FIG("bpf_lat_p99_ns", blat_p99, "99th percentile"),
	FIG("bpf_lat_p999_ns", blat_p999, "99.9th percentile"),
	FIG("bpf_lat_max_ns", blat_max, "the top bucket's upper bound (BPF keeps counts only)"),
	FIG("bpf_lat_samples", blat_samples, "operations timed"),
	FIG("bpf_timer_ns", btimer,
	    "median of empty timed regions in the same programs: what `bpf_lat_*` includes "
	    "beside the operation"),
	FIG("bare_ns_per_op", bare,
	    "with `--overhead`: each round measured again bare (no per-trigger timing, BPF "
	    "timing, run statistics or perf counters), the mean of its medians"),
	FIG("instrumentation_pct", instr_pct,
	    "how much slower (%) the instrumented `ns_per_op` is than `bare_ns_per_op`"),
	FIG("bytes_per_elem", bytes_elem,
	    "kernel memory charged per storage element, in cells that prime at least 10 000 "
	    "from user space; empty elsewhere"),
	KEY("bpf_recursion_misses", misses_rec,
	    "runs the cell's program skipped because it was already running on that CPU "
	    "(`recursion_misses`), over every round; written for failed cells too"),
	KEY("rounds", rounds, "rounds measured: independent setups of the cell"),
	FIG("ns_per_op_ci_lo", ci_lo,
	    "95% interval of the cell's figure: Student's t on the logarithms of the round "
	    "medians (one round: on its repetitions); lower bound"),
	FIG("ns_per_op_ci_hi", ci_hi, "its upper bound"),
	FIG("precision_pct", precision, "half the interval's width over `ns_per_op`, in %"),
	FIG("round_cv", round_cv,
	    "coefficient of variation of the round medians: the spread between setups"),
	KEY("reps_discarded", discarded,
	    "repetitions redone because a producer was kept off its CPU (task clock under 95% "
	    "of wall time)"),
	KEY("type_maps_alive", maps_alive,
	    "maps of the cell's local-storage type alive on the whole machine while measured; "
	    "empty where not counted"),
	KEY("foreign_maps", foreign, "of those, maps that are not the cell's own"),
	KEY("cache_slots", slots,
	    "distinct slots of the per-owner cache the cell's local-storage maps hold, read from "
	    "the kernel (min(maps, 16) when laid out as alone, which a cell must be); empty where "
	    "not read"),
	FIG("detectable_pct", detectable,
	    "the change (%) `lsbench compare` of this run against another like it (as many "
	    "rounds, the same spread) finds with 80% power for a cell compared alone (p < "
	    "0.05); empty with one round. A comparison of many cells needs more (its "
	    "compare.csv says how much), and so does one whose runs differ beyond their rounds "
	    "(compare measures that from the controls: `runs_spread_pct`)"),
	KEY("trial", trial,
	    "empty in a benchmark; in a trial, what made it one: `slowdown K%` (`--slowdown`: "
	    "each BPF operation run again on K of every 100, for power trials) or `fault NAME` "
	    "(`LSBENCH_FAULT`, the tests' injected faults). `compare` and `report` refuse such "
	    "sets without `--trial`"),
	KEY("rounds_disturbed", disturbed,
	    "rounds kept though disturbed: over its kept repetitions a producer was preempted "
	    "more than 250 times a second, or on its CPU under 95% of the time, or tasks waited "
	    "for a CPU over 10% of it (`/proc/pressure/cpu`), or repetitions were kept with a "
	    "producer off its CPU, or its CPUs ran over " LS_STR(
		    LS_SPEED_SLOW_PCT) "% slow "
				       "(reps.csv's `round_slow_pct`); a disturbed round is measured again once, and the second "
				       "kept and counted here if disturbed too"),
	KEY("rounds_redone", redone, "rounds measured again because they were disturbed"),
	KEY("rounds_dropped", dropped,
	    "rounds left out: its CPUs still ran slow (the speed probe), and nothing else "
	    "disturbed it, when the round was measured again after waiting (up to `--max-rounds` "
	    "a cell, within the time budget), or judged again slow against the run's reference "
	    "once it moved (a reference formed in a slow spell); one left out before the "
	    "cell had `--rounds` is measured again first among the extra rounds"),
	FIG("noisy_reason", noisy_reason,
	    "why `noisy` is 1: the disturbed rounds (the last one and what disturbed it), or the "
	    "spread; empty otherwise"),
	KEY("cell_seconds", cell_seconds,
	    "s: the wall time the cell's rounds took, setups, warm-ups, redone rounds and "
	    "teardowns included: what the cell cost the run"),
	KEY("control", control,
	    "the scenario of the cell's control: the empty program measured beside it in the same "
	    "rounds, mode and threads, which `added_ns_per_op` subtracts and `compare` guards the "
	    "cell by; written whatever the control's status, empty on a control and on a cell "
	    "without one"),
};

const size_t ls_nr_summary_columns = sizeof(ls_summary_columns) / sizeof(ls_summary_columns[0]);

void ls_columns_markdown(FILE *f)
{
	size_t i;

	fprintf(f, "| column | written for | unit: meaning |\n|---|---|---|\n");
	for (i = 0; i < ls_nr_summary_columns; i++)
		fprintf(f, "| `%s` | %s | %s |\n", ls_summary_columns[i].name,
			ls_summary_columns[i].figure ? "ok cells" : "every cell",
			ls_summary_columns[i].doc);
}

const struct ls_file_column ls_reps_columns[] = {
	{ "round",
	  "the round's number, from 1: repetitions of one round share one setup; a round left "
	  "out after it was kept (`rounds_dropped`) leaves its number out" },
	{ "rep", "the repetition's number within its round, from 1" },
	{ "ops", "operations in the repetition, all threads" },
	{ "duration_s",
	  "s: measured length of the repetition; where `trigger_timed`, its operations over the "
	  "sum of its producers' rates (one producer: the span of its triggers)" },
	{ "ops_per_sec", "operations/s, all threads" },
	{ "ns_per_op",
	  "ns per operation per thread (threads x duration / ops); what compare tests" },
	{ "round_disturbed",
	  "1 when the round was kept though disturbed (summary.csv's `rounds_disturbed` says by "
	  "what), else 0; the `round_*` columns are the round's, over its kept repetitions" },
	{ "round_preempt_per_s",
	  "involuntary context switches per second of the most preempted producer; empty where not "
	  "read (owner churn)" },
	{ "round_oncpu", "the least share of the wall time a producer spent on its CPU (1: all)" },
	{ "round_cpu_pressure_pct",
	  "%: of the time some task waited for a CPU (`/proc/pressure/cpu`, `some`); empty without "
	  "PSI" },
	{ "round_slow_pct",
	  "%: how much slower than usual the producers' CPUs ran BPF's loop harness (a speed "
	  "probe, empty bpf_loop steps, or arithmetic where meta.txt's speed_probe says so, "
	  "timed on each producer's thread before and after each repetition, against a low "
	  "quantile of the run's probes on that CPU): each repetition's most slowed producer, the "
	  "median over the round's; over " LS_STR(
		  LS_SPEED_SLOW_PCT) "% the round is disturbed (not under plain TCG, where "
				     "it is recorded only); empty where not probed" },
	{ "round_others_busy_pct",
	  "%: of the time the online CPUs without a producer were busy (`/proc/stat`: all but idle "
	  "and iowait), their mean; over " LS_STR(
		  LS_DISTURB_OTHERS_PCT) "% the round is disturbed (a competing load shares the "
					 "caches, the memory and, on a virtual machine, perhaps "
					 "the core); empty where every CPU has a producer, or "
					 "not read (owner churn)" },
	{ "trigger_timed",
	  "1 when timed between trigger ends (loop modes): from each producer's first trigger end "
	  "after the repetition began to its last before it ended, so that it holds whole "
	  "triggers; 0 when timed by the clock between two reads of the counters (hook mode, or "
	  "a producer that ended at most one trigger within it)" },
};

const size_t ls_nr_reps_columns = sizeof(ls_reps_columns) / sizeof(ls_reps_columns[0]);

void ls_reps_columns_markdown(FILE *f)
{
	size_t i;

	fprintf(f, "| column | unit: meaning |\n|---|---|\n");
	for (i = 0; i < ls_nr_reps_columns; i++)
		fprintf(f, "| `%s` | %s |\n", ls_reps_columns[i].name, ls_reps_columns[i].doc);
}
