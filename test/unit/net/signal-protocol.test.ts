/**
 * The signaling server's frame reader and rate bucket (core/net/webrtc/signal-protocol.ts,
 * signal-limits.ts), with an injected clock: nothing is timed.
 */
import { describe, expect, it } from 'vitest'
import { messageCost, RateBucket } from '../../../core/net/webrtc/signal-limits.ts'
import { MAX_TOPIC_CHARS, parseClientMessage, relayFrame } from '../../../core/net/webrtc/signal-protocol.ts'

const text = (s: string): Buffer => Buffer.from(s, 'utf8')

describe('parseClientMessage', () => {
  it("reads y-webrtc's four messages", () => {
    expect(parseClientMessage(text('{"type":"subscribe","topics":["a","b","a"]}'), false)).toEqual({ ok: true, message: { type: 'subscribe', topics: ['a', 'b'] } })
    expect(parseClientMessage(text('{"type":"subscribe","topics":[]}'), false)).toEqual({ ok: true, message: { type: 'subscribe', topics: [] } })
    expect(parseClientMessage(text('{"type":"unsubscribe","topics":["a"]}'), false)).toEqual({ ok: true, message: { type: 'unsubscribe', topics: ['a'] } })
    expect(parseClientMessage(text('{"type":"publish","topic":"a","data":{"x":1}}'), false)).toEqual({ ok: true, message: { type: 'publish', topic: 'a', body: { type: 'publish', topic: 'a', data: { x: 1 } } } })
    expect(parseClientMessage(text('{"type":"ping"}'), false)).toEqual({ ok: true, message: { type: 'ping' } })
    expect(parseClientMessage([text('{"type":'), text('"ping"}')], false)).toEqual({ ok: true, message: { type: 'ping' } })
  })

  it('refuses binary frames, non-objects, unknown types and bad topics', () => {
    for (const [frame, binary] of [
      ['{"type":"ping"}', true], ['', false], ['nul', false], ['[]', false], ['"x"', false], ['{"type":"PING"}', false],
      ['{"type":"subscribe"}', false], ['{"type":"subscribe","topics":[null]}', false], ['{"type":"publish","topic":""}', false],
      [JSON.stringify({ type: 'publish', topic: 'x'.repeat(MAX_TOPIC_CHARS + 1) }), false],
    ] as const) {
      expect(parseClientMessage(text(frame), binary)).toEqual({ ok: false, code: 'SIGNAL_BAD_MESSAGE' })
    }
    expect(parseClientMessage(text(JSON.stringify({ type: 'publish', topic: 'x'.repeat(MAX_TOPIC_CHARS) })), false).ok).toBe(true)
  })

  it("relays the publisher's object with the head count, replacing any count it claimed", () => {
    expect(JSON.parse(relayFrame({ type: 'publish', topic: 'a', data: 'd', clients: 999 }, 3))).toEqual({ type: 'publish', topic: 'a', data: 'd', clients: 3 })
  })
})

describe('RateBucket', () => {
  it('allows a burst, refuses past it without charging, and refills at its rate', () => {
    const b = new RateBucket(5, 2, 0)
    expect(b.take(5, 0)).toBe(true)
    expect(b.take(1, 0)).toBe(false)
    expect(b.take(1, 0)).toBe(false)
    expect(b.take(1, 499)).toBe(false) // 0.998 tokens
    expect(b.take(1, 500)).toBe(true)
    expect(b.take(3, 10_000)).toBe(true) // refilled to the burst, not beyond
    expect(b.take(3, 10_000)).toBe(false)
  })

  it('charges one token per frame plus one per whole KiB', () => {
    expect([messageCost(0), messageCost(1023), messageCost(1024), messageCost(32 * 1024)]).toEqual([1, 1, 2, 33])
  })
})
