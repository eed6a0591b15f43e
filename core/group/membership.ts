/**
 * Membership changes a member makes from this device (DESIGN.md §3.3): removing a member, leaving,
 * and changing a role. Each checks what governance would refuse first, so the person gets a coded
 * answer instead of an event that every peer then ignores, writes the event with the current
 * causal context (which is the cut-off), and confirms governance took it.
 *
 * A removal that takes effect is followed at once, in the same step, by an epoch rotation whose
 * lockboxes go to the remaining members only. A leave is not: the leaver is no longer a member
 * once its event is applied, so the remaining members rotate when they read it (epoch-keeper.ts).
 */
import { errors } from '../errors.ts'
import type { Badge } from './gov-event.ts'
import type { Role } from '../model/write-rule.ts'
import type { GroupSpace } from './group-space.ts'
import { repairEpochs } from './epoch-keeper.ts'

function facilitators(space: GroupSpace): number {
  return [...space.governance.members.values()].filter((m) => m.role === 'facilitator').length
}

function requireFacilitator(space: GroupSpace, what: string): void {
  if (space.membership !== 'member') throw errors.NOT_ALLOWED('you are no longer a member of this group')
  if (space.governance.members.get(space.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED(`only facilitators ${what}`)
}

/** Removes a member. Returns 'removed', or 'pending' while the removal waits for a second facilitator. */
export async function removeMember(space: GroupSpace, member: string, now: () => number): Promise<'removed' | 'pending'> {
  requireFacilitator(space, 'remove members')
  const gov = space.governance
  const target = gov.members.get(member)
  if (!target) throw errors.NOT_FOUND('no such member')
  if (member === space.me) throw errors.INVALID_INPUT('to go, leave the group instead')
  if (target.role === 'facilitator' && facilitators(space) <= 1) throw errors.NOT_ALLOWED('the last facilitator cannot be removed')
  // Only while the rule holds: once it is off, the facilitator who asked may finish it alone.
  if (gov.settings.removalNeedsSecond && gov.pendingRemovals.get(member) === space.me) {
    throw errors.NOT_ALLOWED('this removal already waits for a second facilitator')
  }
  await space.writeGovernance({ v: 1, kind: 'member.remove', group: gov.groupId, author: space.me, at: now(), seen: space.seen(), body: { member } })
  if (space.governance.members.has(member)) {
    if (space.governance.pendingRemovals.has(member)) return 'pending'
    throw errors.NOT_ALLOWED('the group did not accept this removal')
  }
  await repairEpochs(space, now)
  return 'removed'
}

/** Leaves the group. This device keeps what it has and gets nothing new. */
export async function leaveGroup(space: GroupSpace, now: () => number): Promise<void> {
  if (space.membership !== 'member') throw errors.NOT_ALLOWED('you are no longer a member of this group')
  const gov = space.governance
  if (gov.members.get(space.me)?.role === 'facilitator' && facilitators(space) <= 1 && gov.members.size > 1) {
    throw errors.NOT_ALLOWED('you are the last facilitator; make someone else a facilitator first')
  }
  await space.writeGovernance({ v: 1, kind: 'member.leave', group: gov.groupId, author: space.me, at: now(), seen: space.seen(), body: {} })
  if (space.governance.members.has(space.me)) throw errors.NOT_ALLOWED('the group did not accept leaving')
}

/** Makes a member a facilitator (optionally with a badge, in facilitated groups) or a member. */
export async function changeRole(space: GroupSpace, member: string, role: Role, badge: Badge | undefined, now: () => number): Promise<void> {
  requireFacilitator(space, 'change roles')
  const gov = space.governance
  const target = gov.members.get(member)
  if (!target) throw errors.NOT_FOUND('no such member')
  if (badge && (gov.mode !== 'facilitated' || role !== 'facilitator')) throw errors.INVALID_INPUT('a badge is for facilitators of facilitated groups')
  if (target.role === role && target.badge === badge) return
  if (target.role === 'facilitator' && role !== 'facilitator' && facilitators(space) <= 1) throw errors.NOT_ALLOWED('the last facilitator cannot be made a member')
  await space.writeGovernance({
    v: 1, kind: 'role.change', group: gov.groupId, author: space.me, at: now(), seen: space.seen(),
    body: { member, role, ...(badge ? { badge } : {}) },
  })
  if (space.governance.members.get(member)?.role !== role) throw errors.NOT_ALLOWED('the group did not accept this change')
}
