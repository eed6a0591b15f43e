/**
 * How a group space reads logs from shared checkpoints (shared-checkpoint.ts, checkpoint-log.ts):
 * the per-log state of a sparse read — the plan (a checkpoint's start to read from), its
 * uncovered blocks, the checkpoint met in full part by part, the last one met in a run (applied
 * at the run's end), and the backfill of the blocks a checkpoint stood for. Judging a block stays
 * with GroupSpace (the host); this module decides which blocks are read when.
 *
 * A log with a plan is read sparsely: the blocks before S the checkpoint lists as uncovered, then
 * the checkpoint itself (once governance knows the log), then on from its end. If governance
 * refuses the checkpoint, the log is read from block 0 like any other (`needsFull` tells the
 * network layer to fetch it all). Read in full, a checkpoint is applied like an update, at the end
 * of the run that met it, and only the last one of its log in that run.
 *
 * The tail guard (session 13). A newcomer's plan (a welcome's) ends only once its log's blocks
 * from the checkpoint's end up to the length the log had when the plan's part 0 was first opened
 * are held (`tailEnds`): applying the checkpoint ends the plan, the log is then read in order only
 * up to its first missing block, and `arriving` (group-reading.ts) goes false at the next settle
 * point; whatever lay past that gap (a facilitator's hide, a removal) would not be in the docs
 * while the ordinary feed showed them as the whole history. The fetch (checkpoint-fetch.ts) gives
 * up waiting for a tail after a bound and asks for the parts anyway: a writer, or a member who is
 * the only one serving another's log, can withhold the middle. The reading does not take the
 * fetch's word for it: it looks at what the store holds (the bitfield), so the guard holds after a
 * restart (the plan comes back from the welcome while the log's `next` is 0), through a rebuild
 * (`planLike`, `adopt`) and whatever the fetch did. While held back, the log's preview pane stays
 * on and `arriving` stays true; every block that arrives schedules a catch-up, which ends the plan
 * once the tail is here. Why the length at part 0 and not later: blocks appended after it are
 * new, read in order as any member reads them, and a moving target would let a busy writer keep
 * a newcomer waiting for ever. Why not at the plan itself: a welcome carries no lengths, and
 * before part 0 is here no peer has told one. Why capped by governance's cut-off (the member's
 * removal or leave, or the log's freeze: Governance.speaksUntil): blocks past it are refused
 * anyway, and a block there that nobody serves (a hostile writer's, or one posted just before a
 * wipe) would otherwise keep every newcomer arriving for ever; so governance can end a stuck
 * newcomer's wait by removing the device. Plans a rebuild makes again from checkpoints
 * already applied (`shared`) are not held back: their logs were read in order before.
 */
import { HearthError } from '../errors.ts'
import { CheckpointAssembly, decodeCheckpointPart } from './shared-checkpoint.ts'
import { firstPart, readCheckpoint, type FirstPart, type OpenBlock } from './checkpoint-log.ts'
import { readAll, readRun, type Readable } from './log-window.ts'
import { TailPreview } from './tail-preview.ts'
import { HeldUntil } from './tail-barrier.ts'
import { FirstSync, type LogWait } from './first-sync.ts'

/** What the reading asks of its group space. */
export interface ReadingHost {
  /** Decodes and applies one block out of order (governance deferred; an older checkpoint skipped). */
  judgeSparse(logKey: string, index: number, bytes: Uint8Array): string[]
  /** As judgeSparse, for a block the log's applied checkpoint stood for: an update the doc holds whole is not applied again. */
  judgeCovered(logKey: string, index: number, bytes: Uint8Array): string[]
  /** Applies a whole checkpoint under the write rule; whether it was accepted. */
  applyCheckpoint(logKey: string, start: number, last: number, docId: string, state: Uint8Array): boolean
  reject(logKey: string, index: number, docId: string, reason: string): void
  /** Replays governance if events arrived meanwhile, adding what changed. */
  replayIfDirty(changed: Set<string>): void
  knowsLog(logKey: string): boolean
  readonly open: OpenBlock
  /** `blocks` blocks were read; the log reads on in order from `next`. */
  readOn(logKey: string, next: number, blocks: number): void
  countRead(blocks: number): void
  /** The write rule and the byte budget for an update to `docId` at this block (tail-preview.ts). */
  mayWrite(logKey: string, index: number, docId: string): boolean
  /** The first index of `logKey` past its byte budget (log-quota.ts): no block from there is fetched or read. */
  readEnd(logKey: string): number
  /** The first index of `logKey` from which no block speaks for anyone: its cut-off or freeze (Governance.speaksUntil); Infinity before governance. */
  speaksUntil(logKey: string): number
}

