/**
 * What the keeper fetches of each log: the log whole, following it as it grows, but never past its
 * quota end E, the per-log byte budget every member applies (core/group/log-quota.ts, issue 14).
 *
 * The rule needs no read key: E is where byte Q falls in the writer's signed Merkle tree, and
 * Hypercore verifies that tree on arrival. So the keeper bounds a log exactly where members stop
 * reading it, with the same watch they use (core/group/quota-watch.ts): on every `append` (a
 * longer signed length heard, before its blocks arrive) it checks the signed byte length, and once
 * past Q finds E, ends the live range and fetches at most [0, E). Blocks already in flight may
 * still arrive, as on a member.
 *
 * What it cannot apply without reading governance: which member a log speaks for, so not the
 * 4-devices-per-member cap (log-quota.ts MAX_DEVICES_PER_MEMBER). Its own bounds stand in:
 * MAX_LOGS per group, and the operator's --quota (keeper-quota.ts).
 */
import { QuotaWatch } from '../group/quota-watch.ts'
import type { HypercoreSession } from '../store/holepunch.ts'

export class KeeperDownloads {
  private readonly watch = new QuotaWatch()
  private readonly stopped = new Set<string>()
  /** Per log, its checks one after another, so the last one asked for settles after every earlier one. */
  private readonly checks = new Map<string, Promise<void>>()

  /** Fetches a log, bounded by the budget from now on. */
  follow(key: string, core: HypercoreSession): void {
    this.stopped.delete(key)
    core.on('append', () => this.bound(key, core))
    this.watch.download(key, core, { start: 0, end: -1 })
    this.bound(key, core)
  }

  /** Resolves once every budget check asked for so far is over (tests, status). */
  settled(key: string): Promise<void> {
    return this.checks.get(key) ?? Promise.resolve()
  }

  /** Asks for no more of a log (its group is at the keeper's --quota); what is held stays. */
  stop(key: string): void {
    this.stopped.add(key)
    this.watch.drop(key)
  }

  /** The log's quota end, once the keeper has found it past the budget. */
  endOf(key: string): number | undefined {
    return this.watch.endOf(key)
  }

  private bound(key: string, core: HypercoreSession): void {
    const run = (this.checks.get(key) ?? Promise.resolve()).then(async () => {
      if (this.stopped.has(key) || core.closed) return
      const bounded = await this.watch.check(key, core, 0).catch(() => false)
      // Stopped while E was sought: the range the watch just started goes too.
      if (bounded && this.stopped.has(key)) this.watch.drop(key)
    })
    this.checks.set(key, run)
  }
}
