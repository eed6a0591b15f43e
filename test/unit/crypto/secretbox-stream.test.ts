/**
 * A secretbox sealed piece by piece (secretbox-stream.ts) and the sealed files and checkpoints made
 * that way (sealed-file.ts `sealFileStream`, checkpoint-file.ts `sealCheckpoint`). The bytes must
 * be exactly the reference secretbox's for the same key, nonce and plaintext, however the plaintext
 * is cut (empty pieces, single bytes, pieces across the 64-byte keystream blocks and the 32 bytes
 * the MAC key takes); the pieces given are only read; a wiped key seals nothing; and a checkpoint
 * takes each doc's state only after the one before is sealed (the group's state is never held twice).
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { SecretboxStream } from '../../../core/crypto/secretbox-stream.ts'
import { DocSet } from '../../../core/group/doc-set.ts'
import { decodeCheckpoint, sealCheckpoint, type DocStates } from '../../../core/store/checkpoint-file.ts'
import { concatBytes } from '../../../core/bytes.ts'
import { openSealedFile, openSealedFileInSlices, sealFileStream } from '../../../core/store/sealed-file.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { expectCode } from './support.ts'

const seed = testSeed()
const r = seededRandom(seed)
const key = r.bytes(32)
const MAGIC = new TextEncoder().encode('HEARTHTS')

describe('secretbox sealed piece by piece', () => {
  it('gives the reference bytes however the plaintext is cut, and leaves the pieces as they were', () => {
    for (let round = 0; round < 200; round++) {
      const nonce = r.bytes(24)
      const plain = r.bytes(r.pick([0, 1, 31, 32, 33, 63, 64, 65, 200, r.int(0, 5000)]))
      const cuts: Uint8Array[] = []
      for (let o = 0; o < plain.length || (cuts.length === 0 && round % 2);) {
        const n = Math.min(plain.length - o, r.pick([0, 1, 7, 32, 64, r.int(0, 300)]))
        cuts.push(plain.subarray(o, o + n))
        o += n
        if (n === 0 && o >= plain.length) break
      }
      const copy = Uint8Array.from(plain)
      const box = new SecretboxStream(key, nonce)
      const cipher = cuts.map((c) => box.push(c))
      const sealed = concatBytes([box.tag(), ...cipher])
      expect(Buffer.from(sealed).equals(referenceProvider.secretboxSeal(plain, nonce, key)), `seed ${seed}, round ${round}`).toBe(true)
      expect(Buffer.from(plain).equals(copy)).toBe(true)
    }
  })

  it('seals nothing under a wiped key, and nothing more once ended', () => {
    expectCode(() => new SecretboxStream(new Uint8Array(32), r.bytes(24)), 'CRYPTO_BAD_KEY')
    expectCode(() => sealFileStream(MAGIC, 1, [r.bytes(8)], new Uint8Array(32)), 'CRYPTO_BAD_KEY')
    const box = new SecretboxStream(key, r.bytes(24))
    box.tag()
    expectCode(() => box.push(r.bytes(3)), 'INTERNAL')
  })

  it('a sealed file from pieces opens to the pieces joined; a throw while reading them returns nothing', () => {
    const parts = [r.bytes(3), new Uint8Array(0), r.bytes(5000), r.bytes(1)]
    const opened = openSealedFile(concatBytes(sealFileStream(MAGIC, 2, parts, key)), MAGIC, [2], key)
    expect(opened !== 'closed' && opened !== 'unreadable' && Buffer.from(opened.plain).equals(concatBytes(parts))).toBe(true)
    function* failing(): Generator<Uint8Array> {
      yield r.bytes(10)
      throw new Error('a doc could not be encoded')
    }
    expect(() => sealFileStream(MAGIC, 2, failing(), key)).toThrow('a doc could not be encoded')
  })
})

describe('a checkpoint sealed one doc state at a time', () => {
  it('holds the states DocSet had, each taken only after the one before was sealed', () => {
    const set = new DocSet()
    for (let i = 0; i < 5; i++) set.doc(`member/${'ab'[i % 2]!.repeat(64 - i)}${'0'.repeat(i)}`).getText('t').insert(0, `words ${i} `.repeat(r.int(1, 400)))
    const want = set.snapshot()
    const real = set.states()
    // Each state given is spoiled as soon as the next is asked for: a seal that gathered the
    // states first (twice the group's state in memory) would seal spoiled bytes.
    let last: Uint8Array | null = null
    const spoiling: DocStates = {
      size: real.size,
      *[Symbol.iterator]() {
        for (const [id, state] of real) {
          last?.fill(0xff)
          last = state
          yield [id, state] as const
        }
      },
    }
    const pieces = sealCheckpoint({ next: new Map([['cd'.repeat(32), 7]]), gov: [], docs: spoiling }, key)
    const got = decodeCheckpoint(concatBytes(pieces), key)
    expect([...got.docs.keys()]).toEqual([...want.keys()])
    for (const [id, state] of want) {
      const a = new Y.Doc()
      Y.applyUpdate(a, got.docs.get(id)!)
      expect(Buffer.from(Y.encodeStateAsUpdate(a)).equals(state), id).toBe(true)
    }
    expect(got.next.get('cd'.repeat(32))).toBe(7)
  })

  it('refuses to seal a doc set that changed size while it was read', () => {
    const states: DocStates = { size: 2, *[Symbol.iterator]() { yield ['member/x', r.bytes(4)] as const } }
    expectCode(() => sealCheckpoint({ next: new Map(), gov: [], docs: states }, key), 'INTERNAL')
  })
})

describe('a sealed file opened a slice at a time', () => {
  const turn = (): Promise<void> => Promise.resolve()
  it('opens in place to the plaintext, however it is sliced', async () => {
    for (let round = 0; round < 60; round++) {
      const plain = r.bytes(r.pick([0, 1, 33, 64, 65, r.int(0, 20_000)]))
      const file = concatBytes(sealFileStream(MAGIC, 1, [plain], key))
      const opened = await openSealedFileInSlices(Uint8Array.from(file), MAGIC, [1], key, r.pick([1, 7, 64, 1000, r.int(1, 30_000)]), turn)
      expect(opened !== 'closed' && opened !== 'unreadable' && Buffer.from(opened.plain).equals(plain), `seed ${seed}, round ${round}`).toBe(true)
    }
  })

  it('refuses a flipped bit anywhere, a cut file and another key as the whole open does, and wipes what it opened', async () => {
    const plain = r.bytes(3000)
    const file = concatBytes(sealFileStream(MAGIC, 1, [plain], key))
    const whole = (b: Uint8Array, k = key): string => { const o = openSealedFile(Uint8Array.from(b), MAGIC, [1], k); return typeof o === 'string' ? o : 'open' }
    for (let i = 0; i < file.length; i += r.int(1, 40)) {
      const bad = Uint8Array.from(file)
      bad[i] = (bad[i] as number) ^ (1 << r.int(0, 7))
      const got = await openSealedFileInSlices(bad, MAGIC, [1], key, 500, turn)
      expect(got, `flip at ${i}`).toBe(whole(bad))
      if (got === 'closed') expect(bad.subarray(MAGIC.length + 1 + 24 + 16).every((b) => b === 0), `wiped after a flip at ${i}`).toBe(true)
    }
    for (const n of [0, 5, MAGIC.length + 1 + 24 + 15, file.length - 1]) expect(await openSealedFileInSlices(file.slice(0, n), MAGIC, [1], key, 500, turn)).toBe(whole(file.slice(0, n)))
    expect(await openSealedFileInSlices(Uint8Array.from(file), MAGIC, [1], r.bytes(32), 500, turn)).toBe('closed')
    await expect(openSealedFileInSlices(Uint8Array.from(file), MAGIC, [1], new Uint8Array(32), 500, turn)).rejects.toMatchObject({ code: 'CRYPTO_BAD_KEY' })
  })
})
