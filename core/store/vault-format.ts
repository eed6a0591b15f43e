/**
 * The vault file: `<profile>/vault.hearth`. Format version 1.
 *
 *   offset  size  field
 *   0       8     magic "HEARTHVT"
 *   8       1     format version (1)
 *   9       1     KDF algorithm (1 = argon2id v1.3)
 *   10      2     reserved, zero
 *   12      4     argon2id opslimit, u32 LE
 *   16      4     argon2id memlimit in bytes, u32 LE
 *   20      16    salt
 *   36      72    wrapped master key: secretbox(master key) under the passphrase key (nonce 24 || 32 + 16)
 *   108     4     body length n, u32 LE
 *   112     n     body: secretbox(entries) under the master key (nonce 24 || ciphertext)
 *   112+n   32    checksum: BLAKE2b-256 of bytes [0, 112+n)
 *
 * Body plaintext (entries), version 1:
 *   u32 count, then per entry: u16 name length, name (UTF-8), u32 value length, value
 *
 * Why two keys: the master key is random and never changes, so other profile files can be sealed
 * under subkeys of it, and changing the passphrase rewrites only the 72-byte wrapper.
 *
 * Why a checksum when secretbox already authenticates: it tells damage apart from a wrong
 * passphrase. A file whose checksum fails is VAULT_CORRUPT; only a file that is intact but will
 * not open under the passphrase key is WRONG_PASSPHRASE. The checksum is not a security control.
 */
import { errors } from '../errors.ts'
import { equalBytes, hash } from '../crypto/hash.ts'
import type { KdfParams } from '../crypto/kdf.ts'
import { KDF_SALT_BYTES } from '../crypto/kdf.ts'
import { SECRETBOX_NONCE_BYTES, SECRETBOX_OVERHEAD } from '../crypto/secretbox.ts'

export const VAULT_MAGIC = new TextEncoder().encode('HEARTHVT')
export const VAULT_VERSION = 1
export const KDF_ARGON2ID13 = 1
const MASTER_KEY_BYTES = 32
const WRAPPED_BYTES = SECRETBOX_NONCE_BYTES + MASTER_KEY_BYTES + SECRETBOX_OVERHEAD // 72
const HEADER_BYTES = 112
const CHECKSUM_BYTES = 32
/** A vault holds keys and small records; anything near this is damage, not data. */
const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface VaultFile {
  kdf: KdfParams
  salt: Uint8Array
  wrappedKey: Uint8Array
  body: Uint8Array
}

export function encodeVaultFile(v: VaultFile): Uint8Array {
  if (v.salt.length !== KDF_SALT_BYTES || v.wrappedKey.length !== WRAPPED_BYTES) throw errors.INTERNAL('vault fields have the wrong size')
  const out = new Uint8Array(HEADER_BYTES + v.body.length + CHECKSUM_BYTES)
  const dv = new DataView(out.buffer)
  out.set(VAULT_MAGIC, 0)
  out[8] = VAULT_VERSION
  out[9] = KDF_ARGON2ID13
  dv.setUint32(12, v.kdf.opslimit, true)
  dv.setUint32(16, v.kdf.memlimit, true)
  out.set(v.salt, 20)
  out.set(v.wrappedKey, 36)
  dv.setUint32(108, v.body.length, true)
  out.set(v.body, HEADER_BYTES)
  out.set(hash(out.subarray(0, HEADER_BYTES + v.body.length)), HEADER_BYTES + v.body.length)
  return out
}

export function decodeVaultFile(bytes: Uint8Array): VaultFile {
  if (bytes.length < VAULT_MAGIC.length) throw errors.VAULT_TRUNCATED()
  if (!equalBytes(bytes.subarray(0, VAULT_MAGIC.length), VAULT_MAGIC)) throw errors.VAULT_CORRUPT('not a Hearth profile file')
  if (bytes.length < HEADER_BYTES) throw errors.VAULT_TRUNCATED()
  const version = bytes[8] as number
  if (version > VAULT_VERSION) throw errors.VAULT_VERSION(`file version ${version}, this Hearth reads up to ${VAULT_VERSION}`)
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const n = dv.getUint32(108, true)
  if (n > MAX_BODY_BYTES) throw errors.VAULT_CORRUPT('impossible body length')
  const total = HEADER_BYTES + n + CHECKSUM_BYTES
  if (bytes.length < total) throw errors.VAULT_TRUNCATED()
  if (bytes.length > total) throw errors.VAULT_CORRUPT('unexpected bytes after the end')
  const sum = hash(bytes.subarray(0, HEADER_BYTES + n))
  if (!equalBytes(sum, bytes.subarray(HEADER_BYTES + n))) throw errors.VAULT_CORRUPT('checksum mismatch')
  if (version !== VAULT_VERSION || bytes[9] !== KDF_ARGON2ID13 || bytes[10] !== 0 || bytes[11] !== 0) {
    throw errors.VAULT_CORRUPT('unknown header fields')
  }
  return {
    kdf: { opslimit: dv.getUint32(12, true), memlimit: dv.getUint32(16, true) },
    salt: bytes.slice(20, 36),
    wrappedKey: bytes.slice(36, 108),
    body: bytes.slice(HEADER_BYTES, HEADER_BYTES + n),
  }
}

const MAX_NAME_BYTES = 0xffff

export function encodeEntries(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const enc = new TextEncoder()
  const parts: Uint8Array[] = []
  let size = 4
  for (const [name, value] of entries) {
    const nb = enc.encode(name)
    if (nb.length > MAX_NAME_BYTES) throw errors.INVALID_INPUT('vault entry name is too long')
    parts.push(nb, value)
    size += 2 + nb.length + 4 + value.length
  }
  const out = new Uint8Array(size)
  const dv = new DataView(out.buffer)
  dv.setUint32(0, entries.size, true)
  let o = 4
  for (let i = 0; i < parts.length; i += 2) {
    const nb = parts[i] as Uint8Array
    const value = parts[i + 1] as Uint8Array
    dv.setUint16(o, nb.length, true)
    out.set(nb, o + 2)
    o += 2 + nb.length
    dv.setUint32(o, value.length, true)
    out.set(value, o + 4)
    o += 4 + value.length
  }
  return out
}

/** Values are copies, so the caller may wipe `plain` afterwards. */
export function decodeEntries(plain: Uint8Array): Map<string, Uint8Array> {
  const bad = (): never => { throw errors.VAULT_CORRUPT('entry table is malformed') }
  const dv = new DataView(plain.buffer, plain.byteOffset, plain.byteLength)
  const dec = new TextDecoder('utf-8', { fatal: true })
  if (plain.length < 4) bad()
  const count = dv.getUint32(0, true)
  const entries = new Map<string, Uint8Array>()
  let o = 4
  for (let i = 0; i < count; i++) {
    if (o + 2 > plain.length) bad()
    const nl = dv.getUint16(o, true)
    if (o + 2 + nl + 4 > plain.length) bad()
    const name = dec.decode(plain.subarray(o + 2, o + 2 + nl))
    o += 2 + nl
    const vl = dv.getUint32(o, true)
    if (o + 4 + vl > plain.length) bad()
    entries.set(name, plain.slice(o + 4, o + 4 + vl))
    o += 4 + vl
  }
  if (o !== plain.length) bad()
  return entries
}
