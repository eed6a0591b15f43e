/**
 * This device's side of the admission exchange (core/net/admission-exchange.ts) for one online
 * group (group-online.ts): the admission we show a member that has not read it yet (our own
 * `member.admit` as governance carries it), and the newcomers we let in provisionally on the
 * admission they show, until governance reads it (provisional-admission.ts holds the rule).
 *
 * Moved out of group-online.ts unchanged (2026-12-06), to keep that file to its logs.
 */
import type { AdmissionOptions } from '../net/member-auth.ts'
import type { Governance } from './governance.ts'
import type { GroupSpace } from './group-space.ts'
import { ProvisionalAdmissions } from './provisional-admission.ts'

type AdmissionSpace = Pick<GroupSpace, 'groupId' | 'governance' | 'govLog' | 'me'>

export class AdmissionSide {
  private readonly provisional = new ProvisionalAdmissions()
  private ownAdmission: Uint8Array | null = null

  constructor(private readonly space: AdmissionSpace) {}

  /** What member-auth asks on each connection: show ours, check a newcomer's. */
  options(): AdmissionOptions {
    return {
      mine: () => this.mine(),
      check: (id, event) => this.provisional.check(this.gov(), this.space.govLog, id, event),
    }
  }

  /** Whether `id` is in on an admission it showed that governance has not read yet. */
  holds(gov: Governance, id: string): boolean {
    return this.provisional.holds(gov, this.space.govLog, id)
  }

  private gov(): Governance | null {
    return this.space.groupId ? this.space.governance : null
  }

  /** Our own admission as governance carries it, to show a member that has not read it yet. */
  private mine(): Uint8Array | null {
    this.ownAdmission ??= this.space.groupId ? this.space.govLog.admissionOf(this.space.me) : null
    return this.ownAdmission
  }
}
