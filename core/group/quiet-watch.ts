/**
 * How long a newcomer waits for the blocks of a planned log before its checkpoint's parts (issue
 * 19, session 12): for as long as the log's blocks keep coming, up to a cap, and no longer than a
 * quiet spell once they stop.
 *
 * Why not a fixed wall-time bound. checkpoint-fetch.ts asks for a planned log's checkpoint parts
 * only once its tail is here, because a checkpoint applied ends that log's preview, and once no
 * plan is left the ordinary feed is served: with a tail still arriving, that page lacks the tail's
 * newest posts and, worse, a facilitator's hide in it. A fixed 10-s bound ran out on a loaded
 * machine while a 2,000-block tail was still arriving steadily (the sync bench's `--tails worst`
 * at load 12–14: a stale page, not marked preview, in 3 of 5 runs). A bound that counts only quiet
 * time waits as long as the writer's blocks arrive at all, however slowly the machine takes them.
 *
 * What counts as coming: a block below the length the log was known to have when the watch began
 * (what the newcomer waits for); quiet counts from the start of each wait, not through the
 * caller's own work between waits. Blocks appended after it do not count, so a writer cannot hold the
 * wait open by writing new blocks while it withholds old ones.
 *
 * Why a cap too. A hostile writer could trickle one block every few seconds and hold the
 * newcomer's first ordinary page back for hours; the cap, counted from the watch's start, ends
 * that. Past either bound every wait ends at once and the caller goes on (the blocks stay asked
 * for). What is then missing may be anyone's hide, not only the writer's own: a member who is the
 * only one serving another's log can withhold its middle. So the reading does not end the log's
 * plan, its preview or `arriving` until those blocks are here (checkpoint-reading.ts, the tail
 * guard, session 13): the bound frees the parts' fetch, not the ordinary feed.
 */
import type { HypercoreSession } from '../store/holepunch.ts'

/** A watch is over once no block it counts has arrived for this long… */
export const QUIET_MS = 10_000
/** …and in any case this long after it began (a writer trickling its blocks). */
export const CAP_MS = 120_000

type Watched = Pick<HypercoreSession, 'on' | 'off'>

export class QuietWatch {
  private quiet: NodeJS.Timeout | undefined
  private readonly cap: NodeJS.Timeout
  private readonly onBlock: (index: number) => void
  private ended = false
  private readonly over: Promise<void>
  private readonly end: () => void

  /** Counts blocks of `session` below `below` as coming. */
  constructor(
    private readonly session: Watched,
    below: number,
    private readonly quietMs = QUIET_MS,
    capMs = CAP_MS,
  ) {
    let end!: () => void
    this.over = new Promise<void>((resolve) => (end = resolve)).then(() => this.close())
    this.end = end
    this.onBlock = (index) => {
      if (index < below && !this.ended) this.rearm(end)
    }
    session.on('download', this.onBlock)
    this.rearm(end)
    this.cap = setTimeout(end, capMs)
    this.cap.unref?.()
  }

  private rearm(end: () => void): void {
    clearTimeout(this.quiet)
    this.quiet = setTimeout(end, this.quietMs)
    this.quiet.unref?.()
  }

  /** Whether the log went quiet or the cap passed: waits no longer wait. */
  get isOver(): boolean {
    return this.ended
  }

  /**
   * `p`, or nothing once the watch is over, whichever comes first. A rejection of `p` (a closed
   * session) is passed on while the watch lasts; past it, `p` is asked for, not waited for.
   */
  until(p: Promise<void>): Promise<void> {
    if (this.ended) {
      p.catch(() => undefined)
      return Promise.resolve()
    }
    // Quiet counts from each new wait: while the caller did its own work (reading an index, the
    // other logs' suffixes) no block may have been asked for, and that is not the writer's silence.
    this.rearm(this.end)
    return Promise.race([p, this.over])
  }

  /** Stops counting (the fetch is done, or gave up). */
  close(): void {
    if (this.ended) return
    this.ended = true
    clearTimeout(this.quiet)
    clearTimeout(this.cap)
    this.session.off('download', this.onBlock as (...args: never[]) => void)
  }
}
