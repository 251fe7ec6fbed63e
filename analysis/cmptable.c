// SPDX-License-Identifier: GPL-2.0
/*
 * Tables for compare's console and markdown output: columns as wide as
 * their widest cell, so that no label is cut; and cell labels spelled out,
 * with what every row shares said once above the table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cmptable.h"

void ls_tab_col(struct ls_tab *t, const char *head, bool right)
{
	if (t->nr_cols == LS_TAB_MAX_COLS || t->nr_rows) {
		t->err = -EINVAL;
		return;
	}
	t->head[t->nr_cols] = head;
	t->right[t->nr_cols++] = right;
}

void ls_tab_row(struct ls_tab *t, const char *const *cells)
{
	size_t need = (t->nr_rows + 1) * t->nr_cols, i;
	char **p;

	if (t->err)
		return;
	if (need > t->cap) {
		p = realloc(t->cells, 2 * need * sizeof(*p));
		if (!p) {
			t->err = -ENOMEM;
			return;
		}
		t->cells = p;
		t->cap = 2 * need;
	}
	for (i = 0; i < t->nr_cols; i++) {
		t->cells[t->nr_rows * t->nr_cols + i] = strdup(cells[i] ?: "");
		if (!t->cells[t->nr_rows * t->nr_cols + i])
			t->err = -ENOMEM;
	}
	t->nr_rows++;
}

/* Display width: the UTF-8 characters of s (± and µ are one column each). */
static size_t width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void print_cell(const char *s, size_t w, bool right, bool last, FILE *f)
{
	size_t pad = w - width(s);

	if (right)
		fprintf(f, "%*s%s", (int)pad, "", s);
	else
		fprintf(f, "%s%*s", s, last ? 0 : (int)pad, "");
}

static void print_text(const struct ls_tab *t, FILE *f)
{
	size_t w[LS_TAB_MAX_COLS], i, j, n;

	for (j = 0; j < t->nr_cols; j++) {
		w[j] = width(t->head[j]);
		for (i = 0; i < t->nr_rows; i++) {
			n = width(t->cells[i * t->nr_cols + j]);
			w[j] = n > w[j] ? n : w[j];
		}
	}
	for (j = 0; j < t->nr_cols; j++) {
		fputs(j ? "  " : "", f);
		print_cell(t->head[j], w[j], t->right[j], j + 1 == t->nr_cols, f);
	}
	fputc('\n', f);
	for (i = 0; i < t->nr_rows; i++) {
		for (j = 0; j < t->nr_cols; j++) {
			fputs(j ? "  " : "", f);
			print_cell(t->cells[i * t->nr_cols + j], w[j], t->right[j],
				   j + 1 == t->nr_cols, f);
		}
		fputc('\n', f);
	}
}

static void print_md_cell(const char *s, FILE *f)
{
	fputs("| ", f);
	for (; *s; s++) {
		if (*s == '|')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc(' ', f);
}

static void print_markdown(const struct ls_tab *t, FILE *f)
{
	size_t i, j;

	for (j = 0; j < t->nr_cols; j++)
		print_md_cell(t->head[j], f);
	fputs("|\n", f);
	for (j = 0; j < t->nr_cols; j++)
		fputs(t->right[j] ? "|---:" : "|:---", f);
	fputs("|\n", f);
	for (i = 0; i < t->nr_rows; i++) {
		for (j = 0; j < t->nr_cols; j++)
			print_md_cell(t->cells[i * t->nr_cols + j], f);
		fputs("|\n", f);
	}
}

void ls_tab_print(const struct ls_tab *t, bool markdown, FILE *f)
{
	if (markdown)
		print_markdown(t, f);
	else
		print_text(t, f);
}

void ls_tab_free(struct ls_tab *t)
{
	size_t i;

	for (i = 0; i < t->nr_rows * t->nr_cols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

/* Which label fields of a and b differ. */
static unsigned int key_diff(const struct ls_key *a, const struct ls_key *b)
{
	return (strcmp(a->mode, b->mode) ? LS_LBL_MODE : 0) |
	       (a->cpus != b->cpus ? LS_LBL_CPUS : 0) |
	       (a->nr_objects != b->nr_objects ? LS_LBL_OWNERS : 0) |
	       (a->nr_maps != b->nr_maps ? LS_LBL_MAPS : 0) |
	       (a->value_size != b->value_size ? LS_LBL_VALUE : 0) |
	       (strcmp(a->sharing, b->sharing) ? LS_LBL_SHARING : 0);
}

unsigned int ls_keys_varying(const struct ls_key *const *keys, size_t n)
{
	unsigned int mask = 0;
	size_t i;

	for (i = 1; i < n; i++)
		mask |= key_diff(keys[0], keys[i]);
	return mask;
}

static size_t add_part(char *buf, size_t size, size_t n, const char *fmt, unsigned int v,
		       const char *one, const char *many)
{
	int k = snprintf(buf + n, n < size ? size - n : 0, "%s", n ? ", " : "");

	n += k > 0 ? k : 0;
	k = snprintf(buf + n, n < size ? size - n : 0, fmt, v, v == 1 ? one : many);
	return n + (k > 0 ? k : 0);
}

void ls_key_spelled(const struct ls_key *k, unsigned int mask, bool no_scenario, char *buf,
		    size_t size)
{
	size_t n = 0;

	buf[0] = 0;
	if (!no_scenario)
		n = snprintf(buf, size, "%s", k->scenario);
	if (mask & LS_LBL_MODE)
		n += snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? ", " : "", k->mode);
	if (mask & LS_LBL_CPUS)
		n = add_part(buf, size, n, "%u %s", k->cpus, "thread", "threads");
	if (mask & LS_LBL_OWNERS)
		n = add_part(buf, size, n, "%u %s", k->nr_objects, "owner", "owners");
	if (mask & LS_LBL_MAPS)
		n = add_part(buf, size, n, "%u %s", k->nr_maps, "map", "maps");
	if (mask & LS_LBL_VALUE)
		n = add_part(buf, size, n, "%u %s", k->value_size, "B", "B");
	if (mask & LS_LBL_SHARING)
		n += snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? ", " : "", k->sharing);
}
