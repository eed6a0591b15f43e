/**
 * Byte equality between tweetnacl and sodium-native for Ed25519 and X25519 key derivation and for
 * signatures, over 500 seeded cases (HEARTH_TEST_SEED replays a failure). Every signature is
 * verified by the fast provider; tweetnacl verifies every tenth, because it runs at ~200/s.
 */
import { describe, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { toHex } from './support.ts'

const CASES = 500
/** ~5 s of tweetnacl curve work on a quiet machine; leave room for a loaded CI box. */
const TIMEOUT_MS = 60_000

describe(`tweetnacl ≡ sodium over ${CASES} seeds`, () => {
  it('sign and box keypairs from seed, and detached signatures, are byte-identical', () => {
    const r = seededRandom(testSeed())
    for (let i = 0; i < CASES; i++) {
      const where = `seed ${r.seed}, case ${i}`
      const seed = r.bytes(32)
      const refSign = referenceProvider.signKeyPairFromSeed(seed)
      const fastSign = fastProvider.signKeyPairFromSeed(seed)
      expect(toHex(refSign.publicKey), where).toBe(toHex(fastSign.publicKey))
      expect(toHex(refSign.secretKey), where).toBe(toHex(fastSign.secretKey))

      const refBox = referenceProvider.boxKeyPairFromSeed(seed)
      const fastBox = fastProvider.boxKeyPairFromSeed(seed)
      expect(toHex(refBox.publicKey), where).toBe(toHex(fastBox.publicKey))
      expect(toHex(refBox.secretKey), where).toBe(toHex(fastBox.secretKey))

      const msg = r.bytes(r.int(0, 300))
      const refSig = referenceProvider.sign(msg, refSign.secretKey)
      expect(toHex(refSig), where).toBe(toHex(fastProvider.sign(msg, fastSign.secretKey)))
      expect(fastProvider.verify(refSig, msg, refSign.publicKey), where).toBe(true)
      if (i % 10 === 0) expect(referenceProvider.verify(refSig, msg, refSign.publicKey), where).toBe(true)
    }
  }, TIMEOUT_MS)

  it('identities derived from the same seed are identical with either provider', () => {
    const r = seededRandom(testSeed() + 1)
    for (let i = 0; i < 50; i++) {
      const seed = r.bytes(32)
      const a = identityFromSeed(seed, referenceProvider)
      const b = identityFromSeed(seed, fastProvider)
      for (const k of ['signPublicKey', 'signSecretKey', 'boxPublicKey', 'boxSecretKey'] as const) {
        expect(toHex(a[k]), `seed ${r.seed}, case ${i}, ${k}`).toBe(toHex(b[k]))
      }
    }
  }, TIMEOUT_MS)
})
