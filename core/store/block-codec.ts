/**
 * The block codec: how one entry of a device log is laid out (DESIGN.md §3.2). Format version 1.
 *
 * Block (what the Hypercore stores and replicates; a keeper sees only this):
 *   offset  size  field
 *   0       1     format version (1)
 *   1       4     epoch, u32 LE: which group epoch key sealed the rest
 *   5       24    nonce, random per block
 *   29      n+16  secretbox(plaintext) under the epoch key (XSalsa20-Poly1305)
 *
 * Plaintext, version 1:
 *   0       1     kind: 1 = Yjs update, 2 = governance event, 3 = checkpoint, 4 = tail index
 *   1       1     doc id length d, 1..255
 *   2       d     doc id: ASCII [a-z0-9_.:-] segments joined by "/", see isValidDocId
 *   2+d     rest  payload, at least one byte (no kind has a meaningful empty payload)
 *
 * The payload runs to the end of the plaintext; trailing bytes cannot be slipped in because the
 * whole plaintext is authenticated. The header is not inside the MAC, but it cannot be altered
 * usefully: a changed epoch selects a key that fails to open the box, and Hypercore's signed
 * Merkle tree already rejects any byte changed by someone other than the log's author.
 *
 * Nonce rule: every block draws a fresh random 24-byte nonce (secretbox.ts says why that is safe
 * for any number of blocks under one epoch key). No counter survives a crash, so none can repeat.
 * Key lifetime: one epoch key seals blocks until the group rotates it (§3.3).
 *
 * Size: a whole block is at most MAX_BLOCK_BYTES (1 MiB). That bounds what a hostile peer can
 * make us allocate and decrypt per block before the MAC check, keeps one block from holding a
 * replication stream for seconds on a slow link, keeps a synchronous tweetnacl seal/open near
 * 10 ms on the event loop, and stays far below Hypercore's own 15 MiB refusal. Larger
 * checkpoints are split by their writer.
 *
 * Versioning: a reader refuses any version it does not know (BLOCK_VERSION). A new plaintext
 * field means a new version. A new kind does not when a reader that does not know it loses
 * nothing by skipping it: the layout above is unchanged, and a reader refuses an unknown kind per
 * block (BLOCK_MALFORMED, recorded, nothing applied) and reads on. Kind 4 (tail index,
 * core/group/tail-index.ts, 2026-12-07) is such a kind: it carries no words, only a list that
 * lets a newcomer fetch less. A new version byte instead would make every earlier reader refuse
 * the block just the same, and would tell keepers and sync status nothing they use. Fixtures in
 * test/fixtures/blocks pin version 1.
 */
import { referenceProvider } from '../crypto/provider-tweetnacl.ts'
import type { CryptoProvider } from '../crypto/provider.ts'
import { errors, HearthError } from '../errors.ts'
import { openSecret, sealSecret, SECRETBOX_KEY_BYTES, SECRETBOX_NONCE_BYTES, SECRETBOX_OVERHEAD } from '../crypto/secretbox.ts'
import { wipe } from '../crypto/wipe.ts'

export const BLOCK_FORMAT_VERSION = 1
export const BLOCK_HEADER_BYTES = 1 + 4 + SECRETBOX_NONCE_BYTES // 29
export const MAX_BLOCK_BYTES = 1024 * 1024
export const MAX_DOC_ID_BYTES = 255
export const MAX_EPOCH = 0xffff_ffff
const PLAIN_PREFIX_BYTES = 2
const MIN_BLOCK_BYTES = BLOCK_HEADER_BYTES + SECRETBOX_OVERHEAD + PLAIN_PREFIX_BYTES + 1 + 1

export const BlockKind = { YjsUpdate: 1, Governance: 2, Checkpoint: 3, TailIndex: 4 } as const
export type BlockKind = (typeof BlockKind)[keyof typeof BlockKind]

export interface Block {
  epoch: number
  kind: BlockKind
  docId: string
  payload: Uint8Array
}

export interface BlockHeader {
  version: number
  epoch: number
}

/** The key for an epoch, or undefined when this device does not hold it. */
export type EpochKeyLookup = (epoch: number) => Uint8Array | undefined

/** Payload bytes left for a doc id once the header, MAC and prefix are counted. */
export function maxPayloadBytes(docId: string): number {
  return MAX_BLOCK_BYTES - BLOCK_HEADER_BYTES - SECRETBOX_OVERHEAD - PLAIN_PREFIX_BYTES - docId.length
}

export function encodeBlock(block: Block, key: Uint8Array): Uint8Array {
  const plain = encodePlaintext(block)
  try {
    const sealed = sealSecret(key, plain)
    return withHeader(block.epoch, sealed)
  } finally {
    wipe(plain)
  }
}

/**
 * Fixtures only (scripts/gen-fixtures.ts and the format test). Sealing twice under one key with
 * one nonce breaks secretbox, so nothing in core/ may call this; a unit test enforces that.
 */
export function encodeBlockWithFixedNonceForFixtures(block: Block, key: Uint8Array, nonce: Uint8Array): Uint8Array {
  if (key.length !== SECRETBOX_KEY_BYTES || nonce.length !== SECRETBOX_NONCE_BYTES) throw errors.INTERNAL('fixture key or nonce size')
  const plain = encodePlaintext(block)
  const box = referenceProvider.secretboxSeal(plain, nonce, key)
  wipe(plain)
  const sealed = new Uint8Array(SECRETBOX_NONCE_BYTES + box.length)
  sealed.set(nonce, 0)
  sealed.set(box, SECRETBOX_NONCE_BYTES)
  return withHeader(block.epoch, sealed)
}

