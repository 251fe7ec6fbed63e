// SPDX-License-Identifier: GPL-2.0
/* Command-line options from one table per command: parsing, defaults, errors, usage. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define VAL_BASE 0x100 /* getopt_long's val of row i: VAL_BASE + i, above every short option */
#define HELP_COL 24 /* where the usage's help text starts */
#define USAGE_WIDTH 80

/* A row and where its settings are: children's fields are at an offset of their own. */
struct flat {
	const struct ls_cli_opt *opt;
	size_t base;
};

struct flat_table {
	struct flat *rows;
	size_t n, cap;
};

static bool is_end(const struct ls_cli_opt *o)
{
	return !o->name && o->kind != LS_CLI_CHILD;
}

static int flatten(struct flat_table *t, const struct ls_cli_opt *table, size_t base)
{
	const struct ls_cli_opt *o;
	struct flat *grown;

	for (o = table; !is_end(o); o++) {
		if (o->kind == LS_CLI_CHILD) {
			if (flatten(t, o->child, base + o->off))
				return -ENOMEM;
			continue;
		}
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 32;
			grown = realloc(t->rows, t->cap * sizeof(*grown));
			if (!grown)
				return -ENOMEM;
			t->rows = grown;
		}
		t->rows[t->n++] = (struct flat){ o, base };
	}
	return 0;
}

void ls_one_line(char *err)
{
	for (; *err; err++) {
		if ((unsigned char)*err < 0x20 || *err == 0x7f)
			*err = '?';
	}
}

/* A whole number without sign, space or anything after it. */
static int parse_whole(const char *s, unsigned long long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return errno || *end ? -EINVAL : 0;
}

static int parse_uint(const struct ls_cli_opt *opt, const char *s, unsigned int *out)
{
	unsigned long long v;

	if (parse_whole(s, &v) || v < opt->min || v > opt->max || v > UINT32_MAX)
		return -EINVAL;
	*out = v;
	return 0;
}

int ls_cli_parse_real(const struct ls_cli_opt *opt, const char *s, void *base)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < opt->min || v > opt->max ||
	    (opt->above_min && v == opt->min))
		return -EINVAL;
	*(double *)((char *)base + opt->off) = v;
	return 0;
}

int ls_cli_parse_uints(const struct ls_cli_opt *opt, const char *s, void *base)
{
	unsigned int *vals = (unsigned int *)((char *)base + opt->off);
	size_t *nr = (size_t *)((char *)base + opt->aux), i, n = 0;
	const char *end;
	char tok[24];

	for (;;) {
		end = s + strcspn(s, ",");
		if (end == s || end - s >= (long)sizeof(tok) || n == opt->cap)
			return -EINVAL;
		memcpy(tok, s, end - s);
		tok[end - s] = 0;
		if (parse_uint(opt, tok, &vals[n]))
			return -EINVAL;
		for (i = 0; i < n; i++) {
			if (vals[i] == vals[n])
				return -EINVAL;
		}
		n++;
		if (!*end)
			break;
		s = end + 1;
	}
	*nr = n;
	return 0;
}

/* Distinct words of opt->names, comma-separated, as bits; or opt->all, every one. */
static int parse_bits(const struct ls_cli_opt *opt, const char *s, unsigned int *bits)
{
	size_t n, i;

	*bits = 0;
	for (i = 0; opt->all && !strcmp(s, opt->all) && opt->names[i]; i++)
		*bits |= 1u << i;
	if (*bits)
		return 0;
	for (;;) {
		n = strcspn(s, ",");
		for (i = 0; opt->names[i]; i++) {
			if (n == strlen(opt->names[i]) && !strncmp(s, opt->names[i], n))
				break;
		}
		if (!opt->names[i] || (*bits & (1u << i)))
			return -EINVAL;
		*bits |= 1u << i;
		if (!s[n])
			return 0;
		s += n + 1;
	}
}

