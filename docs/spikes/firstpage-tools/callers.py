import json,collections,sys,glob
T,P,a_ev,b_ev,target=sys.argv[1:6]
ev=[json.loads(l) for l in open(T)]
f=glob.glob(P+'/*.cpuprofile')[0]; prof=json.load(open(f)); pid=int(f.split('-')[-1].split('.')[0])
ev=[e for e in ev if e['pid']==pid]
def find(spec):
  name,_,cond=spec.partition(':')
  for e in ev:
    if e['ev']==name and (not cond or e.get('mode')==cond): return e['mono']
A=find(a_ev); B=find(b_ev)
nodes={n['id']:n for n in prof['nodes']}; parent={}
for n in prof['nodes']:
  for c in n.get('children',[]): parent[c]=n['id']
t=prof['startTime']; stacks=collections.Counter()
for s,d in zip(prof['samples'],prof['timeDeltas']):
  t+=d
  if not(A<=t<B): continue
  cf=nodes[s]['callFrame']
  if target not in (cf['functionName']+' '+cf['url'].split('/')[-1]): continue
  chain=[]; x=parent.get(s)
  while x is not None and len(chain)<14:
    c=nodes[x]['callFrame']; chain.append((c['functionName'] or '(anon)')+'@'+c['url'].split('/')[-1]+':'+str(c['lineNumber'])); x=parent.get(x)
  stacks[' < '.join(chain)]+=1
for k,v in stacks.most_common(12): print(v,k,'\n')
