/**
 * What a Hearth archive's sealed stream holds (archive-container.ts seals it), version 1: a
 * sequence of entries, each `type u8 || length u32 LE || body`, in this order:
 *
 *   1 META      canonical JSON { v: 1, groupId, member, name, exportedAt, logs, blocks }
 *   2 KEYS      identity seed (32) || group secret (32) || count u32 || count × (epoch u32 || key 32)
 *   3 LOG       log key (32) || signer public key (32) || block count u32 || upgrade proof  (one per log)
 *   4 BLOCK     log number u32 (order of the LOG entries) || block proof (core/store/log-proofs.ts)
 *   9 MANIFEST  count u32 || count × BLAKE2b-256 of every entry before it (type, length and body)
 *               || Ed25519 signature (64) by the member identity over
 *               "hearth/archive/v1/manifest\n" || group id (16) || member id (32) || count u32 || hashes
 *
 * BLOCK entries of a log follow its LOG entry, indexes 0 … count−1 in order. The manifest is the
 * last entry; the member id is META's, and KEYS must hold the seed of that identity. A reader
 * checks all of it (readArchive's verify pass) before anything is imported, then reads the file
 * again and requires every entry to hash as the manifest says.
 */
import { concatBytes } from '../bytes.ts'
import type { FileHandle } from 'node:fs/promises'
import { errors } from '../errors.ts'
import { hash } from '../crypto/hash.ts'
import { identityFromSeed, wipeIdentity, type Identity } from '../crypto/identity.ts'
import { sign, verifySignature } from '../crypto/sign.ts'
import { ByteReader, ByteWriter } from '../store/bytes.ts'
import { canonicalBytes } from '../group/canonical-json.ts'
import { ContainerWriter, readContainer } from './archive-container.ts'

export const EntryType = { Meta: 1, Keys: 2, Log: 3, Block: 4, Manifest: 9 } as const
export type EntryType = (typeof EntryType)[keyof typeof EntryType]
const MAX_ENTRY = 4 * 1024 * 1024
const DOMAIN = new TextEncoder().encode('hearth/archive/v1/manifest\n')
const corrupt = (why: string): ReturnType<typeof errors.ARCHIVE_CORRUPT> => errors.ARCHIVE_CORRUPT(why)

export interface ArchiveMeta {
  v: 1
  groupId: string
  member: string
  name: string
  exportedAt: number
  logs: number
  blocks: number
}

export interface ArchiveKeys {
  seed: Uint8Array
  secret: Uint8Array
  epochs: [number, Uint8Array][]
}

export interface Entry {
  type: EntryType
  body: Uint8Array
  hash: Uint8Array
}

function frame(type: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + body.length)
  out[0] = type
  new DataView(out.buffer).setUint32(1, body.length, true)
  out.set(body, 5)
  return out
}

function manifestMessage(groupId: string, member: string, hashes: Uint8Array[]): Uint8Array {
  const w = new ByteWriter().raw(DOMAIN).raw(Buffer.from(groupId, 'hex')).raw(Buffer.from(member, 'hex')).u32(hashes.length)
  for (const h of hashes) w.raw(h)
  return w.done()
}

export function encodeKeys(k: ArchiveKeys): Uint8Array {
  const w = new ByteWriter().raw(k.seed).raw(k.secret).u32(k.epochs.length)
  for (const [n, key] of k.epochs) w.u32(n).raw(key)
  return w.done()
}

export function decodeKeys(b: Uint8Array): ArchiveKeys {
  const r = new ByteReader(b, () => corrupt('the keys entry is malformed'))
  const seed = r.raw(32)
  const secret = r.raw(32)
  const n = r.u32()
  if (n < 1 || n > 100_000) throw corrupt('the keys entry is malformed')
  const epochs: [number, Uint8Array][] = []
  for (let i = 0; i < n; i++) epochs.push([r.u32(), r.raw(32)])
  r.end()
  return { seed, secret, epochs }
}

export function decodeMeta(b: Uint8Array): ArchiveMeta {
  let m: unknown
  try {
    m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(b))
  } catch {
    throw corrupt('the archive description is malformed')
  }
  const o = m as Partial<ArchiveMeta>
  const ok = typeof m === 'object' && m !== null && o.v === 1 && typeof o.groupId === 'string' && /^[0-9a-f]{32}$/.test(o.groupId) &&
    typeof o.member === 'string' && /^[0-9a-f]{64}$/.test(o.member) && typeof o.name === 'string' && Number.isInteger(o.exportedAt) &&
    Number.isInteger(o.logs) && Number.isInteger(o.blocks)
  if (!ok) throw corrupt('the archive description is malformed')
  return o as ArchiveMeta
}

/** Writes entries into a sealed container, hashing each for the manifest. */
export class EntryWriter {
  private readonly hashes: Uint8Array[] = []
  constructor(private readonly out: ContainerWriter) {}

  async entry(type: EntryType, body: Uint8Array): Promise<void> {
    const f = frame(type, body)
    this.hashes.push(hash(f))
    await this.out.write(f)
    // The keys entry holds the identity seed and the group's keys: no copy outlives its sealing.
    if (type === EntryType.Keys) f.fill(0)
  }

  /** Signs the manifest with the member identity and seals the last chunk. */
  async finish(meta: ArchiveMeta, identity: Identity): Promise<void> {
    const sig = sign(manifestMessage(meta.groupId, meta.member, this.hashes), identity.signSecretKey)
    const w = new ByteWriter().u32(this.hashes.length)
    for (const h of this.hashes) w.raw(h)
    await this.out.write(frame(EntryType.Manifest, w.raw(sig).done()))
    await this.out.finish()
  }
}

