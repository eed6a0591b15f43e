/**
 * The whole-read guard (session 13, guard2, guard3): during a newcomer's first sync, each log it
 * reads is held to its length at first sight before the history counts as here (`arriving`,
 * group-reading.ts). The fault it closes: a log with no shared checkpoint (every small group's) is
 * read in order from block 0 and had no "arriving" at all, so the ordinary feed showed Bob's post
 * while the log holding a facilitator's hide of it had not arrived, and for as long as a relay
 * withheld the middle of that log.
 *
 * - The first sync: the profile has not yet settled this group once. The vault's group meta says
 *   so (`firstSync`, written by the join, cleared once a settle point finds nothing arriving and
 *   every log governance names has told a length or is cut off: group-registry.ts), so it
 *   survives a restart; a member who created the group, or joined before this guard, never has it.
 * - A log's target is its length the first time it is seen with one (> 0). Blocks appended after
 *   first sight are new, read in order as any member reads them: a moving target would let a busy
 *   writer keep a newcomer waiting for ever.
 * - Until the first sync is complete (below) the history is arriving, whatever is read: a log
 *   governance names that no peer has told a length yet may hold a hide of a post read elsewhere
 *   (session 13 review, finding A), and after a restart the restored docs stand for logs not seen
 *   again yet (finding C). A length of 0 is not taken as told: Hypercore shows a peer's answer
 *   (`remoteLength`), but an honest peer that has not fetched the log (another newcomer, a member
 *   long offline) answers 0 too, so it cannot tell "empty" from "not here".
 * - Held: read in order (`next`) up to the target, capped by the log's length (a signed
 *   truncation), its byte budget (log-quota.ts) and governance's cut-off (Governance.speaksUntil:
 *   a removal, a leave, a fork's freeze; finding B: a block past it nobody holds must not hold
 *   every future newcomer). A log read in order stops at its first
 *   missing block, so "read to the target" is "held to it", as the planned logs' tail guard asks
 *   (checkpoint-reading.ts), and the settle point after it puts it in the docs.
 * - The member's own log is never held. Once the first sync ends in this space nothing is held
 *   again, not even a log discovered later through governance (it is read in order as any member's).
 * - A rebuild carries the state (checkpoint-reading.ts `planLike`, `adopt`); a restart starts it
 *   again from the meta, the targets taken again at first sight, none shorter than before.
 * - What it waits for is read out (`waitsFor`, read-only) for the sync status, which names the
 *   members behind those logs (history-wait.ts): a member who never wrote anywhere reachable holds
 *   every newcomer until served or removed, and the newcomer and facilitators must be able to see whom.
 */
export class FirstSync {
  private on = false
  private own = ''
  private seeds: readonly string[] = []
  /** log key → its length when first seen with one. */
  private readonly ends = new Map<string, number>()

  /** The first sync starts (the meta says the profile has not settled this group yet). */
  begin(ownKey: string, seeds: readonly string[] = []): void {
    this.on = true
    this.own = ownKey
    this.seeds = seeds
  }

  get active(): boolean {
    return this.on
  }

  /** `key` seen with `length` blocks: its first length told is its target. */
  see(key: string, length: number): void {
    if (this.on && key !== this.own && length > 0 && !this.ends.has(key)) this.ends.set(key, length)
  }

  /**
   * Whether a log is not read up to its target yet: `read(key)` is how far it is read, `limit(key)`
   * the most it can be read now (its length, its byte budget's end, governance's cut-off).
   */
  waiting(read: (key: string) => number, limit: (key: string) => number): boolean {
    if (!this.on) return false
    for (const [key, end] of this.ends) if (read(key) < Math.min(end, limit(key))) return true
    return false
  }

  /**
   * Whether the first sync may end: our own log is admitted (`knows`), and every other log
   * governance names (`named`) or the welcome named (`seeds`: a device added later, known to
   * governance only from its own block 0, e.g. a profile restored from an archive) has told a
   * length, unless governance cut it off at block 0 (`speaksUntil` 0: a device that never wrote,
   * removed). Until then the history counts as arriving (group-reading.ts), so a log told late is
   * still held, and a restart, whose targets are empty again, holds until each log is seen again.
   * A log cut off AFTER some blocks must still tell its length: what it wrote before the cut-off
   * (a departed facilitator's hide, a removal) still counts for everyone, and the member who
   * removed it holds those blocks and can serve them (session 13, second review, R1 and R2).
   * Removing a device that never wrote is how facilitators end a newcomer's wait on it; what a
   * cut-off log told is held up to the cut-off.
   */
  complete(named: Iterable<string>, knows: (key: string) => boolean, speaksUntil: (key: string) => number): boolean {
    if (!knows(this.own)) return false
    for (const key of [...named, ...this.seeds]) if (this.untold(key, speaksUntil)) return false
    return true
  }

  /**
   * What the first sync waits for, log by log (read-only; the sync status names it: history-wait.ts):
   * each log `complete` waits for, with no blocks (no length told), and each log `waiting` finds not
   * read to its target, with how far it is read (`read`) of how far it must be (`of`). Nothing
   * while the first sync is off. Our own admission, which `complete` also waits for, is no log's.
   */
  waitsFor(named: Iterable<string>, speaksUntil: (key: string) => number, read: (key: string) => number, limit: (key: string) => number): LogWait[] {
    if (!this.on) return []
    const out: LogWait[] = []
    for (const key of new Set([...named, ...this.seeds])) if (this.untold(key, speaksUntil)) out.push({ key })
    for (const [key, end] of this.ends) {
      const of = Math.min(end, limit(key))
      const at = read(key)
      if (at < of) out.push({ key, blocks: { read: at, of: Number.isFinite(of) ? of : end } })
    }
    return out
  }

  /** A log other than ours that has told no length and is not cut off at block 0 (`complete`). */
  private untold(key: string, speaksUntil: (key: string) => number): boolean {
    return key !== this.own && !this.ends.has(key) && speaksUntil(key) > 0
  }

  /** The first sync is over for this space: nothing is held again. */
  end(): void {
    this.on = false
    this.ends.clear()
  }

  /** A rebuild's carry and swap: the same state, targets unchanged. */
  copyFrom(from: FirstSync): void {
    this.on = from.on
    this.own = from.own
    this.seeds = from.seeds
    this.ends.clear()
    for (const [k, e] of from.ends) this.ends.set(k, e)
  }
}

/** A log the history waits for, and, when known, how far it is here (`read`, an index) of how far it must be (`of`). */
export interface LogWait {
  key: string
  blocks?: { read: number; of: number }
}
