/**
 * Memory in the number of groups (issue 19): one profile holding GROUPS groups of UPDATES Yjs
 * updates each (MEMBERS members' logs per group, big-group.ts), each with its local checkpoint.
 * For 1, 5 and all the groups, a fresh process opens them as going online does ("online": from
 * the local checkpoint, no page read yet), counts every group's unread as the groups screen does
 * at unlock ("counted"), reads each one's first page ("all read": every group
 * keeps its docs, as every open group did before resting existed), lets their docs rest
 * (core/group/doc-rest.ts: "resting"), then reads one again ("one shown"). The anchor, run in the
 * same run in a fresh process: the plain Y.Docs of ONE group's updates. Heap and RSS after a full
 * GC, less the unlocked profile's own (no group open); `uptime` before and after.
 *
 * Built, every group is opened once more in a fresh registry, read and let rest ("settled"), as a
 * device that has used its groups leaves them: their checkpoints then need no block read again at
 * the next open (a built group's first checkpoint still has shared-checkpoint history to read).
 * `--settle` does that again on a kept DIR.
 *
 *   npx tsx scripts/bench/many-groups.ts [--groups 20] [--updates 10000] [--members 10] [--keep DIR] [--settle]
 */
import { execSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { GroupRegistry } from '../../core/group/group-registry.ts'
import { Vault } from '../../core/store/vault.ts'
import { addBigGroup } from './big-group.ts'

const { values } = parseArgs({ options: { groups: { type: 'string' }, updates: { type: 'string' }, members: { type: 'string' }, keep: { type: 'string' }, settle: { type: 'boolean' } } })
const GROUPS = Number(values.groups ?? 20)
const UPDATES = Number(values.updates ?? 10_000)
const MEMBERS = Number(values.members ?? 10)
const PASS = 'benchmark passphrase, not secret'
const CHILD = fileURLToPath(new URL('./many-groups-child.ts', import.meta.url))
const ANCHOR = fileURLToPath(new URL('./many-groups-anchor.ts', import.meta.url))

interface Mem { heapMB: number; rssMB: number }
interface Measure { base: Mem; online: Mem; peakOnlineMB: number; counted?: Mem; peakCountedMB?: number; wokenToCount?: number; open: Mem; resting: Mem; oneShown: Mem; wakeMs: number; peakOpenMB: number; peakMB: number }

function child<T>(file: string, args: string[]): Promise<T> {
  const tsx = createRequire(import.meta.url).resolve('tsx')
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', '--import', tsx, file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`child exited ${code}`))))
  })
}

const uptime = (): string => execSync('uptime').toString().trim()
const mb = (n: number): string => `${n.toFixed(0)} MB`
const x = (a: number, b: number): string => `${(a / b).toFixed(2)}×`

const root = values.keep ?? mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-groups-'))
const dir = path.join(root, 'profile')
const idsFile = path.join(root, 'groups.json')
if (!existsSync(idsFile)) {
  const vault = new Vault(dir)
  await vault.create(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  const ids: string[] = []
  for (let g = 0; g < GROUPS; g++) {
    const id = (await addBigGroup(reg, vault, UPDATES, MEMBERS, `g${g}-`)).groupId
    ids.push(id)
    // The group's local checkpoint (and unread counts, where kept), as a device whose groups went to rest has.
    if (!(await reg.rest.now(id, await reg.space(id)))) throw new Error('a group did not rest')
    writeFileSync(`${idsFile}.partial`, JSON.stringify(ids))
  }
  await reg.lockNow()
  vault.lock()
  writeFileSync(idsFile, JSON.stringify(ids))
  await settle()
} else if (values.settle) await settle()
const built = JSON.parse(readFileSync(idsFile, 'utf8')) as string[]

/** Each group opened, read once whole and let rest, in a fresh registry. */
async function settle(): Promise<void> {
  const vault = new Vault(dir)
  await vault.unlock(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  for (const id of reg.groupIds()) {
    const s = await reg.space(id)
    s.docs.memberDocs()
    if (!(await reg.rest.now(id, s))) throw new Error('a group did not rest')
  }
  await reg.lockNow()
  vault.lock()
}
const ids = [...built].sort()

const before = uptime()
// The anchor holds the group the children read first (they sort the ids the same way).
const first = ids[0] as string
const anchor = await child<Mem & { docs: number }>(ANCHOR, [dir, PASS, first, String(MEMBERS), `g${built.indexOf(first)}-`])
const rows: [number, Measure][] = []
for (const n of [1, 5, ids.length].filter((n, i, a) => n <= ids.length && a.indexOf(n) === i)) rows.push([n, await child<Measure>(CHILD, [dir, PASS, String(n)])])
const after = uptime()

console.log(`\nuptime before: ${before}\nuptime after:  ${after}\n`)
console.log(`anchor: plain Y.Docs of one group's ${UPDATES} updates (${anchor.docs} docs): heap ${mb(anchor.heapMB)}, RSS ${mb(anchor.rssMB)}\n`)
console.log('| groups | online, none read: heap (× anchor) | + unread counted: heap (× anchor), groups woken | all read: heap (× anchor) | resting: heap (× anchor) | one shown: heap (× anchor) | online: RSS | all read: RSS | resting: RSS | one shown: RSS | peak RSS online / counted / all read | waking one group |')
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const [n, m] of rows) {
  const h = (s: Mem): string => `${mb(s.heapMB - m.base.heapMB)} (${x(s.heapMB - m.base.heapMB, anchor.heapMB)})`
  const r = (s: Mem): string => mb(s.rssMB - m.base.rssMB)
  const counted = m.counted ? `${h(m.counted)}, ${m.wokenToCount ?? '?'} woken` : '—'
  console.log(`| ${n} | ${h(m.online)} | ${counted} | ${h(m.open)} | ${h(m.resting)} | ${h(m.oneShown)} | ${r(m.online)} | ${r(m.open)} | ${r(m.resting)} | ${r(m.oneShown)} | ${mb(m.peakOnlineMB)} / ${m.peakCountedMB ? mb(m.peakCountedMB) : '—'} / ${mb(m.peakMB)} | ${m.wakeMs.toFixed(0)} ms |`)
}
if (!values.keep) rmSync(root, { recursive: true, force: true })
