// SPDX-License-Identifier: GPL-2.0
/* The stall watchdog (watchdog.h). */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "watchdog.h"

#define STACK_LINES 12

static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t thread;
	bool running, stop;
	double stall_s, last_s;
	char step[64], cell[128];
} wd = { .lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER };

static double mono_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void ls_watchdog_beat(const char *step, const char *cell)
{
	if (!wd.running)
		return;
	pthread_mutex_lock(&wd.lock);
	wd.last_s = mono_s();
	snprintf(wd.step, sizeof(wd.step), "%s", step);
	if (cell)
		snprintf(wd.cell, sizeof(wd.cell), "%s", cell);
	pthread_mutex_unlock(&wd.lock);
}

/* The first line of /proc/self/task/<tid>/<name>, without its newline. */
static void task_line(const char *tid, const char *name, char *buf, size_t len)
{
	char path[300];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/task/%s/%s", tid, name);
	*buf = 0;
	f = fopen(path, "r");
	if (!f)
		return;
	if (fgets(buf, (int)len, f))
		buf[strcspn(buf, "\n")] = 0;
	fclose(f);
}

/* The state letter of a thread: the field after the command's closing parenthesis. */
static char task_state(const char *tid)
{
	char stat[512], *p;

	task_line(tid, "stat", stat, sizeof(stat));
	p = strrchr(stat, ')');
	return p && p[1] == ' ' && p[2] ? p[2] : '?';
}

static void dump_thread(const char *tid)
{
	char comm[64], wchan[128], line[256], path[300];
	int n = 0;
	FILE *f;

	task_line(tid, "comm", comm, sizeof(comm));
	task_line(tid, "wchan", wchan, sizeof(wchan));
	fprintf(stderr, "lsbench: stuck: thread %s (%s) state %c, waiting in %s\n", tid, comm,
		task_state(tid), *wchan && strcmp(wchan, "0") ? wchan : "-");
	snprintf(path, sizeof(path), "/proc/self/task/%s/stack", tid);
	f = fopen(path, "r");
	while (f && n++ < STACK_LINES && fgets(line, sizeof(line), f))
		fprintf(stderr, "lsbench: stuck:     %s", line);
	if (f)
		fclose(f);
}

static void dump_and_exit(void)
{
	struct dirent *e;
	char self[16];
	DIR *d;

	fprintf(stderr, "lsbench: stuck: no progress for %.0f s in step '%s' of %s; its threads:\n",
		wd.stall_s, wd.step, *wd.cell ? wd.cell : "the run");
	snprintf(self, sizeof(self), "%d", (int)syscall(SYS_gettid));
	d = opendir("/proc/self/task");
	while (d && (e = readdir(d))) {
		if (e->d_name[0] != '.' && strcmp(e->d_name, self))
			dump_thread(e->d_name);
	}
	if (d)
		closedir(d);
	fprintf(stderr, "lsbench: stuck in '%s' of %s: ended (status 1); the next run cleans up\n",
		wd.step, *wd.cell ? wd.cell : "the run");
	_exit(1);
}

static void *watch(void *arg)
{
	struct timespec ts;
	sigset_t all;

	(void)arg;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	pthread_mutex_lock(&wd.lock);
	while (!wd.stop) {
		if (mono_s() - wd.last_s >= wd.stall_s)
			dump_and_exit();
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&wd.cond, &wd.lock, &ts);
	}
	pthread_mutex_unlock(&wd.lock);
	return NULL;
}

int ls_watchdog_start(double stall_s)
{
	int err;

	if (stall_s <= 0 || wd.running)
		return 0;
	wd.stall_s = stall_s;
	wd.last_s = mono_s();
	wd.stop = false;
	snprintf(wd.step, sizeof(wd.step), "start");
	err = pthread_create(&wd.thread, NULL, watch, NULL);
	if (err)
		return -err;
	wd.running = true;
	return 0;
}

void ls_watchdog_stop(void)
{
	if (!wd.running)
		return;
	pthread_mutex_lock(&wd.lock);
	wd.stop = true;
	pthread_cond_signal(&wd.cond);
	pthread_mutex_unlock(&wd.lock);
	pthread_join(wd.thread, NULL);
	wd.running = false;
}
