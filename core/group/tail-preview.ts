/**
 * The newest words first for a newcomer (issue 19). A log read from a shared checkpoint
 * (checkpoint-reading.ts) is fetched tail first: its uncovered blocks and the blocks after the
 * checkpoint arrive before the checkpoint's later parts, which hold most of its bytes. Until the
 * checkpoint is whole, the tail's updates to the log's own member doc go into a PREVIEW doc; the
 * feed shows it (reader-source.ts) while the real doc waits for the checkpoint.
 *
 * Yjs integrates one client's structs only in clock order, and a tail starts where the checkpoint
 * ends. So before each update the preview doc is padded with GC structs (Yjs's own "gone" struct)
 * up to where the update starts: an item created in the tail integrates (a new post's parent is
 * the root map, its keys' parent the new item), while anything whose origin or parent lies in the
 * checkpoint (an edit or a deletion of an older post) falls into the padding and shows nothing.
 * The preview is thrown away once the checkpoint is applied; it never reaches the real docs.
 *
 * Suffixes (tail-index.ts). A pane need not start at the checkpoint's end: when the log's newest
 * blocks hold a usable tail index of this checkpoint, the pane reads the blocks it lists and
 * starts right after it: listed updates to the log's own member doc (those that may flag) are
 * applied to the pane first, in order, padded and under the write rule like any; the others are
 * judged for real, as below. The blocks left out, which the index says are updates to the
 * writer's own member doc that set no flag, are left to the full read. No usable index (an older
 * writer, damaged, stale, refused): the pane starts at the checkpoint's end, the whole tail.
 * The padding allows any start. Below, "tail" means the part a pane reads: its listed blocks
 * and its suffix, or the whole tail.
 *
 * Correctness, i.e. no post shown that a full read would not show:
 * - every tail block passes the write rule and the byte budget (host.mayWrite), as any update;
 * - the tail's governance and shared-doc blocks (moderation above all) are applied for real,
 *   through the same sparse judge as the uncovered blocks. With a suffix they are either in the
 *   suffix or listed by the index it starts after: an index is signed by its log's writer and
 *   lists only that log, so a writer can leave out only its OWN hide or governance event (the
 *   trust of a checkpoint's uncovered list) until the whole tail is read at the next settle
 *   point. A left-out hide costs only that writer's hide; a left-out governance event (a removal,
 *   a role change, a second vote, a setting) changes how OTHER members' blocks are judged in the
 *   preview until then (tail-index.ts, "Trust, exactly"). An index of another checkpoint, out of
 *   place or naming blocks outside its tail is not used;
 * - every flag (flags.ts) its writer holds is counted: the pane holds those written in the
 *   listed blocks and the suffix (an honest index lists each own update that may set or clear
 *   one), and the LATEST usable index in the log's newest blocks carries its writer's whole flag
 *   set when it was written, the checkpoint's flags among them, or names the earlier index of the
 *   tail that carries that set (FLAGS_SAME: read from that block, which every later index lists,
 *   so it is held once the listed blocks are; no page while it is not) (`view` hands them on beside the
 *   pane, which is not changed: its Yjs state stays what its blocks made it; reader-source.ts
 *   adds them to the count, and the flags the real doc of a member with a pane holds, written
 *   from another device of that member whose log is read whole). The pane starts at or before
 *   that index, so it reads every block after it. A flag withdrawn after the index still counts
 *   until the full read: the preview errs toward hiding. An index of more flags than it carries
 *   (FLAGS_OVER) gives no page until the log's checkpoint is read;
 * - a preview is offered only once every planned log's uncovered blocks, listed blocks and whole
 *   known suffix (or tail) are read (a removal in one not read yet cannot be missed), and the
 *   usual filter applies (moderation, mutes, flags counted over previews and real docs alike);
 * - "read" means in the docs: no preview while a block counted as read waits in a batch's queue
 *   (its blocks move the read positions at once but reach the docs at a settle point), for a
 *   governance replay, or while a rebuild is pending or runs (group-reading.ts, `settled`);
 * - `since`: only posts newer than every planned log's oldest dated item in what its suffix (or
 *   whole tail) read are shown; dated items the listed blocks bring (an index may list any of
 *   its writer's blocks) do not count, so a long list cannot lower the line. An honest writer's
 *   checkpoint and the blocks before its suffix hold only items older than its suffix's, so any
 *   of its items dated after the line is in the pane: above the line the page is the one a full
 *   read shows, its own posts and their state. A reply, reaction or deletion on a shown post is
 *   in its writer's pane when the POST's author dates it honestly: written before that writer's
 *   suffix, it would be older than every dated suffix item, hence than the line, and so would
 *   the post. A hide is in a shared doc, so in a listed block or the suffix; a flag in a tail is
 *   in the pane (above). A pane that holds nothing dated gives no line: no preview until its
 *   checkpoint is read.
 * What a dishonest clock can do (sessions 12 and 13): a writer's clock can move the line or keep
 * its own checkpoint-held items out of the preview; its index can keep its own hide or flag out
 * until the full read. A post's AUTHOR dating it ahead puts it above any line, so what hides it
 * must not hang on dates: hides, removals and flags, in the tail or in the flagger's checkpoint,
 * do not. What still does: a log with NO usable index in its newest blocks (a writer from before
 * indexes, or the moment between the first block after a checkpoint and the index that follows
 * it) gives no flag set, so its checkpoint-held flags are not counted until its checkpoint is
 * read; and the reply or reaction of another writer before its suffix is missing from such a
 * post. With suffixes the line sits nearer the page, so the limit on skewed clocks written down
 * in session 10 (an honest writer's clock behind the others') comes closer.
 * A member with two device logs, one planned: the pane stands in for the member's doc, so what
 * the other device wrote to it is not on the page: its posts, and its deletions and edits of the
 * pane's posts (session 14: the old words were shown). So no page while that member's real doc
 * holds anything (reader-source.ts, `writtenElsewhere`), nor while two of its logs are planned
 * (`view`), until the checkpoint is read. Showing the other device's words needs what flags have
 * for deletions held in a checkpoint (decisions.md, session 14, flags).
 */
