/**
 * concatBytes (core/bytes.ts), the one byte join: the parts in order, and an array of its own,
 * never a view into a shared pool (what Buffer.concat returns below 4 KiB).
 */
import { describe, expect, it } from 'vitest'
import { concatBytes } from '../../../core/bytes.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const seed = testSeed()
const rnd = seededRandom(seed)

function randomParts(): Uint8Array[] {
  return Array.from({ length: rnd.int(0, 5) }, () => rnd.bytes(rnd.int(0, 40)))
}

describe(`concatBytes (seed ${seed})`, () => {
  it('holds the parts in order, whatever their number and sizes, empty ones included', () => {
    for (let i = 0; i < 200; i++) {
      const parts = randomParts()
      const flat = parts.flatMap((p) => [...p])
      expect([...concatBytes(parts)]).toEqual(flat)
    }
    expect(concatBytes([]).length).toBe(0)
    expect([...concatBytes([new Uint8Array(0), Uint8Array.of(7), new Uint8Array(0)])]).toEqual([7])
  })

  it('returns an array of its own: nothing else in its buffer, and no part shares it', () => {
    const pooled = Buffer.from('a pooled buffer from Node')
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length) // the pool, for contrast
    const out = concatBytes([pooled, Buffer.from([1, 2, 3])])
    expect(out.byteOffset).toBe(0)
    expect(out.buffer.byteLength).toBe(out.length)
    out.fill(0)
    expect(pooled.toString()).toBe('a pooled buffer from Node')
  })

  it('takes more parts than a spread call may pass', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => Uint8Array.of(i & 0xff))
    const out = concatBytes(many)
    expect(out.length).toBe(300_000)
    expect(out[299_999]).toBe(299_999 & 0xff)
  })
})
