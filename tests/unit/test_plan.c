// SPDX-License-Identifier: GPL-2.0
/* The scenario table as data, and the plan a run makes of it. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "plan.h"
#include "scenarios.h"

#define ARGS(...) ((char *[]){ "run", __VA_ARGS__, NULL })
#define NARGS(...) ((int)(sizeof((char *[]){ "run", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, err, ...)                                                                         \
	ls_run_opts_parse(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), o, err, sizeof(err))

static bool sweep_ok(const struct ls_sweep *s, unsigned int max)
{
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		if (!s->v[i] || s->v[i] > max)
			return false;
	}
	return s->n <= LS_SWEEP_MAX;
}

/*
 * What a control must share with the scenario it controls. A control is the
 * empty program (map type none, no control of its own), or the same
 * operation on the same maps and owners less one property (sk-accept-clone's
 * is its maps without BPF_F_CLONE), whose own control is the empty program.
 */
static void control_fits(const struct scenario *sc, const struct scenario *ctl,
			 const struct scenario *subject)
{
	assert_non_null(ctl);
	assert_string_equal(ctl->hook, sc->hook);
	assert_ptr_equal(ctl->type->open, sc->type->open);
	assert_int_equal(ctl->trigger_kind, sc->trigger_kind);
	assert_true((ls_scenario_modes(ctl) & ls_scenario_modes(sc)) == ls_scenario_modes(sc));
	if (!strcmp(ctl->map_type, "none")) {
		assert_null(ctl->control);
		return;
	}
	assert_ptr_equal(sc, subject); /* one step before the empty program at most */
	assert_non_null(ctl->control);
	assert_string_equal(ctl->map_type, sc->map_type);
	assert_string_equal(ctl->op, sc->op);
	assert_int_equal(ctl->arg & ~LS_ARG_INTERLEAVE, sc->arg & ~LS_ARG_INTERLEAVE);
	assert_int_equal(ctl->sharings, sc->sharings);
	assert_int_equal(ctl->max_threads, sc->max_threads);
	assert_memory_equal(&ctl->objects, &sc->objects, sizeof(sc->objects));
	assert_memory_equal(&ctl->maps, &sc->maps, sizeof(sc->maps));
	assert_memory_equal(&ctl->objects_full, &sc->objects_full, sizeof(sc->objects_full));
	assert_memory_equal(&ctl->maps_full, &sc->maps_full, sizeof(sc->maps_full));
	assert_memory_equal(&ctl->value_sizes, &sc->value_sizes, sizeof(sc->value_sizes));
}

/* What every entry must say, and what its control must share with it. */
static void table_entries(void **state)
{
	size_t i, j;

	for (i = 0; i < ls_nr_scenarios; i++) {
		const struct scenario *sc = &ls_scenarios[i], *ctl;

		assert_non_null(sc->type);
		assert_non_null(sc->desc);
		assert_true(sc->sharings && !(sc->sharings & ~LS_SHARING_ALL));
		assert_true(sweep_ok(&sc->objects, LS_MAX_OBJECTS));
		assert_true(sweep_ok(&sc->maps, LS_MAX_MAPS));
		for (j = 0; j < sc->value_sizes.n; j++)
			assert_true(sc->value_sizes.v[j] == 8 || sc->value_sizes.v[j] == 64 ||
				    sc->value_sizes.v[j] == 4096);
		for (j = 0; j < i; j++)
			assert_string_not_equal(ls_scenarios[j].name, sc->name);
		/* storage made and deleted on one owner, or owners made per trigger: private */
		if ((sc->expect & (LS_EXPECT_CREATES | LS_EXPECT_DELETES)) ||
		    sc->trigger_kind == LS_TRIG_CHURN)
			assert_int_equal(sc->sharings, LS_SHARING_BIT(LS_SHARING_PRIVATE));
		/* a mode is listed exactly where its program is; fentry on sys_enter's syscall */
		assert_int_equal(!!(ls_scenario_modes(sc) & LS_MODE_BIT(LS_MODE_FENTRY)),
				 !!sc->progs[LS_MODE_FENTRY]);
		if (sc->progs[LS_MODE_FENTRY])
			assert_true(sc->trigger_kind == LS_TRIG_SELF && sc->progs[LS_MODE_LOOP]);
		/* the sys_enter syscall needs no trigger function; every other kind does */
		assert_true((sc->trigger_kind == LS_TRIG_SELF) == !sc->trigger);
		for (ctl = sc; ctl->control; ctl = ls_scenario_find(ctl->control))
			control_fits(ctl, ls_scenario_find(ctl->control), sc);
	}
}

