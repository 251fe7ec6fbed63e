// SPDX-License-Identifier: GPL-2.0
/*
 * The order of maps of a map-count cell (bpf/mapseq.h) against the kernel's
 * local-storage bench: a bpf_loop iteration i visits map i % nr_maps, and
 * int-get visits map 0 again when that map's index is a multiple of 3 (the
 * hook mode's triggers too, by the CPU's trigger count). And the extra
 * visits and the visits of map 0 the runner's cross-check expects, against a
 * count and against the kernel's important_hits.
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

/* The kernel bench's important_hits after steps iterations: do_lookup counts elem == 0. */
static __u64 kernel_important_hits(__u64 steps, __u32 nr_maps, int interleave)
{
	__u64 idx, hits = 0;
	__u32 map_idx;

	for (idx = 0; idx < steps; idx++) {
		map_idx = idx % nr_maps;
		hits += map_idx == 0;
		if (interleave && map_idx % 3 == 0)
			hits++; /* do_lookup(0) */
	}
	return hits;
}

static void map0_visits_are_important_hits(void **state)
{
	__u32 n;
	__u64 s;
	int il;

	for (il = 0; il <= 1; il++) {
		for (n = 1; n <= 40; n++)
			for (s = 0; s <= 5 * n + 7; s++)
				assert_int_equal(ls_mapseq_map0(s, n, il),
						 kernel_important_hits(s, n, il));
		/* a trigger of the kernel's bench: 10 000 iterations */
		for (n = 1; n <= 1000; n += 33)
			assert_int_equal(ls_mapseq_map0(10000, n, il),
					 kernel_important_hits(10000, n, il));
	}
	/* 17 maps, 10 000 steps: 588 cycles and maps 0 to 3; 6 extras a cycle, 2 after */
	assert_int_equal(ls_mapseq_map0(10000, 17, 0), 589);
	assert_int_equal(ls_mapseq_map0(10000, 17, 1), 589 + 588 * 6 + 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seq_is_the_kernels),
		cmocka_unit_test(interleaved_is_the_kernels),
		cmocka_unit_test(extras_counted),
		cmocka_unit_test(map0_visits_are_important_hits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
