/**
 * The deterministic order of governance events (DESIGN.md §3.3). Every peer that holds the same
 * events computes the same sequence, whatever order they arrived in:
 *
 *   1. An event comes after every event its author had seen: B follows A when B.seen[A's log]
 *      is greater than A's index, and when both sit in one log with A first.
 *   2. An event that sets a cut-off c on log L (removal, leave, role change: `cuts`) goes before
 *      every event carried by L at index >= c, so those are judged under the cut. This settles
 *      "two facilitators remove each other while partitioned" without a special case: each
 *      removal waits for the other, and the cycle is broken as below; the first removal applied
 *      cuts the other facilitator's log before their removal event.
 *   3. Among events that are ready at the same time (concurrent), the smaller event id goes first.
 *
 * Events are then applied in this order and each is valid only if its author had the right at
 * that point. A `seen` entry that names a length beyond what exists, or a cycle (only a forger
 * can make one, by claiming to have seen the future), does not stall the order: the remaining
 * events are released by id, so one bad event cannot hide the others. When the order is stuck,
 * the event released is the smallest id among those whose causal predecessors (rule 1) are all
 * placed, so a cycle of cut-off edges never lets a later event jump ahead of what its author saw.
 */

export interface Placed {
  /** event id (hex): the tie-break */
  id: string
  logKey: string
  index: number
  seen: Readonly<Record<string, number>>
  /** cut-offs this event sets: log key → first index cut (see rule 2) */
  cuts?: Readonly<Record<string, number>>
}

/** Returns the events in replay order. Duplicates (same id) are kept once. */
export function governanceOrder<T extends Placed>(events: readonly T[]): T[] {
  const unique = new Map<string, T>()
  for (const e of events) if (!unique.has(e.id)) unique.set(e.id, e)
  const all = [...unique.values()]
  const byLog = new Map<string, T[]>()
  for (const e of all) byLog.set(e.logKey, [...(byLog.get(e.logKey) ?? []), e])
  for (const list of byLog.values()) list.sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : 1))

  // Cut-offs by log, so rule 2 can find the events that cut a given block.
  const cutters = new Map<string, { event: T; from: number }[]>()
  for (const e of all) {
    for (const [logKey, from] of Object.entries(e.cuts ?? {})) cutters.set(logKey, [...(cutters.get(logKey) ?? []), { event: e, from }])
  }
  // Every event b must follow: the same log's earlier events and what b saw (causal), and the
  // events that cut b's position (rule 2).
  const waitingOn = new Map<T, number>()
  const causalLeft = new Map<T, number>()
  const unblocks = new Map<T, { b: T; causal: boolean }[]>()
  for (const b of all) {
    const causal = new Set<T>()
    for (const a of byLog.get(b.logKey) ?? []) if (a.index < b.index) causal.add(a)
    for (const [logKey, length] of Object.entries(b.seen)) {
      for (const a of byLog.get(logKey) ?? []) if (a.index < length && a !== b) causal.add(a)
    }
    const cut = new Set<T>()
    for (const c of cutters.get(b.logKey) ?? []) if (b.index >= c.from && c.event !== b && !causal.has(c.event)) cut.add(c.event)
    waitingOn.set(b, causal.size + cut.size)
    causalLeft.set(b, causal.size)
    for (const a of causal) unblocks.set(a, [...(unblocks.get(a) ?? []), { b, causal: true }])
    for (const a of cut) unblocks.set(a, [...(unblocks.get(a) ?? []), { b, causal: false }])
  }

  const ready = all.filter((e) => waitingOn.get(e) === 0)
  const out: T[] = []
  const done = new Set<T>()
  while (out.length < all.length) {
    if (ready.length === 0) {
      // A cycle: release the smallest id still waiting whose causal predecessors are placed (or,
      // for a forged causal cycle, the smallest id still waiting), so the rest can go on.
      const waiting = all.filter((e) => !done.has(e)).sort((a, b) => (a.id < b.id ? -1 : 1))
      const stuck = (waiting.find((e) => causalLeft.get(e) === 0) ?? waiting[0]) as T
      waitingOn.set(stuck, 0)
      ready.push(stuck)
    }
    ready.sort((a, b) => (a.id < b.id ? 1 : -1))
    const next = ready.pop() as T
    if (done.has(next)) continue
    done.add(next)
    out.push(next)
    for (const { b, causal } of unblocks.get(next) ?? []) {
      if (causal) causalLeft.set(b, (causalLeft.get(b) ?? 0) - 1)
      const left = (waitingOn.get(b) ?? 0) - 1
      waitingOn.set(b, left)
      if (left === 0 && !done.has(b)) ready.push(b)
    }
  }
  return out
}
