/**
 * One group, open on this device: its governance, its docs, and the device logs they come from.
 *
 * Reading: every block of every known log before its byte budget's end (log-quota.ts) passes
 * through `ingest`, in log order: decrypted under its epoch key, then a governance event updates
 * governance, and a Yjs update goes through the write rule (DocSet) before it may touch a doc. Runs
 * are read in windows of concurrent reads (log-window.ts) and applied in one DocSet batch (an
 * update Yjs cannot read makes the docs be rebuilt). `next` says how far each log was read.
 *
 * Shared checkpoints: a log with a plan — the start S of a checkpoint a welcome or an earlier read
 * named — is read sparsely; which blocks are read when is checkpoint-reading.ts, judging them is
 * here. A rebuild builds the new state aside and swaps it in (rebuildAside below).
 *
 * Writing: a local change runs in one Yjs transaction, becomes one block in our own device log, and
 * resolves once durable; edits made with `changeSoon` (typing) merge into one block per COALESCE_MS.
 *
 * Epoch keys: after every replay, lockboxes sealed to us are opened and kept (epoch-keys.ts). A
 * block sealed under a key we lack is remembered; once a new key arrives the docs are rebuilt.
 *
 * Past 400 lines: reading, writing and the rebuild share one state that must change together; a
 * rebuild module of its own made an import cycle (docs/decisions.md, integrity second pass).
 */
import * as Y from 'yjs'
import { errors, HearthError } from '../errors.ts'
import { wipeIdentity, type Identity } from '../crypto/identity.ts'
import { copyBytes, wipe } from '../crypto/wipe.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../store/block-codec.ts'
import type { Checkpoint } from '../store/checkpoint-file.ts'
import { checkWrite } from '../model/write-rule.ts'
import { DocSet } from './doc-set.ts'
import { signEvent, type UnsignedEvent } from './gov-event.ts'
import { bothBlocks, lifted, type ForkEvidence } from './equivocation.ts'
import { lockboxRecipients, openNewLockboxes, writableEpoch } from './epoch-keys.ts'
import type { Governance } from './governance.ts'
import { GovernanceLog } from './governance-log.ts'
import { memberDocId } from '../model/doc-id.ts'
import { writerClientId } from '../model/shared-writers.ts'
import { encodeCheckpointParts, sharedCheckpointDue } from './shared-checkpoint.ts'
import { checkpointNeeds, firstPart, uncoveredBlocks } from './checkpoint-log.ts'
import { readRun, type Readable } from './log-window.ts'
import { CheckpointReading } from './checkpoint-reading.ts'
import { hasRoom, logQuota, QuotaBook, type QuotaSource } from './log-quota.ts'

export const GOVERNANCE_DOC = 'governance'
export const COALESCE_MS = 300
/** The origin of our own transactions (rebuildAside replays them on the new state). */
export const LOCAL = Symbol('local')

/** Any device log as a group space reads it. A block not held yet reads as null. */
export interface ReadLog extends QuotaSource, Readable {
  /** the log's key, lowercase hex */
  readonly key: string
  readonly length: number
}

/** Our own device log (core/store/device-log.ts provides it). */
export interface AppendLog extends ReadLog {
  /** Resolves with the block's index once it is durable. */
  append(block: Uint8Array): Promise<number>
}

export interface GroupKeys {
  identity: Identity
  /** epoch id → 32-byte key */
  epochs: Map<number, Uint8Array>
  /** the epoch new blocks are sealed under */
  current: number
}

export interface SpaceOptions {
  /** The group this space must be (from the vault); null only while creating the group. */
  groupId?: string | null
  onChange?: (docIds: string[]) => void
  /** Epoch keys opened from lockboxes, to keep (the registry stores them in the vault). */
  onKeys?: (keys: [number, Uint8Array][]) => void
}

/**
 * Members marked "rebuild aside" are not private only so that the rebuild (rebuildAside, at the
 * end of this file) can build a space aside and swap its state in; nothing else touches them.
 */
