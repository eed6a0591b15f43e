/**
 * The membership half of the service: removing a member, leaving, and changing roles
 * (core/group/membership.ts does the work). A device whose membership ended goes off the group's
 * network at once; the front ends then show its plain state from `groupInfo().membership`.
 */
import type { MethodHandlers } from '../api.ts'
import { errors } from '../errors.ts'
import { members } from '../model/views.ts'
import type { GroupContext } from './group-handlers.ts'
import { changeRole, leaveGroup, removeMember } from './membership.ts'
import { memberNames } from './member-names.ts'

type MembershipMethods = 'removeMember' | 'leaveGroup' | 'setRole'

export function membershipHandlers(ctx: GroupContext): Pick<MethodHandlers, MembershipMethods> {
  return {
    async removeMember({ groupId, member }) {
      const s = await ctx.registry().space(groupId)
      const status = await removeMember(s, member, ctx.now)
      return { member, status }
    },
    async leaveGroup({ groupId }) {
      const reg = ctx.registry()
      const s = await reg.space(groupId)
      await leaveGroup(s, ctx.now)
      await reg.goOffline(groupId)
      ctx.groupsChanged()
      return { membership: s.membership }
    },
    async setRole({ groupId, member, role, badge }) {
      const s = await ctx.registry().space(groupId)
      await changeRole(s, member, role, badge, ctx.now)
      const gov = s.governance
      const view = members({ me: s.me, members: gov.members, docs: s.docs.memberDocs(), rules: s.docs.rules().current(), names: memberNames(s) }).find((m) => m.id === member)
      if (!view) throw errors.NOT_FOUND('no such member')
      return view
    },
  }
}
