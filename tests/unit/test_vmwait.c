// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench vm's wait for a booting guest (vm/qemu.c ls_vm_child_wait()): a
 * guest not yet at its init is killed when its console goes silent for the
 * boot limit, or at the ceiling (BOOT_CEILING_X limits) however much it
 * prints; never for the boot's total time alone. Fake consoles are shell
 * loops, with the limit shortened through LSBENCH_VM_BOOT_LIMIT_S.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>
#include "vm-int.h"

#define LIMIT "1" /* seconds of silence */

static char booted[64];
static char capture[65536];

/* Runs script under sh as a guest whose init would create booted; returns the wait's end. */
static enum wait_end run(const char *script, int *status)
{
	char *argv[] = { "sh", "-c", (char *)script, "sh", booted, NULL };
	enum wait_end end;
	int pipefd[2];
	pid_t pid;

	capture[0] = 0;
	assert_int_equal(pipe(pipefd), 0);
	pid = ls_vm_spawn(argv, pipefd[1]);
	close(pipefd[1]);
	assert_true(pid > 0);
	end = ls_vm_child_wait(pid, pipefd[0], NULL, capture, sizeof(capture), MAX_TIMEOUT_S,
			       booted, status);
	close(pipefd[0]);
	return end;
}

static unsigned int lines(void)
{
	unsigned int n = 0;
	const char *p;

	for (p = capture; (p = strchr(p, '\n')); p++)
		n++;
	return n;
}

/* A console that prints every 0.1 s for 3 limits: a slow boot, not a hung one. */
static void test_slow_boot_lives(void **state)
{
	double t0 = ls_vm_now_s();
	int status;

	(void)state;
	assert_int_equal(run("i=0; while [ $i -lt 30 ]; do echo booting $i; sleep 0.1; "
			     "i=$((i + 1)); done",
			     &status),
			 WAIT_EXITED);
	assert_true(WIFEXITED(status) && !WEXITSTATUS(status));
	assert_int_equal(lines(), 30);
	/* longer than the limit in total: a limit of total time would have killed it */
	assert_true(ls_vm_now_s() - t0 > ls_vm_boot_limit_s());
}

/* A console silent for the limit: hung, killed. */
static void test_silent_boot_killed(void **state)
{
	int status;

	(void)state;
	assert_int_equal(run("echo booting; sleep 60", &status), WAIT_NO_BOOT);
	assert_int_equal(lines(), 1);
}

/* A console that prints forever without reaching init: killed at the ceiling. */
static void test_endless_boot_ceiling(void **state)
{
	double t0 = ls_vm_now_s();
	int status;

	(void)state;
	assert_int_equal(run("while :; do echo booting; sleep 0.1; done", &status),
			 WAIT_BOOT_CEILING);
	assert_true(ls_vm_now_s() - t0 >= ls_vm_boot_limit_s() * BOOT_CEILING_X);
}

/* A guest at its init may be silent for longer than the limit. */
static void test_booted_silence_lives(void **state)
{
	int status;

	(void)state;
	assert_int_equal(run("touch \"$1\"; sleep 2; echo done", &status), WAIT_EXITED);
	assert_true(WIFEXITED(status) && !WEXITSTATUS(status));
	assert_int_equal(lines(), 1);
}

/* The limit's override: a positive number of seconds, else BOOT_LIMIT_S. */
static void test_limit_env(void **state)
{
	static const char *const bad[] = { "", "abc", "0", "-1", "2s", "1e9" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		setenv("LSBENCH_VM_BOOT_LIMIT_S", bad[i], 1);
		assert_true(ls_vm_boot_limit_s() == BOOT_LIMIT_S);
	}
	setenv("LSBENCH_VM_BOOT_LIMIT_S", "2.5", 1);
	assert_true(ls_vm_boot_limit_s() == 2.5);
	unsetenv("LSBENCH_VM_BOOT_LIMIT_S");
	assert_true(ls_vm_boot_limit_s() == BOOT_LIMIT_S);
	setenv("LSBENCH_VM_BOOT_LIMIT_S", LIMIT, 1);
}

static int setup(void **state)
{
	(void)state;
	snprintf(booted, sizeof(booted), "/tmp/lsbench-vmwait-%d", (int)getpid());
	unlink(booted);
	return setenv("LSBENCH_VM_BOOT_LIMIT_S", LIMIT, 1);
}

static int teardown(void **state)
{
	(void)state;
	unlink(booted);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limit_env),
		cmocka_unit_test_setup_teardown(test_slow_boot_lives, setup, teardown),
		cmocka_unit_test_setup_teardown(test_silent_boot_killed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_endless_boot_ceiling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_booted_silence_lives, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
