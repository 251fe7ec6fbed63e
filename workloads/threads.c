// SPDX-License-Identifier: GPL-2.0
/* Parked threads: tasks that exist, hold still and can be reached by thread id. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "workloads.h"

#define PARKED_STACK (64 * 1024)

struct parked {
	struct ls_threads *owner;
	unsigned int idx;
};

static void *park(void *arg)
{
	struct parked *p = arg;
	struct ls_threads *t = p->owner;

	pthread_mutex_lock(&t->lock);
	t->tids[p->idx] = gettid();
	/*
	 * Only the creator waits for this: a broadcast on the parked threads'
	 * own condition would wake every one parked so far, n^2 / 2 wakeups.
	 */
	t->ready++;
	pthread_cond_signal(&t->ready_cond);
	while (!t->release)
		pthread_cond_wait(&t->cond, &t->lock);
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

int ls_threads_create(struct ls_threads *t, unsigned int n, char *err, size_t len)
{
	struct parked *args = calloc(n, sizeof(*args));
	pthread_attr_t attr;
	unsigned int i;
	int ret = 0;

	memset(t, 0, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->ready_cond, NULL);
	pthread_cond_init(&t->cond, NULL);
	t->threads = calloc(n, sizeof(*t->threads));
	t->tids = calloc(n, sizeof(*t->tids));
	t->args = args;
	if (!args || !t->threads || !t->tids) {
		snprintf(err, len, "out of memory for %u threads", n);
		ls_threads_destroy(t);
		return -ENOMEM;
	}
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, PARKED_STACK);
	for (i = 0; i < n; i++) {
		if (ls_workloads_stopped()) {
			snprintf(err, len, "interrupted after %u of %u threads", i, n);
			ret = EINTR;
			break;
		}
		args[i] = (struct parked){ .owner = t, .idx = i };
		ret = pthread_create(&t->threads[i], &attr, park, &args[i]);
		if (ret) {
			snprintf(err, len, "thread %u of %u: %s", i + 1, n, strerror(ret));
			break;
		}
		t->n = i + 1;
	}
	pthread_attr_destroy(&attr);
	pthread_mutex_lock(&t->lock);
	while (t->ready < t->n)
		pthread_cond_wait(&t->ready_cond, &t->lock);
	pthread_mutex_unlock(&t->lock);
	if (ret) {
		ls_threads_destroy(t);
		return -ret;
	}
	return 0;
}

void ls_threads_destroy(struct ls_threads *t)
{
	unsigned int i;

	pthread_mutex_lock(&t->lock);
	t->release = true;
	pthread_cond_broadcast(&t->cond);
	pthread_mutex_unlock(&t->lock);
	for (i = 0; i < t->n; i++)
		pthread_join(t->threads[i], NULL);
	free(t->threads);
	free(t->tids);
	free(t->args);
	pthread_cond_destroy(&t->ready_cond);
	pthread_cond_destroy(&t->cond);
	pthread_mutex_destroy(&t->lock);
	memset(t, 0, sizeof(*t));
}
