/**
 * The signaling server (core/net/webrtc/signal-server.ts) with real WebSocket clients on
 * loopback: it relays y-webrtc's protocol, and each bound (rooms, peers per room, frame size,
 * rate, connections, slow readers, liveness) refuses or closes as designed, while bad input never
 * stops it. Small bounds keep each attack short; the defaults are the same code.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { SignalLimits } from '../../../core/net/webrtc/signal-limits.ts'
import { SignalServer, type SignalLogEntry } from '../../../core/net/webrtc/signal-server.ts'
import { waitUntil } from './net-harness.ts'
import { connectSignal, type RawSignalClient } from './signal-client.ts'

const servers: SignalServer[] = []
const clients: RawSignalClient[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function start(limits: Partial<SignalLimits> = {}): Promise<{ server: SignalServer; logs: SignalLogEntry[]; logged(code: string): Promise<void> }> {
  const logs: SignalLogEntry[] = []
  const waiting: Array<[string, () => void]> = []
  const server = await SignalServer.listen({
    limits,
    log: (e) => {
      logs.push(e)
      const key = 'reason' in e ? e.reason : e.code
      for (const w of waiting.filter(([k]) => k === key)) w[1]()
    },
  })
  servers.push(server)
  const logged = (code: string): Promise<void> =>
    logs.some((e) => ('reason' in e ? e.reason : e.code) === code) ? Promise.resolve() : new Promise((resolve) => waiting.push([code, resolve]))
  return { server, logs, logged }
}

async function client(server: SignalServer): Promise<RawSignalClient> {
  const c = await connectSignal(server.url)
  clients.push(c)
  return c
}

const ROOM = 'a1b2c3-room-that-must-never-be-logged'

describe('signal server: the protocol', () => {
  it('relays a publish to every subscriber (the sender too) with the head count, and answers ping', async () => {
    const { server } = await start()
    const [a, b, c] = [await client(server), await client(server), await client(server)]
    a.send({ type: 'subscribe', topics: [ROOM] })
    b.send({ type: 'subscribe', topics: [ROOM] })
    await Promise.all([a.sync(), b.sync()])
    a.send({ type: 'publish', topic: ROOM, data: { type: 'announce', from: 'peer-a' } })
    expect(await b.next()).toEqual({ type: 'publish', topic: ROOM, data: { type: 'announce', from: 'peer-a' }, clients: 2 })
    expect(await a.next()).toMatchObject({ type: 'publish', clients: 2 })
    await c.sync() // c is in no room: nothing came before its pong
    b.send({ type: 'unsubscribe', topics: [ROOM] })
    await b.sync()
    a.send({ type: 'publish', topic: ROOM, data: 'x' })
    expect(await a.next()).toMatchObject({ type: 'publish', clients: 1 })
    await b.sync()
    expect(server.stats()).toEqual({ connections: 3, rooms: 1 })
  })

  it('refuses a publish to a room the sender has not joined, and keeps the connection', async () => {
    const { server } = await start()
    const [a, b] = [await client(server), await client(server)]
    a.send({ type: 'subscribe', topics: [ROOM] })
    await a.sync()
    b.send({ type: 'publish', topic: ROOM, data: 'spray' })
    expect(await b.next()).toEqual({ type: 'error', code: 'SIGNAL_NOT_SUBSCRIBED', topic: ROOM })
    await Promise.all([a.sync(), b.sync()]) // a received nothing; b is still served
  })

  it('answers every malformed frame with SIGNAL_BAD_MESSAGE and keeps serving', async () => {
    const { server, logs } = await start()
    const [a, b] = [await client(server), await client(server)]
    const bad: Array<[string | Buffer, boolean]> = [
      ['not json', false], ['{"type":"subscribe"', false], ['[]', false], ['null', false], ['42', false], ['"ping"', false],
      ['{}', false], ['{"type":"dance"}', false], ['{"type":"subscribe","topics":"room"}', false],
      ['{"type":"subscribe","topics":[1]}', false], ['{"type":"subscribe","topics":[""]}', false],
      [JSON.stringify({ type: 'subscribe', topics: ['x'.repeat(257)] }), false], ['{"type":"publish"}', false],
      ['{"type":"publish","topic":{"__proto__":1}}', false], [Buffer.from('{"type":"ping"}'), true], [Buffer.from([0xff, 0xfe, 0]), true],
      ['{"__proto__":{"type":"ping"}}', false],
    ]
    for (const [frame, binary] of bad) {
      a.sendRaw(frame, binary)
      expect(await a.next()).toEqual({ type: 'error', code: 'SIGNAL_BAD_MESSAGE' })
    }
    a.send({ type: 'subscribe', topics: [ROOM] })
    b.send({ type: 'subscribe', topics: [ROOM] })
    await Promise.all([a.sync(), b.sync()])
    a.send({ type: 'publish', topic: ROOM, n: 1 })
    expect(await b.next()).toMatchObject({ n: 1, clients: 2 })
    expect(logs).toHaveLength(bad.length)
    expect(JSON.stringify(logs)).not.toContain(ROOM)
    expect(({}) as Record<string, unknown>).not.toHaveProperty('type')
  })
})

describe('signal server: the bounds', () => {
  it('refuses rooms past the per-connection and the server-wide bound, once per subscribe', async () => {
    const { server } = await start({ maxRoomsPerConnection: 2, maxRooms: 3 })
    const [a, b] = [await client(server), await client(server)]
    a.send({ type: 'subscribe', topics: ['r1', 'r2', 'r3', 'r4'] })
    expect(await a.next()).toEqual({ type: 'error', code: 'SIGNAL_TOO_MANY_ROOMS', topic: 'r3' })
    await a.sync()
    a.send({ type: 'publish', topic: 'r3', data: 1 })
    expect(await a.next()).toMatchObject({ code: 'SIGNAL_NOT_SUBSCRIBED' })
    b.send({ type: 'subscribe', topics: ['r1', 'r5', 'r6'] })
    expect(await b.next()).toEqual({ type: 'error', code: 'SIGNAL_TOO_MANY_ROOMS', topic: 'r6' })
    expect(server.stats().rooms).toBe(3)
    await a.close()
    await waitUntil(() => server.stats().rooms === 2, "a's rooms to go with it (r1 stays for b)")
  })

  it('refuses a peer past the room bound, and admits it once someone leaves', async () => {
    const { server } = await start({ maxPeersPerRoom: 2 })
    const [a, b, c] = [await client(server), await client(server), await client(server)]
    for (const x of [a, b]) {
      x.send({ type: 'subscribe', topics: [ROOM] })
      await x.sync()
    }
    c.send({ type: 'subscribe', topics: [ROOM] })
    expect(await c.next()).toEqual({ type: 'error', code: 'SIGNAL_ROOM_FULL', topic: ROOM })
    b.send({ type: 'unsubscribe', topics: [ROOM] })
    await b.sync()
    c.send({ type: 'subscribe', topics: [ROOM] })
    await c.sync()
    c.send({ type: 'publish', topic: ROOM, data: 1 })
    expect(await a.next()).toMatchObject({ clients: 2 })
  })

  it('closes a connection that sends a frame over the size bound (1009), and no one else', async () => {
    const { server, logged } = await start({ maxMessageBytes: 1024 })
    const [a, b] = [await client(server), await client(server)]
    a.send({ type: 'publish', topic: ROOM, data: 'x'.repeat(2000) })
    expect((await a.closed).code).toBe(1009)
    await logged('SIGNAL_TOO_LARGE')
    await b.sync()
    await waitUntil(() => server.stats().connections === 1, 'the oversize sender to be gone')
  })

  it('drops frames past the rate with one SIGNAL_RATE_LIMITED, and keeps a sender that stops', async () => {
    const { server } = await start({ burst: 3, perSecond: 0.001, floodStrikes: 100 })
    const a = await client(server)
    for (let i = 0; i < 6; i++) a.send({ type: 'ping' })
    const got = [await a.next(), await a.next(), await a.next(), await a.next()]
    expect(got.map((f) => f.type)).toEqual(['pong', 'pong', 'pong', 'error'])
    expect(got[3]).toEqual({ type: 'error', code: 'SIGNAL_RATE_LIMITED' })
    expect(a.ws.readyState).toBe(WebSocket.OPEN)
    expect(server.stats().connections).toBe(1)
  })

  it('closes a flood (1008 SIGNAL_FLOOD) after the burst and the strikes', async () => {
    const { server, logged } = await start({ burst: 10, perSecond: 0.001, floodStrikes: 5 })
    const [a, b] = [await client(server), await client(server)]
    for (let i = 0; i < 500; i++) a.send({ type: 'ping' })
    const closed = await a.closed
    expect(closed).toEqual({ code: 1008, reason: 'SIGNAL_FLOOD' })
    await logged('SIGNAL_FLOOD')
    await b.sync()
    expect(server.stats().connections).toBe(1)
  })

  it('answers HTTP 503 past the per-address and the total connection bounds', async () => {
    const { server } = await start({ maxConnectionsPerAddress: 2 })
    await client(server)
    await client(server)
    await expect(connectSignal(server.url)).rejects.toThrow('HTTP 503')
    const other = await start({ maxConnections: 1 })
    await client(other.server)
    await expect(connectSignal(other.server.url)).rejects.toThrow('HTTP 503')
    await other.logged('SIGNAL_FULL')
  })

  it('closes a reader that does not read, and keeps relaying to the others', async () => {
    const { server, logged } = await start({ maxBufferedBytes: 64 * 1024, maxMessageBytes: 64 * 1024, burst: 1e6, perSecond: 1e6 })
    const [a, slow] = [await client(server), await client(server)]
    for (const x of [a, slow]) {
      x.send({ type: 'subscribe', topics: [ROOM] })
      await x.sync()
    }
    // The slow one stops reading: the kernel buffers fill, then the server's queue for it.
    ;(slow.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    const big = 'y'.repeat(60 * 1024)
    let closedSlow = false
    void logged('SIGNAL_SLOW_READER').then(() => (closedSlow = true))
    for (let i = 0; i < 2000 && !closedSlow; i++) {
      a.send({ type: 'publish', topic: ROOM, data: big })
      expect(await a.next()).toMatchObject({ type: 'publish' })
    }
    expect(closedSlow).toBe(true)
    a.send({ type: 'publish', topic: ROOM, data: 'after' })
    expect(await a.next()).toMatchObject({ data: 'after', clients: 1 })
  })

  it('drops a connection that stops answering the liveness ping', async () => {
    const { server, logged } = await start({ pingMs: 200 })
    const mute = await client(server)
    ;(mute.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    await logged('SIGNAL_NO_PONG')
    expect(server.stats().connections).toBe(0)
  })

  it('closes every connection with 1001 SIGNAL_SHUTDOWN when it stops', async () => {
    const { server } = await start()
    const a = await client(server)
    await server.close()
    expect(await a.closed).toEqual({ code: 1001, reason: 'SIGNAL_SHUTDOWN' })
  })
})
