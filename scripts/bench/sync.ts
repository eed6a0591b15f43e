/**
 * Sync across processes on a loopback testnet: two Hearth nodes, each its own process and
 * profile. Measures join time (code given → the group's first post in the newcomer's feed) and
 * post → visible on the other peer, p50 / p99 over N posts. Prints a table.
 *
 * Then the initial sync of a large group (scripts/bench/big-group.ts) to a new member: from the
 * join call until the newcomer has read every block the group's host has. The feed is polled from
 * the moment the welcome opens (not from the join call's return), so a page that comes before the
 * join returns is seen when it comes. `--tails worst` picks the update count so that every log
 * ends just before its next shared checkpoint (the longest tails a newcomer can meet, the first
 * page's worst place in the schedule); by default (`--initial 100000`) each log sits just past one.
 *
 * Anchors, run by the script itself in the same run (scripts/bench/raw-net.ts): a raw Hyperswarm
 * round trip between two processes (for post → visible); for the initial sync, a raw Hypercore
 * fetch of blocks of exactly the sizes the big group holds (the goal's anchor), and the same fetch
 * of the group's own sealed blocks by a process that also reads each back, decrypts it and applies
 * the updates a newcomer must apply to plain Y.Docs (scripts/bench/raw-open.ts: the checkpoint
 * states and the tails; the blocks the checkpoints cover are decrypted only). The second tells
 * Hearth's own overhead from the work the data demands. `uptime` is printed before and after.
 *
 * Then rendezvous (issue 13): two members arriving in 20 seeded random orders (who first, 0–4 s
 * apart), the time from "both online" to "both see each other"; and a joiner who started first,
 * the time from the member's arrival (its group online) to the joiner's admission. The anchor is
 * raw Hyperswarm in this process on the same kind of testnet: two swarms joining one topic in the
 * same orders, from the second join to a connection on both sides.
 *
 * With `--transport webrtc` (issue 16) each run also makes a second pair whose nodes meet over
 * WebRTC alone, through a `hearth signal` server the group names (`setWebrtc`, as a facilitator
 * would), and the table gives both transports' join and post → visible figures from the same run,
 * beside the same raw Hyperswarm anchor; the initial sync and rendezvous parts are left out.
 *
 *   npx tsx scripts/bench/sync.ts [--posts 200] [--runs 3] [--initial 100000] [--orders 20] [--joiners 5] [--tails worst] [--only rendezvous|anchor] [--hog] [--transport webrtc]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { startPeer, type Peer } from '../../test/helpers/peer.ts'
import { cpuMsOf } from '../../test/helpers/child.ts'
import { startCpuHog } from '../soak/cpu-hog.ts'
import { buildBigGroup } from './big-group.ts'
import { rendezvousBench, rendezvousTable } from './sync-rendezvous.ts'
import { rawFetch, rawFetchCpu, rawFetchOpen, rawOpenCpu, rawRoundTrip } from './raw-net.ts'
import type { LogPlan } from './raw-open.ts'
import { pct, until, uptime } from './bench-util.ts'
import { Vault } from '../../core/store/vault.ts'
import { SignalServer } from '../../core/net/webrtc/signal-server.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../../core/store/log-store.ts'
import { BlockKind, decodeBlock } from '../../core/store/block-codec.ts'
import { decodeCheckpointPart, sharedCheckpointDue } from '../../core/group/shared-checkpoint.ts'
import { TAIL_INDEX_EVERY } from '../../core/group/tail-index.ts'
import { fastProvider } from '../../core/crypto/provider-sodium.ts'
import type { FeedPage } from '../../core/api.ts'

const uptimeBefore = uptime()

/**
 * Every block of the big group's 20 logs, per log, as replicated (sealed): the anchors' blocks.
 * With each log's latest shared checkpoint (where a newcomer reads it from, as its welcome says)
 * and the group's epoch keys, which the second anchor opens them with.
 */
