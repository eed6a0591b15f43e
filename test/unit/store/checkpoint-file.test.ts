/**
 * Checkpoint files: sealed snapshots this device trusts without re-checking, so anything but a
 * checkpoint this key sealed must be LOG_CORRUPT from decodeCheckpoint and "no checkpoint" (null)
 * from readCheckpoint, which makes the group reload from its logs.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { ByteWriter } from '../../../core/store/bytes.ts'
import {
  checkpointPath, decodeCheckpoint, encodeCheckpoint, readCheckpoint, sealCheckpointTo, writeCheckpoint, type Checkpoint,
} from '../../../core/store/checkpoint-file.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { codeOf } from '../model/support.ts'

const rnd = seededRandom(testSeed())
const tempDir = useTempDirs()
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const key = rnd.bytes(32)
const HEAD = 8 + 1 + 24

function sample(): Checkpoint {
  const [a, b] = [hex(rnd.bytes(32)), hex(rnd.bytes(32))]
  return {
    next: new Map([[a, 12], [b, 0xffff_ffff]]),
    gov: [{ logKey: a, index: 0, payload: rnd.bytes(300) }, { logKey: b, index: 7, payload: Uint8Array.of(1) }],
    docs: new Map([[`member/${a}`, rnd.bytes(1000)], ['shared/rules', rnd.bytes(5)], ['x', new Uint8Array(0)]]),
    shared: new Map([[b, 4000], [a, 0]]),
    backfill: new Map([[b, { next: 17, end: 4000 }]]),
  }
}

/** Seals arbitrary plaintext the way encodeCheckpoint does, to reach the parser with the right key. */
function sealPlain(plain: Uint8Array, version = 1): Uint8Array {
  const nonce = rnd.bytes(24)
  const box = fastProvider.secretboxSeal(plain, nonce, key)
  const out = new Uint8Array(HEAD + box.length)
  out.set(new TextEncoder().encode('HEARTHCK'), 0)
  out[8] = version
  out.set(nonce, 9)
  out.set(box, HEAD)
  return out
}

describe('encode and decode', () => {
  it('round-trips every field', () => {
    const c = sample()
    expect(decodeCheckpoint(encodeCheckpoint(c, key), key)).toEqual(c)
  })

  it('round-trips an empty checkpoint', () => {
    const empty: Checkpoint = { next: new Map(), gov: [], docs: new Map(), shared: new Map(), backfill: new Map() }
    expect(decodeCheckpoint(encodeCheckpoint(empty, key), key)).toEqual(empty)
  })

  it('opens with the magic and version and uses a fresh nonce each time', () => {
    const c = sample()
    const one = encodeCheckpoint(c, key)
    const two = encodeCheckpoint(c, key)
    expect(new TextDecoder().decode(one.subarray(0, 8))).toBe('HEARTHCK')
    expect(one[8]).toBe(2)
    expect(hex(one.subarray(9, HEAD))).not.toBe(hex(two.subarray(9, HEAD)))
  })

  it('holds no plaintext', () => {
    const secret = new TextEncoder().encode('CANARY-checkpoint-words')
    const c: Checkpoint = { next: new Map(), gov: [], docs: new Map([['member/x', secret]]) }
    expect(Buffer.from(encodeCheckpoint(c, key)).indexOf(Buffer.from(secret))).toBe(-1)
  })
})

