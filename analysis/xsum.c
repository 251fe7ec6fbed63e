// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench crosscheck-summary: crosscheck's rounds.csv read, each pair's
 * rounds' ratios judged as an equivalence test (xsumout.c writes them).
 *
 * The unit of evidence is the round: in a round the two runs of a pair are
 * seconds apart, and the machine's speed drifts on a scale of seconds, so each
 * round gives one ratio in which the state both runs shared cancels. A pair's
 * ratio is the geometric mean of its rounds' ratios, its interval the paired t
 * on their logarithms. A run whose maps shared cache slots (status
 * "shared-slots") measured another thing: it gives its round no ratio.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csvread.h"
#include "xsum.h"

/* The level of the interval reported and judged. */
#define XSUM_LEVEL 0.95

/* The columns read, by name. */
struct xsum_cols {
	int cell, round, side, ns, status, same, note;
};

static int find_cols(const struct ls_csvr *r, struct xsum_cols *c, char *err, size_t len)
{
	return ls_csvr_need_col(r, "cell", &c->cell, err, len) ?:
		       ls_csvr_need_col(r, "round", &c->round, err, len) ?:
		       ls_csvr_need_col(r, "side", &c->side, err, len) ?:
		       ls_csvr_need_col(r, "ns_per_op", &c->ns, err, len) ?:
		       ls_csvr_need_col(r, "status", &c->status, err, len) ?:
		       ls_csvr_need_col(r, "same", &c->same, err, len) ?:
		       ls_csvr_need_col(r, "note", &c->note, err, len);
}

/* Grows an array of *cap elements of size each to hold n + 1; -ENOMEM. */
static int grow(void **a, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap * 2 : 16;
	void *p;

	if (n < *cap)
		return 0;
	p = realloc(*a, c * size);
	if (!p)
		return -ENOMEM;
	*a = p;
	*cap = c;
	return 0;
}

/* The cell named name, added (same and note from this row) when it is new; NULL: -ENOMEM. */
static struct ls_xsum_cell *cell_of(struct ls_xsum *x, const char *name, bool same,
				    const char *note)
{
	struct ls_xsum_cell *c;
	size_t i;

	for (i = 0; i < x->nr_cells; i++) {
		if (!strcmp(x->cells[i].name, name))
			return &x->cells[i];
	}
	if (grow((void **)&x->cells, &x->cap, x->nr_cells, sizeof(*c)))
		return NULL;
	c = &x->cells[x->nr_cells];
	*c = (struct ls_xsum_cell){ .name = strdup(name), .note = strdup(note), .same = same };
	if (!c->name || !c->note) {
		free(c->name);
		free(c->note);
		return NULL;
	}
	x->nr_cells++;
	return c;
}

/* The figure of side s in round; false when it has none. */
static bool figure(const struct ls_xsum_cell *c, enum ls_xsum_side s, unsigned int round,
		   double *ns)
{
	const struct ls_xsum_side_runs *sr = &c->side[s];
	size_t i;

	for (i = 0; i < sr->n; i++) {
		if (sr->runs[i].round == round) {
			*ns = sr->runs[i].ns;
			return true;
		}
	}
	return false;
}

/* A run of status ok: its figure, once a round. */
static int add_run(const struct ls_csvr *r, const struct xsum_cols *k, struct ls_xsum_cell *c,
		   enum ls_xsum_side s, unsigned int round, char *err, size_t len)
{
	struct ls_xsum_side_runs *sr = &c->side[s];
	double ns, dup;

	if (ls_csvr_double(r, k->ns, false, &ns, err, len))
		return -EINVAL;
	if (!(ns > 0))
		return ls_csvr_error(r, err, len,
				     "column ns_per_op: an ok run's figure must be "
				     "above 0");
	if (figure(c, s, round, &dup))
		return ls_csvr_error(r, err, len, "a second ok run of %s's %s side in round %u",
				     c->name, ls_csvr_str(r, k->side), round);
	if (grow((void **)&sr->runs, &sr->cap, sr->n, sizeof(*sr->runs)))
		return -ENOMEM;
	sr->runs[sr->n++] = (struct ls_xsum_run){ round, ns };
	return 0;
}

/* A run without a figure: the side's first such status is why it has none. */
static int add_status(struct ls_xsum_cell *c, enum ls_xsum_side s, const char *status)
{
	if (!strcmp(status, "shared-slots"))
		c->shared_slot_runs++;
	if (!c->side[s].why)
		c->side[s].why = strdup(status);
	return c->side[s].why ? 0 : -ENOMEM;
}

/* The row's side; -EINVAL for another word. seen: bit 1 lsbench, bit 2 again. */
static int side_of(const struct ls_csvr *r, const char *side, unsigned int *seen,
		   enum ls_xsum_side *s, char *err, size_t len)
{
	char q[48];

