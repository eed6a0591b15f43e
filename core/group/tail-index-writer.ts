/**
 * The writer's side of the tail index (format, reader and trust: tail-index.ts): what its own
 * next index lists, kept as its log grows. The write path tells it of each block it appends
 * (`told`, `noteOf`), so an index reads back only the blocks it was not told of (appended by
 * another path, or before a restart); `mayFlag` decides which of its own member-doc updates are
 * listed. Kept apart from tail-index.ts, which a reader needs without any of this.
 *
 * The flag set only when it changed (session 14): the writer remembers its latest spelled-out set
 * of this tail when it is a CARRIER (one flag or more) and, while its set is that one, writes
 * FLAGS_SAME and the carrier's place. A carrier is listed like a flag block, so every later index lists it and a
 * reader holds it (tail-index.ts). What it remembers comes from the same notes as the list (told,
 * or read back): a writer that knows nothing reads back the same log and writes the same index.
 */
import * as Y from 'yjs'
import { HearthError } from '../errors.ts'
import { BlockKind } from '../store/block-codec.ts'
import type { Flag } from '../model/flags.ts'
import type { OpenBlock } from './checkpoint-log.ts'
import { decodeCheckpointPart } from './shared-checkpoint.ts'
import { readRun, type Readable } from './log-window.ts'
import { carriesFlags, decodeTailIndex, encodeTailIndex, findTailIndex, flagSetKey, indexFlags, MAX_TAIL_INDEX_RANGES, TAIL_INDEX_EVERY, tailIndexAt, type TailIndex } from './tail-index.ts'

/** A block that stands for the member doc `docId` itself: what an index does not list, unless it may hold a flag (`mayFlag`). */
function ownDoc(kind: number, blockDoc: string, docId: string): boolean {
  return blockDoc === docId && (kind === BlockKind.YjsUpdate || kind === BlockKind.Checkpoint || kind === BlockKind.TailIndex)
}

/** An own update larger than this is listed without being decoded: the writer's scan reads at most this much per block. */
export const FLAG_SCAN_MAX = 64 * 1024

/**
 * Whether an update to the writer's own member doc may set or clear a flag (flags.ts), and so is
 * listed. Read from its structs (Y.decodeUpdate), not applied. Yjs writes an item's parent only
 * when the item has neither origin: a new key of a root map names the root ('posts', 'flags'),
 * a new key of a nested map names that map's item (an ID). An item WITH an origin (an overwrite
 * of an existing key, a list insert) names no parent, and could be a flag set again over an
 * older one: listed. So is any delete (a withdrawn flag), a GC or skip struct, anything Yjs
 * cannot read, and anything larger than FLAG_SCAN_MAX. Left out: updates whose every item is a
 * new key of a root map other than 'flags' or of a nested map (a flag is a plain value under
 * the root: flags.ts), i.e. new posts, replies, reactions, profile keys.
 */
export function mayFlag(update: Uint8Array): boolean {
  if (update.length > FLAG_SCAN_MAX) return true
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return true
  }
  if (decoded.ds.clients.size > 0) return true
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || s.origin !== null || s.rightOrigin !== null) return true
    if ((s.parent as unknown) === 'flags' || s.parent === null) return true
  }
  return false
}

/** What the writer knows of one block of its log, from the write path (`noteOf`) or read back. */
export interface BlockNote {
  /** The member doc this was judged against: a note for another doc is not used. */
  docId: string
  /** Whether an index lists it. */
  listed: boolean
  /** Whether it is an index of this doc (the spacing counts from the latest). */
  index: boolean
  /**
   * An index of this doc that spells its flag set out: that set's spelling (flagSetKey) when it is a
   * carrier (one flag or more: listed, and FLAGS_SAME may name it), null when it is empty or over
   * (nothing to name). Absent for any other block, and for an index that names a carrier.
   */
  carrier?: string | null
}

/**
 * What an index makes of a block of `kind` to `blockDoc` with plaintext `payload`, in the log of
 * member doc `docId`; `at`, where it sits when read back (told: where its payload says). The one
 * rule for a block told at append time and one read back, so both give the same index.
 */
export function noteOf(kind: number, blockDoc: string, payload: Uint8Array, docId: string, at?: number): BlockNote {
  const index = kind === BlockKind.TailIndex && blockDoc === docId
  const carrier = index ? spelledSet(payload, at) : undefined
  const listed = !ownDoc(kind, blockDoc, docId) || (kind === BlockKind.YjsUpdate && mayFlag(payload)) || typeof carrier === 'string'
  return carrier === undefined ? { docId, listed, index } : { docId, listed, index, carrier }
}

