// SPDX-License-Identifier: GPL-2.0
/*
 * Triggers: what a producer does, once per trigger, to make the hook run on
 * its next owner. Each returns true when the hook was reached, so the
 * runner's count of triggers is exact.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <bpf/bpf.h>
#include "scenarios.h"

bool ls_trigger_getsockopt(struct ls_thread *t)
{
	int v;
	socklen_t len = sizeof(v);

	return !getsockopt(t->cell->owners.fds[ls_next_owner(t)], LS_SOCKOPT_LEVEL, LS_SOCKOPT_NAME,
			   &v, &len);
}

bool ls_trigger_open(struct ls_thread *t)
{
	const struct ls_owners *o = &t->cell->owners;
	int fd = openat(o->dir_fd, o->names[ls_next_owner(t)], O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* One datagram from the next socket to the sink on loopback. */
bool ls_trigger_sendto(struct ls_thread *t)
{
	const struct ls_owners *o = &t->cell->owners;
	char byte = 0;

	return sendto(o->fds[ls_next_owner(t)], &byte, 1, 0, (const struct sockaddr *)&o->sink,
		      sizeof(o->sink)) == 1;
}

static void *churn_thread(void *arg)
{
	return arg;
}

/* A thread created and joined: an owner born and gone. */
bool ls_trigger_thread(struct ls_thread *t)
{
	pthread_t th;

	(void)t;
	if (pthread_create(&th, NULL, churn_thread, NULL))
		return false;
	pthread_join(th, NULL);
	return true;
}

/*
 * The kernel's local-storage-create: the scenario's batch of owners made,
 * make(owners, i), until one cannot be, then each made one ended. True when
 * the whole batch was made: otherwise the program saw runs the producer does
 * not count, and the cell's cross-check fails.
 */
static bool batch(const struct ls_thread *t, void *owners,
		  bool (*make)(void *owners, unsigned int i),
		  void (*end)(void *owners, unsigned int i))
{
	unsigned int n = ls_scenario_batch(t->cell->sc), made, i;

	if (n > LS_BATCH_MAX)
		return false;
	for (made = 0; made < n && make(owners, made); made++)
		;
	for (i = 0; i < made; i++)
		end(owners, i);
	return made == n;
}

static bool thread_make(void *owners, unsigned int i)
{
	return !pthread_create((pthread_t *)owners + i, NULL, churn_thread, NULL);
}

static void thread_end(void *owners, unsigned int i)
{
	pthread_join(((pthread_t *)owners)[i], NULL);
}

/* Threads: created, then joined (they overlap, as there). */
bool ls_trigger_threads(struct ls_thread *t)
{
	pthread_t th[LS_BATCH_MAX];

	return batch(t, th, thread_make, thread_end);
}

static bool socket6_make(void *owners, unsigned int i)
{
	int *fds = owners;

	fds[i] = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	return fds[i] >= 0;
}

static void socket_end(void *owners, unsigned int i)
{
	close(((int *)owners)[i]);
}

/* IPv6 UDP sockets: opened, then closed. */
bool ls_trigger_sockets6(struct ls_thread *t)
{
	int fds[LS_BATCH_MAX];

	return batch(t, fds, socket6_make, socket_end);
}

bool ls_trigger_socket(struct ls_thread *t)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	(void)t;
	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* A cgroup made and removed inside the run's private cgroup. */
bool ls_trigger_cgroup(struct ls_thread *t)
{
	char path[PATH_MAX + 16];

	snprintf(path, sizeof(path), "%s/churn%u", t->cell->cg.path, t->id);
	if (mkdir(path, 0755))
		return false;
	rmdir(path);
	return true;
}

/*
 * One TCP connection to the producer's listener over loopback: connect,
 * accept, close both; true when accept() returned a socket. The accepted
 * socket, closed first with the listener's SO_LINGER 0, resets the
 * connection: neither end is left in TIME_WAIT, so ports do not run out.
 */
bool ls_trigger_accept(struct ls_thread *t)
{
	const struct ls_owners *o = &t->cell->owners;
	int lfd = o->fds[ls_next_owner(t)], cfd, afd = -1;

	cfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (cfd < 0)
		return false;
	if (!connect(cfd, (const struct sockaddr *)&o->sink, sizeof(o->sink)))
		afd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	if (afd >= 0)
		close(afd);
	close(cfd);
	return afd >= 0;
}

bool ls_trigger_uapi_lookup(struct ls_thread *t)
{
	int fd = t->cell->owners.fds[ls_next_owner(t)];
	__u64 val;

	if (bpf_map_lookup_elem(t->cell->map_fd, &fd, &val))
		return ls_user_op(t, errno == ENOENT ? &t->user.misses : &t->user.failures);
	return ls_user_op(t, &t->user.hits);
}

bool ls_trigger_uapi_update(struct ls_thread *t)
{
	int fd = t->cell->owners.fds[ls_next_owner(t)];
	__u64 val = 1;

	/* BPF_EXIST: the element is there, so this updates it in place. */
	if (bpf_map_update_elem(t->cell->map_fd, &fd, &val, BPF_EXIST))
		return ls_user_op(t, &t->user.failures);
	return ls_user_op(t, &t->user.hits);
}

bool ls_trigger_uapi_create_delete(struct ls_thread *t)
{
	int fd = t->cell->owners.fds[ls_next_owner(t)];
	__u64 val = 1;

	if (bpf_map_update_elem(t->cell->map_fd, &fd, &val, BPF_NOEXIST))
		return ls_user_op(t, &t->user.failures);
	ls_user_op(t, &t->user.creates);
	if (bpf_map_delete_elem(t->cell->map_fd, &fd))
		ls_user_inc(&t->user.failures);
	else
		ls_user_inc(&t->user.deletes);
	return true;
}
