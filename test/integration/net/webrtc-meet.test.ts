/**
 * The first WebRTC slice end to end, one OS process per member on loopback: two members meet in
 * their group's room on a signaling server (`SignalServer`, and y-webrtc's unmodified
 * bin/server.js), open a node-datachannel data channel, run Noise over it and complete
 * member-auth, then replicate a Hypercore log over the same stream, in both start orders, on a quiet machine and under a CPU hog on every core; a non-member who holds the group secret is refused by
 * member-auth; an outsider subscribed to the room sees only sealed signals.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeHeapSnapshot } from 'node:v8'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { SignalServer } from '../../../core/net/webrtc/signal-server.ts'
import { openSignal, signalKey, webrtcRoom } from '../../../core/net/webrtc/signal-envelope.ts'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { logKeyOf } from './net-fixture.ts'
import { stopChild } from './net-harness.ts'
import { connectSignal } from './signal-client.ts'

const MEMBER = fileURLToPath(new URL('./webrtc-member.child.ts', import.meta.url))
const Y_SERVER = fileURLToPath(new URL('./y-webrtc-server.child.ts', import.meta.url))
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const SECRET = new Uint8Array(32).fill(41)
const EPOCH_1 = new Uint8Array(32).fill(51)
const EPOCH_2 = new Uint8Array(32).fill(52)
const GROUP_ID = new Uint8Array(16).fill(42)
const seeds = { alice: new Uint8Array(32).fill(1), bob: new Uint8Array(32).fill(2), mallory: new Uint8Array(32).fill(3) }
const id = (s: Uint8Array): string => hex(identityFromSeed(s).signPublicKey)
const MEMBERS = [id(seeds.alice), id(seeds.bob)]

const children: Child[] = []
const servers: SignalServer[] = []
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stopChild(c)))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const tempDir = useTempDirs()
/** A member process; each holds its own log (seeded by its identity seed) and follows the other's. */
async function member(url: string, seed: Uint8Array, epochKey = EPOCH_1): Promise<Child> {
  const others = [seeds.alice, seeds.bob].filter((s) => s !== seed).map((s) => hex(logKeyOf(s)))
  const logs = { dir: tempDir(), logSeed: hex(seed), append: [`block of ${seed[0]}`], peerLogs: others }
  const child = spawnTs(MEMBER, [JSON.stringify({ url, groupSecret: hex(SECRET), epochKey: hex(epochKey), groupId: hex(GROUP_ID), seed: hex(seed), members: MEMBERS, ...logs })], {}, { stdin: true })
  children.push(child)
  await child.waitForLine((l) => l === '{"ready":true}', 60_000)
  return child
}

async function auth(child: Child): Promise<{ ok: boolean; memberId?: string; reason?: string }> {
  const line = await child.waitForLine((l) => l.startsWith('{"auth"'), 60_000)
  return (JSON.parse(line) as { auth: { ok: boolean; memberId?: string; reason?: string } }).auth
}

async function hearthSignal(): Promise<string> {
  const s = await SignalServer.listen()
  servers.push(s)
  return s.url
}

async function yWebrtcSignal(): Promise<string> {
  const child = spawnTs(Y_SERVER, [])
  children.push(child)
  const line = await child.waitForLine((l) => l.startsWith('{"port"'), 60_000)
  return `ws://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`
}

const SERVERS = [['hearth signal', hearthSignal], ["y-webrtc's bin/server.js", yWebrtcSignal]] as const
const ORDERS = [['alice first', 'alice', 'bob'], ['bob first', 'bob', 'alice']] as const

function scenarios(): void {
  describe.each(SERVERS)('through %s', (_name, signal) => {
    it.each(ORDERS)('two members connect, pass member-auth and replicate each other\'s log (%s)', async (_order, first, second) => {
      const url = await signal()
      const a = await member(url, seeds[first])
      const b = await member(url, seeds[second])
      const [ra, rb] = await Promise.all([auth(a), auth(b)])
      expect(ra).toEqual({ ok: true, memberId: id(seeds[second]) })
      expect(rb).toEqual({ ok: true, memberId: id(seeds[first]) })
      await Promise.all([
        a.waitForLine((l) => l === JSON.stringify({ block: `block of ${seeds[second][0]}` }), 60_000),
        b.waitForLine((l) => l === JSON.stringify({ block: `block of ${seeds[first][0]}` }), 60_000),
      ])
    })
  })
}

quietAndHog('WebRTC members', () => scenarios())

