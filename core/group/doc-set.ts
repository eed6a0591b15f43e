/**
 * The Y.Docs of one group and the only door into them: `applyBlock` checks the write rule
 * (core/model/write-rule.ts) before an update touches a doc, and blocks from logs that
 * governance does not know yet wait in `pending` until it does (an admission may arrive after
 * the newcomer's first words). Nothing rejected is ever applied, so it can never show in a view.
 *
 * Past 400 lines (DESIGN.md §8) on purpose: the write rule, the held-back blocks, the queue of a
 * batch and the docs at rest are the states of that one door; split apart, each would need the
 * docs themselves, and a second door is what this class exists to prevent. The pieces that need
 * no doc are apart already (held-blocks.ts, held-whole.ts, doc-wake.ts, update-clocks.ts).
 */
import * as Y from 'yjs'
import { updateEnds } from './update-clocks.ts'
import { heldWhole } from './held-whole.ts'
import { DocWake } from './doc-wake.ts'
import { isMemberId, memberDocId, sharedDocId } from '../model/doc-id.ts'
import { MemberDoc } from '../model/member-doc.ts'
import { RulesDoc } from '../model/rules-doc.ts'
import { APPEND_ONLY_DOCS, checkWrite, type WriteAuthority } from '../model/write-rule.ts'
import { sharedUpdateProblem, writerClientId } from '../model/shared-writers.ts'
import type { DocStates } from '../store/checkpoint-file.ts'
import { HeldBlocks } from './held-blocks.ts'

export const REMOTE = Symbol('remote')

// Blocks held back for logs governance does not know yet are bounded in held-blocks.ts.
export { PENDING_MAX_BLOCKS, PENDING_MAX_BYTES } from './held-blocks.ts'
/** Accepted updates waiting for a batch's transaction (issue 14): applied early past this. */
export const QUEUE_MAX_BYTES = 8 * 1024 * 1024
/** Updates kept while the docs rest (see `rest`); past this the docs wake and take them. */
export const KEPT_MAX_BYTES = 4 * 1024 * 1024

export interface Rejection {
  logKey: string
  index: number
  docId: string
  reason: string
}

/**
 * An accepted update waiting for its doc's transaction; `summary`: a shared checkpoint; `covered`:
 * a block a shared checkpoint already read stood for (see `apply`).
 */
interface Queued {
  logKey: string
  index: number
  update: Uint8Array
  summary?: boolean
  covered?: boolean
}

export class DocSet {
  private readonly docs = new Map<string, Y.Doc>()
  private readonly pending = new HeldBlocks()
  /** Accepted updates not applied yet, per doc (see `batch`). */
  private queued: Map<string, Queued[]> | null = null
  private queuedBytes = 0
  readonly rejected: Rejection[] = []
  /**
   * A batch applied an update Yjs could not read (see `apply`): the doc it was for is dropped,
   * and the owner must rebuild the docs from the logs.
   */
  damaged = false
  /**
   * Resting (doc-rest.ts): the docs were let go after the owner sealed a local checkpoint of them;
   * `wake` gives their states back. Updates accepted meanwhile are kept, in order, until then.
   */
  private resting: { wake: () => ReadonlyMap<string, Uint8Array>; kept: (Queued & { docId: string })[]; bytes: number } | null = null
  /** A wake in slices under way (`wakeInSlices`): the docs built so far, and its end. */
  private waking: { wake: DocWake; done: Promise<void> } | null = null

  /**
   * `suspects`: logs that once sent an update Yjs could not read; their updates are always
   * checked before they touch a doc. The owner keeps the set across rebuilds.
   */
  constructor(private readonly suspects: Set<string> = new Set()) {}

  /** The doc for an id, created empty on first use. */
  doc(docId: string): Y.Doc {
    this.awake()
    let d = this.docs.get(docId)
    if (!d) {
      d = new Y.Doc({ gc: true })
      this.docs.set(docId, d)
    }
    return d
  }

  /** Whether a doc was created (by a block or a local change); `doc` would create an empty one. */
  has(docId: string): boolean {
    this.awake()
    return this.docs.has(docId)
  }

