/**
 * A barrier across a newcomer's planned logs (issue 19): no log asks for its checkpoint's later
 * parts (most of the group's bytes) until every reachable planned log's tail is here, so the
 * newest page (tail-preview.ts), and the governance the join waits for, do not share the
 * connection and the store with megabytes of checkpoint state.
 *
 * It waits for whole tails, not only the suffixes a first page needs (tail-index.ts): a log's
 * checkpoint, once applied, ends its preview, and its real doc is read in order from the
 * checkpoint's end, so the real docs follow only once the whole tail is here anyway. Parts asked
 * for after the suffixes would share the connection with the rest of the tails and apply no
 * sooner. The first page no longer waits for this barrier's condition: the suffixes and listed
 * blocks are fetched first (checkpoint-fetch.ts), the rest of each tail after them.
 *
 * A log counts from the moment its checkpoint's first block arrived (a log no peer serves never
 * holds the others back), and the hold ends after HOLD_MS however things stand: one log whose
 * tail stalls (its only holder left) delays the others' parts by that much, no more.
 */

/** The longest a log's parts wait for the other logs' tails once its own tail is here. */
export const HOLD_MS = 3_000

export class TailBarrier {
  /** Reachable planned logs whose tails are not here yet. */
  private readonly waiting = new Set<string>()
  private readonly released: (() => void)[] = []

  /** The log's checkpoint's first block is here: its tail is on its way. */
  expect(key: string): void {
    this.waiting.add(key)
  }

  /** The log's tail is here (or the log left the plan): it holds no one back any more. */
  arrived(key: string): void {
    this.waiting.delete(key)
    if (this.waiting.size === 0) for (const go of this.released.splice(0)) go()
  }

  /** Resolves once no reachable planned log waits for its tail, or after `holdMs`. */
  async all(holdMs = HOLD_MS): Promise<void> {
    if (this.waiting.size === 0) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, holdMs)
      timer.unref?.()
      this.released.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}

/**
 * A wait for a condition its owner re-checks whenever something it depends on moved (`moved`),
 * held for at most a given time: a newcomer's fetch waits on one across its planned logs
 * (checkpoint-reading.ts `tailsReadWait`), and a log that never gets there holds it no longer.
 */
export class HeldUntil {
  private readonly waiting: (() => void)[] = []

  constructor(private readonly holds: () => boolean) {}

  /** Resolves once the condition holds, or after `holdMs`. */
  when(holdMs = HOLD_MS): Promise<void> {
    if (this.holds()) return Promise.resolve()
    return new Promise<void>((resolve) => {
      const go = (): void => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        // Over by the hold: no longer kept for a `moved` that may never come.
        this.waiting.splice(this.waiting.indexOf(go), 1)
        resolve()
      }, holdMs)
      timer.unref?.()
      this.waiting.push(go)
    })
  }

  /** How many wait (for tests). */
  get waiters(): number {
    return this.waiting.length
  }

  /** Something the condition depends on moved: the waits end if it holds now. */
  moved(): void {
    if (this.waiting.length && this.holds()) for (const go of this.waiting.splice(0)) go()
  }
}
