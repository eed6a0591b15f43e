/** The group's tools in Portuguese (preview), gathered so the flat catalogue takes them with one import and one spread. */
import type { GroupToolsKey } from '../en/group-tools.ts'
import { decisionsPt } from './decisions.ts'
import { exportsPt } from './exports.ts'
import { invitesPt } from './invites.ts'
import { moderationPt } from './moderation.ts'
import { rotationPt } from './rotation.ts'
import { rulesPt } from './rules.ts'
import { settingsPt } from './settings.ts'

export const groupToolsPt: Record<GroupToolsKey, string> = {
  ...decisionsPt,
  ...exportsPt,
  ...invitesPt,
  ...moderationPt,
  ...rotationPt,
  ...rulesPt,
  ...settingsPt,
}
