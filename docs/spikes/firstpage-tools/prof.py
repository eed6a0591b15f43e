import json,collections,sys
T,P,a_ev,b_ev=sys.argv[1:5]
ev=[json.loads(l) for l in open(T)]
import glob
prof=json.load(open(glob.glob(P+'/*.cpuprofile')[0]))
pid=int(glob.glob(P+'/*.cpuprofile')[0].split('-')[-1].split('.')[0])
ev=[e for e in ev if e['pid']==pid]
def find(spec):
  name,_,cond=spec.partition(':')
  for e in ev:
    if e['ev']==name and (not cond or e.get('mode')==cond): return e['mono']
A=find(a_ev); B=find(b_ev)
print('window ms',(B-A)/1000)
nodes={n['id']:n for n in prof['nodes']}
parent={}
for n in prof['nodes']:
  for c in n.get('children',[]): parent[c]=n['id']
t=prof['startTime']; selfc=collections.Counter(); filec=collections.Counter(); incl=collections.Counter(); tot=0
for s,d in zip(prof['samples'],prof['timeDeltas']):
  t+=d
  if not(A<=t<B): continue
  tot+=1
  n=nodes[s]; cf=n['callFrame']
  selfc[(cf['functionName'] or '(anon)')+' '+cf['url'].split('/')[-1]+':'+str(cf['lineNumber'])]+=1
  f=cf['url'].split('node_modules/')[-1].split('/')[0] if 'node_modules' in cf['url'] else cf['url'].split('/')[-1]
  filec[f or cf['functionName']]+=1
  seen=set(); x=s
  while x is not None:
    cf=nodes[x]['callFrame']; k=(cf['functionName'] or '(anon)')+' '+cf['url'].split('/')[-1]
    if k not in seen: incl[k]+=1; seen.add(k)
    x=parent.get(x)
print('samples',tot,'(~1ms each)')
print('--- self by module/file'); [print(f'{v:6d} {k}') for k,v in filec.most_common(25)]
print('--- self by function'); [print(f'{v:6d} {k}') for k,v in selfc.most_common(30)]
print('--- inclusive'); [print(f'{v:6d} {k}') for k,v in incl.most_common(60)]
