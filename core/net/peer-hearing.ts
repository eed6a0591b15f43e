/**
 * "Not heard from": the state between connected and gone (issue 13, honest status within 2 s).
 *
 * A peer that vanishes without a word (SIGSTOP, a closed lid, a pulled cable) sends no reset over
 * UDP; only silence tells. Dropping the connection after 2 s of silence would drop healthy ones on
 * a busy machine (group-swarm.ts IDLE_MS says why it is 10 s). So silence is *reported*, and
 * nothing is dropped or lost: the connection, its replication and whatever is queued on it stay as
 * they are, and the first frame heard again makes the peer "heard" at the next tick.
 *
 * What is measured: secret-stream's `rawBytesRead`, which grows with every frame decrypted from
 * the remote, keepalives included (group-swarm.ts sets a keepalive of MEMBER_KEEPALIVE_MS, so a running
 * peer sends something at least that often). A ticker samples it every TICK_MS.
 *
 * The observer's own stalls do not count. A tick that comes late means this process did not run
 * (the CPU hog, a long synchronous read, our own SIGSTOP); the remote's frames may be waiting in
 * the socket, and Node runs overdue timers before it reads sockets. So each tick adds to a peer's
 * silence at most MAX_CREDIT_MS, however long the gap since the previous tick: silence is counted
 * in time this node was running and able to hear, not in wall time. A stalled observer therefore
 * never declares everyone gone; it needs QUIET_MS of its own running time without a frame.
 */

/** The keepalive group connections send when idle: 2.5 of them fit in QUIET_MS. */
export const HEARING_KEEPALIVE_MS = 400
/** How often silence is sampled: the granularity of both "not heard from" and "heard again". */
export const TICK_MS = 200
/** Silence, in this node's own running time, after which a peer is "not heard from". */
export const QUIET_MS = 1_000
/** The most one tick may add to a silence, whatever the wall-clock gap (see above). */
export const MAX_CREDIT_MS = 2 * TICK_MS

interface Heard {
  read(): number
  bytes: number
  /** When a frame was last seen (ms since the epoch). */
  heardAt: number
  /** Silence counted since then, in this node's running time. */
  silent: number
  quiet: boolean
}

export interface HearingOptions {
  /** Called when a tracked peer becomes quiet (true) or is heard again (false). */
  onChange(key: object, quiet: boolean): void
  now?(): number
  /** Tests drive ticks themselves; by default a timer ticks every TICK_MS. */
  manual?: boolean
}

export class Hearing {
  private readonly peers = new Map<object, Heard>()
  private readonly now: () => number
  private lastTick: number
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(private readonly opts: HearingOptions) {
    this.now = opts.now ?? Date.now
    this.lastTick = this.now()
  }

  /** Starts watching a peer; `read` returns a number that grows whenever the peer is heard. */
  track(key: object, read: () => number): void {
    this.peers.set(key, { read, bytes: read(), heardAt: this.now(), silent: 0, quiet: false })
    if (!this.timer && !this.opts.manual && this.peers.size > 0) {
      this.lastTick = this.now()
      this.timer = setInterval(() => this.tick(), TICK_MS)
      this.timer.unref?.()
    }
  }

  untrack(key: object): void {
    this.peers.delete(key)
    if (this.peers.size === 0 && this.timer) {
      clearInterval(this.timer)
      this.timer = null
    }
  }

  /** When the peer was last heard, if it is not heard from now; undefined while it is heard. */
  notHeardSince(key: object): number | undefined {
    const p = this.peers.get(key)
    return p?.quiet ? p.heardAt : undefined
  }

  tick(): void {
    const now = this.now()
    const credit = Math.min(Math.max(0, now - this.lastTick), MAX_CREDIT_MS)
    this.lastTick = now
    for (const [key, p] of this.peers) {
      let bytes: number
      try {
        bytes = p.read()
      } catch {
        continue
      }
      if (bytes !== p.bytes) {
        p.bytes = bytes
        p.heardAt = now
        p.silent = 0
        if (p.quiet) {
          p.quiet = false
          this.opts.onChange(key, false)
        }
        continue
      }
      p.silent += credit
      if (!p.quiet && p.silent >= QUIET_MS) {
        p.quiet = true
        this.opts.onChange(key, true)
      }
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.peers.clear()
  }
}
