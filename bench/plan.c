// SPDX-License-Identifier: GPL-2.0
/*
 * The plan of a run: every cell the selected scenarios make (modes x threads
 * x sharings x maps x value sizes x owners), and beside each its control,
 * measured with the same owners, threads and sharing.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include "plan.h"
#include "stats.h"
#include "scenarios.h"

static bool key_eq(const struct ls_cell_key *a, const struct ls_cell_key *b)
{
	return a->sc == b->sc && a->mode == b->mode && a->threads == b->threads &&
	       a->objects == b->objects && a->maps == b->maps && a->value_size == b->value_size &&
	       a->sharing == b->sharing;
}

/* The plan index of the cell key names, added when new; -ENOMEM. */
long ls_plan_add(struct plan *p, const struct ls_cell_key *key)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (key_eq(&p->cells[i].key, key))
			return i;
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 64;
		struct plan_cell *c = realloc(p->cells, cap * sizeof(*c));

		if (!c)
			return -ENOMEM;
		p->cells = c;
		p->cap = cap;
	}
	p->cells[p->n] = (struct plan_cell){ .key = *key, .control = -1, .slot = -1 };
	return p->n++;
}

/* vals[0..n) less those above max (0: none is); how many are left. */
static size_t drop_above(unsigned int *vals, size_t n, unsigned int max)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (!max || vals[i] <= max)
			vals[k++] = vals[i];
	}
	return k;
}

/*
 * A dimension's values for sc, or the one default (0 for objects: one per
 * thread); map counts above the scenario's max_maps are left out.
 */
static size_t sweep(const struct ls_run_opts *o, const struct scenario *sc, enum ls_dim dim,
		    unsigned int def, unsigned int *vals)
{
	size_t n = ls_sweep_for(o, sc, dim, vals);

	if (!n)
		vals[n++] = def;
	else if (dim == LS_DIM_MAPS)
		n = drop_above(vals, n, sc->max_maps);
	return n;
}

/*
 * The sharings to run sc with at this thread count: its own when it has one;
 * with one thread private and shared are the same cell, so private if asked.
 * A program that runs under its socket's lock (ls_hook_owner_locked), where
 * threads share sockets, is not run shared by several threads unless
 * --sharing or --full asks (counted in p->turns_left_out): they take turns on
 * the lock, sleeping for it, and the cell times the lock's hand-over and the
 * scheduler's wake-ups, not the helper (on a 2-CPU virtual machine its
 * producers were on their CPUs a fifth to a half of the time, and its rounds
 * spread 10 to 30%). Writers on one cgroup have a socket each: they keep it.
 */
static unsigned int sharings_for(struct plan *p, const struct scenario *sc, enum ls_mode mode,
				 const struct ls_run_opts *o, unsigned int threads)
{
	unsigned int can = sc->sharings, want = can & o->sharings, run;

	if (can != LS_SHARING_ALL)
		run = can;
	else if (threads == 1 && (want & LS_SHARING_BIT(LS_SHARING_PRIVATE)))
		run = LS_SHARING_BIT(LS_SHARING_PRIVATE);
	else
		run = want;
	if (threads > 1 && ls_hook_owner_locked(ls_mode_hook(sc, mode)) &&
	    !(sc->type && sc->type->socket_per_thread) && !o->sharings_set && !o->full &&
	    (run & LS_SHARING_BIT(LS_SHARING_SHARED))) {
		run &= ~LS_SHARING_BIT(LS_SHARING_SHARED);
		p->turns_left_out++;
	}
	return run;
}