async function groupBlocks(dir: string, groupId: string, members: number): Promise<{ blocks: Uint8Array[][]; plans: LogPlan[]; keys: Map<number, Uint8Array> }> {
  const vault = new Vault(dir)
  await vault.unlock(PASS)
  const store = await LogStore.open(dir, vault.subkey(LOG_STORE_KEY_PURPOSE))
  try {
    const meta = JSON.parse(new TextDecoder().decode(vault.get(`group/${groupId}`) as Uint8Array)) as { log: string }
    const keys = new Map([[0, (vault.get(`group/${groupId}/epoch/0`) as Uint8Array).slice()]])
    const blocks: Uint8Array[][] = []
    const plans: LogPlan[] = []
    for (const name of [meta.log, ...Array.from({ length: members - 1 }, (_, i) => `m-bench-${i + 1}`)]) {
      const log = await store.openDeviceLog(name)
      const list: Uint8Array[] = []
      for (let i = 0; i < log.length; i++) list.push((await log.get(i)).slice())
      blocks.push(list)
      plans.push(latestCheckpoint(list, keys))
    }
    return { blocks, plans, keys }
  } finally {
    await store.close()
    vault.lock()
  }
}

/** A log's latest whole shared checkpoint, found from its end: where it starts and its parts. */
function latestCheckpoint(log: Uint8Array[], keys: Map<number, Uint8Array>): LogPlan {
  for (let i = log.length - 1; i >= 0; i--) {
    const b = decodeBlock(log[i] as Uint8Array, (e) => keys.get(e), fastProvider)
    if (b.kind !== BlockKind.Checkpoint) continue
    const part = decodeCheckpointPart(b.payload, i)
    if (part.part === 0 && part.start + part.parts <= log.length) return { start: part.start, parts: part.parts }
  }
  return null
}

/** Where the next shared checkpoint of a log is due, given where its latest one starts. */
function nextCheckpoint(lastStart: number | null): number {
  let n = (lastStart ?? 0) + 1
  while (!sharedCheckpointDue(n, lastStart)) n++
  return n
}

/**
 * `--tails worst`: the update count that puts every member's log ~1.5 % before its next shared
 * checkpoint, the one after the base's (100,000 updates: ~5,000 blocks per log, past 4500), so the
 * tails are as long as the schedule allows there (~6,650 blocks per log, the next due at 6750).
 * Each log also holds its checkpoints' parts (~9 blocks by then; the creator's ~23 more for
 * governance) and a tail index every TAIL_INDEX_EVERY blocks after each checkpoint (tail-index.ts:
 * ~1 in 65 blocks, about 100 by then): left out of the update count, or the logs would pass their
 * checkpoint. The printed header shows where they came out.
 */
function worstInitial(members: number): number {
  let start: number | null = null
  while (start === null || start < 5000) start = nextCheckpoint(start)
  const perLog = Math.floor(start * 0.985) - 10 - Math.ceil(start / (TAIL_INDEX_EVERY + 1))
  return perLog * members
}

const { values } = parseArgs({ options: { posts: { type: 'string' }, runs: { type: 'string' }, initial: { type: 'string' }, tails: { type: 'string' }, orders: { type: 'string' }, joiners: { type: 'string' }, only: { type: 'string' }, hog: { type: 'boolean' }, transport: { type: 'string' } } })
const WEBRTC = values.transport === 'webrtc'
const ONLY_RENDEZVOUS = values.only === 'rendezvous' || values.only === 'anchor'
if (values.tails !== undefined && values.tails !== 'worst') throw new Error('--tails takes only "worst"')
if (values.tails === 'worst' && values.initial !== undefined) throw new Error('--tails worst picks the update count: leave --initial out')
const MEMBERS = 20
const INITIAL = ONLY_RENDEZVOUS || WEBRTC ? 0 : values.tails === 'worst' ? worstInitial(MEMBERS) : Number(values.initial ?? 100_000)
const POSTS = Number(values.posts ?? 200)
const RUNS = ONLY_RENDEZVOUS ? 0 : Number(values.runs ?? 3)
const hog = values.hog ? startCpuHog() : null
const PASS = 'benchmark passphrase, not secret'

