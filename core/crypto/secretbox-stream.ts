/**
 * A secretbox sealed from a plaintext given piece by piece (issue 19: a group's local checkpoint is
 * every doc's state; sealed this way, each doc's state is encoded, sealed and let go before the
 * next is encoded, so the group's state is never held twice). The bytes are exactly
 * crypto_secretbox's (tweetnacl's): XSalsa20-Poly1305, the Poly1305 key being the first 32 bytes
 * of the keystream and the plaintext XORed with the keystream from byte 32 on; the tag (16 bytes)
 * comes before the ciphertext. test/unit/crypto/secretbox-stream.test.ts compares them.
 *
 * Each piece's ciphertext is a new array; the pieces given are only read.
 */
import { errors } from '../errors.ts'
import { SECRETBOX_KEY_BYTES, SECRETBOX_NONCE_BYTES, SECRETBOX_OVERHEAD } from './secretbox.ts'
import { sodium } from './sodium.ts'
import { isWiped } from './wipe.ts'

export class SecretboxStream {
  private readonly stream = new Uint8Array(sodium.crypto_stream_xor_STATEBYTES)
  private readonly auth = new Uint8Array(sodium.crypto_onetimeauth_STATEBYTES)
  private done = false
  private wiped = false

  constructor(key: Uint8Array, nonce: Uint8Array) {
    if (key.length !== SECRETBOX_KEY_BYTES || isWiped(key)) throw errors.CRYPTO_BAD_KEY('refusing to seal under a missing or wiped key')
    if (nonce.length !== SECRETBOX_NONCE_BYTES) throw errors.INTERNAL('secretbox nonce size')
    sodium.crypto_stream_xor_init(this.stream, nonce, key)
    const macKey = new Uint8Array(32)
    sodium.crypto_stream_xor_update(this.stream, macKey, macKey)
    sodium.crypto_onetimeauth_init(this.auth, macKey)
    sodium.sodium_memzero(macKey)
  }

  /** The ciphertext of the next piece of plaintext. */
  push(plain: Uint8Array): Uint8Array {
    if (this.done) throw errors.INTERNAL('secretbox stream already ended')
    const c = new Uint8Array(plain.length)
    sodium.crypto_stream_xor_update(this.stream, c, plain)
    sodium.crypto_onetimeauth_update(this.auth, c)
    return c
  }

  /** Ends the box: its tag, to put before the ciphertext. */
  tag(): Uint8Array {
    if (this.done) throw errors.INTERNAL('secretbox stream already ended')
    this.done = true
    const tag = new Uint8Array(SECRETBOX_OVERHEAD)
    sodium.crypto_onetimeauth_final(this.auth, tag)
    this.wipe()
    return tag
  }

  /** Forgets the keystream and MAC state (also when a seal is given up half-way). */
  wipe(): void {
    this.done = true
    if (this.wiped) return
    this.wiped = true
    sodium.crypto_stream_xor_final(this.stream)
    sodium.sodium_memzero(this.stream)
    sodium.sodium_memzero(this.auth)
  }
}
