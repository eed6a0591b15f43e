/**
 * The words of a readable copy in the language of the person who makes it. Core knows nothing of
 * the renderer's catalogue: these are the copies' own few words (headings, labels, the warning),
 * one small typed file per language. A tag is matched on its primary subtag ("es-MX" → es); an
 * unknown tag gives English. What members wrote is never translated; dates and times go through
 * Intl in the chosen locale, in UTC (a copy may be read anywhere), with the zone named.
 */
import { readableAr } from './ar.ts'
import { readableDe } from './de.ts'
import { readableEn, type ReadableKey, type ReadableWords } from './en.ts'
import { readableEs } from './es.ts'
import { readableFr } from './fr.ts'
import { readablePl } from './pl.ts'
import { readablePt } from './pt.ts'

export type { ReadableKey, ReadableWords }

const WORDS = { en: readableEn, es: readableEs, fr: readableFr, ar: readableAr, de: readableDe, pl: readablePl, pt: readablePt } as const
export type ReadableLanguage = keyof typeof WORDS
export const READABLE_LANGUAGES = Object.keys(WORDS) as ReadableLanguage[]
const RTL: ReadonlySet<ReadableLanguage> = new Set(['ar'])

/** The language a tag asks for, or null when Hearth has no readable words in it. */
export function matchReadableLanguage(tag: string | undefined): ReadableLanguage | null {
  const primary = (tag ?? 'en').toLowerCase().split(/[-_]/)[0] ?? ''
  return Object.hasOwn(WORDS, primary) ? (primary as ReadableLanguage) : null
}

export interface Words {
  lang: ReadableLanguage
  dir: 'ltr' | 'rtl'
  /** The message with its `{slot}`s filled. Values are inserted as given: escape them first where the output needs it. */
  w(key: ReadableKey, values?: Record<string, string | number>): string
  /** A day and time, in UTC, named as such. */
  dateTime(ms: number): string
  /** A day, in UTC. */
  date(ms: number): string
  /** A wall-clock time as someone typed it ("YYYY-MM-DDTHH:MM", no zone), shown in this locale without a zone. */
  localDateTime(typed: string): string
  number(n: number): string
}

export function readableWords(tag?: string): Words {
  const lang = matchReadableLanguage(tag) ?? 'en'
  const words: ReadableWords = WORDS[lang]
  const dt = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
  const num = new Intl.NumberFormat(lang)
  return {
    lang,
    dir: RTL.has(lang) ? 'rtl' : 'ltr',
    w: (key, values = {}) => words[key].replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m)),
    dateTime: (ms) => `${dt.format(new Date(ms))} UTC`,
    date: (ms) => day.format(new Date(ms)),
    localDateTime: (typed) => {
      const t = Date.parse(`${typed}:00.000Z`)
      return Number.isFinite(t) ? dt.format(new Date(t)) : typed
    },
    number: (n) => num.format(n),
  }
}
