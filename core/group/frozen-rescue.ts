/**
 * The group's side of the below-freeze exchange (core/net/below-freeze.ts): which blocks of frozen
 * logs this device lacks, what it serves, how a block is checked, and where rescued blocks live.
 *
 * Only logs governance has frozen (Governance.frozen) and only blocks below the freeze: those are
 * the same in every honest copy and still speak (freeze-book.ts); at and past it nothing does.
 * A block is served from this device's Hypercore copy of the log (a frozen copy still reads and
 * still gives its tree nodes), with Hypercore's path up to the shared root over it
 * (freeze-roots.ts), or else from the rescue store, which keeps each rescued block with the path
 * it came with, so a newcomer rescued here serves the next one. A block is taken only when it
 * lies below the freeze and climbs to a root both states of the evidence carry alike (and no other
 * evidence contests: freeze-roots.ts), and to the copy's own signed tree where it has one; and only
 * a copy Hypercore cannot fetch the log for (frozen, or no length heard) asks at all.
 *
 * Reads go through the log the space catches up with (`attach`): a block the Hypercore copy lacks
 * below the freeze is read from the rescue store, and `heldUntil` counts it as held, so a
 * newcomer's first sync (first-sync.ts) reads the log up to its freeze and ends.
 */
import type { HearthError } from '../errors.ts'
import type { ProofNode } from '../store/holepunch.ts'
import type { PeerLog } from '../store/peer-log.ts'
import type { LogStore } from '../store/log-store.ts'
import { RescueStore, rescueDirOf, type RescuedBlock } from '../store/rescue-store.ts'
import { climb, depthOf } from '../store/tree-proof.ts'
import type { BelowFreezeSide } from '../net/below-freeze.ts'
import type { ForkEvidence } from './equivocation.ts'
import { provenEnd, rootsOver, sharedRoots, underRoots } from './freeze-roots.ts'
import type { ForkReport } from './freeze-book.ts'
import type { Governance } from './governance.ts'
import type { GroupSpace } from './group-space.ts'

export interface RescueHost {
  /** Governance's freezes and its evidence now, or null before governance is read. */
  freezes(): { frozen: ReadonlyMap<string, number>; reports: readonly (ForkEvidence & { member?: string | undefined })[] } | null
  /** The member `log` speaks for (Governance.ownerOf): never asked for its blocks. */
  writer?(log: string): string | undefined
  /** Blocks of `log` were kept here: catch it up, as an append would. */
  rescued(log: string): void
  /** The rescue store of `log` was damaged; it was set aside and its blocks will be fetched again. */
  damaged?(log: string, e: HearthError): void
  /** A refusal this side sent (`sent`) or received on some connection. */
  refused?(code: string, sent: boolean): void
  /**
   * Blocks went out or came in through the exchange: not Hypercore uploads or downloads, so the
   * registry's traffic clock (traffic-clock.ts, fed by the log store's replication sessions) hears
   * them only from here.
   */
  traffic?(): void
  /**
   * What this device lacks below a freeze changed (`fresh`: ask again even members who said they
   * lack it), or an ask was let go (only the others ask on).
   */
  wantedChanged?(fresh: boolean): void
}

const same = (x: ProofNode, y: ProofNode): boolean => x.index === y.index && x.size === y.size && Buffer.from(x.hash).equals(Buffer.from(y.hash))

/** The first index in [from, end) held by neither reader (each answers `end` when it holds all). */
function firstLacking(a: (from: number, end: number) => number, b: (from: number, end: number) => number, from: number, end: number): number {
  let i = from
  for (;;) {
    const x = a(i, end)
    const y = x >= end ? end : b(x, end)
    if (y === x || y >= end) return y
    i = y
  }
}

export class FrozenRescue implements BelowFreezeSide {
  private readonly logs = new Map<string, PeerLog>()
  private readonly readers = new Map<string, PeerLog>()
  /** log → the index one connection is asking from (no two ask for the same blocks). */
  private readonly claimed = new Map<string, { from: number; by: object }>()
  private lastWanted = ''
  /**
   * log → how many blocks from 0 this device holds (its copy or the store), found by reading
   * them, not from the copy's bitfield: `heldUntil` answers "all" when it cannot tell (a session
   * closing or reopening after a conflict), which would never ask for what is lacking.
   */
  private readonly reach = new Map<string, number>()
  private readonly probing = new Map<string, Promise<void>>()
  /** log → the furthest the evidence's shared roots ever proved it reaches (a first-sync target never shrinks). */
  private readonly proven = new Map<string, number>()
  private readonly stores = new Map<string, RescueStore>()
  private readonly opening = new Map<string, Promise<RescueStore | null>>()
  private readonly roots = new Map<string, { from: readonly ForkEvidence[]; count: number; roots: ProofNode[] }>()
  /** log → the roots of this device's copy at its signed length (null: none), read before its store opens. */
  private readonly own = new Map<string, { length: number; roots: ProofNode[] | null }>()

