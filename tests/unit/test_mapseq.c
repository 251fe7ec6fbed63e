// SPDX-License-Identifier: GPL-2.0
/*
 * The order of maps of a map-count cell (bpf/mapseq.h) against the kernel's
 * local-storage bench: a bpf_loop iteration i visits map i % nr_maps, and
 * int-get visits map 0 again when that map's index is a multiple of 3 (the
 * hook mode's triggers too, by the CPU's trigger count). And the extra
 * visits the runner's cross-check expects, against a count.
 */
#include <linux/types.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include "../../bpf/mapseq.h"

/* The kernel bench's visits of iterations from, from + 1, ... until n visits. */
static __u32 *kernel_visits(__u64 from, __u32 nr_maps, int interleave, size_t n)
{
	__u32 *v = malloc((n + 1) * sizeof(*v)), m;
	__u64 idx;
	size_t k = 0;

	for (idx = from; v && k < n; idx++) {
		m = idx % nr_maps;
		v[k++] = m;
		if (interleave && m % 3 == 0)
			v[k++] = 0;
	}
	return v;
}

/* lsbench's, as LS_MAPS_STEP runs them from iteration from on. */
static void our_visits(__u32 *v, size_t n, __u64 from, __u32 nr_maps, int interleave)
{
	__u32 idx = from, m;
	size_t k = 0;

	while (k < n) {
		m = ls_mapseq_map(idx++, nr_maps);
		v[k++] = m;
		if (interleave && ls_mapseq_extra(m) && k < n)
			v[k++] = 0;
	}
}

static void check(__u32 nr_maps, int interleave, __u64 from)
{
	size_t n = 3 * nr_maps + 3, i;
	__u32 *want = kernel_visits(from, nr_maps, interleave, n), *got = malloc(n * sizeof(*got));

	assert_non_null(want);
	assert_non_null(got);
	our_visits(got, n, from, nr_maps, interleave);
	for (i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
	free(want);
	free(got);
}

/* 1 to 40 maps from every start within two cycles, 17 and 1000 near a trigger's end. */
static void check_all(int interleave)
{
	__u32 n;
	__u64 from;

	for (n = 1; n <= 40; n++)
		for (from = 0; from < 2 * n; from++)
			check(n, interleave, from);
	check(17, interleave, 9990);
	check(1000, interleave, 9000);
}

static void seq_is_the_kernels(void **state)
{
	check_all(0);
}

static void interleaved_is_the_kernels(void **state)
{
	check_all(1);
}

/* The extra visits of the first s steps, against a count of them. */
static void extras_counted(void **state)
{
	__u32 n;
	__u64 s, count;

	for (n = 1; n <= 40; n++) {
		count = 0;
		for (s = 0; s <= 5 * n + 7; s++) {
			assert_int_equal(ls_mapseq_extras(s, n), count);
			count += ls_mapseq_extra(s % n);
		}
	}
	/* 10000 triggers of 10 000 steps on 17 maps: 6 extras in each cycle of 17 */
	assert_int_equal(ls_mapseq_extras(100000000ULL, 17), 100000000ULL / 17 * 6 + 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seq_is_the_kernels),
		cmocka_unit_test(interleaved_is_the_kernels),
		cmocka_unit_test(extras_counted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
