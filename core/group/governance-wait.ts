/**
 * Planned logs held back from catch-ups until governance knows them (issue 19, session 12).
 *
 * A newcomer follows every planned log at once, and each block that arrives schedules a catch-up
 * of its log (group-online.ts). Until the group's governance names a log, such a catch-up can only
 * stop at "log not known to governance" (checkpoint-reading.ts `fromCheckpoint`): 231 of them per
 * join in the 100,000-update bench, 0.6 s of CPU in the first second, with no progress. So a
 * log whose catch-up would stop there is not caught up; it waits here, and is handed back once
 * governance knows it (asked after every catch-up, whichever log brought the governance).
 *
 * The check is the space's own (`waitsForGovernance`: the plan's first part opened and its
 * uncovered blocks read, which may be what brings the governance in the first place), made when
 * the catch-up would start and again after every catch-up: no counter of governance changes is
 * trusted to say when a log became known.
 */

/** What the wait asks of the group space. */
export interface WaitingSpace {
  /** Whether a catch-up of this log would stop at "not known to governance" and change nothing. */
  waitsForGovernance(logKey: string): boolean
}

export class GovernanceWait<L extends { readonly key: string }> {
  private readonly waiting = new Map<string, L>()

  constructor(private readonly space: WaitingSpace) {}

  /** Whether `log`'s catch-up is pointless now; it is then kept until governance knows it. */
  holds(log: L): boolean {
    if (!this.space.waitsForGovernance(log.key)) return false
    this.waiting.set(log.key, log)
    return true
  }

  /** The held logs governance knows now (or that left the plan), given back once each. */
  released(): L[] {
    const out: L[] = []
    for (const [key, log] of this.waiting) {
      if (this.space.waitsForGovernance(key)) continue
      this.waiting.delete(key)
      out.push(log)
    }
    return out
  }

  /** How many logs wait now. */
  get size(): number {
    return this.waiting.size
  }
}