  /** `dir`: the profile's rescue folder (rescue-store.ts rescueDirOf). */
  constructor(private readonly dir: string, private readonly host: RescueHost) {}

  /** The log as the space reads it: below the freeze, a block the copy lacks comes from the rescue store. */
  attach(log: PeerLog): PeerLog {
    this.logs.set(log.key, log)
    const through = (): number => this.through(log)
    const rescuable = (): boolean => this.rescuable(log.key)
    const store = (): RescueStore | undefined => this.stores.get(log.key)
    // Only a frozen log has a store; every other read passes straight through (no promise more per block).
    const fill = async (s: RescueStore, ix: readonly number[], got: (Uint8Array | null)[]): Promise<(Uint8Array | null)[]> => {
      for (let k = 0; k < got.length; k++) if (got[k] === null && s.has(ix[k] as number)) got[k] = (await s.get(ix[k] as number))?.value ?? null
      return got
    }
    const many = log.getMany?.bind(log)
    const quota = log.quotaEnd?.bind(log)
    const path = log.path?.bind(log)
    const reader: PeerLog = {
      key: log.key,
      // A copy that never heard the length (its peers' replication closed at the conflict) still
      // holds what was rescued: each block checked against signed roots, so the log is that long.
      get length() {
        return Math.max(log.length, through())
      },
      get byteLength() {
        return log.byteLength
      },
      // Read past the fork watch's snapshot only where the copy cannot fetch: a copy that can is
      // read within its snapshot, so a rewrite of those blocks is still seen (review rv16 N4).
      get rescued() {
        return rescuable() ? through() : 0
      },
      get reopening() {
        return log.reopening === true
      },
      get: (i) => {
        const s = store()
        return s ? log.get(i).then(async (got) => (await fill(s, [i], [got]))[0] ?? null) : log.get(i)
      },
      ...(many
        ? {
            getMany: (ix: readonly number[]) => {
              const s = store()
              return s ? many(ix).then((got) => fill(s, ix, got)) : many(ix)
            },
          }
        : {}),
      heldUntil: (from, end) => firstLacking((f, e) => (log.heldUntil ? log.heldUntil(f, e) : f), (f, e) => store()?.heldUntil(f, e) ?? f, from, end),
      ...(quota ? { quotaEnd: quota } : {}),
      ...(path ? { path } : {}),
    }
    this.readers.set(log.key, reader)
    return reader
  }

  /**
   * How far below its freeze `log` reads outside Hypercore (PeerLog.rescued): what this device
   * holds from 0, copy and store together (a copy holding a prefix, the store the rest); and for a
   * copy that cannot fetch the log, up to where the evidence's shared roots prove it reaches, so a
   * newcomer's first-sync target (first-sync.ts, taken at first sight) is the whole range below
   * the freeze, not the first rescued answer.
   */
  private through(log: PeerLog): number {
    const store = this.stores.get(log.key)
    if (!store) return 0
    const held = this.reach.get(log.key) ?? store.contiguous
    const end = this.host.freezes()?.frozen.get(log.key)
    if (end === undefined || !this.rescuable(log.key)) return held
    // Never less than once proven: evidence that contests the range later (only the writer can
    // sign it) leaves the newcomer waiting for those blocks, as before the exchange, rather than
    // ending its first sync with them unread (review rv16 N6).
    const proven = Math.max(this.proven.get(log.key) ?? 0, provenEnd(this.rootsOf(log.key)))
    this.proven.set(log.key, proven)
    return Math.max(held, Math.min(end, proven))
  }

  /**
   * Whether this device's copy cannot fetch `log` through Hypercore: none attached, frozen by a
   * conflict, or with no signed length (it heard none: its peers' replication closed at the
   * conflict). Only such a copy asks for blocks below a freeze; any other fetches them through
   * Hypercore, checked against its own signed tree, and a rescue racing that could put blocks of
   * another version in first (docs/decisions.md, session 15, rescue review F1b).
   */
  private rescuable(log: string): boolean {
    const inner = this.logs.get(log)
    return !inner || inner.frozen === true || inner.length === 0
  }

  /** The log `attach` gave for `key`, if any. */
  reader(key: string): PeerLog | undefined {
    return this.readers.get(key)
  }

  /** Opens the rescue store of every frozen log (once each); resolves once they are open. */
  async refresh(): Promise<void> {
    const f = this.host.freezes()
    if (f) for (const [log, end] of f.frozen) if (this.logs.has(log)) await this.probe(log, end)
    const now = [...this.wanted()].map((w) => `${w.log}:${w.from}:${w.end}`).join()
    if (now === this.lastWanted) return
    this.lastWanted = now
    this.host.wantedChanged?.(true)
  }

