// SPDX-License-Identifier: GPL-2.0
/* Private cgroup v2 folders, found wherever cgroup2 is mounted. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "workloads.h"

int ls_cgroup2_root(char *buf, size_t len)
{
	FILE *f = fopen("/proc/self/mountinfo", "r");
	char line[4096];
	int ret = -ENOENT;

	if (!f)
		return -errno;
	/* id parent major:minor root mountpoint options [optional...] - fstype source ... */
	while (ret && fgets(line, sizeof(line), f)) {
		char mnt[PATH_MAX], *sep = strstr(line, " - ");

		if (!sep || strncmp(sep, " - cgroup2 ", 11))
			continue;
		if (sscanf(line, "%*s %*s %*s %*s %4095s", mnt) == 1) {
			snprintf(buf, len, "%s", mnt);
			ret = 0;
		}
	}
	fclose(f);
	return ret;
}

/* The process's cgroup v2 path relative to the mount, from /proc/self/cgroup's "0::" line. */
static int current_cgroup(char *buf, size_t len)
{
	FILE *f = fopen("/proc/self/cgroup", "r");
	char line[PATH_MAX + 8];
	int ret = -ENOENT;

	if (!f)
		return -errno;
	while (ret && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "0::", 3))
			continue;
		line[strcspn(line, "\n")] = 0;
		ret = snprintf(buf, len, "%s", line + 3) < (int)len ? 0 : -ENAMETOOLONG;
	}
	fclose(f);
	return ret;
}

static int write_pid(const char *dir)
{
	char path[PATH_MAX + 16], pid[32];
	int fd, n, ret = 0;

	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = snprintf(pid, sizeof(pid), "%d\n", getpid());
	if (write(fd, pid, n) != n)
		ret = -errno;
	close(fd);
	return ret;
}

int ls_cgroup_create(struct ls_cgroup *cg, const char *tag, char *err, size_t len)
{
	char root[PATH_MAX];
	int ret;

	memset(cg, 0, sizeof(*cg));
	cg->fd = -1;
	ret = ls_cgroup2_root(root, sizeof(root));
	if (ret) {
		snprintf(err, len, "no cgroup v2 mount in /proc/self/mountinfo");
		return ret;
	}
	if (snprintf(cg->path, sizeof(cg->path), "%s/lsbench-%d-%s", root, getpid(), tag) >=
	    (int)sizeof(cg->path)) {
		snprintf(err, len, "cgroup path too long under %s", root);
		*cg->path = 0;
		return -ENAMETOOLONG;
	}
	if (mkdir(cg->path, 0755)) {
		ret = -errno;
		snprintf(err, len, "cannot create cgroup %s: %s", cg->path, strerror(errno));
		*cg->path = 0;
		return ret;
	}
	cg->fd = open(cg->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (cg->fd < 0) {
		ret = -errno;
		snprintf(err, len, "cannot open cgroup %s: %s", cg->path, strerror(errno));
		ls_cgroup_destroy(cg);
		return ret;
	}
	return 0;
}

int ls_cgroup_enter(struct ls_cgroup *cg, char *err, size_t len)
{
	char root[PATH_MAX], rel[PATH_MAX];
	int ret;

	ret = ls_cgroup2_root(root, sizeof(root));
	if (!ret)
		ret = current_cgroup(rel, sizeof(rel));
	if (ret) {
		snprintf(err, len, "cannot find this process's cgroup v2: %s", strerror(-ret));
		return ret;
	}
	if (snprintf(cg->orig, sizeof(cg->orig), "%s%s", root, rel) >= (int)sizeof(cg->orig)) {
		snprintf(err, len, "cgroup path too long: %s%s", root, rel);
		return -ENAMETOOLONG;
	}
	ret = write_pid(cg->path);
	if (ret) {
		snprintf(err, len, "cannot move into cgroup %s: %s", cg->path, strerror(-ret));
		return ret;
	}
	cg->entered = true;
	return 0;
}

void ls_cgroup_destroy(struct ls_cgroup *cg)
{
	if (cg->entered && write_pid(cg->orig))
		fprintf(stderr, "lsbench: cannot move back to cgroup %s\n", cg->orig);
	cg->entered = false;
	if (cg->fd >= 0)
		close(cg->fd);
	cg->fd = -1;
	if (*cg->path && rmdir(cg->path))
		fprintf(stderr, "lsbench: cannot remove cgroup %s: %s\n", cg->path,
			strerror(errno));
	*cg->path = 0;
}
