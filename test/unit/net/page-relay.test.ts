/**
 * The WebRTC relay through the front end (issue 16): the node's end (PagePeers) and the page's
 * end (renderer/lib/rtc-relay.ts, run here on node-datachannel's RTCPeerConnection polyfill, the
 * same W3C API Chromium gives the page) carry two members' meeting through a real signaling
 * server, a real data channel and a real Noise stream, in one process.
 *
 * What the page was handed is recorded and checked: only the message shapes of
 * core/api/rtc-views.ts; every frame is ciphertext (the canary plaintext written into the Noise
 * stream is in no frame, in no encoding the canary scanner knows); and neither the group secret,
 * the epoch key nor either Noise secret key appears in anything the page got. The Electron
 * preload and the web host carry these same messages.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { RTCPeerConnection } from 'node-datachannel/polyfill'
import { afterEach, describe, expect, it } from 'vitest'
import type { RtcFromPage, RtcToPage } from '../../../core/api.ts'
import type { NoiseStream } from '../../../core/net/holepunch-net.ts'
import { swarmKeyPair, swarmSalt } from '../../../core/net/swarm-keys.ts'
import { noiseOverChannel } from '../../../core/net/webrtc/channel-stream.ts'
import { PagePeers } from '../../../core/net/webrtc/page-peers.ts'
import { rtcFromPageSchema } from '../../../core/net/webrtc/page-schema.ts'
import { SignalServer } from '../../../core/net/webrtc/signal-server.ts'
import { WebrtcMeet } from '../../../core/net/webrtc/webrtc-meet.ts'
import { startRtcRelay, type PeerCtor } from '../../../renderer/lib/rtc-relay.ts'
import { rtcEventToWire } from '../../../scripts/web/rtc-wire.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const SECRET = new Uint8Array(32).fill(61)
const EPOCH = new Uint8Array(32).fill(62)
const GROUP_ID = new Uint8Array(16).fill(63)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

/** Chromium's RTCPeerConnection stands in for the page; ICE held to loopback as the nodes hold it. */
class LoopbackPeer extends RTCPeerConnection {
  constructor(config: { iceServers: Array<{ urls: string; username?: string; credential?: string }> }) {
    super({ ...config, bindAddress: '127.0.0.1' } as ConstructorParameters<typeof RTCPeerConnection>[0])
  }
}

const tempDir = useTempDirs()
const closers: Array<() => unknown> = []
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c()
})

/** One member: a meeting on PagePeers, its page relaying on the polyfill; every message to the page recorded. */
/** A slow page's reports of what left its channel: held back while `held`, handed on by release(). */
class Gate {
  held = true
  private readonly queue: Array<() => void> = []
  pass(m: RtcFromPage, deliver: () => void): void {
    if (this.held && m.kind === 'sent') this.queue.push(deliver)
    else deliver()
  }
  release(): void {
    this.held = false
    for (const d of this.queue.splice(0)) d()
  }
}

function member(url: string, seed: number, toPage: RtcToPage[], fromPage: RtcFromPage[], gate?: Gate) {
  const handlers = new Set<(m: RtcToPage) => void>()
  const peers = new PagePeers((m) => {
    toPage.push(m)
    for (const h of handlers) h(m)
  })
  const page = {
    // What the service does with a page's call: the schema first, then the node's end.
    rtcRelay: async (m: RtcFromPage) => {
      // Recorded as it crossed: a copy, because the node decrypts received frames in place, as
      // it may (IPC and the web host hand it fresh buffers).
      fromPage.push(m.kind === 'frames' ? { ...m, frames: m.frames.map((f) => f.slice()) } : m)
      const parsed = rtcFromPageSchema.parse(m)
      if (gate) gate.pass(parsed, () => peers.receive(parsed))
      else peers.receive(parsed)
      return { ok: true as const, value: { relayed: true as const } }
    },
    on: ((event: string, h: (m: RtcToPage) => void) => {
      if (event === 'rtc') handlers.add(h)
      return () => handlers.delete(h)
    }) as never,
  }
  closers.push(startRtcRelay(page, LoopbackPeer as unknown as PeerCtor))
  const keyPair = swarmKeyPair(new Uint8Array(32).fill(seed), GROUP_ID, swarmSalt())
  const noise = new Promise<NoiseStream>((resolve) => {
    const meet = WebrtcMeet.start({
      url, groupSecret: SECRET, epochKeys: [EPOCH], bindAddress: '127.0.0.1', peers,
      onChannel: ({ stream, initiator }) => resolve(noiseOverChannel(stream, initiator, keyPair)),
    })
    closers.push(() => meet.close())
  })
  return { noise, keyPair }
}