import * as Y from 'yjs'
import { HearthError } from '../errors.ts'
import { BlockKind } from '../store/block-codec.ts'
import type { OpenBlock } from './checkpoint-log.ts'
import { readAll, readRun, type Readable } from './log-window.ts'
import { carriesFlags, findTailIndex, listedBlocks, SUFFIX_MIN, tailIndexAt, type TailIndex } from './tail-index.ts'
import type { Flag } from '../model/flags.ts'

export interface PreviewHost {
  readonly open: OpenBlock
  /** The write rule and the byte budget for an update to `docId` at this block. */
  mayWrite(logKey: string, index: number, docId: string): boolean
  /** Any other block: judged for real, out of order (governance deferred). */
  judgeSparse(logKey: string, index: number, bytes: Uint8Array): string[]
}

interface Pane {
  docId: string
  doc: Y.Doc
  /** Next tail index to read. */
  next: number
  log: Readable & { length: number }
  /** Dated keys the listed blocks put in before the suffix: not counted for the line. */
  undated: Set<string>
  /**
   * Its writer's flags as the latest usable index read says they were when it was written
   * (tail-index.ts): the flags its checkpoint and the blocks before the index hold, which the pane
   * does not. 'over': more than an index carries; null: no usable index (see the header).
   */
  flags: Flag[] | 'over' | null
}

export class TailPreview {
  private readonly panes = new Map<string, Pane>()

  constructor(private readonly host: PreviewHost) {}

  /**
   * Reads the held blocks of a planned log's tail, `from` being the checkpoint's end: its suffix
   * after the latest usable tail index with SUFFIX_MIN blocks after it, or the whole tail. Nothing yet while that cannot be told
   * (its newest blocks or the index's listed ones are not here).
   */
  async read(log: Readable & { key: string; length: number }, from: number, docId: string, changed: Set<string>): Promise<void> {
    let pane = this.panes.get(log.key)
    if (!pane || pane.docId !== docId) {
      const begin = await this.begin(log, from, docId, changed)
      if (begin === null) return
      pane = { docId, doc: new Y.Doc({ gc: true }), next: begin.next, log, undated: new Set(), flags: begin.flags }
      this.panes.set(log.key, pane)
      if (begin.own.length) {
        for (const [i, payload] of begin.own) if (this.host.mayWrite(log.key, i, docId)) applyPadded(pane.doc, payload)
        // What they hold dated is not what the line may rest on (see the header): only the suffix's.
        pane.undated = datedKeys(pane.doc)
        changed.add(docId)
      }
    }
    pane.log = log
    const p = pane
    for await (const [i, raw] of readRun(log, p.next, () => log.length)) {
      p.next = i + 1
      let block
      try {
        block = this.host.open(raw)
      } catch (e) {
        if (!(e instanceof HearthError)) throw e
        for (const id of this.host.judgeSparse(log.key, i, raw)) changed.add(id)
        continue
      }
      if (block.kind === BlockKind.YjsUpdate && block.docId === p.docId) {
        if (this.host.mayWrite(log.key, i, p.docId) && applyPadded(p.doc, block.payload)) changed.add(p.docId)
      } else {
        for (const id of this.host.judgeSparse(log.key, i, raw)) changed.add(id)
      }
    }
  }

