#!/bin/bash
# LAVA and export tests: lava/lava.sh writes a job for a Debian kernel
# (VM_KERNEL, default bookworm) that LAVA's own schema takes, lava-run runs it
# on a qemu device under TCG, and the result set comes back from its log with
# every cell a test case; it compares with the same set run by lsbench vm;
# its KCIDB export is valid, its KTAP export well formed; import refuses a
# log whose cases and result set disagree or whose result set is cut. Prints
# one "ok N - name" or "not ok N - name" line per check.
set -u
LSBENCH=${LSBENCH:-.output/lsbench}
STATIC=${LSBENCH_STATIC:-.output/lsbench-static}
KERNEL=${VM_KERNEL:-bookworm}
py=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
tmp=$(mktemp -d /tmp/lsbench-lavatest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
TEST_PREFIX="lava: "
. "$here/lib.sh"
export LSBENCH

# What the job runs, and lsbench vm the same.
scenarios=task-get,task-empty
args="-m loop --cpus 1 --rounds 2 -r 2 -w 0.1 -d 0.2"

job=$tmp/job
out=$("$top/lava/lava.sh" job --out "$job" --kernel "$KERNEL" --tcg --lsbench "$STATIC" \
	--scenarios "$scenarios" --args "$args" 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$job/job.yaml" ] && [ -s "$job/ramdisk.cpio.gz" ] &&
	tar -tzf "$job/lsbench.tar.gz" | grep -qx './lsbench'; then
	ok "job written: $(echo "$out" | tail -n 1)"
else
	not_ok "job written (exit $rc)" "$(echo "$out" | tail -n 5)"
fi
# The release the suite gave, for the job and the boot below: naming the suite again would
# update its package lists again, which takes long.
release=$(echo "$out" | sed -n 's/^lava: a job for \([^ ]*\), device type .*/\1/p' | tail -n 1)
case $KERNEL in */* | *.deb) release= ;; esac

# The dispatcher is installed by the first lava.sh run below; the schema check needs it first.
command -v lava-run >/dev/null ||
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends lava-dispatcher \
		python3-jinja2 >/dev/null 2>&1

# LAVA's own job schema, strictly, for the qemu job and a lab device's.
strict() {
	"$py" -c 'import sys, yaml
from lava_common.schemas import validate
validate(yaml.safe_load(open(sys.argv[1])), strict=True)' "$1"
}
check "qemu job valid (lava_common.schemas, strict)" strict "$job/job.yaml"
"$top/lava/lava.sh" job --out "$tmp/lab" --kernel "${release:-$KERNEL}" --lsbench "$STATIC" \
	--device-type x86 --boot-method ipxe --base-url https://lab.example/lsbench >/dev/null 2>&1
check "lab device job valid (tftp, ipxe)" strict "$tmp/lab/job.yaml"
if strict "$top/lava/lsbench.yaml" >/dev/null 2>&1; then
	not_ok "the schema check can fail (a test definition is no job)"
else
	ok "the schema check can fail (a test definition is no job)"
fi
for bad in "--timeout 0" "--boot-method pxe" "--scenarios a;b" "--args \$(x)" "--nope 1" \
	"--base-url nope"; do
	# shellcheck disable=SC2086 # the words of bad are the options
	err=$("$top/lava/lava.sh" job --out "$tmp/bad" $bad 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] && [ ! -e "$tmp/bad/job.yaml" ]; then
		ok "job refuses $bad: $err"
	else
		not_ok "job refuses $bad (exit $rc)" "$err"
	fi
done

# The job, end to end, with lava-run here.
start=$(date +%s)
out=$("$top/lava/lava.sh" run "$job" 2>&1)
rc=$?
set=$(ls -d "$job"/results/*/*/ 2>/dev/null | head -n 1)
if [ "$rc" -eq 0 ] && [ -n "$set" ]; then
	ok "lava-run job in $(($(date +%s) - start)) s: $(echo "$out" | tail -n 1)"
else
	not_ok "lava-run job (exit $rc)" "$(echo "$out" | tail -n 20)" \
		"$(grep -o '"msg": "[^"]*' "$job/lava.log" 2>/dev/null | tail -n 30)"
fi
set=${set%/}

# Its cells: every scenario's, ok, as the cases said (import checked them).
cells=$("$LSBENCH" export -f lava "$set" 2>/dev/null)
if [ "$(echo "$cells" | grep -c ' pass ')" -eq 2 ] && echo "$cells" | grep -q '^lsbench\.task-get\.' &&
	echo "$cells" | grep -q '^lsbench\.task-empty\.'; then
	ok "both cells ok in the imported set"
else
	not_ok "both cells ok in the imported set" "$cells"
fi

# The same set run by lsbench vm: the two compare cell for cell.
vm=$tmp/vm
# shellcheck disable=SC2086 # args is split on purpose
out=$("$LSBENCH" vm --kernel "${release:-$KERNEL}" --accel tcg --timeout 600 --stall 120 -s task-get -s task-empty \
	$args -o "$vm" 2>&1)
rc=$?
"$LSBENCH" compare -o "$tmp/compare.csv" "$vm" "$set" >"$tmp/compare.txt" 2>&1
crc=$?
if [ "$rc" -eq 0 ] && [ "$crc" -eq 0 ] &&
	grep -q '^2 cells: .* 0 not ok on a side, 0 only in base, 0 only in new$' "$tmp/compare.txt"; then
	ok "lsbench compare of lsbench vm's set and LAVA's: $(grep '^2 cells' "$tmp/compare.txt")"
else
	not_ok "lsbench compare of lsbench vm's set and LAVA's (vm exit $rc, compare exit $crc)" \
		"$(echo "$out" | tail -n 10)" "$(cat "$tmp/compare.txt")"
fi

# Import refuses a log that disagrees with its result set, or that is cut.
sed -E '0,/"measurement": (! )?"[0-9.]+"/s//"measurement": \1"1.5"/' \
	"$job/lava.log" >"$tmp/altered.log"
err=$("$top/lava/lava.sh" import "$tmp/altered.log" "$tmp/imp1" 2>&1)
rc=$?
if [ "$rc" -eq 1 ] && echo "$err" | grep -q 'case measured 1.5'; then
	ok "import finds a case whose measurement is not its cell's"
else
	not_ok "import finds a case whose measurement is not its cell's (exit $rc)" "$err"
fi
grep -v 'LSBENCH-RESULTSET-END' "$job/lava.log" >"$tmp/cut.log"
err=$("$top/lava/lava.sh" import "$tmp/cut.log" "$tmp/imp2" 2>&1)
rc=$?
if [ "$rc" -eq 2 ] && [ -z "$(ls -A "$tmp/imp2" 2>/dev/null)" ]; then
	ok "import refuses a cut result set, writing nothing: $err"
else
	not_ok "import refuses a cut result set (exit $rc)" "$err" "$(ls -R "$tmp/imp2" 2>&1)"
fi

# KCIDB: the export is valid, and the check can fail.
schema=$here/kcidb/v5.0-subset.json
"$LSBENCH" export -o "$tmp/kcidb.json" "$set" "$vm"
check "KCIDB export of both sets valid (v5.0)" "$py" "$here/kcidb/validate.py" "$schema" "$tmp/kcidb.json"
sed 's/"build_id": [^,]*, //' "$tmp/kcidb.json" >"$tmp/kcidb-bad.json"
if "$py" "$here/kcidb/validate.py" "$schema" "$tmp/kcidb-bad.json" >"$tmp/v.txt" 2>&1; then
	not_ok "KCIDB check finds a test without build_id" "$(cat "$tmp/v.txt")"
else
	ok "KCIDB check finds a test without build_id: $(cat "$tmp/v.txt")"
fi

# KTAP: a header, a plan that counts the results, a figure for each ok cell.
"$LSBENCH" export -f ktap "$set" >"$tmp/ktap"
if [ "$(head -n 1 "$tmp/ktap")" = "KTAP version 1" ] &&
	[ "$(grep -c '^ok ' "$tmp/ktap")" -eq "$(sed -n 's/^1\.\.//p' "$tmp/ktap")" ] &&
	[ "$(grep -c ': ns_per_op [0-9.]* ns$' "$tmp/ktap")" -eq 2 ]; then
	ok "KTAP export"
else
	not_ok "KTAP export" "$(cat "$tmp/ktap")"
fi