describe('damage', () => {
  const good = encodeCheckpoint(sample(), key)

  it('is LOG_CORRUPT under the wrong key', () => {
    expect(codeOf(() => decodeCheckpoint(good, rnd.bytes(32)))).toBe('LOG_CORRUPT')
  })

  it('is LOG_CORRUPT for a flipped bit anywhere', () => {
    for (let i = 0; i < good.length; i += Math.max(1, Math.floor(good.length / 150))) {
      const bad = good.slice()
      bad[i] = (bad[i] as number) ^ (1 << rnd.int(0, 7))
      expect(codeOf(() => decodeCheckpoint(bad, key)), `byte ${i}`).toBe('LOG_CORRUPT')
    }
  })

  it('is LOG_CORRUPT when truncated at any length', () => {
    for (const n of [0, 1, 7, 8, 9, HEAD - 1, HEAD, HEAD + 15, HEAD + 16, HEAD + 17, good.length - 1]) {
      expect(codeOf(() => decodeCheckpoint(good.subarray(0, n), key)), `length ${n}`).toBe('LOG_CORRUPT')
    }
  })

  it('is LOG_CORRUPT with bytes appended', () => {
    expect(codeOf(() => decodeCheckpoint(Uint8Array.of(...good, 0), key))).toBe('LOG_CORRUPT')
  })

  it('is LOG_CORRUPT for a bad magic or an unknown version', () => {
    const magic = good.slice()
    magic.set(new TextEncoder().encode('HEARTHCX'), 0)
    expect(codeOf(() => decodeCheckpoint(magic, key))).toBe('LOG_CORRUPT')
    for (const v of [0, 3, 255]) {
      const bad = good.slice()
      bad[8] = v
      expect(codeOf(() => decodeCheckpoint(bad, key))).toBe('LOG_CORRUPT')
    }
  })

  it('is LOG_CORRUPT for a well-sealed plaintext that is malformed', () => {
    const plains: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['counts missing', new ByteWriter().u32(0).done()],
      ['a huge count with nothing behind it', new ByteWriter().u32(0xffff_ffff).done()],
      ['a log entry cut short', new ByteWriter().u32(1).raw(rnd.bytes(20)).done()],
      ['a payload length past the end', new ByteWriter().u32(0).u32(1).raw(rnd.bytes(32)).u32(0).u32(0xffff_fff0).raw(rnd.bytes(10)).done()],
      ['a doc state length past the end', new ByteWriter().u32(0).u32(0).u32(1).ascii8('x').u32(100).raw(rnd.bytes(10)).done()],
      ['trailing bytes', new ByteWriter().u32(0).u32(0).u32(0).u8(0).done()],
    ]
    for (const [what, plain] of plains) {
      expect(codeOf(() => decodeCheckpoint(sealPlain(plain), key)), what).toBe('LOG_CORRUPT')
    }
    expect(decodeCheckpoint(sealPlain(new ByteWriter().u32(0).u32(0).u32(0).done()), key)).toEqual({ next: new Map(), gov: [], docs: new Map(), shared: new Map(), backfill: new Map() })
    expect(codeOf(() => decodeCheckpoint(sealPlain(new ByteWriter().u32(0).u32(0).u32(0).done(), 2), key)), 'v2 without its shared list').toBe('LOG_CORRUPT')
    expect(codeOf(() => decodeCheckpoint(sealPlain(new ByteWriter().u32(0).u32(0).u32(0).u32(1).raw(rnd.bytes(32)).done(), 2), key)), 'a shared entry cut short').toBe('LOG_CORRUPT')
  })

  it('still reads version 1 (no shared checkpoints) and reads version 2 with them', () => {
    const log = hex(rnd.bytes(32))
    const v1 = sealPlain(new ByteWriter().u32(1).hex32(log).u32(5).u32(0).u32(0).done(), 1)
    expect(decodeCheckpoint(v1, key)).toEqual({ next: new Map([[log, 5]]), gov: [], docs: new Map(), shared: new Map(), backfill: new Map() })
    const v2 = sealPlain(new ByteWriter().u32(0).u32(0).u32(0).u32(1).hex32(log).u32(1500).u32(1).hex32(log).u32(3).u32(1500).done(), 2)
    expect(decodeCheckpoint(v2, key).shared).toEqual(new Map([[log, 1500]]))
    expect(decodeCheckpoint(v2, key).backfill).toEqual(new Map([[log, { next: 3, end: 1500 }]]))
    expect(codeOf(() => decodeCheckpoint(sealPlain(new ByteWriter().u32(0).u32(0).u32(0).u32(0).done(), 2), key)), 'v2 without its backfill list').toBe('LOG_CORRUPT')
  })

  it('answers random bytes with LOG_CORRUPT, never another error', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = rnd.next() < 0.5 ? rnd.bytes(rnd.int(0, 200)) : Uint8Array.of(...good.subarray(0, 9), ...rnd.bytes(rnd.int(0, 200)))
      expect(codeOf(() => decodeCheckpoint(bytes, key))).toBe('LOG_CORRUPT')
    }
  })
})

