/**
 * The words for the group settings of issue 17: who may invite, and who may save everyone's words
 * as a readable file. Kept in one place so the invites screen, the export screen and the
 * facilitator's first-run checklist say the same thing.
 */
import type { GroupExportPolicy, InvitePolicy } from '../../core/api.ts'
import { t } from '../i18n/locale.svelte.ts'

export const INVITE_CHOICES: { id: InvitePolicy; label: string; help: string }[] = [
  { id: 'members-approved', label: 'Members, with a facilitator’s approval', help: 'Anyone may invite; each newcomer waits until a facilitator lets them in. The safe default.' },
  { id: 'facilitators', label: 'Facilitators only', help: 'Only facilitators make invites.' },
  { id: 'members', label: 'Any member', help: 'Any member’s invite lets people straight in. Open, and easier for someone unwelcome to get in.' },
]

export function inviteSentence(p: InvitePolicy): string {
  return t(p === 'facilitators' ? 'invitePolicy.facilitators' : p === 'members' ? 'invitePolicy.members' : 'invitePolicy.membersApproved')
}

export const EXPORT_CHOICES: { id: GroupExportPolicy; label: string; help: string }[] = [
  { id: 'facilitators', label: 'Facilitators only', help: 'Members save only their own words. The usual ground rule: what is said here stays here.' },
  { id: 'members', label: 'Any member', help: 'Any member may save everyone’s words as a readable file.' },
]

export function exportSentence(p: GroupExportPolicy): string {
  return p === 'members'
    ? 'In this group any member may save everyone’s words as a readable file. Each time, every member can see it happened.'
    : 'In this group only facilitators save everyone’s words as a readable file; each time, every member can see it happened. You can always save your own words.'
}
