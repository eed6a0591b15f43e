/**
 * Local checkpoints: `<profile>/checkpoints/<groupId>.ckpt`, format version 2 (reads 1 and 2). A checkpoint is a
 * full snapshot of one group's docs as this device accepted them, plus how far each device log
 * was read, so opening a large group loads one file and reads only the tail of each log.
 *
 * File:
 *   0   8   magic "HEARTHCK"
 *   8   1   version (2; 1 is still read)
 *   9   …   secretbox(plaintext) under the profile subkey "checkpoint/<groupId>" (nonce 24 || box)
 *
 * Plaintext:
 *   u32 L, then L × { log key 32, u32 next index }
 *   u32 G, then G × { log key 32, u32 index, u32 length, governance payload }
 *   u32 D, then D × { u8 id length, doc id (ASCII), u32 length, Yjs state update }
 *   version 2 only: u32 S, then S × { log key 32, u32 start } — the latest shared checkpoint
 *   (core/group/shared-checkpoint.ts) read from each log, so a log read sparsely from one can be
 *   read the same way again (a rebuild) and newcomers can be told where to start;
 *   then u32 B, then B × { log key 32, u32 next, u32 end } — logs read from a checkpoint whose
 *   covered blocks [next, end) are still to be read in the background (backfill)
 *
 * It is never replicated: it holds what this device already checked, sealed under a key only this
 * profile has, so loading it skips the write-rule checks safely. A damaged or unreadable
 * checkpoint is ignored and the group is read from its logs (slower, never wrong).
 * Nonce rule: random per write (fast provider's secretbox, byte-identical to tweetnacl's).
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { errors } from '../errors.ts'
import { readFileOrNull, TempFile, writeFileAtomic } from './atomic-file.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import { concatBytes } from '../bytes.ts'
import { openSealedFile, openSealedFileInSlices, sealedHeadSize, sealFileStream, sealFileTo } from './sealed-file.ts'

const MAGIC = new TextEncoder().encode('HEARTHCK')
const VERSION = 2

export interface Checkpoint {
  next: Map<string, number>
  gov: { logKey: string; index: number; payload: Uint8Array }[]
  docs: Map<string, Uint8Array>
  /** Version 2: log key → start of the latest shared checkpoint read from it. */
  shared?: Map<string, number>
  /** Version 2: log key → the covered blocks still to read, [next, end). */
  backfill?: Map<string, { next: number; end: number }>
}

export function checkpointPath(profileDir: string, groupId: string): string {
  return path.join(profileDir, 'checkpoints', `${groupId}.ckpt`)
}

/** Doc states to seal, each read once, in order (a Map, or DocSet.states(), which encodes each as it is read). */
export interface DocStates extends Iterable<readonly [string, Uint8Array]> {
  readonly size: number
}

/** A checkpoint to seal: its doc states may be made one at a time. */
export type CheckpointToSeal = Omit<Checkpoint, 'docs'> & { docs: DocStates }

/**
 * Seals a checkpoint as the file's pieces (sealed-file.ts `sealFileStream`): each doc's state is
 * taken, sealed and let go before the next is taken, so with DocSet.states() the group's state is
 * never held twice (it was: every state, then the file). Joined, the pieces are the file.
 */
export function sealCheckpoint(c: CheckpointToSeal, key: Uint8Array): Uint8Array[] {
  return sealFileStream(MAGIC, VERSION, plaintext(c), key)
}

/** The whole sealed file in one array (sealCheckpoint's pieces joined). */
export function encodeCheckpoint(c: CheckpointToSeal, key: Uint8Array): Uint8Array {
  return concatBytes(sealCheckpoint(c, key))
}

/** The plaintext in the layout above, piece by piece: the head, each doc's id and length then its state, the tail. */
function* plaintext(c: CheckpointToSeal): Generator<Uint8Array> {
  const w = new ByteWriter()
  w.u32(c.next.size)
  for (const [k, n] of c.next) w.hex32(k).u32(n)
  w.u32(c.gov.length)
  for (const g of c.gov) w.hex32(g.logKey).u32(g.index).bytes32(g.payload)
  w.u32(c.docs.size)
  yield w.done()
  let count = 0
  for (const [id, state] of c.docs) {
    yield new ByteWriter().ascii8(id).u32(state.length).done()
    yield state
    count++
  }
  // The count was written first; a doc set that changed while it was read must not seal a lie.
  if (count !== c.docs.size) throw errors.INTERNAL('the docs changed while a checkpoint was sealed')
  const t = new ByteWriter()
  const shared = c.shared ?? new Map<string, number>()
  t.u32(shared.size)
  for (const [k, s] of shared) t.hex32(k).u32(s)
  const backfill = c.backfill ?? new Map<string, { next: number; end: number }>()
  t.u32(backfill.size)
  for (const [k, b] of backfill) t.hex32(k).u32(b.next).u32(b.end)
  yield t.done()
}

/**
 * Throws LOG_CORRUPT for anything but a checkpoint this key sealed. `inPlace`: `bytes` were read
 * for this alone; they are opened where they lie and the doc states are views of them (one copy
 * of the group's state in memory while it is restored, not two).
 */