/** What an index payload spells out: a carrier's set (its spelling), null (empty or over), undefined (FLAGS_SAME, or not a well-formed index at `at`). */
function spelledSet(payload: Uint8Array, at?: number): string | null | undefined {
  try {
    const idx = decodeTailIndex(payload, at ?? (payload.length >= 13 ? new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(9, true) : -1))
    if (carriesFlags(idx)) return flagSetKey(idx.flags)
    return Array.isArray(idx.flags) || idx.flags === 'over' ? null : undefined
  } catch (e) {
    if (!(e instanceof HearthError)) throw e
    return undefined
  }
}

function readBack(raw: Uint8Array, i: number, docId: string, open: OpenBlock): BlockNote {
  try {
    const b = open(raw)
    return noteOf(b.kind, b.docId, b.payload, docId, i)
  } catch (e) {
    if (!(e instanceof HearthError)) throw e
    // a block we cannot read ourselves is left for every reader to judge: listed
    return { docId, listed: true, index: false }
  }
}

/**
 * Notes kept for blocks not scanned yet (each `due` takes those it scans; normally fewer than one
 * spacing's). Past this many they are dropped and those blocks read back: a bound, never a skip.
 */
export const MAX_NOTES = 4 * 1024

interface WriterState {
  start: number
  end: number
  docId: string
  /** Every block before this is in `ranges` or judged unlisted. */
  scanned: number
  lastAt: number
  ranges: [number, number][]
  /** The latest index of this tail that spells its flag set out, when it is a carrier, and that set's spelling: what FLAGS_SAME may name. */
  carried: { at: number; key: string } | null
}

/**
 * The writer's side: what its next index lists, kept as the log grows so each index reads only
 * the blocks appended since the last. The write path tells it of each block it appends (`told`,
 * with the note it made from the plaintext it sealed), so those are never read back; a
 * block it was not told of (appended by another path, or before a restart) is read back and
 * decrypted, never skipped: an index that leaves out a hide is a safety fault.
 *
 * Per checkpoint, `prepare` first learns its end (part 0) and, unless every block of the tail so
 * far was told, goes on from the writer's own latest index among the log's newest blocks, or
 * reads the whole tail once when there is none, up to the log's length at the call. That is the
 * one long read (after a restart); the caller may run it off its write chain (group-space.ts).
 */
export class TailIndexWriter {
  private state: WriterState | null = null
  private preparing: { start: number; docId: string; done: Promise<void> } | null = null
  private readonly notes = new Map<number, BlockNote>()

  /** The write path appended block `index`, of which it made `note` (noteOf). */
  told(index: number, note: BlockNote): void {
    if (this.notes.size >= MAX_NOTES) this.notes.clear()
    this.notes.set(index, note)
  }

  /** Whether `due` for this checkpoint reads only blocks appended since its last call (and those not told of). */
  ready(start: number, docId: string): boolean {
    return this.state?.start === start && this.state.docId === docId
  }

  /**
   * We have just appended our own checkpoint at `start`, its parts up to `end`: ready at once, with
   * nothing to read (no tail yet), so its first index goes straight into the write chain.
   */
  started(start: number, end: number, docId: string): void {
    this.state = { start, end, docId, scanned: end, lastAt: end - 1, ranges: [], carried: null }
    for (const i of this.notes.keys()) if (i < end) this.notes.delete(i)
  }

  /** Makes the writer ready for the checkpoint at `start` (see the class); one run at a time per checkpoint. Resolves not ready when part 0 cannot be read. */
  prepare(own: Readable & { length: number }, start: number, docId: string, open: OpenBlock): Promise<void> {
    if (this.ready(start, docId)) return Promise.resolve()
    if (this.preparing?.start === start && this.preparing.docId === docId) return this.preparing.done
    const run = { start, docId, done: this.begin(own, own.length, start, docId, open) }
    this.preparing = run
    void run.done.finally(() => {
      if (this.preparing === run) this.preparing = null
    }).catch(() => undefined)
    return run.done
  }

  private async begin(own: Readable, at: number, start: number, docId: string, open: OpenBlock): Promise<void> {
    const raw = await own.get(start)
    if (!raw) return
    let end: number
    try {
      const b = open(raw)
      if (b.kind !== BlockKind.Checkpoint || b.docId !== docId) return
      end = start + decodeCheckpointPart(b.payload, start).parts
    } catch (e) {
      if (!(e instanceof HearthError)) throw e
      return
    }
    let s: WriterState = { start, end, docId, scanned: end, lastAt: end - 1, ranges: [], carried: null }
    // The blocks from `known` on were told of (an index among them too): no need to look there.
    let known = at
    while (known > end && this.notes.get(known - 1)?.docId === docId) known--
    if (known > end) {
      // After a restart: on from our own latest index of this checkpoint, if one is near the end.
      const last = await findTailIndex(own, end, known, docId, open)
      if (typeof last === 'object') s = { ...s, scanned: last.at + 1, lastAt: last.at, ranges: last.ranges.map(([f, c]) => [f, c]), carried: await carrierOf(own, last, end, docId, open) }
      // A carrier is listed by the indexes after it, as `add` lists it.
      if (typeof last === 'object' && s.carried?.at === last.at) addRange(s.ranges, last.at)
      await this.scan(own, s, at, open)
    }
    this.state = s
    for (const i of this.notes.keys()) if (i < s.scanned) this.notes.delete(i)
  }

