/**
 * When a group's checkpoint is written (group-registry.ts seals and writes it): once
 * CHECKPOINT_EVERY blocks were read or written since the last one, after the group has been quiet
 * a while, and at once on lock. A module of its own so the registry keeps to opening and closing
 * groups; the timing rules and their counters live here.
 */
import type { GroupSpace } from './group-space.ts'
import { afterTraffic, type TrafficClock } from './traffic-clock.ts'

/** Write a checkpoint once this many blocks were read or written since the last one. */
export const CHECKPOINT_EVERY = 1000
/**
 * A due checkpoint waits for this long without changes (at most CHECKPOINT_MAX_WAIT_MS): each
 * one seals every doc, so during a burst — a newcomer's initial sync — writing one per thousand
 * blocks would cost more than the sync itself. Then, within the same cap, until no block has gone
 * out or come in for a while (traffic-clock.ts): sealing holds the event loop, and a member
 * serving a newcomer changes nothing while the newcomer waits on every block it serves.
 */
export const CHECKPOINT_QUIET_MS = 2_000
const CHECKPOINT_MAX_WAIT_MS = 30_000

export class CheckpointSchedule {
  private readonly sinceCheckpoint = new Map<string, number>()
  private readonly dueCheckpoints = new Map<string, { timer: NodeJS.Timeout; since: number }>()

  /** `due` runs when a scheduled checkpoint's wait is over (the registry checks the space is still open). */
  constructor(private readonly due: (groupId: string, space: GroupSpace) => void, private readonly traffic?: TrafficClock) {}

  /** Counts changes since the last checkpoint; a checkpoint is due once they reach CHECKPOINT_EVERY. */
  changed(groupId: string, space: GroupSpace, count: number): void {
    const total = (this.sinceCheckpoint.get(groupId) ?? 0) + count
    this.sinceCheckpoint.set(groupId, total)
    if (total >= CHECKPOINT_EVERY) this.whenQuiet(groupId, space)
  }

  /** A checkpoint was sealed: the count starts again. */
  sealed(groupId: string): void {
    this.sinceCheckpoint.set(groupId, 0)
  }

  whenQuiet(groupId: string, space: GroupSpace): void {
    const due = this.dueCheckpoints.get(groupId)
    const since = due?.since ?? Date.now()
    if (due) clearTimeout(due.timer)
    const wait = Math.max(0, Math.min(CHECKPOINT_QUIET_MS, since + CHECKPOINT_MAX_WAIT_MS - Date.now()))
    const arm = (timer: NodeJS.Timeout): void => void this.dueCheckpoints.set(groupId, { timer, since })
    const fire = (): void => {
      this.dueCheckpoints.delete(groupId)
      this.due(groupId, space)
    }
    const timer = setTimeout(() => afterTraffic(this.traffic, since + CHECKPOINT_MAX_WAIT_MS, fire, arm), wait)
    timer.unref?.()
    arm(timer)
  }

  /** Lock: every due checkpoint stops waiting and is handed to `now` (sealed before the keys go). */
  flush(now: (groupId: string) => void): void {
    for (const [groupId, d] of this.dueCheckpoints) {
      clearTimeout(d.timer)
      now(groupId)
    }
    this.dueCheckpoints.clear()
  }
}