const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<{ bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }>
const joins: number[] = []
const visible: number[] = []
/** The same over WebRTC alone (--transport webrtc), from the same runs. */
const wJoins: number[] = []
const wVisible: number[] = []
/** The raw round trips, measured right after each run's posts, so under the same load. */
const raw: number[] = []

/** One pair: Alder makes a group and posts, Birch joins by invite; over WebRTC alone when `signal` is given. */
async function pairRun(root: string, boot: string, signal: string | null, into: { joins: number[]; visible: number[] }): Promise<void> {
  const env = signal ? { HEARTH_TRANSPORT: 'webrtc' } : {}
  const peers: Peer[] = []
  try {
    const a = await startPeer(path.join(root, 'a'), boot, env)
    const b = await startPeer(path.join(root, 'b'), boot, env)
    peers.push(a, b)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
    const { id: groupId } = await a.ok('createGroup', { name: 'Bench' })
    // The group names the server, as a facilitator would; the newcomer is given it with the code and joins over WebRTC too.
    if (signal) await a.ok('setWebrtc', { groupId, signal: [signal], ice: [] })
    const first = await a.ok('post', { groupId, text: 'first' })
    const { code } = await a.ok('createInvite', { groupId })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online)
    const t0 = performance.now()
    await b.ok('joinGroup', { code, waitMs: 30_000, ...(signal ? { signal } : {}) }, 40_000)
    await until(async () => (await b.ok('feed', { groupId, limit: 1 })).posts[0]?.id === first.id, 90_000)
    into.joins.push(performance.now() - t0)
    if (signal && !(await a.ok('groupStatus', { groupId })).peers.every((p) => p.transport === 'webrtc')) throw new Error('not over WebRTC')
    for (let i = 0; i < POSTS / RUNS; i++) {
      const t = performance.now()
      const { id } = await a.ok('post', { groupId, text: `post ${i}` })
      await until(async () => (await b.ok('feed', { groupId, limit: 1 })).posts[0]?.id === id)
      into.visible.push(performance.now() - t)
    }
  } finally {
    await Promise.all(peers.map((p) => p.stop()))
  }
}

for (let run = 0; run < RUNS; run++) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-sync-'))
  const net = await createTestnet(3, { host: '127.0.0.1' })
  const boot = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
  const signal = WEBRTC ? await SignalServer.listen({ port: 0, host: '127.0.0.1' }) : null
  try {
    await pairRun(path.join(root, 'h'), boot, null, { joins, visible })
    if (signal) await pairRun(path.join(root, 'w'), boot, signal.url, { joins: wJoins, visible: wVisible })
    raw.push(...(await rawRoundTrip(Math.ceil(POSTS / RUNS))))
  } finally {
    await signal?.close()
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}

/**
 * How often the newcomer is asked how far it is (feed, groupStatus). Every 2 ms, as the pair runs
 * ask, the newcomer spent 4.4 s of its CPU answering feed calls during the initial sync (a whole
 * feed built per call; decisions.md, session 10): the bench slowed what it measured. The app asks
 * groupStatus every 500 ms and the feed on change; 25 ms keeps the figures' resolution far below
 * the goals' (1 s, 1.2×) at a tiny share of that load.
 */
const NEWCOMER_POLL_MS = 25