export class CheckpointReading {
  /** log key → start of the latest shared checkpoint accepted from it (welcomes pass these on). */
  readonly shared = new Map<string, number>()
  /** Logs whose checkpoint was refused: they must be fetched and read from block 0. */
  readonly needsFull = new Set<string>()
  /** log key → start of the checkpoint to read it from, while not read yet. */
  private readonly plans = new Map<string, number>()
  /** Logs whose checkpoint's uncovered blocks were read already. */
  private readonly uncoveredRead = new Set<string>()
  /** A checkpoint read in full, part by part, per log. */
  private readonly assembling = new Map<string, CheckpointAssembly>()
  /**
   * Logs read from a checkpoint whose covered blocks are still to be read (backfill): from `next`
   * up to the checkpoint's start, skipping the blocks already read as uncovered.
   */
  private readonly backfills = new Map<string, { next: number; end: number; skip: Set<number> }>()
  /**
   * While a run of a log is read: the last whole checkpoint met per log, applied at the run's end.
   * Its parts are joined only then: a later checkpoint of the same log usually replaces it first.
   */
  private readonly deferred = new Map<string, { start: number; last: number; docId: string; parts: CheckpointAssembly }>()
  /** Log key → how many runs of it are being read now (catch-ups may overlap). */
  private readonly inRun = new Map<string, number>()
  /** Part 0 of a planned checkpoint, once opened (the plan may wait for other blocks). */
  private readonly firstParts = new Map<string, FirstPart>()
  /**
   * The tail guard (see the header): planned log → the length its tail must be held to before its
   * checkpoint is applied, the log's length when part 0 was first opened (null until then).
   */
  private readonly tailEnds = new Map<string, number | null>()

  /** The tails of planned logs read ahead of their checkpoints: the newest words first (tail-preview.ts). */
  private readonly preview: TailPreview
  /** The whole-read guard of a newcomer's first sync (first-sync.ts): carried by a rebuild like the plans. */
  readonly whole = new FirstSync()

  constructor(private readonly host: ReadingHost) {
    this.preview = new TailPreview(host)
  }

  /** Preview docs by member doc id and the line above which they make the page whole, while logs wait for checkpoints. */
  previewView(): ReturnType<TailPreview['view']> {
    return this.plans.size ? this.preview.view(this.plans.keys()) : null
  }

  /**
   * Whether every log still waiting for its checkpoint has its preview read to the end known now
   * (its tail is here and read): the first page no longer waits for any of them to arrive.
   */
  tailsRead(): boolean {
    for (const key of this.plans.keys()) if (!this.preview.caughtUp(key)) return false
    return true
  }

  /** Until `tailsRead`, or the hold: the rest of each tail waits for it (checkpoint-fetch.ts). */
  readonly tailsReadWait = new HeldUntil(() => this.tailsRead())

  /**
   * What the planned logs wait for (read-only; the sync status names it: history-wait.ts): every
   * planned log, and once its part 0 is opened and its guard's length known, how far the store
   * holds it in order from the checkpoint's start (`read`, from the bitfield, no block read) of the
   * end the guard asks (`of`: the length at part 0, capped as `tailHeld` caps it). A log that
   * cannot tell, or whose length is not known yet, has no blocks.
   */
  waitsFor(logOf: (key: string) => (Readable & { length: number }) | undefined): LogWait[] {
    const out: LogWait[] = []
    for (const [key, start] of this.plans) {
      const target = this.tailEnds.get(key)
      const log = logOf(key)
      if (target === undefined || target === null || !log?.heldUntil || this.firstParts.get(key)?.part.start !== start) {
        out.push({ key })
        continue
      }
      const of = Math.min(target, log.length, this.host.readEnd(key), this.host.speaksUntil(key))
      out.push({ key, blocks: { read: start >= of ? of : log.heldUntil(start, of), of } })
    }
    return out
  }

