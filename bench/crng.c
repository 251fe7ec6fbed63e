// SPDX-License-Identifier: GPL-2.0
/* The kernel's CRNG seeded before a run measures (crng.h). */
#include <errno.h>
#include <sys/random.h>
#include "cellrun.h"
#include "crng.h"
#include "scenario.h"
#include "crew.h"

/* Whether the CRNG is seeded now: a non-blocking getrandom(2) says so. */
static bool crng_ready(void)
{
	unsigned char b;

	if (ls_fault("crng"))
		return false;
	return getrandom(&b, 1, GRND_NONBLOCK) == 1 || errno != EAGAIN;
}

bool ls_crng_wait(double *waited_s)
{
	double t0 = ls_now_ns();
	unsigned char b;

	*waited_s = 0;
	if (crng_ready())
		return true;
	/* a signal ends the wait: the run then stops before it measures */
	while (getrandom(&b, 1, 0) < 0 && errno == EINTR && !ls_interrupted)
		;
	*waited_s = (ls_now_ns() - t0) / 1e9;
	return false;
}
