/**
 * One group, open on this device: its governance, its docs, and the device logs they come from.
 *
 * Reading: every block of every known log passes through `ingest`, in log order: decrypted under
 * its epoch key, then a governance event updates governance, and a Yjs update goes through the
 * write rule (DocSet) before it may touch a doc. `next` remembers how far each log was read, so a
 * checkpoint can resume from there.
 *
 * Shared checkpoints (shared-checkpoint.ts): a log with a plan — the start S of a checkpoint a
 * welcome or an earlier read named — is read sparsely: the blocks before S the checkpoint lists as
 * uncovered, then the checkpoint itself (once governance knows the log), then on from its end.
 * If governance refuses the checkpoint, the log is read from block 0 like any other (`needsFull`
 * tells the network layer to fetch it all). Read in full, a checkpoint is applied like an update,
 * at the end of the run that met it, and only the last one of its log in that run.
 *
 * A run of a log is read in windows of concurrent reads (log-window.ts) and applied in one DocSet
 * batch: one Yjs parse per update; an update Yjs cannot read makes the docs be rebuilt (doc-set.ts).
 *
 * Why this file is over 400 lines: reading a log — in order or from a checkpoint — must share
 * one batch, one `next` and one deferred governance replay; split across modules, each would need
 * the others' private state. The format and the log I/O live in shared-checkpoint.ts and
 * checkpoint-log.ts.
 *
 * Writing: a local change runs in one Yjs transaction, becomes one block in our own device log,
 * and resolves only once that block is durable. Quick successive edits of one doc made with
 * `changeSoon` (typing) are merged into one block per COALESCE_MS window.
 *
 * Epoch keys: after every replay, lockboxes sealed to us are opened and kept (epoch-keys.ts). A
 * block sealed under a key we lack is remembered; once a new key arrives the docs are rebuilt.
 */
import * as Y from 'yjs'
import { errors, HearthError } from '../errors.ts'
import { wipeIdentity, type Identity } from '../crypto/identity.ts'
import { wipe } from '../crypto/wipe.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../store/block-codec.ts'
import type { Checkpoint } from '../store/checkpoint-file.ts'
import { checkWrite } from '../model/write-rule.ts'
import { DocSet } from './doc-set.ts'
import { signEvent, type UnsignedEvent } from './gov-event.ts'
import { bothBlocks, type ForkEvidence } from './equivocation.ts'
import { lockboxRecipients, openNewLockboxes, writableEpoch } from './epoch-keys.ts'
import type { Governance } from './governance.ts'
import { GovernanceLog } from './governance-log.ts'
import { memberDocId } from '../model/doc-id.ts'
import { writerClientId } from '../model/shared-writers.ts'
import { CheckpointAssembly, decodeCheckpointPart, encodeCheckpointParts, sharedCheckpointDue } from './shared-checkpoint.ts'
import { checkpointNeeds, firstPart, readCheckpoint, uncoveredBlocks, type FirstPart } from './checkpoint-log.ts'
import { readAll, readRun } from './log-window.ts'

export const GOVERNANCE_DOC = 'governance'
export const COALESCE_MS = 300
const LOCAL = Symbol('local')