  memberDoc(memberId: string): MemberDoc {
    return new MemberDoc(this.doc(memberDocId(memberId)), memberId)
  }

  rules(): RulesDoc {
    return new RulesDoc(this.doc(sharedDocId('rules')))
  }

  /** Member docs present, keyed by member id. */
  memberDocs(): Map<string, MemberDoc> {
    this.awake()
    const out = new Map<string, MemberDoc>()
    for (const id of this.docs.keys()) {
      const m = id.slice('member/'.length)
      if (id.startsWith('member/') && isMemberId(m)) out.set(m, this.memberDoc(m))
    }
    return out
  }

  /**
   * Applies one decoded update block if the rule allows it. Returns the doc id it changed, or null.
   * A block from a log governance does not know yet is held back, not refused. `also`: other
   * indexes of the same log the rule must allow too (a shared checkpoint stands for a range).
   * `covered`: a block a checkpoint already applied stood for; not applied if the doc holds it whole.
   */
  applyBlock(auth: WriteAuthority, logKey: string, index: number, docId: string, update: Uint8Array, also?: readonly number[], covered = false): string | null {
    let check = checkWrite(auth, logKey, index, docId)
    for (const i of also ?? []) if (check.ok) check = checkWrite(auth, logKey, i, docId)
    if (!check.ok) {
      if (!auth.knowsLog(logKey)) {
        this.hold(logKey, index, docId, update, also)
      } else {
        this.rejected.push({ logKey, index, docId, reason: check.reason })
      }
      return null
    }
    if (check.doc.cls === 'shared') {
      const problem = sharedUpdateProblem(update, logKey, auth.clientOwnerLog ? auth.clientOwnerLog(writerClientId(logKey)) : logKey, APPEND_ONLY_DOCS.includes(check.doc.name))
      if (problem) {
        this.rejected.push({ logKey, index, docId, reason: problem })
        return null
      }
    }
    if (this.resting) return this.keep(docId, entryOf(logKey, index, update, also, covered))
    // A covered block the doc already holds whole is not queued: a doc only gains structs and
    // deletions, so it would be held whole at the transaction too (`apply` asks again for the
    // rest). Queued, its bytes lived until the queue drained, long enough to be promoted to V8's
    // old space; a newcomer's backfill is ~90 % such blocks (24 MB per 100,000 updates).
    if (covered && also === undefined) {
      const doc = this.docs.get(docId)
      if (doc && heldWhole(doc, update)) return docId
    }
    const entry = entryOf(logKey, index, update, also, covered)
    if (this.queued) {
      const list = this.queued.get(docId) ?? []
      list.push(entry)
      this.queued.set(docId, list)
      this.queuedBytes += update.length
      if (this.queuedBytes > QUEUE_MAX_BYTES) this.drain()
      return docId
    }
    return this.apply(docId, [entry]) ? docId : null
  }

  /**
   * Runs `fn` with accepted updates queued, then applies each doc's queue in one transaction.
   * Reading a long log this way is several times faster than one transaction per block, and the
   * result is the same: the write rule was already checked per block, and updates commute.
   */
  async batch(fn: () => Promise<void>): Promise<void> {
    if (this.queued) return fn()
    this.queued = new Map()
    try {
      await fn()
    } finally {
      this.drain()
      this.queued = null
    }
  }

  /**
   * Applies what a batch queued so far (past the queue's bound, at a settle point: group-reading.ts
   * `settle`, and at the batch's end); the batch goes on queuing after it. Nothing outside a batch.
   */
  drain(): void {
    const queued = this.queued
    if (!queued) return
    this.queued = new Map()
    this.queuedBytes = 0
    for (const [docId, list] of queued) this.apply(docId, list, true)
  }