export function decodeCheckpoint(bytes: Uint8Array, key: Uint8Array, inPlace = false): Checkpoint {
  return parse(openSealedFile(bytes, MAGIC, [1, VERSION], key, inPlace))
}

/** What one slice of an open opens (about 1 ms of sodium on a quiet machine). */
const OPEN_SLICE_BYTES = 1024 * 1024

/** `decodeCheckpoint` in place, opened a slice per macrotask (sealed-file.ts `openSealedFileInSlices`). */
export async function decodeCheckpointInSlices(bytes: Uint8Array, key: Uint8Array): Promise<Checkpoint> {
  return parse(await openSealedFileInSlices(bytes, MAGIC, [1, VERSION], key, OPEN_SLICE_BYTES, nextTurn))
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function parse(opened: ReturnType<typeof openSealedFile>): Checkpoint {
  if (opened === 'unreadable') throw errors.LOG_CORRUPT('not a readable checkpoint')
  if (opened === 'closed') throw errors.LOG_CORRUPT('checkpoint does not open')
  const { version, plain } = opened
  const r = new ByteReader(plain, () => errors.LOG_CORRUPT('checkpoint is malformed'))
  const next = new Map<string, number>()
  for (let i = r.u32(); i > 0; i--) next.set(r.hex32(), r.u32())
  const gov: Checkpoint['gov'] = []
  for (let i = r.u32(); i > 0; i--) gov.push({ logKey: r.hex32(), index: r.u32(), payload: r.bytes32() })
  const docs = new Map<string, Uint8Array>()
  for (let i = r.u32(); i > 0; i--) docs.set(r.ascii8(), r.bytes32())
  const shared = new Map<string, number>()
  const backfill = new Map<string, { next: number; end: number }>()
  if (version === VERSION) {
    for (let i = r.u32(); i > 0; i--) shared.set(r.hex32(), r.u32())
    for (let i = r.u32(); i > 0; i--) backfill.set(r.hex32(), { next: r.u32(), end: r.u32() })
  }
  r.end()
  return { next, gov, docs, shared, backfill }
}

/** Writes still running, per file: a later seal must never be overwritten by an earlier one finishing last. */
const writing = new Map<string, Promise<void>>()

/**
 * Writes an already sealed checkpoint (sealCheckpoint's pieces, or any sealed file) durably, after any write of the same file
 * still running: the file always ends as the last one sealed (core/group/doc-rest.ts relies on it).
 */
export function writeCheckpoint(file: string, sealed: Uint8Array | readonly Uint8Array[]): Promise<void> {
  return inTurn(file, async () => {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
    await writeFileAtomic(file, sealed)
  })
}

/**
 * Seals a checkpoint straight into a temp file beside `file`, now (issue 19): each doc's
 * ciphertext is written and let go as it is made, so the seal holds one doc's state and its
 * ciphertext at a time, never the whole file (25 MB for a group of 100,000 updates, held until
 * the write was durable, on top of the memory of the moment the lock came). The head, which holds
 * the tag, is written last, at the start. The bytes are sealCheckpoint's. What resolves once
 * the file is durable and in place, after any earlier write of it; throws (nothing left behind)
 * when the seal or a write fails.
 */
export function sealCheckpointTo(file: string, c: CheckpointToSeal, key: Uint8Array): Promise<void> {
  const tmp = new TempFile(file)
  try {
    tmp.write(new Uint8Array(sealedHeadSize(MAGIC)))
    tmp.write(sealFileTo(MAGIC, VERSION, plaintext(c), key, (cipher) => tmp.write(cipher)), 0)
  } catch (e) {
    tmp.abandon()
    throw e
  }
  return inTurn(file, () => tmp.finish())
}

/** Runs `write` after every write of `file` started before it. */
async function inTurn(file: string, write: () => Promise<void>): Promise<void> {
  const run = (writing.get(file) ?? Promise.resolve()).catch(() => undefined).then(write)
  writing.set(file, run)
  try {
    await run
  } finally {
    if (writing.get(file) === run) writing.delete(file)
  }
}

/** The checkpoint, or null when there is none or it cannot be used. */
export async function readCheckpoint(file: string, key: Uint8Array): Promise<Checkpoint | null> {
  return (await readCheckpointWrite(file, key))?.checkpoint ?? null
}

/** Magic, version and nonce: what tells one sealed write of a checkpoint from another (random nonce per write). */
export const WRITE_HEAD = MAGIC.length + 1 + 24

/** The checkpoint with the head of the write it came from (core/group/doc-rest.ts reads that very write again). */
export async function readCheckpointWrite(file: string, key: Uint8Array): Promise<{ checkpoint: Checkpoint; head: Uint8Array } | null> {
  try {
    const bytes = await readFileOrNull(file)
    // The head is outside what an open in place writes over. Opened in slices: the open of a
    // group behind its kept screen must not hold the loop for the whole file (issue 19).
    return bytes ? { head: bytes.slice(0, WRITE_HEAD), checkpoint: await decodeCheckpointInSlices(bytes, key) } : null
  } catch {
    return null // unreadable or damaged: the logs still hold everything
  }
}