  claim(log: string, from: number, by: object): boolean {
    if (this.claimed.get(log)?.from === from) return false
    this.claimed.set(log, { from, by })
    return true
  }

  /** The member the log speaks for: governance's, else the reports that froze it (freeze-book.ts ForkReport). */
  writtenBy(log: string): string | undefined {
    return this.host.writer?.(log) ?? this.host.freezes()?.reports.find((r) => r.log === log && r.member !== undefined)?.member
  }

  /** Only by the connection that holds it: a late answer after the wait does not free another's claim. */
  release(log: string, from: number, by: object): void {
    const held = this.claimed.get(log)
    if (held?.from !== from || held.by !== by) return
    this.claimed.delete(log)
    this.host.wantedChanged?.(false)
  }

  *wanted(): Iterable<{ log: string; from: number; end: number }> {
    const f = this.host.freezes()
    if (!f) return
    for (const [log, end] of f.frozen) {
      // Only logs this device follows (attached: group-online follows the logs governance names,
      // not its own): evidence alone freezes a log no device speaks through, and a member could
      // have every member store one of any size that nobody reads (review rv16 N9, N8).
      if (!this.logs.has(log)) continue
      const store = this.stores.get(log)
      const reach = this.reach.get(log)
      if (!store || reach === undefined) {
        // Not looked at yet (a freeze just read): looked at now, and asked for once known.
        void this.probe(log, end).then(() => this.host.wantedChanged?.(true), () => undefined)
        continue
      }
      if (end === 0 || !this.rootsOf(log).length || !this.rescuable(log)) continue
      const from = store.heldUntil(reach, end)
      if (from < end) yield { log, from, end }
    }
  }

  /** Finds how far from 0 this device holds `log` below `end` (from where it last held), once at a time. */
  private probe(log: string, end: number): Promise<void> {
    const known = this.probing.get(log)
    if (known) return known
    const run = (async () => {
      const store = await this.storeOf(log)
      await this.ownRoots(log)
      const inner = this.logs.get(log)
      let i = this.reach.get(log) ?? 0
      while (i < end) {
        if (store?.has(i)) {
          i = store.heldUntil(i, end)
          continue
        }
        // The bitfield, where it can tell: a run it calls held up to `end` is checked at its last
        // block (when it cannot tell it says `end`, and the last block then reads null); a run it
        // ends sooner it read from its bits. One storage read, not one per block (review F11).
        const run = inner?.heldUntil && !inner.reopening ? inner.heldUntil(i, end) : i
        if (run > i && (run < end || (await inner?.get(run - 1).catch(() => null)) != null)) i = run
        else if (inner && (await inner.get(i).catch(() => null)) !== null) i++
        else break
      }
      this.reach.set(log, i)
    })().finally(() => this.probing.delete(log))
    this.probing.set(log, run)
    return run
  }

  /**
   * Below the freeze, climbing to a shared root of the evidence; and where this device's copy has
   * a signed tree over the block, to one of that tree's roots as well: the evidence proves only
   * that the writer signed both of its versions, not that honest copies hold them (a pair no
   * honest copy holds can be signed and reported), while the copy's own signed tree is what this
   * device took through Hypercore. A shared root that is not one of the copy's roots (another
   * length, whose nodes cannot be compared without more of the tree) rescues nothing: fail safe.
   */
  check(log: string, index: number, value: Uint8Array, path: readonly ProofNode[]): boolean {
    const end = this.host.freezes()?.frozen.get(log)
    if (end === undefined || index >= end) return false
    const top = climb(index, value, path)
    if (!top || !this.rootsOf(log).some((r) => same(r, top))) return false
    const inner = this.logs.get(log)
    if (!inner || inner.length <= index) return true
    const own = this.own.get(log)
    return own !== undefined && own.length === inner.length && (own.roots ?? []).some((r) => same(r, top))
  }

  async serve(log: string, start: number, count: number, maxBytes = Infinity): Promise<RescuedBlock[]> {
    const end = this.host.freezes()?.frozen.get(log)
    if (end === undefined || !this.logs.has(log)) return []
    const store = await this.storeOf(log)
    const out: RescuedBlock[] = []
    let bytes = 0
    for (let i = start; i < Math.min(end, start + count) && bytes < maxBytes; i++) {
      const b = await this.held(log, store, i)
      if (!b) break
      out.push(b)
      bytes += b.value.length
    }
    if (out.length) this.host.traffic?.()
    return out
  }

  refused(code: string, sent: boolean): void {
    this.host.refused?.(code, sent)
  }

