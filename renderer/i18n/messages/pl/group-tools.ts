/** The group's tools in Polish (preview), gathered so the flat catalogue takes them with one import and one spread. */
import type { GroupToolsKey } from '../en/group-tools.ts'
import { decisionsPl } from './decisions.ts'
import { exportsPl } from './exports.ts'
import { invitesPl } from './invites.ts'
import { moderationPl } from './moderation.ts'
import { rotationPl } from './rotation.ts'
import { rulesPl } from './rules.ts'
import { settingsPl } from './settings.ts'

export const groupToolsPl: Record<GroupToolsKey, string> = {
  ...decisionsPl,
  ...exportsPl,
  ...invitesPl,
  ...moderationPl,
  ...rotationPl,
  ...rulesPl,
  ...settingsPl,
}