export class GroupSpace {
  /** Logs that sent an update Yjs could not read: checked before applying, across rebuilds (doc-set.ts). */
  readonly suspects = new Set<string>()
  docs = new DocSet(this.suspects)
  /** log key → index of the next block to read */
  readonly next = new Map<string, number>()
  /** Blocks read from logs since this space was made (a checkpoint keeps this small). */
  blocksRead = 0
  /** Counts replays that changed governance (the network layer retries waiting logs then). */
  governanceChanges = 0
  /** rebuild aside */
  gov: Governance | null = null
  /** rebuild aside */
  readonly govLog: GovernanceLog
  /** Governance events arrived during a batch: replay once at its end. */
  private govDirty = false
  /** A replay took rights away: docs built under the old state must be rebuilt from the logs. */
  private rebuildNeeded = false
  /** rebuild aside */
  readonly logs = new Map<string, ReadLog>()
  /** rebuild aside */
  keys: GroupKeys | null
  /** rebuild aside */
  readonly queued = new Map<string, { update: Uint8Array; timer: NodeJS.Timeout }>()
  private writing: Promise<unknown> = Promise.resolve()
  /** The rebuild running now, if any (rebuild). */
  private rebuilt: Promise<unknown> = Promise.resolve()
  /** While a rebuild runs: local changes made meanwhile, applied to the new state at the swap (rebuildAside below). */
  local: { docId: string; update: Uint8Array }[] | null = null
  private sharing = false
  /** rebuild aside */
  readonly onChange: (docIds: string[]) => void
  /** rebuild aside */
  readonly onKeys: (keys: [number, Uint8Array][]) => void
  /** log key → lowest index sealed under an epoch key we lacked when reading it (rebuildAside below) */
  readonly unreadable = new Map<string, number>()
  /** Reading logs from shared checkpoints (checkpoint-reading.ts). */
  readonly reading = new CheckpointReading({
    judgeSparse: (logKey, index, bytes) => this.judge(logKey, index, bytes, true, true),
    applyCheckpoint: (logKey, start, last, docId, state) => this.applyCheckpoint(logKey, start, last, docId, state),
    reject: (logKey, index, docId, reason) => this.docs.rejected.push({ logKey, index, docId, reason }),
    replayIfDirty: (changed) => {
      if (this.govDirty) for (const id of this.replayGovernance()) changed.add(id)
    },
    knowsLog: (logKey) => this.gov?.knowsLog(logKey) ?? false,
    open: (raw) => this.open(raw),
    readOn: (logKey, next, blocks) => {
      this.blocksRead += blocks
      this.next.set(logKey, next)
    },
    countRead: (blocks) => (this.blocksRead += blocks),
    mayWrite: (logKey, index, docId) => this.quota.allows(logKey, index) && !!this.gov && checkWrite(this.gov, logKey, index, docId).ok,
  })
  readonly quota = new QuotaBook() // where each log's byte budget ends (log-quota.ts)
  /** log key → start of the latest shared checkpoint accepted from it (welcomes pass these on). */
  readonly sharedCheckpoints: Map<string, number> = this.reading.shared
  /** Logs whose checkpoint was refused: they must be fetched and read from block 0. */
  readonly needsFull: Set<string> = this.reading.needsFull

  constructor(
    readonly own: AppendLog,
    keys: GroupKeys,
    opts: SpaceOptions = {},
  ) {
    this.keys = keys
    this.govLog = new GovernanceLog(opts.groupId ?? null)
    this.onChange = opts.onChange ?? (() => undefined)
    this.onKeys = opts.onKeys ?? (() => undefined)
    this.logs.set(own.key, own)
  }

  /** This membership's identity (the network signs connection proofs with it). */
  get identity(): Identity {
    return this.requireKeys().identity
  }

  get me(): string {
    return Buffer.from(this.requireKeys().identity.signPublicKey).toString('hex')
  }

  /** The group id, once genesis has been read. */
  get groupId(): string | null {
    return this.gov?.groupId ?? null
  }

  get governance(): Governance {
    // Not read yet (a newcomer, a join cut short) is not damage: its own code (issue 14).
    if (!this.gov) throw errors.NOT_SYNCED_YET('the group’s first event has not been read yet')
    return this.gov
  }

  /** Loads a checkpoint this device wrote: governance first, then doc states, then where to resume. */
  restore(c: Checkpoint): void {
    for (const g of c.gov) {
      try {
        this.govLog.add(g.logKey, g.index, g.payload)
      } catch {
        // a checkpoint only holds events that verified when it was written
      }
    }
    this.gov = this.govLog.replay()
    this.learnKeys()
    this.chooseEpoch()
    this.docs.restore(c.docs)
    for (const [k, n] of c.next) this.next.set(k, n)
    this.reading.restore(c.shared ?? [], c.backfill ?? [])
  }

  /** Reads `logKey` from the shared checkpoint starting at `start`, if it was not read at all yet. */
  planCheckpoint(logKey: string, start: number): void {
    this.reading.plan(logKey, start, this.next.get(logKey) ?? 0)
  }

