/**
 * How a log the space plans to read from a shared checkpoint (checkpoint-reading.ts) is fetched:
 * the checkpoint's first block, then everything after it as the log grows and the blocks it lists,
 * then, once every planned log's tail is here (tail-barrier.ts), its other parts. Anything unreadable on the way makes the log be fetched whole.
 * Kept apart from group-online.ts, which decides which logs to follow at all.
 */
import type { HypercoreSession } from '../store/holepunch.ts'
import type { PeerLog } from '../store/log-store.ts'
import type { GroupSpace } from './group-space.ts'
import type { QuotaWatch } from './quota-watch.ts'
import { TailBarrier } from './tail-barrier.ts'

/** The longest a log's parts wait for its own tail (a tail that never comes: a withholding writer). */
export const TAIL_WAIT_MS = 10_000

/** `p`, or nothing after `ms`, whichever comes first. */
function atMost(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const hold = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
    timer.unref?.()
  })
  return Promise.race([p, hold]).finally(() => clearTimeout(timer))
}

/** One barrier per group space: its planned logs' parts wait for each other's tails (tail-barrier.ts). */
const barriers = new WeakMap<GroupSpace, TailBarrier>()
const barrierOf = (space: GroupSpace): TailBarrier => barriers.get(space) ?? (barriers.set(space, new TailBarrier()).get(space) as TailBarrier)

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

/** A planned log: the checkpoint's first block, then what it names, then the rest as it grows. */
export async function fetchFromCheckpoint(host: FetchHost, key: string, session: HypercoreSession, start: number, log: PeerLog): Promise<void> {
  const barrier = barrierOf(host.space)
  try {
    await session.download({ start, end: start + 1 }).done()
    const first = await log.get(start)
    const need = first && host.space.checkpointNeeds(start, first)
    if (!need) return host.fetchWhole(key)
    barrier.expect(key)
    // Tail first: the blocks it lists and those after it are what the first page needs
    // (tail-preview.ts); the checkpoint's other parts, most of its bytes, are asked for after.
    host.quota.download(key, session, { start: need.end, end: -1 })
    const listed = need.blocks.filter((i) => i < start)
    if (listed.length) await session.download({ blocks: listed }).done()
    // The parts only once the tail known now is here: asked for together, the few large parts
    // arrive long before the many small tail blocks, and the first page would wait for both.
    // Bounded: a writer that signs a length and serves nothing past it must not keep its own
    // checkpoint (held by every member) from being fetched, nor the newcomer's feed empty.
    if (session.length > need.end) await atMost(host.quota.download(key, session, { start: need.end, end: session.length }), TAIL_WAIT_MS)
    // Across logs too: no parts until every reachable planned log's tail is here (or the hold ends).
    barrier.arrived(key)
    await barrier.all()
    const parts = need.blocks.filter((i) => i > start)
    if (parts.length) await session.download({ blocks: parts }).done()
    host.fetched(key, log)
    host.schedule(log)
  } catch {
    barrier.arrived(key)
    if (!host.closed()) host.fetchWhole(key)
  }
}