  /** Loads what a local checkpoint kept. */
  restore(shared: Iterable<[string, number]>, backfill: Iterable<[string, { next: number; end: number }]>): void {
    for (const [k, s] of shared) this.shared.set(k, s)
    for (const [k, b] of backfill) if (b.next < b.end) this.backfills.set(k, { ...b, skip: new Set() })
  }

  /** Reads `logKey` from the checkpoint at `start`, when nothing of it was read yet (`next` is 0). */
  plan(logKey: string, start: number, next: number): void {
    if (next !== 0 || this.needsFull.has(logKey)) return
    this.plans.set(logKey, start)
    if (!this.tailEnds.has(logKey)) this.tailEnds.set(logKey, null)
  }

  planOf(logKey: string): number | undefined {
    return this.plans.get(logKey)
  }

  get planned(): boolean {
    return this.plans.size > 0
  }

  /**
   * Whether reading `logKey` now could only stop at "not known to governance" (`fromCheckpoint`),
   * changing nothing: it is planned, its checkpoint's part 0 is opened and its uncovered blocks
   * are read (those may be what makes governance know it), and governance does not know it.
   */
  waitsForGovernance(logKey: string): boolean {
    const start = this.plans.get(logKey)
    return start !== undefined && this.firstParts.get(logKey)?.part.start === start && this.uncoveredRead.has(logKey) && !this.host.knowsLog(logKey)
  }

  /**
   * A rebuild reads every log read from a checkpoint from it again, and every log still waiting
   * for its checkpoint waits on (a newcomer's plans from the welcome); refused ones stay whole.
   * Without the waiting plans, a rebuild during a newcomer's sync (one bad update from any member
   * starts one) read such a log from block 0 up to its first gap and then neither planned it nor
   * fetched it whole: the feed went on without it, hides and all (review, session 12).
   */
  planLike(from: CheckpointReading): void {
    for (const k of from.needsFull) this.needsFull.add(k)
    for (const [k, s] of from.shared) if (!from.needsFull.has(k)) this.plans.set(k, s)
    for (const [k, s] of from.plans) if (!from.needsFull.has(k) && !this.plans.has(k)) this.plans.set(k, s)
    // A waiting plan keeps its guard and the length it was set to (a rebuild does not restart it).
    for (const [k, end] of from.tailEnds) if (this.plans.has(k)) this.tailEnds.set(k, end)
    // The first sync goes on through a rebuild, its targets unchanged.
    this.whole.copyFrom(from.whole)
  }

  /** Whether `logKey` has covered blocks not read yet (no copy: asked after every catch-up). */
  hasBackfill(logKey: string): boolean {
    return this.backfills.has(logKey)
  }

  /** The logs with covered blocks not read yet, and where each ends (no copy: asked after every catch-up). */
  backfillEnds(): IterableIterator<[string, { readonly end: number }]> {
    return this.backfills.entries()
  }

  /** Blocks a checkpoint stood for that the backfill has not read yet (skipped ones counted too). */
  historyLeft(): number {
    let n = 0
    for (const b of this.backfills.values()) n += b.end - b.next
    return n
  }

  /** Where a local checkpoint must resume `logKey` at most: before a checkpoint still assembling or deferred. */
  resumeAt(logKey: string, next: number): number {
    return Math.min(next, this.assembling.get(logKey)?.first.start ?? next, this.deferred.get(logKey)?.start ?? next)
  }

  backfillRecords(): Map<string, { next: number; end: number }> {
    return new Map([...this.backfills].map(([k, b]) => [k, { next: b.next, end: b.end }]))
  }

  /** Whether a run holds a whole checkpoint not applied yet (its blocks count as read). */
  get deferring(): boolean {
    return this.deferred.size > 0
  }

  startRun(logKey: string): void {
    this.inRun.set(logKey, (this.inRun.get(logKey) ?? 0) + 1)
  }