  /**
   * Applies updates to a doc in one Yjs transaction (several times faster than one each; merging
   * them first is slower still). A bad update is refused alone. Returns whether any applied.
   *
   * Yjs integrates an update's structs before it reads the delete set, so an update cut short in
   * its delete set would leave half of itself in the doc. Checking each update first (a whole
   * second parse) prevents that; a batch (`bulk`) instead applies unchecked and, in the rare case
   * Yjs throws, drops the doc, marks the set `damaged` (its owner rebuilds it from the logs) and
   * checks that log's updates from then on. So a bad update still never shows in a view, and a
   * log costs at most one rebuild.
   */
  private apply(docId: string, list: Queued[], bulk = false): boolean {
    const doc = this.doc(docId)
    let applied = false
    let damage: Queued | null = null
    doc.transact(() => {
      for (const u of list) {
        if (bulk && !this.suspects.has(u.logKey)) {
          if ((u.summary && knownAlready(doc, u.update)) || (u.covered && heldWhole(doc, u.update))) {
            applied = true
            continue
          }
          try {
            Y.applyUpdate(doc, u.update, REMOTE)
            applied = true
          } catch {
            damage = u
            return
          }
          continue
        }
        try {
          // A shared checkpoint read after the blocks it stands for usually adds nothing; reading
          // its clock ranges costs a third of applying it. Skipped only when every item in it is
          // already here, so content that only the checkpoint carries still lands (its deletions
          // of items we hold are then not applied: a checkpoint cannot take back what was read).
          if (u.summary && knownAlready(doc, u.update)) {
            applied = true
            continue
          }
          // A block a checkpoint stood for, already held whole (held-whole.ts): nothing to apply.
          if (u.covered && heldWhole(doc, u.update)) {
            applied = true
            continue
          }
          // Decoding first refuses a damaged update whole: Yjs would otherwise integrate its
          // structs before failing on a cut-short delete set, leaving half of it in the doc.
          Y.decodeUpdate(u.update)
          Y.applyUpdate(doc, u.update, REMOTE)
          applied = true
        } catch {
          this.rejected.push({ logKey: u.logKey, index: u.index, docId, reason: 'not a valid update' })
        }
      }
    }, REMOTE)
    if (damage) {
      const bad: Queued = damage
      this.rejected.push({ logKey: bad.logKey, index: bad.index, docId, reason: 'not a valid update' })
      this.suspects.add(bad.logKey)
      this.damaged = true
      doc.destroy()
      this.docs.delete(docId)
      return false
    }
    return applied
  }

  /** Keeps a block until governance can judge it (its log is unknown, or there is no genesis yet). */
  hold(logKey: string, index: number, docId: string, update: Uint8Array, also?: readonly number[]): void {
    this.pending.hold(logKey, also === undefined ? { index, docId, update } : { index, docId, update, also })
  }

  /** The lowest index held back from a log, if any: a checkpoint must resume there. */
  firstPending(logKey: string): number | undefined {
    return this.pending.first(logKey)
  }

  /** Whether accepted updates wait for a batch's transaction: blocks read (their logs' read positions moved) not in the docs yet. */
  get unapplied(): boolean {
    return this.queued !== null && this.queued.size > 0
  }

  /** How many blocks are held back in memory now (at most PENDING_MAX_BLOCKS). */
  get held(): number {
    return this.pending.size
  }

  /** Whether governance now knows a log some of whose held-back blocks were dropped: re-read it. */
  droppedKnown(auth: WriteAuthority): boolean {
    return this.pending.droppedFrom((log) => auth.knowsLog(log))
  }

  /** After governance changed: applies what was waiting and is now allowed. Returns changed doc ids. */
  retryPending(auth: WriteAuthority): string[] {
    const changed = new Set<string>()
    for (const [logKey, list] of this.pending.take()) {
      for (const b of list) {
        const id = this.applyBlock(auth, logKey, b.index, b.docId, b.update, b.also)
        if (id) changed.add(id)
      }
    }
    return [...changed]
  }

  /**
   * Lets the docs go (a group not in use, doc-rest.ts). `wake` must give back exactly the states
   * `snapshot` returned just before, with nothing applied between; it may throw (a coded error),
   * and the docs then stay resting and `damaged`, for the owner to rebuild from the logs.
   * Not while a batch runs or the set is damaged. Returns whether the docs rest.
   */
  rest(wake: () => ReadonlyMap<string, Uint8Array>): boolean {
    if (this.queued || this.damaged || this.resting) return false
    for (const d of this.docs.values()) d.destroy()
    this.docs.clear()
    this.resting = { wake, kept: [], bytes: 0 }
    return true
  }

  get isResting(): boolean {
    return this.resting !== null
  }

