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
import { sodium } from './sodium.ts'

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

/**
 * Seals in place, for large files (a group's local checkpoint holds every doc's state): `buf` is
 * SECRETBOX_OVERHEAD free bytes, then the plaintext; afterwards it holds the box, the same bytes
 * `sealSecret` puts after its nonce. No second copy of the plaintext is made, and none is left:
 * libsodium encrypts where the plaintext lies (the ciphertext starts exactly where it did).
 */
export function sealSecretInPlace(key: Uint8Array, nonce: Uint8Array, buf: Uint8Array): void {
  checkKey(key)
  if (isWiped(key)) throw errors.CRYPTO_BAD_KEY('refusing to seal under a wiped (all-zero) key')
  if (!(nonce instanceof Uint8Array) || nonce.length !== SECRETBOX_NONCE_BYTES) throw errors.INTERNAL('secretbox nonce size')
  if (!(buf instanceof Uint8Array) || buf.length < SECRETBOX_OVERHEAD) throw errors.INTERNAL('no room for the secretbox tag')
  sodium.crypto_secretbox_easy(buf, buf.subarray(SECRETBOX_OVERHEAD), nonce, key)
}

/**
 * Opens in place: `box` (tag, then ciphertext) becomes tag, then plaintext, returned as a view of
 * `box`. The caller must own `box` and not read it as ciphertext again. Throws CRYPTO_OPEN_FAILED,
 * leaving `box` as it was (libsodium checks the tag before it decrypts).
 */
export function openSecretInPlace(key: Uint8Array, nonce: Uint8Array, box: Uint8Array): Uint8Array {
  checkKey(key)
  if (!(box instanceof Uint8Array) || box.length < SECRETBOX_OVERHEAD || nonce.length !== SECRETBOX_NONCE_BYTES) throw errors.CRYPTO_OPEN_FAILED('sealed data is too short')
  const plain = box.subarray(SECRETBOX_OVERHEAD)
  if (!sodium.crypto_secretbox_open_easy(plain, box, nonce, key)) throw errors.CRYPTO_OPEN_FAILED()
  return plain
}
