/**
 * CLI commands for membership: removing a member, leaving a group, and changing a role. Like the
 * rest they go through the service only, print plain text or --json, and fail with coded errors.
 */
import type { Badge, GroupInfo, MemberView, Role } from '../../core/api.ts'
import { HearthError } from '../../core/errors.ts'
import { expectOk, need, opt, unlocked, type Command } from './commands.ts'
import { shown } from './visible.ts'

const ROLES: readonly string[] = ['facilitator', 'member']
const BADGES: readonly string[] = ['counsellor', 'advocate']

export const memberCommands: Record<string, Command> = {
  'group settings': {
    usage: 'hearth group settings --group ID [--removal-needs-second yes|no]',
    summary: "show or change whether removing a member needs a second facilitator's agreement (facilitators change it)",
    async run(ctx) {
      await unlocked(ctx)
      const groupId = need(ctx, 'group')
      const second = opt(ctx, 'removal-needs-second')
      if (second === undefined) return expectOk(ctx.service.groupInfo({ groupId }))
      if (second !== 'yes' && second !== 'no') throw new HearthError('INVALID_INPUT', '--removal-needs-second must be yes or no')
      return expectOk(ctx.service.updateSettings({ groupId, removalNeedsSecond: second === 'yes' }))
    },
    human: (v) => ((v as GroupInfo).removalNeedsSecond
      ? "Removing a member needs a second facilitator's agreement."
      : 'One facilitator can remove a member.'),
  },
  'member remove': {
    usage: 'hearth member remove --group ID --member MID',
    summary: 'remove a member (facilitators); the group key is rotated so they read nothing new',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.removeMember({ groupId: need(ctx, 'group'), member: need(ctx, 'member') }))
    },
    human: (v) => ((v as { status: string }).status === 'pending'
      ? 'The removal is recorded; it takes effect when a second facilitator agrees.'
      : 'The member was removed. Nothing they write from now on is accepted, and they cannot read anything new.'),
  },
  leave: {
    usage: 'hearth leave --group ID',
    summary: 'leave a group: this device keeps what it has and gets nothing new',
    async run(ctx) {
      await unlocked(ctx)
      return expectOk(ctx.service.leaveGroup({ groupId: need(ctx, 'group') }))
    },
    human: () => 'You left the group. What you already had stays on this device; nothing new will arrive.',
  },
  role: {
    usage: 'hearth role --group ID --member MID --set facilitator|member [--badge counsellor|advocate]',
    summary: 'make a member a facilitator or a member (facilitators)',
    async run(ctx) {
      await unlocked(ctx)
      const role = need(ctx, 'set')
      if (!ROLES.includes(role)) throw new HearthError('INVALID_INPUT', '--set must be facilitator or member')
      const badge = opt(ctx, 'badge')
      if (badge !== undefined && !BADGES.includes(badge)) throw new HearthError('INVALID_INPUT', '--badge must be counsellor or advocate')
      return expectOk(ctx.service.setRole({
        groupId: need(ctx, 'group'), member: need(ctx, 'member'), role: role as Role, ...(badge ? { badge: badge as Badge } : {}),
      }))
    },
    human: (v) => {
      const m = v as MemberView
      return `${shown(m.pseudonym)} is now a ${m.role}${m.badge ? ` (${m.badge})` : ''}.`
    },
  },
}