  /**
   * Where a new pane starts: after the log's latest usable tail index SUFFIX_MIN back (tail-index.ts), once the blocks it lists
   * are here; at `from` when there is none; null while that is not known yet. Listed blocks are judged for real, but
   * the updates to the pane's own doc among them, which the pane applies first, in order (`own`).
   */
  private async begin(log: Readable & { key: string; length: number }, from: number, docId: string, changed: Set<string>): Promise<{ next: number; own: [number, Uint8Array][]; flags: Flag[] | 'over' | null } | null> {
    // The flags come from the LATEST usable index (the fewest the suffix may have withdrawn); the
    // pane starts at it or before it, so it reads every block after it.
    const latest = await findTailIndex(log, from, log.length, docId, this.host.open)
    if (latest === 'wait') return null
    const flags = latest === 'none' ? null : await this.flagsOf(log, latest, from, docId)
    if (flags === 'wait') return null
    const idx = latest === 'none' || log.length - (latest.at + 1) >= SUFFIX_MIN ? latest : await findTailIndex(log, from, log.length, docId, this.host.open, SUFFIX_MIN)
    if (idx === 'wait') return null
    if (idx === 'none') return { next: from, own: [], flags }
    const listed = listedBlocks(idx)
    const blocks = await readAll(log, listed)
    if (blocks === null) return null
    const own: [number, Uint8Array][] = []
    blocks.forEach((raw, k) => {
      const i = listed[k] as number
      const mine = ownDocBlock(raw, docId, this.host.open)
      if (mine === null) for (const id of this.host.judgeSparse(log.key, i, raw)) changed.add(id)
      else if (mine.kind === BlockKind.YjsUpdate) own.push([i, mine.payload])
    })
    return { next: idx.at + 1, own, flags }
  }

  /**
   * The flag set the latest index speaks for: its own, or (FLAGS_SAME) its carrier's, read from
   * the log (listed by every later index, so held once the listed blocks are: tail-index.ts).
   * Only an index its writer may write there (the write rule, the byte budget, a fork's freeze),
   * and a carrier too, speaks for its flags. Otherwise 'over', as for a FLAGS_SAME naming anything
   * but a carrier of this tail: no page from this log until its checkpoint. Not null ("no flag
   * set"): the flags the writer's checkpoint holds still count in a full read (the checkpoint is
   * within her budget, before her freeze), so a page without them could show a post they hide
   * (session 14 review, F1).
   */
  private async flagsOf(log: Readable & { key: string }, latest: TailIndex, from: number, docId: string): Promise<Flag[] | 'over' | null | 'wait'> {
    if (!this.host.mayWrite(log.key, latest.at, docId)) return 'over'
    const own = latest.flags
    if (Array.isArray(own) || own === 'over') return own
    const c = own.carrier
    const raw = await log.get(c)
    if (!raw) return 'wait'
    if (!this.host.mayWrite(log.key, c, docId)) return 'over'
    const carrier = tailIndexAt(raw, c, from, docId, this.host.open)
    return carrier && carriesFlags(carrier) ? carrier.flags : 'over'
  }

  /** Whether the preview of `logKey` has read every block of its log known so far. */
  caughtUp(logKey: string): boolean {
    const p = this.panes.get(logKey)
    return !!p && p.next >= p.log.length
  }

  /** The swap of a rebuild: its panes, read under the new governance, replace these. */
  adopt(from: TailPreview): void {
    for (const key of [...this.panes.keys()]) if (from.panes.get(key) !== this.panes.get(key)) this.drop(key)
    for (const [key, pane] of from.panes) this.panes.set(key, pane)
    from.panes.clear()
  }

