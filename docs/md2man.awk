#!/usr/bin/awk -f
# Turns a command page of docs/ (docs/lsbench-*.md) into a man page (roff, man macros).
# The pages use a small part of markdown, and this handles that part alone: the title line
# `# lsbench-CMD`, the NAME line after it, `## SECTION`, `### Subsection`, paragraphs, fenced
# code blocks, lists (`- `), OPTIONS items (`- `-x, --long ARG`: text`), tables (kept as they
# are, in a no-fill block), inline `code`, **bold**, *italic* and [links](...). HTML comments
# are dropped.
# usage: awk -v rev=REVISION -f docs/md2man.awk docs/lsbench-CMD.md > lsbench-CMD.1

# esc(s): s with roff's special characters escaped.
function esc(s) {
	gsub(/\\/, "\\e", s)
	return s
}

# inline(s): markdown's inline markup of s in roff fonts; a code span's hyphens are \-.
function inline(s,    out, pre, code) {
	s = esc(s)
	out = ""
	while (match(s, /`[^`]+`/)) {
		pre = substr(s, 1, RSTART - 1)
		code = substr(s, RSTART + 1, RLENGTH - 2)
		s = substr(s, RSTART + RLENGTH)
		gsub(/-/, "\\-", code)
		out = out words(pre) "\\fB" code "\\fR"
	}
	return out words(s)
}

# wrap(s, re, open, strip): each match of re in s (a delimiter of length strip on each side)
# becomes its inside between open and \fR.
function wrap(s, re, open, strip,    out) {
	out = ""
	while (match(s, re)) {
		out = out substr(s, 1, RSTART - 1) open substr(s, RSTART + strip, RLENGTH - 2 * strip) "\\fR"
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}

# words(s): bold, italic and links ([text](target): the text) outside code spans.
function words(s,    out, link) {
	s = wrap(s, "[*][*][^*]+[*][*]", "\\fB", 2)
	s = wrap(s, "[*][^* ][^*]*[*]", "\\fI", 1)
	out = ""
	while (match(s, /\[[^]]+\]\([^)]+\)/)) {
		link = substr(s, RSTART, RLENGTH)
		sub(/\]\(.*$/, "", link)
		out = out substr(s, 1, RSTART - 1) substr(link, 2)
		s = substr(s, RSTART + RLENGTH)
	}
	return out s
}

# line(s): a line of running text, guarded against starting a request.
function line(s) {
	s = inline(s)
	if (s ~ /^[.']/)
		s = "\\&" s
	print s
}

# verbatim(s): a line of a code block or table, as it is.
function verbatim(s) {
	s = esc(s)
	gsub(/-/, "\\-", s)
	if (s ~ /^[.']/)
		s = "\\&" s
	print s
}

BEGIN {
	section = ""
	incode = 0
	intable = 0
	comment = 0
}

comment {
	if ($0 ~ /-->/)
		comment = 0
	next
}
/^<!--/ {
	if ($0 !~ /-->/)
		comment = 1
	next
}

/^```/ {
	if (incode) {
		print ".fi"
		print ".RE"
		incode = 0
	} else {
		print ".PP"
		print ".RS 4"
		print ".nf"
		incode = 1
	}
	next
}
incode {
	verbatim($0)
	next
}

intable && !/^\|/ {
	print ".fi"
	intable = 0
}
/^\|/ {
	if (!intable) {
		print ".PP"
		print ".nf"
		intable = 1
	}
	if ($0 !~ /^\|[-:| ]+\|$/)
		verbatim($0)
	next
}

NR == 1 && /^# / {
	name = substr($0, 3)
	title = toupper(name)
	printf ".TH %s 1 \"\" \"lsbench %s\" \"lsbench manual\"\n", title, rev
	next
}
/^## / {
	section = toupper(substr($0, 4))
	print ".SH " section
	next
}
/^### / {
	print ".SS " inline(substr($0, 5))
	next
}
/^[ \t]*$/ {
	pending = 1
	next
}
# NAME: the line "lsbench-CMD - what it does" right after the title.
section == "" && /^lsbench-[a-z][a-z-]* - / {
	print ".SH NAME"
	sub(/ - /, " \\- ")
	print
	pending = 0
	next
}
section == "OPTIONS" && /^- `[^`]+`:/ {
	match($0, /`[^`]+`/)
	term = substr($0, RSTART + 1, RLENGTH - 2)
	rest = substr($0, RSTART + RLENGTH + 1)
	sub(/^ +/, "", rest)
	print ".TP"
	term = esc(term)
	gsub(/-/, "\\-", term)
	print "\\fB" term "\\fR"
	line(rest)
	pending = 0
	next
}
/^- / {
	print ".IP \\(bu 2"
	line(substr($0, 3))
	pending = 0
	next
}
/^[0-9]+\. / {
	match($0, /^[0-9]+\./)
	print ".IP " substr($0, 1, RLENGTH) " 4"
	line(substr($0, RLENGTH + 2))
	pending = 0
	next
}
{
	sub(/^ +/, "")
	if (pending && !/^ /) {
		print ".PP"
	}
	pending = 0
	line($0)
}
END {
	if (incode)
		print ".fi"
	if (intable)
		print ".fi"
}