let initialMs = NaN
let joinedMs = NaN
let welcomeMs = NaN
/** The newcomer's own CPU time (ms, from /proc) at the welcome, the first page and the whole history: steadier than wall time at load. */
const cpu = { welcome: NaN, first: NaN, right: NaN, whole: NaN }
let firstPreview = false
let firstPageRight = false
let firstPageMs = NaN
/** When the newcomer's page was the host's: the first page's time when that one was right. */
let rightPageMs = NaN
/** When the first full page was not the host's: how far the newcomer had read right after it. */
let wrongAt = ''
let wholeMs = NaN
let rawFetchMs = NaN
let rawOpenMs = NaN
/** Per log: its length, where its latest checkpoint starts and where the next is due (the table's header). */
let logShape: { length: number; start: number | null; next: number }[] = []
let initialBlocks = 0
let feedsMatch = false
if (INITIAL > 0) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-initial-'))
  const net = await createTestnet(3, { host: '127.0.0.1' })
  const boot = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
  const peers: Peer[] = []
  try {
    const { groupId } = await buildBigGroup(path.join(root, 'a'), PASS, INITIAL, MEMBERS)
    const group = await groupBlocks(path.join(root, 'a'), groupId, MEMBERS)
    const sizes = group.blocks.map((l) => l.map((b) => b.length))
    logShape = group.plans.map((p, i) => ({ length: (sizes[i] as number[]).length, start: p?.start ?? null, next: nextCheckpoint(p?.start ?? null) }))
    console.log(`logs: ${shapeLine()}`)
    // HEARTH_BENCH_PROFILE_HOST=<dir>: a CPU profile of the host's process too (its upkeep holds what it serves: session 15).
    const hostProf = process.env.HEARTH_BENCH_PROFILE_HOST
    const a = await startPeer(path.join(root, 'a'), boot, hostProf ? { NODE_OPTIONS: ` --import ${pathToFileURL(path.resolve('scripts/bench/cpu-profile.mjs')).href}`, HEARTH_PROFILE_DIR: hostProf } : {})
    peers.push(a)
    await a.ok('unlock', { passphrase: PASS })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online, 60_000)
    const { code } = await a.ok('createInvite', { groupId })
    initialBlocks = (await a.ok('groupStatus', { groupId })).blocks
    // HEARTH_BENCH_PROFILE=<dir>: a CPU profile of the newcomer's process, written when it stops.
    // HEARTH_BENCH_PRELOAD picks another preload (scripts/bench/alloc-profile.mjs: allocation and GC
    // too). HEARTH_BENCH_NODE_FLAGS adds Node flags (e.g. --max-semi-space-size=64) to the newcomer and
    // to both initial-sync anchors' fetching processes (raw-net.ts), so a flag is judged against an
    // anchor run under it too.
    const prof = process.env.HEARTH_BENCH_PROFILE
    const flags = process.env.HEARTH_BENCH_NODE_FLAGS ?? ''
    const preload = prof ? ` --import ${pathToFileURL(path.resolve(process.env.HEARTH_BENCH_PRELOAD ?? 'scripts/bench/cpu-profile.mjs')).href}` : ''
    const b = await startPeer(path.join(root, 'b'), boot, { ...(flags || prof ? { NODE_OPTIONS: `${flags}${preload}` } : {}), ...(prof ? { HEARTH_PROFILE_DIR: prof } : {}) })
    peers.push(b)
    await b.ok('createProfile', { passphrase: PASS, name: 'Newcomer' })
    // The page the newcomer must show first: the host's (the host posts nothing meanwhile).
    // `mine` is left out: it is the viewer's own reactions, and host and newcomer are different people.
    const strip = (posts: unknown): string => JSON.stringify(posts, (k, v: unknown) => (k === 'mine' ? undefined : v))
    const hostPage = (await a.ok('feed', { groupId, limit: 20 })).posts
    const t0 = performance.now()
    const joining = b.ok('joinGroup', { code, waitMs: 60_000 }, 90_000)
    // The welcome opened (a member admitted us): the group is in the newcomer's list from then on.
    let answered = false
    void joining.finally(() => (answered = true))
    while (!answered && !(await b.ok('listGroups', {})).some((g) => g.id === groupId)) await new Promise((r) => setTimeout(r, NEWCOMER_POLL_MS))
    welcomeMs = performance.now() - t0
    const cpuOfB = (): number => cpuMsOf(b.child.proc.pid) ?? NaN
    cpu.welcome = cpuOfB()
    // HEARTH_BENCH_THREADS: the profiling preload records each thread's CPU here and at the whole history.
    const markB = (): void => void (process.env.HEARTH_BENCH_THREADS && b.child.proc.pid && process.kill(b.child.proc.pid, 'SIGUSR2'))
    markB()
    // The feed is polled from the welcome on, not from the join call's return: a page that comes
    // sooner than the join (which waits for governance to name the device) is seen when it comes.
    const joined = joining.then(() => void (joinedMs = performance.now() - t0))
    // The first full page the newcomer shows, and, if that is not the host's, on until it is.
    let first: FeedPage | null = null
    await until(async () => {
      const page = await b.ok('feed', { groupId, limit: 20 })
      if (page.posts.length === 20 && first === null) {
        first = page
        firstPageMs = performance.now() - t0
        cpu.first = cpuOfB()
        // A wrong first page: where the newcomer stood right after it (were its checkpoints applied?).
        if (strip(page.posts) !== strip(hostPage)) {
          const s = await b.ok('groupStatus', { groupId })
          wrongAt = `the newcomer's groupStatus: blocks ${s.blocks.toLocaleString()}, historyLeft ${(s.historyLeft ?? 0).toLocaleString()} (covered blocks not read yet: non-zero once checkpoints are applied)`
        }
      }
      return page.posts.length === 20 && strip(page.posts) === strip(hostPage)
    }, 300_000, NEWCOMER_POLL_MS)
    rightPageMs = performance.now() - t0
    cpu.right = cpuOfB()
    await joined
    const shown = first as FeedPage | null
    firstPreview = shown?.preview === true
    firstPageRight = strip(shown?.posts) === strip(hostPage)
    if (!firstPageRight && shown) console.log(`${pageDiff(shown.posts, hostPage)}\nright after that page ${wrongAt}`)
    console.log(`(so far: welcome ${(welcomeMs / 1000).toFixed(2)} s, admitted ${(joinedMs / 1000).toFixed(2)} s, first page ${(firstPageMs / 1000).toFixed(2)} s, preview ${firstPreview}, the host's page ${firstPageRight}; the host's page ${(rightPageMs / 1000).toFixed(2)} s)`)
    await until(async () => (await b.ok('groupStatus', { groupId })).blocks >= initialBlocks, 300_000, NEWCOMER_POLL_MS)
    initialMs = performance.now() - t0
    // The whole history: the backfill (started once every checkpoint is read) has read every block.
    await until(async () => (await b.ok('groupStatus', { groupId })).historyLeft === 0, 600_000, NEWCOMER_POLL_MS)
    wholeMs = performance.now() - t0
    cpu.whole = cpuOfB()
    markB()
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
    await Promise.all(peers.splice(0).map((p) => p.stop()))
    rawFetchMs = await rawFetch(sizes)
    rawOpenMs = await rawFetchOpen(group.blocks, group.plans, group.keys)
  } finally {
    await Promise.all(peers.map((p) => p.stop()))
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
}
const rv = WEBRTC ? null : await rendezvousBench({ orders: Number(values.orders ?? 20), joiners: Number(values.joiners ?? 5), anchorOnly: values.only === 'anchor' })
await hog?.stop()
const uptimeAfter = uptime()