  async take(log: string, blocks: RescuedBlock[]): Promise<void> {
    const store = await this.storeOf(log)
    if (!store) return
    this.host.traffic?.()
    await store.put(blocks)
    const reach = this.reach.get(log)
    if (reach !== undefined) this.reach.set(log, store.heldUntil(reach, Infinity))
    this.host.rescued(log)
  }

  /** Block `index` with its path to the shared root over it: from the Hypercore copy, else the rescue store. */
  private async held(log: string, store: RescueStore | null, index: number): Promise<RescuedBlock | null> {
    const roots = rootsOver(index, this.rootsOf(log))
    if (!roots.length) return null
    const inner = this.logs.get(log)
    const value = inner ? await inner.get(index).catch(() => null) : null
    // Every shared root over the block is tried: the copy's path reaches one of them or none.
    if (value && inner?.path)
      for (const root of roots) {
        const path = await inner.path(index, depthOf(root.index)).catch(() => null)
        if (path && underRoots(index, value, path, [root])) return { index, value, path }
      }
    return (await store?.get(index).catch(() => null)) ?? null
  }

  private rootsOf(log: string): ProofNode[] {
    const reports = this.host.freezes()?.reports ?? []
    const known = this.roots.get(log)
    if (known && known.from === reports && known.count === reports.length) return known.roots
    const roots = sharedRoots(log, reports)
    this.roots.set(log, { from: reports, count: reports.length, roots })
    return roots
  }

  /** Reads the roots of this device's copy of `log` at its signed length, when that length changed. */
  private async ownRoots(log: string): Promise<void> {
    const inner = this.logs.get(log)
    if (!inner || inner.length === 0 || this.own.get(log)?.length === inner.length) return
    const length = inner.length
    const roots = inner.roots ? await inner.roots().catch(() => null) : null
    this.own.set(log, { length, roots })
  }

  /** The log's rescue store, opened once; null while governance has no freeze for it. */
  private storeOf(log: string): Promise<RescueStore | null> {
    const open = this.opening.get(log)
    if (open) return open
    if (!this.host.freezes()?.frozen.has(log)) return Promise.resolve(null)
    // The copy's roots first: every record is checked again on open, against them too.
    // Records at or past the freeze now (later evidence lowered it) are left aside, not damage.
    const run = this.ownRoots(log).then(() => RescueStore.open(this.dir, log, (i, v, p) => this.check(log, i, v, p), this.host.freezes()?.frozen.get(log)).then(({ store, damaged }) => {
      if (damaged) this.host.damaged?.(log, damaged)
      this.stores.set(log, store)
      return store
    }))
    this.opening.set(log, run)
    run.catch(() => this.opening.delete(log))
    return run
  }
}

/**
 * What the rescue covers, from governance: each frozen log below its freeze, and each log whose
 * freeze a facilitator lifted below the first range the lift left silent (freeze-book.ts `gaps`).
 * Blocks there still speak and are the same in every honest copy, and a copy Hypercore froze
 * still cannot fetch them; without this a restart after a lift would read a rescued log from
 * nowhere (docs/decisions.md, session 15, rescue review F7).
 */
export function freezesOf(gov: Pick<Governance, 'frozen' | 'forkReports' | 'freezes'>): { frozen: ReadonlyMap<string, number>; reports: readonly ForkReport[] } {
  const gaps = gov.freezes.gaps
  if (!gaps.size) return { frozen: gov.frozen, reports: gov.forkReports }
  const frozen = new Map(gov.frozen)
  for (const [log, ranges] of gaps) if (!frozen.has(log) && ranges.length) frozen.set(log, Math.min(...ranges.map(([from]) => from)))
  return { frozen, reports: gov.forkReports }
}

/**
 * The rescue of a space's frozen logs (group-online.ts): governance from the space, the store in
 * the profile's `rescued` folder beside the log store's, a rescued log caught up as an append
 * would, and connected members asked again when what is lacking changes.
 */
export function rescueFor(space: GroupSpace, logs: Pick<LogStore, 'dir' | 'onTraffic'>, online: { schedule(log: PeerLog): void; changed(fresh: boolean): void }): FrozenRescue {
  const rescue: FrozenRescue = new FrozenRescue(rescueDirOf(logs.dir), {
    freezes: () => (space.groupId ? freezesOf(space.governance) : null),
    writer: (log) => space.governance.ownerOf(log),
    rescued: (key) => {
      const log = rescue.reader(key)
      if (log) online.schedule(log)
    },
    wantedChanged: (fresh) => online.changed(fresh),
    // Rescued blocks are traffic as Hypercore's are: the registry's clock hears both from the log store.
    traffic: () => logs.onTraffic?.(),
  })
  return rescue
}