/* Applies opt's value arg to its field: 0, or -EINVAL (err written when it says more). */
static int set_value(const struct ls_cli_opt *opt, const char *arg, void *base, char *err,
		     size_t len)
{
	char *field = (char *)base + opt->off;
	unsigned long long v;
	size_t *nr;

	switch (opt->kind) {
	case LS_CLI_FLAG:
	case LS_CLI_CLEAR:
		*(bool *)field = opt->kind == LS_CLI_FLAG;
		return 0;
	case LS_CLI_UINT:
		return parse_uint(opt, arg, (unsigned int *)field);
	case LS_CLI_U64:
		if (parse_whole(arg, &v))
			return -EINVAL;
		*(unsigned long long *)field = v;
		return 0;
	case LS_CLI_REAL:
		return ls_cli_parse_real(opt, arg, base);
	case LS_CLI_STR:
		if (!*arg || (opt->valid && !opt->valid(arg)))
			return -EINVAL;
		*(const char **)field = arg;
		return 0;
	case LS_CLI_STRS:
		nr = (size_t *)((char *)base + opt->aux);
		if (*nr == opt->cap) {
			snprintf(err, len, "%s: at most %zu of them", opt->name, opt->cap);
			return -EINVAL;
		}
		((const char **)field)[(*nr)++] = arg;
		return 0;
	case LS_CLI_UINTS:
		return ls_cli_parse_uints(opt, arg, base);
	case LS_CLI_BITS:
		return parse_bits(opt, arg, (unsigned int *)field);
	case LS_CLI_CHOICE:
		for (v = 0; opt->names[v] && strcmp(arg, opt->names[v]); v++)
			;
		if (!opt->names[v])
			return -EINVAL;
		*(unsigned int *)field = v;
		return 0;
	case LS_CLI_FN:
		return opt->parse(opt, arg, base, err, len);
	case LS_CLI_CHILD:
		break;
	}
	return -EINVAL;
}

/* "one of a, b or c" (LS_CLI_CHOICE), "a, b or c, comma-separated, each once" (LS_CLI_BITS). */
static void names(const struct ls_cli_opt *opt, char *buf, size_t len)
{
	size_t i, n = 0, k;

	while (opt->names[n])
		n++;
	k = snprintf(buf, len, "%s", opt->kind == LS_CLI_CHOICE ? "one of " : "");
	for (i = 0; i < n && k < len; i++)
		k += snprintf(buf + k, len - k, "%s%s", i ? (i + 1 == n ? " or " : ", ") : "",
			      opt->names[i]);
	if (opt->kind == LS_CLI_BITS && k < len)
		snprintf(buf + k, len - k, ", comma-separated, each once%s%s",
			 opt->all ? "; or " : "", opt->all ?: "");
}

/* What a value of opt must be, for its error and nothing else. */
static void expect(const struct ls_cli_opt *opt, char *buf, size_t len)
{
	if (opt->what) {
		snprintf(buf, len, "%s", opt->what);
		return;
	}
	switch (opt->kind) {
	case LS_CLI_UINT:
		snprintf(buf, len, "a whole number from %.0f to %.0f", opt->min, opt->max);
		break;
	case LS_CLI_UINTS:
		snprintf(buf, len, "distinct whole numbers from %.0f to %.0f, comma-separated",
			 opt->min, opt->max);
		break;
	case LS_CLI_REAL:
		snprintf(buf, len,
			 opt->above_min ? "a number above %g, up to %g" : "a number from %g to %g",
			 opt->min, opt->max);
		break;
	case LS_CLI_U64:
		snprintf(buf, len, "a whole number");
		break;
	case LS_CLI_CHOICE:
	case LS_CLI_BITS:
		names(opt, buf, len);
		break;
	default:
		snprintf(buf, len, "a value");
		break;
	}
}

/* The one-line error for opt's bad value arg, unless its parser wrote one. */
static int bad_value(const struct ls_cli_opt *opt, const char *arg, char *err, size_t len)
{
	char what[160];

	if (*err)
		return -EINVAL;
	expect(opt, what, sizeof(what));
	if (!*arg)
		snprintf(err, len, "%s: an empty value is not %s", opt->name, what);
	else
		snprintf(err, len, "%s: '%s' is not %s", opt->name, arg, what);
	return -EINVAL;
}

static int set_defaults(const struct flat_table *t, void *base, char *err, size_t len)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct ls_cli_opt *opt = t->rows[i].opt;

		char *at = (char *)base + t->rows[i].base;

		if (opt->kind == LS_CLI_CLEAR)
			*(bool *)(at + opt->off) = true; /* on unless --no-... */
		else if (opt->def && set_value(opt, opt->def, at, err, len))
			return bad_value(opt, opt->def, err, len);
	}
	return 0;
}

/* getopt_long's tables of the rows: long options (and help), then the short ones. */
static int getopt_tables(const struct flat_table *t, struct option **longs, char **shorts)
{
	size_t i, s = 0;

	*longs = calloc(t->n + 2, sizeof(**longs));
	*shorts = calloc(2 * t->n + 4, 1);
	if (!*longs || !*shorts)
		return -ENOMEM;
	(*shorts)[s++] = ':'; /* a missing value: ':', not '?' */
	for (i = 0; i < t->n; i++) {
		const struct ls_cli_opt *opt = t->rows[i].opt;

		(*longs)[i] = (struct option){ opt->name + 2,
					       opt->arg ? required_argument : no_argument, NULL,
					       VAL_BASE + (int)i };
		if (opt->short_name) {
			(*shorts)[s++] = opt->short_name;
			if (opt->arg)
				(*shorts)[s++] = ':';
		}
	}
	(*longs)[t->n] = (struct option){ "help", no_argument, NULL, 'h' };
	(*shorts)[s] = 'h';
	return 0;
}

