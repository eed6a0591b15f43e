/**
 * Who may invite, which invites hold newcomers back for a facilitator, and whether an admission
 * may use an invite — the invite and approval rules the governance replay (governance.ts) asks
 * at each `invite.create` and `member.admit`. Pure functions of the settings and the invite state,
 * so every peer that replays the same events decides the same way (DESIGN.md §3.3).
 */
import { errors } from '../errors.ts'
import type { Role } from '../model/write-rule.ts'
import type { GroupSettings, InviteRecord, SignedEvent } from './gov-event.ts'
import { inviteId } from './invite-keys.ts'
import { verifyJoinProof } from './join-proof.ts'

export interface InviteState extends InviteRecord {
  /** member id of the inviter */
  by: string
  /** the inviter's role where the invite was carried, and their clock then */
  byRole: Role
  at: number
  /** valid admissions so far, in replay order */
  used: number
  revoked: boolean
  /** When (the admitting event's time) the last use was taken, once it was. */
  usedUpAt?: number
}

/**
 * Who may invite now. A group that never chose keeps the rule it was made with: members invite
 * freely when `inviters` names them, else only facilitators. Judging older groups' history by
 * the new default would turn past admissions invalid and put members out.
 */
export function invitePolicy(settings: GroupSettings): NonNullable<GroupSettings['invitePolicy']> {
  return settings.invitePolicy ?? (settings.inviters.includes('member') ? 'members' : 'facilitators')
}

/**
 * Whether each newcomer on this invite waits for a facilitator: the inviter asked for it, or
 * a member made it and the group's rule now wants approval (a rule tightened after the invite
 * was made holds back its later newcomers too, rather than letting them in unseen).
 */
export function needsApproval(settings: GroupSettings, invite: InviteState): boolean {
  // Only a chosen rule reaches back to open invites: history judged before it stays as it was.
  const chosen = settings.invitePolicy
  return invite.approval || (chosen !== undefined && chosen !== 'members' && invite.byRole !== 'facilitator')
}

/** An `invite.create` by an author with `role` where it is carried. Throws NOT_ALLOWED / BLOCK_MALFORMED. */
export function checkInviteCreate(settings: GroupSettings, invites: ReadonlyMap<string, InviteState>, role: Role | undefined, inv: InviteRecord): Role {
  // A group that never chose is judged exactly as before the setting existed (`inviters`).
  if (!role || (settings.invitePolicy === undefined && !settings.inviters.includes(role))) throw errors.NOT_ALLOWED('this role may not invite')
  const policy = invitePolicy(settings)
  if (role !== 'facilitator' && policy === 'facilitators') throw errors.NOT_ALLOWED('in this group only facilitators invite')
  if (role !== 'facilitator' && policy === 'members-approved' && !inv.approval) {
    throw errors.NOT_ALLOWED('in this group a member’s invite needs a facilitator’s approval')
  }
  if (inv.role === 'facilitator' && role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators invite facilitators')
  if (inv.id !== inviteId(Buffer.from(inv.publicKey, 'hex')) || invites.has(inv.id)) throw errors.BLOCK_MALFORMED('invite id')
  return role
}

/**
 * The invite an admission uses, checked: live, not used up, approved where it must be, and its
 * joiner's proof matching the admitted member. Undefined for a facilitator's admission without
 * an invite. Throws the invite's coded refusal otherwise.
 */
export function checkAdmissionInvite(
  groupId: string, settings: GroupSettings, invites: ReadonlyMap<string, InviteState>,
  event: Extract<SignedEvent, { kind: 'member.admit' }>, authorRole: Role | undefined,
): InviteState | undefined {
  const m = event.body.member
  const ref = event.body.invite
  if (!ref) {
    if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators admit without an invite')
    return undefined
  }
  const invite = invites.get(ref.id)
  if (!invite) throw errors.INVITE_MALFORMED('no such invite')
  if (invite.revoked) throw errors.INVITE_REVOKED()
  if (event.at > invite.expiresAt) throw errors.INVITE_EXPIRED()
  if (invite.used >= invite.uses) throw errors.INVITE_USED_UP()
  if (needsApproval(settings, invite) && authorRole !== 'facilitator') throw errors.NOT_ALLOWED('this invite needs a facilitator to approve')
  if (event.body.role !== invite.role) throw errors.NOT_ALLOWED('the role is not the invite’s')
  const challenge = typeof ref.proof.challenge === 'string' ? ref.proof.challenge : ''
  const joiner = verifyJoinProof(ref.proof, { groupId, invitePublicKey: invite.publicKey, challenge })
  if (joiner.id !== m.id || joiner.boxKey !== m.boxKey || joiner.device !== m.device || joiner.pseudonym !== m.pseudonym) {
    throw errors.CRYPTO_BAD_SIGNATURE('the admission does not match the proof')
  }
  return invite
}
