/** The group's tools in Spanish (preview), gathered so the flat catalogue takes them with one import and one spread. */
import type { GroupToolsKey } from '../en/group-tools.ts'
import { decisionsEs } from './decisions.ts'
import { exportsEs } from './exports.ts'
import { invitesEs } from './invites.ts'
import { moderationEs } from './moderation.ts'
import { rotationEs } from './rotation.ts'
import { rulesEs } from './rules.ts'
import { settingsEs } from './settings.ts'

export const groupToolsEs: Record<GroupToolsKey, string> = {
  ...decisionsEs,
  ...exportsEs,
  ...invitesEs,
  ...moderationEs,
  ...rotationEs,
  ...rulesEs,
  ...settingsEs,
}
