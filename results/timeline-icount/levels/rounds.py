#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# A levels-probe.sh output folder, round by round: the kworkers' on-CPU time
# (instructions under icount) from the threads' schedstat around each round,
# and the create-delete cells' timed operations and instructions.
# usage: rounds.py FOLDER
import collections,re,sys,csv,glob,os
d=sys.argv[1]
def load(x):
    m={}
    for l in open(os.path.join(d,x,'threads')):
        p=l.split()
        if len(p)<5: continue
        try: m[p[0]]=(p[1],int(p[2]))
        except: pass
    return m
prev=load('r00-before')
i = 0
while os.path.exists(os.path.join(d, f'r{i + 1:02d}-after', 'threads')):
    i += 1
    cur=load(f'r{i:02d}-after')
    kw=sum(ns-prev.get(t,(c,0))[1] for t,(c,ns) in cur.items() if c.startswith('kworker'))
    ops=ins=0
    for f in glob.glob(f'{d}/r{i:02d}/**/reps.csv',recursive=True):
        for r in csv.DictReader(open(f)):
            if 'create-delete' in r['scenario']:
                ops+=float(r['ops']); ins+=float(r['duration_s'])*1e9
    print(f"r{i}: kworkers {kw/1e9:.2f} G; create-delete timed: {ops/1e6:.2f} M ops, {ins/1e9:.2f} G, {ins/ops:.0f} per op")
    prev=cur