static struct plan plan_of(bool *sel, struct ls_run_opts *o)
{
	struct plan p = {};

	assert_int_equal(ls_plan_build(&p, o, sel), 0);
	return p;
}

static void select_one(const char *name, bool *sel)
{
	memset(sel, 0, ls_nr_scenarios * sizeof(*sel));
	sel[ls_scenario_find(name) - ls_scenarios] = true;
}

/* Each cell's control is a cell of the plan, with its owners, threads, sharing and mode. */
static void controls_measured_like_their_cells(void **state)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	const struct scenario *sk_get = ls_scenario_find("sk-get");
	struct ls_run_opts o;
	char err[256];
	size_t i, cells = 0, ctls = 0;
	struct plan p;

	assert_int_equal(PARSE(&o, err, "--cpus", "1,2", "--full"), 0);
	select_one("sk-get", sel);
	p = plan_of(sel, &o);
	for (i = 0; i < p.n; i++) {
		const struct ls_cell_key *k = &p.cells[i].key, *c;

		if (k->sc != sk_get) {
			assert_int_equal(p.cells[i].control, -1);
			ctls++;
			continue;
		}
		cells++;
		assert_true(p.cells[i].control >= 0 && (size_t)p.cells[i].control < p.n);
		c = &p.cells[p.cells[i].control].key;
		assert_string_equal(c->sc->name, "sk-empty");
		assert_int_equal(c->mode, k->mode);
		assert_int_equal(c->threads, k->threads);
		assert_int_equal(c->objects, k->objects);
		assert_int_equal(c->sharing, k->sharing);
	}
	/*
	 * per mode: one thread over 4 owner counts; two threads private over the 3
	 * that give each thread its own, and shared over all 4
	 */
	assert_int_equal(cells, 2 * (4 + 3 + 4));
	assert_int_equal(ctls, cells);
	free(p.cells);
	free(sel);
}

/* A control that sweeps nothing runs with its own map count and value size. */
static void map_sweeps_control_on_one_map(void **state)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	struct ls_run_opts o;
	char err[256];
	struct plan p;
	size_t i, ctls = 0;

	assert_int_equal(PARSE(&o, err, "--cpus", "1", "--maps", "1,17,100", "-m", "loop"), 0);
	select_one("task-get-maps", sel);
	p = plan_of(sel, &o);
	for (i = 0; i < p.n; i++) {
		const struct ls_cell_key *k = &p.cells[i].key;

		if (strcmp(k->sc->name, "task-empty"))
			continue;
		ctls++;
		assert_int_equal(k->maps, 1);
		assert_int_equal(k->value_size, 8);
		assert_int_equal(k->mode, LS_MODE_LOOP);
	}
	assert_int_equal(p.n, 4); /* three map counts, one control: the same cell for all */
	assert_int_equal(ctls, 1);
	free(p.cells);
	free(sel);
}

/*
 * The map-count scenarios that sweep no value size run the programs that
 * read the 8-byte maps alone (bpf/common.bpf.h, LS_MAPS_GET_OPS): their cells
 * are planned at 8 bytes whatever --value-size asks.
 */
static void map_counts_without_value_sweep_stay_at_8_bytes(void **state)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	struct ls_run_opts o;
	char err[256];
	struct plan p;
	size_t i, cells = 0;

	assert_int_equal(PARSE(&o, err, "--cpus", "1", "--value-size", "64,4096", "-s",
			       "*-get-maps*", "--maps", "1,17"),
			 0);
	assert_true(ls_select(ls_scenarios, ls_nr_scenarios, &o, sel, err, sizeof(err)) >= 6);
	p = plan_of(sel, &o);
	for (i = 0; i < p.n; i++) {
		const struct ls_cell_key *k = &p.cells[i].key;

		assert_false(k->sc->value_sizes.n);
		assert_int_equal(k->value_size, 8);
		cells += k->sc->map_steps;
	}
	assert_true(cells >= 12);
	free(p.cells);
	free(sel);
}

