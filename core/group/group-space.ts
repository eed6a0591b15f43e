/**
 * One group, open on this device: its identity, its governance's writes, its local changes, and
 * the rebuild. Reading the device logs (the catch-up, checkpoints, governance replay) is
 * GroupReading's (group-reading.ts), which this class extends.
 *
 * Writing: a local change runs in one Yjs transaction, becomes one block in our own device log, and
 * resolves once durable; edits made with `changeSoon` (typing) merge into one block per COALESCE_MS.
 * Every block we append (changes, governance events, checkpoint parts, tail indexes) goes through
 * the one write chain here, and each tells the tail index writer what it is (tail-index.ts), so
 * the file passes 400 lines rather than split the chain from its appends.
 *
 * A rebuild builds the new state aside and swaps it in (rebuildAside below); it lives here, next
 * to the writes it must carry over, since a module of its own made an import cycle
 * (docs/decisions.md, integrity second pass).
 */
import * as Y from 'yjs'
import { errors } from '../errors.ts'
import { wipeIdentity, type Identity } from '../crypto/identity.ts'
import { copyBytes, wipe } from '../crypto/wipe.ts'
import { BlockKind, encodeBlock } from '../store/block-codec.ts'
import type { Checkpoint, CheckpointToSeal } from '../store/checkpoint-file.ts'
import { checkWrite } from '../model/write-rule.ts'
import { DocSet } from './doc-set.ts'
import { signEvent, type UnsignedEvent } from './gov-event.ts'
import { bothBlocks, lifted, type ForkEvidence } from './equivocation.ts'
import { lockboxRecipients } from './epoch-keys.ts'
import { memberDocId } from '../model/doc-id.ts'
import { writerClientId } from '../model/shared-writers.ts'
import { encodeCheckpointParts, sharedCheckpointDue } from './shared-checkpoint.ts'
import { uncoveredBlocks } from './checkpoint-log.ts'
import { findTailIndex, SUFFIX_MIN, type TailIndex } from './tail-index.ts'
import { noteOf, TailIndexWriter, type BlockNote } from './tail-index-writer.ts'
import { flagsIn } from '../model/flags.ts'
import type { Readable } from './log-window.ts'
import { hasRoom } from './log-quota.ts'
import { GOVERNANCE_DOC, GroupReading, type AppendLog, type GroupKeys, type ReadLog, type SpaceOptions } from './group-reading.ts'

export { GOVERNANCE_DOC, type AppendLog, type GroupKeys, type ReadLog, type SpaceOptions } from './group-reading.ts'
export const COALESCE_MS = 300
/** The origin of our own transactions (rebuildAside replays them on the new state). */
export const LOCAL = Symbol('local')

export class GroupSpace extends GroupReading {
  /** rebuild aside */
  readonly queued = new Map<string, { update: Uint8Array; timer: NodeJS.Timeout }>()
  private writing: Promise<unknown> = Promise.resolve()
  /** The rebuild running now, if any (rebuild). */
  private rebuilt: Promise<unknown> = Promise.resolve()
  /** Rebuilds asked for and not finished (`rebuilding`). */
  private rebuilds = 0
  /** While a rebuild runs: local changes made meanwhile, applied to the new state at the swap (rebuildAside below). */
  local: { docId: string; update: Uint8Array }[] | null = null
  private sharing = false
  /** What our next tail index lists (tail-index.ts). */
  private readonly tailIndex = new TailIndexWriter()
  /** The tail index writer's read-back running off the write chain, if any (indexTailIfDue). */
  private indexing: Promise<void> | null = null

  constructor(
    readonly own: AppendLog,
    keys: GroupKeys,
    opts: SpaceOptions = {},
  ) {
    super(keys, opts)
    this.logs.set(own.key, own)
  }

  /** This membership's identity (the network signs connection proofs with it). */
  get identity(): Identity {
    return this.requireKeys().identity
  }

  /** What a checkpoint of this space holds now. Blocks still held back are read again after a restore. */
  checkpoint(): Checkpoint {
    return { ...this.toSeal(), docs: this.docs.snapshot() }
  }

