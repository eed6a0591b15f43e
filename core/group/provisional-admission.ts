/**
 * Provisional admission: the member's side of the admission exchange (core/net/admission-exchange.ts).
 * A newcomer N whose admission this device has not read yet shows the admitting member's signed
 * `member.admit` event; this module decides whether that lets N in now, and for how long.
 *
 * The rule, checked against this device's governance as it stands:
 *   - the event opens and its signature verifies under its author's key  (else admission-forged,
 *     or admission-invalid when it is not a governance event at all);
 *   - it is a `member.admit`                                              (admission-not-admit);
 *   - for this group                                                     (admission-other-group);
 *   - admitting exactly the member id N proved on this connection        (admission-not-theirs);
 *   - governance has not read it already: if it has, and still does not count N, it decided
 *     (admission-decided);
 *   - N is not a former member here                                      (admission-former);
 *   - its author is a current member here, not a former one              (admission-unknown-admitter);
 *   - if governance knows the invite it used, the invite's own rules hold (live, not used up,
 *     approved where it must be, the join proof matches; invite-rules.ts); an admission without
 *     an invite needs a facilitator                                      (admission-invalid).
 * An invite governance does not know yet (made after the point this device has read) is taken on
 * the admitter's word: a current member can hand the group's secret and logs to anyone anyway,
 * so a provisional admission gives N nothing its admitter could not.
 *
 * How long: until governance reads the event (`GovernanceLog.has`), then governance alone
 * decides (group-online.ts drops N at its next membership check if N is not a member then,
 * e.g. removed since), or until governance lists N as former. Kept in memory only: after a
 * restart N shows its admission again. The known risk: a removal this device has not read is
 * as unknown to it as the admission was; what N gets meanwhile is ciphertext under epoch keys a
 * removal rotates away from it.
 */
import { HearthError } from '../errors.ts'
import type { AdmissionRefusal } from '../net/member-auth.ts'
import { openEvent } from './gov-event.ts'
import type { GovernanceLog } from './governance-log.ts'
import type { Governance } from './governance.ts'
import { checkAdmissionInvite } from './invite-rules.ts'

export class ProvisionalAdmissions {
  /** member id → the id of the admission event it showed */
  private readonly held = new Map<string, string>()

  /** Checks a shown admission; on success N counts as a member until governance decides. */
  check(gov: Governance | null, log: GovernanceLog, memberId: string, payload: Uint8Array): true | AdmissionRefusal {
    const verdict = judge(gov, log, memberId, payload)
    if (typeof verdict !== 'string') {
      this.held.set(memberId, verdict.id)
      return true
    }
    return verdict
  }

  /** Whether `memberId` is in on a shown admission governance has not decided yet. */
  holds(gov: Governance | null, log: GovernanceLog, memberId: string): boolean {
    const id = this.held.get(memberId)
    if (id === undefined) return false
    if (log.has(id) || gov?.former.has(memberId)) {
      this.held.delete(memberId)
      return false
    }
    return true
  }
}

function judge(gov: Governance | null, log: GovernanceLog, memberId: string, payload: Uint8Array): { id: string } | AdmissionRefusal {
  let opened: ReturnType<typeof openEvent>
  try {
    opened = openEvent(payload)
  } catch (e) {
    return e instanceof HearthError && e.code === 'CRYPTO_BAD_SIGNATURE' ? 'admission-forged' : 'admission-invalid'
  }
  const { event, id } = opened
  if (event.kind !== 'member.admit') return 'admission-not-admit'
  // A newcomer itself, before it has read any governance, knows no admitter to check against.
  if (!gov) return 'admission-unknown-admitter'
  if (event.group !== gov.groupId) return 'admission-other-group'
  if (event.body.member.id !== memberId) return 'admission-not-theirs'
  if (log.has(id)) return 'admission-decided'
  if (gov.former.has(memberId)) return 'admission-former'
  const author = gov.members.get(event.author)
  if (!author || gov.former.has(event.author)) return 'admission-unknown-admitter'
  const ref = event.body.invite
  if (!ref || gov.invites.has(ref.id)) {
    try {
      checkAdmissionInvite(gov.groupId, gov.settings, gov.invites, event, author.role)
    } catch {
      return 'admission-invalid'
    }
  }
  return { id }
}