/* The row of getopt_long's answer c. */
static long row_of(const struct flat_table *t, int c)
{
	size_t i;

	if (c >= VAL_BASE)
		return c - VAL_BASE < (int)t->n ? c - VAL_BASE : -1;
	for (i = 0; i < t->n; i++) {
		if (t->rows[i].opt->short_name == c)
			return i;
	}
	return -1;
}

/* An option that is none of the table's, with the closest long name when one is close. */
static void unknown(const struct flat_table *t, const char *arg, char *err, size_t len)
{
	const char *names[256], *near = NULL;
	char word[64];
	size_t i, n = 0;

	if (!strncmp(arg, "--", 2)) {
		snprintf(word, sizeof(word), "%.*s", (int)strcspn(arg, "="), arg);
		for (i = 0; i < t->n && n < sizeof(names) / sizeof(names[0]); i++)
			names[n++] = t->rows[i].opt->name;
		near = ls_nearest(word, names, n);
	}
	snprintf(err, len, "unknown option '%s'%s%s%s", arg, near ? ": did you mean " : "",
		 near ?: "", near ? "?" : "");
}

static int parse_args(const struct ls_cli_cmd *cmd, const struct flat_table *t, int argc,
		      char **argv, void *base, int *pos, char *err, size_t len)
{
	struct option *longs = NULL;
	char *shorts = NULL;
	int c, ret = getopt_tables(t, &longs, &shorts);
	long r;

	optind = 0; /* glibc: start afresh, so that parsing can run more than once */
	opterr = 0;
	while (!ret && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (c == 'h') {
			ret = LS_CLI_HELP;
		} else if (c == ':' || (c == '?' && optopt >= VAL_BASE)) {
			/* a value missing, or given to an option that takes none */
			r = row_of(t, optopt);
			if (r >= 0)
				snprintf(err, len, "%s %s", t->rows[r].opt->name,
					 c == ':' ? "needs a value" : "takes no value");
			else
				snprintf(err, len, "%s needs a value", argv[optind - 1]);
			ret = -EINVAL;
		} else if ((r = row_of(t, c)) < 0) {
			if (optopt)
				snprintf(err, len, "unknown option '-%c'", optopt);
			else
				unknown(t, argv[optind - 1], err, len);
			ret = -EINVAL;
		} else {
			const struct ls_cli_opt *opt = t->rows[r].opt;
			char *at = (char *)base + t->rows[r].base;

			*err = 0;
			if (set_value(opt, optarg, at, err, len))
				ret = bad_value(opt, optarg, err, len);
			else if (opt->given)
				*((bool *)(at + opt->given - 1)) = true;
			if (!ret && cmd->seen)
				cmd->seen(base, opt, optarg);
		}
	}
	free(longs);
	free(shorts);
	if (ret)
		return ret;
	*pos = optind;
	if (argc - optind > cmd->max_args && cmd->max_args >= 0) {
		snprintf(err, len, "unexpected argument '%s'", argv[optind + cmd->max_args]);
		return -EINVAL;
	}
	if (argc - optind < cmd->min_args) {
		snprintf(err, len, "%s given (usage: lsbench %s %s)",
			 argc - optind ? "too few arguments" : "no argument", cmd->name,
			 cmd->synopsis);
		return -EINVAL;
	}
	return 0;
}

int ls_cli_parse(const struct ls_cli_cmd *cmd, int argc, char **argv, void *settings, int *pos,
		 char *err, size_t len)
{
	struct flat_table t = {};
	int ret;

	*err = 0;
	ret = flatten(&t, cmd->opts, 0);
	if (!ret)
		ret = set_defaults(&t, settings, err, len);
	if (!ret)
		ret = parse_args(cmd, &t, argc, argv, settings, pos, err, len);
	if (!ret && cmd->check)
		ret = cmd->check(settings, argc, argv, *pos, err, len);
	if (ret == -ENOMEM)
		snprintf(err, len, "out of memory");
	free(t.rows);
	ls_one_line(err);
	return ret;
}

int ls_cli_error(const struct ls_cli_cmd *cmd, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ls_one_line(msg);
	fprintf(stderr, "lsbench %s: %s\n", cmd->name, msg);
	return 2;
}

