#!/bin/bash
# The docs against the code: each command page's OPTIONS (docs/lsbench-CMD.md) are the options
# `lsbench CMD --help` lists, no more and no fewer; every lsbench command line in the README and
# docs/ (code blocks and `code` spans) uses options its command has; every command has a page
# with the sections of one; the scenario and summary.csv column tables are what `lsbench list`
# and `lsbench columns` print; relative links resolve; the man pages build (and groff, where
# installed, finds nothing to warn about). Needs no root and loads nothing. Prints one "ok N - name" or "not ok N - name" line per check.
set -u
LSBENCH=${LSBENCH:-.output/lsbench}
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
tmp=$(mktemp -d /tmp/lsbench-docstest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
TEST_PREFIX="docs: "
. "$here/lib.sh"
cd "$top" || exit 1

# opts_of_help CMD: the options CMD has, one a line, sorted: the leading -x and --long words of
# the option lines of `lsbench CMD --help` (indented at most 8 spaces), and every -x or --long
# word of its usage lines. A command whose --help fails is read from `lsbench help`'s lines for
# it.
opts_of_help() {
	local help
	if ! help=$("$LSBENCH" "$1" --help 2>/dev/null); then
		help=$("$LSBENCH" help | awk -v c="$1" '$1 == c { sub(/^ +/, ""); print "usage: lsbench " $0 }')
	fi
	printf '%s\n' "$help" | awk -v c="$1" '
		function words(s, all) {
			while (match(s, /(^|[ [|,])--?[A-Za-z0-9][A-Za-z0-9-]*/)) {
				w = substr(s, RSTART, RLENGTH)
				sub(/^[ [|,]/, "", w)
				print w
				s = substr(s, RSTART + RLENGTH)
				if (!all && s !~ /^(, |\|)/)
					return
			}
		}
		/^usage: / || $0 ~ "^ +lsbench " c "( |$)" { words($0, 1); next }
		{ match($0, /^ */) }
		RLENGTH <= 8 && substr($0, RLENGTH + 1, 1) == "-" { words($0, 0) }' | sort -u
}

# opts_of_page PAGE: the options PAGE's OPTIONS section lists (items "- `-x, --long ARG`: ..."),
# one a line, sorted; with a line "<!-- and the options of docs/PAGE2.md -->" there, PAGE2's too.
opts_of_page() {
	local also list
	list=$(mktemp "$tmp/page.XXXXXX")
	awk '/^## / { in_opts = ($0 == "## OPTIONS") ; next }
		in_opts && /^- `[^`]+`:/ {
			match($0, /`[^`]+`/)
			term = substr($0, RSTART + 1, RLENGTH - 2)
			n = split(term, w, /[ ,|]+/)
			for (i = 1; i <= n; i++)
				if (w[i] ~ /^--?[A-Za-z0-9]/)
					print w[i]
		}' "$1" >"$list"
	also=$(sed -n 's/^<!-- and the options of \(docs\/lsbench-[a-z-]*\.md\) -->$/\1/p' "$1")
	[ -z "$also" ] || opts_of_page "$also" >>"$list"
	sort -u "$list"
	rm -f "$list"
}

# page_vs_help PAGE CMD: nothing when PAGE's options are CMD's, else a line per difference.
page_vs_help() {
	opts_of_help "$2" >"$tmp/help"
	opts_of_page "$1" >"$tmp/page"
	comm -13 "$tmp/help" "$tmp/page" | sed "s/^/$(basename "$1") names an option lsbench $2 lacks: /"
	comm -23 "$tmp/help" "$tmp/page" | sed "s/^/lsbench $2 has an option $(basename "$1") lacks: /"
}

# command_lines FILE...: every lsbench command line in FILEs' code blocks and `code` spans, as
# "FILE: CMD WORD...", a line continued with \ joined to the next.
command_lines() {
	awk '
		function emit(s) {
			while (match(s, /(^|[ `(])(\.output\/)?lsbench [a-z][a-z-]*( [^`|;&#]*)?/)) {
				c = substr(s, RSTART, RLENGTH)
				sub(/^[ `(]/, "", c)
				sub(/^(\.output\/)?lsbench /, "", c)
				print FILENAME ": " c
				s = substr(s, RSTART + RLENGTH)
			}
		}
		FNR == 1 { code = 0; held = "" }
		/^```/ { code = !code; console = ($0 == "```console"); next }
		code {
			line = held $0
			if (line ~ /\\$/) { held = substr(line, 1, length(line) - 1); next }
			held = ""
			# A console block: commands after "$ ", the rest is their output.
			if (console && !sub(/^\$ /, "", line))
				next
			if (line ~ /^(\.output\/)?lsbench [a-z][a-z-]*( |$)/)
				emit(line)
			next
		}
		{
			s = $0
			while (match(s, /`[^`]+`/)) {
				span = substr(s, RSTART + 1, RLENGTH - 2)
				s = substr(s, RSTART + RLENGTH)
				if (span ~ /^(\.output\/)?lsbench [a-z]/)
					emit(span)
			}
		}' "$@"
}

# unknown_options FILE...: a line per option a command line of FILEs uses that its command
# lacks (a vm line may use run's options too).
unknown_options() {
	local file cmd rest w
	command_lines "$@" | while read -r file cmd rest; do
		[ -f "$tmp/opts-$cmd" ] || opts_of_help "$cmd" >"$tmp/opts-$cmd"
		[ "$cmd" != vm ] || [ -f "$tmp/opts-run" ] || opts_of_help run >"$tmp/opts-run"
		for w in $rest; do
			case $w in
			--) break ;;
			-[A-Za-z0-9]* | --[A-Za-z0-9]*) ;;
			*) continue ;;
			esac
			w=${w%%=*}
			grep -qxF -- "$w" "$tmp/opts-$cmd" && continue
			[ "$cmd" = vm ] && grep -qxF -- "$w" "$tmp/opts-run" && continue
			echo "$file lsbench $cmd: no option $w"
		done
	done
}

# The checks' own checks: a planted difference each way is found.
cp docs/lsbench-compare.md "$tmp/planted.md"
sed -i 's/^## OPTIONS$/## OPTIONS\n\n- `--no-such-option N`: planted/' "$tmp/planted.md"
check "a page naming an option the code lacks is found" \
	bash -c "[ -n \"\$1\" ] && grep -q 'no-such-option' <<<\"\$1\"" _ "$(page_vs_help "$tmp/planted.md" compare)"
grep -v -- '--fail-on-regression' docs/lsbench-compare.md >"$tmp/missing.md"
check "an option the page lacks is found" \
	bash -c "grep -q 'fail-on-regression' <<<\"\$1\"" _ "$(page_vs_help "$tmp/missing.md" compare)"
printf '```sh\nlsbench run -s x \\\n   --no-such-run-option 3\n```\nand `lsbench compare --nope A B`\n' >"$tmp/lines.md"
printf '```console\n$ lsbench vm --kernel x --no-such-vm-option\nlsbench run --not-an-option, it said\n```\n' >>"$tmp/lines.md"
check "command lines with options the code lacks are found (continued lines, spans, console)" \
	bash -c "[ \"\$(grep -c 'no option' <<<\"\$1\")\" -eq 3 ] && ! grep -q not-an-option <<<\"\$1\"" _ \
	"$(unknown_options "$tmp/lines.md")"

# Every command has a page; every page is a command's, with its sections and the options of
# its --help.
commands=$("$LSBENCH" help | awk '/^  [a-z][a-z-]*( |$)/ && $1 != "version" && $1 != "help" { print $1 }' |
	sort -u)
missing=""
for c in $commands; do
	[ -f "docs/lsbench-$c.md" ] || missing="$missing $c"
done
check "every command has a page in docs/" test -z "$missing${missing:+ lacks a page:$missing}"
for page in docs/lsbench-*.md; do
	c=${page#docs/lsbench-}
	c=${c%.md}
	if ! grep -qx "$c" <<<"$commands"; then
		not_ok "$page is a command's page" "lsbench help lists no command $c"
		continue
	fi
	sections=$(grep '^## ' "$page" | grep -vx '## FILES' | tr '\n' '|')
	check "$page has the sections of a command page" \
		test "$sections" = "## SYNOPSIS|## DESCRIPTION|## OPTIONS|## EXIT STATUS|## EXAMPLES|## SEE ALSO|"
	diffs=$(page_vs_help "$page" "$c")
	if [ -z "$diffs" ]; then ok "$page lists the options of lsbench $c --help"; else
		not_ok "$page lists the options of lsbench $c --help" "$diffs"; fi
done

unknown=$(unknown_options README.md docs/*.md)
n_lines=$(command_lines README.md docs/*.md | wc -l)
if [ -z "$unknown" ] && [ "$n_lines" -gt 20 ]; then
	ok "the $n_lines lsbench command lines of the README and docs use options that exist"
else
	not_ok "the lsbench command lines of the README and docs use options that exist" \
		"$n_lines lines read" "$unknown"
fi

check "the scenario and column tables and the README's headline figures are what lsbench list, columns and the headline set say (docs/tables.sh)" \
	docs/tables.sh --check "$LSBENCH"
# The headline comes from a complete set only: a partial one is refused in one line.
mkdir -p "$tmp/partial"
printf 'state: partial: interrupted\n' >"$tmp/partial/meta.txt"
echo scenario >"$tmp/partial/summary.csv"
out=$(docs/headline.sh "$tmp/partial" 2>&1)
rc=$?
check "docs/headline.sh refuses a set that is not complete, in one line with exit 2" \
	test "$rc" -eq 2 -a "$(echo "$out" | wc -l)" -eq 1

# Relative links: the file part of each [text](target) that is not a URL exists.
broken=$(for f in README.md docs/*.md results/README.md $(find results -name NOTES.md); do
	grep -o '\]([^)]*)' "$f" | sed 's/^](//; s/)$//; s/#.*//' | grep -v '^[a-z]*:' | grep -v '^$' |
		while read -r t; do [ -e "$(dirname "$f")/$t" ] || echo "$f: $t"; done
done)
check "relative links in the README, docs/ and results/ notes resolve" test -z "$broken"
[ -z "$broken" ] || echo "$broken" | sed 's/^/#   /'

# The man pages: each page converts, with a title and a NAME; groff, where installed, warns of
# nothing.
bad=""
for page in docs/lsbench-*.md; do
	man=$tmp/$(basename "$page" .md).1
	if ! awk -v rev=test -f docs/md2man.awk "$page" >"$man" || ! grep -q '^\.TH ' "$man" ||
		! grep -q '^\.SH NAME' "$man"; then
		bad="$bad $page"
	elif command -v groff >/dev/null && [ -n "$(groff -man -Tutf8 -ww -z "$man" 2>&1)" ]; then
		bad="$bad $page($(groff -man -Tutf8 -ww -z "$man" 2>&1 | head -n 1))"
	fi
done
check "the man pages build from docs/lsbench-*.md" test -z "$bad"
[ -z "$bad" ] || echo "#   $bad"
