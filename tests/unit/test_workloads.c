// SPDX-License-Identifier: GPL-2.0
/*
 * The bulk generators stop on the runner's interrupt (ls_workloads_stop_on):
 * with the flag set they make nothing more, fail with EINTR and say so, and
 * leave no thread or file behind; with it clear they make every owner.
 */
#include <dirent.h>
#include <limits.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "workloads.h"

static volatile sig_atomic_t flag;

/* Entries in a folder, . and .. aside; -1 when it cannot be read. */
static int entries(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void test_threads_made_unless_stopped(void **state)
{
	int before = entries("/proc/self/task");
	struct ls_threads t;
	char err[128] = "";

	(void)state;
	flag = SIGINT;
	ls_workloads_stop_on(&flag);
	assert_true(ls_workloads_stopped());
	assert_int_equal(ls_threads_create(&t, 8, err, sizeof(err)), -EINTR);
	assert_string_equal(err, "interrupted after 0 of 8 threads");
	assert_int_equal(t.n, 0);
	assert_int_equal(entries("/proc/self/task"), before);

	flag = 0;
	assert_int_equal(ls_threads_create(&t, 8, err, sizeof(err)), 0);
	assert_int_equal(t.n, 8);
	assert_int_equal(t.ready, 8);
	ls_threads_destroy(&t);
	ls_workloads_stop_on(NULL);
	assert_false(ls_workloads_stopped());
}

/* n files made in a fresh folder with the flag at stop; the folder is gone after. */
static int files_made(unsigned int n, sig_atomic_t stop, char *err, size_t len)
{
	struct ls_files f;
	char dir[sizeof(f.dir)];
	int ret, made;

	flag = stop;
	assert_int_equal(ls_files_init(&f, err, len), 0);
	ret = ls_files_populate(&f, n, false, NULL, NULL, err, len);
	made = entries(f.dir);
	snprintf(dir, sizeof(dir), "%s", f.dir);
	ls_files_destroy(&f);
	assert_int_equal(entries(dir), -1);
	return ret ? ret : made;
}

static void test_files_made_unless_stopped(void **state)
{
	char err[128] = "";

	(void)state;
	ls_workloads_stop_on(&flag);
	assert_int_equal(files_made(4, 0, err, sizeof(err)), 4);
	assert_int_equal(files_made(4, SIGTERM, err, sizeof(err)), -EINTR);
	assert_string_equal(err, "interrupted after 0 of 4 files");
	ls_workloads_stop_on(NULL);
}

/*
 * A cgroup that a process is still leaving when it is destroyed (here: one
 * that exits 200 ms later) is removed once empty, not left behind with EBUSY.
 */
static void test_cgroup_removed_once_empty(void **state)
{
	char err[256] = "", path[PATH_MAX + 32], dir[PATH_MAX];
	struct ls_cgroup cg;
	int ready[2];
	pid_t pid;
	char c;
	FILE *f;

	if (ls_cgroup_create(&cg, "rmtest", err, sizeof(err)))
		skip();
	snprintf(dir, sizeof(dir), "%s", cg.path);
	snprintf(path, sizeof(path), "%s/cgroup.procs", cg.path);
	assert_int_equal(pipe(ready), 0);
	signal(SIGCHLD, SIG_IGN); /* reaped at once: no zombie holds the cgroup */
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		f = fopen(path, "w");
		if (!f || fprintf(f, "0\n") < 0 || fclose(f))
			_exit(1);
		if (write(ready[1], "x", 1) != 1)
			_exit(1);
		usleep(200 * 1000);
		_exit(0);
	}
	assert_int_equal(read(ready[0], &c, 1), 1);
	ls_cgroup_destroy(&cg);
	signal(SIGCHLD, SIG_DFL);
	close(ready[0]);
	close(ready[1]);
	assert_int_equal(access(dir, F_OK), -1);
	assert_int_equal(errno, ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_made_unless_stopped),
		cmocka_unit_test(test_files_made_unless_stopped),
		cmocka_unit_test(test_cgroup_removed_once_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
