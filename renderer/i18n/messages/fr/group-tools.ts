/** The group's tools in French (preview), gathered so the flat catalogue takes them with one import and one spread. */
import type { GroupToolsKey } from '../en/group-tools.ts'
import { decisionsFr } from './decisions.ts'
import { exportsFr } from './exports.ts'
import { invitesFr } from './invites.ts'
import { moderationFr } from './moderation.ts'
import { rotationFr } from './rotation.ts'
import { rulesFr } from './rules.ts'
import { settingsFr } from './settings.ts'

export const groupToolsFr: Record<GroupToolsKey, string> = {
  ...decisionsFr,
  ...exportsFr,
  ...invitesFr,
  ...moderationFr,
  ...rotationFr,
  ...rulesFr,
  ...settingsFr,
}
