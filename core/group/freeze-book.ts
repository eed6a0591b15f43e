/**
 * The fork-freeze bookkeeping of a governance state: which device logs are frozen where, and the
 * reports (valid `log.fork` events) facilitators review. The freezes themselves are computed from
 * the evidence alone before the replay (governance-log.ts, equivocation.ts), so they are the same
 * on every peer; the replay only records the reports and asks whether a block or a member is
 * caught by a freeze.
 */
import { errors } from '../errors.ts'
import { checkEvidence, type ForkEvidence } from './equivocation.ts'

/** A report of a rewritten device log (log.fork): who noticed, and their evidence. */
export interface ForkReport extends ForkEvidence {
  /** the member the log spoke for, if governance knows the log */
  member: string | undefined
  by: string
  at: number
}

export class FreezeBook {
  /** Device log → first index that speaks for nobody. */
  readonly frozen = new Map<string, number>()
  /** Valid log.fork events, in replay order. */
  readonly reports: ForkReport[] = []

  /** A log.fork event: recorded when its evidence verifies. Throws CRYPTO_BAD_SIGNATURE otherwise. */
  report(body: ForkEvidence, by: string, at: number, member: string | undefined): void {
    if (!checkEvidence(body)) throw errors.CRYPTO_BAD_SIGNATURE('the evidence of a rewritten log does not verify')
    this.reports.push({ ...body, member, by, at })
  }

  /** Whether block `index` of `log` is at or past its freeze. */
  catches(log: string, index: number): boolean {
    const f = this.frozen.get(log)
    return f !== undefined && index >= f
  }

  /** Whether any of these device logs is frozen (its member may not add a log to speak around it). */
  anyFrozen(logs: Iterable<string>): boolean {
    for (const l of logs) if (this.frozen.has(l)) return true
    return false
  }
}
