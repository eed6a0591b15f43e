/**
 * The envelope of Hearth's small sealed files (the own-log record, local checkpoints):
 *
 *   0   m   magic (ascii, m bytes, one per kind of file)
 *   m   1   version
 *   m+1 …   nonce 24 || secretbox(plaintext) under the file's key
 *
 * Nonce rule: random per write. What the plaintext holds, and which versions are read, is each
 * file's own format; this module only seals and opens. Large files (a group's checkpoint) are
 * sealed piece by piece as their plaintext is made (`sealFileStream`) and may be opened in place
 * (no second copy of their plaintext); the bytes are the same whichever way.
 */
import { fastProvider } from '../crypto/provider-sodium.ts'
import { randomBytes } from '../crypto/random.ts'
import { isWiped } from '../crypto/wipe.ts'
import { errors, HearthError } from '../errors.ts'
import { openSecretInPlace, SECRETBOX_OVERHEAD, sealSecretInPlace } from '../crypto/secretbox.ts'
import { SecretboxOpenStream, SecretboxStream } from '../crypto/secretbox-stream.ts'

const NONCE = 24

export function sealFile(magic: Uint8Array, version: number, plain: Uint8Array, key: Uint8Array): Uint8Array {
  return sealFileParts(magic, version, [plain], key)
}

/**
 * Seals a plaintext given as parts (each doc's state, a writer's chunks) straight into the file's
 * bytes: the parts are copied once, into the one buffer that is then sealed in place, so the
 * file holds the only other copy of them (a local checkpoint is every doc's state at once).
 */
export function sealFileParts(magic: Uint8Array, version: number, parts: readonly Uint8Array[], key: Uint8Array): Uint8Array {
  if (isWiped(key)) throw errors.CRYPTO_BAD_KEY('refusing to seal a file under a wiped (all-zero) key')
  const head = magic.length + 1 + NONCE
  let size = 0
  for (const p of parts) size += p.length
  const out = new Uint8Array(head + SECRETBOX_OVERHEAD + size)
  out.set(magic, 0)
  out[magic.length] = version
  const nonce = randomBytes(NONCE)
  out.set(nonce, magic.length + 1)
  let o = head + SECRETBOX_OVERHEAD
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  try {
    sealSecretInPlace(key, nonce, out.subarray(head))
  } catch (e) {
    out.fill(0) // the plaintext copied in must not outlive a seal that failed
    throw e
  }
  return out
}

/**
 * Seals a plaintext given as pieces read one at a time (a generator may make each as it is asked
 * for) into the file's bytes as pieces: the head (magic, version, nonce, tag), then each piece's
 * ciphertext. A piece is let go once sealed, so a large file never holds its plaintext whole; the
 * bytes, joined, are exactly `sealFileParts`'s. Nothing of the plaintext is written into what is
 * returned; a throw from `parts` ends the seal with nothing returned.
 */
export function sealFileStream(magic: Uint8Array, version: number, parts: Iterable<Uint8Array>, key: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [new Uint8Array(0)]
  out[0] = sealFileTo(magic, version, parts, key, (c) => void out.push(c))
  return out
}

/** The size of a sealed file's head: what goes before the first piece's ciphertext. */
export const sealedHeadSize = (magic: Uint8Array): number => magic.length + 1 + NONCE + SECRETBOX_OVERHEAD

/**
 * `sealFileStream` handing each piece's ciphertext to `put` as it is made (a file being written:
 * nothing of the ciphertext need be held), in order; returns the head, which goes before them
 * (`sealedHeadSize` bytes: it holds the tag, known only at the end). A throw from `parts` or
 * `put` ends the seal; what was put is then not a sealed file.
 */
export function sealFileTo(magic: Uint8Array, version: number, parts: Iterable<Uint8Array>, key: Uint8Array, put: (cipher: Uint8Array) => void): Uint8Array {
  const nonce = randomBytes(NONCE)
  const box = new SecretboxStream(key, nonce)
  try {
    for (const p of parts) put(box.push(p))
    const head = new Uint8Array(sealedHeadSize(magic))
    head.set(magic, 0)
    head[magic.length] = version
    head.set(nonce, magic.length + 1)
    head.set(box.tag(), magic.length + 1 + NONCE)
    return head
  } finally {
    box.wipe()
  }
}

/**
 * The version and plaintext of a file `key` sealed; 'unreadable' when it is not this kind of file
 * or its version is not in `versions`, 'closed' when it does not open with `key`. The caller
 * turns each into its own coded error. `inPlace`: the plaintext is opened where the ciphertext
 * lay, a view of `bytes` (which the caller owns and reads no more), instead of into a copy.
 */
export function openSealedFile(bytes: Uint8Array, magic: Uint8Array, versions: readonly number[], key: Uint8Array, inPlace = false): { version: number; plain: Uint8Array } | 'unreadable' | 'closed' {
  const head = magic.length + 1 + NONCE
  const version = bytes[magic.length]
  if (bytes.length < head || !magic.every((b, i) => bytes[i] === b) || version === undefined || !versions.includes(version)) return 'unreadable'
  const nonce = bytes.subarray(magic.length + 1, head)
  if (inPlace) {
    try {
      return { version, plain: openSecretInPlace(key, nonce, bytes.subarray(head)) }
    } catch (e) {
      if (e instanceof HearthError && e.code === 'CRYPTO_OPEN_FAILED') return 'closed'
      throw e
    }
  }
  const plain = fastProvider.secretboxOpen(bytes.subarray(head), nonce, key)
  if (!plain) return 'closed'
  return { version, plain }
}

/**
 * `openSealedFile` in place, a slice of `slice` bytes per macrotask (`turn` waits for the next):
 * a large file (a group's checkpoint) opened in one call held the event loop for all of it. Each
 * slice takes its MAC and decrypts where it lies; the plaintext is returned only once the tag
 * matches, and what was opened is wiped when it does not.
 */
export async function openSealedFileInSlices(bytes: Uint8Array, magic: Uint8Array, versions: readonly number[], key: Uint8Array, slice: number, turn: () => Promise<void>): Promise<{ version: number; plain: Uint8Array } | 'unreadable' | 'closed'> {
  const head = magic.length + 1 + NONCE
  const version = bytes[magic.length]
  if (bytes.length < head || !magic.every((b, i) => bytes[i] === b) || version === undefined || !versions.includes(version)) return 'unreadable'
  if (bytes.length < head + SECRETBOX_OVERHEAD) return 'closed'
  const tag = bytes.slice(head, head + SECRETBOX_OVERHEAD)
  const plain = bytes.subarray(head + SECRETBOX_OVERHEAD)
  const box = new SecretboxOpenStream(key, bytes.slice(magic.length + 1, head))
  try {
    for (let o = 0; o < plain.length; o += slice) {
      if (o > 0) await turn()
      box.pull(plain.subarray(o, o + slice))
    }
    if (box.check(tag)) return { version, plain }
    plain.fill(0)
    return 'closed'
  } finally {
    box.wipe()
  }
}

