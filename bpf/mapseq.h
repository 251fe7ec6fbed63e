/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The order in which a map-count cell's operations visit its maps: maps in
 * turn (seq), or interleaved as the kernel's local-storage-cache-int-get
 * does, one map hotter than the rest: maps in turn, and after each map whose
 * index is a multiple of 3 an extra operation on map 0. Shared by the BPF
 * programs and the unit test that checks it against the kernel's pattern;
 * like lsbench.h, no includes.
 */
#ifndef LSBENCH_MAPSEQ_H
#define LSBENCH_MAPSEQ_H

struct ls_mapseq {
	__u32 m; /* the next map in turn, 0..nr_maps-1 */
	__u32 extra; /* interleaved: map 0's extra operation is next */
};

/* The map the next operation works on. */
static inline __attribute__((always_inline)) __u32 ls_mapseq_next(struct ls_mapseq *s,
								  __u32 nr_maps, __u32 interleave)
{
	__u32 m = s->m;

	if (interleave && s->extra) {
		s->extra = 0;
		return 0;
	}
	s->m = m + 1 >= nr_maps ? 0 : m + 1;
	if (interleave)
		s->extra = m % 3 == 0;
	return m;
}

/*
 * Where the order stands after ops operations, so that each trigger goes on
 * where the last left off. Interleaved, a cycle is nr_maps + ceil(nr_maps /
 * 3) operations, in groups of four: 3j, 0, 3j + 1, 3j + 2 (the last group
 * cut short at nr_maps).
 */
static inline __attribute__((always_inline)) void ls_mapseq_at(struct ls_mapseq *s, __u64 ops,
							       __u32 nr_maps, __u32 interleave)
{
	__u64 p, r;

	if (!interleave) {
		s->m = ops % nr_maps;
		s->extra = 0;
		return;
	}
	p = ops % (nr_maps + (nr_maps + 2) / 3);
	r = p % 4;
	s->m = p / 4 * 3 + r - (r >= 2);
	if (s->m >= nr_maps)
		s->m = 0;
	s->extra = r == 1;
}

#endif /* LSBENCH_MAPSEQ_H */