describe('WebRTC: who gets in', () => {
  it('refuses a non-member who holds the group secret, at member-auth', async () => {
    const url = await hearthSignal()
    const alice = await member(url, seeds.alice)
    await member(url, seeds.mallory)
    expect(await auth(alice)).toEqual({ ok: false, reason: 'not-member' })
  })

  it('shows an outsider in the room only sealed signals, and ignores what it publishes', async () => {
    const url = await hearthSignal()
    const room = webrtcRoom(SECRET, EPOCH_1)
    const outsider = await connectSignal(url)
    outsider.send({ type: 'subscribe', topics: [room] })
    await outsider.sync()
    const alice = await member(url, seeds.alice)
    const hello = await outsider.next(60_000)
    expect(hello).toMatchObject({ type: 'publish', topic: room })
    expect(typeof hello.data).toBe('string')
    expect(String(hello.data)).not.toMatch(/hello|from|127\.0\.0\.1/)
    // A stock y-webrtc announce and junk: alice must not offer to them, nor fall over.
    outsider.send({ type: 'publish', topic: room, data: { type: 'announce', from: 'x' } })
    outsider.send({ type: 'publish', topic: room, data: 'AAAA' })
    const bob = await member(url, seeds.bob)
    const [ra, rb] = await Promise.all([auth(alice), auth(bob)])
    expect(ra.ok && rb.ok).toBe(true)
    // Everything relayed so far, up to a round trip: the members' signals are sealed bytes.
    outsider.send({ type: 'ping' })
    const seen = []
    for (let f = await outsider.next(60_000); f.type !== 'pong'; f = await outsider.next(60_000)) seen.push(f)
    const signals = seen.filter((f) => typeof f.data === 'string' && f.data !== 'AAAA')
    expect(signals.length).toBeGreaterThanOrEqual(3) // hellos, an offer and an answer at least
    for (const f of signals) expect(Buffer.from(String(f.data), 'base64').toString('latin1')).not.toMatch(/candidate|sdp|127\.0\.0\.1|offer|answer|hello/)
    await outsider.close()
  })
})

describe('WebRTC: a stock y-webrtc provider in the room', () => {
  it('knows the room’s name but not its key: no member connects to it, and its doc stays empty', async () => {
    const url = await hearthSignal()
    // y-webrtc's client (lib0/websocket) uses the global WebSocket, which Node 20 does not have.
    ;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket
    const { WebrtcProvider } = await import('y-webrtc')
    const doc = new Y.Doc()
    const provider = new WebrtcProvider(webrtcRoom(SECRET, EPOCH_1), doc, { signaling: [url], filterBcConns: false })
    try {
      const [a, b] = [await member(url, seeds.alice), await member(url, seeds.bob)]
      // Both members said hello in the room and met: the provider heard it all and could use none of it.
      expect((await Promise.all([auth(a), auth(b)])).every((r) => r.ok)).toBe(true)
      expect(provider.signalingConns.some((c) => c.connected)).toBe(true)
      expect(provider.room?.webrtcConns.size ?? 0).toBe(0)
      expect(doc.share.size).toBe(0)
    } finally {
      provider.destroy()
    }
  })
})

describe('WebRTC: what the signaling server keeps', () => {
  it('holds in memory no SDP, no ICE candidate and no fingerprint from the sealed signals it relayed', async () => {
    const url = await hearthSignal()
    const [a, b] = [await member(url, seeds.alice), await member(url, seeds.bob)]
    expect((await Promise.all([auth(a), auth(b)])).every((r) => r.ok)).toBe(true)
    // The server runs in this process (the members in their own): a heap snapshot is its memory.
    const file = path.join(tempDir(), 'signal.heapsnapshot')
    const control = { text: ['retained', hex(SECRET).slice(0, 12)].join(' ') }
    writeHeapSnapshot(file)
    const heap = readFileSync(file, 'utf8')
    // The scan sees strings made at run time and kept, and what the server keeps: its room, by name.
    expect(heap).toContain(control.text)
    expect(heap).toContain(webrtcRoom(SECRET, EPOCH_1))
    // SDP lines, joined only now: written whole in this file, they would be in the snapshot as its source.
    const clear = [['a', 'candidate:'], ['a', 'fingerprint:'], ['a', 'ice-ufrag:'], ['c', 'IN IP4'], ['m', 'application']].map((p) => p.join('='))
    for (const line of clear) expect(heap).not.toContain(line)
  })
})

describe('WebRTC: the room moves with the epoch', () => {
  it('moves a running member to the new epoch\'s room, where a removed member\'s keys find and open nothing', async () => {
    const url = await hearthSignal()
    const [oldRoom, newRoom] = [webrtcRoom(SECRET, EPOCH_1), webrtcRoom(SECRET, EPOCH_2)]
    const alice = await member(url, seeds.alice)
    // The rotation reaches alice's running process: no restart.
    alice.proc.stdin?.write(JSON.stringify({ epoch: hex(EPOCH_2) }) + '\n')
    await alice.waitForLine((l) => l === '{"moved":true}', 60_000)
    // The removed member holds the group secret and epoch 1's key: it watches the old room, and
    // the new one too, as if the server had told it the name.
    const removed = await connectSignal(url)
    removed.send({ type: 'subscribe', topics: [oldRoom, newRoom] })
    await removed.sync()
    // Bob holds epoch 2's key (his lockbox) and meets alice in the new room.
    const bob = await member(url, seeds.bob, EPOCH_2)
    const [ra, rb] = await Promise.all([auth(alice), auth(bob)])
    expect(ra.ok && rb.ok).toBe(true)
    removed.send({ type: 'ping' })
    const seen = []
    for (let f = await removed.next(60_000); f.type !== 'pong'; f = await removed.next(60_000)) seen.push(f)
    expect(seen.filter((f) => f.topic === oldRoom)).toEqual([])
    const inNew = seen.filter((f) => f.topic === newRoom)
    expect(inNew.length).toBeGreaterThanOrEqual(3) // hellos, an offer and an answer at least
    for (const f of inNew) expect(openSignal(signalKey(SECRET, EPOCH_1), f.data)).toBeNull()
    await removed.close()
  })
})
