// SPDX-License-Identifier: GPL-2.0
/* Options of `lsbench run`: parsing and checking, with one-line errors. */
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "opts.h"

#define QUICK_WARMUP_S 0.1
#define QUICK_DURATION_S 0.1
#define QUICK_REPETITIONS 2
#define QUICK_ROUNDS 2
#define MAX_ROUNDS 1000
#define MAX_SECONDS 3600.0
#define MAX_REPETITIONS 1000
#define MAX_LOOP_ITERS (1u << 23) /* bpf_loop's own limit */

enum {
	OPT_CPUS = 0x100,
	OPT_OBJECTS,
	OPT_MAPS,
	OPT_VALUE_SIZE,
	OPT_QUICK,
	OPT_LOOP_ITERS,
	OPT_NO_BPF_STATS,
	OPT_NO_LATENCY,
	OPT_SHARING,
	OPT_NO_BPF_LATENCY,
	OPT_NO_PERF,
	OPT_OVERHEAD,
	OPT_PROFILE,
	OPT_ROUNDS,
	OPT_MAX_ROUNDS,
	OPT_PRECISION,
	OPT_SEED,
	OPT_TIME_BUDGET,
	OPT_STALL,
};

static const struct option long_opts[] = {
	{ "scenario", required_argument, NULL, 's' },
	{ "warmup", required_argument, NULL, 'w' },
	{ "duration", required_argument, NULL, 'd' },
	{ "repetitions", required_argument, NULL, 'r' },
	{ "mode", required_argument, NULL, 'm' },
	{ "output", required_argument, NULL, 'o' },
	{ "cpus", required_argument, NULL, OPT_CPUS },
	{ "objects", required_argument, NULL, OPT_OBJECTS },
	{ "maps", required_argument, NULL, OPT_MAPS },
	{ "value-size", required_argument, NULL, OPT_VALUE_SIZE },
	{ "quick", no_argument, NULL, OPT_QUICK },
	{ "loop-iters", required_argument, NULL, OPT_LOOP_ITERS },
	{ "no-bpf-stats", no_argument, NULL, OPT_NO_BPF_STATS },
	{ "no-latency", no_argument, NULL, OPT_NO_LATENCY },
	{ "no-bpf-latency", no_argument, NULL, OPT_NO_BPF_LATENCY },
	{ "no-perf", no_argument, NULL, OPT_NO_PERF },
	{ "overhead", no_argument, NULL, OPT_OVERHEAD },
	{ "profile", no_argument, NULL, OPT_PROFILE },
	{ "sharing", required_argument, NULL, OPT_SHARING },
	{ "rounds", required_argument, NULL, OPT_ROUNDS },
	{ "max-rounds", required_argument, NULL, OPT_MAX_ROUNDS },
	{ "precision", required_argument, NULL, OPT_PRECISION },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "time-budget", required_argument, NULL, OPT_TIME_BUDGET },
	{ "stall", required_argument, NULL, OPT_STALL },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{},
};