int ls_cli_main(const struct ls_cli_cmd *cmd, int argc, char **argv, void *settings, int *pos)
{
	char err[512];
	int ret = ls_cli_parse(cmd, argc, argv, settings, pos, err, sizeof(err));

	if (ret == LS_CLI_HELP) {
		ls_cli_usage(cmd, stdout);
		return 0;
	}
	return ret ? ls_cli_error(cmd, "%s", err) : -1;
}

/* Words of text from column col on, wrapped before USAGE_WIDTH, the lines after at indent. */
static void wrap(FILE *f, const char *text, int col, int indent)
{
	const char *w = text;
	int n;

	while (*w) {
		n = strcspn(w, " \n");
		if (col > indent && col + 1 + n > USAGE_WIDTH) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		col += fprintf(f, "%.*s", n, w);
		w += n;
		w += strspn(w, " \n");
	}
	fputc('\n', f);
}

static void usage_row(FILE *f, const struct ls_cli_opt *opt)
{
	char help[512];
	int col;

	col = fprintf(f, "  %c%c%s%s%s%s", opt->short_name ? '-' : ' ', opt->short_name ?: ' ',
		      opt->short_name ? ", " : "  ", opt->name, opt->arg ? " " : "",
		      opt->arg ?: "");
	if (col > HELP_COL - 1) {
		fputc('\n', f);
		col = 0;
	}
	fprintf(f, "%*s", HELP_COL - col, "");
	if (opt->def_text || (opt->def && opt->arg))
		snprintf(help, sizeof(help), "%s (default %s)", opt->help,
			 opt->def_text ?: opt->def);
	else
		snprintf(help, sizeof(help), "%s", opt->help);
	wrap(f, help, HELP_COL, HELP_COL);
}

static void usage_rows(FILE *f, const struct ls_cli_opt *table)
{
	const struct ls_cli_opt *o;

	for (o = table; !is_end(o); o++) {
		if (o->kind != LS_CLI_CHILD) {
			usage_row(f, o);
			continue;
		}
		if (o->help) {
			fputc('\n', f);
			wrap(f, o->help, 0, 0);
		}
		usage_rows(f, o->child);
	}
}

void ls_cli_usage(const struct ls_cli_cmd *cmd, FILE *f)
{
	const char *s = cmd->synopsis ?: "";
	size_t n, len;

	/* one line per form: "usage: lsbench NAME FORM", the others under it */
	for (n = 0; !n || *s; n++) {
		len = strcspn(s, "\n");
		fprintf(f, "%s lsbench %s%s%.*s\n", n ? "      " : "usage:", cmd->name,
			len ? " " : "", (int)len, s);
		s += len;
		s += *s == '\n';
	}
	if (cmd->desc) {
		fputc('\n', f);
		wrap(f, cmd->desc, 0, 0);
	}
	fputc('\n', f);
	usage_rows(f, cmd->opts);
	fprintf(f, "  -h, --help            this text\n");
	if (cmd->footer) {
		fputc('\n', f);
		wrap(f, cmd->footer, 0, 0);
	}
}

const struct ls_cli_opt *ls_cli_find(const struct ls_cli_opt *table, const char *name)
{
	const struct ls_cli_opt *o, *found;

	for (o = table; !is_end(o); o++) {
		if (o->kind == LS_CLI_CHILD) {
			found = ls_cli_find(o->child, name);
			if (found)
				return found;
		} else if (!strcmp(o->name, name)) {
			return o;
		}
	}
	return NULL;
}

void ls_cli_each(const struct ls_cli_opt *table, const void *settings,
		 void (*fn)(const struct ls_cli_opt *opt, const void *settings, void *arg),
		 void *arg)
{
	const struct ls_cli_opt *o;

	for (o = table; !is_end(o); o++) {
		if (o->kind == LS_CLI_CHILD)
			ls_cli_each(o->child, (const char *)settings + o->off, fn, arg);
		else
			fn(o, settings, arg);
	}
}

size_t ls_cli_count(const struct ls_cli_opt *table)
{
	const struct ls_cli_opt *o;
	size_t n = 0;

	for (o = table; !is_end(o); o++)
		n += o->kind == LS_CLI_CHILD ? ls_cli_count(o->child) : 1;
	return n;
}

/* Levenshtein distance of a and b, each cut at 63 characters. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strnlen(a, 63), lb = strnlen(b, 63), i, j, prev[64], cur[64];

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, (lb + 1) * sizeof(*prev));
	}
	return prev[lb];
}

const char *ls_nearest(const char *word, const char *const *names, size_t n)
{
	size_t i, d, best = SIZE_MAX, limit = strlen(word) / 3;
	const char *found = NULL;

	if (limit < 1)
		limit = 1;
	for (i = 0; i < n; i++) {
		d = distance(word, names[i]);
		if (d && d <= limit && d < best) {
			best = d;
			found = names[i];
		}
	}
	return found;
}