  /** `checkpoint()` with each doc's state made only as it is sealed (checkpoint-file.ts `sealCheckpoint`). */
  toSeal(): CheckpointToSeal {
    this.requireKeys()
    // Mid-rebuild the docs shown are the state before it, which the new governance may refuse.
    if (this.local) throw errors.PROFILE_BUSY('the group is being rebuilt')
    const next = new Map(this.next)
    for (const [k, n] of next) next.set(k, Math.min(this.reading.resumeAt(k, n), this.docs.firstPending(k) ?? n, this.unreadable.get(k) ?? n))
    return { next, gov: this.govLog.records(), docs: this.docs.states(), shared: new Map(this.sharedCheckpoints), backfill: this.reading.backfillRecords() }
  }

  /** The epoch new blocks are sealed under. */
  get currentEpoch(): number {
    return this.requireKeys().current
  }

  /** A copy of an epoch key we hold (for sealing lockboxes). Throws BLOCK_EPOCH_UNKNOWN. */
  epochKey(epoch: number): Uint8Array {
    const key = this.requireKeys().epochs.get(epoch)
    if (!key) throw errors.BLOCK_EPOCH_UNKNOWN(`epoch ${epoch}`)
    return copyBytes(key)
  }

  /** Who got a lockbox of which epoch, from every rotation and share read (valid or not). */
  lockboxes(): Map<number, { check: string; recipients: Set<string> }> {
    return lockboxRecipients(this.govLog.epochEvents())
  }

  /** Every epoch id whose key this device holds. */
  heldEpochs(): number[] {
    return [...this.requireKeys().epochs.keys()]
  }
  holdsEpoch(epoch: number): boolean {
    return this.requireKeys().epochs.has(epoch)
  }

  /** Keeps a key we made ourselves (a rotation) before the event announcing it is written. */
  addEpochKey(epoch: number, key: Uint8Array): void {
    this.requireKeys().epochs.set(epoch, copyBytes(key))
    this.onKeys([[epoch, copyBytes(key)]])
  }

  /** Whether this device's member is still in the group, and if not, how it ended. */
  get membership(): 'member' | 'removed' | 'left' {
    const m = this.gov?.membershipOf(this.me)
    return m === 'removed' || m === 'left' ? m : 'member'
  }

  /**
   * Yjs cannot take an update back, so when a late event takes rights away (DESIGN.md §3.3),
   * the docs are rebuilt from every known log under the final governance. The new state is built
   * aside, in a space of its own, and swapped in whole: a feed read meanwhile shows the state
   * before, never a part of the new one. Rebuilds run one at a time.
   */
  protected rebuild(): Promise<void> {
    this.rebuildNeeded = false
    this.rebuilds++
    const run = this.rebuilt.then(() => rebuildAside(this)).finally(() => void this.rebuilds--)
    this.rebuilt = run.catch(() => undefined)
    return run
  }

  /** From the call on, not only while built aside (`local`): a rebuild may wait for the one before it. */
  protected override rebuilding(): boolean {
    return this.rebuilds > 0 || this.local !== null
  }

  /**
   * Writes evidence that a device log was rewritten (equivocation.ts) as a governance event in
   * our own log, unless governance already freezes that log there or earlier — except once more
   * at the same index when only "taken back" is known there so far and this shows both blocks
   * (for the facilitators' review). Returns whether it wrote.
   */
  async reportFork(evidence: ForkEvidence): Promise<boolean> {
    const gov = this.gov
    if (!gov || this.membership !== 'member') return false
    // Lifted by facilitators already (freeze-book.ts): nothing new to tell.
    if (lifted(evidence, gov.freezes.lifts)) return false
    const frozen = gov.frozen.get(evidence.log)
    const adds = frozen === evidence.index && bothBlocks(evidence) && !gov.forkReports.some((r) => r.log === evidence.log && r.index === frozen && bothBlocks(r))
    if (frozen !== undefined && frozen <= evidence.index && !adds) return false
    await this.writeGovernance({ v: 1, kind: 'log.fork', group: gov.groupId, author: this.me, at: Date.now(), seen: this.seen(), body: evidence })
    return true
  }

  /** The causal context for a new event: every log's length as this device has read it. */
  seen(): Record<string, number> {
    // Our own log always counts in full: a leave's cut-off must keep everything we wrote before it.
    const own = Math.max(this.next.get(this.own.key) ?? 0, this.own.length)
    return { ...Object.fromEntries(this.next), [this.own.key]: own }
  }