/*
 * The random-key hash control's maps hold 4194304 keys each: map counts above
 * its max_maps are left out of the plan, whatever --maps asks.
 */
static void map_counts_above_max_maps_left_out(void **state)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	const struct scenario *sc = ls_scenario_find("task-hash-get-random");
	struct ls_run_opts o;
	char err[256];
	struct plan p;
	size_t i, cells = 0;

	assert_non_null(sc);
	assert_int_equal(sc->max_maps, 8);
	assert_int_equal(PARSE(&o, err, "--cpus", "1", "--maps", "1,8,9,17", "-m", "loop"), 0);
	select_one(sc->name, sel);
	p = plan_of(sel, &o);
	for (i = 0; i < p.n; i++) {
		const struct ls_cell_key *k = &p.cells[i].key;

		if (k->sc != sc)
			continue;
		cells++;
		assert_true(k->maps == 1 || k->maps == 8);
	}
	assert_int_equal(cells, 2);
	assert_int_equal(p.n, 3); /* and its control, task-empty at one map */
	free(p.cells);
	free(sel);
}

/*
 * sk-accept-clone is measured against its maps without BPF_F_CLONE, cell for
 * cell; that control, selected too, against the empty program on one map.
 */
static void accept_clone_controlled_by_its_maps_without_the_flag(void **state)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	struct ls_run_opts o;
	char err[256];
	size_t i, clones = 0, noclones = 0;
	struct plan p;

	assert_int_equal(PARSE(&o, err, "--cpus", "1,2", "-s", "sk-accept-*"), 0);
	assert_int_equal(ls_select(ls_scenarios, ls_nr_scenarios, &o, sel, err, sizeof(err)), 5);
	p = plan_of(sel, &o);
	for (i = 0; i < p.n; i++) {
		const struct ls_cell_key *k = &p.cells[i].key, *c;

		assert_int_equal(k->mode, LS_MODE_HOOK);
		assert_int_equal(k->threads, 1); /* one producer: one listener */
		if (p.cells[i].control < 0)
			continue;
		c = &p.cells[p.cells[i].control].key;
		if (!strcmp(k->sc->name, "sk-accept-clone")) {
			clones++;
			assert_string_equal(c->sc->name, "sk-accept-noclone");
			assert_int_equal(c->maps, k->maps);
		} else if (!strcmp(k->sc->name, "sk-accept-noclone")) {
			noclones++;
			assert_string_equal(c->sc->name, "sk-accept-empty");
			assert_int_equal(c->maps, 1);
		} else if (!strcmp(k->sc->name, "sk-accept-clone-values")) {
			assert_string_equal(c->sc->name, "sk-accept-noclone-values");
			assert_int_equal(c->value_size, k->value_size);
		}
	}
	assert_int_equal(clones, 3);
	assert_int_equal(noclones, 3);
	/* empty; noclone and clone at 1, 16, 64 maps; both -values at 8, 64, 4096 bytes */
	assert_int_equal(p.n, 1 + 3 + 3 + 3 + 3);
	free(p.cells);
	free(sel);
}

/* Selecting a control too gives no second copy of its cells. */
static void cells_are_planned_once(void **state)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	struct ls_run_opts o;
	char err[256];
	struct plan p;
	size_t i, j;

	assert_int_equal(PARSE(&o, err, "--cpus", "1,2", "-s", "task-*"), 0);
	assert_true(ls_select(ls_scenarios, ls_nr_scenarios, &o, sel, err, sizeof(err)) > 0);
	p = plan_of(sel, &o);
	for (i = 0; i < p.n; i++) {
		for (j = 0; j < i; j++)
			assert_memory_not_equal(&p.cells[i].key, &p.cells[j].key,
						sizeof(p.cells[i].key));
	}
	free(p.cells);
	free(sel);
}

/*
 * The default matrix leaves out the scenarios marked full_only and the values
 * of a sweep only --full adds; --full has them all, and so has what -s names
 * or an option's own list.
 */
