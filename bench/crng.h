/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's random number generator, seeded before anything is measured.
 * Until the kernel's CRNG is ready, every get_random_u32() runs a whole ChaCha
 * block instead of taking a word of a per-CPU batch, and making and freeing
 * owners calls it: a freshly booted guest without a hardware seed measures
 * create-delete about 30% dearer in instructions until it is seeded, minutes
 * later. A run waits for it first: a blocking getrandom(2) makes the kernel
 * gather jitter entropy, a second or so.
 */
#ifndef LSBENCH_CRNG_H
#define LSBENCH_CRNG_H

#include <stdbool.h>

/*
 * Waits until the kernel's CRNG is seeded; true if it was seeded already,
 * and *waited_s the seconds waited (0 then). LSBENCH_FAULT=crng, the
 * tests': it reads not seeded once.
 */
bool ls_crng_wait(double *waited_s);

#endif /* LSBENCH_CRNG_H */