function firstData(noise: NoiseStream): Promise<Buffer> {
  return new Promise((resolve) => (noise as unknown as { once(e: 'data', f: (b: Buffer) => void): void }).once('data', resolve))
}

describe('the WebRTC relay through the page', () => {
  it('carries a Noise stream between two members, and the page gets only SDP, candidates and ciphertext', { timeout: 60_000 }, async () => {
    const server = await SignalServer.listen()
    closers.push(() => server.close())
    const toPage: RtcToPage[] = []
    const fromPage: RtcFromPage[] = []
    const alice = member(server.url, 1, toPage, fromPage)
    const bob = member(server.url, 2, toPage, fromPage)
    const [na, nb] = await Promise.all([alice.noise, bob.noise])
    closers.push(() => (na as unknown as { destroy(): void }).destroy(), () => (nb as unknown as { destroy(): void }).destroy())

    const canary = makeCanary('webrtc-page')
    const toBob = firstData(nb)
    const toAlice = firstData(na)
    ;(na as unknown as { write(b: Buffer): void }).write(Buffer.from(`from alice ${canary}`))
    ;(nb as unknown as { write(b: Buffer): void }).write(Buffer.from(`from bob ${canary}`))
    expect((await toBob).toString()).toBe(`from alice ${canary}`)
    expect((await toAlice).toString()).toBe(`from bob ${canary}`)

    // The page got only the contract's shapes: a number, strings, and frames as bytes.
    const kinds = new Set(toPage.map((m) => m.kind))
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['create', 'remote-candidate', 'remote-description', 'send']))
    for (const m of toPage) {
      for (const [k, v] of Object.entries(m)) {
        if (v instanceof Uint8Array) expect(k).toBe('frame')
        else expect(['string', 'number', 'boolean', 'object'].includes(typeof v), k).toBe(true)
      }
    }
    expect(fromPage.some((m) => m.kind === 'frames')).toBe(true)

    // Frames are ciphertext, and no secret reaches the page: every message as it would cross
    // the web host's bridge (JSON, frames in base64), plus every frame's raw bytes, scanned.
    const dir = tempDir()
    mkdirSync(path.join(dir, 'relay'))
    const frames = toPage.flatMap((m) => (m.kind === 'send' ? [m.frame] : [])).concat(fromPage.flatMap((m) => (m.kind === 'frames' ? m.frames : [])))
    expect(frames.length).toBeGreaterThan(2)
    writeFileSync(path.join(dir, 'relay', 'frames.bin'), Buffer.concat(frames))
    writeFileSync(path.join(dir, 'relay', 'messages.json'), JSON.stringify(toPage.map(rtcEventToWire)))
    const secrets = [SECRET, EPOCH, alice.keyPair.secretKey, bob.keyPair.secretKey].map(hex)
    expect(scanForCanaries([path.join(dir, 'relay')], [canary, ...secrets])).toEqual([])
    // The scan must be able to fail: the plaintext itself is found.
    writeFileSync(path.join(dir, 'relay', 'plain.bin'), Buffer.from(`from alice ${canary}`))
    expect(scanForCanaries([path.join(dir, 'relay')], [canary]).length).toBeGreaterThan(0)
    const secretBytes = Buffer.concat(frames)
    for (const s of [SECRET, EPOCH, alice.keyPair.secretKey, bob.keyPair.secretKey]) expect(secretBytes.indexOf(Buffer.from(s))).toBe(-1)
  })

  it('pauses the node while the page has not passed its frames on, and resumes when it has, losing nothing', { timeout: 120_000 }, async () => {
    const server = await SignalServer.listen()
    closers.push(() => server.close())
    const [aliceTo, aliceFrom, bobTo, bobFrom]: [RtcToPage[], RtcFromPage[], RtcToPage[], RtcFromPage[]] = [[], [], [], []]
    const gate = new Gate()
    const alice = member(server.url, 1, aliceTo, aliceFrom, gate)
    const bob = member(server.url, 2, bobTo, bobFrom)
    const [na, nb] = await Promise.all([alice.noise, bob.noise])
    closers.push(() => (na as unknown as { destroy(): void }).destroy(), () => (nb as unknown as { destroy(): void }).destroy())

    // 6 MiB from Alice while her page reports nothing: a page whose channel is stuck, as far as the node knows.
    const total = 6 * 1024 * 1024
    const data = Buffer.alloc(total)
    for (let i = 0; i < total; i++) data[i] = (i * 7 + (i >> 11)) & 255
    const got: Buffer[] = []
    let gotBytes = 0
    ;(nb as unknown as { on(e: 'data', f: (b: Buffer) => void): void }).on('data', (b) => {
      got.push(b)
      gotBytes += b.length
    })
    for (let at = 0; at < total; at += 64 * 1024) (na as unknown as { write(b: Buffer): void }).write(data.subarray(at, at + 64 * 1024))

    const handed = (): number => aliceTo.reduce((n, m) => n + (m.kind === 'send' ? m.frame.byteLength : 0), 0)
    const arrived = (): number => bobFrom.reduce((n, m) => n + (m.kind === 'frames' ? m.frames.reduce((k, f) => k + f.byteLength, 0) : 0), 0)
    // Everything Alice's page was handed reaches Bob's page; the node handed it no more than its
    // high-water mark and one write past it, and then waited.
    await expect.poll(() => arrived() > 0 && arrived() === handed(), { timeout: 60_000 }).toBe(true)
    expect(handed()).toBeLessThan(2 * 1024 * 1024)
    expect(gotBytes).toBeLessThan(total)

    // The page catches up: its reports reach the node, which sends the rest.
    gate.release()
    await expect.poll(() => gotBytes, { timeout: 60_000 }).toBe(total)
    expect(Buffer.concat(got).equals(data)).toBe(true)
    // The page reported along the way, as a running total that never passed what it was handed.
    const reports = aliceFrom.flatMap((m) => (m.kind === 'sent' ? [m.bytes] : []))
    expect(reports.length).toBeGreaterThan(1)
    expect(reports.every((b, i) => i === 0 || b > (reports[i - 1] as number))).toBe(true)
    expect(reports.at(-1)).toBeLessThanOrEqual(handed())
  })

  it('refuses a page that sends anything but the contract’s shapes', () => {
    const bad: unknown[] = [
      { kind: 'frames', peer: 1, frames: ['not bytes'] },
      { kind: 'frames', peer: 1, frames: [new Uint8Array(64 * 1024 + 1)] },
      { kind: 'local-description', peer: 0, sdp: 'v=0', type: 'offer' },
      { kind: 'state', peer: 1, state: 'weird' },
      { kind: 'channel-open', peer: 1, key: 'extra' },
      { kind: 'sent', peer: 1, bytes: -1 },
      { kind: 'sent', peer: 1, bytes: 1.5 },
    ]
    for (const b of bad) expect(rtcFromPageSchema.safeParse(b).success, JSON.stringify(b).slice(0, 80)).toBe(false)
  })
})
