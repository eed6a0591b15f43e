/**
 * When this node last sent or received a block of any group's log, so that upkeep waits for the
 * network to be quiet too, not only the group's docs (issue 19, session 15).
 *
 * Why. The upkeep that keeps the next unlock fast runs the event loop for long stretches in one
 * synchronous step: sealing a checkpoint snapshots every doc (0.7 s for the 100,000-update group
 * on this machine), and keeping the first screen counts every unread (0.6 s). Each waited for
 * the group to be quiet of *changes* for two seconds. But a member serving a newcomer changes
 * nothing: the newcomer's admission is one change, then two seconds of pure serving, and then
 * both ran while the newcomer waited for its first page. Measured (scripts/bench/sync.ts with a
 * profile of both processes): the host busy 0.7 s sealing a checkpoint and later 0.6 s keeping
 * its first screen, the newcomer idle for each of those stretches, its first page 1.0–2.5 s after
 * the welcome instead of well under one. One node runs every group on one event loop, so one
 * clock serves them all: serving one group's newcomer delays every group's upkeep a little.
 *
 * The rule: a timer of upkeep that fires while a block went out or came in during the last
 * TRAFFIC_QUIET_MS waits until that much quiet, and never past its own deadline (the caller's cap,
 * so a node that serves for ever still keeps its checkpoints). A lock does not wait (the callers
 * flush their due work then).
 */

/** Upkeep waits until no block has gone out or come in for this long. */
export const TRAFFIC_QUIET_MS = 1_000

export class TrafficClock {
  private last = -Infinity

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** A block of some group's log went out to a peer or came in from one. */
  saw(): void {
    this.last = this.now()
  }

  /** How much longer until traffic has been quiet for `quietMs`: 0 when it has. */
  waitFor(quietMs = TRAFFIC_QUIET_MS): number {
    return Math.max(0, this.last + quietMs - this.now())
  }
}

/**
 * Runs `fire` once `clock` has been quiet (at once without a clock), re-checking as traffic goes
 * on, and at the latest at `deadline` (epoch ms). `arm` is handed each timer it sets, so the
 * caller can cancel the wait as it cancels its own.
 */
export function afterTraffic(clock: TrafficClock | undefined, deadline: number, fire: () => void, arm: (timer: NodeJS.Timeout) => void): void {
  const wait = clock ? Math.min(clock.waitFor(), Math.max(0, deadline - Date.now())) : 0
  if (wait <= 0) return fire()
  const timer = setTimeout(() => afterTraffic(clock, deadline, fire, arm), wait)
  timer.unref?.()
  arm(timer)
}
