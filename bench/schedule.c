// SPDX-License-Identifier: GPL-2.0
/* The plan of a run's cells and their rounds. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "crew.h"
#include "row.h"
#include "scenarios.h"
#include "plan.h"
#include "schedule.h"
#include "speed.h"
#include "watchdog.h"

/* splitmix64: a small reproducible stream for the shuffles. */
static unsigned long long rng_next(unsigned long long *s)
{
	unsigned long long z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

unsigned long long ls_schedule_seed(const struct ls_run_opts *o)
{
	struct timespec ts;

	if (o->seed_set)
		return o->seed;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (unsigned long long)ts.tv_sec * 1000000007ull ^ ts.tv_nsec ^ getpid();
}

/* The cells still owed a round, in a fresh random order; returns how many. */
static size_t round_order(const struct plan *p, size_t *order, unsigned long long *seed)
{
	size_t i, n = 0, j, t;

	for (i = 0; i < p->n; i++) {
		if (!p->cells[i].done)
			order[n++] = i;
	}
	for (i = n; i > 1; i--) {
		j = rng_next(seed) % i;
		t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	return n;
}

static void fmt_secs(char *buf, size_t len, double s)
{
	unsigned int t = s > 0 ? (unsigned int)s : 0;

	snprintf(buf, len, "%u:%02u", t / 60, t % 60);
}

/* What a cell is, as the progress line and the watchdog name it. */
static void cell_desc(const struct ls_cell_key *key, char *buf, size_t len)
{
	snprintf(buf, len, "%s %s %u cpu %s, %u owners, %u maps, %u B", key->sc->name,
		 ls_mode_name(key->mode), key->threads, ls_sharing_name(key->sharing), key->objects,
		 key->maps, key->value_size);
}

/*
 * Where the run is: on a terminal a status line rewritten in place, in a log
 * one line as each cell starts. The estimate counts the rounds every cell is
 * still owed at least.
 */
static void progress(const struct plan *p, const struct ls_run_opts *o, unsigned int round,
		     size_t k, size_t n, const struct ls_cell_key *key)
{
	double el = (ls_now_ns() - p->start_ns) / 1e9, per, left;
	size_t owed = n - k + (round < o->rounds ? (o->rounds - round) * p->n : 0);
	char el_s[16], left_s[16], desc[128];
	bool tty = isatty(STDERR_FILENO);

	per = p->measured ? p->measuring_ns / 1e9 / p->measured : NAN;
	left = per * owed;
	fmt_secs(el_s, sizeof(el_s), el);
	if (isnan(left))
		snprintf(left_s, sizeof(left_s), "?");
	else
		fmt_secs(left_s, sizeof(left_s), left);
	cell_desc(key, desc, sizeof(desc));
	fprintf(stderr, "%slsbench: round %u/%u, cell %zu/%zu: %s; %s elapsed, %s%s left%s",
		tty ? "\r\033[K" : "", round, o->rounds, k + 1, n, desc, el_s,
		o->max_rounds == o->rounds ? "about " : "at least ", left_s, tty ? "" : "\n");
}

/* Whether cell i needs no more rounds: not ok, or precise enough after the least. */
static bool cell_done(const struct ls_row *row, const struct ls_run_opts *o)
{
	if (row->status != LS_OK)
		return true;
	if (row->rounds < o->rounds)
		return false;
	return row->rounds >= o->max_rounds ||
	       ls_round_precision_pct(&row->ns_rs) <= o->precision_pct;
}

/*
 * A round its CPUs ran slow (whatever else disturbed it): slow spells last
 * seconds, so wait for the speed probe to come back before the round is
 * measured again (speed.h), and say so with -v. Returns whether it came back.
 */
static bool speed_wait(const struct ls_cell_key *key, const struct ls_run_opts *o, const int *cpus,
		       const struct ls_noise *n)
{
	double waited;
	bool back;

	ls_watchdog_beat("waiting for the CPU's speed", NULL);
	waited = ls_speed_wait(cpus, key->threads, &back);
	if (!o->verbose)
		return back;
	if (back)
		fprintf(stderr,
			"lsbench: %s: the CPU ran %.0f%% slow (speed probe); %.1f s later its CPUs "
			"ran within %d%% again\n",
			key->sc->name, n->slow_pct, waited, LS_SPEED_SLOW_PCT);
	else
		fprintf(stderr,
			"lsbench: %s: the CPU ran %.0f%% slow (speed probe); its CPUs still ran slow "
			"after %.1f s: measured again anyway\n",
			key->sc->name, n->slow_pct, waited);
	return back;
}

/*
 * A round's phases added to where the run's time went; kept: its repetitions
 * were kept. Its waits for the CPUs' speed are waits whichever.
 */
static void time_add(struct ls_time_split *spent, const struct ls_row *rnd, bool kept)
{
	unsigned int i;

	spent->speed_wait_s += rnd->speed_wait_s;
	spent->speed_waits += rnd->speed_waits;
	spent->speed_waits_slow += rnd->speed_waits_slow;
	if (!kept) {
		spent->redone_s +=
			rnd->setup_s + rnd->measure_s - rnd->speed_wait_s + rnd->teardown_s;
		return;
	}
	spent->setup_s += rnd->setup_s;
	spent->measure_s += rnd->measure_s - rnd->speed_wait_s;
	spent->teardown_s += rnd->teardown_s;
	for (i = 0; i < rnd->nr_reps; i++)
		spent->kept_s += rnd->reps[i].secs;
}

/*
 * LSBENCH_FAULT=slowcpu2, the tests': the run's first round that may be left
 * out reads slow, and so does its measuring again, and nothing else disturbs
 * them (a slow spell alone, whatever the machine is doing).
 */
static void fault_still_slow(struct ls_row *rnd, bool may_drop, bool again)
{
	static bool done;

	if (done || !may_drop || rnd->status != LS_OK || !ls_fault("slowcpu2"))
		return;
	ls_noise_quiet(&rnd->noise, 4 * LS_SPEED_SLOW_PCT);
	done = again;
}

/*
 * One round of the cell key names into rnd; a round that something disturbed
 * (disturb.h) is measured again once, and the second kept whatever it met,
 * but for a slow spell: a round its CPUs still ran slow in, and nothing else
 * disturbed (ls_noise_slow_spell), is left out where may_drop (the cell has
 * left out fewer than --max-rounds, and the run has time left), as a figure
 * from a slow spell would carry the interval. A smoke run (--quick) keeps
 * the first: it measures nothing worth the time. The first go's time, and any
 * wait for the CPUs' speed, go to spent. Returns whether the round is to be
 * left out.
 */
static bool round_of(const struct ls_cell_key *key, const struct ls_run_opts *o, const int *cpus,
		     struct ls_row *rnd, struct ls_time_split *spent, bool may_drop)
{
	double t0;

	ls_cell_round(key, o, cpus, rnd);
	fault_still_slow(rnd, may_drop, false);
	if (rnd->status != LS_OK || !rnd->noise.disturbed || ls_interrupted || o->quick)
		return false;
	t0 = ls_now_ns();
	if (ls_noise_slow(&rnd->noise)) {
		spent->speed_waits++;
		spent->speed_waits_slow += !speed_wait(key, o, cpus, &rnd->noise);
	}
	spent->speed_wait_s += (ls_now_ns() - t0) / 1e9;
	time_add(spent, rnd, false);
	ls_row_release(rnd);
	ls_watchdog_beat("set up (again: the round was disturbed)", NULL);
	ls_cell_round(key, o, cpus, rnd);
	fault_still_slow(rnd, may_drop, true);
	rnd->rounds_redone = 1;
	return may_drop && rnd->status == LS_OK && ls_noise_slow_spell(&rnd->noise) &&
	       !ls_interrupted;
}

/* The rounds a cell left out that its row does not count yet, into its row. */
static void add_unrowed(struct plan_cell *pc, struct ls_row *row)
{
	row->rounds_dropped += pc->dropped_unrowed;
	row->rounds_redone += pc->dropped_unrowed;
	row->wall_s += pc->dropped_unrowed_s;
	pc->dropped_unrowed = 0;
	pc->dropped_unrowed_s = 0;
}

/*
 * A round left out (round_of): counted, its time the cell's in summary.csv;
 * not in the cell's round time the plan weighs, as the slow spell was the
 * machine's, not the cell's.
 */
static void drop_round(struct plan *p, size_t i, const struct ls_run_opts *o,
		       struct ls_results *res, double secs)
{
	struct plan_cell *pc = &p->cells[i];

	pc->dropped_unrowed++;
	pc->dropped_unrowed_s += secs;
	if (pc->slot >= 0) /* else its first round kept adds it */
		add_unrowed(pc, &res->rows[pc->slot]);
	pc->dropped++;
	p->measured++;
	p->measuring_ns += secs * 1e9;
	if (o->verbose)
		fprintf(stderr, "lsbench: %s: the round measured again still ran slow: left out\n",
			pc->key.sc->name);
}

/* Seconds of the time budget left; unlimited without one. */
static double budget_left(const struct plan *p, const struct ls_run_opts *o)
{
	return o->time_budget_s ? o->time_budget_s - (ls_now_ns() - p->start_ns) / 1e9 : HUGE_VAL;
}

/*
 * The first round of plan cell pc's row that reads slow against ref_ns (the
 * run's reference now, per CPU) though not against the one it met
 * (ls_noise_slow_late): left out of the row's figures, counted dropped, so
 * that it is owed again (ls_plan_next). Returns whether there was one.
 */
static bool drop_late(struct plan_cell *pc, struct ls_row *row, const struct ls_run_opts *o,
		      const double *ref_ns, unsigned int nr_cpus)
{
	unsigned int k, late;
	double pct;

	for (k = 0; k < row->nr_reps; k++) {
		if (!ls_noise_slow_late(&row->reps[k].noise, ref_ns, nr_cpus, &pct))
			continue;
		late = row->reps[k].round;
		if (!ls_row_drop_round(row, late))
			return false;
		pc->dropped++;
		/* its share of the cell's time goes with it: the spell was the machine's */
		pc->spent_s *= (double)row->rounds / (row->rounds + 1);
		pc->done = cell_done(row, o);
		pc->rounds = row->rounds;
		pc->precision_pct = ls_round_precision_pct(&row->ns_rs);
		if (o->verbose)
			fprintf(stderr,
				"lsbench: %s: round %u judged again by its CPU's speed, %.0f%% slower "
				"than the run's reference now: left out\n",
				pc->key.sc->name, late, pct);
		return true;
	}
	return false;
}

/*
 * The rounds kept so far judged again by their CPUs' speed against the run's
 * reference now: a reference that formed in a slow spell (a run that starts
 * in one) lets that spell's rounds through as not slow, and comes down once
 * the CPUs run at their usual speed. Each cell's such rounds are left out
 * while it may leave out more and the run has time (a row keeps one round at
 * least); not with --overhead, whose bare twins stay with their rounds.
 */
static void rejudge_rounds(struct plan *p, const struct ls_run_opts *o, struct ls_results *res)
{
	unsigned int nr_cpus = ls_speed_run.nr_cpus, c;
	double *ref_ns = calloc(nr_cpus ?: 1, sizeof(*ref_ns));
	struct plan_cell *pc;
	size_t i;

	for (c = 0; ref_ns && c < nr_cpus; c++)
		ref_ns[c] = ls_speed_ref_ns(&ls_speed_run, c);
	if (ref_ns && !o->quick && !o->overhead && ls_speed_judged && !ls_interrupted &&
	    budget_left(p, o) > 0) {
		for (i = 0; i < p->n; i++) {
			pc = &p->cells[i];
			while (pc->slot >= 0 && pc->dropped < o->max_rounds &&
			       drop_late(pc, &res->rows[pc->slot], o, ref_ns, nr_cpus))
				;
		}
	}
	free(ref_ns);
}

/* One round of plan cell i, and with --overhead its bare twin, into its row. */
static int measure_round(struct plan *p, size_t i, const struct ls_run_opts *o, const int *cpus,
			 struct ls_results *res)
{
	struct plan_cell *pc = &p->cells[i];
	struct ls_row rnd, bare;
	struct ls_run_opts b = *o;
	double t0 = ls_now_ns(), waited0 = res->spent.speed_wait_s, secs;
	char name[128];
	bool drop;
	int err;

	cell_desc(&pc->key, name, sizeof(name));
	ls_watchdog_beat("set up", name);
	/* past the budget rounds are kept as they come: none is owed then */
	drop = round_of(&pc->key, o, cpus, &rnd, &res->spent,
			pc->dropped < o->max_rounds && budget_left(p, o) > 0);
	if (ls_interrupted || drop) {
		time_add(&res->spent, &rnd, false); /* measured, not kept */
		ls_row_release(&rnd);
		if (drop)
			drop_round(p, i, o, res, (ls_now_ns() - t0) / 1e9);
		return 0;
	}
	time_add(&res->spent, &rnd, true);
	if (pc->slot < 0)
		pc->slot = ls_results_slot(res, &(struct ls_row){ .sc = rnd.sc,
								  .mode = rnd.mode,
								  .threads = rnd.threads,
								  .nr_maps = rnd.nr_maps,
								  .nr_objects = rnd.nr_objects,
								  .value_size = rnd.value_size,
								  .sharing = rnd.sharing,
								  .loop_iters = rnd.loop_iters,
								  .repetitions = rnd.repetitions,
								  .duration_s = rnd.duration_s,
								  .control = -1,
								  .bytes_per_elem = NAN });
	if (pc->slot < 0) {
		ls_row_release(&rnd);
		return pc->slot;
	}
	err = ls_row_add_round(&res->rows[pc->slot], &rnd);
	ls_row_release(&rnd);
	add_unrowed(pc, &res->rows[pc->slot]);
	if (o->overhead && !err && !ls_interrupted) {
		b.latency = b.bpf_latency = b.bpf_stats = b.perf = b.profile = false;
		ls_watchdog_beat("set up (bare)", NULL);
		ls_cell_round(&pc->key, &b, cpus, &bare);
		time_add(&res->spent, &bare, !ls_interrupted);
		ls_row_summarize(&bare);
		if (!ls_interrupted)
			ls_row_add_bare(&res->rows[pc->slot], &bare);
		ls_row_release(&bare);
	}
	secs = (ls_now_ns() - t0) / 1e9;
	res->rows[pc->slot].wall_s += secs;
	pc->done = cell_done(&res->rows[pc->slot], o);
	pc->rounds = res->rows[pc->slot].rounds;
	pc->precision_pct = pc->rounds ? ls_round_precision_pct(&res->rows[pc->slot].ns_rs) : NAN;
	/* the waits for the CPUs' speed were the machine's, not the cell's */
	pc->spent_s += secs - (res->spent.speed_wait_s - waited0);
	p->measured++;
	p->measuring_ns += secs * 1e9;
	return err;
}

/* Each row's control, once both are measured. */
static void link_controls(const struct plan *p, struct ls_results *res)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct plan_cell *pc = &p->cells[i];

		if (pc->slot >= 0 && pc->control >= 0)
			res->rows[pc->slot].control = p->cells[pc->control].slot;
	}
}

