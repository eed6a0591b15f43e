/**
 * The blocks shared checkpoints stood for, fetched after the initial sync (group-online.ts): a
 * newcomer reads the group from checkpoints first and then fetches the covered blocks in the
 * background (GroupSpace reads them as a check).
 * A module of its own so the timing of that second pass reads apart from the first.
 *
 * Each log's backfill starts on its own, once its checkpoint is applied and every log still
 * planned has its tail here and read into its preview (session 12): not only once every checkpoint
 * is read. Its blocks never come before a tail the first page waits for: while a planned log's
 * tail is short of its end, no backfill starts.
 *
 * It used to wait 10 s so as not to slow the initial sync; since the first page comes from the
 * tails (tail-preview.ts) and the backfill starts only once the tails are read, that wait
 * only made the whole history later (decisions.md, issue 19, session 9).
 */
import type { HypercoreSession } from '../store/holepunch.ts'
import type { GroupSpace } from './group-space.ts'
import type { QuotaWatch } from './quota-watch.ts'

/** How long after the initial sync from checkpoints the covered blocks start to be fetched. */
export const BACKFILL_AFTER_MS = 0

/**
 * A TEST KNOB, not a setting: an integration test holds the backfill back this many ms, to look
 * at a newcomer's store as its initial sync left it. The CLI and the app never set it.
 */
export const TEST_BACKFILL_ENV = 'HEARTH_TEST_BACKFILL_AFTER_MS'

/** The pause in force in this process. */
export function backfillAfterMs(): number {
  const n = Number(process.env[TEST_BACKFILL_ENV] ?? NaN)
  return Number.isSafeInteger(n) && n >= 0 ? n : BACKFILL_AFTER_MS
}

export class CheckpointBackfill {
  private timer: NodeJS.Timeout | null = null
  private readonly started = new Set<string>()
  private closed = false

  constructor(
    private readonly space: GroupSpace,
    private readonly sessionOf: (key: string) => HypercoreSession | undefined,
    /** Logs fetched whole already need no backfill. */
    private readonly isWhole: (key: string) => boolean,
    private readonly quota: QuotaWatch,
  ) {}

  /**
   * Fetches what a log's checkpoint stood for once that checkpoint is applied and no log still
   * waiting for its own has a tail short of its end (the first page waits for no tail any more),
   * or once no log waits at all.
   */
  soon(): void {
    if (this.closed || this.timer || (this.space.planned && !this.firstPageFree()) || !this.anyToStart()) return
    this.timer = setTimeout(() => {
      this.timer = null
      const todo: [string, number][] = []
      for (const [key, { end }] of this.space.reading.backfillEnds()) if (this.toStart(key)) todo.push([key, end])
      for (const [key, end] of todo) {
        const session = this.sessionOf(key)
        if (!session || this.closed) continue
        this.started.add(key)
        this.quota.download(key, session, { start: 0, end })
      }
    }, backfillAfterMs())
    this.timer.unref?.()
  }

  /**
   * Whether the first page waits for nothing a backfill would slow: governance names this device
   * (the join returns then: invitations.ts) and every planned log's tail is read into its preview.
   * Started before the join, the backfill's catch-ups queued ahead of the one bringing our own
   * admission and made the join and the first page 1–2 s later (benchmarks.md, session 12).
   */
  private firstPageFree(): boolean {
    return this.space.groupId !== null && this.space.governance.knowsLog(this.space.own.key) && this.space.reading.tailsRead()
  }

  private toStart(key: string): boolean {
    return !this.started.has(key) && !this.isWhole(key)
  }

  /** Asked after every catch-up (18,000 per join): looks without copying the space's list. */
  private anyToStart(): boolean {
    for (const [key] of this.space.reading.backfillEnds()) if (this.toStart(key)) return true
    return false
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
  }
}
