/**
 * The sealed container of a Hearth archive (`.hearth` file), version 1: a plain header, then the
 * archive's plaintext stream cut into fixed-size chunks, each sealed on its own. What the stream
 * holds (entries, manifest) is archive-entries.ts.
 *
 * Header (88 bytes):
 *   0   magic      8   "HEARTHAR"
 *   8   version    1   1
 *   9   reserved   3   zero
 *   12  opslimit   u32 LE   argon2id passes
 *   16  memlimit   u32 LE   argon2id memory, bytes (8 MiB – 1 GiB, checked before deriving)
 *   20  salt       16  random
 *   36  fileId     16  random: the first 16 bytes of every chunk nonce
 *   52  chunkSize  u32 LE   plaintext data bytes per chunk (4 KiB – 1 MiB)
 *   56  keyCheck   16  BLAKE2b-128 keyed by the archive key over "hearth/archive/v1/key-check" || bytes 0–55
 *   72  headerSum  16  BLAKE2b-128 of bytes 0–71: damage anywhere in the header is told apart
 *                      from a wrong passphrase (an intact header whose keyCheck fails)
 *
 * archiveKey = argon2id(passphrase NFC, salt, opslimit, memlimit), 32 bytes
 * chunkKey   = BLAKE2b-256 keyed by archiveKey over "hearth/archive/v1/chunks" || bytes 0–87
 *              (so a chunk cannot be moved under another header)
 *
 * Chunks follow the header back to back, every one the same size: 1 + 4 + chunkSize + 16 bytes.
 *   chunk i = secretbox(chunkKey, nonce = fileId || u64 LE i, plaintext = final(1) || used(u32 LE) || data(chunkSize))
 *   final is 1 on the last chunk only; used is how many data bytes count (the rest is zero padding).
 * Nonce rule: the nonce is derived from the chunk counter under a key used for this one file only
 * (fresh salt and fileId per export), so no nonce repeats under a key. Moving, swapping or
 * dropping a chunk fails its MAC; a file that ends before a final chunk is truncated; bytes after
 * the final chunk are damage.
 *
 * Errors: ARCHIVE_VERSION (magic right, version not 1: checked first), ARCHIVE_CORRUPT (anything
 * damaged), ARCHIVE_TRUNCATED, ARCHIVE_PASSPHRASE (an intact header whose key check fails).
 */
import { concatBytes } from '../bytes.ts'
import type { FileHandle } from 'node:fs/promises'
import { errors } from '../errors.ts'
import { equalBytes, hash, keyedHash } from '../crypto/hash.ts'
import { deriveKey, KDF_DEFAULTS, KDF_LIMITS, type KdfParams } from '../crypto/kdf.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { randomBytes } from '../crypto/random.ts'
import { isWiped, wipe } from '../crypto/wipe.ts'

export const ARCHIVE_VERSION = 1
export const ARCHIVE_MAGIC = new TextEncoder().encode('HEARTHAR')
export const ARCHIVE_HEADER_BYTES = 88
export const DEFAULT_CHUNK_SIZE = 64 * 1024
const MIN_CHUNK = 4 * 1024
const MAX_CHUNK = 1024 * 1024
const MAC = 16
const ENC = new TextEncoder()

export const sealedChunkBytes = (chunkSize: number): number => 1 + 4 + chunkSize + MAC

export interface ArchiveHeader {
  kdf: KdfParams
  salt: Uint8Array
  fileId: Uint8Array
  chunkSize: number
}

function headerBytes(h: ArchiveHeader): Uint8Array {
  const b = new Uint8Array(ARCHIVE_HEADER_BYTES)
  const dv = new DataView(b.buffer)
  b.set(ARCHIVE_MAGIC, 0)
  b[8] = ARCHIVE_VERSION
  dv.setUint32(12, h.kdf.opslimit, true)
  dv.setUint32(16, h.kdf.memlimit, true)
  b.set(h.salt, 20)
  b.set(h.fileId, 36)
  dv.setUint32(52, h.chunkSize, true)
  return b
}

function keyCheck(key: Uint8Array, header: Uint8Array): Uint8Array {
  return keyedHash(key, concatBytes([ENC.encode('hearth/archive/v1/key-check'), header.subarray(0, 56)]), 16)
}

function chunkKey(key: Uint8Array, header: Uint8Array): Uint8Array {
  return keyedHash(key, concatBytes([ENC.encode('hearth/archive/v1/chunks'), header]))
}

function nonceFor(fileId: Uint8Array, i: number): Uint8Array {
  const n = new Uint8Array(24)
  n.set(fileId, 0)
  new DataView(n.buffer).setBigUint64(16, BigInt(i), true)
  return n
}

/** Parses a header without any key: version first, then its own checksum, then the limits. */
export function parseHeader(b: Uint8Array): ArchiveHeader {
  if (b.length < 9) throw errors.ARCHIVE_TRUNCATED('the header is cut short')
  if (!equalBytes(b.subarray(0, 8), ARCHIVE_MAGIC)) throw errors.ARCHIVE_CORRUPT('this is not a Hearth archive')
  if (b[8] !== ARCHIVE_VERSION) throw errors.ARCHIVE_VERSION()
  if (b.length < ARCHIVE_HEADER_BYTES) throw errors.ARCHIVE_TRUNCATED('the header is cut short')
  if (!equalBytes(hash(b.subarray(0, 72), 16), b.subarray(72, 88))) throw errors.ARCHIVE_CORRUPT('the header is damaged')
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength)
  const kdf = { opslimit: dv.getUint32(12, true), memlimit: dv.getUint32(16, true) }
  const chunkSize = dv.getUint32(52, true)
  const kdfOk = kdf.opslimit >= KDF_LIMITS.opslimit.min && kdf.opslimit <= KDF_LIMITS.opslimit.max && kdf.memlimit >= KDF_LIMITS.memlimit.min && kdf.memlimit <= KDF_LIMITS.memlimit.max
  if (!kdfOk || b[9] !== 0 || b[10] !== 0 || b[11] !== 0 || chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) throw errors.ARCHIVE_CORRUPT('the header is out of range')
  return { kdf, salt: b.slice(20, 36), fileId: b.slice(36, 52), chunkSize }
}

