// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "profile.h"

/* perf report --stdio: comments, user-space and unresolved symbols are skipped. */
static void kernel_symbols_in_order(void **state)
{
	static const char text[] = "# Samples: 4K of event 'cpu-clock'\n"
				   "#\n"
				   "    31.50%  [k] bpf_local_storage_lookup\n"
				   "    12.02%  [k] pvm_irq_enable\n"
				   "     2.36%  [.] __memset_avx512_unaligned_erms\n"
				   "     2.04%  [.] 0x00000000007d8678\n"
				   "     1.10%  [k] __x64_sys_getpgid\n"
				   "\n";
	struct ls_sym syms[LS_PROFILE_TOP];

	assert_int_equal(ls_profile_parse(text, syms, LS_PROFILE_TOP), 3);
	assert_string_equal(syms[0].name, "bpf_local_storage_lookup");
	assert_float_equal(syms[0].pct, 31.5, 1e-9);
	assert_string_equal(syms[1].name, "pvm_irq_enable");
	assert_string_equal(syms[2].name, "__x64_sys_getpgid");
	assert_float_equal(syms[2].pct, 1.1, 1e-9);
	(void)state;
}

static void at_most_max(void **state)
{
	static const char text[] = " 50.00%  [k] a\n 30.00%  [k] b\n 20.00%  [k] c";
	struct ls_sym syms[2];

	assert_int_equal(ls_profile_parse(text, syms, 2), 2);
	assert_string_equal(syms[1].name, "b");
	assert_int_equal(ls_profile_parse("", syms, 2), 0);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kernel_symbols_in_order),
		cmocka_unit_test(at_most_max),
	};

	return cmocka_run_group_tests_name("profile", tests, NULL, NULL);
}