void ls_run_usage(FILE *f)
{
	fprintf(f,
		"usage: lsbench run [options]\n"
		"  -s, --scenario GLOB   run the scenarios matching GLOB (repeatable; default all)\n"
		"  -w, --warmup S        seconds of warm-up per round, not measured (default %g)\n"
		"  -d, --duration S      seconds per repetition (default %g)\n"
		"  -r, --repetitions N   repetitions per round (default %d)\n"
		"      --rounds N        independent setups per cell (default %d, and more where\n"
		"                        imprecise); each round measures every cell once, in a\n"
		"                        shuffled order; given alone, exactly N\n"
		"      --max-rounds N    rounds at most: cells whose 95%% interval is wider than\n"
		"                        --precision get more rounds, up to N (default %d)\n"
		"      --precision P     target half-width of the 95%% interval, in %% (default %g)\n"
		"      --time-budget S   measure no cell in an extra round after S seconds of the\n"
		"                        run (default: no limit)\n"
		"      --stall S         end the run, saying where it is stuck, when a cell makes\n"
		"                        no progress for S seconds (default %g, 5 times that\n"
		"                        under TCG, none under icount; 0: never)\n"
		"      --seed N          seed of the rounds' shuffles (default: from the clock;\n"
		"                        recorded in meta.txt)\n"
		"  -m, --mode LIST       hook, loop, fentry (loop's program on fentry of getpgid,\n"
		"                        as the kernel's bench; task scenarios), comma-separated,\n"
		"                        or all (default)\n"
		"      --cpus LIST       producer-thread counts, e.g. 1,2 (default 1 and powers of\n"
		"                        two up to all usable CPUs)\n"
		"      --objects LIST    owner counts for scenarios that sweep them (default each\n"
		"                        scenario's own, e.g. 1,100,10000,100000)\n"
		"      --maps LIST       map counts for scenarios that sweep them (default\n"
		"                        1,10,16,17,24,32,100,1000)\n"
		"      --value-size LIST value sizes for scenarios that sweep them: 8, 64, 4096\n"
		"      --sharing LIST    private (each thread its own owners), shared (all threads\n"
		"                        the same owners) or private,shared (default); scenarios\n"
		"                        whose owners are one or the other by nature keep theirs\n"
		"      --loop-iters N    operations per trigger in loop mode (default 10000)\n"
		"      --quick           short smoke run: -w %g -d %g -r %d, and --rounds %d unless given\n"
		"  -o, --output DIR      results root (default results)\n"
		"      --no-bpf-stats    do not enable BPF run statistics while measuring\n"
		"      --no-latency      do not time each trigger (no latency histograms)\n"
		"      --no-bpf-latency  do not time an operation per trigger inside BPF\n"
		"      --no-perf         do not count with perf_event_open on the producers\n"
		"      --overhead        also measure each cell bare (none of the four above),\n"
		"                        reporting what the instrumentation costs\n"
		"      --profile         perf record -e cpu-clock -g on the producers' CPUs per cell;\n"
		"                        top kernel symbols in profile.csv\n"
		"  -v, --verbose         print libbpf and verifier messages\n",
		LS_DEF_WARMUP_S, LS_DEF_DURATION_S, LS_DEF_REPETITIONS, LS_DEF_ROUNDS,
		LS_DEF_MAX_ROUNDS, LS_DEF_PRECISION_PCT, LS_DEF_STALL_S, QUICK_WARMUP_S,
		QUICK_DURATION_S, QUICK_REPETITIONS, QUICK_ROUNDS);
}

static int parse_seconds(const char *s, bool zero_ok, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < 0 || v > MAX_SECONDS ||
	    (!zero_ok && v == 0))
		return -EINVAL;
	*out = v;
	return 0;
}

static int parse_uint(const char *s, unsigned long min, unsigned long max, unsigned int *out)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}

/* A comma-separated list of distinct whole numbers from 1 to max. */
static int parse_percent(const char *s, double *out)
{
	double v;

	if (parse_seconds(s, false, &v) || v > 100)
		return -EINVAL;
	*out = v;
	return 0;
}

static int parse_u64(const char *s, unsigned long long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return errno || *end ? -EINVAL : 0;
}

static int parse_uint_list(const char *s, unsigned int max, unsigned int *vals, size_t *nr)
{
	char *copy = strdup(s), *tok, *save = NULL;
	int err = 0;
	size_t i;

	if (!copy)
		return -ENOMEM;
	if (strstr(s, ",,") || *s == ',' || !*s || s[strlen(s) - 1] == ',')
		err = -EINVAL;
	*nr = 0;
	for (tok = strtok_r(copy, ",", &save); !err && tok; tok = strtok_r(NULL, ",", &save)) {
		unsigned int v;

		if (*nr == LS_MAX_LIST || parse_uint(tok, 1, max, &v)) {
			err = -EINVAL;
			break;
		}
		for (i = 0; i < *nr; i++) {
			if (vals[i] == v)
				err = -EINVAL;
		}
		vals[(*nr)++] = v;
	}
	free(copy);
	return err;
}

/* The value sizes the BPF objects have types for. */
static bool value_sizes_ok(const unsigned int *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] != 8 && v[i] != 64 && v[i] != 4096)
			return false;
	}
	return true;
}

/* A comma-separated list of private and shared, each at most once. */
static int parse_sharings(const char *s, unsigned int *sharings)
{
	const char *end;
	unsigned int bit;
	size_t n;

	*sharings = 0;
	for (;;) {
		end = strchr(s, ',');
		n = end ? (size_t)(end - s) : strlen(s);
		if (n == 7 && !strncmp(s, "private", n))
			bit = LS_SHARING_BIT(LS_SHARING_PRIVATE);
		else if (n == 6 && !strncmp(s, "shared", n))
			bit = LS_SHARING_BIT(LS_SHARING_SHARED);
		else
			return -EINVAL;
		if (*sharings & bit)
			return -EINVAL;
		*sharings |= bit;
		if (!end)
			return 0;
		s = end + 1;
	}
}

