import csv,glob,os,re,sys
d=sys.argv[1]
def hits(sd):
    h,cur={},None
    for l in open(os.path.join(sd,'hists')):
        if l.startswith('== '): cur=l.split('/')[-2]; continue
        m=re.search(r'hitcount:\s+(\d+)',l)
        if m and cur: h[cur]=h.get(cur,0)+int(m.group(1))
    return h
prev=hits(os.path.join(d,'r00-before')); rows={}; opsl=[]
i=1
while os.path.exists(os.path.join(d,f'r{i:02d}-after','hists')):
    cur=hits(os.path.join(d,f'r{i:02d}-after'))
    ops=ins=0
    for f in glob.glob(f'{d}/r{i:02d}/**/reps.csv',recursive=True):
        for r in csv.DictReader(open(f)):
            if 'create-delete' in r['scenario']: ops+=float(r['ops']); ins+=float(r['duration_s'])*1e9
    opsl.append((ops, ins/ops if ops else 0))
    for k in cur: rows.setdefault(k,[]).append((cur[k]-prev.get(k,0))/ops if ops else 0)
    prev=cur; i+=1
print('rounds: ops and instructions per op:', [(int(o),int(p)) for o,p in opsl])
for k,v in sorted(rows.items(), key=lambda kv: -abs(kv[1][0]-(kv[1][-1] if len(kv[1])>1 else kv[1][0]))):
    print('%-34s'%k, ' '.join('%8.3f'%x for x in v))