/* Measures plan cell i one round more and writes summary.csv, and with texts the rest. */
static int measure_and_write(struct plan *p, size_t i, const struct ls_run_opts *o, const int *cpus,
			     struct ls_results *res, bool texts)
{
	int err = measure_round(p, i, o, cpus, res);

	link_controls(p, res);
	return err ?: ls_results_write(res, texts);
}

/* The rounds every cell has: each measures every cell still owed one, shuffled afresh. */
static int least_rounds(struct plan *p, const struct ls_run_opts *o, const int *cpus,
			struct ls_results *res, unsigned long long *seed)
{
	size_t *order = malloc(p->n * sizeof(*order)), n, k;
	unsigned int round;
	int err = order ? 0 : -ENOMEM;

	for (round = 1; !err && !ls_interrupted && round <= o->rounds; round++) {
		n = round_order(p, order, seed);
		for (k = 0; k < n && !err && !ls_interrupted; k++) {
			progress(p, o, round, k, n, &p->cells[order[k]].key);
			err = measure_and_write(p, order[k], o, cpus, res, false);
		}
		rejudge_rounds(p, o, res);
		/* a round's repetitions, written whole when it ends */
		err = err ?: ls_results_write(res, true);
	}
	free(order);
	return err;
}

/* Where the extra rounds are: the cell, its interval so far, the budget left. */
static void progress_extra(const struct plan *p, size_t i, const struct ls_run_opts *o)
{
	const struct plan_cell *pc = &p->cells[i];
	double left = budget_left(p, o);
	char el_s[16], left_s[16], desc[128], prec[32] = "no round kept";
	bool tty = isatty(STDERR_FILENO);

	fmt_secs(el_s, sizeof(el_s), (ls_now_ns() - p->start_ns) / 1e9);
	fmt_secs(left_s, sizeof(left_s), left);
	cell_desc(&pc->key, desc, sizeof(desc));
	if (pc->rounds)
		snprintf(prec, sizeof(prec), "+-%.1f%%", pc->precision_pct);
	fprintf(stderr, "%slsbench: extra round %u of %s (%s); %s elapsed%s%s%s%s",
		tty ? "\r\033[K" : "", pc->rounds + 1, desc, prec, el_s, isinf(left) ? "" : ", ",
		isinf(left) ? "" : left_s, isinf(left) ? "" : " of budget left", tty ? "" : "\n");
}

