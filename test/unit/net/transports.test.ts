/**
 * The transport choice and the one-connection rule (core/net/transports.ts), the CLI's
 * `--transport` / `--signal` (scripts/cli/net-commands.ts), the signaling reconnect's backoff
 * (core/net/webrtc/signal-link.ts) and the rooms a newcomer meets in (epoch-rooms.ts).
 */
import { describe, expect, it } from 'vitest'
import { closeWhich, DEFAULT_TRANSPORT, type Transport } from '../../../core/net/transports.ts'
import { EpochRooms, MAX_ROOMS } from '../../../core/net/webrtc/epoch-rooms.ts'
import { webrtcRoom } from '../../../core/net/webrtc/signal-envelope.ts'
import { reconnectMs, RECONNECT_MAX_MS, RECONNECT_MIN_MS } from '../../../core/net/webrtc/signal-link.ts'
import { transportOptions } from '../../../scripts/cli/net-commands.ts'

describe('one connection per device', () => {
  it('keeps Hyperswarm over WebRTC whichever came first, so both ends close the same one', () => {
    expect(closeWhich('hyperswarm', 'webrtc')).toBe('incoming')
    expect(closeWhich('webrtc', 'hyperswarm')).toBe('existing')
    // The rule is symmetric: what one end closes is the WebRTC connection, and so is the other's.
    const closed = (first: Transport, second: Transport): Transport => (closeWhich(first, second) === 'incoming' ? second : first)
    expect(closed('hyperswarm', 'webrtc')).toBe('webrtc')
    expect(closed('webrtc', 'hyperswarm')).toBe('webrtc')
  })

  it('leaves two on the same transport to that transport (Hyperswarm keeps one per key by its own rule)', () => {
    expect(closeWhich('webrtc', 'webrtc')).toBeNull()
    expect(closeWhich('hyperswarm', 'hyperswarm')).toBeNull()
  })
})

describe('choosing transports', () => {
  it('defaults to both: WebRTC opens only once the group or the device names a server', () => {
    expect(DEFAULT_TRANSPORT).toBe('both')
    // Without --transport the device's stored choice applies (transport-choice.ts), both unless changed.
    expect(transportOptions(undefined, undefined)).toEqual({})
    // The group's setting may name the server, so WebRTC alone without --signal is a fair choice.
    expect(transportOptions('webrtc', undefined)).toEqual({ transport: 'webrtc' })
    expect(transportOptions(undefined, ['ws://127.0.0.1:4444'])).toEqual({ signal: ['ws://127.0.0.1:4444'] })
    expect(transportOptions('webrtc', ['wss://signal.example.org'])).toEqual({ transport: 'webrtc', signal: ['wss://signal.example.org'] })
    expect(transportOptions('hyperswarm', ['ws://127.0.0.1:4444'])).toEqual({ transport: 'hyperswarm', signal: ['ws://127.0.0.1:4444'] })
  })

  it('refuses, with INVALID_INPUT, a transport it does not know and an address that is not ws(s)', () => {
    const code = expect.objectContaining({ code: 'INVALID_INPUT' })
    expect(() => transportOptions('udp', undefined)).toThrow(code)
    for (const bad of ['http://127.0.0.1:4444', '127.0.0.1:4444', 'ws://user:pw@127.0.0.1', 'not a url']) {
      expect(() => transportOptions(undefined, [bad])).toThrow(code)
    }
  })
})

describe('reconnecting to the signaling server', () => {
  it('waits 0.5 s, doubling, never more than 15 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(reconnectMs)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000])
    expect(reconnectMs(10_000)).toBe(RECONNECT_MAX_MS)
    expect(RECONNECT_MIN_MS).toBe(500)
  })
})

describe('epoch rooms', () => {
  const secret = new Uint8Array(32).fill(1)
  const k = (n: number): Uint8Array => new Uint8Array(32).fill(n)

  it('meets in one room per key, and says which rooms a move leaves and joins', () => {
    const rooms = new EpochRooms(secret, [k(1), k(2)])
    expect(rooms.all().sort()).toEqual([webrtcRoom(secret, k(1)), webrtcRoom(secret, k(2))].sort())
    expect(rooms.set([k(2), k(3)])).toEqual({ left: [webrtcRoom(secret, k(1))], joined: [webrtcRoom(secret, k(3))] })
    expect(rooms.keyOf(webrtcRoom(secret, k(1)))).toBeUndefined()
    expect(rooms.keyOf(webrtcRoom(secret, k(3)))).toHaveLength(32)
    expect(rooms.keyOf(42)).toBeUndefined()
    expect(rooms.set([k(2), k(3)])).toEqual({ left: [], joined: [] })
  })

  it('meets in at most MAX_ROOMS rooms, however many keys a welcome held', () => {
    const rooms = new EpochRooms(secret, Array.from({ length: 40 }, (_, i) => k(i + 1)))
    expect(rooms.all()).toHaveLength(MAX_ROOMS)
  })
})
