/**
 * Removal in a large group, across processes on a loopback testnet: a 50-member group
 * (scripts/bench/big-group.ts; the other members' logs sit in the host's store as replication
 * leaves them) is hosted by one node; a second member joins by code in its own process and syncs.
 * Then the facilitator removes a member, and the clock measures:
 *
 *   - removal + rotation on the facilitator's node: the `removeMember` call, which writes the
 *     removal, rebuilds the docs from every accepted block (the removed member's grant changed),
 *     and writes a rotation with one lockbox per remaining member;
 *   - the following sync: until the other member's node shows the member gone (it has read both
 *     blocks, replayed governance and rebuilt its docs);
 *   - a post by the other member afterwards → visible on the facilitator's node.
 *
 *   npx tsx scripts/bench/governance.ts [--members 50] [--updates 10000] [--runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startPeer, type Peer } from '../../test/helpers/peer.ts'
import { buildBigGroup } from './big-group.ts'

const { values } = parseArgs({ options: { members: { type: 'string' }, updates: { type: 'string' }, runs: { type: 'string' } } })
const MEMBERS = Number(values.members ?? 50)
const UPDATES = Number(values.updates ?? 10_000)
const RUNS = Number(values.runs ?? 3)
const PASS = 'benchmark passphrase, not secret'

async function until(probe: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error('timed out')
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>

const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-gov-'))
const net = await createTestnet(3, { host: '127.0.0.1' })
const boot = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
const peers: Peer[] = []
const local: number[] = []
const synced: number[] = []
const postAfter: number[] = []
let blocks = 0
try {
  const { groupId } = await buildBigGroup(path.join(root, 'a'), PASS, UPDATES, MEMBERS)
  const a = await startPeer(path.join(root, 'a'), boot)
  peers.push(a)
  await a.ok('unlock', { passphrase: PASS })
  await a.until(async () => (await a.ok('groupStatus', { groupId })).online, 60_000)
  const { code } = await a.ok('createInvite', { groupId })
  const b = await startPeer(path.join(root, 'b'), boot)
  peers.push(b)
  await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
  await b.ok('joinGroup', { code, waitMs: 60_000 }, 90_000)
  blocks = (await a.ok('groupStatus', { groupId })).blocks
  await until(async () => (await b.ok('groupStatus', { groupId })).blocks >= blocks, 300_000)
  const me = { a: (await a.ok('groupInfo', { groupId })).me, b: (await b.ok('groupInfo', { groupId })).me }
  const others = (await a.ok('members', { groupId })).map((m) => m.id).filter((id) => id !== me.a && id !== me.b)

  for (let run = 0; run < RUNS; run++) {
    const target = others[run] as string
    const t0 = performance.now()
    await a.ok('removeMember', { groupId, member: target }, 300_000)
    local.push(performance.now() - t0)
    await until(async () => !(await b.ok('members', { groupId })).some((m) => m.id === target))
    synced.push(performance.now() - t0)
    const t1 = performance.now()
    const { id } = await b.ok('post', { groupId, text: `after removal ${run}` })
    await until(async () => (await a.ok('feed', { groupId, limit: 1 })).posts[0]?.id === id)
    postAfter.push(performance.now() - t1)
  }
} finally {
  await Promise.all(peers.map((p) => p.stop()))
  await net.destroy()
  rmSync(root, { recursive: true, force: true })
}

const row = (name: string, xs: number[]): string => `| ${name} | ${median(xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms | ${xs.map((x) => x.toFixed(0)).join(', ')} |`
console.log(`\nRemoval in a ${MEMBERS}-member group (${UPDATES.toLocaleString()} updates, ${blocks.toLocaleString()} blocks), two processes on a loopback testnet, ${RUNS} removals\n`)
console.log('| measure | median | max | runs (ms) |')
console.log('|---|---:|---:|---|')
console.log(row('removal + rotation on the facilitator’s node (incl. its rebuild)', local))
console.log(row('removal → gone on the other member’s node (sync, replay, rebuild)', synced))
console.log(row('post by the other member afterwards → visible to the facilitator', postAfter))
