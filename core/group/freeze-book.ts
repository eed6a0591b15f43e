/**
 * The fork-freeze bookkeeping of a governance state: which device logs are frozen where, the
 * reports (valid `log.fork` events) facilitators review, and the lifts (`log.thaw`) that let a
 * frozen log speak again. The freezes are computed from the evidence alone before the replay
 * (governance-log.ts, equivocation.ts), so they are the same on every peer; the replay records
 * reports and lifts and asks whether a block or a member is caught by a freeze.
 *
 * Lifting (decisions.md, 2026-12-06 "Lifting a freeze"). A facilitator — never the log's own
 * member, and a second, different facilitator too where the group's removals need one
 * (settings.removalNeedsSecond) — lifts a freeze from `resume` on. Which lifts count is decided
 * in a first replay under every freeze (the most restrictive state, a pure function of the
 * events); the state is then replayed once more with those lifts (governance-log.ts), in which
 * `log.thaw` events are no longer judged. Blocks of the evidence's range, [index, resume), never
 * speak: peers hold different versions there.
 */
import { errors } from '../errors.ts'
import type { Role } from '../model/write-rule.ts'
import { checkEvidence, type ForkEvidence, type Lift } from './equivocation.ts'

/** A report of a rewritten device log (log.fork): who noticed, and their evidence. */
export interface ForkReport extends ForkEvidence {
  /** the member the log spoke for, if governance knows the log */
  member: string | undefined
  by: string
  at: number
}

/** A lift that counts: the facilitators who made it and when the last of them did. */
export interface LiftRecord extends Lift {
  by: string[]
  at: number
}

export class FreezeBook {
  /** Device log → first index that speaks for nobody. */
  readonly frozen = new Map<string, number>()
  /** Device log → ranges that speak for nobody after a lift: [from, to). */
  readonly gaps = new Map<string, [number, number][]>()
  /** Valid log.fork events, in replay order. */
  readonly reports: ForkReport[] = []
  /** Lifts that count, in replay order. */
  readonly lifts: LiftRecord[] = []
  /** Lifts waiting for a second facilitator: log → the first one's. */
  readonly pendingLifts = new Map<string, { by: string; resume: number; at: number }>()
  /** Set for the second replay: the lifts were decided by the first, `log.thaw` is not judged again. */
  private decided = false

  /** The second replay takes the first one's lifts as they are. */
  decide(lifts: readonly LiftRecord[]): void {
    this.decided = true
    this.lifts.push(...lifts)
  }

  /** A log.fork event: recorded when its evidence verifies. Throws CRYPTO_BAD_SIGNATURE otherwise. */
  report(body: ForkEvidence, by: string, at: number, member: string | undefined): void {
    if (!checkEvidence(body)) throw errors.CRYPTO_BAD_SIGNATURE('the evidence of a rewritten log does not verify')
    this.reports.push({ ...body, member, by, at })
  }

  /**
   * A log.thaw event by `author` (with `role` where it is carried; `owner` is the log's member).
   * Throws NOT_ALLOWED (not a facilitator, or their own log) or BLOCK_MALFORMED (not frozen,
   * or resuming before the freeze).
   */
  lift(body: Lift, author: string, at: number, role: Role | undefined, owner: string | undefined, needsSecond: boolean): void {
    if (this.decided) return
    if (role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators lift a freeze')
    const index = this.frozen.get(body.log)
    if (index === undefined) throw errors.BLOCK_MALFORMED('that log is not frozen')
    if (owner === author) throw errors.NOT_ALLOWED('a facilitator cannot lift the freeze of their own log')
    if (body.resume <= index) throw errors.BLOCK_MALFORMED('a lift resumes after the freeze')
    if (needsSecond) {
      const first = this.pendingLifts.get(body.log)
      if (!first || first.by === author) {
        this.pendingLifts.set(body.log, { by: author, resume: Math.max(body.resume, first?.resume ?? 0), at })
        return
      }
      this.pendingLifts.delete(body.log)
      this.lifts.push({ log: body.log, resume: Math.max(first.resume, body.resume), by: [first.by, author], at })
      return
    }
    this.lifts.push({ log: body.log, resume: body.resume, by: [author], at })
  }

  /** Whether block `index` of `log` speaks for nobody: at or past its freeze, or in a lifted range. */
  catches(log: string, index: number): boolean {
    const f = this.frozen.get(log)
    if (f !== undefined && index >= f) return true
    return (this.gaps.get(log) ?? []).some(([from, to]) => index >= from && index < to)
  }

  /** Whether any of these device logs is frozen (its member may not add a log to speak around it). */
  anyFrozen(logs: Iterable<string>): boolean {
    for (const l of logs) if (this.frozen.has(l)) return true
    return false
  }

  /** What the freezes decide for one log, as a comparable string (Governance.grants). */
  grantOf(log: string): string {
    return `${this.frozen.get(log) ?? ''}|${(this.gaps.get(log) ?? []).map(([a, b]) => `${a}-${b}`).join(',')}`
  }
}
