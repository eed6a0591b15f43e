/**
 * One interface over the two NaCl implementations Hearth carries. Both must give the same bytes
 * for the same inputs, and test/unit/crypto proves it for keypairs, signatures, secretbox, box
 * and sealed boxes.
 *
 *   referenceProvider (provider-tweetnacl.ts): tweetnacl, small audited pure JS. The default.
 *   fastProvider      (provider-sodium.ts):    libsodium via sodium-native, 20–200× faster on
 *                                              curve operations (docs/benchmarks.md). Bulk paths
 *                                              pass it explicitly; signature verification
 *                                              defaults to it.
 *
 * Contract, identical for both:
 *   - a key, seed or nonce of the wrong length (or not a Uint8Array) throws CRYPTO_BAD_KEY,
 *     and a message or ciphertext that is not a Uint8Array throws INVALID_INPUT;
 *   - sealing to an X25519 key of small order throws CRYPTO_BAD_KEY, because the shared secret
 *     would be zero and anyone could read the box;
 *   - any open that fails (altered, truncated, wrong key, small-order key) returns null;
 *   - verify applies ed25519-rules.ts first, then the curve equation, and only returns a boolean.
 * Secret keys use NaCl layouts: signing 64 bytes (seed || public key), box 32 bytes.
 */
import { errors } from '../errors.ts'

export const SIGN_SEED_BYTES = 32
export const SIGN_PUBLIC_KEY_BYTES = 32
export const SIGN_SECRET_KEY_BYTES = 64
export const SIGNATURE_BYTES = 64
export const BOX_SEED_BYTES = 32
export const BOX_PUBLIC_KEY_BYTES = 32
export const BOX_SECRET_KEY_BYTES = 32
export const SECRETBOX_KEY_BYTES = 32
export const NONCE_BYTES = 24
export const MAC_BYTES = 16
/** ephemeral public key + MAC */
export const SEALED_BOX_OVERHEAD = BOX_PUBLIC_KEY_BYTES + MAC_BYTES

export interface KeyPair {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

export interface CryptoProvider {
  readonly name: 'tweetnacl' | 'sodium'
  /** Ed25519 keypair from a 32-byte seed (RFC 8032 private key). */
  signKeyPairFromSeed(seed: Uint8Array): KeyPair
  /** X25519 keypair from a 32-byte seed, as libsodium's crypto_box_seed_keypair: sk = SHA-512(seed)[0..32]. */
  boxKeyPairFromSeed(seed: Uint8Array): KeyPair
  /** Detached Ed25519 signature, 64 bytes. */
  sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean
  /** XSalsa20-Poly1305; returns MAC(16) || ciphertext. */
  secretboxSeal(plaintext: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array
  secretboxOpen(box: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | null
  /** X25519 + XSalsa20-Poly1305 (crypto_box); returns MAC(16) || ciphertext. */
  boxSeal(plaintext: Uint8Array, nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array
  boxOpen(box: Uint8Array, nonce: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null
  /** libsodium crypto_box_seal layout: ephemeral public key(32) || MAC(16) || ciphertext. */
  sealedBoxSeal(plaintext: Uint8Array, publicKey: Uint8Array): Uint8Array
  sealedBoxOpen(sealed: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null
  sha512(data: Uint8Array): Uint8Array
}

export function requireBytes(value: Uint8Array, length: number, what: string): void {
  if (!(value instanceof Uint8Array) || value.length !== length) {
    throw errors.CRYPTO_BAD_KEY(`${what} must be ${length} bytes`)
  }
}

/** Messages and ciphertexts may have any length, but must be bytes. */
export function requireData(value: Uint8Array, what: string): void {
  if (!(value instanceof Uint8Array)) throw errors.INVALID_INPUT(`${what} must be bytes`)
}
