/**
 * Symmetric sealing: XSalsa20-Poly1305 (NaCl secretbox; tweetnacl unless a provider is passed).
 *
 * Sealed layout (v1, no version byte here: callers put their own format header around it):
 *   nonce (24 bytes, random) || box (plaintext length + 16 bytes)
 *
 * Nonce rule: every seal draws a fresh random 24-byte nonce. At 2^-96 collision odds per pair,
 * random nonces are safe for any number of messages one key will ever see in Hearth, so no
 * counter state has to survive a crash. Key lifetime: one key per purpose (vault master key,
 * group epoch key); rotation is the caller's concern.
 */
import nacl from 'tweetnacl'
import { errors } from '../errors.ts'
import { referenceProvider } from './provider-tweetnacl.ts'
import type { CryptoProvider } from './provider.ts'
import { randomBytes } from './random.ts'
import { isWiped } from './wipe.ts'

export const SECRETBOX_KEY_BYTES = nacl.secretbox.keyLength // 32
export const SECRETBOX_NONCE_BYTES = nacl.secretbox.nonceLength // 24
export const SECRETBOX_OVERHEAD = nacl.secretbox.overheadLength // 16

function checkKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== SECRETBOX_KEY_BYTES) throw errors.CRYPTO_BAD_KEY(`secretbox key must be ${SECRETBOX_KEY_BYTES} bytes`)
}

/** `provider` only changes speed: both give the same bytes (bulk paths pass fastProvider). */
export function sealSecret(key: Uint8Array, plaintext: Uint8Array, provider: CryptoProvider = referenceProvider): Uint8Array {
  checkKey(key)
  if (isWiped(key)) throw errors.CRYPTO_BAD_KEY('refusing to seal under a wiped (all-zero) key')
  const nonce = randomBytes(SECRETBOX_NONCE_BYTES)
  const box = provider.secretboxSeal(plaintext, nonce, key)
  const out = new Uint8Array(SECRETBOX_NONCE_BYTES + box.length)
  out.set(nonce, 0)
  out.set(box, SECRETBOX_NONCE_BYTES)
  return out
}

/** Throws CRYPTO_OPEN_FAILED when the data was altered, truncated, or sealed under another key. */
export function openSecret(key: Uint8Array, sealed: Uint8Array, provider: CryptoProvider = referenceProvider): Uint8Array {
  checkKey(key)
  if (!(sealed instanceof Uint8Array) || sealed.length < SECRETBOX_NONCE_BYTES + SECRETBOX_OVERHEAD) {
    throw errors.CRYPTO_OPEN_FAILED('sealed data is too short')
  }
  const nonce = sealed.subarray(0, SECRETBOX_NONCE_BYTES)
  const box = sealed.subarray(SECRETBOX_NONCE_BYTES)
  const plain = provider.secretboxOpen(box, nonce, key)
  if (!plain) throw errors.CRYPTO_OPEN_FAILED()
  return plain
}
