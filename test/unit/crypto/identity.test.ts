/**
 * Identities: the documented v1 derivation, the pinned fixture (restore from a seed must give the
 * same keys forever), both providers agreeing, wiping, and the stored layouts of sealed boxes,
 * boxes and signatures made with identity keys.
 */
import { readFileSync } from 'node:fs'
import nacl from 'tweetnacl'
import { describe, expect, it } from 'vitest'
import { admitBoxPublicKey, openBox } from '../../../core/crypto/box.ts'
import { keyedHash } from '../../../core/crypto/hash.ts'
import { generateIdentity, identityFromSeed, publicIdentity, wipeIdentity } from '../../../core/crypto/identity.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { referenceProvider } from '../../../core/crypto/provider-tweetnacl.ts'
import { openSealed, sealTo } from '../../../core/crypto/sealedbox.ts'
import { admitPublicKey, sign, verifySignature } from '../../../core/crypto/sign.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { expectCode, hex, toHex } from './support.ts'

interface FixtureIdentity { seedHex: string; signPublicKeyHex: string; signSecretKeyHex: string; boxPublicKeyHex: string; boxSecretKeyHex: string }
interface Fixture {
  identities: FixtureIdentity[]
  sealedBox: { recipient: number; plaintextHex: string; sealedHex: string }
  box: { sender: number; recipient: number; plaintextHex: string; sealedHex: string }
  signature: { signer: number; messageHex: string; signatureHex: string }
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/crypto/identity-v1.json', import.meta.url), 'utf8')) as Fixture
const providers = [referenceProvider, fastProvider]
const keysOf = (f: FixtureIdentity) => identityFromSeed(hex(f.seedHex))

describe('identity derivation v1', () => {
  it('follows the documented construction', () => {
    const seed = seededRandom(testSeed()).bytes(32)
    const id = identityFromSeed(seed)
    const signSeed = keyedHash(seed, new TextEncoder().encode('hearth/identity/v1/sign'))
    const boxSeed = keyedHash(seed, new TextEncoder().encode('hearth/identity/v1/box'))
    expect(toHex(id.signSecretKey)).toBe(toHex(nacl.sign.keyPair.fromSeed(signSeed).secretKey))
    expect(toHex(id.boxSecretKey)).toBe(toHex(nacl.hash(boxSeed).subarray(0, 32)))
    expect(toHex(id.boxPublicKey)).toBe(toHex(nacl.scalarMult.base(id.boxSecretKey)))
    expect(toHex(id.seed)).toBe(toHex(seed))
  })

  it('matches the pinned fixture with both providers', () => {
    for (const f of fixture.identities) {
      for (const pr of providers) {
        const id = identityFromSeed(hex(f.seedHex), pr)
        expect(toHex(id.signPublicKey)).toBe(f.signPublicKeyHex)
        expect(toHex(id.signSecretKey)).toBe(f.signSecretKeyHex)
        expect(toHex(id.boxPublicKey)).toBe(f.boxPublicKeyHex)
        expect(toHex(id.boxSecretKey)).toBe(f.boxSecretKeyHex)
      }
    }
  })

  it('gives unrelated signing and box scalars', () => {
    const id = identityFromSeed(new Uint8Array(32).fill(9))
    const signScalar = nacl.hash(id.signSecretKey.subarray(0, 32)).subarray(0, 32)
    expect(toHex(signScalar)).not.toBe(toHex(id.boxSecretKey))
  })

  it('generated identities are fresh, and their keys pass admission', () => {
    const a = generateIdentity()
    const b = generateIdentity(fastProvider)
    expect(toHex(a.seed)).not.toBe(toHex(b.seed))
    for (const id of [a, b]) {
      expect(() => admitPublicKey(id.signPublicKey)).not.toThrow()
      expect(() => admitBoxPublicKey(id.boxPublicKey)).not.toThrow()
      expect(toHex(identityFromSeed(id.seed).signSecretKey)).toBe(toHex(id.signSecretKey))
    }
  })

  it('refuses seeds of the wrong length', () => {
    for (const n of [0, 16, 31, 33, 64]) expectCode(() => identityFromSeed(new Uint8Array(n)), 'CRYPTO_BAD_KEY')
  })
})

describe('wiping and public halves', () => {
  it('wipeIdentity zeroes every secret, after which signing is refused', () => {
    const id = identityFromSeed(seededRandom(testSeed() + 1).bytes(32))
    const pub = publicIdentity(id)
    wipeIdentity(id)
    for (const secret of [id.seed, id.signSecretKey, id.boxSecretKey]) expect(secret.every((b) => b === 0)).toBe(true)
    expect(toHex(pub.signPublicKey)).toBe(toHex(id.signPublicKey))
    expectCode(() => sign(new Uint8Array(3), id.signSecretKey), 'CRYPTO_BAD_KEY')
  })

  it('publicIdentity returns copies that carry no secret', () => {
    const id = identityFromSeed(new Uint8Array(32).fill(4))
    const pub = publicIdentity(id)
    expect(Object.keys(pub).sort()).toEqual(['boxPublicKey', 'signPublicKey'])
    pub.signPublicKey.fill(0)
    expect(id.signPublicKey.some((b) => b !== 0)).toBe(true)
  })
})

describe('stored layouts made with identity keys', () => {
  it('the pinned sealed box (lockbox) opens with both providers', () => {
    const id = keysOf(fixture.identities[fixture.sealedBox.recipient]!)
    for (const pr of providers) {
      expect(toHex(openSealed(hex(fixture.sealedBox.sealedHex), id.boxPublicKey, id.boxSecretKey, pr))).toBe(fixture.sealedBox.plaintextHex)
    }
  })

  it('the pinned box opens with both providers', () => {
    const sender = keysOf(fixture.identities[fixture.box.sender]!)
    const recipient = keysOf(fixture.identities[fixture.box.recipient]!)
    for (const pr of providers) {
      expect(toHex(openBox(hex(fixture.box.sealedHex), sender.boxPublicKey, recipient.boxSecretKey, pr))).toBe(fixture.box.plaintextHex)
    }
  })

  it('the pinned signature is reproduced and verifies with both providers', () => {
    const id = keysOf(fixture.identities[fixture.signature.signer]!)
    const msg = hex(fixture.signature.messageHex)
    for (const pr of providers) {
      expect(toHex(sign(msg, id.signSecretKey, pr))).toBe(fixture.signature.signatureHex)
      expect(verifySignature(hex(fixture.signature.signatureHex), msg, id.signPublicKey, pr)).toBe(true)
    }
  })

  it('a lockbox sealed to one identity does not open for another', () => {
    const a = keysOf(fixture.identities[0]!)
    const b = keysOf(fixture.identities[2]!)
    const sealed = sealTo(new Uint8Array(32).fill(1), a.boxPublicKey)
    for (const pr of providers) expectCode(() => openSealed(sealed, b.boxPublicKey, b.boxSecretKey, pr), 'CRYPTO_OPEN_FAILED')
    for (const pr of providers) expectCode(() => openSealed(sealed, b.boxPublicKey, a.boxSecretKey, pr), 'CRYPTO_OPEN_FAILED')
  })
})
