/**
 * Reading a group's device logs into its state: the catch-up GroupSpace (group-space.ts) builds on.
 *
 * Every block of every known log before its byte budget's end (log-quota.ts) passes through
 * `ingest`, in log order: decrypted under its epoch key, then a governance event updates
 * governance, and a Yjs update goes through the write rule (DocSet) before it may touch a doc. Runs
 * are read in windows of concurrent reads (log-window.ts) and applied in one DocSet batch (an
 * update Yjs cannot read makes the docs be rebuilt). `next` says how far each log was read.
 *
 * Shared checkpoints: a log with a plan — the start S of a checkpoint a welcome or an earlier read
 * named — is read sparsely; which blocks are read when is checkpoint-reading.ts, judging them is
 * here.
 *
 * Epoch keys: after every replay, lockboxes sealed to us are opened and kept (epoch-keys.ts). A
 * block sealed under a key we lack is remembered; once a new key arrives the docs are rebuilt.
 *
 * The rebuild itself (a new state built aside and swapped in) is GroupSpace's; this class only
 * says when one is needed. A base class rather than a part GroupSpace holds, so every member
 * keeps its name on GroupSpace (many modules read `space.next`, `space.docs`, `space.reading`).
 *
 * Past 400 lines (DESIGN.md §8) on purpose: the batch, the settle point and the governance replay
 * read and write the same private state (`govDirty`, `provisional`, `rebuildNeeded`), and the
 * settle point's soundness is one argument over all three; split apart, that state would have to
 * be made public. The sparse reading from checkpoints is already apart (checkpoint-reading.ts),
 * and so is the first-sync guard's state (first-sync.ts); what stays here of it is `arriving`, which
 * the settle point decides.
 */
import { errors, HearthError } from '../errors.ts'
import type { Identity } from '../crypto/identity.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { BlockKind, decodeBlock } from '../store/block-codec.ts'
import type { Checkpoint } from '../store/checkpoint-file.ts'
import { checkWrite } from '../model/write-rule.ts'
import { SHARED_DOCS } from '../model/doc-id.ts'
import { DocSet } from './doc-set.ts'
import { openNewLockboxes, writableEpoch } from './epoch-keys.ts'
import type { Governance } from './governance.ts'
import { GovernanceLog } from './governance-log.ts'
import { checkpointNeeds, firstPart } from './checkpoint-log.ts'
import { readWindows, type Readable } from './log-window.ts'
import { CheckpointReading } from './checkpoint-reading.ts'
import type { LogWait } from './first-sync.ts'
import { tailIndexProblem } from './tail-index.ts'
import { logQuota, QuotaBook, type QuotaSource } from './log-quota.ts'

export const GOVERNANCE_DOC = 'governance'
/** Not a doc: told to onChange when a settle point ends a newcomer's "history arriving" (`arriving`). */
export const HISTORY_SETTLED = 'history-settled'
/** Not a doc: told to onChange when a newcomer's first sync ends (first-sync.ts; the registry clears the meta's mark). */
export const FIRST_SYNC_ENDED = 'first-sync-ended'

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
 * Members marked "rebuild aside" are not private only so that GroupSpace's rebuild (rebuildAside in
 * group-space.ts) can build a space aside and swap its state in; nothing else touches them.
 */
export abstract class GroupReading {
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
  /** Governance was replayed at genesis, mid-batch: the batch's end must confirm what it judged by. */
  private provisional = false
  /** A replay took rights away: docs built under the old state must be rebuilt from the logs. */
  protected rebuildNeeded = false
  /** Whether a log waited for its checkpoint at the last settle point, or was planned since (`arriving`). */
  private arrivingWhenSettled = false
  /** rebuild aside */
  readonly logs = new Map<string, ReadLog>()
  /** rebuild aside */
  keys: GroupKeys | null
  /** rebuild aside */
  readonly onChange: (docIds: string[]) => void
  /** rebuild aside */
  readonly onKeys: (keys: [number, Uint8Array][]) => void
  /** log key → lowest index sealed under an epoch key we lacked when reading it (rebuildAside, group-space.ts) */
  readonly unreadable = new Map<string, number>()
  /** Reading logs from shared checkpoints (checkpoint-reading.ts). */
  readonly reading = new CheckpointReading({
    judgeSparse: (logKey, index, bytes) => this.judge(logKey, index, bytes, true, true),
    judgeCovered: (logKey, index, bytes) => this.judge(logKey, index, bytes, true, true, true),
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
    readEnd: (logKey) => this.quota.readEnd(logKey),
    speaksUntil: (logKey) => this.gov?.speaksUntil(logKey) ?? Infinity,
  })
  readonly quota = new QuotaBook() // where each log's byte budget ends (log-quota.ts)
  /** log key → start of the latest shared checkpoint accepted from it (welcomes pass these on). */
  readonly sharedCheckpoints: Map<string, number> = this.reading.shared
  /** Logs whose checkpoint was refused: they must be fetched and read from block 0. */
  readonly needsFull: Set<string> = this.reading.needsFull

