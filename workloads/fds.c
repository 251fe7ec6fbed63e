// SPDX-License-Identifier: GPL-2.0
/* Open-file limits, bulk sockets and a loopback TCP listener. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "workloads.h"

#define FD_SLACK 256 /* fds the runner itself and libbpf need beside the owners */

static unsigned long nr_open_max(void)
{
	unsigned long v = 0;
	FILE *f = fopen("/proc/sys/fs/nr_open", "r");

	if (f) {
		if (fscanf(f, "%lu", &v) != 1)
			v = 0;
		fclose(f);
	}
	return v;
}

int ls_nofile_reserve(unsigned int need, char *err, size_t len)
{
	rlim_t want = (rlim_t)need + FD_SLACK;
	struct rlimit old, rl;

	if (getrlimit(RLIMIT_NOFILE, &old))
		return -errno;
	if (old.rlim_cur >= want)
		return 0;
	rl.rlim_cur = want;
	rl.rlim_max = old.rlim_max >= want ? old.rlim_max : want;
	if (want > nr_open_max()) {
		snprintf(err, len, "needs %llu open files; the kernel allows %lu (fs.nr_open)",
			 (unsigned long long)want, nr_open_max());
		return -EPERM;
	}
	if (setrlimit(RLIMIT_NOFILE, &rl)) {
		int e = errno;

		snprintf(err, len, "needs %llu open files; RLIMIT_NOFILE is %llu (hard %llu)%s: %s",
			 (unsigned long long)want, (unsigned long long)old.rlim_cur,
			 (unsigned long long)old.rlim_max,
			 e == EPERM ? ", and raising the hard limit needs CAP_SYS_RESOURCE"
				    : " and raising it failed",
			 strerror(e));
		return e == EPERM ? -EPERM : -EMFILE;
	}
	return 0;
}

void ls_fds_close(int *fds, unsigned int n)
{
	unsigned int i;

	if (!fds)
		return;
	for (i = 0; i < n; i++) {
		if (fds[i] >= 0)
			close(fds[i]);
	}
	free(fds);
}

int *ls_sockets_create(unsigned int n, int type, char *err, size_t len)
{
	int *fds = malloc(n * sizeof(*fds));
	unsigned int i;

	if (!fds) {
		snprintf(err, len, "out of memory for %u sockets", n);
		return NULL;
	}
	i = -ls_nofile_reserve(n, err, len);
	if (i) {
		free(fds);
		errno = i;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		fds[i] = socket(AF_INET, type | SOCK_CLOEXEC, 0);
		if (fds[i] < 0) {
			snprintf(err, len, "socket %u of %u: %s", i + 1, n, strerror(errno));
			ls_fds_close(fds, i);
			return NULL;
		}
	}
	return fds;
}

int ls_listener_create(struct sockaddr_in *addr, char *err, size_t len)
{
	struct linger reset = { .l_onoff = 1, .l_linger = 0 };
	socklen_t alen = sizeof(*addr);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), e;

	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof(reset)) ||
	    bind(fd, (struct sockaddr *)addr, sizeof(*addr)) || listen(fd, 128) ||
	    getsockname(fd, (struct sockaddr *)addr, &alen)) {
		e = errno;
		snprintf(err, len, "cannot set up a loopback TCP listener: %s", strerror(e));
		if (fd >= 0)
			close(fd);
		return -e;
	}
	return fd;
}
