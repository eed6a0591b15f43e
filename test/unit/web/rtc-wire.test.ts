/**
 * The web host's base64 for relayed WebRTC frames (scripts/web/rtc-wire.ts), written without
 * Buffer or atob so the shim can share it: the same text as Node's base64 for every length, back
 * to the same bytes, and a refusal (null) for text that is not base64.
 */
import { describe, expect, it } from 'vitest'
import { fromBase64, rtcCallFromWire, rtcCallToWire, rtcEventFromWire, rtcEventToWire, toBase64 } from '../../../scripts/web/rtc-wire.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

describe('rtc-wire', () => {
  it('matches Node’s base64 both ways for every length up to 100', () => {
    const rnd = seededRandom(testSeed())
    for (let n = 0; n <= 100; n++) {
      const bytes = rnd.bytes(n)
      const text = toBase64(bytes)
      expect(text, `HEARTH_TEST_SEED=${rnd.seed}`).toBe(Buffer.from(bytes).toString('base64'))
      expect(fromBase64(text), `HEARTH_TEST_SEED=${rnd.seed}`).toEqual(bytes)
    }
  })

  it('refuses text that is not base64', () => {
    for (const bad of ['abc', 'ab!d', '====', 'a=bc', 'ab=c']) expect(fromBase64(bad), bad).toBeNull()
  })

  it('turns frames into text and back on both paths, and leaves other messages alone', () => {
    const frame = new Uint8Array([0, 1, 254, 255])
    expect(rtcEventFromWire(JSON.parse(JSON.stringify(rtcEventToWire({ kind: 'send', peer: 3, frame }))))).toEqual({ kind: 'send', peer: 3, frame })
    expect(rtcCallFromWire(JSON.parse(JSON.stringify(rtcCallToWire({ kind: 'frames', peer: 3, frames: [frame] }))))).toEqual({ kind: 'frames', peer: 3, frames: [frame] })
    const other = { kind: 'close', peer: 3 }
    expect(rtcEventToWire(other)).toBe(other)
    expect(rtcCallFromWire({ kind: 'frames', peer: 3, frames: ['@@@@'] })).toEqual({ kind: 'frames', peer: 3, frames: ['@@@@'] })
  })
})