  /** A run ended: the last checkpoint it met is applied now. */
  endRun(logKey: string, changed: Set<string>): void {
    const runs = (this.inRun.get(logKey) ?? 1) - 1
    if (runs > 0) this.inRun.set(logKey, runs)
    else this.inRun.delete(logKey)
    const c = this.deferred.get(logKey)
    this.deferred.delete(logKey)
    const state = c?.parts.done()
    if (c && state && this.host.applyCheckpoint(logKey, c.start, c.last, c.docId, state)) changed.add(c.docId)
  }

  /** A part of a shared checkpoint met while reading a log in order; the last part applies it. */
  part(logKey: string, index: number, docId: string, payload: Uint8Array): string[] {
    let part
    try {
      part = decodeCheckpointPart(payload, index)
    } catch (e) {
      if (!(e instanceof HearthError)) throw e
      this.assembling.delete(logKey)
      this.host.reject(logKey, index, docId, e.code)
      return []
    }
    const a = part.part === 0 ? new CheckpointAssembly(part) : this.assembling.get(logKey)
    if (part.part === 0) this.assembling.set(logKey, a as CheckpointAssembly)
    else if (!a?.add(part)) {
      this.assembling.delete(logKey)
      this.host.reject(logKey, index, docId, 'checkpoint part out of order')
      return []
    }
    if (!(a as CheckpointAssembly).complete) return []
    this.assembling.delete(logKey)
    // Read in a run, a checkpoint waits for the run's end: a later one of the same log holds its
    // state, so only the last is examined (as a newcomer's backfill skips the older ones).
    if (this.inRun.has(logKey)) {
      this.deferred.set(logKey, { start: part.start, last: index, docId, parts: a as CheckpointAssembly })
      return []
    }
    const state = (a as CheckpointAssembly).done() as Uint8Array
    return this.host.applyCheckpoint(logKey, part.start, index, docId, state) ? [docId] : []
  }

  /**
   * The sparse read of a planned log: its checkpoint's uncovered blocks, then the checkpoint.
   * False while a block is missing or governance cannot judge yet (the plan stays); true once
   * the log should be read on in order (from the checkpoint's end, or from 0 if it was refused).
   * Logs without a plan are read in order at once.
   */
  async fromCheckpoint(log: Readable & { key: string; length: number }, changed: Set<string>): Promise<boolean> {
    const start = this.plans.get(log.key)
    if (start === undefined) return true
    const refuse = (): true => {
      this.preview.drop(log.key)
      this.plans.delete(log.key)
      this.firstParts.delete(log.key)
      this.tailEnds.delete(log.key)
      this.needsFull.add(log.key)
      this.tailsReadWait.moved()
      return true
    }
    let first = this.firstParts.get(log.key)
    if (first?.part.start !== start) {
      const raw = await log.get(start)
      if (raw === null) return false
      first = firstPart(raw, start, this.host.open) ?? undefined
      if (!first) return refuse()
      // Kept while the plan waits, so a retry does not open it again.
      this.firstParts.set(log.key, first)
      // The length its tail must be held to (the guard): what the log is known to hold now.
      if (this.tailEnds.get(log.key) === null) this.tailEnds.set(log.key, log.length)
    }
    if (!this.uncoveredRead.has(log.key)) {
      const blocks = await readAll(log, first.part.uncovered)
      if (blocks === null) return false
      first.part.uncovered.forEach((u, i) => {
        this.host.countRead(1)
        for (const id of this.host.judgeSparse(log.key, u, blocks[i] as Uint8Array)) changed.add(id)
      })
      this.uncoveredRead.add(log.key)
      this.host.replayIfDirty(changed)
    }
    if (!this.host.knowsLog(log.key)) return false
    const last = start + first.part.parts - 1
    // Not while the tail is not held to its guard's length (see the header): the plan, its preview
    // and `arriving` stay. The parts come after every planned tail (tail-barrier.ts): until the
    // store holds them all (its bitfield, read from memory), reading them would only find one
    // missing — 122 reads before the first page in the bench, 0.9 s of wall time. A log that
    // cannot tell reads.
    const held = this.tailHeld(log, last + 1) && (!log.heldUntil || log.heldUntil(start + 1, last + 1) >= last + 1)
    const state = held ? await readCheckpoint(log, first, this.host.open) : 'missing'
    if (state === 'missing') {
      // Fetched tail first (checkpoint-fetch.ts): what is here of the tail shows meanwhile.
      await this.preview.read(log, last + 1, first.docId, changed)
      this.host.replayIfDirty(changed)
      this.tailsReadWait.moved()
      return false
    }
    if (state === 'refused' || !this.host.applyCheckpoint(log.key, start, last, first.docId, state)) return refuse()
    changed.add(first.docId)
    this.preview.drop(log.key)
    this.plans.delete(log.key)
    this.firstParts.delete(log.key)
    this.tailEnds.delete(log.key)
    this.tailsReadWait.moved()
    this.host.readOn(log.key, last + 1, first.part.parts)
    if (start > 0) this.backfills.set(log.key, { next: 0, end: start, skip: new Set(first.part.uncovered) })
    return true
  }

