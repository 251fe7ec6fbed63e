// SPDX-License-Identifier: GPL-2.0
/*
 * compare's control guard (lib/verdict.c's ls_guard_control): each compared
 * cell's control found among the compared rows, and a cell judged changed the
 * way its control moved made ~, for the whole run may have run at another
 * machine speed, which the rounds of one run cannot see.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "compare.h"

bool ls_key_is_control(const struct ls_key *k)
{
	return !strcmp(k->op, "empty") && !strcmp(k->map_type, "none");
}

/* The length of the common prefix of a and b up to its last '-': "task-" of task-get and
 * task-empty. */
static size_t family_prefix(const char *a, const char *b)
{
	size_t i, last = 0;

	for (i = 0; a[i] && a[i] == b[i]; i++) {
		if (a[i] == '-')
			last = i + 1;
	}
	return last;
}

/*
 * How well ctl fits as cell's control; 0: it cannot be. The runner measures a
 * cell's control (its scenario's, an empty program) in the same hook, mode,
 * threads and owners, in the cell's sharing where the control has it. Where
 * summary.csv has a control column, the control is the scenario it names
 * (percpu-cgroup-get: cgstore-empty), and an empty field means none. Older
 * sets have no such column: the control is then the empty program of that
 * hook whose scenario shares the longest prefix with the cell's (task-get:
 * task-empty, not cgrp-empty, though both run on sys_enter). The same sharing
 * preferred either way.
 */
static size_t fit(const struct ls_rcell *cell, const struct ls_key *ctl)
{
	const struct ls_key *k = &cell->key;
	size_t p;

	if (strcmp(k->hook, ctl->hook) || strcmp(k->mode, ctl->mode) || k->cpus != ctl->cpus ||
	    k->nr_objects != ctl->nr_objects)
		return 0;
	if (cell->control_named)
		p = *cell->control && !strcmp(cell->control, ctl->scenario);
	else
		p = ls_key_is_control(ctl) ? family_prefix(k->scenario, ctl->scenario) : 0;
	return p ? 2 * p + !strcmp(k->sharing, ctl->sharing) : 0;
}

const struct ls_rcell *ls_cmp_control_cell(const struct ls_rset *s, const struct ls_rcell *cell)
{
	const struct ls_rcell *best = NULL;
	size_t i, f, best_fit = 0;

	for (i = 0; i < s->nr_cells; i++) {
		f = fit(cell, &s->cells[i].key);
		if (f > best_fit) {
			best = &s->cells[i];
			best_fit = f;
		}
	}
	return best;
}

/* The compared row of r's control in the base set; NULL unless both sides have it. */
static const struct ls_cmp_row *control_row(const struct ls_cmp *c, const struct ls_cmp_row *r)
{
	const struct ls_rcell *ctl = ls_cmp_control_cell(c->base, r->base);
	size_t i;

	for (i = 0; ctl && i < c->nr_rows; i++) {
		if (c->rows[i].base == ctl)
			return c->rows[i].kind == LS_CMP_BOTH ? &c->rows[i] : NULL;
	}
	return NULL;
}

/* Whether every run of s ran under icount: its figures are instructions, not time. */
static bool all_icount(const struct ls_rset *s)
{
	size_t i;

	for (i = 0; i < s->nr_runs; i++) {
		if (strcmp(s->runs[i].virt, "icount"))
			return false;
	}
	return s->nr_runs > 0;
}

bool ls_cmp_in_instructions(const struct ls_cmp *c)
{
	return all_icount(c->base) && all_icount(c->new);
}

void ls_cmp_guard(struct ls_cmp *c)
{
	/* Under icount there is no machine speed for a control to betray: no guard. */
	bool off = ls_cmp_in_instructions(c);
	const struct ls_cmp_row *ctl;
	struct ls_cmp_row *r;
	double raw;
	size_t i;

	for (i = 0; i < c->nr_rows; i++) {
		r = &c->rows[i];
		r->ctl_ratio = NAN;
		if (r->kind != LS_CMP_BOTH || ls_key_is_control(&r->base->key))
			continue;
		ctl = control_row(c, r);
		if (!ctl)
			continue;
		r->ctl_ratio = ctl->ratio;
		r->ctl_verdict = ctl->verdict;
		/* the cell's move as measured: over the control, ratio times what it was over */
		raw = r->over_ctl ? r->ratio * r->over_by : r->ratio;
		if (!off && ls_guard_control(&r->j, raw, ctl->verdict, ctl->ratio)) {
			r->verdict = r->j.verdict;
			c->nr_withheld++;
		}
	}
	for (i = 0; i < c->nr_rows; i++) {
		r = &c->rows[i];
		c->nr_ctl_moved += r->kind == LS_CMP_BOTH && ls_key_is_control(&r->base->key) &&
				   (r->verdict == LS_SLOWER || r->verdict == LS_FASTER);
	}
}

void ls_cmp_row_why(const struct ls_cmp_row *r, char *buf, size_t size)
{
	const char *why = ls_why_text(r->j.why), *colon = strchr(why, ':');

	*buf = 0;
	if (r->kind != LS_CMP_BOTH)
		return;
	/* the control's reason with its move before the colon: "... too (+3.4%): ..." */
	if (r->j.why == LS_WHY_CONTROL && colon)
		snprintf(buf, size, "%.*s (%+.1f%%)%s", (int)(colon - why), why,
			 100 * (r->ctl_ratio - 1), colon);
	else
		snprintf(buf, size, "%s", why);
}
