/**
 * The group tools' area catalogues (renderer/i18n/messages/<lang>/group-tools.ts) in all seven
 * languages: every key, the same placeholders and tags as English, every plural form each
 * language uses. German, Polish and Portuguese are checked here too, before their flat
 * catalogues are wired in, so the words are right when they are.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decisionsEn } from '../../../renderer/i18n/messages/en/decisions.ts'
import { exportsEn } from '../../../renderer/i18n/messages/en/exports.ts'
import { invitesEn } from '../../../renderer/i18n/messages/en/invites.ts'
import { moderationEn } from '../../../renderer/i18n/messages/en/moderation.ts'
import { rotationEn } from '../../../renderer/i18n/messages/en/rotation.ts'
import { rulesEn } from '../../../renderer/i18n/messages/en/rules.ts'
import { settingsEn } from '../../../renderer/i18n/messages/en/settings.ts'
import { groupToolsAr } from '../../../renderer/i18n/messages/ar/group-tools.ts'
import { groupToolsDe } from '../../../renderer/i18n/messages/de/group-tools.ts'
import { groupToolsEn } from '../../../renderer/i18n/messages/en/group-tools.ts'
import { groupToolsEs } from '../../../renderer/i18n/messages/es/group-tools.ts'
import { groupToolsFr } from '../../../renderer/i18n/messages/fr/group-tools.ts'
import { groupToolsPl } from '../../../renderer/i18n/messages/pl/group-tools.ts'
import { groupToolsPt } from '../../../renderer/i18n/messages/pt/group-tools.ts'
import { catalogueProblems, pluralGaps } from './catalogue-check.ts'

const MESSAGES = path.resolve(import.meta.dirname, '../../../renderer/i18n/messages')

const ALL: Record<string, Record<string, string>> = {
  en: groupToolsEn, es: groupToolsEs, fr: groupToolsFr, ar: groupToolsAr, de: groupToolsDe, pl: groupToolsPl, pt: groupToolsPt,
}

describe('the group tools in every language', () => {
  it.each(Object.keys(ALL))('%s has every key, with the same placeholders and tags as English', (tag) => {
    expect(catalogueProblems(groupToolsEn, ALL[tag]!, tag)).toEqual([])
  })

  it.each(Object.keys(ALL))('%s has every plural form its language uses', (tag) => {
    const gaps = Object.entries(ALL[tag]!).flatMap(([key, m]) => pluralGaps(m, tag).map((g) => `${key} ${g}`))
    expect(gaps).toEqual([])
  })

  it('takes no key that another area or the flat catalogue already has (a spread would hide it)', () => {
    const areas = [decisionsEn, exportsEn, invitesEn, moderationEn, rotationEn, rulesEn, settingsEn].flatMap((a) => Object.keys(a))
    const flat = [...readFileSync(path.join(MESSAGES, 'en.ts'), 'utf8').matchAll(/^ {2}'([^']+)':/gm)].map((m) => m[1]!)
    const seen = new Set<string>()
    const twice = [...areas, ...flat].filter((k) => seen.size === seen.add(k).size)
    expect(twice).toEqual([])
    expect(areas).toHaveLength(Object.keys(groupToolsEn).length)
  })
})