/** Any device log as a group space reads it. A block not held yet reads as null. */
export interface ReadLog {
  /** the log's key, lowercase hex */
  readonly key: string
  readonly length: number
  get(index: number): Promise<Uint8Array | null>
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

export class GroupSpace {
  /** Logs that sent an update Yjs could not read: checked before applying, across rebuilds (doc-set.ts). */
  private readonly suspects = new Set<string>()
  docs = new DocSet(this.suspects)
  /** log key → index of the next block to read */
  readonly next = new Map<string, number>()
  /** Blocks read from logs since this space was made (a checkpoint keeps this small). */
  blocksRead = 0
  /** Counts replays that changed governance (the network layer retries waiting logs then). */
  governanceChanges = 0
  private gov: Governance | null = null
  private readonly govLog: GovernanceLog
  /** Governance events arrived during a batch: replay once at its end. */
  private govDirty = false
  /** A replay took rights away: docs built under the old state must be rebuilt from the logs. */
  private rebuildNeeded = false
  private readonly logs = new Map<string, ReadLog>()
  private keys: GroupKeys | null
  private readonly queued = new Map<string, { update: Uint8Array; timer: NodeJS.Timeout }>()
  private writing: Promise<unknown> = Promise.resolve()
  /** The rebuild running now, if any (rebuild). */
  private rebuilt: Promise<unknown> = Promise.resolve()
  /** While a rebuild runs: local changes made meanwhile, applied to the new state at the swap. */
  private local: { docId: string; update: Uint8Array }[] | null = null
  private sharing = false
  private readonly onChange: (docIds: string[]) => void
  /** log key → start of the latest shared checkpoint accepted from it (welcomes pass these on). */
  readonly sharedCheckpoints = new Map<string, number>()
  /** log key → start of the checkpoint to read it from, while not read yet. */
  private readonly plans = new Map<string, number>()
  /** Logs whose checkpoint's uncovered blocks were read already. */
  private readonly uncoveredRead = new Set<string>()
  /** Logs whose checkpoint was refused: they must be fetched and read from block 0. */
  readonly needsFull = new Set<string>()
  /** A checkpoint read in full, part by part, per log. */
  private readonly assembling = new Map<string, CheckpointAssembly>()
  private readonly onKeys: (keys: [number, Uint8Array][]) => void
  /** log key → lowest index sealed under an epoch key we lacked when reading it */
  private readonly unreadable = new Map<string, number>()
  /**
   * Logs read from a checkpoint whose covered blocks are still to be read (backfill): from `next`
   * up to the checkpoint's start, skipping the blocks already read as uncovered.
   */
  private readonly backfills = new Map<string, { next: number; end: number; skip: Set<number> }>()
  /** While a run of a log is read: the last whole checkpoint met per log, applied at the run's end. */
  private readonly deferred = new Map<string, { start: number; last: number; docId: string; state: Uint8Array }>()
  /** Log key → how many runs of it are being read now (catch-ups may overlap). */
  private readonly inRun = new Map<string, number>()
  /** Part 0 of a planned checkpoint, once opened (the plan may wait for other blocks). */
  private readonly firstParts = new Map<string, FirstPart>()

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
    if (!this.gov) throw errors.LOG_CORRUPT('the group has no genesis event')
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
    for (const [k, s] of c.shared ?? []) this.sharedCheckpoints.set(k, s)
    for (const [k, b] of c.backfill ?? []) if (b.next < b.end) this.backfills.set(k, { ...b, skip: new Set() })
  }

  /** Reads `logKey` from the shared checkpoint starting at `start`, if it was not read at all yet. */
  planCheckpoint(logKey: string, start: number): void {
    if ((this.next.get(logKey) ?? 0) === 0 && !this.needsFull.has(logKey)) this.plans.set(logKey, start)
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
    return this.plans.get(logKey)
  }

  /** What a checkpoint of this space holds now. Blocks still held back are read again after a restore. */
  checkpoint(): Checkpoint {
    this.requireKeys()
    // Mid-rebuild the docs shown are the state before it, which the new governance may refuse.
    if (this.local) throw errors.PROFILE_BUSY('the group is being rebuilt')
    const next = new Map(this.next)
    for (const [k, n] of next) next.set(k, Math.min(n, this.docs.firstPending(k) ?? n, this.assembling.get(k)?.first.start ?? n, this.deferred.get(k)?.start ?? n, this.unreadable.get(k) ?? n))
    const backfill = new Map([...this.backfills].map(([k, b]) => [k, { next: b.next, end: b.end }]))
    return { next, gov: this.govLog.records(), docs: this.docs.snapshot(), shared: new Map(this.sharedCheckpoints), backfill }
  }

