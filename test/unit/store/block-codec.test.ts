/**
 * The block codec: round trips, one test per refusal, the random-nonce rule, and a seeded fuzz run
 * (threat model line 6: garbage from peers gives a coded error, never a crash).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { HearthError } from '../../../core/errors.ts'
import { sealSecret } from '../../../core/crypto/secretbox.ts'
import {
  BLOCK_HEADER_BYTES,
  BlockKind,
  decodeBlock,
  encodeBlock,
  isValidDocId,
  MAX_BLOCK_BYTES,
  maxPayloadBytes,
  peekBlockHeader,
  type Block,
} from '../../../core/store/block-codec.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const rnd = seededRandom(testSeed())
const KEYS = new Map([[7, rnd.bytes(32)], [8, rnd.bytes(32)]])
const lookup = (e: number): Uint8Array | undefined => KEYS.get(e)
const key7 = KEYS.get(7) as Uint8Array
const sample: Block = { epoch: 7, kind: BlockKind.YjsUpdate, docId: 'member/ab12', payload: new Uint8Array([1, 2, 3]) }

function codeOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof HearthError) return e.code
    throw new Error(`uncoded error: ${String(e)}`)
  }
  return 'OK'
}

/** A block whose plaintext is arbitrary bytes, sealed correctly: reaches the plaintext parser. */
function sealRaw(epoch: number, plain: Uint8Array, key = key7): Uint8Array {
  const sealed = sealSecret(key, plain)
  const out = new Uint8Array(5 + sealed.length)
  out[0] = 1
  new DataView(out.buffer).setUint32(1, epoch, true)
  out.set(sealed, 5)
  return out
}

