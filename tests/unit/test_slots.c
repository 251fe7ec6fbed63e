// SPDX-License-Identifier: GPL-2.0
/*
 * When a map-count cell's maps hold the cache slots they would hold alone
 * (bench/slots.h): map i shares a slot with map j exactly when i and j are
 * equal modulo 16, whichever slots those are.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "slots.h"

static void layout(const int *slots, unsigned int n, bool alone, unsigned int distinct)
{
	unsigned int d = 99;

	assert_int_equal(ls_slots_as_alone(slots, n, &d), alone);
	assert_int_equal(d, distinct);
}

/* Made on a clean cache: map i in slot i % 16. */
static void clean_cache(void **state)
{
	int s[40];
	unsigned int i;

	(void)state;
	for (i = 0; i < 40; i++)
		s[i] = i % 16;
	layout(s, 1, true, 1);
	layout(s, 15, true, 15);
	layout(s, 16, true, 16);
	layout(s, 17, true, 16);
	layout(s, 40, true, 16);
}

/* A map elsewhere holds slot 0: the cell's start at 1, map 15 takes 0; still as alone. */
static void shifted(void **state)
{
	int s[17] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1 };

	(void)state;
	layout(s, 16, true, 16);
	layout(s, 17, true, 16);
}

/* A map elsewhere holds slot 15: map 15 goes with map 0. */
static void hogged(void **state)
{
	int s[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0 };

	(void)state;
	layout(s, 15, true, 15);
	layout(s, 16, false, 15);
}

/* Past 16, map 16 must go with map 0 and no other. */
static void wrong_partner(void **state)
{
	int s[17] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 5 };

	(void)state;
	layout(s, 17, false, 16);
}

/* A map the iterator did not see, or a slot out of range, is not as alone. */
static void unseen(void **state)
{
	int a[2] = { 0, -1 }, b[2] = { 0, 16 };

	(void)state;
	layout(a, 2, false, 2);
	layout(b, 2, false, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean_cache), cmocka_unit_test(shifted),
		cmocka_unit_test(hogged),      cmocka_unit_test(wrong_partner),
		cmocka_unit_test(unseen),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
