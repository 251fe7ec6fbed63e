// SPDX-License-Identifier: GPL-2.0
/*
 * Private cgroup folders, found wherever cgroup2 (or for memory, the v1
 * memory hierarchy) is mounted.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <sys/stat.h>
#include "workloads.h"

/* Whether the comma-separated list has word. */
static bool has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (;;) {
		if (!strncmp(list, word, n) && (list[n] == ',' || !list[n]))
			return true;
		list = strchr(list, ',');
		if (!list)
			return false;
		list++;
	}
}

/*
 * The mount point of a cgroup hierarchy, from /proc/self/mountinfo: cgroup2,
 * or with opt, the cgroup v1 hierarchy whose super options name it.
 */
static int cgroup_mount(const char *opt, char *buf, size_t len)
{
	FILE *f = fopen("/proc/self/mountinfo", "r");
	char line[4096];
	int ret = -ENOENT;

	if (!f)
		return -errno;
	/* id parent major:minor root mountpoint options [optional...] - fstype source super */
	while (ret && fgets(line, sizeof(line), f)) {
		char mnt[PATH_MAX], fstype[32], super[1024], *sep = strstr(line, " - ");

		if (!sep || sscanf(sep, " - %31s %*s %1023s", fstype, super) != 2)
			continue;
		if (opt ? strcmp(fstype, "cgroup") || !has_word(super, opt)
			: strcmp(fstype, "cgroup2"))
			continue;
		if (sscanf(line, "%*s %*s %*s %*s %4095s", mnt) == 1) {
			snprintf(buf, len, "%s", mnt);
			ret = 0;
		}
	}
	fclose(f);
	return ret;
}

int ls_cgroup2_root(char *buf, size_t len)
{
	return cgroup_mount(NULL, buf, len);
}

/*
 * The process's cgroup path relative to the mount, from /proc/self/cgroup:
 * the "0::" line, or with controller, the v1 line that lists it.
 */
