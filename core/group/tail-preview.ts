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
 * Correctness, i.e. no post shown that a full read would not show:
 * - every tail block passes the write rule and the byte budget (host.mayWrite), as any update;
 * - the tail's governance and shared-doc blocks (moderation above all) are applied for real,
 *   through the same sparse judge as the uncovered blocks, so removals and roles are current;
 * - a preview is offered only once every planned log's uncovered blocks and whole known tail are
 *   read (a removal in a tail not read yet cannot be missed), and the usual filter applies
 *   (moderation, mutes, flags counted over previews and real docs alike);
 * - "read" means in the docs: no preview while a block counted as read waits in a batch's queue
 *   (its blocks move the read positions at once but reach the docs at a settle point), for a
 *   governance replay, or while a rebuild is pending or runs (group-reading.ts, `settled`);
 * - `since`: only posts newer than every planned log's oldest dated tail item are shown. An
 *   honest writer's checkpoint holds only items older than its tail, so above that line the page
 *   is the one a full read shows, and any reply, reaction or flag on a shown post is in a tail too.
 *   A log whose tail holds nothing dated gives no line: no preview until its checkpoint is read.
 * A dishonest writer's clock can move the line or keep its own checkpoint-held flag out of the
 * preview; it can never show another's item the rules hide.
 */
import * as Y from 'yjs'
import { HearthError } from '../errors.ts'
import { BlockKind } from '../store/block-codec.ts'
import type { OpenBlock } from './checkpoint-log.ts'
import { readRun, type Readable } from './log-window.ts'

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
}

export class TailPreview {
  private readonly panes = new Map<string, Pane>()

  constructor(private readonly host: PreviewHost) {}

  /** Reads the held blocks of a planned log's tail from `from` (the checkpoint's end) on. */
  async read(log: Readable & { key: string; length: number }, from: number, docId: string, changed: Set<string>): Promise<void> {
    let pane = this.panes.get(log.key)
    if (!pane || pane.docId !== docId) {
      pane = { docId, doc: new Y.Doc({ gc: true }), next: from, log }
      this.panes.set(log.key, pane)
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

  /** Whether the preview of `logKey` has read every block of its log known so far. */
  caughtUp(logKey: string): boolean {
    const p = this.panes.get(logKey)
    return !!p && p.next >= p.log.length
  }

  /** The log's checkpoint was applied: its real doc takes over. */
  drop(logKey: string): void {
    this.panes.get(logKey)?.doc.destroy()
    this.panes.delete(logKey)
  }

  /** Member doc id → preview doc, and the line above which the page is whole; null when none can be shown. */
  view(planned: Iterable<string>): { docs: Map<string, Y.Doc>; since: number } | null {
    const docs = new Map<string, Y.Doc>()
    let since = -Infinity
    for (const key of planned) {
      const p = this.panes.get(key)
      if (!p || p.next < p.log.length) return null
      const oldest = oldestDated(p.doc)
      if (oldest === Infinity) return null
      since = Math.max(since, oldest)
      docs.set(p.docId, p.doc)
    }
    return docs.size ? { docs, since } : null
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

/** The oldest creation time among the dated items the preview holds (posts, replies, reactions). */
function oldestDated(doc: Y.Doc): number {
  let oldest = Infinity
  for (const name of ['posts', 'replies']) {
    for (const m of doc.getMap<unknown>(name).values()) {
      const at = m instanceof Y.Map ? m.get('createdAt') : undefined
      if (typeof at === 'number') oldest = Math.min(oldest, at)
    }
  }
  for (const at of doc.getMap<unknown>('reactions').values()) if (typeof at === 'number') oldest = Math.min(oldest, at)
  return oldest
}
