/** The group's tools in Arabic (preview), gathered so the flat catalogue takes them with one import and one spread. */
import type { GroupToolsKey } from '../en/group-tools.ts'
import { decisionsAr } from './decisions.ts'
import { exportsAr } from './exports.ts'
import { invitesAr } from './invites.ts'
import { moderationAr } from './moderation.ts'
import { rotationAr } from './rotation.ts'
import { rulesAr } from './rules.ts'
import { settingsAr } from './settings.ts'

export const groupToolsAr: Record<GroupToolsKey, string> = {
  ...decisionsAr,
  ...exportsAr,
  ...invitesAr,
  ...moderationAr,
  ...rotationAr,
  ...rulesAr,
  ...settingsAr,
}
