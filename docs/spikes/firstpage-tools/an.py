import json,collections,sys
T=sys.argv[1]; R=sys.argv[2]; S=sys.argv[3]
fp={l.split()[1]:int(l.split()[2]) for l in open(R) if l.startswith('FP ')}
W=fp['welcome']
ev=[json.loads(l) for l in open(T)]
pids=collections.Counter(e['pid'] for e in ev if e['ev']=='welcome')
pid=min((e for e in ev if e['ev']=='welcome'), key=lambda e: abs(e['t']-W))['pid']
ev=[e for e in ev if e['pid']==pid]
print('pid',pid,'n',len(ev),collections.Counter(e['ev'] for e in ev))
cpuW=None
for e in ev:
  if e['ev']=='welcome': cpuW=e['cpu']; print('welcome trace rel W', e['t']-W)
print('first-W',fp['first']-W,'joined-W',fp['joined']-W)
sizes={}
for l in open(S):
  d=json.loads(l); sizes[d['key'][:8]]=(d['name'],d['sizes'])
def rel(e): return '%7.0f ms cpu %6.0f'%(e['t']-W, e['cpu']-(cpuW or 0))
lastfeed=None
for e in ev:
  k=e['ev']
  if k in ('cu-start','cu-end','settle1','after1'): continue
  if k=='feed':
    sig=(e['mode'],e.get('settled'),e.get('othersReadToEnd'),json.dumps(e.get('why')))
    if sig==lastfeed: continue
    lastfeed=sig
  d={x:y for x,y in e.items() if x not in('pid','t','cpu','ev')}
  print(rel(e),k,json.dumps(d)[:300])
