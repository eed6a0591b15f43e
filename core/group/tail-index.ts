/**
 * Signed tail indexes, format version 1: a small block a writer appends to its OWN device log
 * once a block follows its latest shared checkpoint (shared-checkpoint.ts) and then every
 * TAIL_INDEX_EVERY blocks, listing the blocks of that tail that are NOT updates to its own member
 * doc: governance events, updates to shared docs (moderation above all), anything it cannot read
 * itself; and, among its own member-doc updates, every one that may set or clear a FLAG
 * (`mayFlag`: a key of the `flags` root map, an item with an origin, a delete). It also carries
 * its writer's whole current FLAG SET: the flags its own member doc holds in memory when the
 * index is written, the checkpoint's among them (session 13). A flag lives in its flagger's own
 * member doc (flags.ts) yet hides another's post, so no date may decide whether a reader sees it:
 * a post's author sets its date, and one dated ahead sits above any line the preview draws. Edits
 * of own posts are listed too (an overwrite cannot be told from a flag without the item it
 * overwrites); that costs only fetches. A newcomer then needs, before its first page, only each
 * log's checkpoint part 0, the log's newest blocks (they hold an index SUFFIX_MIN blocks or more
 * from the end), the blocks that index lists and the blocks after it (the SUFFIX), instead of the
 * whole tail (issue 19; tail-preview.ts says why that page is still the full read's).
 *
 * Block: kind 4 (block-codec.ts, BlockKind.TailIndex), doc id `member/<owner>`, sealed under the
 * epoch key and signed in its writer's Hypercore like every block. Payload (version 1, changed in
 * place in session 13 to carry the flag set: no index had shipped):
 *   offset    size  field
 *   0         1     version (1)
 *   1         4     u32 LE start: S, the start of the checkpoint whose tail this indexes
 *   5         4     u32 LE end: E, that checkpoint's end (S + its parts), where its tail begins
 *   9         4     u32 LE at: this block's own index in its log (E <= at)
 *   13        2     u16 LE R: how many ranges follow, 0..MAX_TAIL_INDEX_RANGES
 *   15        8R    R ranges, each u32 LE first, u32 LE count (count >= 1): blocks [first, first+count)
 *   15+8R     2     u16 LE F: how many flags follow, 0..MAX_TAIL_INDEX_FLAGS, or FLAGS_OVER (0xffff:
 *                   the writer held more; none follow)
 *   17+8R     67F   F flags, ascending by target, each: author id 32, item id 8 (the target Ref),
 *                   u16 LE reason (0 "other", n "rule:n", n <= 999), u8 rules given (0|1), rules
 *                   hash 16 (zeros when not given), u32 LE at low, u32 LE at high (a safe integer)
 * Ranges are strictly ascending and apart (each first > the previous range's end, so one list has
 * one spelling), and lie in [E, at): an index lists only its own tail, before itself. Flags are
 * strictly ascending (each target once) and each reads as flags.ts reads a flag.
 *
 * Bounds: MAX_TAIL_INDEX_RANGES ranges (64 KiB) and MAX_TAIL_INDEX_FLAGS flags (67 KiB). A writer
 * whose tail needs more ranges lists its whole tail as one range (the reader fetches it all, as
 * with no index, and still gets the flags). A writer holding more flags writes FLAGS_OVER, and a
 * reader then shows no preview until that log's checkpoint is read (tail-preview.ts): which posts
 * those flags hide is not known before, and reading the tail would not tell.
 *
 * Trust, exactly. An index is signed in its writer's own log and speaks only for it:
 * - Blocks: it can leave out of its list only its OWN blocks and name only its own tail (the trust
 *   of a checkpoint's uncovered list). Listing more of its member-doc blocks costs fetches only
 *   (the preview applies them but draws its line from the suffix alone: tail-preview.ts).
 * - Its own hides and flags: leaving one out costs the newcomer's preview that writer's own hide
 *   or flag until the whole tail is read (the next settle point after its checkpoint). Its flag set
 *   is attributed to its writer alone: a lie can drop or add only ITS OWN flags (adding one hides
 *   what a flag it could give for real hides), never another member's.
 * - Its own governance events are NOT contained that way. Left out (a removal or leave and its
 *   cut-off, a role grant or demotion, its second vote on a removal, a settings change such as the
 *   flag threshold), the preview judges OTHER members' blocks in the suffixes under governance
 *   without them until the full read: a removed member's posts after the cut-off shown, a new
 *   facilitator's hide refused, a demoted one's restore accepted, flags counted against the old
 *   threshold. So "a writer can hide only its own blocks" is true of blocks, not of their effects.
 * - Its flag set is as of its writing: a flag withdrawn in the suffix still counts until the full
 *   read (the set still names it, and the withdrawal's delete may name an item the pane lacks):
 *   the preview errs toward hiding.
 *
 * Cost. The writer decodes each own update once, as it is appended (the write path tells it of
 * each block: TailIndexWriter below; only a block it was not told of is read back), and only up
 * to FLAG_SCAN_MAX bytes: a larger one is listed unread. The flag set is read from the doc in
 * memory, 67 bytes a flag. An index naming blocks outside [E, at), sitting elsewhere than `at`,
 * or with malformed flags is refused (BLOCK_MALFORMED); one of another checkpoint (stale) is not
 * used.
 */
