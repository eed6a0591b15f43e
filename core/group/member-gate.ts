/**
 * Who may connect to a group online (group-online.ts asks on every connection and every recheck):
 * the members governance names, a newcomer let in on the admission it showed (admission-side.ts),
 * before governance is read the members the welcome listed (`trusted`), and a member who just
 * left for REMOVAL_GRACE_MS more, so the removal itself still reaches them. A module of its own
 * so the rule reads in one place, apart from fetching the logs.
 */
import type { AdmissionSide } from './admission-side.ts'
import type { GroupSpace } from './group-space.ts'

export const REMOVAL_GRACE_MS = 5_000

export class MemberGate {
  /** former member id → when this device learned it (0: already known when it came online) */
  private readonly formerSince = new Map<string, number>()
  private formerNoted = false

  constructor(
    private readonly space: GroupSpace,
    private readonly trusted: ReadonlySet<string>,
    private readonly admissions: AdmissionSide,
    /** Runs once a fresh removal's grace is over, so connections are checked again. */
    private readonly graceOver: () => void,
  ) {}

  isMember(id: string): boolean {
    const gov = this.space.groupId ? this.space.governance : null
    if (!gov) return this.trusted.has(id)
    if (gov.members.has(id)) return true
    if (this.admissions.holds(gov, id)) return true
    // A newcomer reads governance a block at a time: until it has read its own admission, what it
    // has read is an older part of the history the welcome summed up, and may not name yet the
    // very member it is reading it from (that member's own admission sits further on in the
    // inviter's log). Refusing it then would cut the newcomer off its only source for good, so
    // the welcome's members still count, unless governance already says they left.
    if (this.trusted.has(id) && !gov.knowsLog(this.space.own.key) && !gov.former.has(id)) return true
    const since = this.formerSince.get(id)
    return since !== undefined && since > 0 && Date.now() - since < REMOVAL_GRACE_MS
  }

  /** Notes members whose membership ended since the last look, and drops them after the grace. */
  noteFormer(gov: { former: ReadonlyMap<string, unknown> }): void {
    const first = this.formerSince.size === 0 && !this.formerNoted
    this.formerNoted = true
    let fresh = false
    for (const id of gov.former.keys()) {
      if (this.formerSince.has(id)) continue
      this.formerSince.set(id, first ? 0 : Date.now())
      fresh = !first
    }
    if (fresh) {
      const t = setTimeout(this.graceOver, REMOVAL_GRACE_MS + 50)
      t.unref?.()
    }
  }
}
