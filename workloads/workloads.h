/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Workload generators: the owners that local storage hangs off (sockets,
 * files, cgroups), created in bulk and removed without a trace.
 */
#ifndef LSBENCH_WORKLOADS_H
#define LSBENCH_WORKLOADS_H

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>
#include <stddef.h>

/*
 * The bulk generators (threads, files) look at *flag between owners: once it
 * is set they stop and fail with -EINTR, as on any error (the threads made are
 * joined; the files made are removed by ls_files_destroy). Without a flag they
 * never stop early.
 */
void ls_workloads_stop_on(const volatile sig_atomic_t *flag);
bool ls_workloads_stopped(void);

/*
 * Makes room for @need more open files: raises RLIMIT_NOFILE (and its hard
 * limit, as root) when short. Returns 0, or with the limit in err -EPERM when
 * the machine forbids it (a hard limit below @need without CAP_SYS_RESOURCE,
 * or beyond fs.nr_open), -EMFILE when raising it failed otherwise.
 */
int ls_nofile_reserve(unsigned int need, char *err, size_t len);

/* Closes n fds (those >= 0) and frees the array. */
void ls_fds_close(int *fds, unsigned int n);

/*
 * Creates n sockets of @type (SOCK_DGRAM or SOCK_STREAM, AF_INET). Returns
 * the fds or NULL with err set (and errno EPERM when the machine's open-file
 * limits forbid so many); nothing is left open on failure.
 */
int *ls_sockets_create(unsigned int n, int type, char *err, size_t len);

struct sockaddr_in;

/*
 * A TCP listener on 127.0.0.1 at a port the kernel picks, its address in
 * @addr. Sockets it accepts inherit SO_LINGER 0: closed, they reset the
 * connection and leave no TIME_WAIT behind. Returns the fd, or -errno with
 * err set.
 */
int ls_listener_create(struct sockaddr_in *addr, char *err, size_t len);

/*
 * n files in a private temporary folder. With keep_open each stays open
 * read-only (fds[i]); without, fds is NULL and the files are reached by name,
 * so their number is not bound by RLIMIT_NOFILE.
 */
struct ls_files {
	char dir[PATH_MAX];
	int dir_fd;
	unsigned int n;
	int *fds;
	char (*names)[16];
	unsigned long dir_ino;
};

/* Creates the (empty) private folder; dir_ino is known from here on. */
int ls_files_init(struct ls_files *f, char *err, size_t len);
/* Creates n files in it. each(i, fd, arg) runs on each new file while it is open. */
int ls_files_populate(struct ls_files *f, unsigned int n, bool keep_open,
		      int (*each)(unsigned int i, int fd, void *arg), void *arg, char *err,
		      size_t len);
void ls_files_destroy(struct ls_files *f);

/* How long removing a cgroup waits for its last tasks to leave it. */
#define LS_CGROUP_EMPTY_MS 5000

/* A private cgroup folder that this process can be moved into: v2, or v1's memory. */
struct ls_cgroup {
	char path[PATH_MAX];
	char orig[PATH_MAX]; /* where the process was before ls_cgroup_enter() */
	int fd;
	bool entered;
	bool v1_memory; /* in the cgroup v1 memory hierarchy, not in cgroup v2 */
};

/* The cgroup v2 mount point, from /proc/self/mountinfo. */
int ls_cgroup2_root(char *buf, size_t len);

/* Creates <cgroup2>/lsbench-<pid>-<tag>. */
int ls_cgroup_create(struct ls_cgroup *cg, const char *tag, char *err, size_t len);
/* Moves the whole process into the cgroup. */
int ls_cgroup_enter(struct ls_cgroup *cg, char *err, size_t len);
/* Moves the process back to where it was before ls_cgroup_enter(): 0 or -errno. */
int ls_cgroup_leave(struct ls_cgroup *cg);
/* Moves the process back if it entered, closes and removes the folder. */
void ls_cgroup_destroy(struct ls_cgroup *cg);

/*
 * Creates a memory cgroup lsbench-<pid>-<tag>: in the cgroup v1 memory
 * hierarchy where there is one, else in cgroup v2 when its root gives
 * children the memory controller. -ENOENT with a reason when neither.
 */
int ls_memcg_create(struct ls_cgroup *cg, const char *tag, char *err, size_t len);
/* Bytes charged to a memory cgroup (v1 memory.usage_in_bytes, v2 memory.current), or -errno. */
long long ls_memcg_usage(const struct ls_cgroup *cg);

/* n threads parked on a condition variable until destroyed; tids[i] is each one's id. */
struct ls_threads {
	pthread_t *threads;
	pid_t *tids;
	void *args;
	unsigned int n;
	unsigned int ready;
	bool release;
	pthread_mutex_t lock;
	pthread_cond_t ready_cond; /* a thread parked: the creator alone waits on it */
	pthread_cond_t cond; /* release: the parked threads wait on it */
};

int ls_threads_create(struct ls_threads *t, unsigned int n, char *err, size_t len);
void ls_threads_destroy(struct ls_threads *t);

#endif /* LSBENCH_WORKLOADS_H */