export const metaBytes = (m: ArchiveMeta): Uint8Array => canonicalBytes(m)

/** Entries in file order, each framed and hashed; the manifest comes out as the last entry. */
export async function* readEntries(fh: FileHandle, passphrase: string): AsyncGenerator<Entry> {
  let pending: Uint8Array = new Uint8Array(0)
  for await (const data of readContainer(fh, passphrase)) {
    const joined = pending.length ? concatBytes([pending, data]) : data.slice()
    pending.fill(0)
    pending = joined
    let o = 0
    while (pending.length - o >= 5) {
      const len = new DataView(pending.buffer, pending.byteOffset + o).getUint32(1, true)
      if (len > MAX_ENTRY) throw corrupt('an entry is too large')
      if (pending.length - o < 5 + len) break
      const f = pending.subarray(o, o + 5 + len)
      yield { type: f[0] as EntryType, body: f.slice(5), hash: hash(f) }
      o += 5 + len
    }
    const rest = pending.slice(o)
    pending.fill(0)
    pending = rest
  }
  if (pending.length) throw corrupt('the archive ends inside an entry')
}

export interface VerifiedArchive {
  meta: ArchiveMeta
  keys: ArchiveKeys
  /** Entry hashes in order, as the signed manifest lists them. */
  hashes: Uint8Array[]
  logs: { key: string; count: number }[]
}

/**
 * The verify pass: reads the whole archive, checks the order and shape of every entry, that the
 * manifest lists exactly these entries and that the member signed it. Nothing is imported here.
 */
export async function verifyArchive(fh: FileHandle, passphrase: string, onEntry?: (n: number) => void): Promise<VerifiedArchive> {
  let meta: ArchiveMeta | null = null
  let keys: ArchiveKeys | null = null
  const hashes: Uint8Array[] = []
  const logs: { key: string; count: number; seen: number }[] = []
  let manifest: Uint8Array | null = null
  for await (const e of readEntries(fh, passphrase)) {
    if (manifest) throw corrupt('entries follow the manifest')
    const n = hashes.length
    if (e.type === EntryType.Manifest) {
      manifest = e.body
      continue
    }
    hashes.push(e.hash)
    onEntry?.(hashes.length)
    if (n === 0) {
      if (e.type !== EntryType.Meta) throw corrupt('the archive does not start with its description')
      meta = decodeMeta(e.body)
    } else if (n === 1) {
      if (e.type !== EntryType.Keys) throw corrupt('the keys are missing')
      keys = decodeKeys(e.body)
      e.body.fill(0)
    } else if (e.type === EntryType.Log) {
      const last = logs.at(-1)
      if (last && last.seen !== last.count) throw corrupt('a log is missing blocks')
      if (e.body.length < 68) throw corrupt('a log entry is malformed')
      const key = Buffer.from(e.body.subarray(0, 32)).toString('hex')
      if (logs.some((l) => l.key === key)) throw corrupt('a log appears twice')
      logs.push({ key, count: new DataView(e.body.buffer, e.body.byteOffset + 64).getUint32(0, true), seen: 0 })
    } else if (e.type === EntryType.Block) {
      const last = logs.at(-1)
      if (!last || e.body.length < 12) throw corrupt('a block entry is out of place')
      const dv = new DataView(e.body.buffer, e.body.byteOffset)
      if (dv.getUint32(0, true) !== logs.length - 1 || dv.getUint32(8, true) !== last.seen) throw corrupt('a block is out of order')
      if (++last.seen > last.count) throw corrupt('a log has more blocks than it says')
    } else {
      throw corrupt('an entry of an unknown kind')
    }
  }
  if (!manifest || !meta || !keys) throw errors.ARCHIVE_TRUNCATED('the archive has no manifest')
  const last = logs.at(-1)
  if (last && last.seen !== last.count) throw corrupt('a log is missing blocks')
  if (logs.length !== meta.logs) throw corrupt('logs are missing')
  checkManifest(manifest, meta, keys, hashes)
  return { meta, keys, hashes, logs: logs.map(({ key, count }) => ({ key, count })) }
}

function checkManifest(body: Uint8Array, meta: ArchiveMeta, keys: ArchiveKeys, hashes: Uint8Array[]): void {
  const r = new ByteReader(body, () => corrupt('the manifest is malformed'))
  const n = r.u32()
  if (n !== hashes.length) throw corrupt('the manifest does not list these entries')
  const listed: Uint8Array[] = []
  for (let i = 0; i < n; i++) listed.push(r.raw(32))
  const sig = r.raw(64)
  r.end()
  if (listed.some((h, i) => !Buffer.from(h).equals(Buffer.from(hashes[i] as Uint8Array)))) throw corrupt('an entry does not match the manifest')
  let identity: Identity | null = null
  try {
    identity = identityFromSeed(keys.seed)
    if (Buffer.from(identity.signPublicKey).toString('hex') !== meta.member) throw corrupt('the keys are not the exporting member’s')
  } finally {
    if (identity) wipeIdentity(identity)
  }
  if (!verifySignature(sig, manifestMessage(meta.groupId, meta.member, listed), Buffer.from(meta.member, 'hex'))) {
    throw corrupt('the manifest signature does not verify')
  }
}