  /** The log's checkpoint was applied: its real doc takes over. */
  drop(logKey: string): void {
    this.panes.get(logKey)?.doc.destroy()
    this.panes.delete(logKey)
  }

  /**
   * Member doc id → preview doc, the line above which the page is whole, and member doc id → the
   * flags its writer's pane holds beyond the doc shown (its index flags): the moderation count
   * adds them (reader-source.ts). Null when no page can be shown, a member with two planned device
   * logs among the reasons (see the header).
   */
  view(planned: Iterable<string>): PreviewView | null {
    const docs = new Map<string, Y.Doc>()
    const flags = new Map<string, Flag[]>()
    let since = -Infinity
    for (const key of planned) {
      const p = this.panes.get(key)
      if (!p || p.next < p.log.length) return null
      // More flags than an index carries: which posts they hide is not known before the checkpoint.
      if (p.flags === 'over') return null
      const oldest = oldestDated(p.doc, p.undated)
      if (oldest === Infinity) return null
      since = Math.max(since, oldest)
      // Two planned device logs of one member: one pane is shown as the member's doc, so what the
      // other device wrote (a deletion or an edit of a post the shown pane holds) is not on the
      // page. No page until one of their checkpoints is read (errs toward hiding).
      if (docs.has(p.docId)) return null
      flags.set(p.docId, [...(p.flags ?? [])])
      docs.set(p.docId, p.doc)
    }
    return docs.size ? { docs, since, flags } : null
  }
}

export interface PreviewView {
  docs: Map<string, Y.Doc>
  since: number
  flags: Map<string, Flag[]>
}

/** The block when it is one of the pane's own doc (an update, or a checkpoint or index block a hostile index lists: passed over), else null. */
function ownDocBlock(raw: Uint8Array, docId: string, open: OpenBlock): { kind: number; payload: Uint8Array } | null {
  try {
    const b = open(raw)
    return b.docId === docId && b.kind !== BlockKind.Governance ? b : null
  } catch (e) {
    if (!(e instanceof HearthError)) throw e
    return null
  }
}

/** Applies an update after padding each of its clients up to where it starts. False when Yjs cannot read it. */
function applyPadded(doc: Y.Doc, update: Uint8Array): boolean {
  let from: Map<number, number>
  try {
    from = Y.parseUpdateMeta(update).from
  } catch {
    return false
  }
  for (const [client, clock] of from) {
    const have = Y.getState(doc.store, client)
    if (clock > have) Y.applyUpdate(doc, gcRange(client, have, clock - have))
  }
  try {
    Y.applyUpdate(doc, update)
    return true
  } catch {
    return false
  }
}

/** A Yjs v1 update holding one GC struct: `client`'s clocks [clock, clock + len) as gone. */
export function gcRange(client: number, clock: number, len: number): Uint8Array {
  const out: number[] = []
  const varUint = (n: number): void => {
    while (n > 0x7f) {
      out.push(0x80 | (n & 0x7f))
      n = Math.floor(n / 128)
    }
    out.push(n)
  }
  // one client, one struct; client, clock; info 0 (GC) and its length; an empty delete set
  varUint(1)
  varUint(1)
  varUint(client)
  varUint(clock)
  out.push(0)
  varUint(len)
  varUint(0)
  return Uint8Array.from(out)
}

const DATED = ['posts', 'replies', 'reactions']

/** `<map>/<key>` of every dated item a doc holds. */
function datedKeys(doc: Y.Doc): Set<string> {
  const out = new Set<string>()
  for (const name of DATED) for (const key of doc.getMap<unknown>(name).keys()) out.add(`${name}/${key}`)
  return out
}

/** The oldest creation time among the dated items the preview holds (posts, replies, reactions), but those in `skip`. */
function oldestDated(doc: Y.Doc, skip: Set<string>): number {
  let oldest = Infinity
  for (const name of ['posts', 'replies']) {
    for (const [key, m] of doc.getMap<unknown>(name)) {
      const at = m instanceof Y.Map && !skip.has(`${name}/${key}`) ? m.get('createdAt') : undefined
      if (typeof at === 'number') oldest = Math.min(oldest, at)
    }
  }
  for (const [key, at] of doc.getMap<unknown>('reactions')) if (typeof at === 'number' && !skip.has(`reactions/${key}`)) oldest = Math.min(oldest, at)
  return oldest
}
