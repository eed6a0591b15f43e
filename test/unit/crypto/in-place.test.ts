/**
 * Sealing and opening in place (large sealed files: a group's local checkpoint). The bytes must
 * be exactly what the reference secretbox gives for the same key, nonce and plaintext; an open
 * in place must fail on every flipped bit and leave the buffer as it was; a wiped key seals
 * nothing. And a sealed file made from parts opens, in place or not, to the parts joined.
 */
import { describe, expect, it } from 'vitest'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { openSecretInPlace, SECRETBOX_OVERHEAD, sealSecretInPlace } from '../../../core/crypto/secretbox.ts'
import { openSealedFile, sealFile, sealFileParts } from '../../../core/store/sealed-file.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { bitPositions, concat, expectCode, flipBit } from './support.ts'

const r = seededRandom(testSeed())
const key = r.bytes(32)
const nonce = r.bytes(24)
const MAGIC = new TextEncoder().encode('HEARTHTS')

function sealedInPlace(plain: Uint8Array): Uint8Array {
  const buf = new Uint8Array(SECRETBOX_OVERHEAD + plain.length)
  buf.set(plain, SECRETBOX_OVERHEAD)
  sealSecretInPlace(key, nonce, buf)
  return buf
}

describe('secretbox in place', () => {
  it('gives the reference bytes and opens back, for several lengths', () => {
    for (const n of [1, 15, 16, 17, 64, 1000, 70_000]) {
      const plain = r.bytes(n)
      const buf = sealedInPlace(plain)
      expect(Buffer.from(buf).equals(referenceProvider.secretboxSeal(plain, nonce, key)), `length ${n}`).toBe(true)
      const opened = openSecretInPlace(key, nonce, buf)
      expect(Buffer.from(opened).equals(plain), `length ${n}`).toBe(true)
      expect(opened.buffer).toBe(buf.buffer) // a view, not a copy
    }
  })

  it('refuses every flipped bit and leaves the bytes untouched', () => {
    const sealed = sealedInPlace(r.bytes(40))
    for (const bit of bitPositions(sealed.length * 8, Infinity, r.int)) {
      const bad = flipBit(sealed, bit)
      const copy = Uint8Array.from(bad)
      expectCode(() => openSecretInPlace(key, nonce, bad), 'CRYPTO_OPEN_FAILED')
      expect(Buffer.from(bad).equals(copy), `bit ${bit}`).toBe(true)
    }
    expectCode(() => openSecretInPlace(r.bytes(32), nonce, Uint8Array.from(sealed)), 'CRYPTO_OPEN_FAILED')
    expectCode(() => openSecretInPlace(key, nonce, sealed.subarray(0, SECRETBOX_OVERHEAD - 1)), 'CRYPTO_OPEN_FAILED')
  })

  it('seals nothing under a wiped key', () => {
    expectCode(() => sealSecretInPlace(new Uint8Array(32), nonce, new Uint8Array(40)), 'CRYPTO_BAD_KEY')
    expectCode(() => sealFileParts(MAGIC, 1, [r.bytes(8)], new Uint8Array(32)), 'CRYPTO_BAD_KEY')
  })
})

describe('a sealed file from parts', () => {
  it('opens to the parts joined, in place or not; a closed or altered file is refused', () => {
    const parts = [r.bytes(3), new Uint8Array(0), r.bytes(5000), r.bytes(1)]
    const sealed = sealFileParts(MAGIC, 2, parts, key)
    const copy = Uint8Array.from(sealed)
    const opened = openSealedFile(sealed, MAGIC, [2], key)
    expect(opened).not.toBe('closed')
    expect(Buffer.from((opened as { plain: Uint8Array }).plain).equals(concat(...parts))).toBe(true)
    expect(Buffer.from(sealed).equals(copy)).toBe(true) // not in place: the file's bytes stay
    const inPlace = openSealedFile(sealed, MAGIC, [2], key, true) as { version: number; plain: Uint8Array }
    expect(inPlace.version).toBe(2)
    expect(Buffer.from(inPlace.plain).equals(concat(...parts))).toBe(true)
    expect(openSealedFile(flipBit(copy, copy.length * 8 - 1), MAGIC, [2], key, true)).toBe('closed')
    expect(openSealedFile(Uint8Array.from(copy), MAGIC, [2], r.bytes(32), true)).toBe('closed')
    expect(openSealedFile(Uint8Array.from(copy), MAGIC, [1], key, true)).toBe('unreadable')
    // One part or many: the same file format (sealFile is the one-part case).
    const one = openSealedFile(sealFile(MAGIC, 2, concat(...parts), key), MAGIC, [2], key) as { plain: Uint8Array }
    expect(Buffer.from(one.plain).equals(concat(...parts))).toBe(true)
  })
})
