import json,collections,sys
T,R,S=sys.argv[1:4]
fp={l.split()[1]:int(l.split()[2]) for l in open(R) if l.startswith('FP ')}
W=fp['welcome']; F=fp['first']-W
ev=[json.loads(l) for l in open(T)]
pid=min((e for e in ev if e['ev']=='welcome'), key=lambda e: abs(e['t']-W))['pid']
ev=[e for e in ev if e['pid']==pid]
for e in ev: e['r']=e['t']-W
cw=[e for e in ev if e['ev']=='welcome'][0]['cpu']
sizes={}
for l in open(S):
  d=json.loads(l); sizes[d['key'][:8]]=(d['name'],d['sizes'])
# bytes
needs=[e for e in ev if e['ev']=='need']
tb=tn=pb=pn=lb=ln=0
for n in needs:
  nm,sz=sizes[n['key']]
  tb+=sum(sz[n['end']:n['len']]); tn+=n['len']-n['end']
  pb+=sum(sz[n['start']:n['end']]); pn+=n['end']-n['start']
  lb+=sum(sz[i] for i in n['listed']); ln+=len(n['listed'])
tot=sum(sum(s) for _,s in sizes.values()); totn=sum(len(s) for _,s in sizes.values())
print(f'tails {tn} blocks {tb/1e6:.2f} MB; cp parts {pn} blocks {pb/1e6:.2f} MB; listed {ln} blocks {lb/1e3:.1f} kB; whole group {totn} blocks {tot/1e6:.2f} MB')
for n in needs[:1]:
  nm,sz=sizes[n['key']]; print('part sizes', sz[n['start']:n['end']], 'log len',len(sz))
# catchups in windows
def window(a,b):
  cu=[e for e in ev if e['ev'] in('cu-start','cu-end') and a<=e['r']<b]
  st={};busy=0;n=0
  for e in cu:
    if e['ev']=='cu-start': st[e['key']]=e['r']
    elif e['key'] in st: busy+=e['r']-st.pop(e['key']); n+=1
  rc=sum(e['ms'] for e in ev if e['ev']=='fc-readcp' and a<=e['r']<b)
  pr=sum(e['ms'] for e in ev if e['ev']=='fc-preview-read' and a<=e['r']<b)
  cpu=[e['cpu'] for e in ev if a<=e['r']<b]
  print(f'[{a:5.0f},{b:5.0f}) catch-ups {n} busy {busy:6.0f} ms; readCheckpoint {rc:5.0f} ms; preview.read {pr:5.0f} ms; cpu {cpu[-1]-cpu[0] if cpu else 0:5.0f} ms')
ms=[0,160,1318,3226,3481,F]
for a,b in zip(ms,ms[1:]): window(a,b)
window(0,F)
# next per log vs catch-up at key times
