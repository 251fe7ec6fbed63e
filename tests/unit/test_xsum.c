// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench crosscheck-summary (analysis/xsum.c) on fixtures of rounds: an
 * interval inside the bound, across it and outside it; one pair; a run whose
 * maps shared cache slots left out; pairs that differ by design; refused
 * benches; failed sides; A/A; the pooled row; crosscheck.csv as written; and
 * what it refuses. The expected intervals are Student's t's from tables:
 * 4.302653 on 2 degrees of freedom, 3.182446 on 3.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "csv.h"
#include "csvread.h"
#include "xsum.h"

#define HEADER "cell,round,side,ns_per_op,status,same,note\n"
/* The machine's speed moves 2x between rounds; the paired ratios are 1.01 1.02 1.00 1.01. */
#define SEQ16                                                                                      \
	"seq-get-16,1,kernel,20.0,ok,same,n1\n"                                                    \
	"seq-get-16,1,lsbench,20.2,ok,same,n1\n"                                                   \
	"seq-get-16,2,lsbench,30.6,ok,same,n1\n"                                                   \
	"seq-get-16,2,kernel,30.0,ok,same,n1\n"                                                    \
	"seq-get-16,3,kernel,15.0,ok,same,n1\n"                                                    \
	"seq-get-16,3,lsbench,15.0,ok,same,n1\n"                                                   \
	"seq-get-16,4,lsbench,25.25,ok,same,n1\n"                                                  \
	"seq-get-16,4,kernel,25.0,ok,same,n1\n"
/* ratios 1.50 1.52 1.48: wholly above 1.05 */
#define INT1                                                                                       \
	"int-get-1,1,kernel,10.0,ok,same,n5\n"                                                     \
	"int-get-1,1,lsbench,15.0,ok,same,n5\n"                                                    \
	"int-get-1,2,kernel,12.0,ok,same,n5\n"                                                     \
	"int-get-1,2,lsbench,18.24,ok,same,n5\n"                                                   \
	"int-get-1,3,kernel,11.0,ok,same,n5\n"                                                     \
	"int-get-1,3,lsbench,16.28,ok,same,n5\n"
/* one pair: round 2's kernel run failed */
#define SEQ1                                                                                       \
	"seq-get-1,1,kernel,10.0,ok,same,n4\n"                                                     \
	"seq-get-1,1,lsbench,10.2,ok,same,n4\n"                                                    \
	"seq-get-1,2,kernel,-,failed,same,n4\n"                                                    \
	"seq-get-1,2,lsbench,10.2,ok,same,n4\n"
/* seq-get-16's first three rounds, and a fourth whose kernel run's maps shared cache slots */
#define SEQ17                                                                                      \
	"seq-get-17,1,kernel,20.0,ok,same,n6\n"                                                    \
	"seq-get-17,1,lsbench,20.2,ok,same,n6\n"                                                   \
	"seq-get-17,2,kernel,30.0,ok,same,n6\n"                                                    \
	"seq-get-17,2,lsbench,30.6,ok,same,n6\n"                                                   \
	"seq-get-17,3,lsbench,15.0,ok,same,n6\n"                                                   \
	"seq-get-17,3,kernel,15.0,ok,same,n6\n"                                                    \
	"seq-get-17,4,kernel,40.0,shared-slots,same,n6\n"                                          \
	"seq-get-17,4,lsbench,20.0,ok,same,n6\n"
/* differs by design; its note quoted as CSV quotes it */
#define INT16                                                                                      \
	"int-get-16,1,kernel,10.0,ok,differs,\"a \"\"quoted\"\" note, with a comma\"\n"            \
	"int-get-16,1,lsbench,20.0,ok,differs,\"a \"\"quoted\"\" note, with a comma\"\n"
/* the kernel refused its bench; lsbench ran */
#define SOCKET                                                                                     \
	"create-socket,1,kernel,-,unsupported,differs,n3\n"                                        \
	"create-socket,1,lsbench,900.0,ok,differs,n3\n"
/* a same-thing pair refused on both sides (a hook the kernel does not take) */
#define SOCKET_LSM                                                                                 \
	"create-socket-lsm,1,kernel,-,unsupported,same,n7\n"                                       \
	"create-socket-lsm,1,lsbench,-,unsupported,same,n7\n"

