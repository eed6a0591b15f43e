/**
 * Keeper-only mode (issue 15): one OS process per node on a loopback testnet, each member
 * witnessed (test/helpers/net-witness.ts: every UDP endpoint it bound, and every endpoint its
 * sockets exchanged a datagram with). Each member binds its own loopback address (A 127.0.0.2,
 * B 127.0.0.3, C 127.0.0.4, the stock peer 127.0.0.5; the keeper and the testnet stay on
 * 127.0.0.1), so the test reads which addresses each peer learned, by host and by port. Peers on
 * different hosts are hole-punched as on the internet, which needs a testnet of more than three
 * nodes (net-harness.ts MANY_HOST_TESTNET; decisions.md, "the 127.0.0.2 finding").
 * A and B keep the default (keeper-only on); C turned it off and meets members on the topic.
 * After the group is made and the keeper added (the join itself is direct, decisions.md), all
 * three restart: from then on A's and B's addresses never reach another member's node, neither
 * joins the group's topic, a stock Hyperswarm peer on the topic meets C alone, and every post
 * still reaches every member through the keeper, in all directions. A and B are the "two members
 * who cannot reach each other": they never exchange a datagram, and sync through the keeper.
 * Two start orders, and once under a CPU hog on both cores.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startPeer, type Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { startCpuHog, type CpuHog } from '../../helpers/cpu-hog.ts'
import { MANY_HOST_TESTNET, startTestnet, type Testnet } from '../net/net-harness.ts'
import { startKeeper, type KeeperProcess } from './keeper-process.ts'

const PASS = 'correct horse battery staple'
type Who = 'a' | 'b' | 'c'
/** Each member's own loopback address; the stock Hyperswarm peer has one of its own. */
const HOST: Record<Who, string> = { a: '127.0.0.2', b: '127.0.0.3', c: '127.0.0.4' }
const STOCK_HOST = '127.0.0.5'
const tempDir = useTempDirs()
const running = new Set<Peer>()
let keeper: KeeperProcess | null = null
let testnet: Testnet | null = null
let hog: CpuHog | null = null
let stock: { destroy(): Promise<void> } | null = null

afterEach(async () => {
  await hog?.stop()
  hog = null
  await stock?.destroy().catch(() => undefined)
  stock = null
  await Promise.all([...running].map((p) => p.stop()))
  running.clear()
  await keeper?.stop().catch(() => undefined)
  keeper = null
  await testnet?.destroy()
  testnet = null
})

async function member(who: Who, dir: string, boot: string, name: string | null, witness?: string): Promise<Peer> {
  const p = await startPeer(dir, boot, { HEARTH_HOST: HOST[who], ...(witness ? { HEARTH_WITNESS_FILE: witness } : {}) }, { readyMs: 90_000 })
  running.add(p)
  if (name) await p.ok('createProfile', { passphrase: PASS, name }, 90_000)
  else await p.ok('unlock', { passphrase: PASS }, 90_000)
  return p
}

async function stop(p: Peer): Promise<void> {
  running.delete(p)
  await p.stop()
}

type Seen = { kind: string; host?: string; at?: string; topic?: string }
const witnessed = (file: string): Seen[] => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Seen)
/** The endpoints (HOST:PORT) a process bound: each process has its own host, so an endpoint names it. */
const boundAt = (seen: Seen[]): Set<string> => new Set(seen.filter((s) => s.kind === 'bound' && s.at).map((s) => s.at as string))
/** The endpoints a process exchanged datagrams with. */
const met = (seen: Seen[]): Seen[] => seen.filter((s) => s.kind !== 'bound' && s.kind !== 'topic' && s.at)
const metAt = (seen: Seen[]): string[] => met(seen).map((s) => s.at as string)
/** The hosts a process exchanged datagrams with: the addresses it learned. */
const metHosts = (seen: Seen[]): Set<string> => new Set(met(seen).map((s) => s.host as string))