static int current_cgroup(const char *controller, char *buf, size_t len)
{
	FILE *f = fopen("/proc/self/cgroup", "r");
	char line[PATH_MAX + 64], *ctrl, *path;
	int ret = -ENOENT;

	if (!f)
		return -errno;
	while (ret && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		/* id:controllers:path */
		ctrl = strchr(line, ':');
		path = ctrl ? strchr(ctrl + 1, ':') : NULL;
		if (!path)
			continue;
		*ctrl++ = 0;
		*path++ = 0;
		if (controller ? !has_word(ctrl, controller) : strcmp(line, "0") || *ctrl)
			continue;
		ret = snprintf(buf, len, "%s", path) < (int)len ? 0 : -ENAMETOOLONG;
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

/* Creates <root>/lsbench-<pid>-<tag> and opens it. */
static int create_in(struct ls_cgroup *cg, const char *root, const char *tag, char *err, size_t len)
{
	int ret;

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

int ls_cgroup_create(struct ls_cgroup *cg, const char *tag, char *err, size_t len)
{
	char root[PATH_MAX];

	memset(cg, 0, sizeof(*cg));
	cg->fd = -1;
	if (ls_cgroup2_root(root, sizeof(root))) {
		snprintf(err, len, "no cgroup v2 mount in /proc/self/mountinfo");
		return -ENOENT;
	}
	return create_in(cg, root, tag, err, len);
}

int ls_memcg_create(struct ls_cgroup *cg, const char *tag, char *err, size_t len)
{
	char root[PATH_MAX], usage[PATH_MAX + 32];
	int ret;

	memset(cg, 0, sizeof(*cg));
	cg->fd = -1;
	cg->v1_memory = !cgroup_mount("memory", root, sizeof(root));
	if (!cg->v1_memory && ls_cgroup2_root(root, sizeof(root))) {
		snprintf(err, len,
			 "no memory cgroup: no v1 memory hierarchy nor cgroup v2 mounted");
		return -ENOENT;
	}
	ret = create_in(cg, root, tag, err, len);
	if (ret)
		return ret;
	snprintf(usage, sizeof(usage), "%s/%s", cg->path,
		 cg->v1_memory ? "memory.usage_in_bytes" : "memory.current");
	if (access(usage, R_OK)) {
		snprintf(err, len,
			 "no memory cgroup: cgroup v2 at %s does not give children memory", root);
		ls_cgroup_destroy(cg);
		return -ENOENT;
	}
	return 0;
}

/*
 * Charges are taken in batches that CPUs keep in stock: v1's force_empty
 * drains those stocks (and reclaims what it can, little here: the cgroup is
 * the run's own and holds no page cache of note). v2 has no such knob.
 */
static void drain_stock(const struct ls_cgroup *cg)
{
	char path[PATH_MAX + 32];
	int fd;

	if (!cg->v1_memory)
		return;
	snprintf(path, sizeof(path), "%s/memory.force_empty", cg->path);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (write(fd, "0", 1) != 1)
		(void)0; /* best effort: the reading is still the charges */
	close(fd);
}

long long ls_memcg_usage(const struct ls_cgroup *cg)
{
	char path[PATH_MAX + 32];
	long long v = -ENOENT;
	FILE *f;

	drain_stock(cg);
	snprintf(path, sizeof(path), "%s/%s", cg->path,
		 cg->v1_memory ? "memory.usage_in_bytes" : "memory.current");
	f = fopen(path, "r");
	if (!f)
		return -errno;
	if (fscanf(f, "%lld", &v) != 1)
		v = -EINVAL;
	fclose(f);
	return v;
}

int ls_cgroup_enter(struct ls_cgroup *cg, char *err, size_t len)
{
	const char *ctrl = cg->v1_memory ? "memory" : NULL;
	char root[PATH_MAX], rel[PATH_MAX];
	int ret;

	ret = cgroup_mount(ctrl, root, sizeof(root));
	if (!ret)
		ret = current_cgroup(ctrl, rel, sizeof(rel));
	if (ret) {
		snprintf(err, len, "cannot find this process's cgroup%s: %s",
			 ctrl ? " in the memory hierarchy" : " v2", strerror(-ret));
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

int ls_cgroup_leave(struct ls_cgroup *cg)
{
	int ret = cg->entered ? write_pid(cg->orig) : 0;

	if (!ret)
		cg->entered = false;
	return ret;
}

/*
 * Whether no task is left in the cgroup: v2's cgroup.events says
 * "populated 0"; v1 has no such file, and its tasks file is empty then.
 */
static bool cgroup_empty(const struct ls_cgroup *cg)
{
	char path[PATH_MAX + 32], line[64];
	bool empty = false;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", cg->path, cg->v1_memory ? "tasks" : "cgroup.events");
	f = fopen(path, "r");
	if (!f)
		return errno == ENOENT;
	if (cg->v1_memory)
		empty = !fgets(line, sizeof(line), f);
	while (!cg->v1_memory && fgets(line, sizeof(line), f))
		empty |= !strcmp(line, "populated 0\n");
	fclose(f);
	return empty;
}

/*
 * rmdir of a cgroup that threads are still leaving (they exit after the
 * process that joined them moved on) fails with EBUSY: wait for it to
 * empty, up to LS_CGROUP_EMPTY_MS, then remove it.
 */
static int cgroup_remove(const struct ls_cgroup *cg)
{
	const struct timespec tick = { .tv_nsec = 10 * 1000 * 1000 };
	unsigned int waited;

	if (!rmdir(cg->path))
		return 0;
	if (errno != EBUSY)
		return -errno;
	for (waited = 0; !cgroup_empty(cg) && waited < LS_CGROUP_EMPTY_MS; waited += 10)
		nanosleep(&tick, NULL);
	return rmdir(cg->path) ? -errno : 0;
}

void ls_cgroup_destroy(struct ls_cgroup *cg)
{
	int ret;

	if (cg->entered && write_pid(cg->orig))
		fprintf(stderr, "lsbench: cannot move back to cgroup %s\n", cg->orig);
	cg->entered = false;
	if (cg->fd >= 0)
		close(cg->fd);
	cg->fd = -1;
	ret = *cg->path ? cgroup_remove(cg) : 0;
	if (ret)
		fprintf(stderr, "lsbench: cannot remove cgroup %s: %s\n", cg->path, strerror(-ret));
	*cg->path = 0;
}