/* Reads text into x: ls_xsum_read's return, err with its error. */
static int read_str(const char *text, struct ls_xsum *x, char *err, size_t len)
{
	struct ls_csvr r;
	int ret;

	memset(x, 0, sizeof(*x));
	ret = ls_csvr_open_mem(&r, "t.csv", text, strlen(text), err, len);
	if (ret)
		return ret;
	ret = ls_xsum_read(&r, x, err, len);
	ls_csvr_close(&r);
	return ret;
}

/* Reads and judges text at bound; fails the test on bad input. */
static void judged(const char *text, double bound, struct ls_xsum *x)
{
	char err[256] = "";

	if (read_str(text, x, err, sizeof(err)))
		fail_msg("%s", err);
	assert_int_equal(ls_xsum_judge(x, bound), 0);
}

static const struct ls_xsum_cell *cell(const struct ls_xsum *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->nr_cells; i++) {
		if (!strcmp(x->cells[i].name, name))
			return &x->cells[i];
	}
	fail_msg("no cell %s", name);
	return NULL;
}

static void ratio_is(const struct ls_xsum_ratio *r, size_t pairs, double ratio, double lo,
		     double hi)
{
	assert_int_equal(r->pairs, pairs);
	assert_float_equal(r->ratio, ratio, 5e-5);
	if (isnan(lo)) {
		assert_true(isnan(r->lo) && isnan(r->hi));
		return;
	}
	assert_float_equal(r->lo, lo, 5e-6);
	assert_float_equal(r->hi, hi, 5e-6);
}

/* Paired rounds cancel the machine's drift: the interval lies within 5%. */
static void inside_agrees(void **state)
{
	struct ls_xsum x;
	const struct ls_xsum_cell *c;

	judged(HEADER SEQ16, 0.05, &x);
	c = cell(&x, "seq-get-16");
	ratio_is(&c->r, 4, 1.0100, 0.997066, 1.023052);
	assert_int_equal(c->verdict, LS_XSUM_AGREES);
	assert_int_equal(ls_xsum_status(&x), 0);
	ls_xsum_free(&x);
}

/* The same interval across a bound of 0.5% is inconclusive, not agreement: exit status 3. */
static void across_inconclusive(void **state)
{
	struct ls_xsum x;

	judged(HEADER SEQ16, 0.005, &x);
	assert_int_equal(cell(&x, "seq-get-16")->verdict, LS_XSUM_INCONCLUSIVE);
	assert_string_equal(ls_xsum_verdict_name(LS_XSUM_INCONCLUSIVE), "inconclusive");
	assert_int_equal(ls_xsum_status(&x), 3);
	ls_xsum_free(&x);
}

/* An interval wholly outside the bound disagrees, and the exit status is 1. */
static void outside_disagrees(void **state)
{
	struct ls_xsum x;
	const struct ls_xsum_cell *c;

	judged(HEADER INT1 SEQ16, 0.05, &x);
	c = cell(&x, "int-get-1");
	ratio_is(&c->r, 3, 1.4999, 1.451042, 1.550426);
	assert_int_equal(c->verdict, LS_XSUM_DISAGREES);
	assert_string_equal(ls_xsum_verdict_name(c->verdict), "DISAGREES");
	assert_int_equal(ls_xsum_status(&x), 1);
	ls_xsum_free(&x);
}

/* One pair gives a ratio and no interval: inconclusive. */
static void one_pair(void **state)
{
	struct ls_xsum x;
	const struct ls_xsum_cell *c;

	judged(HEADER SEQ1, 0.05, &x);
	c = cell(&x, "seq-get-1");
	ratio_is(&c->r, 1, 1.02, NAN, NAN);
	assert_int_equal(c->verdict, LS_XSUM_ONE_PAIR);
	assert_string_equal(c->side[LS_XSUM_KERNEL].why, "failed");
	assert_int_equal(ls_xsum_status(&x), 3);
	ls_xsum_free(&x);
}

/* A kernel run whose maps shared cache slots gives its round no pair, and is counted. */
static void shared_slots_left_out(void **state)
{
	struct ls_xsum x;
	const struct ls_xsum_cell *c;

	judged(HEADER SEQ17, 0.05, &x);
	c = cell(&x, "seq-get-17");
	ratio_is(&c->r, 3, 1.0100, 0.985429, 1.035116);
	assert_int_equal(c->shared_slot_runs, 1);
	assert_int_equal(c->side[LS_XSUM_KERNEL].n, 3);
	assert_int_equal(c->verdict, LS_XSUM_AGREES);
	ls_xsum_free(&x);
}

