/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-line options declared once: a command has a table of rows, one per
 * option, from which its parsing (getopt_long, options anywhere among the
 * arguments), its defaults, its one-line errors and its usage text all come.
 * Adding an option is one row and the field it fills.
 */
#ifndef LSBENCH_CLI_H
#define LSBENCH_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct ls_cli_opt;

/*
 * A row's own parser: arg into the settings at base (the row's field is at
 * base + opt->off). Returns 0, or -EINVAL: with err empty, the error says
 * that arg is not opt->what; else err says why.
 */
typedef int (*ls_cli_parse_fn)(const struct ls_cli_opt *opt, const char *arg, void *base, char *err,
			       size_t len);

enum ls_cli_kind {
	LS_CLI_FLAG, /* takes no value: sets its bool */
	LS_CLI_CLEAR, /* takes no value: clears its bool (--no-...), which is true by default */
	LS_CLI_UINT, /* unsigned int, whole, from min to max */
	LS_CLI_U64, /* unsigned long long, whole */
	LS_CLI_REAL, /* double from min (or above it, with above_min) to max */
	LS_CLI_STR, /* const char *, not empty, and valid() when given */
	LS_CLI_STRS, /* repeatable: const char *[cap], their count a size_t at aux */
	LS_CLI_UINTS, /* distinct unsigned ints from min to max, comma-separated: [cap], count at
			 aux */
	LS_CLI_BITS, /* unsigned int: 1 << i for each of names[i] given, comma-separated, or all */
	LS_CLI_CHOICE, /* unsigned int (or an enum): i for names[i] */
	LS_CLI_FN, /* parse, with what saying what it takes */
	LS_CLI_CHILD, /* the rows of child, their fields at base + off */
};

struct ls_cli_opt {
	const char *name; /* long name, with its dashes: "--rounds" */
	char short_name; /* 0: none */
	const char *arg; /* its value's name in the usage (N, LIST); NULL: it takes none */
	const char *help; /* what it does, for the usage; a child's heading */
	enum ls_cli_kind kind;
	size_t off; /* of its field in the settings */
	size_t aux; /* LS_CLI_STRS, LS_CLI_UINTS: of the count */
	size_t given; /* LS_CLI_GIVEN(): a bool set when the option is given; 0: none */
	double min, max; /* the range of a number */
	size_t cap; /* LS_CLI_STRS, LS_CLI_UINTS: how many the array holds */
	bool above_min; /* LS_CLI_REAL: min itself is not allowed */
	const char *def; /* the default, parsed into the field before the arguments */
	const char *def_text; /* what the usage says the default is, when not def */
	const char *what; /* what a value must be, for errors (LS_CLI_FN, or to say more) */
	bool (*valid)(const char *arg); /* LS_CLI_STR: whether arg will do; NULL: any */
	const char *const *names; /* LS_CLI_BITS, LS_CLI_CHOICE: its words, NULL-terminated */
	const char *all; /* LS_CLI_BITS: the word for all of them; NULL: none */
	ls_cli_parse_fn parse; /* LS_CLI_FN */
	const struct ls_cli_opt *child; /* LS_CLI_CHILD: its table */
	/*
	 * Changes what a round measures: lsbench run's measure key is made of
	 * these rows' values (bench/identity.c). An LS_CLI_FN row with it fills
	 * unsigned ints, a list when it has aux.
	 */
	bool measures;
};

/* A macro's value as a string, for defaults: LS_STR(LS_DEF_ROUNDS) */
#define LS_STR_(x) #x
#define LS_STR(x) LS_STR_(x)

#define LS_CLI_AT(type, field) .off = offsetof(type, field)
#define LS_CLI_GIVEN(type, field) .given = offsetof(type, field) + 1

/* A command: its name, its table (ended by a row without name or child) and its arguments. */
struct ls_cli_cmd {
	const char *name; /* as typed after lsbench; errors begin "lsbench NAME: " */
	const char *synopsis; /* after "usage: lsbench NAME ", one line per form */
	const char *desc; /* what it does, before the options (may be NULL) */
	const struct ls_cli_opt *opts;
	const char *footer; /* after the options (may be NULL) */
	int min_args, max_args; /* positional arguments; max_args -1: any number */
	/* called for every option given, after its parser (may be NULL) */
	void (*seen)(void *base, const struct ls_cli_opt *opt, const char *arg);
	/*
	 * called once all is parsed, with the positional arguments at
	 * argv[pos..argc), for what no row can check alone (may be NULL): 0, or
	 * -EINVAL with a one-line message in err
	 */
	int (*check)(void *base, int argc, char **argv, int pos, char *err, size_t len);
};

#define LS_CLI_HELP 1

/*
 * Sets the defaults in settings and parses argv[1..argc) into them; fields
 * without a default keep what they held (zero them first). Positional
 * arguments are moved after the options: the first at *pos. Then cmd->check,
 * if the command has one. Returns 0,
 * LS_CLI_HELP for -h or --help, or -EINVAL (-ENOMEM) with a one-line message
 * in err that names the option.
 */
int ls_cli_parse(const struct ls_cli_cmd *cmd, int argc, char **argv, void *settings, int *pos,
		 char *err, size_t len);

/*
 * ls_cli_parse for a command's main: returns -1 when the command goes on;
 * else its exit status: 0 after printing the usage asked for, 2 after
 * printing the error as ls_cli_error does.
 */
int ls_cli_main(const struct ls_cli_cmd *cmd, int argc, char **argv, void *settings, int *pos);

/* The usage text: synopsis, description, every option with its default, footer. */
void ls_cli_usage(const struct ls_cli_cmd *cmd, FILE *f);

/* "lsbench NAME: MESSAGE" on stderr, control characters made '?'. Returns 2, the exit status. */
int ls_cli_error(const struct ls_cli_cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The row of the table (children included) whose long name is name, or NULL. */
const struct ls_cli_opt *ls_cli_find(const struct ls_cli_opt *table, const char *name);

/* Calls fn with every row of table, children's included, and the settings its field is in. */
void ls_cli_each(const struct ls_cli_opt *table, const void *settings,
		 void (*fn)(const struct ls_cli_opt *opt, const void *settings, void *arg),
		 void *arg);

/* Rows of a table, children's included, that take options: their count. */
size_t ls_cli_count(const struct ls_cli_opt *table);

/* The parsers of LS_CLI_UINTS and LS_CLI_REAL, for rows of LS_CLI_FN that add a check. */
int ls_cli_parse_uints(const struct ls_cli_opt *opt, const char *arg, void *base);
int ls_cli_parse_real(const struct ls_cli_opt *opt, const char *arg, void *base);

/* Replaces control characters in s, so that a message with values in it stays one line. */
void ls_one_line(char *s);

/*
 * Of the n names, the one closest to word by edit distance, if close enough
 * to be what was meant (at most a third of its length, and at least 1); NULL:
 * none. For "did you mean".
 */
const char *ls_nearest(const char *word, const char *const *names, size_t n);

#endif /* LSBENCH_CLI_H */