describe('files', () => {
  it('writes and reads back a checkpoint under <profile>/checkpoints', async () => {
    const dir = tempDir()
    const file = checkpointPath(dir, 'ab'.repeat(16))
    expect(file).toBe(path.join(dir, 'checkpoints', `${'ab'.repeat(16)}.ckpt`))
    const c = sample()
    await writeCheckpoint(file, encodeCheckpoint(c, key))
    expect(await readCheckpoint(file, key)).toEqual(c)
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700)
    await writeCheckpoint(file, encodeCheckpoint({ next: new Map(), gov: [], docs: new Map(), shared: new Map(), backfill: new Map() }, key))
    expect((await readCheckpoint(file, key))?.docs.size).toBe(0)
  })

  it('reads null for a missing, damaged, truncated or foreign file', async () => {
    const dir = tempDir()
    const file = checkpointPath(dir, 'cd'.repeat(16))
    expect(await readCheckpoint(file, key)).toBeNull()
    await writeCheckpoint(file, encodeCheckpoint(sample(), key))
    const good = readFileSync(file)
    expect(await readCheckpoint(file, rnd.bytes(32))).toBeNull()
    const damaged: Uint8Array[] = [
      Uint8Array.of(...good.subarray(0, 100), (good[100] as number) ^ 1, ...good.subarray(101)),
      good.subarray(0, good.length - 1),
      good.subarray(0, 5),
      new Uint8Array(0),
      Uint8Array.of(...new TextEncoder().encode('HEARTHCK'), 3, ...good.subarray(9)),
      new TextEncoder().encode('{"not":"a checkpoint"}'),
    ]
    for (const bytes of damaged) {
      writeFileSync(file, bytes)
      expect(await readCheckpoint(file, key)).toBeNull()
    }
  })

  it('seals straight into the file: the bytes of a seal in memory, put in place last, nothing left beside it', async () => {
    const dir = tempDir()
    const file = checkpointPath(dir, 'ef'.repeat(16))
    const c = sample()
    const a = sealCheckpointTo(file, c, key)
    // Written already (the seal ends in one synchronous step), but not in place until durable.
    expect(readdirSync(path.dirname(file)).filter((n) => n.includes('.tmp-'))).toHaveLength(1)
    await a
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)])
    const bytes = readFileSync(file)
    expect(decodeCheckpoint(bytes, key)).toEqual(c)
    expect(bytes.length).toBe(encodeCheckpoint(c, key).length)
    // Two seals at once: the file ends as the later one, whichever write ends first.
    const later = { ...sample(), docs: new Map([['later', rnd.bytes(7)]]) }
    await Promise.all([sealCheckpointTo(file, sample(), key), sealCheckpointTo(file, later, key)])
    expect((await readCheckpoint(file, key))?.docs).toEqual(later.docs)
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)])
  })

  it('leaves the file as it was, and no temp file, when a seal fails half-way', async () => {
    const dir = tempDir()
    const file = checkpointPath(dir, '12'.repeat(16))
    const c = sample()
    await sealCheckpointTo(file, c, key)
    const before = readFileSync(file)
    const docs = { size: 2, *[Symbol.iterator]() {
      yield ['member/a', rnd.bytes(5000)] as const
      throw new Error('the docs went away')
    } }
    expect(() => sealCheckpointTo(file, { ...c, docs }, key)).toThrow('the docs went away')
    expect(() => sealCheckpointTo(file, c, new Uint8Array(32))).toThrow() // a wiped key seals nothing
    expect(readFileSync(file)).toEqual(before)
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)])
  })
})
