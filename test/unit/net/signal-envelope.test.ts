/**
 * The WebRTC room and sealed signals (core/net/webrtc/signal-envelope.ts): the derivation is
 * pinned, a seal opens only under its group's key, and anything else opens to null.
 */
import { describe, expect, it } from 'vitest'
import { groupTopic } from '../../../core/net/topic.ts'
import { openSignal, sealSignal, signalKey, webrtcRoom, type SignalBody } from '../../../core/net/webrtc/signal-envelope.ts'

const SECRET = new Uint8Array(32).fill(7)
const OTHER = new Uint8Array(32).fill(8)
const EPOCH = new Uint8Array(32).fill(9)
const NEXT_EPOCH = new Uint8Array(32).fill(10)
const PEER_A = 'a'.repeat(32)
const PEER_B = 'b'.repeat(32)

describe('webrtc room and signal key', () => {
  it('are pinned, 64 hex characters / 32 bytes, and unrelated to each other and to the swarm topic', () => {
    const room = webrtcRoom(SECRET, EPOCH)
    expect(room).toMatch(/^[0-9a-f]{64}$/)
    expect(room).toBe(webrtcRoom(new Uint8Array(32).fill(7), new Uint8Array(32).fill(9)))
    expect(room).not.toBe(webrtcRoom(OTHER, EPOCH))
    expect(room).not.toBe(Buffer.from(groupTopic(SECRET)).toString('hex'))
    expect(room).not.toBe(Buffer.from(signalKey(SECRET, EPOCH)).toString('hex'))
    expect(signalKey(SECRET, EPOCH)).toHaveLength(32)
    // Pinned: changing the derivation strands every member on an older version in another room.
    expect(room).toBe('d7b26f109bcb8973ff34d2d4ebfd06a18b1461a9d29f9e68c41095f3cb477399')
  })

  it('move with the epoch: after a rotation the old epoch key names another room and opens nothing sealed there', () => {
    expect(webrtcRoom(SECRET, NEXT_EPOCH)).not.toBe(webrtcRoom(SECRET, EPOCH))
    const sealed = sealSignal(signalKey(SECRET, NEXT_EPOCH), { v: 1, from: PEER_A, kind: 'hello' })
    expect(openSignal(signalKey(SECRET, EPOCH), sealed)).toBeNull()
    // The epoch key alone (a keeper stores blocks sealed under it) names no room without the group secret.
    expect(webrtcRoom(OTHER, NEXT_EPOCH)).not.toBe(webrtcRoom(SECRET, NEXT_EPOCH))
  })

  it('refuse a group secret or an epoch key of the wrong size', () => {
    expect(() => webrtcRoom(new Uint8Array(31), EPOCH)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(() => signalKey(new Uint8Array(33), EPOCH)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(() => webrtcRoom(SECRET, new Uint8Array(16))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
  })
})

describe('sealed signals', () => {
  const body: SignalBody = { v: 1, from: PEER_A, to: PEER_B, kind: 'offer', sdp: 'v=0\r\nc=IN IP4 127.0.0.1\r\n' }

  it('open under the same key, and read as opaque base64 to anyone else', () => {
    const sealed = sealSignal(signalKey(SECRET, EPOCH), body)
    expect(openSignal(signalKey(SECRET, EPOCH), sealed)).toEqual(body)
    expect(openSignal(signalKey(OTHER, EPOCH), sealed)).toBeNull()
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toMatch(/127\.0\.0\.1|offer|v=0/)
    expect(sealSignal(signalKey(SECRET, EPOCH), body)).not.toBe(sealed) // a fresh nonce each time
  })

  it('open to null for anything not sealed, altered, or not of the v1 shape', () => {
    const key = signalKey(SECRET, EPOCH)
    const sealed = sealSignal(key, body)
    const flipped = Buffer.from(sealed, 'base64')
    flipped[30] = (flipped[30] ?? 0) ^ 1
    const wrong = (b: unknown): string => sealSignal(key, b as SignalBody)
    for (const data of [
      undefined, null, 42, {}, '', 'AAAA', 'not base64 at all!', flipped.toString('base64'), 'A'.repeat(70_000),
      wrong({ ...body, v: 2 }), wrong({ ...body, kind: 'bye' }), wrong({ ...body, from: 'short' }), wrong({ ...body, to: 7 }),
      wrong({ ...body, sdp: 'x'.repeat(20_000) }), wrong({ ...body, candidate: {} }), wrong([]), wrong('hello'),
    ]) {
      expect(openSignal(key, data)).toBeNull()
    }
  })
})