describe('block codec v1', () => {
  it('round-trips every kind, with the layout the header comment promises', () => {
    for (const kind of [BlockKind.YjsUpdate, BlockKind.Governance, BlockKind.Checkpoint]) {
      const bytes = encodeBlock({ ...sample, kind }, key7)
      expect(bytes.length).toBe(BLOCK_HEADER_BYTES + 16 + 2 + sample.docId.length + 3)
      expect(peekBlockHeader(bytes)).toEqual({ version: 1, epoch: 7 })
      expect(decodeBlock(bytes, lookup)).toEqual({ ...sample, kind })
    }
    const top = encodeBlock({ ...sample, epoch: 0xffffffff }, key7)
    expect(peekBlockHeader(top).epoch).toBe(0xffffffff)
  })

  it('draws a fresh nonce for every block', () => {
    const a = encodeBlock(sample, key7)
    const b = encodeBlock(sample, key7)
    expect(Buffer.from(a.subarray(5, 29)).equals(Buffer.from(b.subarray(5, 29)))).toBe(false)
  })

  it('accepts a block of exactly the limit and refuses one byte more, both ways', () => {
    const docId = 'shared/rules'
    const full = { ...sample, kind: BlockKind.Checkpoint, docId, payload: new Uint8Array(maxPayloadBytes(docId)) }
    const bytes = encodeBlock(full, key7)
    expect(bytes.length).toBe(MAX_BLOCK_BYTES)
    expect(decodeBlock(bytes, lookup).payload.length).toBe(full.payload.length)
    expect(codeOf(() => encodeBlock({ ...full, payload: new Uint8Array(full.payload.length + 1) }, key7))).toBe('BLOCK_TOO_LARGE')
    const big = new Uint8Array(MAX_BLOCK_BYTES + 1)
    big[0] = 1
    expect(codeOf(() => decodeBlock(big, lookup))).toBe('BLOCK_TOO_LARGE')
  })

  it('carries kind 4 (a tail index) in format version 1, and refuses kind 5', () => {
    const idx = { ...sample, kind: BlockKind.TailIndex, docId: 'member/ab12' }
    const bytes = encodeBlock(idx, key7)
    expect(bytes[0]).toBe(1)
    expect(decodeBlock(bytes, lookup)).toEqual(idx)
    expect(codeOf(() => decodeBlock(sealRaw(7, new Uint8Array([5, 1, 0x61, 1])), lookup))).toBe('BLOCK_MALFORMED')
  })

  it('refuses bad input to encode with BLOCK_MALFORMED', () => {
    const bad: Partial<Block>[] = [
      { epoch: -1 }, { epoch: 2 ** 32 }, { epoch: 1.5 }, { kind: 5 as BlockKind }, { kind: 0 as BlockKind },
      { docId: '' }, { docId: 'Member/x' }, { docId: 'member//x' }, { docId: 'member/x/' }, { docId: '/member' },
      { docId: 'member/..' }, { docId: 'a/./b' }, { docId: 'm\u00e9' }, { docId: 'a b' }, { docId: 'x'.repeat(256) },
      { payload: new Uint8Array(0) },
    ]
    for (const b of bad) expect(codeOf(() => encodeBlock({ ...sample, ...b }, key7)), JSON.stringify(b)).toBe('BLOCK_MALFORMED')
    expect(isValidDocId('x'.repeat(255))).toBe(true)
    expect(isValidDocId('shared/meetings:2026-01_a.b')).toBe(true)
  })

  it('tells a newer version, an unknown epoch and a wrong key apart', () => {
    const bytes = encodeBlock(sample, key7)
    const v2 = bytes.slice()
    v2[0] = 2
    expect(codeOf(() => decodeBlock(v2, lookup))).toBe('BLOCK_VERSION')
    expect(codeOf(() => peekBlockHeader(v2))).toBe('BLOCK_VERSION')
    const v0 = bytes.slice()
    v0[0] = 0
    expect(codeOf(() => decodeBlock(v0, lookup))).toBe('BLOCK_MALFORMED')
    expect(codeOf(() => decodeBlock(bytes, () => undefined))).toBe('BLOCK_EPOCH_UNKNOWN')
    const relabelled = bytes.slice()
    relabelled[1] = 8
    expect(codeOf(() => decodeBlock(relabelled, lookup))).toBe('BLOCK_MALFORMED')
    expect(codeOf(() => decodeBlock(bytes, () => { throw new Error('boom') }))).toBe('INTERNAL')
  })

  it('refuses short input, trailing garbage and bad plaintexts with BLOCK_MALFORMED', () => {
    const bytes = encodeBlock(sample, key7)
    for (let n = 0; n < bytes.length; n++) expect(codeOf(() => decodeBlock(bytes.subarray(0, n), lookup))).toBe('BLOCK_MALFORMED')
    const longer = new Uint8Array(bytes.length + 1)
    longer.set(bytes)
    expect(codeOf(() => decodeBlock(longer, lookup))).toBe('BLOCK_MALFORMED')
    const te = (s: string): number[] => [...new TextEncoder().encode(s)]
    const plains = [
      [9, 1, 0x61, 1], // unknown kind
      [1, 0, 1, 2], // empty doc id
      [1, 5, 0x61, 0x62], // doc id overruns
      [1, 2, 0x61, 0x62], // no payload
      [1, 2, 0xc3, 0xa9, 1], // UTF-8 é: outside the charset
      [1, 2, 0xff, 0xfe, 1], // not UTF-8 at all
      [1, 3, ...te('a/.'), 1],
    ]
    for (const p of plains) expect(codeOf(() => decodeBlock(sealRaw(7, new Uint8Array(p)), lookup)), String(p)).toBe('BLOCK_MALFORMED')
    expect(codeOf(() => decodeBlock('nope' as unknown as Uint8Array, lookup))).toBe('BLOCK_MALFORMED')
  })

  it('answers 3,000 random and mutated inputs with coded block errors only', () => {
    const allowed = new Set(['OK', 'BLOCK_MALFORMED', 'BLOCK_TOO_LARGE', 'BLOCK_VERSION', 'BLOCK_EPOCH_UNKNOWN'])
    const seen = new Map<string, number>()
    const valid = [BlockKind.YjsUpdate, BlockKind.Governance, BlockKind.Checkpoint].map((kind) =>
      encodeBlock({ epoch: rnd.pick([7, 8]), kind, docId: 'group/gov', payload: rnd.bytes(rnd.int(1, 64)) }, rnd.pick([...KEYS.values()])),
    )
    for (let i = 0; i < 3000; i++) {
      let input: Uint8Array
      const mode = i % 5
      if (mode === 0) {
        input = rnd.bytes(rnd.int(0, 160))
        if (rnd.next() < 0.5 && input.length > 0) input[0] = 1
      } else if (mode === 1 || mode === 2) {
        input = rnd.pick(valid).slice()
        for (let f = rnd.int(1, 4); f > 0; f--) {
          const at = rnd.int(0, input.length - 1)
          input[at] = (input[at] as number) ^ (1 << rnd.int(0, 7))
        }
      } else if (mode === 3) {
        const base = rnd.pick(valid)
        input = rnd.next() < 0.5 ? base.slice(0, rnd.int(0, base.length)) : new Uint8Array([...base, ...rnd.bytes(rnd.int(1, 8))])
      } else {
        // correctly sealed, arbitrary plaintext: exercises the parser behind the MAC
        const plain = rnd.bytes(rnd.int(0, 40))
        if (plain.length > 1 && rnd.next() < 0.6) plain[0] = rnd.int(0, 4)
        if (plain.length > 2 && rnd.next() < 0.6) plain[1] = rnd.int(0, plain.length)
        // often a doc id from the charset, so some inputs are valid and the parser's far end is reached
        if (rnd.next() < 0.5) for (let j = 2; j < Math.min(plain.length, 2 + (plain[1] ?? 0)); j++) plain[j] = rnd.pick([0x61, 0x7a, 0x30, 0x2f, 0x2e, 0x2d])
        input = sealRaw(rnd.pick([7, 8]), plain, KEYS.get(rnd.pick([7, 8])))
      }
      let code: string
      try {
        const b = decodeBlock(input, lookup)
        expect(isValidDocId(b.docId) && b.payload.length > 0).toBe(true)
        code = 'OK'
      } catch (e) {
        expect(e, `seed ${rnd.seed} input ${i}`).toBeInstanceOf(HearthError)
        code = (e as HearthError).code
      }
      expect(allowed.has(code), `seed ${rnd.seed} input ${i}: ${code}`).toBe(true)
      seen.set(code, (seen.get(code) ?? 0) + 1)
    }
    for (const c of ['BLOCK_MALFORMED', 'BLOCK_VERSION', 'BLOCK_EPOCH_UNKNOWN', 'OK']) expect(seen.get(c) ?? 0).toBeGreaterThan(0)
  })

  it('keeps the fixed-nonce encoder out of everything but the codec itself', () => {
    const root = fileURLToPath(new URL('../../../core', import.meta.url))
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
    const users = walk(root).filter((f) => f.endsWith('.ts') && readFileSync(f, 'utf8').includes('WithFixedNonceForFixtures'))
    expect(users.map((f) => path.relative(root, f))).toEqual([path.join('store', 'block-codec.ts')])
  })
})