	*s = LS_XSUM_LSBENCH;
	if (!strcmp(side, "kernel"))
		*s = LS_XSUM_KERNEL;
	else if (!strcmp(side, "lsbench"))
		*seen |= 1;
	else if (!strcmp(side, "again"))
		*seen |= 2;
	else {
		ls_csvr_quote(side, q, sizeof(q));
		return ls_csvr_error(r, err, len,
				     "column side: '%s' is not kernel, lsbench or again", q);
	}
	if (*seen == 3)
		return ls_csvr_error(r, err, len, "sides lsbench and again in one file");
	return 0;
}

static int read_row(const struct ls_csvr *r, const struct xsum_cols *k, struct ls_xsum *x,
		    unsigned int *seen, char *err, size_t len)
{
	const char *name = ls_csvr_str(r, k->cell), *status = ls_csvr_str(r, k->status);
	const char *same = ls_csvr_str(r, k->same);
	struct ls_xsum_cell *c;
	enum ls_xsum_side s;
	uint64_t round;
	char q[48];

	if (!*name || !*status)
		return ls_csvr_error(r, err, len, "a run without its %s",
				     *name ? "status" : "cell");
	if (strcmp(same, "same") && strcmp(same, "differs")) {
		ls_csvr_quote(same, q, sizeof(q));
		return ls_csvr_error(r, err, len, "column same: '%s' is neither same nor differs",
				     q);
	}
	if (ls_csvr_u64(r, k->round, UINT_MAX, &round, err, len) ||
	    side_of(r, ls_csvr_str(r, k->side), seen, &s, err, len))
		return -EINVAL;
	c = cell_of(x, name, !strcmp(same, "same"), ls_csvr_str(r, k->note));
	if (!c)
		return -ENOMEM;
	if (c->same != !strcmp(same, "same"))
		return ls_csvr_error(r, err, len, "cell %s is same in one row, differs in another",
				     name);
	if (!strcmp(status, "ok"))
		return add_run(r, k, c, s, round, err, len);
	return add_status(c, s, status);
}

int ls_xsum_read(struct ls_csvr *r, struct ls_xsum *x, char *err, size_t len)
{
	struct xsum_cols k;
	unsigned int seen = 0;
	int ret = find_cols(r, &k, err, len);

	while (!ret && (ret = ls_csvr_next(r, err, len)) > 0)
		ret = read_row(r, &k, x, &seen, err, len);
	if (ret == -ENOMEM)
		snprintf(err, len, "%s: out of memory", r->name);
	if (!ret && !x->nr_cells) {
		snprintf(err, len, "%s: no runs", r->name);
		ret = -EINVAL;
	}
	x->aa = seen & 2;
	return ret;
}

/* The ratio of n rounds from their log figures lk (the kernel's) and ll (lsbench's). */
static int ratio_of(const double *lk, const double *ll, size_t n, struct ls_xsum_ratio *r)
{
	int ret;

	*r = (struct ls_xsum_ratio){ .pairs = n, .ratio = NAN, .lo = NAN, .hi = NAN };
	if (n == 1)
		r->ratio = exp(ll[0] - lk[0]);
	if (n < 2)
		return 0;
	ret = ls_ttest_paired(lk, ll, n, &r->t);
	if (ret)
		return ret;
	ls_ttest_ci(&r->t, XSUM_LEVEL, &r->lo, &r->hi);
	r->ratio = exp(r->t.d);
	r->lo = exp(r->lo);
	r->hi = exp(r->hi);
	return 0;
}

/* The equivalence test of a same-thing ratio: within [1 / (1 + bound), 1 + bound]? */
static enum ls_xsum_verdict equivalence(const struct ls_xsum_ratio *r, double bound)
{
	if (!r->pairs)
		return LS_XSUM_FAILED;
	if (r->pairs < 2)
		return LS_XSUM_ONE_PAIR;
	/* the interval at XSUM_LEVEL is the two one-sided tests' at (1 - XSUM_LEVEL) / 2 */
	if (ls_ttest_equivalent(&r->t, bound, (1 - XSUM_LEVEL) / 2))
		return LS_XSUM_AGREES;
	if (r->hi < 1 / (1 + bound) || r->lo > 1 + bound)
		return LS_XSUM_DISAGREES;
	return LS_XSUM_INCONCLUSIVE;
}

/* The kernel refused its bench's programs, and lsbench ran or was refused too (the BPF LSM). */
static bool unsupported(const struct ls_xsum_cell *c)
{
	const char *k = c->side[LS_XSUM_KERNEL].why, *l = c->side[LS_XSUM_LSBENCH].why;

	return k && !strcmp(k, "unsupported") &&
	       (c->side[LS_XSUM_LSBENCH].n || (l && !strcmp(l, "unsupported")));
}

