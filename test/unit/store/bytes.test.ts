/**
 * ByteReader/ByteWriter under every Hearth file format: a reader must never read past its input,
 * whatever lengths the input claims, and must notice bytes left over.
 */
import { describe, expect, it } from 'vitest'
import { errors, HearthError } from '../../../core/errors.ts'
import { ByteReader, ByteWriter } from '../../../core/store/bytes.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const rnd = seededRandom(testSeed())
const reader = (b: Uint8Array): ByteReader => new ByteReader(b, () => errors.LOG_CORRUPT('test format'))

function code(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof HearthError) return e.code
    throw new Error(`uncoded error: ${String(e)}`)
  }
  return 'OK'
}

describe('ByteWriter and ByteReader', () => {
  it('round-trip every field type, little-endian', () => {
    const key = 'ab'.repeat(32)
    const blob = rnd.bytes(100)
    const bytes = new ByteWriter().u8(7).u32(0x01020304).hex32(key).bytes32(blob).ascii8('member/x').raw(Uint8Array.of(9)).done()
    expect(Array.from(bytes.subarray(1, 5))).toEqual([4, 3, 2, 1])
    const r = reader(bytes)
    expect(r.u8()).toBe(7)
    expect(r.u32()).toBe(0x01020304)
    expect(r.hex32()).toBe(key)
    expect(r.bytes32()).toEqual(blob)
    expect(r.ascii8()).toBe('member/x')
    expect(r.raw(1)).toEqual(Uint8Array.of(9))
    expect(() => r.end()).not.toThrow()
  })

  it('writes the largest u32 and an empty byte string', () => {
    const r = reader(new ByteWriter().u32(0xffff_ffff).bytes32(new Uint8Array(0)).ascii8('').done())
    expect(r.u32()).toBe(0xffff_ffff)
    expect(r.bytes32()).toEqual(new Uint8Array(0))
    expect(r.ascii8()).toBe('')
    r.end()
  })

  it('refuses to write what it could not read back', () => {
    expect(() => new ByteWriter().hex32('ab')).toThrow(RangeError)
    expect(() => new ByteWriter().hex32('zz'.repeat(32))).toThrow(RangeError)
    expect(() => new ByteWriter().ascii8('x'.repeat(256))).toThrow(RangeError)
  })
})

describe('ByteReader bounds', () => {
  it('refuses a u8 or u32 past the end with the format’s error', () => {
    expect(code(() => reader(new Uint8Array(0)).u8())).toBe('LOG_CORRUPT')
    for (let n = 0; n < 4; n++) expect(code(() => reader(new Uint8Array(n)).u32()), `${n} bytes`).toBe('LOG_CORRUPT')
    const r = reader(new Uint8Array(5))
    r.u32()
    expect(code(() => r.u32())).toBe('LOG_CORRUPT')
  })

  it('refuses a bytes32 whose length runs past the end, however large', () => {
    for (const len of [5, 6, 0x7fff_ffff, 0xffff_fff0, 0xffff_ffff]) {
      const bytes = new ByteWriter().u32(len).raw(new Uint8Array(4)).done()
      expect(code(() => reader(bytes).bytes32()), `length ${len}`).toBe('LOG_CORRUPT')
    }
    expect(reader(new ByteWriter().u32(4).raw(new Uint8Array(4)).done()).bytes32()).toHaveLength(4)
  })

  it('refuses an ascii8 or hex32 cut short', () => {
    expect(code(() => reader(Uint8Array.of(3, 0x61, 0x62)).ascii8())).toBe('LOG_CORRUPT')
    expect(code(() => reader(new Uint8Array(31)).hex32())).toBe('LOG_CORRUPT')
  })

  it('reads only inside a view onto a larger buffer', () => {
    const big = new Uint8Array(64).fill(0xee)
    big.set([1, 0, 0, 0], 10)
    const view = big.subarray(10, 16)
    const r = reader(view)
    expect(r.u32()).toBe(1)
    expect(code(() => r.u32())).toBe('LOG_CORRUPT')
    const r2 = reader(big.subarray(10, 13))
    expect(code(() => r2.u32())).toBe('LOG_CORRUPT')
  })

  it('end() notices trailing bytes and accepts an exact read', () => {
    const r = reader(Uint8Array.of(1, 2))
    r.u8()
    expect(code(() => r.end())).toBe('LOG_CORRUPT')
    r.u8()
    expect(code(() => r.end())).toBe('OK')
    expect(code(() => reader(new Uint8Array(0)).end())).toBe('OK')
  })

  it('gives copies, so later changes to the input do not reach what was read', () => {
    const input = Uint8Array.of(2, 0, 0, 0, 7, 8)
    const got = reader(input).bytes32()
    input[4] = 0
    expect(Array.from(got)).toEqual([7, 8])
  })

  it('never throws anything but the format’s error on random input', () => {
    for (let i = 0; i < 500; i++) {
      const r = reader(rnd.bytes(rnd.int(0, 40)))
      const c = code(() => {
        for (let k = 0; k < 20; k++) {
          const op = rnd.int(0, 4)
          if (op === 0) r.u8()
          else if (op === 1) r.u32()
          else if (op === 2) r.bytes32()
          else if (op === 3) r.ascii8()
          else r.hex32()
        }
        r.end()
      })
      expect(['OK', 'LOG_CORRUPT']).toContain(c)
    }
  })
})
