/**
 * The envelope of Hearth's small sealed files (the own-log record, local checkpoints):
 *
 *   0   m   magic (ascii, m bytes, one per kind of file)
 *   m   1   version
 *   m+1 …   nonce 24 || secretbox(plaintext) under the file's key
 *
 * Nonce rule: random per write. What the plaintext holds, and which versions are read, is each
 * file's own format; this module only seals and opens.
 */
import { fastProvider } from '../crypto/provider-sodium.ts'
import { randomBytes } from '../crypto/random.ts'
import { isWiped } from '../crypto/wipe.ts'
import { errors } from '../errors.ts'

const NONCE = 24

export function sealFile(magic: Uint8Array, version: number, plain: Uint8Array, key: Uint8Array): Uint8Array {
  if (isWiped(key)) throw errors.CRYPTO_BAD_KEY('refusing to seal a file under a wiped (all-zero) key')
  const nonce = randomBytes(NONCE)
  const box = fastProvider.secretboxSeal(plain, nonce, key)
  const out = new Uint8Array(magic.length + 1 + NONCE + box.length)
  out.set(magic, 0)
  out[magic.length] = version
  out.set(nonce, magic.length + 1)
  out.set(box, magic.length + 1 + NONCE)
  return out
}

/**
 * The version and plaintext of a file `key` sealed; 'unreadable' when it is not this kind of file
 * or its version is not in `versions`, 'closed' when it does not open with `key`. The caller
 * turns each into its own coded error.
 */
export function openSealedFile(bytes: Uint8Array, magic: Uint8Array, versions: readonly number[], key: Uint8Array): { version: number; plain: Uint8Array } | 'unreadable' | 'closed' {
  const head = magic.length + 1 + NONCE
  const version = bytes[magic.length]
  if (bytes.length < head || !magic.every((b, i) => bytes[i] === b) || version === undefined || !versions.includes(version)) return 'unreadable'
  const plain = fastProvider.secretboxOpen(bytes.subarray(head), bytes.subarray(magic.length + 1, head), key)
  if (!plain) return 'closed'
  return { version, plain }
}