/* The owner counts of a sweep, less private cells that would be the shared one. */
static int plan_owners(struct plan *p, struct ls_cell_key *key, unsigned int sharings,
		       const struct ls_run_opts *o)
{
	unsigned int objects[LS_MAX_LIST];
	size_t n = sweep(o, key->sc, LS_DIM_OBJECTS, 0, objects), j;
	/* asked for shared, whether run or left out for its lock (sharings_for) */
	bool shared = (sharings | (key->sc->sharings & o->sharings)) &
		      LS_SHARING_BIT(LS_SHARING_SHARED);

	for (j = 0; j < n; j++) {
		key->objects = objects[j] ?: key->threads;
		if (key->sharing == LS_SHARING_PRIVATE && key->sc->trigger_kind == LS_TRIG_OWNERS &&
		    key->objects < key->threads && shared)
			continue;
		if (ls_plan_add(p, key) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* The cells of one mode, thread count and sharing: maps x value sizes x owners. */
static int plan_sweeps(struct plan *p, struct ls_cell_key *key, unsigned int sharings,
		       const struct ls_run_opts *o)
{
	unsigned int maps[LS_MAX_LIST], sizes[LS_MAX_LIST];
	size_t nr_maps = sweep(o, key->sc, LS_DIM_MAPS, 1, maps);
	size_t nr_sizes = sweep(o, key->sc, LS_DIM_VALUE_SIZE, 8, sizes);
	size_t a, b;
	int err = 0;

	for (a = 0; a < nr_maps && !err; a++) {
		key->maps = maps[a];
		for (b = 0; b < nr_sizes && !err; b++) {
			key->value_size = sizes[b];
			err = plan_owners(p, key, sharings, o);
		}
	}
	return err;
}

/* Every cell of one scenario: modes x threads x sharings x maps x value sizes x owners. */
static int plan_scenario(struct plan *p, const struct scenario *sc, const struct ls_run_opts *o)
{
	struct ls_cell_key key = { .sc = sc };
	unsigned int sharings;
	size_t k;
	int err = 0;

	for (key.mode = LS_MODE_HOOK; key.mode <= LS_MODE_FENTRY; key.mode++) {
		if (!(ls_scenario_modes(sc) & o->modes & LS_MODE_BIT(key.mode)))
			continue;
		for (k = 0; k < o->nr_cpu_counts; k++) {
			key.threads = o->cpu_counts[k];
			if (sc->max_threads && key.threads > sc->max_threads)
				continue;
			sharings = sharings_for(p, sc, key.mode, o, key.threads);
			for (key.sharing = LS_SHARING_PRIVATE; key.sharing <= LS_SHARING_SHARED;
			     key.sharing++) {
				if ((sharings & LS_SHARING_BIT(key.sharing)) && !err)
					err = plan_sweeps(p, &key, sharings, o);
			}
		}
	}
	return err;
}

/*
 * The control of a cell is measured like it: same mode, threads, owners and
 * sharing (where the control can have it), its own maps and value size where
 * it does not sweep them.
 */
static int plan_control(struct plan *p, size_t i)
{
	struct ls_cell_key key = p->cells[i].key;
	const struct scenario *ctl = key.sc->control ? ls_scenario_find(key.sc->control) : NULL;
	long c;

	if (!ctl)
		return 0;
	key.sc = ctl;
	if (!ctl->maps.n)
		key.maps = 1;
	if (!ctl->value_sizes.n)
		key.value_size = 8;
	if (!(ctl->sharings & LS_SHARING_BIT(key.sharing)))
		key.sharing = ctl->sharings & LS_SHARING_BIT(LS_SHARING_PRIVATE)
				      ? LS_SHARING_PRIVATE
				      : LS_SHARING_SHARED;
	c = ls_plan_add(p, &key);
	if (c < 0)
		return c;
	p->cells[i].control = c;
	return 0;
}

int ls_plan_build(struct plan *p, const struct ls_run_opts *o, const bool *selected)
{
	size_t s, i, n;
	int err = 0;

	for (s = 0; s < ls_nr_scenarios && !err; s++) {
		if (selected[s])
			err = plan_scenario(p, &ls_scenarios[s], o);
	}
	n = p->n; /* controls have no controls */
	for (i = 0; i < n && !err; i++)
		err = plan_control(p, i);
	return err;
}

/*
 * Whether cell c may have an extra round that ends within left_s seconds:
 * one owed for a round left out before it had o->rounds (schedule.c leaves
 * out o->max_rounds at most a cell), or one more where its interval is wider
 * than o->precision_pct. A cell with every round left out so far has one
 * whatever the budget: without it the cell has no figure.
 */
static bool may_extra(const struct plan_cell *c, const struct ls_run_opts *o, double left_s)
{
	bool owed = c->rounds < o->rounds && c->dropped;
	bool wide = c->rounds >= o->rounds && c->rounds < o->max_rounds &&
		    c->precision_pct > o->precision_pct;

	if (c->done || !(owed || wide))
		return false;
	return !c->rounds || c->spent_s / c->rounds <= left_s;
}

/*
 * The seconds more cell c is expected to need to be within o->precision_pct:
 * the rounds its interval's spread so far needs, each as long as its rounds
 * so far, counted past o->max_rounds too (up to LS_PLAN_HORIZON), so that
 * cells that cannot be within it by then go by how near they would come, the
 * hopeless last; HUGE_VAL past the horizon.
 */
static double to_finish_s(struct plan_cell *c, const struct ls_run_opts *o)
{
	unsigned int m;

	if (c->rounds < o->rounds)
		return 0; /* owed: first */
	if (c->finish.rounds == c->rounds && c->finish.precision_pct == c->precision_pct &&
	    c->finish.spent_s == c->spent_s)
		return c->finish.s;
	m = ls_units_to_reach(c->precision_pct, c->rounds, o->precision_pct, LS_PLAN_HORIZON, 0.05);
	c->finish.rounds = c->rounds;
	c->finish.precision_pct = c->precision_pct;
	c->finish.spent_s = c->spent_s;
	c->finish.s = m ? (m - c->rounds) * c->spent_s / c->rounds : HUGE_VAL;
	return c->finish.s;
}

/* Whether cell a's next round goes before cell b's: the sooner within, then the wider. */
static bool goes_before(struct plan_cell *a, struct plan_cell *b, const struct ls_run_opts *o)
{
	double ta = to_finish_s(a, o), tb = to_finish_s(b, o);

	if (ta != tb)
		return ta < tb;
	return a->precision_pct > b->precision_pct;
}

long ls_plan_next(struct plan *p, const struct ls_run_opts *o, double left_s, long last)
{
	long best = -1;
	size_t i;

	for (i = 0; i < p->n; i++) {
		if ((long)i == last || !may_extra(&p->cells[i], o, left_s))
			continue;
		if (best < 0 || goes_before(&p->cells[i], &p->cells[best], o))
			best = i;
	}
	if (best < 0 && last >= 0 && (size_t)last < p->n && may_extra(&p->cells[last], o, left_s))
		best = last;
	return best;
}
