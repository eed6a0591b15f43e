/**
 * Shared checkpoints, format version 1: a member's own member doc, written as kind-3 blocks
 * (block-codec.ts, BlockKind.Checkpoint) into that member's own device log, so a newcomer can
 * read the log from its latest checkpoint instead of from block 0 (DESIGN.md §3.2, issue 4).
 *
 * A checkpoint at index S of a log L holds the Yjs state of doc `member/<owner of L>` as its
 * writer had accepted it when L had S blocks. It covers every block of L before S that is an
 * update to that doc; the blocks before S it does NOT cover (governance events, updates to
 * shared docs, older checkpoints) are listed by index, so a reader fetches exactly those.
 * A state can exceed one block (1 MiB), so it is cut into parts, in consecutive blocks S, S+1, …
 *
 * Payload of each part (the block's doc id is `member/<owner>`):
 *   offset  size  field
 *   0       1     version (1)
 *   1       4     u32 LE start: S, the index of part 0 (the state covers blocks [0, S))
 *   5       2     u16 LE part, 0-based
 *   7       2     u16 LE parts, 1..MAX_PARTS
 *   9       4     u32 LE U: how many uncovered indexes follow (0 in every part but part 0)
 *   13      4U    u32 LE uncovered indexes, strictly ascending, each < S
 *   13+4U   rest  the next slice of the state update (parts concatenated in order are one update)
 *
 * Trust. The write rule applies as to any update: a checkpoint is accepted only if its log may
 * write its doc at index 0 and at its last part (rights through a log are one interval, from
 * admission to any cut-off, so both ends decide). It can hold only its author's own words. A
 * reader that reads the whole log applies the checkpoint too, so content a checkpoint adds
 * reaches old and new members alike; a checkpoint that leaves out earlier words costs only the
 * newcomer those words (decisions.md, 2026-11-24 — initial sync).
 */
import { concatBytes } from '../bytes.ts'
import { errors } from '../errors.ts'
import { maxPayloadBytes } from '../store/block-codec.ts'

export const SHARED_CHECKPOINT_VERSION = 1
const HEAD = 13
const MAX_PARTS = 0xffff
/** At most this many bytes of the state ride in part 0, beside the uncovered list. */
export const FIRST_PART_STATE = 64
/** A log gets its first checkpoint at this many blocks… */
export const SHARED_CHECKPOINT_MIN = 1000

/** One decoded part. */
export interface CheckpointPart {
  start: number
  part: number
  parts: number
  uncovered: number[]
  chunk: Uint8Array
}

/**
 * Whether a log of `length` blocks, whose latest checkpoint started at `lastStart` (or none),
 * is due a new one: at SHARED_CHECKPOINT_MIN blocks, then whenever the blocks written since
 * reach half of what the last one covered. The tail a newcomer reads stays under a third of the
 * log, and all checkpoints together stay within about three times the final state.
 */
export function sharedCheckpointDue(length: number, lastStart: number | null): boolean {
  if (lastStart === null) return length >= SHARED_CHECKPOINT_MIN
  return length - lastStart >= Math.max(SHARED_CHECKPOINT_MIN, Math.ceil(lastStart / 2))
}

