/**
 * Signed tail indexes, format version 1: a small block a writer appends to its OWN device log
 * once a block follows its latest shared checkpoint (shared-checkpoint.ts) and then every
 * TAIL_INDEX_EVERY blocks, listing the blocks of that tail that are NOT updates to its own member
 * doc: governance events, updates to shared docs (moderation above all), anything it cannot read
 * itself; and, among its own member-doc updates, every one that may set or clear a FLAG
 * (`mayFlag`, tail-index-writer.ts: a key of the `flags` root map, an item with an origin, a delete). It also carries
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
 * place in session 13 to carry the flag set and in session 14 to name it, FLAGS_SAME: no index had
 * shipped. A session-13 reader refuses a FLAGS_SAME index, BLOCK_TOO_LARGE, and reads on):
 *   offset    size  field
 *   0         1     version (1)
 *   1         4     u32 LE start: S, the start of the checkpoint whose tail this indexes
 *   5         4     u32 LE end: E, that checkpoint's end (S + its parts), where its tail begins
 *   9         4     u32 LE at: this block's own index in its log (E <= at)
 *   13        2     u16 LE R: how many ranges follow, 0..MAX_TAIL_INDEX_RANGES
 *   15        8R    R ranges, each u32 LE first, u32 LE count (count >= 1): blocks [first, first+count)
 *   15+8R     2     u16 LE F: how many flags follow, 0..MAX_TAIL_INDEX_FLAGS; or FLAGS_OVER (0xffff:
 *                   the writer held more; none follow); or FLAGS_SAME (0xfffe, session 14: the set
 *                   is the one an earlier index of this tail carries; a u32 follows)
 *   17+8R     67F   F flags, ascending by target, each: author id 32, item id 8 (the target Ref),
 *                   u16 LE reason (0 "other", n "rule:n", n <= 999), u8 rules given (0|1), rules
 *                   hash 16 (zeros when not given), u32 LE at low, u32 LE at high (a safe integer)
 *   17+8R     4     (FLAGS_SAME only) u32 LE C: where the index that carries the set sits
 * Ranges are strictly ascending and apart (each first > the previous range's end, so one list has
 * one spelling), and lie in [E, at): an index lists only its own tail, before itself. Flags are
 * strictly ascending (each target once) and each reads as flags.ts reads a flag. C lies in
 * [E, at) and inside a range: a CARRIER (an index that spells out a set of one flag or more) is
 * listed by every later index of its tail, so a reader that fetches the blocks its starting index
 * lists, plus the newest blocks, holds the carrier its latest index names.
 *
 * The set only when it changed (session 14): a writer whose set is not empty and is the one its
 * latest spelled-out index of this tail holds (a carrier) writes FLAGS_SAME and that carrier's
 * place instead of repeating 67 bytes a flag every TAIL_INDEX_EVERY blocks. The first index of
 * each tail, the first after a restart whose carrier the writer cannot read, every index whose set
 * changed, and every empty set (2 bytes spelled out, fewer than FLAGS_SAME's 6) spell it out. A reader takes
 * the set of its LATEST index, following FLAGS_SAME to the carrier (one block; no chains: a
 * FLAGS_SAME naming anything but a carrier of this tail gives no page for that log until its
 * checkpoint is read, as FLAGS_OVER does).
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
 * each block: tail-index-writer.ts; only a block it was not told of is read back), and only up
 * to FLAG_SCAN_MAX bytes: a larger one is listed unread. The flag set is read from the doc in
 * memory, 67 bytes a flag, written when it changed (else 4 bytes), compared with the latest
 * carrier's by its bytes (`flagSetKey`). An index naming blocks outside [E, at), sitting elsewhere than `at`,
 * with malformed flags, or naming a carrier outside its list is refused (BLOCK_MALFORMED); one of another checkpoint (stale) is not
 * used.
 */
import { HearthError, errors } from '../errors.ts'
import { BlockKind } from '../store/block-codec.ts'
import type { OpenBlock } from './checkpoint-log.ts'
import type { Readable } from './log-window.ts'
import { readFlag, type Flag } from '../model/flags.ts'
import { makeRef, parseRef } from '../model/member-doc.ts'

export const TAIL_INDEX_VERSION = 1
/**
 * A writer appends an index once this many blocks follow its last index (its first: once any block
 * follows its checkpoint). 64 until session 16: at 32 a newcomer fetches and verifies about half
 * the suffix blocks before its first page (0.53–0.70 s against 0.75–0.96 s in the sync bench, the
 * worst place in the schedule included), for one index block more per 64 (about +1.2 % blocks).
 */