/* Pairs that differ by design are reported, not judged nor pooled, whatever their ratio. */
static void differs_reported(void **state)
{
	struct ls_xsum x;
	const struct ls_xsum_cell *c;

	judged(HEADER INT16 SEQ16, 0.05, &x);
	c = cell(&x, "int-get-16");
	ratio_is(&c->r, 1, 2.0, NAN, NAN);
	assert_int_equal(c->verdict, LS_XSUM_DIFFERS);
	assert_string_equal(c->note, "a \"quoted\" note, with a comma");
	assert_int_equal(x.nr_pooled, 1);
	ratio_is(&x.pooled, 4, 1.0100, 0.997066, 1.023052);
	assert_int_equal(ls_xsum_status(&x), 0);
	ls_xsum_free(&x);
}

/* A refused bench is unsupported, on one side or both; neither fails, nor is pooled. */
static void refused_unsupported(void **state)
{
	struct ls_xsum x;

	judged(HEADER SOCKET SOCKET_LSM SEQ16, 0.05, &x);
	assert_int_equal(cell(&x, "create-socket")->verdict, LS_XSUM_UNSUPPORTED);
	assert_int_equal(cell(&x, "create-socket-lsm")->verdict, LS_XSUM_UNSUPPORTED);
	assert_int_equal(x.nr_pooled, 1);
	assert_int_equal(ls_xsum_status(&x), 0);
	ls_xsum_free(&x);
}

/* A side without a figure fails the pair, as do figures in no common round: exit status 1. */
static void failed_sides(void **state)
{
	struct ls_xsum x;
	const struct ls_xsum_cell *c;

	judged(HEADER "a,1,kernel,-,failed,same,n\na,1,lsbench,5,ok,same,n\n"
		      "b,1,kernel,5,ok,same,n\nb,2,lsbench,5,ok,same,n\n",
	       0.05, &x);
	assert_int_equal(cell(&x, "a")->verdict, LS_XSUM_FAILED);
	c = cell(&x, "b");
	assert_int_equal(c->verdict, LS_XSUM_FAILED);
	assert_int_equal(c->r.pairs, 0);
	assert_true(isnan(c->r.ratio));
	/* b's runs are in two rounds, a pair in neither: the pooled row has no pair either */
	assert_int_equal(x.nr_pooled, 2);
	assert_int_equal(x.pooled_verdict, LS_XSUM_FAILED);
	assert_int_equal(ls_xsum_status(&x), 1);
	ls_xsum_free(&x);
}

/* text with every side lsbench made again (A/A: the kernel's bench in lsbench's place), a copy. */
static char *as_again(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;
	const char *p;

	assert_non_null(out);
	while ((p = strstr(text, ",lsbench,"))) {
		memcpy(o, text, p - text);
		o += p - text;
		memcpy(o, ",again,", 7);
		o += 7;
		text = p + 9;
	}
	strcpy(o, text);
	return out;
}

/* The A/A rounds (side again) are judged as lsbench's, and the header says again. */
static void aa_again(void **state)
{
	struct ls_xsum x, y;
	struct ls_buf a = {}, b = {};
	char *text = as_again(HEADER SEQ16 INT1);

	judged(text, 0.05, &x);
	judged(HEADER SEQ16 INT1, 0.05, &y);
	assert_true(x.aa);
	assert_false(y.aa);
	ls_xsum_csv(&x, &a);
	ls_xsum_csv(&y, &b);
	*strchr(a.data, '\n') = 0;
	assert_string_equal(a.data, "cell,kernel_ns_median,again_ns_median,ratio,ratio_ci_lo,"
				    "ratio_ci_hi,pairs,kernel_spread,again_spread,verdict,"
				    "shared_slot_runs,note");
	assert_string_equal(a.data + strlen(a.data) + 1, strchr(b.data, '\n') + 1);
	assert_int_equal(ls_xsum_status(&x), ls_xsum_status(&y));
	ls_buf_free(&a);
	ls_buf_free(&b);
	ls_xsum_free(&x);
	ls_xsum_free(&y);
	free(text);
}

/*
 * all-same: per round the mean log ratio of the same-thing pairs there: (1.01
 * 1.50 1.02 1.01), (1.02 1.52 1.02), (1.00 1.48 1.00), (1.01); the refused
 * pair is not among them.
 */