/** Cuts a state into part payloads for doc `docId`, starting at index `start` of the log. */
export function encodeCheckpointParts(docId: string, start: number, uncovered: readonly number[], state: Uint8Array): Uint8Array[] {
  if (!Number.isInteger(start) || start < 0 || start > 0xffff_ffff) throw errors.BLOCK_MALFORMED('checkpoint start')
  for (let i = 0; i < uncovered.length; i++) {
    const u = uncovered[i] as number
    if (!Number.isInteger(u) || u < 0 || u >= start || (i > 0 && u <= (uncovered[i - 1] as number))) throw errors.BLOCK_MALFORMED('uncovered indexes')
  }
  const room = maxPayloadBytes(docId) - HEAD
  // Part 0 is kept small (FIRST_PART_STATE): a newcomer reads its list and the tail after the
  // checkpoint before the parts that hold the state's bulk (tail-preview.ts). Readers of v1 join
  // the chunks whatever their sizes, so this is the writer's choice, not a new version.
  const firstRoom = Math.min(room - 4 * uncovered.length, FIRST_PART_STATE)
  if (room - 4 * uncovered.length < 1 || state.length === 0) throw errors.BLOCK_TOO_LARGE('checkpoint does not fit')
  const parts = 1 + Math.ceil(Math.max(0, state.length - firstRoom) / room)
  if (parts > MAX_PARTS) throw errors.BLOCK_TOO_LARGE('checkpoint has too many parts')
  const out: Uint8Array[] = []
  let offset = 0
  for (let part = 0; part < parts; part++) {
    const list = part === 0 ? uncovered : []
    const chunk = state.subarray(offset, offset + (part === 0 ? firstRoom : room))
    offset += chunk.length
    const b = new Uint8Array(HEAD + 4 * list.length + chunk.length)
    const dv = new DataView(b.buffer)
    b[0] = SHARED_CHECKPOINT_VERSION
    dv.setUint32(1, start, true)
    dv.setUint16(5, part, true)
    dv.setUint16(7, parts, true)
    dv.setUint32(9, list.length, true)
    list.forEach((u, i) => dv.setUint32(HEAD + 4 * i, u, true))
    b.set(chunk, HEAD + 4 * list.length)
    out.push(b)
  }
  return out
}

/** Decodes one part's payload; `index` is where it sits in its log. Throws BLOCK_MALFORMED / BLOCK_VERSION. */
export function decodeCheckpointPart(payload: Uint8Array, index: number): CheckpointPart {
  if (payload.length < HEAD) throw errors.BLOCK_MALFORMED('checkpoint part too short')
  if (payload[0] !== SHARED_CHECKPOINT_VERSION) throw errors.BLOCK_VERSION(`checkpoint version ${payload[0]}`)
  const dv = new DataView(payload.buffer, payload.byteOffset, payload.byteLength)
  const start = dv.getUint32(1, true)
  const part = dv.getUint16(5, true)
  const parts = dv.getUint16(7, true)
  const count = dv.getUint32(9, true)
  if (parts < 1 || part >= parts || start + part !== index) throw errors.BLOCK_MALFORMED('checkpoint part out of place')
  if ((part > 0 && count > 0) || HEAD + 4 * count > payload.length) throw errors.BLOCK_MALFORMED('checkpoint uncovered list')
  const uncovered: number[] = []
  for (let i = 0; i < count; i++) {
    const u = dv.getUint32(HEAD + 4 * i, true)
    if (u >= start || (i > 0 && u <= (uncovered[i - 1] as number))) throw errors.BLOCK_MALFORMED('checkpoint uncovered list')
    uncovered.push(u)
  }
  const chunk = payload.subarray(HEAD + 4 * count)
  if (chunk.length === 0) throw errors.BLOCK_MALFORMED('empty checkpoint part')
  return { start, part, parts, uncovered, chunk }
}

/** Collects the parts of one checkpoint in order; `done` is the whole state once the last arrived. */
export class CheckpointAssembly {
  private readonly chunks: Uint8Array[] = []
  constructor(readonly first: CheckpointPart) {
    if (first.part !== 0) throw errors.BLOCK_MALFORMED('a checkpoint starts with part 0')
    this.chunks.push(first.chunk)
  }

  get lastIndex(): number {
    return this.first.start + this.first.parts - 1
  }

  /** Adds the next part; false when it does not follow (the assembly is then useless). */
  add(p: CheckpointPart): boolean {
    if (p.start !== this.first.start || p.parts !== this.first.parts || p.part !== this.chunks.length) return false
    this.chunks.push(p.chunk)
    return true
  }

  /** Whether every part is here. */
  get complete(): boolean {
    return this.chunks.length === this.first.parts
  }

  done(): Uint8Array | null {
    if (!this.complete) return null
    return concatBytes(this.chunks)
  }
}