/** The group of three, the keeper added by A; returns once A and B are keeper-only and C follows the keeper. */
async function setUp(boot: string, dirs: Record<Who, string>, code: string): Promise<string> {
  const a = await member('a', dirs.a, boot, 'Alder')
  const b = await member('b', dirs.b, boot, 'Birch')
  const c = await member('c', dirs.c, boot, 'Cedar')
  expect(await c.ok('setKeeperOnly', { on: false })).toEqual({ on: false })
  expect(await a.ok('keeperOnly', {})).toEqual({ on: true })
  const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
  for (const p of [b, c]) {
    const invite = await a.ok('createInvite', { groupId })
    expect(await p.ok('joinGroup', { code: invite.code, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
  }
  await c.until(async () => (await c.ok('members', { groupId })).length === 3, 60_000)
  await a.ok('addKeeper', { groupId, code })
  // The hand-over (keeper-only-switch.ts): A goes quiet only once B and C hold keeper.add.
  for (const p of [a, b]) await p.until(async () => (await p.ok('groupStatus', { groupId })).keeper?.only === true, 90_000)
  await c.until(async () => (await c.ok('groupStatus', { groupId })).keeper?.connected === true, 90_000)
  expect((await c.ok('groupStatus', { groupId })).keeper?.only).toBe(false)
  await Promise.all([a, b, c].map(stop))
  return groupId
}

async function sees(p: Peer, groupId: string, id: string): Promise<void> {
  await p.until(async () => (await p.ok('feed', { groupId })).posts.some((x) => x.id === id), 120_000)
}

async function scenario(order: Who[], underHog: boolean): Promise<void> {
  testnet = await startTestnet(MANY_HOST_TESTNET)
  const bootAddr = testnet.bootstrap[0]
  const boot = `${bootAddr?.host}:${bootAddr?.port}`
  const root = tempDir()
  const dirs = { a: path.join(root, 'a'), b: path.join(root, 'b'), c: path.join(root, 'c') }
  keeper = await startKeeper(path.join(root, 'k'), boot)
  const groupId = await setUp(boot, dirs, keeper.code)

  if (underHog) hog = startCpuHog()
  const files = { a: path.join(root, 'a.seen'), b: path.join(root, 'b.seen'), c: path.join(root, 'c.seen') }
  const peers = {} as Record<Who, Peer>
  for (const who of order) {
    writeFileSync(files[who], '')
    peers[who] = await member(who, dirs[who], boot, null, files[who])
    await peers[who].ok('groupStatus', { groupId })
  }
  const { a, b, c } = peers
  const fromA = await a.ok('post', { groupId, text: 'Alder, through the keeper' })
  const fromB = await b.ok('post', { groupId, text: 'Birch, through the keeper' })
  const fromC = await c.ok('post', { groupId, text: 'Cedar, on the topic' })
  await Promise.all([sees(b, groupId, fromA.id), sees(c, groupId, fromA.id), sees(a, groupId, fromB.id), sees(c, groupId, fromB.id), sees(a, groupId, fromC.id), sees(b, groupId, fromC.id)]).catch(async (e: unknown) => {
    // What each node saw, for whoever reads a failure: its status and which posts it holds.
    for (const [who, p] of Object.entries(peers)) console.error(who, JSON.stringify(await p.ok('groupStatus', { groupId })), (await p.ok('feed', { groupId })).posts.map((x) => x.id))
    throw e
  })

  // A stock Hyperswarm peer that learned the topic (from C's own join) meets C and nobody else.
  const topics = witnessed(files.c).filter((s) => s.kind === 'topic').map((s) => s.topic as string)
  expect(topics.length).toBeGreaterThan(0)
  const stockMet = await stockPeerMeets(Buffer.from(topics[0] as string, 'hex'), testnet.bootstrap)
  const seen = { a: witnessed(files.a), b: witnessed(files.b), c: witnessed(files.c) }
  const ports = { a: boundAt(seen.a), b: boundAt(seen.b), c: boundAt(seen.c) }
  for (const who of ['a', 'b', 'c'] as const) {
    expect(ports[who].size).toBeGreaterThan(0)
    // Each member's DHT and swarm sockets are on its own address (hyperdht also binds the
    // machine's own interfaces for a moment, to check them: those are not another peer's).
    expect(seen[who].filter((s) => s.kind === 'bound' && s.host?.startsWith('127.')).map((s) => s.host)).toEqual(expect.arrayContaining([HOST[who]]))
    expect(seen[who].filter((s) => s.kind === 'bound' && s.host?.startsWith('127.') && s.host !== HOST[who])).toEqual([])
  }
  const quiet = new Set([...ports.a, ...ports.b])

  expect(stockMet.some((at) => ports.c.has(at))).toBe(true)
  expect(stockMet.filter((at) => at.startsWith(`${HOST.a}:`) || at.startsWith(`${HOST.b}:`) || quiet.has(at))).toEqual([])

  // The addresses each node learned (every host it exchanged a datagram with, its own aside).
  // A and B: the keeper's and the DHT's (127.0.0.1) alone. C: never A's or B's. And by
  // endpoint too: no member's node exchanged a datagram with another member's sockets.
  for (const who of ['a', 'b', 'c'] as const) {
    const own = new Set(seen[who].filter((s) => s.kind === 'bound').map((s) => s.host as string))
    const learned = [...metHosts(seen[who])].filter((h) => !own.has(h)).sort()
    if (who === 'c') expect(learned.filter((h) => h === HOST.a || h === HOST.b)).toEqual([])
    else expect(learned).toEqual(['127.0.0.1'])
    const others = (['a', 'b', 'c'] as const).filter((o) => o !== who)
    const foreign = new Set(others.flatMap((o) => [...ports[o]]))
    expect(metAt(seen[who]).filter((at) => foreign.has(at))).toEqual([])
    if (who !== 'c') expect(seen[who].filter((s) => s.kind === 'topic')).toEqual([])
  }
  // C did meet another host on the topic (the stock peer): the check above can see a learned address.
  expect(metHosts(seen.c).has(STOCK_HOST)).toBe(true)
  // And what the keeper-only members say of themselves: nobody connected, the keeper reached.
  for (const p of [a, b]) expect(await p.ok('groupStatus', { groupId })).toMatchObject({ peers: [], keeper: { only: true, connected: true } })
}

/** Joins the topic as a stock Hyperswarm peer on its own address; HOST:PORT of every connection it made, once it tried every announced peer. */
async function stockPeerMeets(topic: Buffer, bootstrap: { host: string; port: number }[]): Promise<string[]> {
  const require = createRequire(import.meta.url)
  const Hyperswarm = require('hyperswarm') as new (o: object) => { join(t: Buffer, o: object): { flushed(): Promise<void> }; on(e: 'connection', f: (c: { rawStream: { remoteHost: string; remotePort: number }; on(e: string, f: () => void): void }) => void): void; flush(): Promise<void>; destroy(): Promise<void> }
  const HyperDHT = require('hyperdht') as new (o: object) => object
  const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap, host: STOCK_HOST }) })
  stock = swarm
  const met: string[] = []
  swarm.on('connection', (conn) => {
    conn.on('error', () => undefined)
    met.push(`${conn.rawStream.remoteHost}:${conn.rawStream.remotePort}`)
  })
  await swarm.join(topic, { server: true, client: true }).flushed()
  await swarm.flush()
  return met
}

describe('keeper-only mode: members never learn each other’s address, and still sync through the keeper', () => {
  it('C (keeper-only off) first, then A, then B', async () => {
    await scenario(['c', 'a', 'b'], false)
  }, 600_000)

  it('B first, then A, then C', async () => {
    await scenario(['b', 'a', 'c'], false)
  }, 600_000)

  it('under a CPU hog on both cores', async () => {
    await scenario(['a', 'c', 'b'], true)
  }, 900_000)
})
