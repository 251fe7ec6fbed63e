#!/bin/bash
# Regenerates the examples' output of the README and the docs pages: every ```console block after
# a line `<!-- example -->` is run again, command by command (its `$ ` lines, from the
# repository's root, with .output/lsbench first in PATH), and rewritten with what each printed
# (standard output and error). Runs load BPF programs: run as root, one at a time on a machine.
# Before the pages, it makes the result sets their examples read, under /tmp/lsbench-docs:
# base/ and new/ (two runs of task-get and task-empty, loop mode).
# usage: docs/examples.sh [PAGE.md...]   (default: README.md and every docs/lsbench-*.md)
set -eu
cd "$(dirname "$0")/.."
export PATH="$PWD/.output:$PATH"
work=/tmp/lsbench-docs
[ -x .output/lsbench ] || { echo "examples.sh: build first (make all)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "examples.sh: needs root (the runs load BPF programs)" >&2; exit 2; }

rm -rf "$work"
mkdir -p "$work"
for side in base new; do
	lsbench run -s task-get -m loop --cpus 1 --rounds 3 -o "$work/$side" >/dev/null 2>&1
done

# rewrite PAGE: each example block's commands run again, their output under each.
rewrite() {
	local page=$1 tmp line in_block=0 armed=0
	tmp=$(mktemp)
	while IFS= read -r line; do
		if [ "$in_block" -eq 1 ]; then
			case $line in
			'```')
				in_block=0
				echo "$line" >>"$tmp"
				;;
			'$ '*)
				echo "$line" >>"$tmp"
				bash -c "${line#\$ }" >>"$tmp" 2>&1 || true
				;;
			esac
			continue
		fi
		echo "$line" >>"$tmp"
		case $line in
		'<!-- example -->') armed=1 ;;
		'```console') [ "$armed" -eq 1 ] && in_block=1; armed=0 ;;
		*) armed=0 ;;
		esac
	done <"$page"
	mv "$tmp" "$page"
}

pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(README.md docs/lsbench-*.md)
for p in "${pages[@]}"; do
	rewrite "$p"
	echo "rewrote $p"
done
