/**
 * Byte equality between tweetnacl and sodium-native for secretbox and box (same nonce, same
 * bytes), sealed boxes opening across providers in both directions, and SHA-512, over 500 seeded
 * cases. Plaintext lengths include 0 and cross the 64-byte Salsa20 block boundary.
 */
import { describe, expect, it } from 'vitest'
import { openBox, sealBox } from '../../../core/crypto/box.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { openSealed, sealTo } from '../../../core/crypto/sealedbox.ts'
import { openSecret, sealSecret } from '../../../core/crypto/secretbox.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { toHex } from './support.ts'

const CASES = 500
/** each test takes 1–2 s on a quiet machine; leave room for a loaded CI box. */
const TIMEOUT_MS = 60_000
const ref = referenceProvider
const fast = fastProvider

describe(`tweetnacl ≡ sodium over ${CASES} seeds`, () => {
  it('secretbox with an explicit nonce: same bytes, and each opens the other', () => {
    const r = seededRandom(testSeed())
    for (let i = 0; i < CASES; i++) {
      const where = `seed ${r.seed}, case ${i}`
      const key = r.bytes(32)
      const nonce = r.bytes(24)
      const plain = r.bytes(r.int(0, 600))
      const a = ref.secretboxSeal(plain, nonce, key)
      expect(toHex(a), where).toBe(toHex(fast.secretboxSeal(plain, nonce, key)))
      expect(toHex(fast.secretboxOpen(a, nonce, key)!), where).toBe(toHex(plain))
      expect(toHex(ref.secretboxOpen(a, nonce, key)!), where).toBe(toHex(plain))
      const sealed = sealSecret(key, plain, i % 2 ? ref : fast)
      expect(toHex(openSecret(key, sealed, i % 2 ? fast : ref)), where).toBe(toHex(plain))
    }
  }, TIMEOUT_MS)

  it('box with an explicit nonce: same bytes, and each opens the other', () => {
    const r = seededRandom(testSeed() + 1)
    for (let i = 0; i < CASES; i++) {
      const where = `seed ${r.seed}, case ${i}`
      const alice = fast.boxKeyPairFromSeed(r.bytes(32))
      const bob = fast.boxKeyPairFromSeed(r.bytes(32))
      const nonce = r.bytes(24)
      const plain = r.bytes(r.int(0, 300))
      const a = ref.boxSeal(plain, nonce, bob.publicKey, alice.secretKey)
      expect(toHex(a), where).toBe(toHex(fast.boxSeal(plain, nonce, bob.publicKey, alice.secretKey)))
      expect(toHex(fast.boxOpen(a, nonce, alice.publicKey, bob.secretKey)!), where).toBe(toHex(plain))
      expect(toHex(ref.boxOpen(a, nonce, alice.publicKey, bob.secretKey)!), where).toBe(toHex(plain))
      if (i % 10 === 0) {
        const framed = sealBox(plain, bob.publicKey, alice.secretKey, fast)
        expect(toHex(openBox(framed, alice.publicKey, bob.secretKey, ref)), where).toBe(toHex(plain))
      }
    }
  }, TIMEOUT_MS)

  it('sealed boxes: tweetnacl-sealed opens with libsodium crypto_box_seal_open and vice versa', () => {
    const r = seededRandom(testSeed() + 2)
    for (let i = 0; i < CASES; i++) {
      const where = `seed ${r.seed}, case ${i}`
      const to = fast.boxKeyPairFromSeed(r.bytes(32))
      const plain = r.bytes(r.int(0, 300))
      const byRef = ref.sealedBoxSeal(plain, to.publicKey)
      const byFast = fast.sealedBoxSeal(plain, to.publicKey)
      expect(byRef.length, where).toBe(plain.length + 48)
      expect(toHex(fast.sealedBoxOpen(byRef, to.publicKey, to.secretKey)!), where).toBe(toHex(plain))
      expect(toHex(ref.sealedBoxOpen(byFast, to.publicKey, to.secretKey)!), where).toBe(toHex(plain))
      if (i % 10 === 0) {
        expect(toHex(ref.sealedBoxOpen(byRef, to.publicKey, to.secretKey)!), where).toBe(toHex(plain))
        expect(toHex(openSealed(sealTo(plain, to.publicKey), to.publicKey, to.secretKey, fast)), where).toBe(toHex(plain))
      }
    }
  }, TIMEOUT_MS)

  it('two sealed boxes of the same plaintext differ (fresh ephemeral key each time)', () => {
    const to = fast.boxKeyPairFromSeed(new Uint8Array(32).fill(3))
    const plain = new Uint8Array(32)
    for (const pr of [ref, fast]) {
      const a = pr.sealedBoxSeal(plain, to.publicKey)
      const b = pr.sealedBoxSeal(plain, to.publicKey)
      expect(toHex(a.subarray(0, 32))).not.toBe(toHex(b.subarray(0, 32)))
    }
  }, TIMEOUT_MS)

  it('SHA-512 is identical', () => {
    const r = seededRandom(testSeed() + 3)
    for (let i = 0; i < CASES; i++) {
      const data = r.bytes(r.int(0, 400))
      expect(toHex(ref.sha512(data)), `seed ${r.seed}, case ${i}`).toBe(toHex(fast.sha512(data)))
    }
  }, TIMEOUT_MS)

  it('inputs that are views into larger buffers give the same results', () => {
    const r = seededRandom(testSeed() + 4)
    const backing = r.bytes(200)
    const key = backing.subarray(7, 39)
    const nonce = backing.subarray(50, 74)
    const plain = backing.subarray(80, 180)
    const a = ref.secretboxSeal(plain, nonce, key)
    expect(toHex(fast.secretboxSeal(plain, nonce, key))).toBe(toHex(a))
    const boxed = Uint8Array.from([9, 9, 9, ...a]).subarray(3)
    expect(toHex(fast.secretboxOpen(boxed, nonce, key)!)).toBe(toHex(plain))
  }, TIMEOUT_MS)
})
