/**
 * Tampering and malformed input. Every bit of a sealed secretbox, box and sealed box is flipped
 * with the fast provider, and a seeded sample of 200 positions with tweetnacl (whose curve
 * operations are slow); every open must fail with CRYPTO_OPEN_FAILED. The same for signatures:
 * every bit of signature, message and public key, and verify must say no. Truncation and
 * extension fail too, and keys of the wrong length raise CRYPTO_BAD_KEY everywhere.
 */
import { describe, expect, it } from 'vitest'
import { openBox, sealBox } from '../../../core/crypto/box.ts'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import type { CryptoProvider } from '../../../core/crypto/provider.ts'
import { openSealed, sealTo } from '../../../core/crypto/sealedbox.ts'
import { openSecret, sealSecret } from '../../../core/crypto/secretbox.ts'
import { assertValidSignature, sign, verifySignature } from '../../../core/crypto/sign.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { bitPositions, concat, expectCode, flipBit } from './support.ts'

const SAMPLE = 200
/** the tweetnacl signature flips alone take ~1 s on a quiet machine */
const TIMEOUT_MS = 60_000
const r = seededRandom(testSeed())
const plain = r.bytes(200)
const alice = identityFromSeed(r.bytes(32), fastProvider)
const bob = identityFromSeed(r.bytes(32), fastProvider)
const secretKey = r.bytes(32)

/** Flips each chosen bit of `sealed` and expects `open` to throw CRYPTO_OPEN_FAILED. */
function everyFlipFails(sealed: Uint8Array, positions: number[], open: (bytes: Uint8Array) => unknown): void {
  for (const bit of positions) expectCode(() => open(flipBit(sealed, bit)), 'CRYPTO_OPEN_FAILED')
}

function positionsFor(provider: CryptoProvider, bytes: Uint8Array): number[] {
  return provider === fastProvider ? bitPositions(bytes.length * 8, Infinity, r.int) : bitPositions(bytes.length * 8, SAMPLE, r.int)
}

const formats: { name: string; seal: () => Uint8Array; open: (b: Uint8Array, pr: CryptoProvider) => Uint8Array }[] = [
  { name: 'secretbox', seal: () => sealSecret(secretKey, plain), open: (b, pr) => openSecret(secretKey, b, pr) },
  { name: 'box', seal: () => sealBox(plain, bob.boxPublicKey, alice.boxSecretKey), open: (b, pr) => openBox(b, alice.boxPublicKey, bob.boxSecretKey, pr) },
  { name: 'sealed box', seal: () => sealTo(plain, bob.boxPublicKey), open: (b, pr) => openSealed(b, bob.boxPublicKey, bob.boxSecretKey, pr) },
]

describe('tampered ciphertexts', () => {
  for (const f of formats) {
    for (const pr of [fastProvider, referenceProvider]) {
      it(`${f.name} (${pr.name}): every flipped bit, truncation and extension fails to open`, () => {
        const sealed = f.seal()
        expect(f.open(sealed, pr)).toEqual(plain)
        everyFlipFails(sealed, positionsFor(pr, sealed), (b) => f.open(b, pr))
        for (const n of [0, 1, 23, 24, 39, 40, 47, 48, sealed.length - 1]) {
          expectCode(() => f.open(sealed.subarray(0, n), pr), 'CRYPTO_OPEN_FAILED')
        }
        expectCode(() => f.open(concat(sealed, new Uint8Array(1)), pr), 'CRYPTO_OPEN_FAILED')
      }, TIMEOUT_MS)
    }
  }

  it('opening with the wrong key fails', () => {
    for (const pr of [fastProvider, referenceProvider]) {
      expectCode(() => openSecret(r.bytes(32), sealSecret(secretKey, plain), pr), 'CRYPTO_OPEN_FAILED')
      expectCode(() => openBox(sealBox(plain, bob.boxPublicKey, alice.boxSecretKey), bob.boxPublicKey, bob.boxSecretKey, pr), 'CRYPTO_OPEN_FAILED')
      expectCode(() => openSealed(sealTo(plain, bob.boxPublicKey), alice.boxPublicKey, alice.boxSecretKey, pr), 'CRYPTO_OPEN_FAILED')
    }
  })
})