/* Extra rounds write the repetitions every this many, and when they end. */
#define EXTRA_TEXTS_EVERY 25

/*
 * Then extra rounds, one at a time, each to the cell expected to be precise
 * enough soonest whose round fits in the budget left (ls_plan_next), until
 * every cell is precise enough, at its most rounds, or out of time.
 */
static int extra_rounds(struct plan *p, const struct ls_run_opts *o, const int *cpus,
			struct ls_results *res)
{
	long k, last = -1;
	unsigned int n = 0;
	int err = 0;

	while (!err && !ls_interrupted) {
		rejudge_rounds(p, o, res);
		k = ls_plan_next(p, o, budget_left(p, o), last);
		if (k < 0)
			break;
		progress_extra(p, k, o);
		err = measure_and_write(p, k, o, cpus, res, ++n % EXTRA_TEXTS_EVERY == 0);
		last = k;
	}
	return err ?: ls_results_write(res, true);
}

static int run_rounds(struct plan *p, const struct ls_run_opts *o, const int *cpus,
		      struct ls_results *res, unsigned long long seed)
{
	int err = least_rounds(p, o, cpus, res, &seed) ?: extra_rounds(p, o, cpus, res);

	if (isatty(STDERR_FILENO))
		fprintf(stderr, "\n");
	return err;
}

