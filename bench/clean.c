// SPDX-License-Identifier: GPL-2.0
/*
 * What runs that died (SIGKILL) left behind: found by the pid in its name,
 * removed only when that pid is gone or is a process started after the
 * thing was made (the pid taken again).
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include "clean.h"
#include "cli.h"
#include "csv.h"
#include "paths.h"

/* Clock slack between a process's start time and a file time it made, in seconds. */
#define START_SLACK_S 2

int ls_proc_start(pid_t pid, unsigned long long *ticks)
{
	char path[64], buf[1024], *p;
	size_t n;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	p = strrchr(buf, ')'); /* comm may hold spaces and parentheses */
	/* fields from 3 (state) on; starttime is field 22 */
	for (i = 3; p && i <= 22; i++)
		p = strchr(p + 1, ' ');
	if (!p || sscanf(p, " %llu", ticks) != 1)
		return -EINVAL;
	return 0;
}

void ls_boot_id(char *buf, size_t len)
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");

	if (!f || !fgets(buf, len, f))
		snprintf(buf, len, "unknown");
	else
		buf[strcspn(buf, "\n")] = 0;
	if (f)
		fclose(f);
}

/* Seconds since the epoch at boot (btime of /proc/stat), or 0. */
static double boot_time(void)
{
	return ls_file_scan("/proc/stat", "btime %lf");
}

/*
 * Whether pid is a process that was running at time t, when a thing named
 * after it was last changed: then it may still be using it. When its start
 * cannot be read but it exists, assume so.
 */
static bool alive_at(pid_t pid, time_t t)
{
	unsigned long long start;
	double bt = boot_time();
	long hz = sysconf(_SC_CLK_TCK);

	if (kill(pid, 0) && errno == ESRCH)
		return false;
	if (ls_proc_start(pid, &start) || bt <= 0 || hz <= 0)
		return true;
	return bt + (double)start / hz <= (double)t + START_SLACK_S;
}

/* "lsbench-<pid>-..." or "lsbench-perf-<pid>.data": the pid, or 0. */
static pid_t pid_of(const char *name)
{
	const char *p;
	char *end;
	long pid;

	if (!strncmp(name, "lsbench-perf-", 13))
		p = name + 13;
	else if (!strncmp(name, "lsbench-", 8))
		p = name + 8;
	else
		return 0;
	pid = strtol(p, &end, 10);
	if (end == p || pid <= 0 || pid > 0x3fffffff)
		return 0;
	if (p == name + 13 ? strcmp(end, ".data") : *end != '-')
		return 0;
	return pid;
}

static int rm_cgroup_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	/* a cgroup's files go with its folder */
	if (type == FTW_DP && rmdir(path))
		return errno;
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((type == FTW_DP ? rmdir(path) : unlink(path)) && errno != ENOENT)
		return errno;
	return 0;
}

struct sweep {
	const char *by;
	int left; /* things that could not be removed */
	int removed;
};

/* Removes dir/name when its pid is gone; cgroup: only folders are removed. */
static void sweep_one(struct sweep *s, const char *dir, const char *name, const char *what,
		      bool cgroup)
{
	char path[PATH_MAX];
	struct stat st;
	pid_t pid = pid_of(name);
	int err;

	if (!pid || snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path) ||
	    lstat(path, &st) || alive_at(pid, st.st_mtime))
		return;
	if (S_ISDIR(st.st_mode))
		err = nftw(path, cgroup ? rm_cgroup_entry : rm_entry, 16,
			   FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
	else
		err = unlink(path) ? errno : 0;
	if (err) {
		fprintf(stderr, "lsbench: cannot remove %s %s left by run pid %d: %s\n", what, path,
			(int)pid, strerror(err > 0 ? err : errno));
		s->left++;
		return;
	}
	fprintf(stderr, "lsbench: removed %s %s left by run pid %d (no longer running)\n", what,
		path, (int)pid);
	s->removed++;
}

static void sweep_dir(struct sweep *s, const char *dir, const char *what, bool cgroup)
{
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d)))
		sweep_one(s, dir, e->d_name, what, cgroup);
	closedir(d);
}

/* The mount points of cgroup v2 and of the v1 memory hierarchy, from mountinfo. */
static void sweep_cgroups(struct sweep *s)
{
	char line[4096], mnt[PATH_MAX], fs[64], src[256], opts[1024] = ",", *dash;
	FILE *f = fopen("/proc/self/mountinfo", "r");

	while (f && fgets(line, sizeof(line), f)) {
		dash = strstr(line, " - ");
		if (!dash || sscanf(line, "%*s %*s %*s %*s %4095s", mnt) != 1 ||
		    sscanf(dash + 3, "%63s %255s %1021s", fs, src, opts + 1) != 3)
			continue;
		if (!strcmp(fs, "cgroup2"))
			sweep_dir(s, mnt, "cgroup", true);
		else if (!strcmp(fs, "cgroup") && strstr(strcat(opts, ","), ",memory,"))
			sweep_dir(s, mnt, "cgroup", true);
	}
	if (f)
		fclose(f);
}

