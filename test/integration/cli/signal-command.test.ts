/**
 * `hearth signal` in its own process, beside y-webrtc's own `bin/server.js`, each on loopback:
 * the same protocol scenario passes against both (what Hearth's WebRTC client will rely on); a
 * stock y-webrtc WebrtcProvider reaches its room through `hearth signal`, and with `password` its
 * announce is opaque to another subscriber; bad frames never stop `hearth signal`, its log holds
 * codes and counts only, and SIGTERM stops it cleanly.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { runCli } from '../../helpers/cli.ts'
import { stopChild } from '../net/net-harness.ts'
import { connectSignal, type RawSignalClient } from '../net/signal-client.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const Y_SERVER = fileURLToPath(new URL('../net/y-webrtc-server.child.ts', import.meta.url))
const ROOM = 'f00dfeed-a-room-name-the-log-must-not-hold'

// y-webrtc's client (lib0/websocket) uses the global WebSocket, which Node 20 does not have.
;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket

let hearth: Child
let yServer: Child
const urls: Record<'hearth' | 'y-webrtc', string> = { hearth: '', 'y-webrtc': '' }

beforeAll(async () => {
  hearth = spawnTs(HEARTH, ['signal', '--port', '0', '--json'])
  yServer = spawnTs(Y_SERVER, [])
  const [h, y] = await Promise.all([
    hearth.waitForLine((l) => l.startsWith('{"signal"'), 60_000),
    yServer.waitForLine((l) => l.startsWith('{"port"'), 60_000),
  ])
  urls.hearth = (JSON.parse(h) as { signal: string }).signal
  urls['y-webrtc'] = `ws://127.0.0.1:${(JSON.parse(y) as { port: number }).port}`
})

afterAll(async () => {
  await Promise.all([hearth, yServer].filter(Boolean).map((c) => stopChild(c)))
})

async function pair(url: string): Promise<[RawSignalClient, RawSignalClient]> {
  return [await connectSignal(url), await connectSignal(url)]
}

describe.each(['hearth', 'y-webrtc'] as const)('the signaling protocol on %s', (server) => {
  it('relays a publish to the room (the sender too) with the head count; ping is answered', async () => {
    const [a, b] = await pair(urls[server])
    try {
      for (const x of [a, b]) {
        x.send({ type: 'subscribe', topics: [ROOM] })
        await x.sync()
      }
      a.send({ type: 'publish', topic: ROOM, data: { type: 'announce', from: 'a' } })
      expect(await b.next()).toEqual({ type: 'publish', topic: ROOM, data: { type: 'announce', from: 'a' }, clients: 2 })
      expect(await a.next()).toEqual({ type: 'publish', topic: ROOM, data: { type: 'announce', from: 'a' }, clients: 2 })
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it("carries a stock y-webrtc provider's announce; with a password it is opaque to other subscribers", async () => {
    const { WebrtcProvider } = await import('y-webrtc')
    const observer = await connectSignal(urls[server])
    const room = `${ROOM}-${server}`
    observer.send({ type: 'subscribe', topics: [room] })
    await observer.sync()
    const provider = new WebrtcProvider(room, new Y.Doc(), { signaling: [urls[server]], password: 'the group key would go here', filterBcConns: false })
    try {
      const f = await observer.next()
      expect(f).toMatchObject({ type: 'publish', topic: room, clients: 2 })
      expect(typeof f.data).toBe('string') // sealed and base64-encoded by y-webrtc
      expect(String(f.data)).not.toMatch(/announce|from/)
    } finally {
      provider.destroy()
      await observer.close()
    }
  })
})

describe('hearth signal', () => {
  it('shrugs off bad frames and an oversize one, and keeps serving others', async () => {
    const [a, b] = await pair(urls.hearth)
    try {
      a.sendRaw('{"type":"subscribe","topics":[')
      expect(await a.next()).toEqual({ type: 'error', code: 'SIGNAL_BAD_MESSAGE' })
      a.sendRaw(Buffer.from([0, 1, 2]), true)
      expect(await a.next()).toEqual({ type: 'error', code: 'SIGNAL_BAD_MESSAGE' })
      a.send({ type: 'publish', topic: ROOM, data: 'z'.repeat(40 * 1024) })
      expect((await a.closed).code).toBe(1009)
      await b.sync()
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('refuses a port that is taken with NETWORK_UNAVAILABLE', async () => {
    const port = new URL(urls.hearth).port
    const run = await runCli(['signal', '--port', port, '--json'], {}, 60_000)
    expect(run.code).toBe(1)
    expect(run.json).toMatchObject({ ok: false, error: { code: 'NETWORK_UNAVAILABLE' } })
  })

  it('stops cleanly on SIGTERM, its log holding codes and counts, never a room name or address', async () => {
    const c = await connectSignal(urls.hearth)
    c.send({ type: 'subscribe', topics: [ROOM] })
    await c.sync()
    await stopChild(hearth)
    expect(await c.closed).toEqual({ code: 1001, reason: 'SIGNAL_SHUTDOWN' })
    expect((await hearth.exited).code).toBe(0)
    expect(hearth.lines).toContain('{"stopped":true}')
    const log = hearth.stderr()
    expect(log).toContain('hearth signal: SIGNAL_REFUSED SIGNAL_BAD_MESSAGE x')
    expect(log).toContain('hearth signal: SIGNAL_CLOSED SIGNAL_TOO_LARGE x1')
    expect(log).not.toContain(ROOM.slice(0, 8))
    expect(log).not.toContain('127.0.0.1')
  })
})
