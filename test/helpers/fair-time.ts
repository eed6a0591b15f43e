/**
 * A budget for a wait on progress, counted in the time the machine gives a process, not in wall
 * time, with a wall-time hang guard behind it.
 *
 * Why: the suite runs on two cores under a CPU hog by rule and beside other runs (load 10–30). A
 * wait for progress (peers syncing, a child's next event) bounded in wall time measures the load:
 * 20 s that hold the work many times over at load 2 hold a tenth as much at load 20, and a
 * correct but slow step then fails by the test's clock, not by the code. Here each stretch of
 * wall time counts at the share of a core a runnable process gets: cores / load (at most 1),
 * from the kernel's one-minute load average, read at every look. The average lags a sudden load
 * by tens of seconds, so at the start of a hog the budget runs nearer wall speed: it stays a
 * bound, only a looser one under load. A wait whose peer hangs or waits on nothing still ends at
 * the hang guard, in wall time.
 *
 * Where a wait is all one child's own work, the child's own CPU time is the better measure
 * (child.ts, `{ cpuMs }`): it does not lag. This is for waits on several processes and the
 * network between them, which no one process's CPU time measures.
 */
import os from 'node:os'

/** A hang guard, not a claim: the wall time a fair-share wait may last at most (below the integration tests' 300 s). */
export const FAIR_HANG_GUARD_MS = 120_000

const CORES = os.availableParallelism()

/** The share of a core a runnable process gets now: 1 up to one runnable process per core. */
export function fairShare(): number {
  const load = os.loadavg()[0] ?? 0
  return load <= CORES ? 1 : CORES / load
}

/** Where a clock reads the time and the share (a unit test passes its own). */
export interface FairSource {
  now(): number
  share(): number
}
const MACHINE: FairSource = { now: () => performance.now(), share: fairShare }

export class FairClock {
  private readonly started: number
  private last: number
  private fair = 0
  private lastShare = 1

  /** `budgetMs` of fair-share time; the wall guard is at least FAIR_HANG_GUARD_MS and twice the budget. */
  constructor(readonly budgetMs: number, readonly guardMs = Math.max(FAIR_HANG_GUARD_MS, 2 * budgetMs), private readonly source: FairSource = MACHINE) {
    this.started = source.now()
    this.last = this.started
  }

  /** Counts the time since the last look at the share the load gives now; true once the budget or the guard is spent. */
  over(): boolean {
    const now = this.source.now()
    this.lastShare = this.source.share()
    this.fair += (now - this.last) * this.lastShare
    this.last = now
    return this.fair >= this.budgetMs || now - this.started >= this.guardMs
  }

  /** For the error: how much of each was spent. */
  describe(): string {
    const wall = this.source.now() - this.started
    const which = wall >= this.guardMs ? `the wall-time hang guard (${this.guardMs} ms)` : `${this.budgetMs} ms of fair-share time`
    return `${which}: ${Math.round(this.fair)} ms fair, ${Math.round(wall)} ms wall, share ${this.lastShare.toFixed(2)} of a core at the end`
  }
}

/**
 * Polls `probe` every `everyMs` until it is true; rejects past the clock's budget or guard with
 * `what`. A probe that throws is tried again (`retry`, the default) or fails the wait at once.
 */
export async function untilFair(probe: () => boolean | Promise<boolean>, budgetMs: number, what: string, opts: { everyMs?: number; retry?: boolean } = {}): Promise<void> {
  const clock = new FairClock(budgetMs)
  let last: unknown = null
  for (;;) {
    try {
      if (await probe()) return
    } catch (e) {
      if (opts.retry === false) throw e
      last = e
    }
    if (clock.over()) throw new Error(`${what}: not met within ${clock.describe()}${last ? `; last error: ${String(last)}` : ''}`)
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100))
  }
}
