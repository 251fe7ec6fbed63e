#!/bin/bash
# The layers' rule, from the archives' symbols: a layer calls only the layers
# it uses (the Makefile's _USES). usage: tests/layers.sh OUTPUT_DIR SPEC...
# where each SPEC is LAYER=USED,USED (.output/lib<LAYER>.a). Also checks that
# the check finds a call upward, on two archives made for it. Prints one
# "ok N - name" or "not ok N - name" line per check.
set -u
out=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/lsbench-layerstest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
TEST_PREFIX="layers: "
. "$here/lib.sh"

# violations DIR SPEC...: one "LAYER uses OTHER: SYMBOL" line per call of a
# layer into one it does not use; nothing when the rule holds.
violations() {
	local dir=$1 spec l uses other
	shift
	for spec in "$@"; do
		nm -g --defined-only "$dir/lib${spec%%=*}.a" 2>/dev/null |
			awk -v l="${spec%%=*}" 'NF == 3 { print $3, l }'
	done | sort -u >"$tmp/defined"
	for spec in "$@"; do
		l=${spec%%=*}
		uses=",${spec#*=},"
		nm -g --undefined-only "$dir/lib$l.a" 2>/dev/null | awk 'NF == 2 { print $2 }' |
			sort -u | join - "$tmp/defined" | while read -r sym other; do
			[ "$other" = "$l" ] && continue
			case $uses in *",$other,"*) continue ;; esac
			echo "$l uses $other: $sym"
		done
	done
}

found=$(violations "$out" "$@")
if [ -z "$found" ]; then
	ok "no layer calls a layer it does not use ($*)"
else
	not_ok "a layer calls one it does not use" $found
fi

# A lower layer that calls a function of a higher one is found.
mkdir -p "$tmp/fix"
echo 'int upper(void) { return 1; }' >"$tmp/upper.c"
echo 'int upper(void); int lower(void) { return upper(); }' >"$tmp/lower.c"
if cc -c "$tmp/upper.c" -o "$tmp/upper.o" && cc -c "$tmp/lower.c" -o "$tmp/lower.o" &&
	ar rcs "$tmp/fix/libupper.a" "$tmp/upper.o" && ar rcs "$tmp/fix/liblower.a" "$tmp/lower.o"; then
	found=$(violations "$tmp/fix" upper=lower lower=)
	if [ "$found" = "lower uses upper: upper" ]; then
		ok "a call upward is found: $found"
	else
		not_ok "a call upward is found" "found: '$found'"
	fi
else
	not_ok "a call upward is found (the fixture did not build)"
fi
