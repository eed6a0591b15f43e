/**
 * Not storing what will never speak (issue 14, log-quota.ts): once a peer's log is past the
 * group's byte budget, this device stops fetching it past the quota end E. Blocks before E still
 * come (they speak); the live range that followed the log as it grew is dropped.
 *
 * Finding E may need tree nodes this device does not hold (a sparse reader): the seek then asks
 * peers for them, outside the catch-up queue so a slow answer holds nothing else up, and the log
 * is read again once E is known (until then the space reads nothing more of it).
 */
import type { HypercoreSession } from '../store/holepunch.ts'
import { seekQuotaEnd } from '../store/quota-end.ts'
import { logQuota } from './log-quota.ts'

type Range = { destroy(): void; done(): Promise<void> }

export class QuotaWatch {
  private readonly ranges = new Map<string, Range[]>()
  /** log key → E, for logs bounded already */
  private readonly ends = new Map<string, number>()
  private readonly seeking = new Set<string>()

  /**
   * Fetches a range of a log (`end` -1: following it as it grows), never past E once the log is
   * bounded; kept, so it can be dropped when the log passes the budget. Resolves once a bounded
   * range is here, or dropped (the log was bounded meanwhile).
   */
  download(key: string, session: HypercoreSession, range: { start: number; end: number }): Promise<void> {
    const end = this.ends.get(key)
    let r: Range | null = null
    if (end === undefined) r = session.download(range)
    else if (range.start < end) r = session.download({ start: range.start, end: range.end === -1 ? end : Math.min(range.end, end) })
    if (r) this.track(key, r)
    return range.end === -1 || !r ? Promise.resolve() : r.done().catch(() => undefined)
  }

  /** Ends every range of a log this watch started (the keeper, when a group reaches its --quota). */
  drop(key: string): void {
    for (const r of this.ranges.get(key) ?? []) r.destroy()
    this.ranges.delete(key)
  }

  private track(key: string, range: Range): void {
    const list = this.ranges.get(key) ?? []
    list.push(range)
    this.ranges.set(key, list)
  }

  /**
   * After the log grew: if it is past the budget and not bounded yet, finds E (asking peers if
   * need be), drops every live range and fetches at most [from, E). Resolves true when it bounded
   * the log now (the caller reads it again: E may have been unknown to the space).
   */
  async check(key: string, session: HypercoreSession, from: number): Promise<boolean> {
    if (this.ends.has(key) || this.seeking.has(key) || session.byteLength <= logQuota()) return false
    this.seeking.add(key)
    const end = await seekQuotaEnd(session, logQuota(), true).finally(() => this.seeking.delete(key))
    if (end === null || end === Infinity || this.ends.has(key) || session.closed) return false
    this.ends.set(key, end)
    this.drop(key)
    if (from < end) this.track(key, session.download({ start: from, end }))
    return true
  }

  /** Whether a log is bounded, and at which index. */
  endOf(key: string): number | undefined {
    return this.ends.get(key)
  }
}
