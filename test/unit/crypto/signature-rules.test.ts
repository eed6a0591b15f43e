/**
 * The strict verification rule: malleated signatures (S + kL), small-order and non-canonical
 * public keys, small-order R. For each crafted case the test first shows what the raw libraries do
 * (tweetnacl accepts some of them; libsodium refuses them), then that Hearth refuses it with both
 * providers and with coded errors.
 */
import nacl from 'tweetnacl'
import { describe, expect, it } from 'vitest'
import {
  isCanonicalPoint, isReducedScalar, isSmallOrderPoint, signatureFault,
} from '../../../core/crypto/ed25519-rules.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { admitPublicKey, assertValidSignature, sign, verifySignature } from '../../../core/crypto/sign.ts'
import { sodium } from '../../../core/crypto/sodium.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import {
  IDENTITY, L, add, bigToLe, concat, decodeLoose, encode, expectCode, hex, leToBig, mul, p, same,
} from './support.ts'

const providers = [referenceProvider, fastProvider]
const rawNacl = (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean => nacl.sign.detached.verify(msg, sig, pk)
const rawSodium = (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean => sodium.crypto_sign_verify_detached(sig, msg, pk)

/** y of one order-8 point; every other small-order point is a multiple of it. */
const T8 = decodeLoose(hex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'))
const withSign = (enc: Uint8Array, bit: number): Uint8Array => {
  const out = Uint8Array.from(enc)
  out[31] = ((out[31] as number) & 0x7f) | (bit << 7)
  return out
}

/** Canonical encodings of the 8 small-order points, computed here with big-integer arithmetic. */
const torsion = Array.from({ length: 8 }, (_, k) => encode(mul(BigInt(k), T8!)))
/** Non-canonical spellings that decode to small-order points in a lenient decoder. */
const nonCanonicalSmall = [
  withSign(bigToLe(1n), 1), // identity with the x sign bit set
  withSign(bigToLe(p - 1n), 1), // (0, -1) with the x sign bit set
  bigToLe(p), withSign(bigToLe(p), 1), // y = p ≡ 0
  bigToLe(p + 1n), withSign(bigToLe(p + 1n), 1), // y = p + 1 ≡ 1
]
const allFF = new Uint8Array(32).fill(0xff)
const allFF7f = withSign(allFF, 0)

describe('small-order constants', () => {
  it('the generator T8 has order exactly 8 and its multiples are 8 distinct points', () => {
    expect(T8).not.toBeNull()
    expect(same(mul(8n, T8!), IDENTITY)).toBe(true)
    expect(same(mul(4n, T8!), IDENTITY)).toBe(false)
    expect(new Set(torsion.map((e) => Buffer.from(e).toString('hex'))).size).toBe(8)
  })

  it('isSmallOrderPoint accepts exactly the small-order encodings', () => {
    for (const e of torsion) expect(isSmallOrderPoint(e)).toBe(true)
    for (const e of nonCanonicalSmall) {
      const P = decodeLoose(e)
      expect(P && same(mul(8n, P), IDENTITY)).toBe(true)
      expect(isSmallOrderPoint(e)).toBe(true)
    }
    const r = seededRandom(testSeed())
    for (let i = 0; i < 200; i++) {
      expect(isSmallOrderPoint(fastProvider.signKeyPairFromSeed(r.bytes(32)).publicKey)).toBe(false)
    }
  })

  it('canonical and reduced-scalar bounds sit exactly at p and L', () => {
    expect(isCanonicalPoint(bigToLe(p - 1n))).toBe(true)
    expect(isCanonicalPoint(bigToLe(p))).toBe(false)
    expect(isCanonicalPoint(withSign(bigToLe(p - 1n), 1))).toBe(true)
    expect(isCanonicalPoint(allFF)).toBe(false)
    expect(isReducedScalar(bigToLe(L - 1n))).toBe(true)
    expect(isReducedScalar(bigToLe(L))).toBe(false)
    expect(isReducedScalar(allFF)).toBe(false)
  })
})

describe('malleated signatures (S + kL)', () => {
  it('tweetnacl alone accepts them, libsodium and Hearth refuse them', () => {
    const r = seededRandom(testSeed() + 1)
    const kp = fastProvider.signKeyPairFromSeed(r.bytes(32))
    const msg = r.bytes(100)
    const sig = sign(msg, kp.secretKey)
    expect(verifySignature(sig, msg, kp.publicKey)).toBe(true)
    const S = leToBig(sig.subarray(32))
    for (let k = 1n; S + k * L < 2n ** 256n; k++) {
      const mal = concat(sig.subarray(0, 32), bigToLe(S + k * L))
      if (k === 1n) expect(rawNacl(mal, msg, kp.publicKey)).toBe(true)
      expect(rawSodium(mal, msg, kp.publicKey)).toBe(false)
      for (const pr of providers) expect(verifySignature(mal, msg, kp.publicKey, pr)).toBe(false)
      expectCode(() => assertValidSignature(mal, msg, kp.publicKey), 'CRYPTO_BAD_SIGNATURE')
      expect(signatureFault(mal, kp.publicKey)).toBe('s-not-reduced')
    }
  })
})

describe('small-order R', () => {
  it('a key owner can make R = identity, s = h·a: tweetnacl accepts it, Hearth refuses it', () => {
    const seed = seededRandom(testSeed() + 2).bytes(32)
    const kp = fastProvider.signKeyPairFromSeed(seed)
    const a = nacl.hash(seed).subarray(0, 32)
    a[0] = (a[0] as number) & 248
    a[31] = ((a[31] as number) & 127) | 64
    const msg = new TextEncoder().encode('only some verifiers will accept this')
    const R = encode(IDENTITY)
    const h = leToBig(nacl.hash(concat(R, kp.publicKey, msg))) % L
    const sig = concat(R, bigToLe((h * leToBig(a)) % L))
    expect(rawNacl(sig, msg, kp.publicKey)).toBe(true)
    expect(rawSodium(sig, msg, kp.publicKey)).toBe(false)
    for (const pr of providers) expect(verifySignature(sig, msg, kp.publicKey, pr)).toBe(false)
    expect(signatureFault(sig, kp.publicKey)).toBe('r-small-order')
  })
})

describe('small-order and non-canonical public keys', () => {
  /** R = identity, S = 0 verifies under a small-order key A whenever H(R||A||M)·A = identity. */
  function forge(pk: Uint8Array): { sig: Uint8Array; msg: Uint8Array } {
    const R = encode(IDENTITY)
    for (let i = 0; ; i++) {
      const msg = new TextEncoder().encode(`forged by nobody #${i}`)
      const h = leToBig(nacl.hash(concat(R, pk, msg))) % L
      if (h % 8n === 0n) return { sig: concat(R, new Uint8Array(32)), msg }
    }
  }

  const cases = [...torsion, ...nonCanonicalSmall]

  it('tweetnacl accepts forgeries under every small-order key; libsodium and Hearth refuse all', () => {
    for (const pk of cases) {
      const { sig, msg } = forge(pk)
      expect(rawNacl(sig, msg, pk)).toBe(true)
      expect(rawSodium(sig, msg, pk)).toBe(false)
      for (const pr of providers) expect(verifySignature(sig, msg, pk, pr)).toBe(false)
      expectCode(() => assertValidSignature(sig, msg, pk), 'CRYPTO_BAD_KEY')
      expectCode(() => admitPublicKey(pk), 'CRYPTO_BAD_KEY')
    }
  })

  it('all-0xff encodings and other non-canonical keys are refused at admission and in verify', () => {
    const r = seededRandom(testSeed() + 3)
    const kp = fastProvider.signKeyPairFromSeed(r.bytes(32))
    const msg = r.bytes(40)
    const sig = sign(msg, kp.secretKey)
    for (const pk of [allFF, allFF7f, bigToLe(p + 2n), bigToLe(2n ** 255n - 1n)]) {
      expectCode(() => admitPublicKey(pk), 'CRYPTO_BAD_KEY')
      for (const pr of providers) expect(pr.verify(sig, msg, pk)).toBe(false)
      expect(signatureFault(sig, pk)).toBe('key-non-canonical')
    }
  })

  it('a mixed-order key (honest key + torsion) verifies alike in both libraries but is not admitted', () => {
    const seed = seededRandom(testSeed() + 4).bytes(32)
    const kp = fastProvider.signKeyPairFromSeed(seed)
    const a = nacl.hash(seed).subarray(0, 32)
    a[0] = (a[0] as number) & 248
    a[31] = ((a[31] as number) & 127) | 64
    const B = decodeLoose(hex('5866666666666666666666666666666666666666666666666666666666666666'))!
    const mixed = encode(add(decodeLoose(kp.publicKey)!, T8!))
    const msg = new TextEncoder().encode('mixed')
    const outcomes = new Set<string>()
    for (let r = 1n; outcomes.size < 2 && r < 200n; r++) {
      const R = encode(mul(r, B))
      const h = leToBig(nacl.hash(concat(R, mixed, msg))) % L
      const sig = concat(R, bigToLe((r + h * leToBig(a)) % L))
      const expected = h % 8n === 0n
      expect(rawNacl(sig, msg, mixed)).toBe(expected)
      expect(rawSodium(sig, msg, mixed)).toBe(expected)
      for (const pr of providers) expect(pr.verify(sig, msg, mixed)).toBe(expected)
      outcomes.add(String(expected))
    }
    expect(outcomes.size).toBe(2)
    expect(isSmallOrderPoint(mixed)).toBe(false)
    expectCode(() => admitPublicKey(mixed), 'CRYPTO_BAD_KEY')
    expect(() => admitPublicKey(kp.publicKey)).not.toThrow()
  })

  it('points that are not on the curve are refused at admission', () => {
    const r = seededRandom(testSeed() + 5)
    let refused = 0
    for (let i = 0; i < 64; i++) {
      const enc = r.bytes(32)
      enc[31] = (enc[31] as number) & 0x7f
      if (decodeLoose(enc) === null) {
        expectCode(() => admitPublicKey(enc), 'CRYPTO_BAD_KEY')
        refused++
      }
    }
    expect(refused).toBeGreaterThan(10)
  })
})

describe('lengths', () => {
  it('wrong signature or key lengths: verify is false, assert and admit throw coded errors', () => {
    const kp = fastProvider.signKeyPairFromSeed(new Uint8Array(32).fill(7))
    const msg = new Uint8Array([1, 2, 3])
    const sig = sign(msg, kp.secretKey)
    for (const n of [0, 31, 33, 64]) {
      const badPk = new Uint8Array(n)
      expect(verifySignature(sig, msg, badPk)).toBe(false)
      expectCode(() => assertValidSignature(sig, msg, badPk), 'CRYPTO_BAD_KEY')
      expectCode(() => admitPublicKey(badPk), 'CRYPTO_BAD_KEY')
    }
    for (const n of [0, 63, 65, 128]) {
      const badSig = new Uint8Array(n)
      badSig.set(sig.subarray(0, Math.min(n, 64)))
      for (const pr of providers) expect(verifySignature(badSig, msg, kp.publicKey, pr)).toBe(false)
      expectCode(() => assertValidSignature(badSig, msg, kp.publicKey), 'CRYPTO_BAD_SIGNATURE')
    }
    for (const n of [0, 32, 63, 65]) expectCode(() => sign(msg, new Uint8Array(n)), 'CRYPTO_BAD_KEY')
  })

  it('sign refuses a secret key whose public half belongs to another seed', () => {
    const a = fastProvider.signKeyPairFromSeed(new Uint8Array(32).fill(1))
    const b = fastProvider.signKeyPairFromSeed(new Uint8Array(32).fill(2))
    const spliced = concat(a.secretKey.subarray(0, 32), b.publicKey)
    expectCode(() => sign(new Uint8Array(1), spliced), 'CRYPTO_BAD_KEY')
  })
})