static void pooled_round_by_round(void **state)
{
	struct ls_xsum x;

	judged(HEADER SEQ16 INT1 INT16 SOCKET SEQ1 SEQ17 SOCKET_LSM, 0.05, &x);
	assert_int_equal(x.nr_pooled, 4);
	ratio_is(&x.pooled, 4, 1.1065, 1.000716, 1.223397);
	assert_int_equal(x.pooled_verdict, LS_XSUM_INCONCLUSIVE);
	ls_xsum_free(&x);
}

/* crosscheck.csv as crosscheck.sh and plot.sh read it: empty fields where nothing is known. */
static void csv_written(void **state)
{
	struct ls_xsum x;
	struct ls_buf b = {};

	judged(HEADER SEQ1 INT16 SOCKET, 0.05, &x);
	ls_xsum_csv(&x, &b);
	assert_string_equal(
		b.data,
		"cell,kernel_ns_median,lsbench_ns_median,ratio,ratio_ci_lo,ratio_ci_hi,pairs,"
		"kernel_spread,lsbench_spread,verdict,shared_slot_runs,note\n"
		"seq-get-1,10.000,10.200,1.0200,,,1,,0.0000,inconclusive (one pair),0,\"n4\"\n"
		"int-get-16,10.000,20.000,2.0000,,,1,,,differs,0,"
		"\"a \"\"quoted\"\" note, with a comma\"\n"
		"create-socket,,900.000,,,,0,,,unsupported,0,\"n3\"\n"
		"all-same,,,1.0200,,,1,,,inconclusive (one pair),,\"the 1 cells that measure the "
		"same thing pooled: per round the mean of their log ratios\"\n");
	ls_buf_free(&b);
	ls_xsum_free(&x);
}

/* Bad input: -EINVAL and one line that says where and what. */
static void refused(void **state)
{
	static const struct {
		const char *text, *err;
	} cases[] = {
		{ "cell,round,side,ns_per_op,status,same\nc,1,kernel,1,ok,same\n",
		  "t.csv:1: no column 'note' in the header" },
		{ HEADER, "t.csv: no runs" },
		{ HEADER "c,1,bench,1,ok,same,n\n",
		  "t.csv:2: column side: 'bench' is not kernel, lsbench or again" },
		{ HEADER "c,1,lsbench,1,ok,same,n\nc,2,again,1,ok,same,n\n",
		  "t.csv:3: sides lsbench and again in one file" },
		{ HEADER "c,1,kernel,-,ok,same,n\n",
		  "t.csv:2: column ns_per_op: '-' is not a finite number" },
		{ HEADER "c,1,kernel,0,ok,same,n\n",
		  "t.csv:2: column ns_per_op: an ok run's figure must be above 0" },
		{ HEADER "c,1,kernel,1,ok,same,n\nc,1,kernel,2,ok,same,n\n",
		  "t.csv:3: a second ok run of c's kernel side in round 1" },
		{ HEADER "c,x,kernel,1,ok,same,n\n",
		  "t.csv:2: column round: 'x' is not an unsigned number" },
		{ HEADER "c,1,kernel,1,ok,maybe,n\n",
		  "t.csv:2: column same: 'maybe' is neither same nor differs" },
		{ HEADER "c,1,kernel,1,ok,same,n\nc,1,lsbench,1,ok,differs,n\n",
		  "t.csv:3: cell c is same in one row, differs in another" },
		{ HEADER "c,1,kernel,1,,same,n\n", "t.csv:2: a run without its status" },
		{ HEADER "c,1,kernel,1,ok,same,n\nc,1,lsbench,1,ok,same", "t.csv:3: " },
	};
	struct ls_xsum x;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err[0] = 0;
		assert_int_equal(read_str(cases[i].text, &x, err, sizeof(err)), -EINVAL);
		if (strncmp(err, cases[i].err, strlen(cases[i].err)) || strchr(err, '\n'))
			fail_msg("case %zu: got '%s', want '%s'", i, err, cases[i].err);
		ls_xsum_free(&x);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inside_agrees),
		cmocka_unit_test(across_inconclusive),
		cmocka_unit_test(outside_disagrees),
		cmocka_unit_test(one_pair),
		cmocka_unit_test(shared_slots_left_out),
		cmocka_unit_test(differs_reported),
		cmocka_unit_test(refused_unsupported),
		cmocka_unit_test(failed_sides),
		cmocka_unit_test(aa_again),
		cmocka_unit_test(pooled_round_by_round),
		cmocka_unit_test(csv_written),
		cmocka_unit_test(refused),
	};

	return cmocka_run_group_tests_name("xsum", tests, NULL, NULL);
}
