// SPDX-License-Identifier: GPL-2.0
/*
 * The order of maps of a map-count cell (bpf/mapseq.h) against the kernel's
 * local-storage bench: seq-get visits index % nr_maps; int-get after each
 * such visit of a map whose index is a multiple of 3 visits map 0 again.
 */
#include <linux/types.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include "../../bpf/mapseq.h"

/* The kernel bench's visits, over enough loop indices for n operations. */
static __u32 *kernel_order(__u32 nr_maps, int interleave, size_t n)
{
	__u32 *v = malloc((n + 1) * sizeof(*v)), idx, m;
	size_t k = 0;

	for (idx = 0; v && k < n; idx++) {
		m = idx % nr_maps;
		v[k++] = m;
		if (interleave && m % 3 == 0)
			v[k++] = 0;
	}
	return v;
}

/* From every start within two cycles, a cycle of ours equals the kernel's from there. */
static void check(__u32 nr_maps, int interleave)
{
	size_t cycle = nr_maps + (interleave ? (nr_maps + 2) / 3 : 0), start, i;
	__u32 *want = kernel_order(nr_maps, interleave, 3 * cycle);
	struct ls_mapseq s;

	assert_non_null(want);
	for (start = 0; start < 2 * cycle; start++) {
		ls_mapseq_at(&s, start, nr_maps, interleave);
		for (i = 0; i < cycle; i++)
			assert_int_equal(ls_mapseq_next(&s, nr_maps, interleave), want[start + i]);
	}
	free(want);
}

static void seq_is_the_kernels(void **state)
{
	__u32 n;

	for (n = 1; n <= 40; n++)
		check(n, 0);
	check(1000, 0);
}

static void interleaved_is_the_kernels(void **state)
{
	__u32 n;

	for (n = 1; n <= 40; n++)
		check(n, 1);
	check(1000, 1);
}

/* A start far past the first cycle, as a trigger count times 10 000 gives. */
static void far_starts(void **state)
{
	const __u64 ops = 123456789ULL * 10000;
	__u32 *want = kernel_order(17, 1, 2 * 23);
	struct ls_mapseq s;
	size_t i;

	/* 17 maps, interleaved: 17 + 6 = 23 operations a cycle */
	ls_mapseq_at(&s, ops, 17, 1);
	for (i = 0; i < 23; i++)
		assert_int_equal(ls_mapseq_next(&s, 17, 1), want[ops % 23 + i]);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seq_is_the_kernels),
		cmocka_unit_test(interleaved_is_the_kernels),
		cmocka_unit_test(far_starts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
