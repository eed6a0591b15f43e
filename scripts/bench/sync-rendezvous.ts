/**
 * The rendezvous part of scripts/bench/sync.ts (issue 13): how soon two members who arrive in any
 * order are connected, and how soon a joiner who started first is admitted once a member arrives,
 * beside raw Hyperswarm doing the same meeting once the first side's announcement is stored (the
 * anchor: raw Hyperswarm looks only once, so a second side that arrives before that never finds it).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { startPeer, type Peer } from '../../test/helpers/peer.ts'
import { seededRandom } from '../../test/helpers/seeded-random.ts'
import { pct } from './bench-util.ts'

const PASS = 'benchmark passphrase, not secret'
type Net = { bootstrap: { host: string; port: number }[]; destroy(): Promise<void> }
const req = createRequire(import.meta.url)
const createTestnet = req('hyperdht/testnet') as (n: number, o: { host: string }) => Promise<Net>
const HyperDHT = req('hyperdht') as new (o: { bootstrap: Net['bootstrap']; host: string }) => unknown
const Hyperswarm = req('hyperswarm') as new (o: { dht: unknown }) => { join(t: Uint8Array, o: object): unknown; on(e: 'connection', f: (c: { on(e: string, f: () => void): void }) => void): void; destroy(): Promise<void> }

export interface RendezvousResult { connect: number[]; anchor: number[]; admit: number[] }

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
async function poll(probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await probe().catch(() => false)) return
    await sleep(20)
  }
  throw new Error('timed out')
}

export async function rendezvousBench(o: { orders: number; joiners: number; seed?: number; anchorOnly?: boolean }): Promise<RendezvousResult> {
  const rnd = seededRandom(o.seed ?? 1313)
  const plan = Array.from({ length: o.orders }, () => ({ bFirst: rnd.next() < 0.5, gap: rnd.int(0, 4_000) }))
  const out: RendezvousResult = { connect: [], anchor: [], admit: [] }
  const root = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-rv-'))
  const net = await createTestnet(3, { host: '127.0.0.1' })
  const boot = `${net.bootstrap[0]?.host}:${net.bootstrap[0]?.port}`
  const running = new Set<Peer>()
  const start = async (name: string): Promise<Peer> => {
    const p = await startPeer(path.join(root, name), boot, {}, { readyMs: 90_000 })
    running.add(p)
    return p
  }
  const stop = async (p: Peer): Promise<void> => {
    running.delete(p)
    await p.stop()
  }
  try {
    if (!o.anchorOnly) await hearthRounds()
    // The anchor: raw Hyperswarm, same orders and gaps, in this process.
    for (const { gap } of plan) {
      const topic = new Uint8Array(32).map(() => rnd.int(0, 255))
      // Bound to loopback as Hearth's nodes are (a node on 0.0.0.0 holepunches and retries first).
      const s1 = new Hyperswarm({ dht: new HyperDHT({ bootstrap: net.bootstrap, host: '127.0.0.1' }) })
      const s2 = new Hyperswarm({ dht: new HyperDHT({ bootstrap: net.bootstrap, host: '127.0.0.1' }) })
      let conns = 0
      for (const s of [s1, s2]) s.on('connection', (c) => {
        c.on('error', () => undefined)
        conns++
      })
      // Raw Hyperswarm looks only once: the anchor waits for the first announcement to be stored,
      // so it is the round trip when discovery works, not the miss this issue is about.
      await (s1.join(topic, { server: true, client: true }) as { flushed(): Promise<unknown> }).flushed()
      await sleep(gap)
      const t0 = performance.now()
      s2.join(topic, { server: true, client: true })
      await poll(async () => conns >= 2)
      out.anchor.push(performance.now() - t0)
      await Promise.all([s1.destroy(), s2.destroy()])
    }
  } finally {
    await Promise.all([...running].map((p) => p.stop()))
    await net.destroy()
    rmSync(root, { recursive: true, force: true })
  }
  return out

  async function hearthRounds(): Promise<void> {
    // Two members, made once.
    const a0 = await start('a')
    await a0.ok('createProfile', { passphrase: PASS, name: 'Alder' }, 60_000)
    const { id: groupId } = await a0.ok('createGroup', { name: 'Bench' })
    const { code } = await a0.ok('createInvite', { groupId })
    const b0 = await start('b')
    await b0.ok('createProfile', { passphrase: PASS, name: 'Birch' }, 60_000)
    await b0.ok('joinGroup', { code, waitMs: 60_000 }, 70_000)
    await Promise.all([stop(a0), stop(b0)])
    const online = async (name: string): Promise<Peer> => {
      const p = await start(name)
      await p.ok('unlock', { passphrase: PASS }, 60_000)
      await poll(async () => (await p.ok('groupStatus', { groupId })).online)
      return p
    }
    for (const { bFirst, gap } of plan) {
      const x = await online(bFirst ? 'b' : 'a')
      await sleep(gap)
      const y = await online(bFirst ? 'a' : 'b')
      const t0 = performance.now()
      await poll(async () => (await x.ok('groupStatus', { groupId })).peers.length > 0 && (await y.ok('groupStatus', { groupId })).peers.length > 0)
      out.connect.push(performance.now() - t0)
      await Promise.all([stop(x), stop(y)])
    }
    // A joiner who started first; the member arrives 10 s later.
    for (let i = 0; i < o.joiners; i++) {
      const a = await online('a')
      const { code: c } = await a.ok('createInvite', { groupId })
      await stop(a)
      const j = await start(`j${i}`)
      await j.ok('createProfile', { passphrase: PASS, name: `Joiner ${i}` }, 60_000)
      let admittedAt = 0
      const joining = j.ok('joinGroup', { code: c, waitMs: 90_000 }, 100_000).then((r) => {
        admittedAt = performance.now()
        return r
      })
      await sleep(10_000)
      const back = await start('a')
      await back.ok('unlock', { passphrase: PASS }, 60_000)
      await poll(async () => admittedAt > 0 || (await back.ok('groupStatus', { groupId })).online)
      const arrived = performance.now()
      await joining
      out.admit.push(Math.max(0, admittedAt - arrived))
      await Promise.all([stop(back), stop(j)])
    }
  }
}


export function rendezvousTable(r: RendezvousResult): string {
  const row = (what: string, xs: number[]): string => xs.length ? `| ${what} | ${xs.length} | ${(pct(xs, 50) / 1000).toFixed(2)} s | ${(pct(xs, 99) / 1000).toFixed(2)} s | ${(Math.max(...xs) / 1000).toFixed(2)} s |` : `| ${what} | 0 | – | – | – |`
  const ratio = r.anchor.length && r.connect.length ? (pct(r.connect, 50) / pct(r.anchor, 50)).toFixed(1) : '–'
  return [
    '\nRendezvous on a loopback testnet (issue 13)\n',
    '| measure | n | p50 | p99 | max |',
    '|---|---:|---:|---:|---:|',
    row('both members online → connected (Hearth, random arrival orders)', r.connect),
    row('anchor: raw Hyperswarm, second join → connected', r.anchor),
    row('joiner first: member online → admitted', r.admit),
    `\nHearth / anchor (p50): ${ratio}×`,
  ].join('\n')
}
