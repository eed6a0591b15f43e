/**
 * Hashing: BLAKE2b (libsodium crypto_generichash via sodium-native). Used for content addresses,
 * file checksums and topic derivation. tweetnacl only has SHA-512, which stays available as
 * `sha512` for places that need the NaCl reference.
 */
import { sodium } from './sodium.ts'
import nacl from 'tweetnacl'

export const HASH_BYTES = 32

export function hash(data: Uint8Array, bytes: number = HASH_BYTES): Uint8Array {
  const out = new Uint8Array(bytes)
  sodium.crypto_generichash(out, data)
  return out
}

/** Keyed BLAKE2b: a MAC or a domain-separated derivation, `key` 16..64 bytes. */
export function keyedHash(key: Uint8Array, data: Uint8Array, bytes: number = HASH_BYTES): Uint8Array {
  const out = new Uint8Array(bytes)
  sodium.crypto_generichash(out, data, key)
  return out
}

export function sha512(data: Uint8Array): Uint8Array {
  return nacl.hash(data)
}

/** Constant-time equality for secrets and MACs. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && sodium.sodium_memcmp(a, b)
}