static void default_matrix_and_full(void **state)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	const struct scenario *il = ls_scenario_find("task-get-maps-interleaved");
	const struct scenario *maps = ls_scenario_find("task-get-maps");
	unsigned int v[LS_MAX_LIST];
	struct ls_run_opts o;
	char err[256];
	int all, dflt;

	assert_non_null(sel);
	assert_true(il->full_only && !maps->full_only);
	/* the default matrix: one owner per thread, no value sizes, no owners reached by id */
	assert_int_equal(ls_scenario_find("sk-get")->objects.n, 0);
	assert_true(ls_scenario_find("sk-get")->objects_full.n > 0);
	assert_true(ls_scenario_find("task-get-values")->full_only);
	assert_true(ls_scenario_find("task-byid-get")->full_only);
	assert_int_equal(PARSE(&o, err, "--cpus", "1"), 0);
	dflt = ls_select(ls_scenarios, ls_nr_scenarios, &o, sel, err, sizeof(err));
	assert_false(sel[il - ls_scenarios]);
	assert_true(sel[maps - ls_scenarios]);
	assert_int_equal(ls_sweep_for(&o, maps, LS_DIM_MAPS, v), maps->maps.n);
	assert_int_equal(v[0], 16); /* the cache cliff, 16 and 17 maps, then 100 */
	assert_int_equal(v[maps->maps.n - 1], 100);
	assert_int_equal(ls_sweep_for(&o, ls_scenario_find("sk-get"), LS_DIM_OBJECTS, v), 0);
	assert_int_equal(PARSE(&o, err, "--cpus", "1", "--full"), 0);
	all = ls_select(ls_scenarios, ls_nr_scenarios, &o, sel, err, sizeof(err));
	assert_int_equal(all, (int)ls_nr_scenarios);
	assert_true(dflt < all);
	assert_int_equal(ls_sweep_for(&o, maps, LS_DIM_MAPS, v), maps->maps_full.n);
	assert_int_equal(v[maps->maps_full.n - 1], 1000);
	/* named, it runs without --full; a list given is the list */
	assert_int_equal(PARSE(&o, err, "-s", "task-get-maps*", "--maps", "3"), 0);
	assert_int_equal(ls_select(ls_scenarios, ls_nr_scenarios, &o, sel, err, sizeof(err)), 2);
	assert_true(sel[il - ls_scenarios]);
	assert_int_equal(ls_sweep_for(&o, maps, LS_DIM_MAPS, v), 1);
	assert_int_equal(v[0], 3);
	/* an owner list given sweeps sk-get, whose default matrix has one owner per thread */
	assert_int_equal(PARSE(&o, err, "-s", "sk-get", "--objects", "100"), 0);
	assert_int_equal(ls_sweep_for(&o, ls_scenario_find("sk-get"), LS_DIM_OBJECTS, v), 1);
	assert_int_equal(v[0], 100);
	assert_int_equal(ls_sweep_for(&o, ls_scenario_find("sk-miss"), LS_DIM_OBJECTS, v), 0);
	free(sel);
}

/* How many of p's cells are of scenario name, at threads threads and this sharing. */
static size_t count_cells(const struct plan *p, const char *name, unsigned int threads,
			  enum ls_sharing sharing)
{
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		n += !strcmp(p->cells[i].key.sc->name, name) &&
		     p->cells[i].key.threads == threads && p->cells[i].key.sharing == sharing;
	return n;
}

/*
 * A cgroup/getsockopt program runs under its socket's lock: the default
 * matrix does not run it shared by two threads (they would take turns), nor
 * the private cell with fewer owners than threads that the shared one stands
 * for; --sharing or --full asks for it. Other hooks keep their shared cells.
 */