/** Writes the sealed stream to an open file; plaintext goes in with write(), finish() seals the last chunk. */
export class ContainerWriter {
  private buf: Uint8Array
  private used = 0
  private counter = 0
  private pending: Promise<unknown> = Promise.resolve()
  bytesWritten = 0

  private constructor(private readonly fh: FileHandle, private readonly key: Uint8Array, private readonly h: ArchiveHeader) {
    this.buf = new Uint8Array(h.chunkSize)
  }

  static async create(fh: FileHandle, passphrase: string, opts: { kdf?: KdfParams; chunkSize?: number } = {}): Promise<ContainerWriter> {
    const h: ArchiveHeader = { kdf: opts.kdf ?? KDF_DEFAULTS, salt: randomBytes(16), fileId: randomBytes(16), chunkSize: opts.chunkSize ?? DEFAULT_CHUNK_SIZE }
    const key = await deriveKey(passphrase, h.salt, h.kdf)
    const header = headerBytes(h)
    header.set(keyCheck(key, header), 56)
    header.set(hash(header.subarray(0, 72), 16), 72)
    const ck = chunkKey(key, header)
    wipe(key)
    const w = new ContainerWriter(fh, ck, h)
    await w.out(header)
    return w
  }

  private out(b: Uint8Array): Promise<unknown> {
    this.bytesWritten += b.length
    this.pending = this.pending.then(() => this.fh.write(b))
    return this.pending
  }

  async write(data: Uint8Array): Promise<void> {
    let o = 0
    while (o < data.length) {
      const n = Math.min(data.length - o, this.buf.length - this.used)
      this.buf.set(data.subarray(o, o + n), this.used)
      this.used += n
      o += n
      if (this.used === this.buf.length) await this.seal(false)
    }
  }

  private async seal(final: boolean): Promise<void> {
    if (isWiped(this.key)) throw errors.CRYPTO_BAD_KEY('refusing to seal an archive under a wiped (all-zero) key')
    const plain = new Uint8Array(5 + this.h.chunkSize)
    plain[0] = final ? 1 : 0
    new DataView(plain.buffer).setUint32(1, this.used, true)
    plain.set(this.buf.subarray(0, this.used), 5)
    const sealed = fastProvider.secretboxSeal(plain, nonceFor(this.h.fileId, this.counter++), this.key)
    plain.fill(0)
    this.buf.fill(0)
    this.used = 0
    await this.out(sealed)
  }

  async finish(): Promise<void> {
    await this.seal(true)
    await this.pending
    wipe(this.key)
  }

  /** Drops the key without sealing more (cancel, failure). */
  abort(): void {
    wipe(this.key)
  }
}

/**
 * Reads and opens every chunk of an archive file, yielding the plaintext data in order. Throws
 * the container's coded errors; a consumer sees data only from chunks that authenticated.
 */
export async function* readContainer(fh: FileHandle, passphrase: string): AsyncGenerator<Uint8Array> {
  const size = (await fh.stat()).size
  const head = new Uint8Array(Math.min(size, ARCHIVE_HEADER_BYTES))
  await fh.read(head, 0, head.length, 0)
  const h = parseHeader(head)
  const key = await deriveKey(passphrase, h.salt, h.kdf)
  const right = equalBytes(keyCheck(key, head), head.subarray(56, 72))
  const ck = chunkKey(key, head)
  wipe(key)
  if (!right) {
    wipe(ck)
    throw errors.ARCHIVE_PASSPHRASE()
  }
  const sealedSize = sealedChunkBytes(h.chunkSize)
  const body = size - ARCHIVE_HEADER_BYTES
  const whole = Math.floor(body / sealedSize)
  const buf = new Uint8Array(sealedSize)
  try {
    for (let i = 0; i < whole; i++) {
      await fh.read(buf, 0, sealedSize, ARCHIVE_HEADER_BYTES + i * sealedSize)
      const plain = fastProvider.secretboxOpen(buf, nonceFor(h.fileId, i), ck)
      if (!plain) throw errors.ARCHIVE_CORRUPT(`chunk ${i} is damaged or out of place`)
      const used = new DataView(plain.buffer, plain.byteOffset).getUint32(1, true)
      if (used > h.chunkSize || (plain[0] !== 0 && plain[0] !== 1)) throw errors.ARCHIVE_CORRUPT(`chunk ${i} is malformed`)
      const final = plain[0] === 1
      yield plain.subarray(5, 5 + used)
      // The consumer took what it needed: the plaintext (keys among it) does not linger here.
      plain.fill(0)
      if (final) {
        if (i !== whole - 1 || body % sealedSize !== 0) throw errors.ARCHIVE_CORRUPT('there are bytes after the end of the archive')
        return
      }
    }
    throw errors.ARCHIVE_TRUNCATED()
  } finally {
    wipe(ck)
  }
}
