/**
 * Sync across processes on a loopback testnet: two Hearth nodes, each its own process and
 * profile. Measures join time (code given → the group's first post in the newcomer's feed) and
 * post → visible on the other peer, p50 / p99 over N posts. Prints a table.
 *
 * Then the initial sync of a large group (scripts/bench/big-group.ts) to a new member: from the
 * join call until the newcomer has read every block the group's host has.
 *
 * Then rendezvous (issue 13): two members arriving in 20 seeded random orders (who first, 0–4 s
 * apart), the time from "both online" to "both see each other"; and a joiner who started first,
 * the time from the member's arrival (its group online) to the joiner's admission. The anchor is
 * raw Hyperswarm in this process on the same kind of testnet: two swarms joining one topic in the
 * same orders, from the second join to a connection on both sides.
 *
 *   npx tsx scripts/bench/sync.ts [--posts 200] [--runs 3] [--initial 100000] [--orders 20] [--joiners 5] [--only rendezvous|anchor] [--hog]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startPeer, type Peer } from '../../test/helpers/peer.ts'
import { startCpuHog } from '../soak/cpu-hog.ts'
import { buildBigGroup } from './big-group.ts'
import { rendezvousBench, rendezvousTable } from './sync-rendezvous.ts'

const { values } = parseArgs({ options: { posts: { type: 'string' }, runs: { type: 'string' }, initial: { type: 'string' }, orders: { type: 'string' }, joiners: { type: 'string' }, only: { type: 'string' }, hog: { type: 'boolean' } } })
const ONLY_RENDEZVOUS = values.only === 'rendezvous' || values.only === 'anchor'
const INITIAL = ONLY_RENDEZVOUS ? 0 : Number(values.initial ?? 100_000)
const POSTS = Number(values.posts ?? 200)
const RUNS = ONLY_RENDEZVOUS ? 0 : Number(values.runs ?? 3)
const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(' ')
const hog = values.hog ? startCpuHog() : null
const PASS = 'benchmark passphrase, not secret'

async function until(probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, 2))
  }
  throw new Error('timed out')
}

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number

const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>
const joins: number[] = []
const visible: number[] = []
for (let run = 0; run < RUNS; run++) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-sync-'))
  const net = await createTestnet(3, { host: '127.0.0.1' })
  const boot = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
  const peers: Peer[] = []
  try {
    const a = await startPeer(path.join(root, 'a'), boot)
    const b = await startPeer(path.join(root, 'b'), boot)
    peers.push(a, b)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
    const { id: groupId } = await a.ok('createGroup', { name: 'Bench' })
    const first = await a.ok('post', { groupId, text: 'first' })
    const { code } = await a.ok('createInvite', { groupId })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online)
    const t0 = performance.now()
    await b.ok('joinGroup', { code, waitMs: 30_000 }, 40_000)
    await until(async () => (await b.ok('feed', { groupId, limit: 1 })).posts[0]?.id === first.id)
    joins.push(performance.now() - t0)
    for (let i = 0; i < POSTS / RUNS; i++) {
      const t = performance.now()
      const { id } = await a.ok('post', { groupId, text: `post ${i}` })
      await until(async () => (await b.ok('feed', { groupId, limit: 1 })).posts[0]?.id === id)
      visible.push(performance.now() - t)
    }
  } finally {
    await Promise.all(peers.map((p) => p.stop()))
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}

let initialMs = NaN
let initialBlocks = 0
let feedsMatch = false
if (INITIAL > 0) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-initial-'))
  const net = await createTestnet(3, { host: '127.0.0.1' })
  const boot = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
  const peers: Peer[] = []
  try {
    const { groupId } = await buildBigGroup(path.join(root, 'a'), PASS, INITIAL, 20)
    const a = await startPeer(path.join(root, 'a'), boot)
    peers.push(a)
    await a.ok('unlock', { passphrase: PASS })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online, 60_000)
    const { code } = await a.ok('createInvite', { groupId })
    initialBlocks = (await a.ok('groupStatus', { groupId })).blocks
    const b = await startPeer(path.join(root, 'b'), boot)
    peers.push(b)
    await b.ok('createProfile', { passphrase: PASS, name: 'Newcomer' })
    const t0 = performance.now()
    await b.ok('joinGroup', { code, waitMs: 60_000 }, 90_000)
    await until(async () => (await b.ok('groupStatus', { groupId })).blocks >= initialBlocks, 300_000)
    initialMs = performance.now() - t0
    // The same group on both sides, not just as many blocks: the newest posts with their threads
    // and reactions, and two older pages (posts the shared checkpoints stand for, when present).
    // `mine` is left out: it is the viewer's own reactions, and host and newcomer are different people.
    const page = async (p: Peer, before?: string): Promise<string> =>
      JSON.stringify((await p.ok('feed', { groupId, limit: 100, ...(before ? { before } : {}) })).posts, (k, v: unknown) => (k === 'mine' ? undefined : v))
    for (const at of [undefined, 1_700_000_200_000, 1_700_002_000_000]) {
      const before = at === undefined ? undefined : `${at}~${'f'.repeat(64)}:${'f'.repeat(16)}`
      const [pa, pb] = [await page(a, before), await page(b, before)]
      if (pa !== pb) throw new Error(`the newcomer’s feed differs from the host’s (before ${at ?? 'now'})`)
    }
    feedsMatch = true
  } finally {
    await Promise.all(peers.map((p) => p.stop()))
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}

const rv = await rendezvousBench({ orders: Number(values.orders ?? 20), joiners: Number(values.joiners ?? 5), anchorOnly: values.only === 'anchor' })
await hog?.stop()
console.log(`\nload before ${loadBefore}, after ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}${values.hog ? '; CPU hog on every core' : ''}`)
console.log(rendezvousTable(rv))
if (RUNS > 0) console.log(`\nTwo processes on a loopback testnet, ${RUNS} runs, ${visible.length} posts\n`)
if (RUNS > 0) console.log('| measure | p50 | p99 | max |')
if (RUNS > 0) console.log('|---|---:|---:|---:|')
if (RUNS > 0) console.log(`| join (code given → first feed) | ${pct(joins, 50).toFixed(0)} ms | ${pct(joins, 99).toFixed(0)} ms | ${Math.max(...joins).toFixed(0)} ms |`)
if (RUNS > 0) console.log(`| post → visible on the other peer | ${pct(visible, 50).toFixed(1)} ms | ${pct(visible, 99).toFixed(1)} ms | ${Math.max(...visible).toFixed(1)} ms |`)
if (INITIAL > 0) console.log(`\nInitial sync of a ${INITIAL.toLocaleString()}-update group (${initialBlocks.toLocaleString()} blocks) to a new member: ${(initialMs / 1000).toFixed(1)} s; feeds match: ${feedsMatch}`)