static void owner_locked_plan(struct ls_run_opts *o, bool shared)
{
	bool *sel = calloc(ls_nr_scenarios, sizeof(*sel));
	struct plan p;
	size_t j;

	assert_non_null(sel);
	select_one("sk-get", sel);
	sel[ls_scenario_find("cgrp-get") - ls_scenarios] = true;
	sel[ls_scenario_find("cgroup-storage-inc") - ls_scenarios] = true;
	sel[ls_scenario_find("percpu-cgroup-get") - ls_scenarios] = true;
	p = plan_of(sel, o);
	/* shared only by nature: left out at two threads, and counted */
	assert_int_equal(count_cells(&p, "percpu-cgroup-get", 2, LS_SHARING_SHARED) > 0, shared);
	assert_true(count_cells(&p, "percpu-cgroup-get", 1, LS_SHARING_SHARED) > 0);
	assert_int_equal(p.turns_left_out > 0, !shared);
	/* writers on one cgroup, a socket each: no lock to take turns on */
	assert_true(count_cells(&p, "cgroup-storage-inc", 2, LS_SHARING_SHARED) > 0);
	assert_int_equal(count_cells(&p, "sk-get", 2, LS_SHARING_SHARED) > 0, shared);
	assert_int_equal(count_cells(&p, "sk-empty", 2, LS_SHARING_SHARED) > 0, shared);
	/* one thread, and two on their own sockets, whichever */
	assert_true(count_cells(&p, "sk-get", 1, LS_SHARING_PRIVATE) > 0);
	assert_true(count_cells(&p, "sk-get", 2, LS_SHARING_PRIVATE) > 0);
	assert_true(count_cells(&p, "cgrp-get", 2, LS_SHARING_SHARED) > 0);
	for (j = 0; j < p.n; j++)
		assert_false(p.cells[j].key.sharing == LS_SHARING_PRIVATE &&
			     p.cells[j].key.objects < p.cells[j].key.threads);
	free(p.cells);
	free(sel);
}

static void owner_locked_not_shared_by_default(void **state)
{
	struct ls_run_opts o;
	char err[256];

	assert_true(ls_hook_owner_locked(ls_scenario_find("sk-get")->hook));
	assert_false(ls_hook_owner_locked(ls_scenario_find("cgrp-get")->hook));
	assert_int_equal(PARSE(&o, err, "--cpus", "1,2"), 0);
	owner_locked_plan(&o, false);
	assert_int_equal(PARSE(&o, err, "--cpus", "1,2", "--sharing", "private,shared"), 0);
	owner_locked_plan(&o, true);
	assert_int_equal(PARSE(&o, err, "--cpus", "1,2", "--full"), 0);
	owner_locked_plan(&o, true);
}

/* A plan of four measured cells, for the extra rounds: 3 to 6 rounds, 1 s each so far. */
static void extra_plan(struct plan *p, struct plan_cell *c, struct ls_run_opts *o)
{
	static const double pct[] = { 3, 9, 1.5, 6 }; /* cell 2 precise enough */
	char err[256];
	size_t i;

	assert_int_equal(PARSE(o, err, "--rounds", "3", "--max-rounds", "6"), 0);
	for (i = 0; i < 4; i++)
		c[i] = (struct plan_cell){ .rounds = 3, .precision_pct = pct[i], .spent_s = 3 };
	*p = (struct plan){ .cells = c, .n = 4 };
}

/*
 * The next extra round goes to the cell expected to be within --precision
 * soonest, its rounds counted past --max-rounds too (the nearer of two that
 * cannot be by then goes first); never past the most rounds or the budget.
 * With 1 s rounds at three, to 2%: 3% needs one round more (3 x t(3)/2 /
 * (t(2)/sqrt 3) = 1.92), 6% and 9% more than three.
 */
static void extra_round_to_the_soonest_done(void **state)
{
	struct ls_run_opts o;
	struct plan_cell c[4];
	struct plan p;

	extra_plan(&p, c, &o);
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 0);
	/* not the cell measured last, while another is left: of 6% and 9%, the nearer */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, 0), 3);
	c[3].rounds = 6; /* at its most rounds */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, 0), 1);
	c[1].done = true; /* not ok */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 0);
	/* the last one alone is left: it goes on */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, 0), 0);
	c[0].precision_pct = 2; /* within --precision: done */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), -1);
	/* the same spread an hour away: by time, not by width */
	c[1] = (struct plan_cell){ .rounds = 3, .precision_pct = 200, .spent_s = 6 };
	c[3] = (struct plan_cell){ .rounds = 3, .precision_pct = 10, .spent_s = 0.3 };
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 3);
}

