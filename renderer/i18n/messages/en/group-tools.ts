/**
 * The group's tools in English: decisions, export and restore, invites, review, the rotation, the
 * rules editor and the group settings. One area file per concept; this gathers them so each flat
 * catalogue takes them with one import and one spread.
 */
import { decisionsEn } from './decisions.ts'
import { exportsEn } from './exports.ts'
import { invitesEn } from './invites.ts'
import { moderationEn } from './moderation.ts'
import { rotationEn } from './rotation.ts'
import { rulesEn } from './rules.ts'
import { settingsEn } from './settings.ts'

export const groupToolsEn = {
  ...decisionsEn,
  ...exportsEn,
  ...invitesEn,
  ...moderationEn,
  ...rotationEn,
  ...rulesEn,
  ...settingsEn,
} as const satisfies Record<string, string>

export type GroupToolsKey = keyof typeof groupToolsEn
