/**
 * The blocks shared checkpoints stood for, fetched after the initial sync (group-online.ts): a
 * newcomer reads the group from checkpoints first, and BACKFILL_AFTER_MS after the last planned
 * log was read, the covered blocks are fetched in the background (GroupSpace reads them as a
 * check). A module of its own so the timing of that second pass reads apart from the first.
 */
import type { HypercoreSession } from '../store/holepunch.ts'
import type { GroupSpace } from './group-space.ts'
import type { QuotaWatch } from './quota-watch.ts'

/** How long after the initial sync from checkpoints the covered blocks start to be fetched. */
export const BACKFILL_AFTER_MS = 10_000

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

  /** Once no log waits for its checkpoint, fetches what the checkpoints stood for, after a pause. */
  soon(): void {
    if (this.closed || this.timer || this.space.planned) return
    const todo = (): [string, number][] => [...this.space.backfillsLeft()].filter(([k]) => !this.started.has(k) && !this.isWhole(k))
    if (!todo().length) return
    this.timer = setTimeout(() => {
      this.timer = null
      for (const [key, end] of todo()) {
        const session = this.sessionOf(key)
        if (!session || this.closed) continue
        this.started.add(key)
        this.quota.download(key, session, { start: 0, end })
      }
    }, BACKFILL_AFTER_MS)
    this.timer.unref?.()
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
  }
}
