// SPDX-License-Identifier: GPL-2.0
/* Files in a private temporary folder. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "paths.h"
#include "workloads.h"

void ls_files_destroy(struct ls_files *f)
{
	unsigned int i;

	if (f->fds) {
		ls_fds_close(f->fds, f->n);
		f->fds = NULL;
	}
	if (f->names) {
		for (i = 0; i < f->n; i++)
			unlinkat(f->dir_fd, f->names[i], 0);
		free(f->names);
		f->names = NULL;
	}
	if (f->dir_fd >= 0)
		close(f->dir_fd);
	f->dir_fd = -1;
	if (*f->dir)
		rmdir(f->dir);
	*f->dir = 0;
	f->n = 0;
}

int ls_files_init(struct ls_files *f, char *err, size_t len)
{
	struct stat st;
	int ret;

	memset(f, 0, sizeof(*f));
	f->dir_fd = -1;
	snprintf(f->dir, sizeof(f->dir), "%s/lsbench-%d-files.XXXXXX", ls_tmpdir(), (int)getpid());
	if (!mkdtemp(f->dir)) {
		ret = -errno;
		snprintf(err, len, "cannot create a private folder in %s: %s", ls_tmpdir(),
			 strerror(errno));
		*f->dir = 0;
		return ret;
	}
	f->dir_fd = open(f->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (f->dir_fd < 0 || fstat(f->dir_fd, &st)) {
		ret = -errno;
		snprintf(err, len, "cannot open %s: %s", f->dir, strerror(errno));
		ls_files_destroy(f);
		return ret;
	}
	f->dir_ino = st.st_ino;
	return 0;
}

int ls_files_populate(struct ls_files *f, unsigned int n, bool keep_open,
		      int (*each)(unsigned int i, int fd, void *arg), void *arg, char *err,
		      size_t len)
{
	unsigned int i;
	int ret, fd;

	if (keep_open) {
		ret = ls_nofile_reserve(n, err, len);
		if (ret)
			return ret;
		f->fds = malloc(n * sizeof(*f->fds));
	}
	f->names = calloc(n, sizeof(*f->names));
	if (!f->names || (keep_open && !f->fds)) {
		snprintf(err, len, "out of memory for %u files", n);
		return -ENOMEM;
	}
	for (i = 0; i < n; i++) {
		if (ls_workloads_stopped()) {
			snprintf(err, len, "interrupted after %u of %u files", i, n);
			return -EINTR;
		}
		snprintf(f->names[i], sizeof(f->names[i]), "f%u", i);
		fd = openat(f->dir_fd, f->names[i], O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0) {
			ret = -errno;
			snprintf(err, len, "file %u of %u in %s: %s", i + 1, n, f->dir,
				 strerror(errno));
			return ret;
		}
		if (keep_open)
			f->fds[i] = fd;
		f->n = i + 1;
		ret = each ? each(i, fd, arg) : 0;
		if (!keep_open)
			close(fd);
		if (ret)
			return ret;
	}
	return 0;
}