import * as Y from 'yjs'
import { HearthError, errors } from '../errors.ts'
import { BlockKind } from '../store/block-codec.ts'
import type { OpenBlock } from './checkpoint-log.ts'
import { decodeCheckpointPart } from './shared-checkpoint.ts'
import { readRun, type Readable } from './log-window.ts'
import { readFlag, type Flag } from '../model/flags.ts'
import { makeRef, parseRef } from '../model/member-doc.ts'

export const TAIL_INDEX_VERSION = 1
/** A writer appends an index once this many blocks follow its last index (its first: once any block follows its checkpoint). */
export const TAIL_INDEX_EVERY = 64
/** A reader looks for its index among this many of a log's newest blocks (twice the spacing: one SUFFIX_MIN back is in it). */
export const TAIL_INDEX_WINDOW = 2 * TAIL_INDEX_EVERY
export const MAX_TAIL_INDEX_RANGES = 8 * 1024
/** The most flags an index carries; a writer holding more writes FLAGS_OVER and no flag. */
export const MAX_TAIL_INDEX_FLAGS = 1024
/** The flag count that says "more than MAX_TAIL_INDEX_FLAGS": the set is not given (tail-preview.ts then shows no page). */
export const FLAGS_OVER = 0xffff
const HEAD = 15
/** author id 32, item id 8, reason u16, rules present u8, rules 16, at u32 lo + u32 hi. */
const FLAG_BYTES = 67
const AT_HI_MAX = 0x1f_ffff // at <= Number.MAX_SAFE_INTEGER

export interface TailIndex {
  start: number
  end: number
  at: number
  /** [first, count] pairs, as in the payload. */
  ranges: [number, number][]
  /** Its writer's own flags when the index was written (flags.ts), ascending by target; 'over' past MAX_TAIL_INDEX_FLAGS. */
  flags: Flag[] | 'over'
}

export function encodeTailIndex(idx: TailIndex): Uint8Array {
  checkShape(idx)
  const flags = idx.flags === 'over' ? [] : idx.flags
  const tail = HEAD + 8 * idx.ranges.length
  const b = new Uint8Array(tail + 2 + FLAG_BYTES * flags.length)
  const dv = new DataView(b.buffer)
  b[0] = TAIL_INDEX_VERSION
  dv.setUint32(1, idx.start, true)
  dv.setUint32(5, idx.end, true)
  dv.setUint32(9, idx.at, true)
  dv.setUint16(13, idx.ranges.length, true)
  idx.ranges.forEach(([first, count], i) => {
    dv.setUint32(HEAD + 8 * i, first, true)
    dv.setUint32(HEAD + 8 * i + 4, count, true)
  })
  dv.setUint16(tail, idx.flags === 'over' ? FLAGS_OVER : flags.length, true)
  flags.forEach((f, i) => encodeFlag(b, dv, tail + 2 + FLAG_BYTES * i, f))
  return b
}

/** Decodes one index's payload; `index` is where it sits in its log. Throws BLOCK_MALFORMED / BLOCK_VERSION. */
export function decodeTailIndex(payload: Uint8Array, index: number): TailIndex {
  if (payload.length < HEAD) throw errors.BLOCK_MALFORMED('tail index too short')
  if (payload[0] !== TAIL_INDEX_VERSION) throw errors.BLOCK_VERSION(`tail index version ${payload[0]}`)
  const dv = new DataView(payload.buffer, payload.byteOffset, payload.byteLength)
  const count = dv.getUint16(13, true)
  const tail = HEAD + 8 * count
  if (payload.length < tail + 2) throw errors.BLOCK_MALFORMED('tail index length')
  const f = dv.getUint16(tail, true)
  const over = f === FLAGS_OVER
  if (!over && f > MAX_TAIL_INDEX_FLAGS) throw errors.BLOCK_TOO_LARGE('tail index has too many flags')
  if (payload.length !== tail + 2 + FLAG_BYTES * (over ? 0 : f)) throw errors.BLOCK_MALFORMED('tail index length')
  const idx: TailIndex = { start: dv.getUint32(1, true), end: dv.getUint32(5, true), at: dv.getUint32(9, true), ranges: [], flags: over ? 'over' : [] }
  for (let i = 0; i < count; i++) idx.ranges.push([dv.getUint32(HEAD + 8 * i, true), dv.getUint32(HEAD + 8 * i + 4, true)])
  if (idx.flags !== 'over') for (let i = 0; i < f; i++) idx.flags.push(decodeFlag(payload, dv, tail + 2 + FLAG_BYTES * i))
  checkShape(idx)
  if (idx.at !== index) throw errors.BLOCK_MALFORMED('tail index out of place')
  return idx
}