  /**
   * Reads every block of `log` not read yet, up to the first one not held locally. Bad blocks are
   * skipped with their reason recorded. Governance events read here are replayed once, at the end.
   */
  async catchUp(log: ReadLog): Promise<void> {
    this.logs.set(log.key, log)
    const changed = new Set<string>()
    await this.docs.batch(async () => {
      if (this.plans.has(log.key)) {
        if (!(await this.fromCheckpoint(log, changed))) return
      }
      this.inRun.set(log.key, (this.inRun.get(log.key) ?? 0) + 1)
      try {
        for await (const [i, block] of readRun(log, this.next.get(log.key) ?? 0, () => log.length)) {
          this.blocksRead++
          for (const id of this.ingest(log.key, i, block, true)) changed.add(id)
        }
      } finally {
        const runs = (this.inRun.get(log.key) ?? 1) - 1
        if (runs > 0) this.inRun.set(log.key, runs)
        else this.inRun.delete(log.key)
        const c = this.deferred.get(log.key)
        this.deferred.delete(log.key)
        if (c && this.applyCheckpoint(log.key, c.start, c.last, c.docId, c.state)) changed.add(c.docId)
      }
      await this.backfill(log, changed)
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
    const expected = this.next.get(logKey) ?? 0
    if (index < expected) return []
    this.next.set(logKey, index + 1)
    return this.judge(logKey, index, bytes, deferGovernance, false)
  }

  /** Decodes and applies one block wherever it sits. `sparse`: an older checkpoint is skipped, its state is in the newer one. */
  private judge(logKey: string, index: number, bytes: Uint8Array, deferGovernance: boolean, sparse: boolean): string[] {
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
    if (block.kind === BlockKind.Checkpoint) return sparse ? [] : this.checkpointPart(logKey, index, block.docId, block.payload)
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

  /** A part of a shared checkpoint met while reading a log in order; the last part applies it. */
  private checkpointPart(logKey: string, index: number, docId: string, payload: Uint8Array): string[] {
    let part
    try {
      part = decodeCheckpointPart(payload, index)
    } catch (e) {
      if (!(e instanceof HearthError)) throw e
      this.assembling.delete(logKey)
      this.docs.rejected.push({ logKey, index, docId, reason: e.code })
      return []
    }
    const a = part.part === 0 ? new CheckpointAssembly(part) : this.assembling.get(logKey)
    if (part.part === 0) this.assembling.set(logKey, a as CheckpointAssembly)
    else if (!a?.add(part)) {
      this.assembling.delete(logKey)
      this.docs.rejected.push({ logKey, index, docId, reason: 'checkpoint part out of order' })
      return []
    }
    const state = (a as CheckpointAssembly).done()
    if (!state) return []
    this.assembling.delete(logKey)
    // Read in a run, a checkpoint waits for the run's end: a later one of the same log holds its
    // state, so only the last is examined (as a newcomer's backfill skips the older ones).
    if (this.inRun.has(logKey)) {
      this.deferred.set(logKey, { start: part.start, last: index, docId, state })
      return []
    }
    return this.applyCheckpoint(logKey, part.start, index, docId, state) ? [docId] : []
  }

  /** Applies a whole checkpoint under the write rule at both ends of what it stands for. */
  private applyCheckpoint(logKey: string, start: number, last: number, docId: string, state: Uint8Array): boolean {
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

  /**
   * The sparse read of a planned log: its checkpoint's uncovered blocks, then the checkpoint.
   * False while a block is missing or governance cannot judge yet (the plan stays); true once
   * the log should be read on in order (from the checkpoint's end, or from 0 if it was refused).
   */
  private async fromCheckpoint(log: ReadLog, changed: Set<string>): Promise<boolean> {
    const start = this.plans.get(log.key) as number
    const refuse = (): true => {
      this.plans.delete(log.key)
      this.firstParts.delete(log.key)
      this.needsFull.add(log.key)
      return true
    }
    let first = this.firstParts.get(log.key)
    if (first?.part.start !== start) {
      const raw = await log.get(start)
      if (raw === null) return false
      first = firstPart(raw, start, this.open) ?? undefined
      if (!first) return refuse()
      // Kept while the plan waits, so a retry does not open it again.
      this.firstParts.set(log.key, first)
    }
    if (!this.uncoveredRead.has(log.key)) {
      const blocks = await readAll(log, first.part.uncovered)
      if (blocks === null) return false
      first.part.uncovered.forEach((u, i) => {
        this.blocksRead++
        for (const id of this.judge(log.key, u, blocks[i] as Uint8Array, true, true)) changed.add(id)
      })
      this.uncoveredRead.add(log.key)
      if (this.govDirty) for (const id of this.replayGovernance()) changed.add(id)
    }
    if (!this.gov?.knowsLog(log.key)) return false
    const state = await readCheckpoint(log, first, this.open)
    if (state === 'missing') return false
    const last = start + first.part.parts - 1
    if (state === 'refused' || !this.applyCheckpoint(log.key, start, last, first.docId, state)) return refuse()
    changed.add(first.docId)
    this.plans.delete(log.key)
    this.firstParts.delete(log.key)
    this.blocksRead += first.part.parts
    this.next.set(log.key, last + 1)
    if (start > 0) this.backfills.set(log.key, { next: 0, end: start, skip: new Set(first.part.uncovered) })
    return true
  }

  /** Logs read from a checkpoint whose covered blocks are not read yet: log key → end (exclusive). */
  backfillsLeft(): Map<string, number> {
    return new Map([...this.backfills].map(([k, b]) => [k, b.end]))
  }

  /** Blocks a checkpoint stood for that the backfill has not read yet (skipped ones counted too). */
  historyLeft(): number {
    let n = 0
    for (const b of this.backfills.values()) n += b.end - b.next
    return n
  }

  /** Whether any log still waits to be read from its checkpoint. */
  get planned(): boolean {
    return this.plans.size > 0
  }

  /**
   * Reads the blocks a checkpoint stood for, once they are here, like any others (the write rule,
   * governance deferred to the batch's end). For an honest writer this changes nothing; it is
   * how a newcomer ends with what older members hold even if a checkpoint left words out or did
   * not list one of its writer's governance events.
   */
  private async backfill(log: ReadLog, changed: Set<string>): Promise<void> {
    const b = this.backfills.get(log.key)
    if (!b) return
    for await (const [i, block] of readRun(log, b.next, () => b.end, b.skip)) {
      for (const id of this.judge(log.key, i, block, true, true)) changed.add(id)
      b.next = i + 1
    }
    while (b.next < b.end && b.skip.has(b.next)) b.next++
    // Stopped at a block not held yet: read on from there next time.
    if (b.next < b.end) return
    this.backfills.delete(log.key)
  }

  private addGovernance(logKey: string, index: number, payload: Uint8Array, defer: boolean): string[] {
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
  private replayGovernance(): string[] {
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
    return key.slice()
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
    this.requireKeys().epochs.set(epoch, key.slice())
    this.onKeys([[epoch, key.slice()]])
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
    const run = this.rebuilt.then(() => this.rebuildAside())
    this.rebuilt = run.catch(() => undefined)
    return run
  }

  private async rebuildAside(): Promise<void> {
    const keys = this.keys
    if (!keys) return
    const changed = new Set<string>()
    const shadow = new GroupSpace(this.own, keys, { groupId: this.groupId, onKeys: this.onKeys, onChange: (ids) => ids.forEach((id) => changed.add(id)) })
    // Logs under suspicion stay checked update by update: the shadow's docs share the one set.
    shadow.docs.destroy()
    shadow.docs = new DocSet(this.suspects)
    for (const r of this.govLog.records()) shadow.addGovernance(r.logKey, r.index, r.payload, true)
    shadow.replayGovernance()
    for (const k of this.needsFull) shadow.needsFull.add(k)
    // Logs read from a checkpoint are read from it again; if the new governance refuses it,
    // they are fetched whole (needsFull).
    for (const [k, s] of this.sharedCheckpoints) if (!this.needsFull.has(k)) shadow.plans.set(k, s)
    this.local = []
    try {
      const logs = (): ReadLog[] => [...this.logs.values()]
      for (const log of logs()) await shadow.catchUp(log)
      // Blocks this space read while the shadow was reading (a concurrent catch-up) are read too.
      for (const log of logs()) if ((this.next.get(log.key) ?? 0) > (shadow.next.get(log.key) ?? 0)) await shadow.catchUp(log)
    } catch (e) {
      this.local = null
      shadow.docs.destroy()
      throw e
    }
    if (this.keys !== keys) {
      this.local = null
      shadow.docs.destroy() // locked meanwhile: nothing to show
      return
    }
    // The swap: synchronous from here on.
    const local = this.local
    this.local = null
    for (const { docId, update } of local) Y.applyUpdate(shadow.docs.doc(docId), update, LOCAL)
    for (const q of this.queued) Y.applyUpdate(shadow.docs.doc(q[0]), q[1].update, LOCAL)
    this.docs.destroy()
    this.docs = shadow.docs
    const copy = <K, V>(to: Map<K, V>, from: Map<K, V>): void => {
      to.clear()
      for (const [k, v] of from) to.set(k, v)
    }
    copy(this.next, shadow.next)
    copy(this.assembling, shadow.assembling)
    copy(this.backfills, shadow.backfills)
    copy(this.sharedCheckpoints, shadow.sharedCheckpoints)
    copy(this.plans, shadow.plans)
    copy(this.unreadable, shadow.unreadable)
    copy(this.deferred, shadow.deferred)
    copy(this.firstParts, shadow.firstParts)
    this.uncoveredRead.clear()
    for (const k of shadow.uncoveredRead) this.uncoveredRead.add(k)
    for (const k of shadow.needsFull) this.needsFull.add(k)
    for (const r of shadow.govLog.records()) this.addGovernance(r.logKey, r.index, r.payload, true)
    this.gov = this.govLog.replay()
    this.blocksRead += shadow.blocksRead
    if (changed.size) this.onChange([...changed])
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
   * Signs and appends a governance event to our own log, then applies it like any other.
   * `sealEpoch` seals it under another epoch key than the current one: a rotation travels under
   * a key its recipients already hold.
   */
  async writeGovernance(event: UnsignedEvent, sealEpoch?: number): Promise<void> {
    const { payload } = signEvent(event, this.requireKeys().identity.signSecretKey)
    const index = await this.appendBlock(BlockKind.Governance, GOVERNANCE_DOC, payload, sealEpoch)
    this.next.set(this.own.key, Math.max(this.next.get(this.own.key) ?? 0, index + 1))
    const changed = this.addGovernance(this.own.key, index, payload, false)
    if (this.rebuildNeeded) await this.rebuild()
    if (changed.length) this.onChange(changed)
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
    const run = this.writing.then(() => this.own.append(block))
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