  /**
   * What to fetch for a planned log once the checkpoint's first block is here: the blocks it
   * lists as uncovered and its other parts, and where the log goes on after it. Null when that
   * block is not a readable checkpoint part 0 (the log is then read whole).
   */
  checkpointNeeds(start: number, first: Uint8Array): { blocks: number[]; end: number } | null {
    const part = firstPart(first, start, this.open)
    return part && checkpointNeeds(part)
  }

  /** The checkpoint start a log is planned to be read from, if any. */
  planOf(logKey: string): number | undefined {
    return this.reading.planOf(logKey)
  }

  /** What a checkpoint of this space holds now. Blocks still held back are read again after a restore. */
  checkpoint(): Checkpoint {
    this.requireKeys()
    // Mid-rebuild the docs shown are the state before it, which the new governance may refuse.
    if (this.local) throw errors.PROFILE_BUSY('the group is being rebuilt')
    const next = new Map(this.next)
    for (const [k, n] of next) next.set(k, Math.min(this.reading.resumeAt(k, n), this.docs.firstPending(k) ?? n, this.unreadable.get(k) ?? n))
    return { next, gov: this.govLog.records(), docs: this.docs.snapshot(), shared: new Map(this.sharedCheckpoints), backfill: this.reading.backfillRecords() }
  }

  /**
   * Reads every block of `log` not read yet, up to the first one not held locally. Bad blocks are
   * skipped with their reason recorded. Governance events read here are replayed once, at the end.
   */
  async catchUp(log: ReadLog): Promise<void> {
    this.logs.set(log.key, log)
    if (log.quotaEnd) this.quota.set(log.key, await log.quotaEnd(logQuota()))
    const changed = new Set<string>()
    await this.docs.batch(async () => {
      if (this.quota.unknown(log.key) || !(await this.reading.fromCheckpoint(log, changed))) return
      this.reading.startRun(log.key)
      try {
        for await (const [i, block] of readRun(log, this.next.get(log.key) ?? 0, () => Math.min(log.length, this.quota.readEnd(log.key)))) {
          this.blocksRead++
          for (const id of this.ingest(log.key, i, block, true)) changed.add(id)
        }
      } finally {
        this.reading.endRun(log.key, changed)
      }
      await this.reading.backfill(log, changed)
      if (this.govDirty) for (const id of this.replayGovernance()) changed.add(id)
    })
    if (this.docs.damaged) this.rebuildNeeded = true
    if (this.rebuildNeeded) {
      await this.rebuild()
      changed.add(GOVERNANCE_DOC)
    }
    if (changed.size) this.onChange([...changed])
  }

  /** One block from any log. Returns the doc ids it changed. Never throws on bad data. */
  ingest(logKey: string, index: number, bytes: Uint8Array, deferGovernance = false): string[] {
    if (index < (this.next.get(logKey) ?? 0)) return []
    this.next.set(logKey, index + 1)
    return this.judge(logKey, index, bytes, deferGovernance, false)
  }

  /** Decodes and applies one block wherever it sits. `sparse`: an older checkpoint is skipped, its state is in the newer one. */
  private judge(logKey: string, index: number, bytes: Uint8Array, deferGovernance: boolean, sparse: boolean): string[] {
    if (!this.quota.allows(logKey, index)) return []
    let block
    try {
      block = decodeBlock(bytes, (e) => this.requireKeys().epochs.get(e), fastProvider)
    } catch (e) {
      if (!(e instanceof HearthError)) throw e
      if (e.code === 'BLOCK_EPOCH_UNKNOWN') this.unreadable.set(logKey, Math.min(index, this.unreadable.get(logKey) ?? index))
      this.docs.rejected.push({ logKey, index, docId: '', reason: e.code })
      return []
    }
    if (block.kind === BlockKind.Governance) return this.addGovernance(logKey, index, block.payload, deferGovernance)
    if (block.kind === BlockKind.Checkpoint) return sparse ? [] : this.reading.part(logKey, index, block.docId, block.payload)
    if (block.kind !== BlockKind.YjsUpdate) {
      this.docs.rejected.push({ logKey, index, docId: block.docId, reason: 'unexpected block' })
      return []
    }
    if (!this.gov) {
      this.docs.hold(logKey, index, block.docId, block.payload)
      return []
    }
    const id = this.docs.applyBlock(this.gov, logKey, index, block.docId, block.payload)
    return id ? [id] : []
  }