static void print_header(void)
{
	/* compare's figure is another: say which this is, so that the two read side by side */
	printf("ns/op: the median over rounds of each round's median (lsbench compare prints their "
	       "geometric mean); ci+-: half its 95%% interval; +ns/op: over the control\n");
	printf("%-26s %-6s %4s %-7s %6s %4s %4s %11s %7s %7s %6s %10s %11s  %s\n", "scenario",
	       "mode", "cpus", "sharing", "owners", "maps", "val", "ns/op", "ci+-", "cv", "rounds",
	       "Mops/s", "+ns/op", "status");
}

static void print_row(const struct ls_results *res, const struct ls_row *row)
{
	double added = ls_results_added_ns(res, row);
	char added_s[32] = "-", why[256];
	bool noisy;

	if (row->status != LS_OK) {
		printf("%-26s %-6s %4u %-7s %6u %4u %4u %11s %7s %7s %6u %10s %11s  %s: %s\n",
		       row->sc->name, ls_mode_name(row->mode), row->threads,
		       ls_sharing_name(row->sharing), row->nr_objects, row->nr_maps,
		       row->value_size, "-", "-", "-", row->rounds, "-", "-",
		       ls_status_name(row->status), row->reason);
		return;
	}
	if (!isnan(added))
		snprintf(added_s, sizeof(added_s), "%.2f", added);
	noisy = ls_row_noisy(row, why, sizeof(why));
	printf("%-26s %-6s %4u %-7s %6u %4u %4u %11.2f %6.2f%% %6.2f%% %6u %10.3f %11s  %s%s\n",
	       row->sc->name, ls_mode_name(row->mode), row->threads, ls_sharing_name(row->sharing),
	       row->nr_objects, row->nr_maps, row->value_size, row->ns_per_op.median,
	       ls_round_precision_pct(&row->ns_rs), 100 * row->ns_per_op.cv, row->rounds,
	       row->ops_per_sec.median / 1e6, added_s, ls_status_name(row->status),
	       noisy ? " (noisy)" : "");
}