/** Reads version and epoch without any key (keepers, sync status). Checks the outer shape only. */
export function peekBlockHeader(bytes: Uint8Array): BlockHeader {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw errors.BLOCK_MALFORMED('empty block')
  const version = bytes[0] as number
  if (version === 0) throw errors.BLOCK_MALFORMED('version 0')
  if (version > BLOCK_FORMAT_VERSION) throw errors.BLOCK_VERSION(`version ${version}`)
  if (bytes.length > MAX_BLOCK_BYTES) throw errors.BLOCK_TOO_LARGE(`${bytes.length} bytes`)
  if (bytes.length < MIN_BLOCK_BYTES) throw errors.BLOCK_MALFORMED(`only ${bytes.length} bytes`)
  const epoch = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1, true)
  return { version, epoch }
}

/** `provider`: bulk readers (catching up a log) pass the fast provider; the bytes are identical. */
export function decodeBlock(bytes: Uint8Array, keyForEpoch: EpochKeyLookup, provider?: CryptoProvider): Block {
  const { epoch } = peekBlockHeader(bytes)
  let key: Uint8Array | undefined
  try {
    key = keyForEpoch(epoch)
  } catch (e) {
    if (e instanceof HearthError) throw e
    throw errors.INTERNAL('epoch key lookup failed', { cause: e })
  }
  if (key === undefined) throw errors.BLOCK_EPOCH_UNKNOWN(`epoch ${epoch}`)
  let plain: Uint8Array
  try {
    plain = openSecret(key, bytes.subarray(1 + 4), provider)
  } catch (e) {
    if (e instanceof HearthError && e.code === 'CRYPTO_OPEN_FAILED') {
      throw errors.BLOCK_MALFORMED(`does not open under the key for epoch ${epoch}`)
    }
    throw e
  }
  try {
    return { epoch, ...decodePlaintext(plain) }
  } catch (e) {
    wipe(plain)
    throw e
  }
}

/**
 * Doc ids are path-like ASCII: one or more segments of [a-z0-9_.:-] joined by "/", no segment
 * empty, "." or "..". One spelling per doc, so a write-permission check on `member/<id>` cannot be
 * dodged with `member/<id>/` or `member//<id>`, and an id can name a file safely if it ever must.
 */
export function isValidDocId(docId: string): boolean {
  if (typeof docId !== 'string') return false
  const bytes = new TextEncoder().encode(docId)
  return bytes.length === docId.length && validDocIdBytes(bytes)
}

function validDocIdBytes(b: Uint8Array): boolean {
  if (b.length < 1 || b.length > MAX_DOC_ID_BYTES) return false
  let segStart = 0
  for (let i = 0; i <= b.length; i++) {
    const c = i < b.length ? (b[i] as number) : 0x2f
    if (c === 0x2f) {
      const len = i - segStart
      if (len === 0) return false
      if (len <= 2 && b.subarray(segStart, i).every((x) => x === 0x2e)) return false
      segStart = i + 1
    } else if (!isDocIdChar(c)) {
      return false
    }
  }
  return true
}

function isDocIdChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f || c === 0x2e || c === 0x3a || c === 0x2d // _ . : -
  )
}

function isKind(k: unknown): k is BlockKind {
  return k === BlockKind.YjsUpdate || k === BlockKind.Governance || k === BlockKind.Checkpoint || k === BlockKind.TailIndex
}

function encodePlaintext(block: Block): Uint8Array {
  const { epoch, kind, docId, payload } = block
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_EPOCH) throw errors.BLOCK_MALFORMED('epoch must be a u32')
  if (!isKind(kind)) throw errors.BLOCK_MALFORMED('unknown kind')
  if (!isValidDocId(docId)) throw errors.BLOCK_MALFORMED('doc id')
  if (!(payload instanceof Uint8Array) || payload.length === 0) throw errors.BLOCK_MALFORMED('empty payload')
  if (payload.length > maxPayloadBytes(docId)) throw errors.BLOCK_TOO_LARGE(`payload of ${payload.length} bytes`)
  const plain = new Uint8Array(PLAIN_PREFIX_BYTES + docId.length + payload.length)
  plain[0] = kind
  plain[1] = docId.length
  for (let i = 0; i < docId.length; i++) plain[PLAIN_PREFIX_BYTES + i] = docId.charCodeAt(i)
  plain.set(payload, PLAIN_PREFIX_BYTES + docId.length)
  return plain
}

function decodePlaintext(plain: Uint8Array): Omit<Block, 'epoch'> {
  if (plain.length < PLAIN_PREFIX_BYTES + 1 + 1) throw errors.BLOCK_MALFORMED('plaintext too short')
  const kind = plain[0]
  if (!isKind(kind)) throw errors.BLOCK_MALFORMED(`unknown kind ${kind}`)
  const idLen = plain[1] as number
  const idEnd = PLAIN_PREFIX_BYTES + idLen
  if (idEnd >= plain.length) throw errors.BLOCK_MALFORMED('doc id overruns the block')
  const idBytes = plain.subarray(PLAIN_PREFIX_BYTES, idEnd)
  if (!validDocIdBytes(idBytes)) throw errors.BLOCK_MALFORMED('doc id')
  // validDocIdBytes allows ASCII only, so latin1 is exact (and several times faster than spreading bytes).
  return { kind, docId: Buffer.from(idBytes.buffer, idBytes.byteOffset, idBytes.byteLength).toString('latin1'), payload: plain.subarray(idEnd) }
}

function withHeader(epoch: number, sealed: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + 4 + sealed.length)
  out[0] = BLOCK_FORMAT_VERSION
  new DataView(out.buffer).setUint32(1, epoch, true)
  out.set(sealed, 1 + 4)
  return out
}
