/**
 * How a log the space plans to read from a shared checkpoint (checkpoint-reading.ts) is fetched:
 * the checkpoint's first block, then the blocks it lists, the log's newest blocks and what their
 * tail index lists (tail-index.ts), then everything after the checkpoint as the log grows, then,
 * once every planned log's tail is here (tail-barrier.ts), its other parts. Anything unreadable on the way makes the log be fetched whole.
 * Kept apart from group-online.ts, which decides which logs to follow at all.
 *
 * The waits are bounded (quiet-watch.ts); past the bound the parts are asked for anyway and what
 * is missing stays asked for, from any peer. That the tail is not here does not need telling: the
 * reading holds the plan, its preview and `arriving` until the store holds the tail to the length
 * known when part 0 was opened (checkpoint-reading.ts, the tail guard).
 */
import type { HypercoreSession } from '../store/holepunch.ts'
import type { PeerLog } from '../store/log-store.ts'
import type { GroupSpace } from './group-space.ts'
import type { QuotaWatch } from './quota-watch.ts'
import { HOLD_MS, TailBarrier } from './tail-barrier.ts'
import { listedBlocks, TAIL_INDEX_WINDOW } from './tail-index.ts'
import { CAP_MS, QUIET_MS, QuietWatch } from './quiet-watch.ts'

/** One barrier per group space: its planned logs' parts wait for each other's tails (tail-barrier.ts). */
const barriers = new WeakMap<GroupSpace, TailBarrier>()
const barrierOf = (space: GroupSpace): TailBarrier => barriers.get(space) ?? (barriers.set(space, new TailBarrier()).get(space) as TailBarrier)
/** And one a stage earlier: the rest of each tail waits for every planned log's suffix, what the first page needs. */
const suffixBarriers = new WeakMap<GroupSpace, TailBarrier>()
const suffixBarrierOf = (space: GroupSpace): TailBarrier => suffixBarriers.get(space) ?? (suffixBarriers.set(space, new TailBarrier()).get(space) as TailBarrier)

export interface FetchHost {
  readonly space: GroupSpace
  readonly quota: QuotaWatch
  closed(): boolean
  /** The log cannot be read from its checkpoint: fetch it from block 0. */
  fetchWhole(key: string): void
  /** Every block the checkpoint needs was asked for; read the log again whenever governance moves. */
  fetched(key: string, log: PeerLog): void
  schedule(log: PeerLog): void
}

/**
 * A planned log: the checkpoint's first block; then what the first page needs, in this order: the
 * blocks the checkpoint lists (governance above all), the log's newest TAIL_INDEX_WINDOW blocks
 * (they hold its latest tail index), the blocks that index lists (tail-index.ts); then the rest
 * of the tail as the log grows, once every planned log's preview has read what is here (the first
 * page can show); then, once every planned log's tail is here, the other parts.
 * Asked for together, the many tail blocks would queue the few the first page needs behind them.
 * With no usable index (an older writer, damaged, stale) the newest blocks are simply the end of
 * the tail, and the preview reads the whole tail as before.
 */
export async function fetchFromCheckpoint(host: FetchHost, key: string, session: HypercoreSession, start: number, log: PeerLog, bounds = { quietMs: QUIET_MS, capMs: CAP_MS }): Promise<void> {
  const barrier = barrierOf(host.space)
  const suffixes = suffixBarrierOf(host.space)
  let watch: QuietWatch | undefined
  try {
    await session.download({ start, end: start + 1 }).done()
    const first = await log.get(start)
    const need = first && host.space.checkpointNeeds(start, first)
    if (!need) return host.fetchWhole(key)
    barrier.expect(key)
    suffixes.expect(key)
    // One bound for everything before the parts: a writer that signs a length and serves nothing
    // past it (or withholds what it lists) must not keep its own checkpoint (held by every member)
    // from being fetched, nor the newcomer's feed empty. Counted in quiet time, not wall time: a
    // tail that keeps arriving, however slowly a loaded machine takes it, is waited for, since
    // its checkpoint applied before it would end the preview with the tail's hides unread.
    const quiet = (watch = new QuietWatch(session, session.length, bounds.quietMs, bounds.capMs))
    const bounded = (p: Promise<void>): Promise<void> => quiet.until(p)
    const listed = need.blocks.filter((i) => i < start)
    if (listed.length) await bounded(session.download({ blocks: listed }).done())
    const length = session.length
    const newest = Math.max(need.end, length - TAIL_INDEX_WINDOW)
    // Whether this log's preview starts at an index: else it reads the whole tail, which it then needs at once.
    let fromIndex = false
    if (length > newest) {
      await bounded(host.quota.download(key, session, { start: newest, end: length }))
      const index = await host.space.tailIndexOf(log, need.end, length, need.docId)
      fromIndex = typeof index === 'object'
      const indexed = typeof index === 'object' ? listedBlocks(index) : []
      if (indexed.length) await bounded(session.download({ blocks: indexed }).done())
    }
    // New blocks as they come: they belong to the suffix (a newcomer's own admission, which its
    // join waits for, is one). The rest of the tail once every planned log's suffix is here (or
    // the hold ends): asked for at once, tens of thousands of blocks in the worst place of the
    // checkpoint schedule would share the connection and the CPU with the suffixes.
    host.quota.download(key, session, { start: Math.max(need.end, length), end: -1 })
    suffixes.arrived(key)
    const holdFrom = Date.now()
    await suffixes.all()
    // And until the panes have read them (the first page can show), within the same hold (one
    // HOLD_MS from the suffixes' barrier on, not one more after it: review U1): asked
    // for as soon as the suffixes were here, the rest of the tails' thousands of blocks took the
    // CPU the panes needed to read the suffixes, and the first page waited for both (session 15).
    // Not a log whose pane reads its whole tail: the panes would wait for what it never asked.
    if (fromIndex) await host.space.reading.tailsReadWait.when(Math.max(0, HOLD_MS - (Date.now() - holdFrom)))
    // The parts only once the tail known now is here: asked for together, the few large parts
    // arrive long before the many small tail blocks, and the first page would wait for both.
    if (session.length > need.end) await bounded(host.quota.download(key, session, { start: need.end, end: session.length }))
    // Across logs too: no parts until every reachable planned log's tail is here (or the hold ends).
    barrier.arrived(key)
    await barrier.all()
    watch.close()
    const parts = need.blocks.filter((i) => i > start)
    if (parts.length) await session.download({ blocks: parts }).done()
    host.fetched(key, log)
    host.schedule(log)
  } catch {
    watch?.close()
    suffixes.arrived(key)
    barrier.arrived(key)
    if (!host.closed()) host.fetchWhole(key)
  }
}