console.log(`\nuptime before: ${uptimeBefore}\nuptime after:  ${uptimeAfter}${values.hog ? '; CPU hog on every core' : ''}`)
if (rv) console.log(rendezvousTable(rv))
if (RUNS > 0) printPosts()
if (INITIAL > 0) printInitial()
function printPosts(): void {
  console.log(`\nTwo processes on a loopback testnet, ${RUNS} runs, ${visible.length} posts`)
  console.log('| measure | p50 | p99 | max |')
  console.log('|---|---:|---:|---:|')
  console.log(`| join (code given → first feed) | ${pct(joins, 50).toFixed(0)} ms | ${pct(joins, 99).toFixed(0)} ms | ${Math.max(...joins).toFixed(0)} ms |`)
  console.log(`| post → visible on the other peer | ${pct(visible, 50).toFixed(1)} ms | ${pct(visible, 99).toFixed(1)} ms | ${Math.max(...visible).toFixed(1)} ms |`)
  if (WEBRTC) {
    console.log(`| join over WebRTC alone | ${pct(wJoins, 50).toFixed(0)} ms | ${pct(wJoins, 99).toFixed(0)} ms | ${Math.max(...wJoins).toFixed(0)} ms |`)
    console.log(`| post → visible over WebRTC alone | ${pct(wVisible, 50).toFixed(1)} ms | ${pct(wVisible, 99).toFixed(1)} ms | ${Math.max(...wVisible).toFixed(1)} ms |`)
  }
  console.log(`| anchor: raw Hyperswarm round trip (${raw.length}) | ${pct(raw, 50).toFixed(2)} ms | ${pct(raw, 99).toFixed(2)} ms | ${Math.max(...raw).toFixed(2)} ms |`)
  console.log(`\npost → visible p99 ${pct(visible, 99).toFixed(1)} ms against the goal 10 × raw p99 + 5 ms = ${(10 * pct(raw, 99) + 5).toFixed(1)} ms: ${(pct(visible, 99) / (10 * pct(raw, 99) + 5)).toFixed(2)}× of it; p99 ratio to raw ${(pct(visible, 99) / pct(raw, 99)).toFixed(1)}×`)
  if (WEBRTC) console.log(`WebRTC / Hyperswarm: join p50 ${(pct(wJoins, 50) / pct(joins, 50)).toFixed(2)}×; post → visible p50 ${(pct(wVisible, 50) / pct(visible, 50)).toFixed(2)}×, p99 ${(pct(wVisible, 99) / pct(visible, 99)).toFixed(2)}× (target: within 2×)`)
}
function printInitial(): void {
  {
    console.log(`\nThe group (${values.tails === 'worst' ? '--tails worst: every log just before its next shared checkpoint' : 'tails as --initial leaves them'}): ${shapeLine()}`)
    console.log(`newcomer: join call → welcome opened (a member admitted it) ${(welcomeMs / 1000).toFixed(2)} s; join call returned (governance names its device) ${(joinedMs / 1000).toFixed(2)} s`)
    console.log(`newcomer: welcome opened → first feed page ${((firstPageMs - welcomeMs) / 1000).toFixed(2)} s (goal ≤ 1 s)${firstPageRight ? '' : `; NOT the host's page (${firstPreview ? 'a preview' : 'not a preview'}): the host's page came ${((rightPageMs - welcomeMs) / 1000).toFixed(2)} s after the welcome (own CPU ${((cpu.right - cpu.welcome) / 1000).toFixed(2)} s)`}`)
    console.log(`newcomer's own CPU time from the welcome: to the first page ${((cpu.first - cpu.welcome) / 1000).toFixed(2)} s, to the whole history ${((cpu.whole - cpu.welcome) / 1000).toFixed(2)} s = ${((cpu.whole - cpu.welcome) / rawFetchCpu.ms).toFixed(2)}× the raw fetch's own CPU time (${(rawFetchCpu.ms / 1000).toFixed(2)} s), ${((cpu.whole - cpu.welcome) / rawOpenCpu.ms).toFixed(2)}× the fetch-decrypt-apply anchor's (${(rawOpenCpu.ms / 1000).toFixed(2)} s)`)
    console.log(`newcomer: join call → first feed page of 20 posts ${(firstPageMs / 1000).toFixed(2)} s (${firstPreview ? 'from the tails, before the checkpoints' : 'after the checkpoints'}; the host's own first page: ${firstPageRight})`)
    console.log(`newcomer: join call → whole history read ${(wholeMs / 1000).toFixed(1)} s = ${(wholeMs / rawFetchMs).toFixed(2)}× the raw fetch; from the welcome ${((wholeMs - welcomeMs) / rawFetchMs).toFixed(2)}× (goal ≤ 1.2×)`)
    console.log(`newcomer: whole history from the welcome = ${((wholeMs - welcomeMs) / rawOpenMs).toFixed(2)}× the fetch-decrypt-apply anchor (wall), ${((cpu.whole - cpu.welcome) / rawOpenCpu.ms).toFixed(2)}× (own CPU)`)
    console.log(`anchor: raw Hypercore fetch of blocks of the same sizes (all ${sizes0(initialBlocks)} of them, 20 cores) ${(rawFetchMs / 1000).toFixed(1)} s; initial sync / raw fetch ${(initialMs / rawFetchMs).toFixed(2)}×`)
    console.log(`anchor: the same fetch of the group's sealed blocks, each read back, decrypted (sodium secretbox) and applied as a newcomer must to plain Y.Docs (${rawOpenCpu.blocks.toLocaleString()} blocks opened, ${rawOpenCpu.applied.toLocaleString()} tail updates and ${logShape.filter((l) => l.start !== null).length} checkpoint states applied) ${(rawOpenMs / 1000).toFixed(1)} s, own CPU ${(rawOpenCpu.ms / 1000).toFixed(2)} s (of it decrypting ${(rawOpenCpu.openMs / 1000).toFixed(2)} s, applying ${(rawOpenCpu.applyMs / 1000).toFixed(2)} s); it / raw fetch ${(rawOpenMs / rawFetchMs).toFixed(2)}× (wall), ${(rawOpenCpu.ms / rawFetchCpu.ms).toFixed(2)}× (CPU)`)
  }
}
/** Where the newcomer's first page departs from the host's: posts missing, extra, out of order, or fields that differ. */
function pageDiff(mine: FeedPage['posts'], host: FeedPage['posts']): string {
  const ids = (ps: FeedPage['posts']): string[] => ps.map((p) => p.id)
  const extra = ids(mine).filter((id) => !ids(host).includes(id))
  const missing = ids(host).filter((id) => !ids(mine).includes(id))
  const fields: string[] = []
  for (const p of mine) {
    const h = host.find((q) => q.id === p.id)
    if (!h) continue
    for (const k of Object.keys({ ...p, ...h }) as (keyof typeof p)[]) {
      if (k !== 'mine' && JSON.stringify(p[k]) !== JSON.stringify(h[k])) fields.push(`${p.id.slice(0, 12)} ${k}: ${JSON.stringify(p[k]).slice(0, 80)} vs ${JSON.stringify(h[k]).slice(0, 80)}`)
    }
  }
  const order = extra.length || missing.length ? 'n/a' : String(ids(mine).join() === ids(host).join())
  const who = (ps: FeedPage['posts'], id: string): string => { const p = ps.find((q) => q.id === id); return `${p?.authorName} ${p?.createdAt}` }
  const last = (ps: FeedPage['posts']): string => `${ps.at(-1)?.authorName} ${ps.at(-1)?.createdAt}`
  return `first page vs host: extra ${extra.length} [${extra.map((id) => who(mine, id)).join(', ')}], missing ${missing.length} [${missing.map((id) => who(host, id)).join(', ')}], same order ${order}; last on mine ${last(mine)}, on host's ${last(host)}\n${fields.slice(0, 12).join('\n')}`
}
function sizes0(n: number): string {
  return n.toLocaleString()
}
/** The logs' place in the checkpoint schedule: lengths, latest checkpoint, next due, tails. */
function shapeLine(): string {
  const range = (xs: number[], f = (x: number): string => x.toLocaleString()): string => (Math.min(...xs) === Math.max(...xs) ? f(Math.min(...xs)) : `${f(Math.min(...xs))}–${f(Math.max(...xs))}`)
  const starts = [...new Set(logShape.map((l) => l.start ?? 0))]
  const tails = logShape.map((l) => l.length - (l.start ?? 0))
  const before = logShape.map((l) => (l.next - l.length) / l.next)
  return `${logShape.length} logs of ${range(logShape.map((l) => l.length))} blocks, latest checkpoint at ${starts.join(', ')}, next due at ${[...new Set(logShape.map((l) => l.next))].join(', ')} (each log ${range(before, (x) => `${(100 * x).toFixed(1)} %`)} before it); tails ${range(tails)} blocks, ${tails.reduce((a, t) => a + t, 0).toLocaleString()} in all`
}
if (INITIAL > 0) console.log(`\nInitial sync of a ${INITIAL.toLocaleString()}-update group (${initialBlocks.toLocaleString()} blocks) to a new member: ${(initialMs / 1000).toFixed(1)} s; feeds match: ${feedsMatch}`)
