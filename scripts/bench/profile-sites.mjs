/**
 * Summarises a profile written by alloc-profile.mjs or cpu-profile.mjs: self time (CPU) or
 * sampled bytes and counts (heap, garbage included) by package, by allocating function, and by
 * the innermost Hearth frame on the stack (core/, electron/, scripts/, test/), so a site in a
 * library can be traced to the Hearth call that made it.
 *
 * `threads` reads alloc-profile.mjs's threads-<pid>.json: each thread's CPU between the first two
 * marks (the sync bench's welcome and whole history; a leech's start and end), or over the whole
 * life when there are none. Node names none of its helpers: V8's (GC, compile) spend little system
 * time, libuv's pool (RocksDB reads and writes, fs) much.
 *
 *   node scripts/bench/profile-sites.mjs cpu|heap|threads <file> [top=40]
 */
import fs from 'node:fs'
const [,, kind, file, topN = '40'] = process.argv
const p = JSON.parse(fs.readFileSync(file, 'utf8'))
const short = (u) => (u || '').replace(/^file:\/\//, '').replace(/.*\/node_modules\//, 'nm:').replace(process.cwd() + '/', '')
const pkg = (u) => { const s = short(u); if (s.startsWith('nm:')) { const m = s.slice(3).split('/'); return m[0].startsWith('@') ? m[0] + '/' + m[1] : m[0] } if (!s) return '(native)'; if (s.startsWith('node:')) return 'node'; return s.split('/').slice(0, 2).join('/') }
const fname = (cf) => `${cf.functionName || '(anon)'} ${short(cf.url)}:${cf.lineNumber + 1}`
const isOurs = (cf) => { const s = short(cf.url); return s && !s.startsWith('nm:') && !s.startsWith('node:') && (s.startsWith('core/') || s.startsWith('electron/') || s.startsWith('scripts/') || s.startsWith('test/')) }
const self = new Map(), bypkg = new Map(), byOurs = new Map(), byOursFn = new Map()
const add = (m, k, v, c = 1) => { const e = m.get(k) ?? [0, 0]; e[0] += v; e[1] += c; m.set(k, e) }
if (kind === 'threads') {
  const from = p.length >= 3 ? p[0].threads : {}, to = p.length >= 3 ? p[1] : p[p.length - 1]
  console.log(p.length >= 3 ? `between the marks: ${((to.atMs - p[0].atMs) / 1000).toFixed(2)} s of wall time` : 'the whole life (no marks)')
  const rows = Object.entries(to.threads).map(([k, v]) => [k, v.userMs - (from[k]?.userMs ?? 0), v.sysMs - (from[k]?.sysMs ?? 0)]).filter((r) => r[1] + r[2] > 0).sort((a, b) => b[1] + b[2] - a[1] - a[2])
  for (const [k, u, sy] of rows) console.log(`${k.padEnd(16)} user ${(u / 1000).toFixed(2).padStart(6)} s  sys ${(sy / 1000).toFixed(2).padStart(6)} s`)
  console.log(`all threads: ${(rows.reduce((a, r) => a + r[1] + r[2], 0) / 1000).toFixed(2)} s`)
} else if (kind === 'heap') {
  const counts = new Map(); for (const s of p.samples) counts.set(s.nodeId, (counts.get(s.nodeId) ?? 0) + 1)
  let total = 0
  const walk = (n, stack) => {
    const st = [...stack, n.callFrame]
    const v = n.selfSize, c = counts.get(n.id) ?? 0
    if (v) {
      total += v
      add(self, fname(n.callFrame), v, c); add(bypkg, pkg(n.callFrame.url), v, c)
      // nearest Hearth frame (innermost)
      let ours = null; for (let i = st.length - 1; i >= 0; i--) if (isOurs(st[i])) { ours = st[i]; break }
      add(byOurs, ours ? fname(ours) : '(no hearth frame)', v, c)
      // Hearth frame + the callee chain down to allocator (innermost hearth frame -> immediate callee)
      if (ours) { const i = st.indexOf(ours); const callee = st[i + 1]; add(byOursFn, fname(ours) + '  ->  ' + (callee ? fname(callee) : '(self)') , v, c) }
    }
    for (const ch of n.children) walk(ch, st)
  }
  walk(p.head, [])
  console.log(`total sampled bytes ${(total / 1e6).toFixed(1)} MB, samples ${p.samples.length}`)
  const show = (title, m, n) => { console.log(`\n## ${title}`); for (const [k, [v, c]] of [...m].sort((a, b) => b[1][0] - a[1][0]).slice(0, n)) console.log(`${(v / 1e6).toFixed(1).padStart(8)} MB ${(100 * v / total).toFixed(1).padStart(5)}% ${String(c).padStart(7)}  ${k}`) }
  show('by package (self)', bypkg, 25); show('self (allocating function)', self, +topN); show('innermost Hearth frame', byOurs, +topN); show('innermost Hearth frame -> callee', byOursFn, +topN)
} else {
  const byId = new Map(p.nodes.map((n) => [n.id, n])); const parent = new Map()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const dt = new Map(); for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i + 1] ?? 0))
  let total = 0
  for (const [id, t] of dt) {
    const n = byId.get(id); total += t
    add(self, fname(n.callFrame), t); add(bypkg, n.callFrame.url ? pkg(n.callFrame.url) : n.callFrame.functionName, t)
    let ours = null; for (let q = id; q !== undefined; q = parent.get(q)) { const cf = byId.get(q).callFrame; if (isOurs(cf)) { ours = cf; break } }
    add(byOurs, ours ? fname(ours) : (n.callFrame.url ? '(no hearth frame)' : n.callFrame.functionName), t)
  }
  console.log(`total ${(total / 1e6).toFixed(2)} s`)
  const show = (title, m, n) => { console.log(`\n## ${title}`); for (const [k, [v]] of [...m].sort((a, b) => b[1][0] - a[1][0]).slice(0, n)) console.log(`${(v / 1e6).toFixed(2).padStart(7)} s ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`) }
  show('by package (self)', bypkg, 25); show('self', self, +topN); show('innermost Hearth frame (inclusive of callees)', byOurs, +topN)
}