  /** Applies a whole checkpoint under the write rule at both ends of what it stands for. */
  private applyCheckpoint(logKey: string, start: number, last: number, docId: string, state: Uint8Array): boolean {
    if (!this.quota.allows(logKey, last)) return false
    if (!this.gov) {
      // Judged once governance is known; remembered now, as a refusal then costs only time.
      this.docs.hold(logKey, start, docId, state, [0, last])
      this.sharedCheckpoints.set(logKey, start)
      return false
    }
    const id = this.docs.applyBlock(this.gov, logKey, start, docId, state, [0, last])
    if (id) this.sharedCheckpoints.set(logKey, start)
    return id !== null
  }

  /** Logs read from a checkpoint whose covered blocks are not read yet: log key → end (exclusive). */
  backfillsLeft(): Map<string, number> {
    return this.reading.backfillsLeft()
  }

  /** Blocks a checkpoint stood for that the backfill has not read yet (skipped ones counted too). */
  historyLeft(): number {
    return this.reading.historyLeft()
  }

  /** Whether any log still waits to be read from its checkpoint. */
  get planned(): boolean {
    return this.reading.planned
  }

  /** rebuild aside */
  addGovernance(logKey: string, index: number, payload: Uint8Array, defer: boolean): string[] {
    try {
      if (!this.govLog.add(logKey, index, payload)) return []
    } catch (e) {
      if (!(e instanceof HearthError)) throw e
      this.docs.rejected.push({ logKey, index, docId: GOVERNANCE_DOC, reason: e.code })
      return []
    }
    if (defer) {
      this.govDirty = true
      return []
    }
    return this.replayGovernance()
  }

  /** Recomputes governance from every event; applies what was waiting and is now allowed. */
  replayGovernance(): string[] {
    this.govDirty = false
    const before = this.gov
    this.gov = this.govLog.replay()
    if (!this.gov) return []
    const after = this.gov.grants()
    if (before && [...before.grants()].some(([log, grant]) => after.get(log) !== grant)) this.rebuildNeeded = true
    if (this.learnKeys() && this.unreadable.size) this.rebuildNeeded = true
    // Held-back blocks dropped past the flood bound (doc-set.ts) are read again from the log.
    if (this.docs.droppedKnown(this.gov)) this.rebuildNeeded = true
    this.chooseEpoch()
    const applied = this.docs.retryPending(this.gov)
    const same = before !== null && before.fingerprint() === this.gov.fingerprint()
    if (!same) this.governanceChanges++
    return same && applied.length === 0 ? [] : [GOVERNANCE_DOC, ...applied]
  }

  /** Opens every lockbox sealed to us whose key we lack. Returns whether any key was new. */
  private learnKeys(): boolean {
    if (!this.keys) return false
    const checks = this.gov?.epochs.checks
    const added = openNewLockboxes(this.keys.epochs, this.me, this.keys.identity, this.govLog.epochEvents(), (e) => checks?.get(e))
    if (added.length) this.onKeys(added)
    return added.length > 0
  }

  private chooseEpoch(): void {
    const e = this.keys && this.gov ? writableEpoch(this.keys.epochs, this.gov.epochs.chain, this.gov.epochs.checks) : undefined
    if (this.keys && e !== undefined) this.keys.current = e
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
  private rebuild(): Promise<void> {
    this.rebuildNeeded = false
    const run = this.rebuilt.then(() => rebuildAside(this))
    this.rebuilt = run.catch(() => undefined)
    return run
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
    for (const block of blocks) index = await this.own.append(block)
    if (index !== start + blocks.length - 1) throw errors.INTERNAL('checkpoint parts are not consecutive')
    this.next.set(this.own.key, Math.max(this.next.get(this.own.key) ?? 0, index + 1))
    this.sharedCheckpoints.set(this.own.key, start)
  }

  private appendBlock(kind: BlockKind, docId: string, payload: Uint8Array, sealEpoch?: number): Promise<number> {
    const keys = this.requireKeys()
    const epoch = sealEpoch ?? keys.current
    const key = keys.epochs.get(epoch)
    if (!key) throw errors.BLOCK_EPOCH_UNKNOWN(`epoch ${epoch}`)
    const block = encodeBlock({ epoch, kind, docId, payload }, key)
    const run = this.writing.then(() => (hasRoom(this.own, [block], true), this.own.append(block)))
    this.writing = run.catch(() => undefined)
    return run
  }

  /** Resolves once every block handed to the log so far is durable (or failed). */
  idle(): Promise<unknown> {
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

  /** Opens a block of this group with the epoch keys we hold (bulk path: the fast provider). */
  private readonly open = (raw: Uint8Array): ReturnType<typeof decodeBlock> => decodeBlock(raw, (e) => this.requireKeys().epochs.get(e), fastProvider)

  private requireKeys(): GroupKeys {
    if (!this.keys) throw errors.PROFILE_LOCKED()
    return this.keys
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
