/**
 * Authenticated public-key encryption between two known identities (NaCl crypto_box:
 * X25519 + XSalsa20-Poly1305): the recipient learns the message came from the sender's box key.
 * For lockboxes, where the sender should stay anonymous, use sealedbox.ts.
 *
 * Layout (no version byte: callers frame it in their own versioned format):
 *   nonce (24 bytes, random) || MAC (16) || ciphertext (plaintext length)
 *
 * Nonce rule: a fresh random nonce per message. Both directions between a pair of keys share one
 * crypto_box key, so a counter would need coordinated state; 24 random bytes make a repeat
 * negligible instead. Key lifetime: box keys are the long-term identity box keys; the shared key
 * is derived per call and wiped.
 *
 * Keys from peers pass admitBoxPublicKey when first admitted. Sealing to a small-order key throws
 * CRYPTO_BAD_KEY even without that step.
 */
import nacl from 'tweetnacl'
import { errors } from '../errors.ts'
import { referenceProvider } from './provider-tweetnacl.ts'
import { BOX_PUBLIC_KEY_BYTES, MAC_BYTES, NONCE_BYTES, requireBytes, type CryptoProvider } from './provider.ts'
import { randomBytes } from './random.ts'

export { BOX_PUBLIC_KEY_BYTES, BOX_SECRET_KEY_BYTES } from './provider.ts'
export const BOX_OVERHEAD = NONCE_BYTES + MAC_BYTES

/** p = 2^255 - 19, little-endian: X25519 coordinates must be below it to have one spelling. */
const P = Uint8Array.from(Buffer.from('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 'hex'))

/** Any clamped scalar works: it is a multiple of 8, so it sends exactly the small-order points to zero. */
const PROBE_SCALAR = new Uint8Array(32).fill(0x5a)

export function sealBox(
  plaintext: Uint8Array, recipientPublicKey: Uint8Array, senderSecretKey: Uint8Array,
  provider: CryptoProvider = referenceProvider,
): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES)
  const box = provider.boxSeal(plaintext, nonce, recipientPublicKey, senderSecretKey)
  const sealed = new Uint8Array(NONCE_BYTES + box.length)
  sealed.set(nonce, 0)
  sealed.set(box, NONCE_BYTES)
  return sealed
}

/** Throws CRYPTO_OPEN_FAILED when the data was altered, truncated, or not from that sender to this key. */
export function openBox(
  sealed: Uint8Array, senderPublicKey: Uint8Array, recipientSecretKey: Uint8Array,
  provider: CryptoProvider = referenceProvider,
): Uint8Array {
  if (!(sealed instanceof Uint8Array) || sealed.length < BOX_OVERHEAD) {
    throw errors.CRYPTO_OPEN_FAILED('box is too short')
  }
  const plain = provider.boxOpen(sealed.subarray(NONCE_BYTES), sealed.subarray(0, NONCE_BYTES), senderPublicKey, recipientSecretKey)
  if (!plain) throw errors.CRYPTO_OPEN_FAILED()
  return plain
}

/**
 * Throws CRYPTO_BAD_KEY unless the key is 32 bytes, canonical (top bit clear, below p) and not of
 * small order. Honest keys (from boxKeyPairFromSeed or nacl.box.keyPair) always pass.
 */
export function admitBoxPublicKey(publicKey: Uint8Array): void {
  requireBytes(publicKey, BOX_PUBLIC_KEY_BYTES, 'box public key')
  if (!belowP(publicKey)) throw errors.CRYPTO_BAD_KEY('box public key: non-canonical')
  const probe = nacl.scalarMult(PROBE_SCALAR, publicKey)
  if (probe.every((b) => b === 0)) throw errors.CRYPTO_BAD_KEY('box public key: small order')
}

function belowP(u: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    if (u[i] !== P[i]) return (u[i] as number) < (P[i] as number)
  }
  return false
}