/* all, or a comma-separated list of distinct modes. */
static int parse_mode(const char *s, unsigned int *modes)
{
	static const char *const names[] = { "hook", "loop", "fentry" };
	size_t len, i;

	if (!strcmp(s, "all")) {
		*modes = LS_MODES_ALL;
		return 0;
	}
	*modes = 0;
	for (;;) {
		len = strcspn(s, ",");
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			if (len == strlen(names[i]) && !strncmp(s, names[i], len))
				break;
		}
		if (i == sizeof(names) / sizeof(names[0]) || (*modes & LS_MODE_BIT(i)))
			return -EINVAL;
		*modes |= LS_MODE_BIT(i);
		if (!s[len])
			return 0;
		s += len + 1;
	}
}

/* Keeps an error to one line whatever the user typed: control characters become '?'. */
void ls_one_line(char *err)
{
	for (; *err; err++) {
		if ((unsigned char)*err < 0x20 || *err == 0x7f)
			*err = '?';
	}
}

static int parse_opts(int argc, char **argv, struct ls_run_opts *o, char *err, size_t len);

int ls_run_opts_parse(int argc, char **argv, struct ls_run_opts *o, char *err, size_t len)
{
	int ret = parse_opts(argc, argv, o, err, len);

	if (ret < 0)
		ls_one_line(err);
	return ret;
}

/* Applies option c with its value arg: 0, or -EINVAL for a bad value, -ENOENT: not one of these. */
static int set_opt(struct ls_run_opts *o, int c, char *arg, bool *timing_set)
{
	switch (c) {
	case 'w':
		*timing_set = true;
		if (parse_seconds(arg, true, &o->warmup_s))
			return -EINVAL;
		return 0;
	case 'd':
		*timing_set = true;
		if (parse_seconds(arg, false, &o->duration_s))
			return -EINVAL;
		return 0;
	case 'r':
		*timing_set = true;
		if (parse_uint(arg, 1, MAX_REPETITIONS, &o->repetitions))
			return -EINVAL;
		return 0;
	case 'm':
		if (parse_mode(arg, &o->modes))
			return -EINVAL;
		return 0;
	case 'o':
		if (!*arg)
			return -EINVAL;
		o->output = arg;
		return 0;
	case OPT_CPUS:
		if (parse_uint_list(arg, 4096, o->cpu_counts, &o->nr_cpu_counts))
			return -EINVAL;
		return 0;
	case OPT_OBJECTS:
		if (parse_uint_list(arg, LS_MAX_OBJECTS, o->objects, &o->nr_objects))
			return -EINVAL;
		return 0;
	case OPT_MAPS:
		if (parse_uint_list(arg, LS_MAX_MAPS, o->maps, &o->nr_maps))
			return -EINVAL;
		return 0;
	case OPT_VALUE_SIZE:
		if (parse_uint_list(arg, 4096, o->value_sizes, &o->nr_value_sizes) ||
		    !value_sizes_ok(o->value_sizes, o->nr_value_sizes))
			return -EINVAL;
		return 0;
	case OPT_SHARING:
		if (parse_sharings(arg, &o->sharings))
			return -EINVAL;
		return 0;
	case OPT_QUICK:
		o->quick = true;
		return 0;
	case OPT_NO_BPF_STATS:
		o->bpf_stats = false;
		return 0;
	case OPT_NO_LATENCY:
		o->latency = false;
		return 0;
	case OPT_NO_BPF_LATENCY:
		o->bpf_latency = false;
		return 0;
	case OPT_NO_PERF:
		o->perf = false;
		return 0;
	case OPT_OVERHEAD:
		o->overhead = true;
		return 0;
	case OPT_PROFILE:
		o->profile = true;
		return 0;
	case OPT_LOOP_ITERS:
		if (parse_uint(arg, 1, MAX_LOOP_ITERS, &o->loop_iters))
			return -EINVAL;
		return 0;
	case OPT_ROUNDS:
		o->rounds_set = true;
		return parse_uint(arg, 1, MAX_ROUNDS, &o->rounds);
	case OPT_MAX_ROUNDS:
		o->max_rounds_set = true;
		return parse_uint(arg, 1, MAX_ROUNDS, &o->max_rounds);
	case OPT_PRECISION:
		return parse_percent(arg, &o->precision_pct);
	case OPT_SEED:
		o->seed_set = true;
		return parse_u64(arg, &o->seed);
	case OPT_TIME_BUDGET:
		return parse_seconds(arg, false, &o->time_budget_s);
	case OPT_STALL:
		o->stall_set = true;
		return parse_seconds(arg, true, &o->stall_s);
	case 'v':
		o->verbose = true;
		return 0;
	}
	return -ENOENT;
}