  constructor(keys: GroupKeys, opts: SpaceOptions = {}) {
    this.keys = keys
    this.govLog = new GovernanceLog(opts.groupId ?? null)
    this.onChange = opts.onChange ?? (() => undefined)
    this.onKeys = opts.onKeys ?? (() => undefined)
  }

  /** Rebuilds the docs from every known log under the final governance (group-space.ts). */
  protected abstract rebuild(): Promise<void>

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
  checkpointNeeds(start: number, first: Uint8Array): { blocks: number[]; end: number; docId: string } | null {
    const part = firstPart(first, start, this.open)
    return part && checkpointNeeds(part)
  }

  /** A newcomer's first sync starts: every log but `ownKey` is held to its length at first sight (first-sync.ts). */
  beginFirstSync(ownKey: string, seeds: readonly string[] = []): void {
    this.reading.whole.begin(ownKey, seeds)
  }

  /** Whether this space is still in the profile's first sync of the group (first-sync.ts). */
  get firstSync(): boolean {
    return this.reading.whole.active
  }

  /**
   * Whether, in a newcomer's first sync, the history is not all here: the first sync is not
   * complete (a named log has told no length, or governance is not read yet: first-sync.ts), or a
   * log is not read to its length at first sight, capped by its cut-off. A log whose byte budget's
   * end is not known yet reads nothing more: it waits as if unread.
   */
  private wholeWaiting(): boolean {
    return this.reading.whole.active && (!this.wholeComplete() || this.wholeUnread())
  }

  /** Whether a first-sync target is not read yet (first-sync.ts `waiting`). */
  private wholeUnread(): boolean {
    return this.reading.whole.waiting(this.readTo, this.wholeLimit)
  }

  private readonly readTo = (k: string): number => this.next.get(k) ?? 0

  /** The most a first-sync log can be read now: its length, its byte budget's end, governance's cut-off. */
  private readonly wholeLimit = (k: string): number => {
    // Not caught up in this space yet (a rebuild's shadow, its targets carried): unread.
    const log = this.logs.get(k)
    if (!log) return Infinity
    const cut = this.gov?.speaksUntil(k) ?? Infinity
    return Math.min(this.quota.unknown(k) ? log.length : Math.min(log.length, this.quota.readEnd(k)), cut)
  }

  /**
   * While `arriving`, the logs the history waits for (read-only: the sync status names their
   * members, history-wait.ts): each planned log (its checkpoint, or its tail under the tail guard:
   * checkpoint-reading.ts) and, in a newcomer's first sync, each named log that has told no
   * length or is not read to its target (first-sync.ts). A planned log is listed once, as its plan
   * sees it (its `next` is 0 until the plan ends). Before governance is read, the planned logs
   * only (nobody can be named yet). Empty when nothing waits on a log: our own admission not read,
   * or only the settle point to come.
   */
  waitsFor(): LogWait[] {
    const planned = this.reading.waitsFor((k) => this.logs.get(k))
    const gov = this.gov
    if (!gov) return planned
    const keys = new Set(planned.map((w) => w.key))
    const whole = this.reading.whole.waitsFor(gov.deviceLogs(), (k) => gov.speaksUntil(k), this.readTo, this.wholeLimit)
    return [...planned, ...whole.filter((w) => !keys.has(w.key))]
  }

  /** Whether every log governance names has told a length or is cut off, our own admitted (first-sync.ts `complete`). */
  private wholeComplete(): boolean {
    const gov = this.gov
    return !!gov && this.reading.whole.complete(gov.deviceLogs(), (k) => gov.knowsLog(k), (k) => gov.speaksUntil(k))
  }

  /** The checkpoint start a log is planned to be read from, if any. */
  planOf(logKey: string): number | undefined {
    return this.reading.planOf(logKey)
  }