export const TAIL_INDEX_EVERY = 32
/** A reader looks for its index among this many of a log's newest blocks (twice the spacing: one SUFFIX_MIN back is in it). */
export const TAIL_INDEX_WINDOW = 2 * TAIL_INDEX_EVERY
export const MAX_TAIL_INDEX_RANGES = 8 * 1024
/** The most flags an index carries; a writer holding more writes FLAGS_OVER and no flag. */
export const MAX_TAIL_INDEX_FLAGS = 1024
/** The flag count that says "more than MAX_TAIL_INDEX_FLAGS": the set is not given (tail-preview.ts then shows no page). */
export const FLAGS_OVER = 0xffff
/** The flag count that says "the set an earlier index of this tail carries": its place follows. */
export const FLAGS_SAME = 0xfffe
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
  /**
   * Its writer's own flags when the index was written (flags.ts), ascending by target; 'over' past
   * MAX_TAIL_INDEX_FLAGS; `{ carrier }`: the same set as the index at that place carries.
   */
  flags: Flag[] | 'over' | { carrier: number }
}

/** Whether an index is a CARRIER: it spells out a set of one flag or more, which later indexes may name (FLAGS_SAME). */
export function carriesFlags(idx: TailIndex): idx is TailIndex & { flags: Flag[] } {
  return Array.isArray(idx.flags) && idx.flags.length > 0
}

export function encodeTailIndex(idx: TailIndex): Uint8Array {
  checkShape(idx)
  const flags = Array.isArray(idx.flags) ? idx.flags : []
  const same = Array.isArray(idx.flags) || idx.flags === 'over' ? null : idx.flags.carrier
  const tail = HEAD + 8 * idx.ranges.length
  const b = new Uint8Array(tail + 2 + (same === null ? FLAG_BYTES * flags.length : 4))
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
  dv.setUint16(tail, idx.flags === 'over' ? FLAGS_OVER : same !== null ? FLAGS_SAME : flags.length, true)
  if (same !== null) dv.setUint32(tail + 2, same, true)
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
  const same = f === FLAGS_SAME
  if (!over && !same && f > MAX_TAIL_INDEX_FLAGS) throw errors.BLOCK_TOO_LARGE('tail index has too many flags')
  if (payload.length !== tail + 2 + (same ? 4 : FLAG_BYTES * (over ? 0 : f))) throw errors.BLOCK_MALFORMED('tail index length')
  const flags: TailIndex['flags'] = over ? 'over' : same ? { carrier: dv.getUint32(tail + 2, true) } : []
  const idx: TailIndex = { start: dv.getUint32(1, true), end: dv.getUint32(5, true), at: dv.getUint32(9, true), ranges: [], flags }
  for (let i = 0; i < count; i++) idx.ranges.push([dv.getUint32(HEAD + 8 * i, true), dv.getUint32(HEAD + 8 * i + 4, true)])
  if (Array.isArray(flags)) for (let i = 0; i < f; i++) flags.push(decodeFlag(payload, dv, tail + 2 + FLAG_BYTES * i))
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
  if (!Array.isArray(flags)) {
    // The carrier is of this tail, before this index, and listed (so a reader holds it: see the header).
    const c = flags.carrier
    if (!u32(c) || c < end || c >= at || !ranges.some(([first, count]) => c >= first && c < first + count)) throw errors.BLOCK_MALFORMED('tail index carrier')
    return
  }
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

/** One spelling of a set as an index carries it (its bytes, hex): two sets are the same exactly when these are. */
export function flagSetKey(flags: readonly Flag[] | 'over'): string {
  if (flags === 'over') return 'over'
  const b = new Uint8Array(FLAG_BYTES * flags.length)
  const dv = new DataView(b.buffer)
  flags.forEach((f, i) => encodeFlag(b, dv, FLAG_BYTES * i, f))
  return toHex(b)
}

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
    const idx = tailIndexAt(raw, indexes[k] as number, end, docId, open)
    if (idx && length - (idx.at + 1) >= minSuffix) return idx
    short ??= idx
  }
  if (missing) return 'wait'
  return short && from > end ? short : 'none'
}

/** Block `i` as a usable index of the tail from `end` (of `docId` when given), or null. */
export function tailIndexAt(raw: Uint8Array, i: number, end: number, docId: string | null, open: OpenBlock): TailIndex | null {
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
