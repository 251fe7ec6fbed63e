#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The result set of an lsbench LAVA job, from the job's log, checked against
the test cases the job reported.

usage: logread.py LOG ROOT LSBENCH

LOG is lava-run's standard output (a JSON object a line) or a job's log from a
LAVA server (YAML: "- {dt: ..., lvl: ..., msg: ...}" a line). lava/cells.sh
printed the result set between two marker lines, as a gzipped tar in base64;
it goes to ROOT/<kernel>/<run>/, whole or not at all. Then each cell that
`LSBENCH export -f lava` finds in it must have been reported as a LAVA test
case with the same result and measurement, and every case must be a cell.

Exit status: 0 when the job completed and its cases and result set agree, 1
when they do not or the job did not complete, 2 for a log without a result
set, or one that cannot be read or written."""
import base64
import binascii
import io
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile

import yaml

BEGIN = "LSBENCH-RESULTSET-BEGIN"
END = "LSBENCH-RESULTSET-END"


def die(status, msg):
    print("lava: import: " + msg, file=sys.stderr)
    sys.exit(status)


def entries(path):
    """Each entry of the log: a dict with lvl and msg; lines that are neither
    are skipped (a server's log may have been cut)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("- "):
                line = line[2:]
            if not line.startswith("{"):
                continue
            try:
                e = json.loads(line)
            except ValueError:
                try:
                    e = yaml.safe_load(line)
                except yaml.YAMLError:
                    continue
            if isinstance(e, dict) and "lvl" in e and "msg" in e:
                yield e


def read_log(path):
    """The result set's base64 text, the lsbench cases and the job's result."""
    blob, run, inside, cases, job = [], None, False, {}, None
    for e in entries(path):
        msg = e["msg"]
        if e["lvl"] == "target" and isinstance(msg, str):
            text = msg.strip()
            if BEGIN in text:
                inside, blob = True, []
                run = text.split(BEGIN, 1)[1].strip()
            elif END in text:
                inside = False
            elif inside:
                blob.append(text)
        elif e["lvl"] == "results" and isinstance(msg, dict):
            if msg.get("definition") == "lava" and msg.get("case") == "job":
                job = msg.get("result")
            elif str(msg.get("definition", "")).endswith("_lsbench"):
                cases[str(msg.get("case"))] = msg
    if inside:
        die(2, "the result set in %s is cut short (no %s line)" % (path, END))
    return "".join(blob), run, cases, job


def unpack(blob, run, root):
    """The result set into root/<kernel>/<run>, through a temporary folder."""
    try:
        data = base64.b64decode(blob, validate=True)
        tar = tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")
        members = tar.getmembers()
    except (binascii.Error, tarfile.TarError, OSError, EOFError) as exc:
        die(2, "the result set cannot be decoded: %s" % exc)
    dirs = set()
    for m in members:
        name = os.path.normpath(m.name)
        parts = name.split("/")
        if name == ".":
            continue
        if os.path.isabs(name) or ".." in parts or not (m.isfile() or m.isdir()):
            die(2, "the result set holds a path it may not: %r" % m.name)
        if len(parts) >= 2:
            dirs.add("/".join(parts[:2]))
    if len(dirs) != 1 or not dirs.pop().endswith("/" + run):
        die(2, "the result set is not one run folder named %s" % run)
    os.makedirs(root, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".import.", dir=root)
    try:
        for m in members:
            tar.extract(m, tmp, set_attrs=False)
        kernel = os.listdir(tmp)[0]
        dest = os.path.join(root, kernel, run)
        if os.path.exists(dest):
            die(2, "%s exists already" % dest)
        os.makedirs(os.path.join(root, kernel), exist_ok=True)
        os.rename(os.path.join(tmp, kernel, run), dest)
    finally:
        subprocess.run(["rm", "-rf", tmp], check=False)
    return dest


def check(dest, cases, lsbench):
    """Every cell a case with its result and figure, every case a cell."""
    out = subprocess.run([lsbench, "export", "-f", "lava", dest], capture_output=True,
                         text=True, check=False)
    if out.returncode:
        die(2, "lsbench export of %s failed: %s" % (dest, out.stderr.strip()))
    bad, cells = [], set()
    for line in out.stdout.splitlines():
        f = line.split()
        name, result = f[0], f[1]
        cells.add(name)
        c = cases.get(name)
        if c is None:
            bad.append("%s: no test case" % name)
            continue
        if c.get("result") != result:
            bad.append("%s: case %s, cell %s" % (name, c.get("result"), result))
        if len(f) == 4:
            try:
                got = float(c.get("measurement"))
            except (TypeError, ValueError):
                got = math.nan
            if not math.isclose(got, float(f[2]), rel_tol=1e-6) or c.get("units") != f[3]:
                bad.append("%s: case measured %s %s, cell %s %s"
                           % (name, c.get("measurement"), c.get("units"), f[2], f[3]))
    for name in cases:
        if name != "lsbench-run" and name not in cells:
            bad.append("%s: a test case that is no cell of the result set" % name)
    return len(cells), bad


def main():
    if len(sys.argv) != 4:
        die(2, "usage: logread.py LOG ROOT LSBENCH")
    log, root, lsbench = sys.argv[1:]
    blob, run, cases, job = read_log(log)
    if not blob or not run:
        die(2, "no result set in %s (did the lsbench test run?)" % log)
    if "/" in run or run in (".", ".."):
        die(2, "a bad run name in %s: %r" % (log, run))
    dest = unpack(blob, run, root)
    n, bad = check(dest, cases, lsbench)
    status = 0
    for b in bad:
        print("lava: import: " + b, file=sys.stderr)
        status = 1
    if job != "pass":
        print("lava: import: the job did not complete (its result: %s)" % job, file=sys.stderr)
        status = 1
    run_case = cases.get("lsbench-run", {}).get("result")
    if run_case != "pass":
        print("lava: import: lsbench's run failed (case lsbench-run: %s)" % run_case,
              file=sys.stderr)
        status = 1
    print("lava: %d cells from %s into %s; %s" % (n, log, dest, "test cases and cells agree"
                                                  if not bad else "%d disagreements" % len(bad)))
    sys.exit(status)


if __name__ == "__main__":
    main()