  /**
   * Signs and appends a governance event to our own log, applies it like any other, returns its
   * index. `sealEpoch`: another epoch key to seal under (a rotation's, which its recipients hold).
   */
  async writeGovernance(event: UnsignedEvent, sealEpoch?: number): Promise<number> {
    const { payload } = signEvent(event, this.requireKeys().identity.signSecretKey)
    const index = await this.appendBlock(BlockKind.Governance, GOVERNANCE_DOC, payload, sealEpoch)
    this.next.set(this.own.key, Math.max(this.next.get(this.own.key) ?? 0, index + 1))
    this.indexTailIfDue()
    const changed = this.addGovernance(this.own.key, index, payload, false)
    if (this.rebuildNeeded) await this.rebuild()
    if (changed.length) this.onChange(changed)
    return index
  }

  /** A local change: one transaction, one block, resolved once durable. */
  async change(docId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    this.changeSoon(docId, fn)
    await this.flush(docId)
  }

  /** Applies a change now and writes it within COALESCE_MS, merged with others to the same doc. */
  changeSoon(docId: string, fn: (doc: Y.Doc) => void): void {
    this.requireKeys()
    if (this.membership !== 'member') throw errors.NOT_ALLOWED('you are no longer a member of this group')
    const check = checkWrite(this.governance, this.own.key, this.own.length, docId)
    if (!check.ok) throw errors.NOT_ALLOWED(check.reason)
    const doc = this.docs.doc(docId)
    const updates: Uint8Array[] = []
    const capture = (u: Uint8Array, origin: unknown): void => {
      if (origin === LOCAL) updates.push(u)
    }
    doc.on('update', capture)
    // Shared docs are written under this log's own writer id, so every peer can tell who wrote
    // each entry (core/model/shared-writers.ts); only for this transaction, or Yjs would take
    // our own items read back from the log for another client's and pick a new id.
    const clientID = doc.clientID
    if (check.doc.cls === 'shared') doc.clientID = writerClientId(this.own.key)
    try {
      doc.transact(() => fn(doc), LOCAL)
    } finally {
      doc.clientID = clientID
      doc.off('update', capture)
    }
    if (!updates.length) return
    if (this.local) for (const update of updates) this.local.push({ docId, update })
    // The window opens with the first change and is not pushed back by later ones, so steady
    // typing is still written every COALESCE_MS.
    const prior = this.queued.get(docId)
    const update = Y.mergeUpdates(prior ? [prior.update, ...updates] : updates)
    const timer = prior?.timer ?? setTimeout(() => void this.flush(docId).catch(() => undefined), COALESCE_MS)
    this.queued.set(docId, { update, timer })
    this.onChange([docId])
  }

  /** Writes the queued change of one doc (or all docs) now. */
  async flush(docId?: string): Promise<void> {
    const ids = docId === undefined ? [...this.queued.keys()] : [docId]
    for (const id of ids) {
      const q = this.queued.get(id)
      if (!q) continue
      clearTimeout(q.timer)
      this.queued.delete(id)
      let index: number
      try {
        index = await this.appendBlock(BlockKind.YjsUpdate, id, q.update)
      } catch (e) {
        // The change is in memory but not on disk: rebuild from the logs so nothing shows that
        // was not stored. Other queued typing would fail the same way; it is dropped with it.
        for (const other of this.queued.values()) clearTimeout(other.timer)
        this.queued.clear()
        await this.rebuild()
        this.onChange([id])
        throw e
      }
      this.next.set(this.own.key, Math.max(this.next.get(this.own.key) ?? 0, index + 1))
    }
    this.shareCheckpointIfDue()
    this.indexTailIfDue()
  }

  /** The tail index a reader starts from (SUFFIX_MIN back, tail-index.ts) among a planned log's newest held blocks, its checkpoint ending at `end` (checkpoint-fetch.ts). */
  tailIndexOf(log: Readable, end: number, length: number, docId: string): Promise<TailIndex | 'none' | 'wait'> {
    // Of the checkpoint's own doc, as the preview asks (tail-preview.ts): both must pick one index.
    return findTailIndex(log, end, length, docId, this.open, SUFFIX_MIN)
  }