  /**
   * Whether `log` holds every block from `from` (its checkpoint's end) up to its guard's length,
   * as far as the log's length (a writer may truncate), byte budget and governance's cut-off go
   * (see the header): from the store's bitfield, in memory, no block read (a catch-up runs on
   * every block that arrives). True for a plan without a guard, and for a log that has no bitfield
   * (in-memory test logs), which reads as before; false while the store opens the log again
   * (`reopening`: its bitfield cannot tell then; session 14 review, F2). The guard is asked of
   * every peer log the app reads (log-store.ts, through fork-watch.ts).
   */
  private tailHeld(log: Readable & { key: string; length: number }, from: number): boolean {
    const target = this.tailEnds.get(log.key)
    if (target === undefined || target === null || !log.heldUntil) return true
    // While the store opens the log again (peer-log.ts), `heldUntil` cannot tell: not held. The
    // next catch-up, once the new session is ready, asks again (session 14 review, F2).
    if (log.reopening) return false
    const end = Math.min(target, log.length, this.host.readEnd(log.key), this.host.speaksUntil(log.key))
    return from >= end || log.heldUntil(from, end) >= end
  }

  /**
   * Reads the blocks a checkpoint stood for, once they are here, like any others (the write rule,
   * governance deferred to the batch's end). For an honest writer this changes nothing; it is
   * how a newcomer ends with what older members hold even if a checkpoint left words out or did
   * not list one of its writer's governance events. An update the doc already holds whole (every
   * struct and every deletion: held-whole.ts) is decrypted and judged but not applied again.
   */
  async backfill(log: Readable & { key: string }, changed: Set<string>): Promise<void> {
    const b = this.backfills.get(log.key)
    if (!b) return
    for await (const [i, block] of readRun(log, b.next, () => b.end, b.skip)) {
      for (const id of this.host.judgeCovered(log.key, i, block)) changed.add(id)
      b.next = i + 1
    }
    while (b.next < b.end && b.skip.has(b.next)) b.next++
    // Stopped at a block not held yet: read on from there next time.
    if (b.next < b.end) return
    this.backfills.delete(log.key)
  }

  /** The swap of a rebuild: takes every piece of per-log state from the space built aside. */
  adopt(from: CheckpointReading): void {
    const copy = <K, V>(to: Map<K, V>, src: Map<K, V>): void => {
      to.clear()
      for (const [k, v] of src) to.set(k, v)
    }
    copy(this.assembling, from.assembling)
    copy(this.backfills, from.backfills)
    copy(this.shared, from.shared)
    copy(this.plans, from.plans)
    copy(this.deferred, from.deferred)
    copy(this.firstParts, from.firstParts)
    copy(this.tailEnds, from.tailEnds)
    this.whole.copyFrom(from.whole)
    // The panes the rebuild read under its governance, not ours (read under the old one).
    this.preview.adopt(from.preview)
    this.uncoveredRead.clear()
    for (const k of from.uncoveredRead) this.uncoveredRead.add(k)
    for (const k of from.needsFull) this.needsFull.add(k)
  }
}