  /** Wakes resting docs now (may throw as a read would); nothing when awake. */
  wake(): void {
    this.awake()
  }

  /**
   * Wakes resting docs one doc state per macrotask (doc-wake.ts); they rest until the last is
   * built, then all come back at once, and a read meanwhile finishes the wake. Never rejects: a
   * failed wake leaves the docs resting and `damaged`, as `wake` does. `woken`: the one under way.
   */
  wakeInSlices(): Promise<void> {
    const r = this.resting
    if (!r || this.waking) return this.waking?.done ?? Promise.resolve()
    const wake = DocWake.of(() => this.restingStates(r), REMOTE)
    if (!wake) return Promise.resolve()
    const done = wake.inSlices(() => this.waking?.wake === wake).then(() => void (this.waking?.wake === wake && this.awake()), () => undefined)
    this.waking = { wake, done }
    return done
  }

  get woken(): Promise<void> | null {
    return this.waking?.done ?? null
  }

  private restingStates(r: NonNullable<typeof this.resting>): ReadonlyMap<string, Uint8Array> {
    try {
      return r.wake()
    } catch (e) {
      this.damaged = true
      throw e
    }
  }

  /** Brings resting docs back, then applies what was kept, each update checked as live ingest does. */
  private awake(): void {
    const r = this.resting
    if (!r) return
    const docs = (this.waking?.wake ?? new DocWake(this.restingStates(r), REMOTE)).finish()
    this.waking = null
    this.resting = null
    for (const [id, doc] of docs) this.docs.set(id, doc)
    const byDoc = new Map<string, Queued[]>()
    for (const k of r.kept) byDoc.set(k.docId, [...(byDoc.get(k.docId) ?? []), k])
    for (const [docId, list] of byDoc) this.apply(docId, list)
  }

  /** An accepted update while resting: kept for the wake, which comes early past KEPT_MAX_BYTES. */
  private keep(docId: string, entry: Queued): string {
    const r = this.resting as NonNullable<typeof this.resting>
    r.kept.push({ ...entry, docId })
    r.bytes += entry.update.length
    if (r.bytes > KEPT_MAX_BYTES && !this.damaged) {
      try {
        this.awake()
      } catch {
        // kept until the owner rebuilds (`damaged`); ingest never throws on a wake
      }
    }
    return docId
  }

  /** Full state of every doc at once. */
  snapshot(): Map<string, Uint8Array> {
    return new Map(this.states())
  }

  /**
   * Every doc's full state, each encoded only as it is read: a checkpoint seals one before the
   * next is made (checkpoint-file.ts `sealCheckpoint`). Read it at once, with nothing applied meanwhile.
   */
  states(): DocStates {
    this.awake()
    const docs = this.docs
    return { size: docs.size, *[Symbol.iterator]() { for (const [id, d] of docs) yield [id, Y.encodeStateAsUpdate(d)] as const } }
  }

  /** Loads a checkpoint's doc states. Only for states this device checked and sealed itself. */
  restore(states: ReadonlyMap<string, Uint8Array>): void {
    this.awake()
    for (const [id, state] of states) Y.applyUpdate(this.doc(id), state, REMOTE)
  }

  destroy(): void {
    this.resting = null
    this.waking?.wake.destroy()
    this.waking = null
    for (const d of this.docs.values()) d.destroy()
    this.docs.clear()
    this.pending.clear()
  }
}

/**
 * Whether every item an update carries is already in the doc (its clock ranges end at or below
 * the doc's). Read with update-clocks.ts, not Y.parseUpdateMeta, which decodes every string; an
 * update it cannot read is not known, and goes to Yjs, which judges it.
 */
function knownAlready(doc: Y.Doc, update: Uint8Array): boolean {
  const ends = updateEnds(update)
  if (!ends) return false
  for (const [client, clock] of ends) if (Y.getState(doc.store, client) < clock) return false
  return true
}

function entryOf(logKey: string, index: number, update: Uint8Array, also: readonly number[] | undefined, covered: boolean): Queued {
  return also !== undefined ? { logKey, index, update, summary: true } : covered ? { logKey, index, update, covered } : { logKey, index, update }
}
