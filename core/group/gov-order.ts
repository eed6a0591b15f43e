/**
 * The deterministic order of governance events (DESIGN.md §3.3). Every peer that holds the same
 * events computes the same sequence, whatever order they arrived in:
 *
 *   1. An event comes after every event its author had seen: B follows A when B.seen[A's log]
 *      is greater than A's index, and when both sit in one log with A first.
 *   2. Among events that are ready at the same time (concurrent), the smaller event id goes first.
 *
 * Events are then applied in this order and each is valid only if its author had the right at
 * that point. A `seen` entry that names a length beyond what exists, or a cycle (only a forger
 * can make one, by claiming to have seen the future), does not stall the order: the remaining
 * events are released by id, so one bad event cannot hide the others.
 */

export interface Placed {
  /** event id (hex): the tie-break */
  id: string
  logKey: string
  index: number
  seen: Readonly<Record<string, number>>
}

/** Returns the events in replay order. Duplicates (same id) are kept once. */
export function governanceOrder<T extends Placed>(events: readonly T[]): T[] {
  const unique = new Map<string, T>()
  for (const e of events) if (!unique.has(e.id)) unique.set(e.id, e)
  const all = [...unique.values()]
  const byLog = new Map<string, T[]>()
  for (const e of all) byLog.set(e.logKey, [...(byLog.get(e.logKey) ?? []), e])
  for (const list of byLog.values()) list.sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : 1))

  // `before(b)` is every event b must follow: the same log's earlier events, and what b saw.
  const waitingOn = new Map<T, number>()
  const unblocks = new Map<T, T[]>()
  for (const b of all) {
    const deps = new Set<T>()
    for (const a of byLog.get(b.logKey) ?? []) if (a.index < b.index) deps.add(a)
    for (const [logKey, length] of Object.entries(b.seen)) {
      for (const a of byLog.get(logKey) ?? []) if (a.index < length && a !== b) deps.add(a)
    }
    waitingOn.set(b, deps.size)
    for (const a of deps) unblocks.set(a, [...(unblocks.get(a) ?? []), b])
  }

  const ready = all.filter((e) => waitingOn.get(e) === 0)
  const out: T[] = []
  const done = new Set<T>()
  while (out.length < all.length) {
    if (ready.length === 0) {
      // A cycle: release the smallest id still waiting, so the rest can go on.
      const stuck = all.filter((e) => !done.has(e)).sort((a, b) => (a.id < b.id ? -1 : 1))[0] as T
      waitingOn.set(stuck, 0)
      ready.push(stuck)
    }
    ready.sort((a, b) => (a.id < b.id ? 1 : -1))
    const next = ready.pop() as T
    if (done.has(next)) continue
    done.add(next)
    out.push(next)
    for (const b of unblocks.get(next) ?? []) {
      const left = (waitingOn.get(b) ?? 0) - 1
      waitingOn.set(b, left)
      if (left === 0 && !done.has(b)) ready.push(b)
    }
  }
  return out
}
