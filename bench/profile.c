// SPDX-License-Identifier: GPL-2.0
/* --profile: a perf record per cell, reduced to its top kernel symbols. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "profile.h"

/* Runs argv with stdin, stdout and stderr on /dev/null; returns the child or -errno. */
static pid_t spawn_quiet(char *const argv[])
{
	pid_t pid = fork();
	int fd;

	if (pid < 0)
		return -errno;
	if (pid)
		return pid;
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
	}
	execvp(argv[0], argv);
	_exit(127);
}

bool ls_profile_available(void)
{
	char *argv[] = { "perf", "--version", NULL };
	pid_t pid = spawn_quiet(argv);
	int st;

	return pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && !WEXITSTATUS(st);
}

int ls_profile_start(struct ls_profile *p, const int *cpus, unsigned int n)
{
	char list[512] = "";
	char *argv[] = { "perf", "record", "-q", "-e",	  "cpu-clock", "-g",
			 "-C",	 list,	   "-o", p->data, NULL };
	size_t len = 0;
	unsigned int i;
	pid_t pid;

	for (i = 0; i < n && len < sizeof(list) - 16; i++)
		len += snprintf(list + len, sizeof(list) - len, "%s%d", i ? "," : "", cpus[i]);
	snprintf(p->data, sizeof(p->data), "/tmp/lsbench-perf-%d.data", (int)getpid());

	pid = spawn_quiet(argv);
	if (pid < 0)
		return pid;
	p->pid = pid;
	return 0;
}

/* Waits for pid up to 10 s, then kills it. */
static void reap(pid_t pid)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int i, st;

	for (i = 0; i < 1000; i++) {
		if (waitpid(pid, &st, WNOHANG) != 0)
			return;
		nanosleep(&ts, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

int ls_profile_parse(const char *text, struct ls_sym *syms, size_t max)
{
	const char *line = text;
	size_t n = 0;

	while (line && *line && n < max) {
		const char *eol = strchr(line, '\n');
		char name[sizeof(syms->name)];
		double pct;

		if (sscanf(line, " %lf%% [k] %127s", &pct, name) == 2) {
			syms[n].pct = pct;
			snprintf(syms[n].name, sizeof(syms[n].name), "%s", name);
			n++;
		}
		line = eol ? eol + 1 : NULL;
	}
	return n;
}

int ls_profile_stop(struct ls_profile *p, struct ls_sym *syms, size_t max)
{
	char cmd[256], old[80], *text = NULL;
	size_t cap = 0, len = 0, got;
	FILE *f;
	int n;

	if (!p->pid)
		return 0;
	kill(p->pid, SIGINT);
	reap(p->pid);
	p->pid = 0;
	snprintf(cmd, sizeof(cmd),
		 "perf report -i %s --stdio --no-children --sort sym -g none --percent-limit 0.1 "
		 "2>/dev/null",
		 p->data);
	f = popen(cmd, "r");
	while (f) {
		if (cap - len < 4096) {
			char *t = realloc(text, cap + 65536);

			if (!t)
				break;
			text = t;
			cap += 65536;
		}
		got = fread(text + len, 1, cap - len - 1, f);
		if (!got)
			break;
		len += got;
	}
	if (f)
		pclose(f);
	snprintf(old, sizeof(old), "%s.old", p->data);
	unlink(p->data);
	unlink(old);
	if (!text)
		return -ENOMEM;
	text[len] = 0;
	n = ls_profile_parse(text, syms, max);
	free(text);
	return n;
}