static void run_opts_defaults(struct ls_run_opts *o)
{
	*o = (struct ls_run_opts){
		.warmup_s = LS_DEF_WARMUP_S,
		.duration_s = LS_DEF_DURATION_S,
		.repetitions = LS_DEF_REPETITIONS,
		.rounds = LS_DEF_ROUNDS,
		.max_rounds = LS_DEF_MAX_ROUNDS,
		.precision_pct = LS_DEF_PRECISION_PCT,
		.stall_s = LS_DEF_STALL_S,
		.modes = LS_MODES_ALL,
		.sharings = LS_SHARING_ALL,
		.loop_iters = 10000,
		.output = "results",
		.bpf_stats = true,
		.latency = true,
		.bpf_latency = true,
		.perf = true,
	};
}

/* What the options say together; 0 or -EINVAL with why in err. */
static int settle(struct ls_run_opts *o, bool timing_set, char *err, size_t len)
{
	if (o->quick && timing_set) {
		snprintf(err, len, "--quick sets -w, -d and -r: give one or the other");
		return -EINVAL;
	}
	if (o->quick) {
		o->warmup_s = QUICK_WARMUP_S;
		o->duration_s = QUICK_DURATION_S;
		o->repetitions = QUICK_REPETITIONS;
		if (!o->rounds_set)
			o->rounds = QUICK_ROUNDS;
	}
	/* rounds asked, and no most: that many */
	if (!o->max_rounds_set && (o->rounds_set || o->quick))
		o->max_rounds = o->rounds;
	if (o->max_rounds < o->rounds) {
		snprintf(err, len, "--max-rounds %u is below --rounds %u", o->max_rounds,
			 o->rounds);
		return -EINVAL;
	}
	return 0;
}

/* The one-line error for option c's bad value optarg. */
static int bad_value(int c, const char *optarg, char *err, size_t len)
{
	switch (c) {
	case 'w':
	case 'd':
		snprintf(err, len, "invalid %s '%s': seconds from %s to %g", c == 'w' ? "-w" : "-d",
			 optarg, c == 'w' ? "0" : "above 0", MAX_SECONDS);
		break;
	case 'r':
		snprintf(err, len, "invalid -r '%s': a whole number from 1 to %d", optarg,
			 MAX_REPETITIONS);
		break;
	case 'm':
		snprintf(
			err, len,
			"invalid -m '%s': all, or distinct modes of hook, loop and fentry, comma-separated",
			optarg);
		break;
	case 'o':
		snprintf(err, len, "invalid -o: empty folder name");
		break;
	case OPT_MAPS:
		snprintf(err, len,
			 "invalid --maps '%s': distinct map counts from 1 to %u, comma-separated",
			 optarg, LS_MAX_MAPS);
		break;
	case OPT_VALUE_SIZE:
		snprintf(err, len,
			 "invalid --value-size '%s': distinct sizes of 8, 64 and 4096 bytes",
			 optarg);
		break;
	case OPT_OBJECTS:
		snprintf(
			err, len,
			"invalid --objects '%s': distinct owner counts from 1 to %u, comma-separated",
			optarg, LS_MAX_OBJECTS);
		break;
	case OPT_SHARING:
		snprintf(err, len, "invalid --sharing '%s': private, shared or private,shared",
			 optarg);
		break;
	case OPT_CPUS:
		snprintf(err, len,
			 "invalid --cpus '%s': distinct thread counts from 1, comma-separated",
			 optarg);
		break;
	case OPT_ROUNDS:
	case OPT_MAX_ROUNDS:
		snprintf(err, len, "invalid %s '%s': a whole number from 1 to %d",
			 c == OPT_ROUNDS ? "--rounds" : "--max-rounds", optarg, MAX_ROUNDS);
		break;
	case OPT_PRECISION:
		snprintf(err, len, "invalid --precision '%s': a percentage above 0 and up to 100",
			 optarg);
		break;
	case OPT_SEED:
		snprintf(err, len, "invalid --seed '%s': a whole number", optarg);
		break;
	case OPT_TIME_BUDGET:
		snprintf(err, len, "invalid --time-budget '%s': seconds above 0, up to %g", optarg,
			 MAX_SECONDS);
		break;
	case OPT_STALL:
		snprintf(err, len, "invalid --stall '%s': seconds from 0 (never) up to %g", optarg,
			 MAX_SECONDS);
		break;
	default:
		snprintf(err, len, "invalid --loop-iters '%s': a whole number from 1 to %u", optarg,
			 MAX_LOOP_ITERS);
		break;
	}
	return -EINVAL;
}