/* The folders and files of workloads, perf and lsbench vm: $TMPDIR and /tmp. */
static void sweep_tmp(struct sweep *s)
{
	const char *tmp = ls_tmpdir();

	sweep_dir(s, "/tmp", "temporary", false);
	if (strcmp(tmp, "/tmp"))
		sweep_dir(s, tmp, "temporary", false);
}

static int meta_read(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return -errno;
	n = fread(buf, 1, len - 1, f);
	fclose(f);
	buf[n] = 0;
	return 0;
}

int ls_meta_mark(const char *path, const char *state)
{
	char buf[16384], *st, *eol;
	struct ls_buf b = {};
	int err = meta_read(path, buf, sizeof(buf));

	if (err)
		return err;
	st = strstr(buf, "\nstate: running\n");
	if (!st)
		return -ENOENT;
	eol = strchr(st + 1, '\n');
	ls_buf_printf(&b, "%.*s\n%s%s", (int)(st - buf), buf, state, eol);
	err = b.err ? -ENOMEM : ls_write_atomic(path, b.data, b.len);
	ls_buf_free(&b);
	return err;
}

/*
 * Rewrites `state: running` of meta.txt at path to dead when the run's
 * process (its `pid:` line: pid, start time, boot) is gone.
 */
static void mark_dead(struct sweep *s, const char *path)
{
	char buf[16384], boot[64], my_boot[64], state[160];
	unsigned long long start, now_start;
	char *pl;
	int pid;

	if (meta_read(path, buf, sizeof(buf)) || !strstr(buf, "\nstate: running\n"))
		return;
	pl = strstr(buf, "\npid: ");
	if (!pl || sscanf(pl, "\npid: %d start %llu boot %63s", &pid, &start, boot) != 3)
		return;
	ls_boot_id(my_boot, sizeof(my_boot));
	/* another boot, or a guest's: nothing here says whether it still runs */
	if (strcmp(boot, my_boot) || pid <= 0)
		return;
	if (!ls_proc_start(pid, &now_start) && now_start == start)
		return;
	snprintf(state, sizeof(state), "state: dead: pid %d gone (found by %s)", pid, s->by);
	if (ls_meta_mark(path, state)) {
		fprintf(stderr, "lsbench: cannot mark %s dead (run pid %d gone)\n", path, pid);
		s->left++;
	} else {
		fprintf(stderr, "lsbench: marked %s %s\n", path, state);
		s->removed++;
	}
}

/* <root>/<kernel>/<run>/meta.txt */
static void sweep_results(struct sweep *s, const char *root)
{
	char kdir[PATH_MAX], path[PATH_MAX * 2];
	struct dirent *k, *r;
	DIR *rd, *kd = opendir(root);

	while (kd && (k = readdir(kd))) {
		if (k->d_name[0] == '.' ||
		    snprintf(kdir, sizeof(kdir), "%s/%s", root, k->d_name) >= (int)sizeof(kdir))
			continue;
		rd = opendir(kdir);
		while (rd && (r = readdir(rd))) {
			if (r->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s/meta.txt", kdir, r->d_name);
			mark_dead(s, path);
		}
		if (rd)
			closedir(rd);
	}
	if (kd)
		closedir(kd);
}

int ls_clean(const char *results_root, const char *by)
{
	struct sweep s = { .by = by };

	sweep_cgroups(&s);
	sweep_tmp(&s);
	if (results_root)
		sweep_results(&s, results_root);
	return s.left;
}

struct clean_opts {
	const char *root;
};

static const struct ls_cli_opt clean_opts[] = {
	{ "--output", 'o', "DIR", "the results root whose meta.txt files are marked", LS_CLI_STR,
	  LS_CLI_AT(struct clean_opts, root), .def = "results", .what = "a folder" },
	{},
};

static const struct ls_cli_cmd clean_cmd = {
	.name = "clean",
	.synopsis = "[-o DIR]",
	.desc = "Removes what runs that are no longer running left behind: cgroups "
		"lsbench-<pid>-* (v2 and v1 memory), temporary folders and files under $TMPDIR "
		"and /tmp, and marks their meta.txt under the results root `state: dead`. One "
		"line per thing on stderr.",
	.opts = clean_opts,
	.footer = "Exit status: 0; 1 when something could not be removed; 2 for bad input.",
};

int ls_clean_main(int argc, char **argv)
{
	struct clean_opts o = {};
	int pos, ret = ls_cli_main(&clean_cmd, argc, argv, &o, &pos);

	if (ret >= 0)
		return ret;
	if (geteuid()) {
		fprintf(stderr, "lsbench clean: needs root (cgroups and other runs' files)\n");
		return 2;
	}
	return ls_clean(o.root, "lsbench clean") ? 1 : 0;
}
