#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# A levels-probe.sh output folder, round by round: the per-CPU page lists of
# zones DMA32 and Normal (count, high, high_min/high_max where the kernel has them)
# after each round, and the pcp probes' hits (mode pcp) per timed operation.
# usage: pcp.py FOLDER
import csv, glob, os, re, sys
d = sys.argv[1]

def pagesets(snapdir):
    zone, cpu, out = None, None, {}
    for l in open(os.path.join(snapdir, 'zoneinfo')):
        m = re.match(r'Node \d+, zone\s+(\S+)', l)
        if m:
            zone = m.group(1)
            continue
        m = re.match(r'\s+cpu: (\d+)', l)
        if m:
            cpu = int(m.group(1))
            continue
        m = re.match(r'\s+(count|high|high_min|high_max|batch):\s+(\d+)', l)
        if m and zone in ('Normal', 'DMA32') and cpu is not None:
            out.setdefault(cpu, {})[m.group(1)] = int(m.group(2))
    return out

def hits(snapdir):
    h, cur = {}, None
    try:
        for l in open(os.path.join(snapdir, 'hists')):
            if l.startswith('== '):
                cur = l.split('/')[-2]
                continue
            m = re.search(r'hitcount:\s+(\d+)', l)
            if m and cur:
                h[cur] = h.get(cur, 0) + int(m.group(1))
    except OSError:
        pass
    return h

def fmt(ps):
    return ' '.join(f"cpu{c}: " + ' '.join(f"{k} {v}" for k, v in sorted(ps[c].items()))
                    for c in sorted(ps))

prev = hits(os.path.join(d, 'r00-before'))
print('r0:', fmt(pagesets(os.path.join(d, 'r00-before'))))
i = 1
while os.path.exists(os.path.join(d, f'r{i:02d}-after', 'zoneinfo')):
    a = os.path.join(d, f'r{i:02d}-after')
    ops = ins = 0
    for f in glob.glob(f'{d}/r{i:02d}/**/reps.csv', recursive=True):
        for r in csv.DictReader(open(f)):
            if 'create-delete' in r['scenario']:
                ops += float(r['ops'])
                ins += float(r['duration_s']) * 1e9
    cur = hits(a)
    per = ' '.join(f"{k} {(cur[k] - prev.get(k, 0)) / ops:.3f}/op" for k in sorted(cur)) if ops else ''
    print(f"r{i}: {ins / ops if ops else 0:.0f} per op; {per}; {fmt(pagesets(a))}")
    prev = cur
    i += 1
