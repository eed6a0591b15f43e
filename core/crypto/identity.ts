/**
 * A membership identity: an Ed25519 signing keypair plus an X25519 box keypair, both derived
 * from one 32-byte seed. One identity per group membership; nothing links two of them.
 *
 * Derivation v1 (pinned by test/fixtures/crypto/identity-v1.json):
 *   signSeed = BLAKE2b-256(key = seed, message = "hearth/identity/v1/sign")
 *   boxSeed  = BLAKE2b-256(key = seed, message = "hearth/identity/v1/box")
 *   signing keypair = Ed25519 from signSeed           (RFC 8032 §5.1.5)
 *   box keypair     = crypto_box_seed_keypair(boxSeed) (secret = SHA-512(boxSeed)[0..32])
 * The two sub-seeds are independent, so the signing scalar and the box scalar are unrelated:
 * using the seed directly for both would make them the same number on two curves.
 *
 * Key lifetime: the seed is the only secret that must be stored (the vault keeps it); everything
 * else can be re-derived. Call wipeIdentity when the identity is dropped (lock, leave, panic
 * wipe). tweetnacl and the JS engine may keep copies we cannot reach; docs/decisions.md ("What
 * lock can and cannot do") says what that means.
 */
import { keyedHash } from './hash.ts'
import { referenceProvider } from './provider-tweetnacl.ts'
import { requireBytes, type CryptoProvider } from './provider.ts'
import { randomBytes } from './random.ts'
import { wipe } from './wipe.ts'

export const IDENTITY_SEED_BYTES = 32

const SIGN_LABEL = new TextEncoder().encode('hearth/identity/v1/sign')
const BOX_LABEL = new TextEncoder().encode('hearth/identity/v1/box')

export interface PublicIdentity {
  /** Ed25519, 32 bytes */
  readonly signPublicKey: Uint8Array
  /** X25519, 32 bytes */
  readonly boxPublicKey: Uint8Array
}

export interface Identity extends PublicIdentity {
  /** the root secret, 32 bytes; both keypairs derive from it */
  readonly seed: Uint8Array
  /** NaCl layout: signSeed(32) || signPublicKey(32) */
  readonly signSecretKey: Uint8Array
  /** 32 bytes */
  readonly boxSecretKey: Uint8Array
}

/** Deterministic: the same seed always gives the same keys, with either provider. Copies the seed. */
export function identityFromSeed(seed: Uint8Array, provider: CryptoProvider = referenceProvider): Identity {
  requireBytes(seed, IDENTITY_SEED_BYTES, 'identity seed')
  const signSeed = keyedHash(seed, SIGN_LABEL)
  const boxSeed = keyedHash(seed, BOX_LABEL)
  try {
    const signing = provider.signKeyPairFromSeed(signSeed)
    const box = provider.boxKeyPairFromSeed(boxSeed)
    return {
      seed: Uint8Array.from(seed),
      signPublicKey: signing.publicKey,
      signSecretKey: signing.secretKey,
      boxPublicKey: box.publicKey,
      boxSecretKey: box.secretKey,
    }
  } finally {
    wipe(signSeed, boxSeed)
  }
}

/** A new identity from the OS random source. */
export function generateIdentity(provider: CryptoProvider = referenceProvider): Identity {
  const seed = randomBytes(IDENTITY_SEED_BYTES)
  try {
    return identityFromSeed(seed, provider)
  } finally {
    wipe(seed)
  }
}

/** Copies of the public halves, safe to hand to other modules or peers. */
export function publicIdentity(identity: PublicIdentity): PublicIdentity {
  return { signPublicKey: Uint8Array.from(identity.signPublicKey), boxPublicKey: Uint8Array.from(identity.boxPublicKey) }
}

/** Zeroes every secret in place; the identity cannot sign or open anything afterwards. */
export function wipeIdentity(identity: Identity): void {
  wipe(identity.seed, identity.signSecretKey, identity.boxSecretKey)
}