/** The coded error an index's payload gets at `index`, or null when it is well formed (readers record it: group-reading.ts). */
export function tailIndexProblem(payload: Uint8Array, index: number): string | null {
  try {
    decodeTailIndex(payload, index)
    return null
  } catch (e) {
    if (!(e instanceof HearthError)) throw e
    return e.code
  }
}

function checkShape({ start, end, at, ranges, flags }: TailIndex): void {
  const u32 = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff
  if (!u32(start) || !u32(end) || !u32(at) || start >= end || end > at) throw errors.BLOCK_MALFORMED('tail index bounds')
  if (ranges.length > MAX_TAIL_INDEX_RANGES) throw errors.BLOCK_TOO_LARGE('tail index has too many ranges')
  let floor = end
  for (const [first, count] of ranges) {
    if (!u32(first) || !u32(count) || count < 1 || first < floor || first + count > at) throw errors.BLOCK_MALFORMED('tail index ranges')
    floor = first + count + 1
  }
  if (flags === 'over') return
  if (flags.length > MAX_TAIL_INDEX_FLAGS) throw errors.BLOCK_TOO_LARGE('tail index has too many flags')
  let prev = ''
  for (const f of flags) {
    // One spelling: each target once, ascending; every field as flags.ts reads it.
    if (f.target <= prev || readFlag(f.target, { reason: f.reason, rules: f.rules, at: f.at }) === null) throw errors.BLOCK_MALFORMED('tail index flags')
    prev = f.target
  }
}

const REASON_RULE = /^rule:([1-9]\d{0,2})$/

function encodeFlag(b: Uint8Array, dv: DataView, o: number, f: Flag): void {
  const ref = parseRef(f.target) as { authorId: string; itemId: string }
  b.set(fromHex(ref.authorId), o)
  b.set(fromHex(ref.itemId), o + 32)
  dv.setUint16(o + 40, f.reason === 'other' ? 0 : Number(REASON_RULE.exec(f.reason)?.[1]), true)
  b[o + 42] = f.rules === null ? 0 : 1
  if (f.rules !== null) b.set(fromHex(f.rules), o + 43)
  dv.setUint32(o + 59, f.at % 2 ** 32, true)
  dv.setUint32(o + 63, Math.floor(f.at / 2 ** 32), true)
}

function decodeFlag(b: Uint8Array, dv: DataView, o: number): Flag {
  const reason = dv.getUint16(o + 40, true)
  const has = b[o + 42]
  const rules = b.subarray(o + 43, o + 59)
  const hi = dv.getUint32(o + 63, true)
  if (reason > 999 || (has !== 0 && has !== 1) || (has === 0 && rules.some((x) => x !== 0)) || hi > AT_HI_MAX) throw errors.BLOCK_MALFORMED('tail index flag')
  return {
    target: makeRef(toHex(b.subarray(o, o + 32)), toHex(b.subarray(o + 32, o + 40))),
    reason: reason === 0 ? 'other' : `rule:${reason}`,
    rules: has ? toHex(rules) : null,
    at: hi * 2 ** 32 + dv.getUint32(o + 59, true),
  }
}

const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))

/** A writer's flags as an index carries them: ascending by target, or 'over' past the cap. */
export function indexFlags(flags: readonly Flag[]): Flag[] | 'over' {
  if (flags.length > MAX_TAIL_INDEX_FLAGS) return 'over'
  return [...flags].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0)).map((f) => ({ ...f }))
}

/** Every block an index lists, ascending. */
export function listedBlocks(idx: TailIndex): number[] {
  const out: number[] = []
  for (const [first, count] of idx.ranges) for (let i = first; i < first + count; i++) out.push(i)
  return out
}

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

/**
 * The fewest blocks a reader wants after the index it starts its preview from (tail-preview.ts).
 * The first page shows only posts newer than every planned log's oldest dated suffix item (the
 * `since` line): a log whose latest index sits a few blocks from its end would put that line at
 * its last few posts and cut the page to a handful, whichever logs posted more. Starting from an
 * index at least this far back gives each log its newest TAIL_INDEX_EVERY blocks or more, and the
 * window (twice the spacing) holds such an index whenever the writer writes them on time.
 */