describe('tampered signatures', () => {
  const msg = r.bytes(64)
  const sig = sign(msg, alice.signSecretKey)
  const pk = alice.signPublicKey
  const all = concat(sig, msg, pk)
  const split = (b: Uint8Array): [Uint8Array, Uint8Array, Uint8Array] => [b.subarray(0, 64), b.subarray(64, 128), b.subarray(128)]

  for (const pr of [fastProvider, referenceProvider]) {
    it(`${pr.name}: a flip anywhere in signature, message or public key is refused`, () => {
      expect(verifySignature(sig, msg, pk, pr)).toBe(true)
      for (const bit of positionsFor(pr, all)) {
        const [s, m, k] = split(flipBit(all, bit))
        expect(verifySignature(s, m, k, pr), `bit ${bit}`).toBe(false)
      }
    }, TIMEOUT_MS)
  }

  it('assertValidSignature throws coded errors for the same flips', () => {
    for (const bit of bitPositions(all.length * 8, SAMPLE, r.int)) {
      const [s, m, k] = split(flipBit(all, bit))
      let code: string | undefined
      try { assertValidSignature(s, m, k) } catch (e) { code = (e as { code?: string }).code }
      expect(['CRYPTO_BAD_SIGNATURE', 'CRYPTO_BAD_KEY'], `bit ${bit}`).toContain(code)
    }
  })
})

describe('keys of the wrong length', () => {
  const wrong = [0, 16, 31, 33, 64].map((n) => new Uint8Array(n))
  const wrongSigning = [0, 32, 63, 65, 128].map((n) => new Uint8Array(n))

  it('raise CRYPTO_BAD_KEY in every public function', () => {
    const sealed = sealSecret(secretKey, plain)
    const boxed = sealBox(plain, bob.boxPublicKey, alice.boxSecretKey)
    const lockbox = sealTo(plain, bob.boxPublicKey)
    for (const k of wrong) {
      expectCode(() => sealSecret(k, plain), 'CRYPTO_BAD_KEY')
      expectCode(() => openSecret(k, sealed), 'CRYPTO_BAD_KEY')
      expectCode(() => sealBox(plain, k, alice.boxSecretKey), 'CRYPTO_BAD_KEY')
      expectCode(() => sealBox(plain, bob.boxPublicKey, k), 'CRYPTO_BAD_KEY')
      expectCode(() => openBox(boxed, k, bob.boxSecretKey), 'CRYPTO_BAD_KEY')
      expectCode(() => openBox(boxed, alice.boxPublicKey, k), 'CRYPTO_BAD_KEY')
      expectCode(() => sealTo(plain, k), 'CRYPTO_BAD_KEY')
      expectCode(() => openSealed(lockbox, k, bob.boxSecretKey), 'CRYPTO_BAD_KEY')
      expectCode(() => openSealed(lockbox, bob.boxPublicKey, k), 'CRYPTO_BAD_KEY')
      expectCode(() => identityFromSeed(k), 'CRYPTO_BAD_KEY')
    }
    for (const k of wrongSigning) expectCode(() => sign(plain, k), 'CRYPTO_BAD_KEY')
  })

  it('raise CRYPTO_BAD_KEY in both providers, for keys, seeds and nonces alike', () => {
    const nonce = new Uint8Array(24)
    const key = new Uint8Array(32)
    for (const pr of [fastProvider, referenceProvider]) {
      for (const k of wrong) {
        expectCode(() => pr.signKeyPairFromSeed(k), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.boxKeyPairFromSeed(k), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.secretboxSeal(plain, nonce, k), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.secretboxSeal(plain, k, key), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.secretboxOpen(plain, k, key), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.boxSeal(plain, k, bob.boxPublicKey, alice.boxSecretKey), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.boxOpen(plain, nonce, k, alice.boxSecretKey), 'CRYPTO_BAD_KEY')
        expectCode(() => pr.sealedBoxOpen(plain, bob.boxPublicKey, k), 'CRYPTO_BAD_KEY')
        expect(pr.verify(new Uint8Array(64), plain, k)).toBe(false)
      }
      for (const k of wrongSigning) expectCode(() => pr.sign(plain, k), 'CRYPTO_BAD_KEY')
    }
  })
})