  /**
   * Once a block follows our latest shared checkpoint, then every TAIL_INDEX_EVERY blocks, a tail index (tail-index.ts)
   * after the writes queued so far. Like a checkpoint it only saves newcomers time: a failure is dropped.
   */
  private indexTailIfDue(): void {
    const start = this.sharedCheckpoints.get(this.own.key)
    // The first index as soon as a block follows the checkpoint (it carries our flags: tail-index.ts); `due` spaces the rest.
    if (start === undefined || this.own.length <= start || !this.keys) return
    const docId = memberDocId(this.me)
    if (!this.tailIndex.ready(start, docId)) {
      // The first index of a checkpoint, or after a restart, when the writer reads back what it
      // was not told of (up to its whole tail): off the write chain, so no post waits for it.
      // The index follows once that is done (asked once, however many posts come meanwhile).
      this.indexing ??= this.tailIndex.prepare(this.own, start, docId, this.open).catch(() => undefined).then(() => {
        this.indexing = null
        if (this.keys && this.tailIndex.ready(start, docId)) this.indexTailIfDue()
      })
      return
    }
    const run = this.writing.then(async () => {
      const keys = this.keys
      if (!keys) return
      const payload = await this.tailIndex.due(this.own, start, docId, this.open, () => flagsIn(this.docs.memberDoc(this.me)))
      const key = keys.epochs.get(keys.current)
      if (!payload || this.keys !== keys || !key) return
      const block = encodeBlock({ epoch: keys.current, kind: BlockKind.TailIndex, docId, payload }, key)
      if (!hasRoom(this.own, [block])) return
      const index = await this.own.append(block)
      this.tell(index, () => noteOf(BlockKind.TailIndex, docId, payload, docId))
      this.next.set(this.own.key, Math.max(this.next.get(this.own.key) ?? 0, index + 1))
    })
    this.writing = run.catch(() => undefined)
  }

  /** Tells the tail index writer of block `index`, just appended; not before our first checkpoint (no tail holds such a block). */
  private tell(index: number, note: () => BlockNote): void {
    if (this.sharedCheckpoints.has(this.own.key)) this.tailIndex.told(index, note())
  }

  /**
   * When our log is due one (sharedCheckpointDue), appends a shared checkpoint of our member doc
   * after the writes queued so far, its parts in consecutive blocks. A failure costs newcomers
   * speed only, so it is dropped.
   */
  private shareCheckpointIfDue(): void {
    if (this.sharing || !this.gov || !sharedCheckpointDue(this.own.length, this.sharedCheckpoints.get(this.own.key) ?? null)) return
    this.sharing = true
    const run = this.writing.then(() => this.writeSharedCheckpoint()).finally(() => (this.sharing = false))
    this.writing = run.catch(() => undefined)
  }

  private async writeSharedCheckpoint(): Promise<void> {
    const keys = this.requireKeys()
    const start = this.own.length
    const docId = memberDocId(this.me)
    const uncovered = await uncoveredBlocks(this.own, start, docId, this.open)
    // Locked while we read (dropKeys wiped the keys in place): seal nothing, with nothing.
    if (this.keys !== keys || this.own.length !== start) return
    const key = keys.epochs.get(keys.current)
    if (!key) throw errors.BLOCK_EPOCH_UNKNOWN(`epoch ${keys.current}`)
    // Sealed now, all parts, before any await: a lock after this point cannot reach the key.
    const blocks = encodeCheckpointParts(docId, start, uncovered, Y.encodeStateAsUpdate(this.docs.doc(docId)))
      .map((payload) => encodeBlock({ epoch: keys.current, kind: BlockKind.Checkpoint, docId, payload }, key))
    if (!hasRoom(this.own, blocks)) return // it only saves newcomers time: none past the byte budget
    let index = start - 1
    for (const block of blocks) {
      index = await this.own.append(block)
      // No tail holds a part of its own checkpoint, but the one before may still be indexed up to here.
      this.tell(index, () => noteOf(BlockKind.Checkpoint, docId, new Uint8Array(0), docId))
    }
    if (index !== start + blocks.length - 1) throw errors.INTERNAL('checkpoint parts are not consecutive')
    this.next.set(this.own.key, Math.max(this.next.get(this.own.key) ?? 0, index + 1))
    this.sharedCheckpoints.set(this.own.key, start)
    this.tailIndex.started(start, index + 1, docId)
  }

  private appendBlock(kind: BlockKind, docId: string, payload: Uint8Array, sealEpoch?: number): Promise<number> {
    const keys = this.requireKeys()
    const epoch = sealEpoch ?? keys.current
    const key = keys.epochs.get(epoch)
    if (!key) throw errors.BLOCK_EPOCH_UNKNOWN(`epoch ${epoch}`)
    const mine = memberDocId(this.me)
    const block = encodeBlock({ epoch, kind, docId, payload }, key)
    const run = this.writing.then(async () => {
      hasRoom(this.own, [block], true)
      const index = await this.own.append(block)
      // From the plaintext we hold (tail-index.ts `noteOf`: for our own member-doc updates,
      // whether one may flag), so the tail index need not read the block back; made once the
      // block is appended, so its decode does not delay it.
      this.tell(index, () => noteOf(kind, docId, payload, mine))
      return index
    })
    this.writing = run.catch(() => undefined)
    return run
  }