export const SUFFIX_MIN = TAIL_INDEX_EVERY

/**
 * The latest usable index among the held blocks of a log's newest TAIL_INDEX_WINDOW (none before
 * `end`, the checkpoint's end) with at least `minSuffix` blocks after it: kind TailIndex, of
 * `docId` when given, in place and of THIS checkpoint (its end is `end`). A damaged, refused or
 * stale one is passed over; the suffix then reaches back to the older index used, or the whole
 * tail is read. 'wait' while none was found and a block of the window is not held yet; 'none'
 * when the window is held and has none. With no index far enough back, the latest usable one is
 * taken when the tail is longer than the window, and none (the whole tail, at most the window)
 * when it is not. A writer resuming its own indexes asks with `minSuffix` 0: its latest.
 */
export async function findTailIndex(log: Readable, end: number, length: number, docId: string | null, open: OpenBlock, minSuffix = 0): Promise<TailIndex | 'none' | 'wait'> {
  const from = Math.max(end, length - TAIL_INDEX_WINDOW)
  if (from >= length) return 'none'
  const indexes = Array.from({ length: length - from }, (_, k) => from + k)
  const blocks = log.getMany ? await log.getMany(indexes) : await Promise.all(indexes.map((i) => log.get(i)))
  let missing = false
  let short: TailIndex | null = null
  for (let k = blocks.length - 1; k >= 0; k--) {
    const raw = blocks[k]
    if (!raw) {
      missing = true
      continue
    }
    const idx = usableIndex(raw, indexes[k] as number, end, docId, open)
    if (idx && length - (idx.at + 1) >= minSuffix) return idx
    short ??= idx
  }
  if (missing) return 'wait'
  return short && from > end ? short : 'none'
}

function usableIndex(raw: Uint8Array, i: number, end: number, docId: string | null, open: OpenBlock): TailIndex | null {
  try {
    const b = open(raw)
    if (b.kind !== BlockKind.TailIndex || (docId !== null && b.docId !== docId)) return null
    const idx = decodeTailIndex(b.payload, i)
    return idx.end === end ? idx : null
  } catch (e) {
    if (!(e instanceof HearthError)) throw e
    return null
  }
}

/** What the writer knows of one block of its log, from the write path (`noteOf`) or read back. */
export interface BlockNote {
  /** The member doc this was judged against: a note for another doc is not used. */
  docId: string
  /** Whether an index lists it. */
  listed: boolean
  /** Whether it is an index of this doc (the spacing counts from the latest). */
  index: boolean
}

/**
 * What an index makes of a block of `kind` to `blockDoc` with plaintext `payload`, in the log of
 * member doc `docId`. The one rule for a block told at append time and one read back, so both
 * give the same index.
 */
export function noteOf(kind: number, blockDoc: string, payload: Uint8Array, docId: string): BlockNote {
  return { docId, listed: !ownDoc(kind, blockDoc, docId) || (kind === BlockKind.YjsUpdate && mayFlag(payload)), index: kind === BlockKind.TailIndex && blockDoc === docId }
}

function readBack(raw: Uint8Array, docId: string, open: OpenBlock): BlockNote {
  try {
    const b = open(raw)
    return noteOf(b.kind, b.docId, b.payload, docId)
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
    this.state = { start, end, docId, scanned: end, lastAt: end - 1, ranges: [] }
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
    let s: WriterState = { start, end, docId, scanned: end, lastAt: end - 1, ranges: [] }
    // The blocks from `known` on were told of (an index among them too): no need to look there.
    let known = at
    while (known > end && this.notes.get(known - 1)?.docId === docId) known--
    if (known > end) {
      // After a restart: on from our own latest index of this checkpoint, if one is near the end.
      const last = await findTailIndex(own, end, known, docId, open)
      if (typeof last === 'object') s = { ...s, scanned: last.at + 1, lastAt: last.at, ranges: last.ranges.map(([f, c]) => [f, c]) }
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
      for await (const [i, raw] of readRun(own, s.scanned, () => stop)) this.add(s, i, readBack(raw, s.docId, open))
      // Our own log holds every block; one not read stops here.
      if (s.scanned < stop) return
    }
  }

  private add(s: WriterState, i: number, note: BlockNote): void {
    if (note.index) s.lastAt = i
    if (note.listed) {
      const last = s.ranges[s.ranges.length - 1]
      if (last && last[0] + last[1] === i) last[1]++
      else s.ranges.push([i, 1])
    }
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
    // Our flags as the doc in memory holds them now: every own update before `at` is in it.
    return encodeTailIndex({ start: s.start, end: s.end, at, ranges, flags: indexFlags(flags()) })
  }
}
