/**
 * A secretbox sealed from a plaintext given piece by piece (issue 19: a group's local checkpoint is
 * every doc's state; sealed this way, each doc's state is encoded, sealed and let go before the
 * next is encoded, so the group's state is never held twice). The bytes are exactly
 * crypto_secretbox's (tweetnacl's): XSalsa20-Poly1305, the Poly1305 key being the first 32 bytes
 * of the keystream and the plaintext XORed with the keystream from byte 32 on; the tag (16 bytes)
 * comes before the ciphertext. test/unit/crypto/secretbox-stream.test.ts compares them.
 *
 * Each piece's ciphertext is a new array; the pieces given are only read.
 *
 * `SecretboxOpenStream` opens such a box piece by piece, in place (a 25 MB checkpoint opened in
 * one call held the event loop 25 ms quiet, 100 ms and more at load): each piece's MAC is taken,
 * then the piece is decrypted where it lies. The plaintext is not to be used before `check` says
 * the tag matches; when it does not, the caller wipes what was opened.
 */
import { errors } from '../errors.ts'
import { SECRETBOX_KEY_BYTES, SECRETBOX_NONCE_BYTES, SECRETBOX_OVERHEAD } from './secretbox.ts'
import { sodium } from './sodium.ts'
import { isWiped } from './wipe.ts'

/** XSalsa20 and Poly1305 states from one key and nonce, the MAC key taken off the keystream's first 32 bytes. */
function begin(key: Uint8Array, nonce: Uint8Array): { stream: Uint8Array; auth: Uint8Array } {
  if (key.length !== SECRETBOX_KEY_BYTES || isWiped(key)) throw errors.CRYPTO_BAD_KEY('refusing to use a missing or wiped key')
  if (nonce.length !== SECRETBOX_NONCE_BYTES) throw errors.INTERNAL('secretbox nonce size')
  const stream = new Uint8Array(sodium.crypto_stream_xor_STATEBYTES)
  const auth = new Uint8Array(sodium.crypto_onetimeauth_STATEBYTES)
  sodium.crypto_stream_xor_init(stream, nonce, key)
  const macKey = new Uint8Array(32)
  sodium.crypto_stream_xor_update(stream, macKey, macKey)
  sodium.crypto_onetimeauth_init(auth, macKey)
  sodium.sodium_memzero(macKey)
  return { stream, auth }
}

function forget(s: { stream: Uint8Array; auth: Uint8Array }): void {
  sodium.crypto_stream_xor_final(s.stream)
  sodium.sodium_memzero(s.stream)
  sodium.sodium_memzero(s.auth)
}

export class SecretboxOpenStream {
  private readonly s: { stream: Uint8Array; auth: Uint8Array }
  private done = false

  constructor(key: Uint8Array, nonce: Uint8Array) {
    this.s = begin(key, nonce)
  }

  /** Opens the next piece of ciphertext in place (its MAC taken first). */
  pull(cipher: Uint8Array): void {
    if (this.done) throw errors.INTERNAL('secretbox stream already ended')
    sodium.crypto_onetimeauth_update(this.s.auth, cipher)
    sodium.crypto_stream_xor_update(this.s.stream, cipher, cipher)
  }

  /** Ends the box: whether `tag` is its tag (everything pulled is then the plaintext). */
  check(tag: Uint8Array): boolean {
    if (this.done) throw errors.INTERNAL('secretbox stream already ended')
    const mine = new Uint8Array(SECRETBOX_OVERHEAD)
    sodium.crypto_onetimeauth_final(this.s.auth, mine)
    this.wipe()
    return tag.length === SECRETBOX_OVERHEAD && sodium.sodium_memcmp(mine, tag)
  }

  wipe(): void {
    if (this.done) return
    this.done = true
    forget(this.s)
  }
}

export class SecretboxStream {
  private readonly s: { stream: Uint8Array; auth: Uint8Array }
  private done = false
  private wiped = false

  constructor(key: Uint8Array, nonce: Uint8Array) {
    this.s = begin(key, nonce)
  }

  /** The ciphertext of the next piece of plaintext. */
  push(plain: Uint8Array): Uint8Array {
    if (this.done) throw errors.INTERNAL('secretbox stream already ended')
    const c = new Uint8Array(plain.length)
    sodium.crypto_stream_xor_update(this.s.stream, c, plain)
    sodium.crypto_onetimeauth_update(this.s.auth, c)
    return c
  }

  /** Ends the box: its tag, to put before the ciphertext. */
  tag(): Uint8Array {
    if (this.done) throw errors.INTERNAL('secretbox stream already ended')
    this.done = true
    const tag = new Uint8Array(SECRETBOX_OVERHEAD)
    sodium.crypto_onetimeauth_final(this.s.auth, tag)
    this.wipe()
    return tag
  }

  /** Forgets the keystream and MAC state (also when a seal is given up half-way). */
  wipe(): void {
    this.done = true
    if (this.wiped) return
    this.wiped = true
    forget(this.s)
  }
}