/* Sooner done by time, not by rounds: two 1 s rounds go before one of 10 s. */
static void extra_round_by_time_to_precision(void **state)
{
	struct ls_run_opts o;
	struct plan_cell c[4];
	struct plan p;

	extra_plan(&p, c, &o);
	c[0].spent_s = 30; /* one round more, of 10 s */
	c[3].precision_pct = 3.9; /* two rounds more, of 1 s: 3.9 x t(4)/sqrt 5 / (t(2)/sqrt 3)
				     = 1.95 */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 3);
	c[3].spent_s = 18; /* now 6 s a round: 12 s against 10 */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 0);
}

/* A cell whose round would end past the budget (its mean round so far) is passed over. */
static void extra_round_within_the_budget(void **state)
{
	struct ls_run_opts o;
	struct plan_cell c[4];
	struct plan p;

	extra_plan(&p, c, &o);
	c[0].spent_s = 30; /* 10 s a round, and one more to be within */
	c[1].precision_pct = 60; /* hundreds of 1 s rounds more */
	c[3].precision_pct = 40;
	assert_int_equal(ls_plan_next(&p, &o, 10, -1), 0);
	assert_int_equal(ls_plan_next(&p, &o, 9.9, -1), 3);
	assert_int_equal(ls_plan_next(&p, &o, 1, -1), 3); /* the others take 1 s */
	assert_int_equal(ls_plan_next(&p, &o, 0.99, -1), -1);
	/* too few rounds yet: not an extra round's */
	c[3].rounds = 2;
	c[3].spent_s = 2;
	assert_int_equal(ls_plan_next(&p, &o, 1, -1), 1);
}

/*
 * A round left out (still slow when measured again) is owed: a cell short of
 * --rounds for it goes first, within the budget.
 */
static void extra_round_owed_for_one_left_out(void **state)
{
	struct ls_run_opts o;
	struct plan_cell c[4];
	struct plan p;

	extra_plan(&p, c, &o);
	c[2].rounds = 2; /* within --precision on two, but short of three */
	c[2].spent_s = 2;
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 0);
	c[2].dropped = 1;
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 2);
	assert_int_equal(ls_plan_next(&p, &o, 1, -1), 2); /* 1 s a round, in the budget */
	c[2].spent_s = 20; /* 10 s a round: past the budget, not owed now */
	assert_int_equal(ls_plan_next(&p, &o, 9, -1), 0);
	c[2].rounds = 3; /* owed no more: within --precision, done with extra rounds */
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 0);
}

/*
 * A cell whose every round so far was left out has no figure: its round is
 * owed whatever the budget, and goes first.
 */
static void extra_round_owed_to_a_cell_without_one(void **state)
{
	struct ls_run_opts o;
	struct plan_cell c[4];
	struct plan p;

	extra_plan(&p, c, &o);
	c[2].rounds = 0;
	c[2].spent_s = 0;
	c[2].precision_pct = NAN;
	c[2].dropped = 3;
	assert_int_equal(ls_plan_next(&p, &o, HUGE_VAL, -1), 2);
	assert_int_equal(ls_plan_next(&p, &o, 0, -1), 2); /* no budget left: owed all the same */
	assert_int_equal(ls_plan_next(&p, &o, 0, 2), 2); /* and again, being the only one */
	c[2].done = true; /* not ok: none owed */
	assert_int_equal(ls_plan_next(&p, &o, 0, -1), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_entries),
		cmocka_unit_test(controls_measured_like_their_cells),
		cmocka_unit_test(map_sweeps_control_on_one_map),
		cmocka_unit_test(cells_are_planned_once),
		cmocka_unit_test(map_counts_without_value_sweep_stay_at_8_bytes),
		cmocka_unit_test(accept_clone_controlled_by_its_maps_without_the_flag),
		cmocka_unit_test(map_counts_above_max_maps_left_out),
		cmocka_unit_test(default_matrix_and_full),
		cmocka_unit_test(owner_locked_not_shared_by_default),
		cmocka_unit_test(extra_round_to_the_soonest_done),
		cmocka_unit_test(extra_round_by_time_to_precision),
		cmocka_unit_test(extra_round_within_the_budget),
		cmocka_unit_test(extra_round_owed_for_one_left_out),
		cmocka_unit_test(extra_round_owed_to_a_cell_without_one),
	};

	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