static int by_table_order(const void *a, const void *b, void *arg)
{
	const struct plan *p = arg;
	const struct plan_cell *x = &p->cells[*(const size_t *)a],
			       *y = &p->cells[*(const size_t *)b];

	if (x->key.sc != y->key.sc)
		return x->key.sc < y->key.sc ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The measured rows in the table's order, for the console. */
static void print_rows(const struct plan *p, const struct ls_results *res)
{
	size_t *idx = malloc(p->n * sizeof(*idx)), i;

	if (!idx)
		return;
	for (i = 0; i < p->n; i++)
		idx[i] = i;
	qsort_r(idx, p->n, sizeof(*idx), by_table_order, (void *)p);
	print_header();
	for (i = 0; i < p->n; i++) {
		if (p->cells[idx[i]].slot >= 0)
			print_row(res, &res->rows[p->cells[idx[i]].slot]);
	}
	fflush(stdout);
	free(idx);
}

int ls_schedule_run(const struct ls_run_opts *o, const bool *selected, const int *cpus,
		    struct ls_results *res)
{
	unsigned long long seed = ls_schedule_seed(o);
	struct plan p = { .start_ns = ls_now_ns() };
	int err = ls_plan_build(&p, o, selected);

	snprintf(res->rounds_desc, sizeof(res->rounds_desc),
		 "%u to %u per cell, until the 95%% interval is within %g%%, the soonest within it "
		 "first%s; "
		 "%zu cells; shuffle seed %llu",
		 o->rounds, o->max_rounds, o->precision_pct,
		 o->time_budget_s ? ", within the time budget" : "", p.n, seed);
	if (!err && p.turns_left_out)
		fprintf(stderr,
			"lsbench: %zu scenario, mode and thread counts not run shared: their "
			"cgroup/getsockopt program runs under the socket's lock, and threads on one "
			"socket take turns (--sharing or --full runs them)\n",
			p.turns_left_out);
	if (!err) {
		printf("%zu cells (controls included), %u to %u rounds each, shuffle seed %llu\n",
		       p.n, o->rounds, o->max_rounds, seed);
		fflush(stdout);
		err = run_rounds(&p, o, cpus, res, seed);
	}
	if (!err)
		print_rows(&p, res);
	free(p.cells);
	return err;
}
