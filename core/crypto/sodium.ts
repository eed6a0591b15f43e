/**
 * The slice of sodium-native Hearth uses, typed for Uint8Array (the native binding accepts any
 * typed array; its community typings insist on Buffer). Loaded with require because the package
 * is CommonJS with a native addon. Everything here is byte-identical to tweetnacl where both exist;
 * test/unit/crypto proves it.
 */
import { createRequire } from 'node:module'

type Bytes = Uint8Array

export interface Sodium {
  crypto_pwhash_ALG_ARGON2ID13: number
  crypto_pwhash(out: Bytes, passwd: Bytes, salt: Bytes, opslimit: number, memlimit: number, alg: number): void
  crypto_pwhash_async(
    out: Bytes, passwd: Bytes, salt: Bytes, opslimit: number, memlimit: number, alg: number,
    cb: (err: Error | null) => void,
  ): void
  crypto_generichash(out: Bytes, input: Bytes, key?: Bytes): void
  crypto_sign_verify_detached(sig: Bytes, m: Bytes, pk: Bytes): boolean
  crypto_sign_detached(sig: Bytes, m: Bytes, sk: Bytes): void
  crypto_sign_seed_keypair(pk: Bytes, sk: Bytes, seed: Bytes): void
  crypto_secretbox_easy(c: Bytes, m: Bytes, n: Bytes, k: Bytes): void
  crypto_secretbox_open_easy(m: Bytes, c: Bytes, n: Bytes, k: Bytes): boolean
  crypto_box_seed_keypair(pk: Bytes, sk: Bytes, seed: Bytes): void
  crypto_box_easy(c: Bytes, m: Bytes, n: Bytes, pk: Bytes, sk: Bytes): void
  crypto_box_open_easy(m: Bytes, c: Bytes, n: Bytes, pk: Bytes, sk: Bytes): boolean
  crypto_box_seal(c: Bytes, m: Bytes, pk: Bytes): void
  crypto_box_seal_open(m: Bytes, c: Bytes, pk: Bytes, sk: Bytes): boolean
  crypto_scalarmult_base(q: Bytes, n: Bytes): void
  crypto_hash_sha512(out: Bytes, input: Bytes): void
  /** canonical, on the curve, in the prime-order subgroup and not of small order */
  crypto_core_ed25519_is_valid_point(p: Bytes): boolean
  /** XSalsa20 (crypto_stream_xor) given piece by piece; the state carries the keystream's position. */
  crypto_stream_xor_STATEBYTES: number
  crypto_stream_xor_init(state: Bytes, n: Bytes, k: Bytes): void
  crypto_stream_xor_update(state: Bytes, c: Bytes, m: Bytes): void
  crypto_stream_xor_final(state: Bytes): void
  /** Poly1305 given piece by piece. */
  crypto_onetimeauth_STATEBYTES: number
  crypto_onetimeauth_init(state: Bytes, k: Bytes): void
  crypto_onetimeauth_update(state: Bytes, m: Bytes): void
  crypto_onetimeauth_final(state: Bytes, out: Bytes): void
  sodium_memcmp(a: Bytes, b: Bytes): boolean
  sodium_memzero(b: Bytes): void
  randombytes_buf(b: Bytes): void
}

export const sodium = createRequire(import.meta.url)('sodium-native') as Sodium
