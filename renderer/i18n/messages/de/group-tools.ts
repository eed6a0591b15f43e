/** The group's tools in German (preview), gathered so the flat catalogue takes them with one import and one spread. */
import type { GroupToolsKey } from '../en/group-tools.ts'
import { decisionsDe } from './decisions.ts'
import { exportsDe } from './exports.ts'
import { invitesDe } from './invites.ts'
import { moderationDe } from './moderation.ts'
import { rotationDe } from './rotation.ts'
import { rulesDe } from './rules.ts'
import { settingsDe } from './settings.ts'

export const groupToolsDe: Record<GroupToolsKey, string> = {
  ...decisionsDe,
  ...exportsDe,
  ...invitesDe,
  ...moderationDe,
  ...rotationDe,
  ...rulesDe,
  ...settingsDe,
}