static int parse_opts(int argc, char **argv, struct ls_run_opts *o, char *err, size_t len)
{
	bool timing_set = false;
	int c, ret;

	run_opts_defaults(o);
	optind = 0; /* glibc: start afresh, so parsing can run more than once */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":s:w:d:r:m:o:vh", long_opts, NULL)) != -1) {
		if (c == 's') {
			if (o->nr_globs == LS_MAX_GLOBS) {
				snprintf(err, len, "too many -s options (at most %d)",
					 LS_MAX_GLOBS);
				return -EINVAL;
			}
			o->globs[o->nr_globs++] = optarg;
			continue;
		}
		if (c == 'h')
			return 1;
		if (c == ':') {
			snprintf(err, len, "option %s needs a value", argv[optind - 1]);
			return -EINVAL;
		}
		ret = set_opt(o, c, optarg, &timing_set);
		if (ret == -EINVAL)
			goto bad_value;
		if (ret == -ENOENT) {
			if (optopt)
				snprintf(err, len, "unknown option '-%c'", optopt);
			else
				snprintf(err, len, "unknown option '%s'", argv[optind - 1]);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		snprintf(err, len, "unexpected argument '%s'", argv[optind]);
		return -EINVAL;
	}
	return settle(o, timing_set, err, len);

bad_value:
	return bad_value(c, optarg, err, len);
}

int ls_select(const struct scenario *table, size_t n, const struct ls_run_opts *o, bool *selected,
	      char *err, size_t len)
{
	size_t g, i;
	int count = 0;

	for (i = 0; i < n; i++)
		selected[i] = !o->nr_globs;
	for (g = 0; g < o->nr_globs; g++) {
		bool any = false;

		for (i = 0; i < n; i++) {
			if (!fnmatch(o->globs[g], table[i].name, 0) &&
			    (ls_scenario_modes(&table[i]) & o->modes)) {
				selected[i] = true;
				any = true;
			}
		}
		if (!any) {
			snprintf(err, len, "no scenario matches '%s'%s (see lsbench list)",
				 o->globs[g], o->modes == LS_MODES_ALL ? "" : " in this mode");
			ls_one_line(err);
			return -ENOENT;
		}
	}
	for (i = 0; i < n; i++) {
		if (!(ls_scenario_modes(&table[i]) & o->modes))
			selected[i] = false;
		count += selected[i];
	}
	if (!count) {
		snprintf(err, len, "no scenario runs in this mode");
		return -ENOENT;
	}
	return count;
}

int ls_cpu_counts_resolve(struct ls_run_opts *o, unsigned int usable, char *err, size_t len)
{
	unsigned int v;
	size_t i;

	if (!usable) {
		snprintf(err, len, "no usable CPU");
		return -EINVAL;
	}
	if (!o->nr_cpu_counts) {
		for (v = 1; v < usable && o->nr_cpu_counts < LS_MAX_CPU_COUNTS - 1; v *= 2)
			o->cpu_counts[o->nr_cpu_counts++] = v;
		o->cpu_counts[o->nr_cpu_counts++] = usable;
		return 0;
	}
	for (i = 0; i < o->nr_cpu_counts; i++) {
		if (o->cpu_counts[i] > usable) {
			snprintf(err, len, "--cpus %u: only %u CPUs are usable", o->cpu_counts[i],
				 usable);
			return -EINVAL;
		}
	}
	return 0;
}

size_t ls_sweep_for(const struct ls_run_opts *o, const struct scenario *sc, enum ls_dim dim,
		    unsigned int *vals)
{
	const struct {
		const struct ls_sweep *table;
		const unsigned int *opt;
		size_t nr_opt;
	} d[] = {
		[LS_DIM_OBJECTS] = { &sc->objects, o->objects, o->nr_objects },
		[LS_DIM_MAPS] = { &sc->maps, o->maps, o->nr_maps },
		[LS_DIM_VALUE_SIZE] = { &sc->value_sizes, o->value_sizes, o->nr_value_sizes },
	};

	if (!d[dim].table->n)
		return 0;
	if (d[dim].nr_opt) {
		memcpy(vals, d[dim].opt, d[dim].nr_opt * sizeof(*vals));
		return d[dim].nr_opt;
	}
	memcpy(vals, d[dim].table->v, d[dim].table->n * sizeof(*vals));
	return d[dim].table->n;
}
