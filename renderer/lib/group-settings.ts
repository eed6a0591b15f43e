/**
 * The words for the group settings of issue 17: who may invite, and who may save everyone's words
 * as a readable file. Kept in one place so the invites screen, the export screen and the
 * facilitator's first-run checklist say the same thing. Choices name catalogue keys, so each is
 * read in the language showing when it is drawn.
 */
import type { GroupExportPolicy, InvitePolicy } from '../../core/api.ts'
import { t, type MessageKey } from '../i18n/locale.svelte.ts'

export interface SettingChoice<T extends string> {
  id: T
  label: MessageKey
  help: MessageKey
}

export const INVITE_CHOICES: SettingChoice<InvitePolicy>[] = [
  { id: 'members-approved', label: 'groupSetting.invite.membersApproved', help: 'groupSetting.invite.membersApprovedHelp' },
  { id: 'facilitators', label: 'groupSetting.invite.facilitators', help: 'groupSetting.invite.facilitatorsHelp' },
  { id: 'members', label: 'groupSetting.invite.members', help: 'groupSetting.invite.membersHelp' },
]

export function inviteSentence(p: InvitePolicy): string {
  return t(p === 'facilitators' ? 'invitePolicy.facilitators' : p === 'members' ? 'invitePolicy.members' : 'invitePolicy.membersApproved')
}

export const EXPORT_CHOICES: SettingChoice<GroupExportPolicy>[] = [
  { id: 'facilitators', label: 'groupSetting.export.facilitators', help: 'groupSetting.export.facilitatorsHelp' },
  { id: 'members', label: 'groupSetting.export.members', help: 'groupSetting.export.membersHelp' },
]

export function exportSentence(p: GroupExportPolicy): string {
  return t(p === 'members' ? 'groupSetting.export.sentenceMembers' : 'groupSetting.export.sentenceFacilitators')
}