  /** Resolves once every block handed to the log so far is durable (or failed). */
  idle(): Promise<unknown> {
    return this.writing
  }

  /** As `idle`, after the tail index writer's read-back, if one runs off the write chain, and the index it lets us write. */
  async indexed(): Promise<unknown> {
    while (this.indexing) await this.indexing
    return this.writing
  }

  /**
   * Drops and wipes every key this space holds (lock, quick exit). Synchronous on purpose. Typing
   * still waiting for its coalescing window is sealed first, so locking never loses it.
   */
  dropKeys(): void {
    if (!this.keys) return
    for (const [id, q] of this.queued) {
      clearTimeout(q.timer)
      void this.appendBlock(BlockKind.YjsUpdate, id, q.update).catch(() => undefined)
    }
    this.queued.clear()
    const k = this.keys
    this.keys = null
    wipeIdentity(k.identity)
    for (const key of k.epochs.values()) wipe(key)
    this.docs.destroy()
  }

}

// ---- The rebuild built aside ----
/*
 * Views are never partial: when a late event takes rights away, a key arrives or a log is frozen,
 * a group space is rebuilt by reading every known log again into a new space built aside — a
 * shadow GroupSpace sharing the logs and keys — whose docs, read positions and governance are
 * then swapped in at once, synchronously. A feed read meanwhile shows the state before, whole.
 * Local changes made during the rebuild are applied to the new state at the swap; blocks a
 * concurrent catch-up read meanwhile are read into the shadow before it. The caller
 * (GroupSpace.rebuild) runs rebuilds one at a time.
 */

async function rebuildAside(space: GroupSpace): Promise<void> {
  const keys = space.keys
  if (!keys) return
  const changed = new Set<string>()
  const shadow = new GroupSpace(space.own, keys, { groupId: space.groupId, onKeys: space.onKeys, onChange: (ids) => ids.forEach((id) => changed.add(id)) })
  // Logs under suspicion stay checked update by update: the shadow's docs share the one set.
  shadow.docs.destroy()
  shadow.docs = new DocSet(space.suspects)
  for (const r of space.govLog.records()) shadow.addGovernance(r.logKey, r.index, r.payload, true)
  shadow.replayGovernance()
  // Logs read from a checkpoint are read from it again; if the new governance refuses it,
  // they are fetched whole (needsFull).
  shadow.reading.planLike(space.reading)
  space.local = []
  try {
    const logs = (): ReadLog[] => [...space.logs.values()]
    for (const log of logs()) await shadow.catchUp(log)
    // Blocks this space read while the shadow was reading (a concurrent catch-up) are read too.
    for (const log of logs()) if ((space.next.get(log.key) ?? 0) > (shadow.next.get(log.key) ?? 0)) await shadow.catchUp(log)
  } catch (e) {
    space.local = null
    shadow.docs.destroy()
    throw e
  }
  if (space.keys !== keys) {
    space.local = null
    shadow.docs.destroy() // locked meanwhile: nothing to show
    return
  }
  swap(space, shadow)
  if (changed.size) space.onChange([...changed])
}

/** The swap: synchronous, so no read sees half of it. */
function swap(space: GroupSpace, shadow: GroupSpace): void {
  const local = space.local ?? []
  space.local = null
  for (const { docId, update } of local) Y.applyUpdate(shadow.docs.doc(docId), update, LOCAL)
  for (const [docId, q] of space.queued) Y.applyUpdate(shadow.docs.doc(docId), q.update, LOCAL)
  space.docs.destroy()
  space.docs = shadow.docs
  const copy = <K, V>(to: Map<K, V>, from: Map<K, V>): void => {
    to.clear()
    for (const [k, v] of from) to.set(k, v)
  }
  copy(space.next, shadow.next)
  copy(space.unreadable, shadow.unreadable)
  space.reading.adopt(shadow.reading)
  for (const r of shadow.govLog.records()) space.addGovernance(r.logKey, r.index, r.payload, true)
  space.gov = space.govLog.replay()
  space.blocksRead += shadow.blocksRead
}
