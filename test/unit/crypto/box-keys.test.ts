/**
 * X25519 keys of small order. Boxing to one gives an all-zero shared point, so the "secret" key is
 * public. libsodium refuses; raw tweetnacl does not. Both providers must refuse to seal to such a
 * key, fail to open with one, and admitBoxPublicKey must keep them out of a group.
 */
import nacl from 'tweetnacl'
import { describe, expect, it } from 'vitest'
import { admitBoxPublicKey, openBox, sealBox } from '../../../core/crypto/box.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { openSealed, sealTo } from '../../../core/crypto/sealedbox.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { bigToLe, concat, decodeLoose, edwardsToU, expectCode, hex, mul, p, toHex } from './support.ts'

const providers = [referenceProvider, fastProvider]
const T8 = decodeLoose(hex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'))!

/** u of every small-order curve point but the identity (which has no u), from the Edwards torsion. */
const curveU = [1, 2, 3, 4, 5, 6, 7].map((k) => edwardsToU(mul(BigInt(k), T8)))
const canonicalSmall = [...new Set(curveU), p - 1n].map((u) => bigToLe(u))
const nonCanonicalSmall = [bigToLe(p), bigToLe(p + 1n), ...canonicalSmall.map((u) => {
  const out = Uint8Array.from(u)
  out[31] = (out[31] as number) | 0x80
  return out
})]

describe('small-order X25519 keys', () => {
  it('the list holds 0, 1, the two order-8 points (one is libsodium box.c small_order_p) and p - 1', () => {
    const hexes = canonicalSmall.map(toHex)
    expect(hexes).toContain(toHex(bigToLe(0n)))
    expect(hexes).toContain(toHex(bigToLe(1n)))
    expect(hexes).toContain('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800')
    expect(canonicalSmall.length).toBe(5)
  })

  it('each one really sends a clamped scalar to zero in raw tweetnacl', () => {
    const r = seededRandom(testSeed())
    for (const u of [...canonicalSmall, ...nonCanonicalSmall]) {
      expect(nacl.scalarMult(r.bytes(32), u).every((b) => b === 0), toHex(u)).toBe(true)
    }
  })

  it('sealing to one throws CRYPTO_BAD_KEY with both providers and the public API', () => {
    const me = fastProvider.boxKeyPairFromSeed(new Uint8Array(32).fill(1))
    const nonce = new Uint8Array(24)
    for (const u of [...canonicalSmall, ...nonCanonicalSmall]) {
      for (const pr of providers) {
        expectCode(() => pr.boxSeal(new Uint8Array(10), nonce, u, me.secretKey), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.sealedBoxSeal(new Uint8Array(10), u), 'CRYPTO_BAD_KEY')
        expectCode(() => sealBox(new Uint8Array(10), u, me.secretKey, pr), 'CRYPTO_BAD_KEY')
        expectCode(() => sealTo(new Uint8Array(10), u, pr), 'CRYPTO_BAD_KEY')
      }
    }
  })

  it('a box "from" one, or a sealed box whose ephemeral key is one, does not open', () => {
    const me = fastProvider.boxKeyPairFromSeed(new Uint8Array(32).fill(2))
    const zeroPointKey = nacl.box.before(bigToLe(0n), me.secretKey)
    const plain = new TextEncoder().encode('anyone could have written this')
    for (const u of [...canonicalSmall, ...nonCanonicalSmall]) {
      // What an attacker could build: the MAC under the key an all-zero shared point yields.
      const nonce = new Uint8Array(24).fill(7)
      const forged = nacl.secretbox(plain, nonce, zeroPointKey)
      expect(nacl.box.open(forged, nonce, u, me.secretKey)).not.toBeNull()
      for (const pr of providers) {
        expect(pr.boxOpen(forged, nonce, u, me.secretKey)).toBeNull()
        expectCode(() => openBox(concat(nonce, forged), u, me.secretKey, pr), 'CRYPTO_OPEN_FAILED')
        const sealed = concat(u, new Uint8Array(16 + plain.length))
        expect(pr.sealedBoxOpen(sealed, me.publicKey, me.secretKey)).toBeNull()
        expectCode(() => openSealed(sealed, me.publicKey, me.secretKey, pr), 'CRYPTO_OPEN_FAILED')
      }
    }
  })

  it('admitBoxPublicKey refuses them all, and non-canonical spellings of honest keys', () => {
    for (const u of canonicalSmall) expectCode(() => admitBoxPublicKey(u), 'CRYPTO_BAD_KEY')
    for (const u of nonCanonicalSmall) expectCode(() => admitBoxPublicKey(u), 'CRYPTO_BAD_KEY')
    const r = seededRandom(testSeed() + 1)
    for (let i = 0; i < 200; i++) {
      const pk = fastProvider.boxKeyPairFromSeed(r.bytes(32)).publicKey
      expect(() => admitBoxPublicKey(pk)).not.toThrow()
      const highBit = Uint8Array.from(pk)
      highBit[31] = (highBit[31] as number) | 0x80
      expectCode(() => admitBoxPublicKey(highBit), 'CRYPTO_BAD_KEY')
    }
    expectCode(() => admitBoxPublicKey(bigToLe(p + 5n)), 'CRYPTO_BAD_KEY')
    for (const n of [0, 31, 33]) expectCode(() => admitBoxPublicKey(new Uint8Array(n)), 'CRYPTO_BAD_KEY')
  })

})
