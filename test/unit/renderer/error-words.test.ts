/**
 * Nothing core writes in English reaches a reader of another language as-is (issue 18): the
 * renderer reads an error's `message` only in the modules that decide when English may show, and
 * the Settings screen quotes the notification in the words it now says in each language.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nameProblem } from '../../../core/model/names.ts'
import { NOTICE_WORDS, type NoticeLanguage } from '../../../electron/notice-words.ts'
import { ar } from '../../../renderer/i18n/messages/ar.ts'
import { de } from '../../../renderer/i18n/messages/de.ts'
import { en } from '../../../renderer/i18n/messages/en.ts'
import { es } from '../../../renderer/i18n/messages/es.ts'
import { fr } from '../../../renderer/i18n/messages/fr.ts'
import { pl } from '../../../renderer/i18n/messages/pl.ts'
import { pt } from '../../../renderer/i18n/messages/pt.ts'
import { STAND_INS, standInKey } from '../../../renderer/lib/stand-in-names.ts'

const RENDERER = path.resolve(import.meta.dirname, '../../../renderer')
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) return d.name === 'messages' ? [] : files(p)
    return /\.(ts|svelte)$/.test(d.name) ? [p] : []
  })
}

// plain-words.ts (English only, coreOrPlain), support-words.ts (English only) and core-details.ts
// (matches core's detail to a catalogue key) are the only places that may read core's words.
const ALLOWED = new Set(['lib/plain-words.ts', 'lib/support-words.ts', 'lib/core-details.ts'])

describe('core’s English on screen', () => {
  it('is read only where the language is decided', () => {
    const readers = files(RENDERER)
      .filter((f) => /[\w)\]?]\.message\b/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(RENDERER, f))
    expect(readers.filter((f) => !ALLOWED.has(f))).toEqual([])
  })

  it('the Settings screen quotes the notification in each language’s own words', () => {
    const catalogues: Record<NoticeLanguage, Record<string, string>> = { en, es, fr, ar, de, pl, pt }
    for (const [lang, words] of Object.entries(NOTICE_WORDS) as [NoticeLanguage, (typeof NOTICE_WORDS)['en']][]) {
      const c = catalogues[lang]
      expect(c['settings.notify.private'], lang).toContain(words.neutral)
      expect(c['settings.notify.groupName'], lang).toContain(words.inGroup.replace(' {group}', ''))
    }
  })

  it('core’s stand-in names are words it refuses as pseudonyms, so only they are translated', () => {
    for (const name of Object.keys(STAND_INS)) expect(nameProblem(name), name).not.toBeNull()
    expect(standInKey('former member')).toBe('names.former')
    expect(standInKey('you')).toBeNull()
    // Only core's exact stand-in is translated; anything else passes as written.
    expect(standInKey('Former Member')).toBeNull()
    expect(standInKey('toString')).toBeNull()
  })
})