  /**
   * Reads every block of `log` not read yet, up to the first one not held locally. Bad blocks are
   * skipped with their reason recorded. Governance events read here are replayed at the settle
   * point that ends the read (genesis at once, see `judge`). A log read from a checkpoint is read
   * in two batches: the checkpoint and its tail, a settle point (and the rebuild it may need), then
   * the backfill of the blocks the checkpoint stood for, and a settle point again.
   */
  async catchUp(log: ReadLog): Promise<void> {
    this.logs.set(log.key, log)
    if (log.quotaEnd) this.quota.set(log.key, await log.quotaEnd(logQuota()))
    // The newcomer's first sight of a log with a length: its target (first-sync.ts).
    this.reading.whole.see(log.key, log.length)
    // A plan made, or a log seen, since the last settle point: the views wait for the next one
    // (`arriving`): the read moves `next` to the target before the batch's end puts it in the docs.
    if (this.reading.planned || this.wholeWaiting()) this.arrivingWhenSettled = true
    const changed = new Set<string>()
    let backfill = false
    await this.docs.batch(async () => {
      if (!this.quota.unknown(log.key) && (await this.reading.fromCheckpoint(log, changed))) {
        this.reading.startRun(log.key)
        try {
          // A window at a time: one await per 64 blocks, not one async step (and its garbage) per block.
          for await (const { indexes, blocks } of readWindows(log, this.next.get(log.key) ?? 0, () => Math.min(log.length, this.quota.readEnd(log.key)))) {
            for (let j = 0; j < blocks.length; j++) {
              this.blocksRead++
              for (const id of this.ingest(log.key, indexes[j] as number, blocks[j] as Uint8Array, true)) changed.add(id)
            }
          }
        } finally {
          this.reading.endRun(log.key, changed)
        }
        backfill = this.reading.hasBackfill(log.key)
      }
      // Before the backfill goes on: the last planned log's checkpoint and tail end "arriving" here.
      this.settle(changed)
    })
    await this.afterBatch(changed)
    if (!backfill) return
    await this.docs.batch(async () => {
      await this.reading.backfill(log, changed)
      this.settle(changed)
    })
    await this.afterBatch(changed)
  }

  /** After a catch-up's batch: the rebuild it needs, if any, then a settle point; then the views are told. */
  private async afterBatch(changed: Set<string>): Promise<void> {
    this.provisional = false // the batch's governance is final now: nothing left to confirm
    if (this.docs.damaged) this.rebuildNeeded = true
    if (this.rebuildNeeded) {
      await this.rebuild()
      changed.add(GOVERNANCE_DOC)
      this.settle(changed)
    }
    if (changed.size) this.onChange([...changed])
    changed.clear()
  }

  /**
   * Whether every block counted as read (a log's `next`, a preview pane's `next`) is, now, in the
   * docs or refused under the governance of every event read: no accepted update waits for a
   * batch's transaction, no governance event waits for its replay, no rebuild is needed, pending or
   * running, no doc was dropped as damaged, and no run holds a whole checkpoint not applied yet.
   * Those are every place a counted block can wait between being read and reaching the docs.
   */
  get settled(): boolean {
    return !this.docs.unapplied && !this.govDirty && !this.rebuildNeeded && !this.docs.damaged && !this.rebuilding() && !this.reading.deferring
  }

  /**
   * Whether the views may not claim "the history is here" yet: a log waits for its checkpoint (a
   * newcomer's, also for its tail: checkpoint-reading.ts, the tail guard), or a newcomer's first
   * sync is not complete or a log read whole is not read to its length at first sight
   * (first-sync.ts), or either was so at the last settle point. Read positions move inside a
   * batch at once, its updates reach the docs at a settle point, so a log's plan ends (the live `planned`) before its checkpoint,
   * its tail and the hides and removals in them are in the docs; this stays true until then.
   */
  get arriving(): boolean {
    return this.reading.planned || this.wholeWaiting() || this.arrivingWhenSettled
  }

  /**
   * A settle point, made on purpose: applies what the batch queued, replays governance over every
   * event read (what it lets in is queued and applied too), and, if the state is then `settled`,
   * records whether a log still waits for its checkpoint (`arriving`). Synchronous: no feed call
   * runs in between. Not settled when the replay asks for a rebuild: the caller runs it first
   * (`afterBatch`) and settles again.
   */
  protected settle(changed: Set<string>): void {
    this.docs.drain()
    if (this.govDirty) for (const id of this.replayGovernance()) changed.add(id)
    this.docs.drain()
    if (!this.settled) return
    // The first sync ends once no plan waits, every target is read, our admission is read and
    // every log governance names has told a length or is cut off (first-sync.ts).
    const whole = this.reading.whole
    if (whole.active && !this.reading.planned && !this.wholeUnread() && this.wholeComplete()) {
      whole.end()
      changed.add(FIRST_SYNC_ENDED)
    }
    // The views change with it even when no doc did: tell them.
    const arriving = this.reading.planned || this.wholeWaiting()
    if (this.arrivingWhenSettled && !arriving) changed.add(HISTORY_SETTLED)
    this.arrivingWhenSettled = arriving
  }

  /** Whether a rebuild is pending or running (GroupSpace's). */
  protected rebuilding(): boolean {
    return false
  }

  /** One block from any log. Returns the doc ids it changed. Never throws on bad data. */
  ingest(logKey: string, index: number, bytes: Uint8Array, deferGovernance = false): string[] {
    if (index < (this.next.get(logKey) ?? 0)) return []
    this.next.set(logKey, index + 1)
    return this.judge(logKey, index, bytes, deferGovernance, false)
  }