/* A pair's ratio over the rounds where both sides have a figure, and its verdict. */
static int judge_cell(struct ls_xsum_cell *c, double bound)
{
	const struct ls_xsum_side_runs *k = &c->side[LS_XSUM_KERNEL];
	double *lk = malloc((k->n + 1) * sizeof(*lk)), *ll = malloc((k->n + 1) * sizeof(*ll)), l;
	size_t i, n = 0;
	int ret;

	if (!lk || !ll) {
		free(lk);
		free(ll);
		return -ENOMEM;
	}
	for (i = 0; i < k->n; i++) {
		if (figure(c, LS_XSUM_LSBENCH, k->runs[i].round, &l)) {
			lk[n] = log(k->runs[i].ns);
			ll[n++] = log(l);
		}
	}
	ret = ratio_of(lk, ll, n, &c->r);
	free(lk);
	free(ll);
	if (!k->n || !c->side[LS_XSUM_LSBENCH].n)
		c->verdict = unsupported(c) ? LS_XSUM_UNSUPPORTED : LS_XSUM_FAILED;
	else
		c->verdict = c->same ? equivalence(&c->r, bound) : LS_XSUM_DIFFERS;
	return ret;
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return (x > y) - (x < y);
}

/* Every round any run gave a figure in, sorted, once each, into *rounds; their count or -ENOMEM. */
static long all_rounds(const struct ls_xsum *x, unsigned int **rounds)
{
	size_t i, j, n = 0, m = 0;
	int s;

	for (i = 0; i < x->nr_cells; i++)
		n += x->cells[i].side[LS_XSUM_KERNEL].n + x->cells[i].side[LS_XSUM_LSBENCH].n;
	*rounds = malloc((n + 1) * sizeof(**rounds));
	if (!*rounds)
		return -ENOMEM;
	for (i = 0; i < x->nr_cells; i++)
		for (s = 0; s < LS_XSUM_SIDES; s++)
			for (j = 0; j < x->cells[i].side[s].n; j++)
				(*rounds)[m++] = x->cells[i].side[s].runs[j].round;
	qsort(*rounds, m, sizeof(**rounds), cmp_uint);
	for (i = n = 0; i < m; i++) {
		if (!n || (*rounds)[n - 1] != (*rounds)[i])
			(*rounds)[n++] = (*rounds)[i];
	}
	return n;
}

/*
 * all-same: per round, the mean log figures of the same-thing pairs with both
 * sides there (their difference the mean of their log ratios); the ratio over
 * the rounds, judged as a pair's.
 */
static int judge_pooled(struct ls_xsum *x, double bound)
{
	unsigned int *rounds;
	long nr = all_rounds(x, &rounds);
	double *lk, *ll, k, l;
	size_t i, j, n = 0, cnt;
	int ret;

	if (nr < 0)
		return nr;
	lk = calloc(nr + 1, sizeof(*lk));
	ll = calloc(nr + 1, sizeof(*ll));
	for (i = 0; lk && ll && i < (size_t)nr; i++) {
		for (j = cnt = 0; j < x->nr_cells; j++) {
			const struct ls_xsum_cell *c = &x->cells[j];

			if (c->same && figure(c, LS_XSUM_KERNEL, rounds[i], &k) &&
			    figure(c, LS_XSUM_LSBENCH, rounds[i], &l)) {
				lk[n] += log(k);
				ll[n] += log(l);
				cnt++;
			}
		}
		if (cnt) {
			lk[n] /= cnt;
			ll[n++] /= cnt;
		}
	}
	ret = lk && ll ? ratio_of(lk, ll, n, &x->pooled) : -ENOMEM;
	x->pooled_verdict = equivalence(&x->pooled, bound);
	free(rounds);
	free(lk);
	free(ll);
	return ret;
}

int ls_xsum_judge(struct ls_xsum *x, double bound)
{
	size_t i;
	int ret = 0;

	x->nr_pooled = 0;
	for (i = 0; !ret && i < x->nr_cells; i++) {
		ret = judge_cell(&x->cells[i], bound);
		x->nr_pooled += x->cells[i].same && x->cells[i].verdict != LS_XSUM_UNSUPPORTED;
	}
	return ret ?: x->nr_pooled ? judge_pooled(x, bound) : 0;
}

void ls_xsum_free(struct ls_xsum *x)
{
	size_t i;
	int s;

	for (i = 0; i < x->nr_cells; i++) {
		free(x->cells[i].name);
		free(x->cells[i].note);
		for (s = 0; s < LS_XSUM_SIDES; s++) {
			free(x->cells[i].side[s].runs);
			free(x->cells[i].side[s].why);
		}
	}
	free(x->cells);
	memset(x, 0, sizeof(*x));
}
