/**
 * Rendezvous: when a swarm looks for its topics again. One job, shared by the group swarm, the
 * invite host and the joiner (and meant for the keeper and the WebRTC bridge to reuse).
 *
 * Hyperswarm announces and looks a topic up once when it is joined, then every ~10 minutes, and
 * after a network change. That misses three things Hearth's people live with:
 *  - two nodes arriving within the same seconds: each one's first lookup can run before the
 *    other's announcement is stored, and neither looks again for 10 minutes;
 *  - a laptop lid (or SIGSTOP): after the process resumes, its connections are dead and its
 *    peers gave up dialling it; Hyperswarm's own refresh timer, when overdue, reschedules with up
 *    to 2 minutes of jitter instead of looking at once;
 *  - a peer we refused and then forgave (GroupSwarm.forgive): nobody dials again by itself.
 *
 * So: `kick()` refreshes every joined topic now (announce + lookup, Hyperswarm's own
 * `PeerDiscovery.refresh()`, which resets and re-queues every peer it finds), then again after
 * each delay of KICK_BURST_MS. A ticker notices a jump in wall time (the process did not run for
 * WAKE_GAP_MS) and kicks. `keepLooking()` is the joiner's mode: look, then again with a bounded
 * backoff (backoffMs), until stopped.
 *
 * Dead connections themselves are found by the stream's idle timeout (group-swarm.ts), not here.
 */
import type { HyperswarmInstance } from './holepunch-net.ts'

/** After a start, a wake, a network change or a forgive: look now and at these delays after. */
export const KICK_BURST_MS = [1_500, 4_000, 8_000] as const
/** The ticker's period, and how late it must fire to count as "the process was asleep". */
export const TICK_MS = 1_000
export const WAKE_GAP_MS = 5_000

/**
 * The joiner's n-th wait (n ≥ 0) before looking again: 1 s, 2 s, then 3 s while it has looked
 * for less than two minutes (a member who just arrived is found within seconds), then doubling
 * to at most 15 s (a long wait should not keep the DHT busy).
 */
export function backoffMs(n: number, lookingForMs: number): number {
  if (lookingForMs < 120_000) return Math.min(1_000 * (n + 1), 3_000)
  return Math.min(3_000 * 2 ** Math.max(0, n - 3), 15_000)
}

type Swarm = Pick<HyperswarmInstance, 'topics'>

export class Rendezvous {
  private readonly timers = new Set<NodeJS.Timeout>()
  private ticker: NodeJS.Timeout | null = null
  private lastTick = Date.now()
  private stopped = false
  private looking: { since: number; n: number } | null = null

  constructor(
    private readonly swarm: Swarm,
    private readonly opts: { onLook?(reason: string): void; onWake?(): void } = {},
  ) {
    this.ticker = setInterval(() => this.tick(), TICK_MS)
    this.ticker.unref?.()
  }

  /** Looks for every joined topic now, then a few more times in the next seconds. */
  kick(reason: string): void {
    if (this.stopped) return
    this.look(reason)
    for (const ms of KICK_BURST_MS) this.later(ms, () => this.look(reason))
  }

  /** Keeps looking with backoffMs until close(); for a joiner waiting for any member. */
  keepLooking(): void {
    if (this.stopped || this.looking) return
    this.looking = { since: Date.now(), n: 0 }
    const again = (): void => {
      const l = this.looking
      if (!l || this.stopped) return
      this.later(backoffMs(l.n++, Date.now() - l.since), () => {
        this.look('retry')
        again()
      })
    }
    again()
  }

  close(): void {
    this.stopped = true
    this.looking = null
    if (this.ticker) clearInterval(this.ticker)
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private tick(): void {
    const now = Date.now()
    const gap = now - this.lastTick
    this.lastTick = now
    if (gap < WAKE_GAP_MS) return
    // Time jumped: the machine slept or the process was stopped. Anything in flight is stale.
    try {
      this.opts.onWake?.()
    } catch {
      // a failing listener must not stop the rendezvous
    }
    this.kick('wake')
  }

  private look(reason: string): void {
    if (this.stopped) return
    try {
      this.opts.onLook?.(reason)
    } catch {
      // as above
    }
    for (const d of this.swarm.topics()) d.refresh().catch(() => undefined)
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, ms)
    t.unref?.()
    this.timers.add(t)
  }
}
