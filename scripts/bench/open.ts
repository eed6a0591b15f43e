/**
 * Open speed of a large group: builds a group of UPDATES Yjs updates written by MEMBERS members
 * (posts, replies and reactions, each member in their own device log) in a real profile on disk,
 * then measures, in a fresh process each time, cold open → first feed page: once reading every
 * log from the start, once from a checkpoint plus the tail. Prints a table with peak memory.
 *
 *   npx tsx scripts/bench/open.ts [--updates 100000] [--members 20] [--runs 3]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { generateIdentity } from '../../core/crypto/identity.ts'
import { GroupRegistry } from '../../core/group/group-registry.ts'
import { memberDocId } from '../../core/model/doc-id.ts'
import { MemberDoc, type Ref } from '../../core/model/member-doc.ts'
import { BlockKind, encodeBlock } from '../../core/store/block-codec.ts'
import { checkpointPath } from '../../core/store/checkpoint-file.ts'
import { Vault } from '../../core/store/vault.ts'
import { seededRandom } from '../../test/helpers/seeded-random.ts'

const { values } = parseArgs({ options: { updates: { type: 'string' }, members: { type: 'string' }, runs: { type: 'string' } } })
const UPDATES = Number(values.updates ?? 100_000)
const MEMBERS = Number(values.members ?? 20)
const RUNS = Number(values.runs ?? 3)
const PASS = 'benchmark passphrase, not secret'
const CHILD = fileURLToPath(new URL('./open-child.ts', import.meta.url))
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

async function build(dir: string): Promise<{ groupId: string; bytes: number }> {
  const vault = new Vault(dir)
  await vault.create(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  const creator = await reg.create({ name: 'Bench group', mode: 'survivor-led', pseudonym: 'member-0' })
  const groupId = creator.governance.groupId
  const epochKey = (vault.get(`group/${groupId}/epoch/0`) as Uint8Array).slice()
  const rnd = seededRandom(7)

  // The other members each write to a log of their own in this store, as replication would leave them.
  const members: { id: string; doc: Y.Doc; append: (b: Uint8Array) => Promise<number> }[] = [
    { id: creator.me, doc: new Y.Doc(), append: (b) => creator.own.append(b) },
  ]
  for (let i = 1; i < MEMBERS; i++) {
    const identity = generateIdentity()
    const log = await reg.store.openDeviceLog(`m-bench-${i}`)
    const id = hex(identity.signPublicKey)
    await creator.writeGovernance({
      v: 1, kind: 'member.admit', group: groupId, author: creator.me, at: Date.now(), seen: {},
      body: { member: { id, boxKey: hex(identity.boxPublicKey), device: hex(log.key), pseudonym: `member-${i}` }, role: 'member' },
    })
    members.push({ id, doc: new Y.Doc(), append: (b) => log.append(b) })
  }

  const posts: Ref[] = []
  let bytes = 0
  const perMember = Math.ceil(UPDATES / members.length)
  const t0 = performance.now()
  await Promise.all(members.map(async (m) => {
    const md = new MemberDoc(m.doc, m.id)
    for (let n = 0; n < perMember; n++) {
      const updates: Uint8Array[] = []
      const capture = (u: Uint8Array): void => void updates.push(u)
      m.doc.on('update', capture)
      const roll = rnd.next()
      const at = 1_700_000_000_000 + n * 1000 + rnd.int(0, 999)
      if (roll < 0.6 || posts.length < 10) posts.push(md.addPost({ topic: 'check-in', text: `post ${n} by ${m.id.slice(0, 6)}: ${'words '.repeat(rnd.int(5, 40))}`, cw: roll < 0.1 ? 'a hard day' : null }, at))
      else if (roll < 0.9) { const to = rnd.pick(posts); md.addReply({ post: to, parent: to, text: `reply ${n}` }, at) }
      else md.react(rnd.pick(posts), 'believe', true, at)
      m.doc.off('update', capture)
      const block = encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: memberDocId(m.id), payload: Y.mergeUpdates(updates) }, epochKey)
      bytes += block.length
      await m.append(block)
    }
  }))
  console.log(`built ${perMember * members.length} updates by ${MEMBERS} members in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(bytes / 1e6).toFixed(1)} MB of blocks)`)
  await reg.lockNow()
  vault.lock()
  return { groupId, bytes }
}

interface Measure { openMs: number; feedMs: number; totalMs: number; blocksRead: number; maxRssMB: number }

function measure(dir: string, groupId: string): Promise<Measure> {
  const tsx = createRequire(import.meta.url).resolve('tsx')
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', tsx, CHILD, dir, PASS, groupId], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (d: Buffer) => (out += d.toString()))
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Measure) : reject(new Error(`child exited ${code}`))))
  })
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-open-'))
try {
  const dir = path.join(root, 'profile')
  const { groupId } = await build(dir)
  const rows: [string, Measure[]][] = [['every log from the start', []], ['checkpoint + tail', []]]
  for (let r = 0; r < RUNS; r++) {
    rmSync(checkpointPath(dir, groupId), { force: true })
    ;(rows[0] as [string, Measure[]])[1].push(await measure(dir, groupId))
    ;(rows[1] as [string, Measure[]])[1].push(await measure(dir, groupId))
  }
  console.log(`\n${UPDATES.toLocaleString()} updates, ${MEMBERS} members, median of ${RUNS} cold opens (fresh process each)\n`)
  console.log('| open | unlock + open group | first feed page | total | blocks read | peak RSS |')
  console.log('|---|---:|---:|---:|---:|---:|')
  for (const [name, ms] of rows) {
    console.log(`| ${name} | ${median(ms.map((m) => m.openMs)).toFixed(0)} ms | ${median(ms.map((m) => m.feedMs)).toFixed(0)} ms | ${median(ms.map((m) => m.totalMs)).toFixed(0)} ms | ${median(ms.map((m) => m.blocksRead))} | ${median(ms.map((m) => m.maxRssMB)).toFixed(0)} MB |`)
  }
} finally {
  rmSync(root, { recursive: true, force: true })
}
