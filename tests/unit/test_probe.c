// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "probe.h"

#define SECTIONS 100 /* more than any fixed cache of a few dozen would hold */

static unsigned int probes;

/* A probe that answers section i with -i and names it, counting its calls. */
static int fake_probe(const void *arg, char *why, size_t len)
{
	int i = *(const int *)arg;

	probes++;
	snprintf(why, len, "section %d", i);
	return -i;
}

/* A section's name: long, and alike in its first 200 characters for every i. */
static void section(char *buf, size_t len, int i)
{
	snprintf(buf, len, "tp_btf/%0200d/%d", 0, i);
}

/*
 * Every section is probed once and its answer kept for the run, however many
 * are asked about: asked again, in any order, each gets its own answer back
 * without a second probe.
 */
static void every_section_probed_once(void **state)
{
	char name[256], why[64];
	int i, pass;

	for (pass = 0; pass < 3; pass++) {
		for (i = 0; i < SECTIONS; i++) {
			int k = pass == 1 ? SECTIONS - 1 - i : i;

			section(name, sizeof(name), k);
			*why = 0;
			assert_int_equal(ls_probe_once(name, fake_probe, &k, why, sizeof(why)), -k);
			assert_int_equal(strncmp(why, "section ", 8), 0);
			assert_int_equal(atoi(why + 8), k);
		}
		assert_int_equal(probes, SECTIONS);
	}
}

/* A cached answer is cut to the caller's buffer like a fresh one. */
static void answer_fits_the_buffer(void **state)
{
	char why[4] = "xyz";
	int k = 7;

	assert_int_equal(ls_probe_once("lsm/file_open", fake_probe, &k, why, sizeof(why)), -7);
	assert_string_equal(why, "sec");
	assert_int_equal(ls_probe_once("lsm/file_open", fake_probe, &k, why, sizeof(why)), -7);
	assert_string_equal(why, "sec");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_section_probed_once),
		cmocka_unit_test(answer_fits_the_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