  /** Judges blocks [s.scanned, at): from their notes, else read back; stops at a block not held. */
  private async scan(own: Readable, s: WriterState, at: number, open: OpenBlock): Promise<void> {
    while (s.scanned < at) {
      const note = this.notes.get(s.scanned)
      if (note?.docId === s.docId) {
        this.add(s, s.scanned, note)
        continue
      }
      // A run of blocks we were not told of: read back, decrypted.
      let stop = s.scanned + 1
      while (stop < at && this.notes.get(stop)?.docId !== s.docId) stop++
      for await (const [i, raw] of readRun(own, s.scanned, () => stop)) this.add(s, i, readBack(raw, i, s.docId, open))
      // Our own log holds every block; one not read stops here.
      if (s.scanned < stop) return
    }
  }

  private add(s: WriterState, i: number, note: BlockNote): void {
    if (note.index) s.lastAt = i
    // The latest spelled-out set: a carrier, or (empty, over) none to name until the next one.
    if (note.carrier !== undefined) s.carried = note.carrier === null ? null : { at: i, key: note.carrier }
    if (note.listed) addRange(s.ranges, i)
    s.scanned = i + 1
    this.notes.delete(i)
  }

  /**
   * The payload of the index due at `own.length` for the checkpoint at `start` of doc `docId`, or
   * null when none is due (fewer than TAIL_INDEX_EVERY blocks since the checkpoint's end or the
   * last index), the tail cannot be read whole, or the list does not fit (the reader then reads
   * the whole tail). Prepares first when not ready (in line: a caller that must not wait runs
   * `prepare` itself first).
   */
  async due(own: Readable & { length: number }, start: number, docId: string, open: OpenBlock, flags: () => readonly Flag[]): Promise<Uint8Array | null> {
    const at = own.length
    if (!this.ready(start, docId)) await this.prepare(own, start, docId, open)
    const s = this.state
    if (!s || s.start !== start || s.docId !== docId || at <= s.end || s.scanned > at) return null
    await this.scan(own, s, at, open)
    // Our own log holds every block; one not read stops here, and no index is written this time.
    // The first index of a checkpoint as soon as a block follows it (so a short tail carries our
    // flags too: tail-preview.ts), then one every TAIL_INDEX_EVERY blocks.
    if (s.scanned < at || (s.lastAt >= s.end && at - (s.lastAt + 1) < TAIL_INDEX_EVERY)) return null
    // Past the range cap: the whole tail as one range (a reader fetches it all, as with no index),
    // so the index still carries our flags, which no tail block holds.
    const ranges: [number, number][] = s.ranges.length > MAX_TAIL_INDEX_RANGES ? [[s.end, at - s.end]] : s.ranges.map(([f, c]) => [f, c])
    // Our flags as the doc in memory holds them now: every own update before `at` is in it; only
    // spelled out when they are not the set our latest carrier of this tail holds.
    const set = indexFlags(flags())
    const same = Array.isArray(set) && set.length > 0 && s.carried !== null && s.carried.key === flagSetKey(set)
    return encodeTailIndex({ start: s.start, end: s.end, at, ranges, flags: same && s.carried ? { carrier: s.carried.at } : set })
  }
}

/** Adds block `i` (past every range so far) to a list of ranges. */
function addRange(ranges: [number, number][], i: number): void {
  const last = ranges[ranges.length - 1]
  if (last && last[0] + last[1] === i) last[1]++
  else ranges.push([i, 1])
}

/** The carrier a writer resuming from its own index `last` goes on from: `last` itself, or the one it names (read back); null when none or unknown. */
async function carrierOf(own: Readable, last: TailIndex, end: number, docId: string, open: OpenBlock): Promise<WriterState['carried']> {
  if (carriesFlags(last)) return { at: last.at, key: flagSetKey(last.flags) }
  if (Array.isArray(last.flags) || last.flags === 'over') return null
  const at = last.flags.carrier
  const raw = await own.get(at)
  const carrier = raw && tailIndexAt(raw, at, end, docId, open)
  return carrier && carriesFlags(carrier) ? { at, key: flagSetKey(carrier.flags) } : null
}