  /**
   * Decodes and applies one block wherever it sits. `sparse`: an older checkpoint is skipped, its
   * state is in the newer one. `covered`: a block a checkpoint already applied stood for (doc-set.ts).
   */
  private judge(logKey: string, index: number, bytes: Uint8Array, deferGovernance: boolean, sparse: boolean, covered = false): string[] {
    if (!this.quota.allows(logKey, index)) return []
    let block
    try {
      block = this.open(bytes)
    } catch (e) {
      if (!(e instanceof HearthError)) throw e
      if (e.code === 'BLOCK_EPOCH_UNKNOWN') this.unreadable.set(logKey, Math.min(index, this.unreadable.get(logKey) ?? index))
      this.docs.rejected.push({ logKey, index, docId: '', reason: e.code })
      return []
    }
    if (block.kind === BlockKind.Governance) {
      // Genesis (only ever block 0 of its creator's log) is replayed at once, not at the batch's
      // end: the rest of that log is then judged as it is read instead of held back (past the hold
      // bound it was dropped and read again). The batch's end confirms what that judgement assumed.
      const early = deferGovernance && this.gov === null && index === 0
      const ids = this.addGovernance(logKey, index, block.payload, deferGovernance && !early)
      if (early && this.gov) this.provisional = true
      return ids
    }
    if (block.kind === BlockKind.Checkpoint) return sparse ? [] : this.reading.part(logKey, index, block.docId, block.payload)
    // A tail index (tail-index.ts) only tells a newcomer what to fetch first: nothing to apply;
    // a malformed one is recorded with its code.
    if (block.kind === BlockKind.TailIndex) {
      const problem = tailIndexProblem(block.payload, index)
      if (problem) this.docs.rejected.push({ logKey, index, docId: block.docId, reason: problem })
      return []
    }
    if (block.kind !== BlockKind.YjsUpdate) {
      this.docs.rejected.push({ logKey, index, docId: block.docId, reason: 'unexpected block' })
      return []
    }
    if (!this.gov) {
      this.docs.hold(logKey, index, block.docId, block.payload)
      return []
    }
    const id = this.docs.applyBlock(this.gov, logKey, index, block.docId, block.payload, undefined, covered)
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
    if (before && writersChanged(before, this.gov)) this.rebuildNeeded = true
    if (this.confirmsProvisional(before)) this.rebuildNeeded = true
    if (this.learnKeys() && this.unreadable.size) this.rebuildNeeded = true
    // Held-back blocks dropped past the flood bound (doc-set.ts) are read again from the log.
    if (this.docs.droppedKnown(this.gov)) this.rebuildNeeded = true
    this.chooseEpoch()
    const applied = this.docs.retryPending(this.gov)
    const same = before !== null && before.fingerprint() === this.gov.fingerprint()
    if (!same) this.governanceChanges++
    return same && applied.length === 0 ? [] : [GOVERNANCE_DOC, ...applied]
  }

  /**
   * Whether this replay, the first after one made at genesis mid-batch, finds settings unlike the
   * ones the log was judged by since (the write rule reads them: `writersOf`). A grant that changed
   * is caught above, for every replay; together they leave the docs as a replay at the batch's
   * end alone would have.
   */
  private confirmsProvisional(before: Governance | null): boolean {
    const provisional = this.provisional
    this.provisional = false
    return provisional && !!before && !!this.gov && JSON.stringify(before.settings) !== JSON.stringify(this.gov.settings)
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

  /** Opens a block of this group with the epoch keys we hold (bulk path: the fast provider). */
  protected readonly open = (raw: Uint8Array): ReturnType<typeof decodeBlock> => decodeBlock(raw, this.keyOf, fastProvider)
  /** One lookup for every block (not a closure made per block: the replay's garbage). */
  private readonly keyOf = (epoch: number): Uint8Array | undefined => this.requireKeys().epochs.get(epoch)

  protected requireKeys(): GroupKeys {
    if (!this.keys) throw errors.PROFILE_LOCKED()
    return this.keys
  }
}

/**
 * Whether the roles the settings let write a shared doc changed (the write rule reads them:
 * `writersOf`). Blocks are judged under the governance of the moment they are read, so a peer that
 * read a member's rules edit before the settings change letting members write it refused it, and
 * one that read it after accepted it: their docs differed for good. A rebuild judges every block
 * under the final settings, as a peer reading in any order does. Settings change rarely.
 */
function writersChanged(before: Governance, after: Governance): boolean {
  return SHARED_DOCS.some((doc) => before.writersOf(doc).join() !== after.writersOf(doc).join())
}
