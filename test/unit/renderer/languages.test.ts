/**
 * The language list and how the system's languages are matched, and what the catalogues say once
 * formatted: every plural form a language has for the counts a screen shows, numbers in the
 * reader's digits, and emphasis kept as tags rather than pieces of a sentence.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { isLanguageTag, LANGUAGES, matchSystem } from '../../../renderer/i18n/languages.ts'
import { ar } from '../../../renderer/i18n/messages/ar.ts'
import { de } from '../../../renderer/i18n/messages/de.ts'
import { en } from '../../../renderer/i18n/messages/en.ts'
import { es } from '../../../renderer/i18n/messages/es.ts'
import { fr } from '../../../renderer/i18n/messages/fr.ts'
import { pl } from '../../../renderer/i18n/messages/pl.ts'
import { pt } from '../../../renderer/i18n/messages/pt.ts'
import { pluralGaps } from './catalogue-check.ts'

const ALL: Record<string, Record<string, string>> = { en, es, fr, ar, de, pl, pt }

describe('choosing the language', () => {
  it('follows the first system language it has, by its primary subtag', () => {
    expect(matchSystem(['es-MX', 'en-US'])).toBe('es')
    expect(matchSystem(['it-IT', 'AR-eg'])).toBe('ar')
    expect(matchSystem(['fr-CA'])).toBe('fr')
    expect(matchSystem(['de-AT'])).toBe('de')
    expect(matchSystem(['pl-PL'])).toBe('pl')
    // Portuguese is written as Brazilian Portuguese; both Brazil and Portugal read it.
    expect(matchSystem(['pt-BR'])).toBe('pt')
    expect(matchSystem(['pt-PT'])).toBe('pt')
    expect(matchSystem(['it-IT'])).toBe('en')
    expect(matchSystem([])).toBe('en')
  })

  it('accepts only the languages it lists (a stored value is checked with this)', () => {
    expect(isLanguageTag('ar')).toBe(true)
    for (const bad of ['system', 'AR', 'ar-EG', '', null, 3, '__proto__']) expect(isLanguageTag(bad), String(bad)).toBe(false)
  })

  it('marks every language but English as preview until advocates review it, and Arabic right to left', () => {
    expect(LANGUAGES.filter((l) => !l.preview).map((l) => l.tag)).toEqual(['en'])
    expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.tag)).toEqual(['ar'])
  })
})

describe('the catalogues, formatted', () => {
  it.each(Object.keys(ALL))('%s has every plural form its language uses for counts from 0 to 200', (tag) => {
    const gaps = Object.entries(ALL[tag]!).flatMap(([key, m]) => pluralGaps(m, tag).map((g) => `${key} ${g}`))
    expect(gaps).toEqual([])
  })

  it('gives Arabic its own form for one, two, a few and many', () => {
    const f = new IntlMessageFormat(ar['post.repliesInside'], 'ar')
    const forms = [1, 2, 3, 11, 100].map((count) => f.format({ count }))
    expect(new Set(forms).size).toBe(5)
    expect(forms[0]).toBe('رد واحد في الداخل.')
    expect(forms[1]).toBe('ردان في الداخل.')
  })

  it('gives Polish its own form for one, a few and many, as Intl.PluralRules counts them', () => {
    const rules = new Intl.PluralRules('pl')
    expect([1, 2, 5, 22, 25].map((n) => rules.select(n))).toEqual(['one', 'few', 'many', 'few', 'many'])
    // A Polish message with only the English forms is caught.
    expect(pluralGaps('{n, plural, one {# odpowiedź} other {# odpowiedzi}}', 'pl').sort()).toEqual(['n: few', 'n: many'])
    const f = new IntlMessageFormat(pl['post.repliesInside'], 'pl')
    const forms = [1, 2, 5].map((count) => f.format({ count }))
    expect(new Set(forms).size).toBe(3)
  })

  it('addresses the reader in Polish without a gendered past tense (zrobiłeś / zrobiłaś), not even as a pair', () => {
    const found = Object.entries(pl).filter(([, m]) => /\p{L}+(łeś|łaś)(?!\p{L})/u.test(m)).map(([key]) => key)
    expect(found).toEqual([])
  })

  it('addresses the reader in Arabic without the masculine forms the review took out', () => {
    // Second person that is masculine in writing: a masculine adjective or participle about "you",
    // or a present verb whose feminine form differs (تشعر / تشعرين, تودّ / تودّين).
    // Imperatives to one man (أبقِ, أزله, …): a request is "يُرجى" and a verbal noun, a button a verbal noun.
    const imperative = /(^|[\s'،:])(أبقِ|أبقِه|أزله|أخفِ|أعد|تأكد|قارن|اطلبوا|اختر)(\s|[،.]|$)/
    const masculine = [/أنت (قلق|عضو|متأكد)/, /بصفتك ميسّرًا/, /يرونك متصلًا/, /(^|\s)(تشعر|تودّ)(\s|$)/, /البقاء متصلًا/, /الظهور كمتصل/, imperative]
    const found = Object.entries(ar).flatMap(([key, m]) => masculine.filter((re) => re.test(m)).map((re) => `${key} ${re}`))
    expect(found).toEqual([])
  })

  it('writes numbers in the reader’s locale inside a sentence', () => {
    expect(new IntlMessageFormat(en['groups.new'], 'en').format({ count: 1200 })).toBe('1,200 new')
    expect(new IntlMessageFormat(es['groups.new'], 'es').format({ count: 2 })).toBe('2 nuevos')
    // German and Polish group thousands their own way (Polish only from five digits).
    expect(new IntlMessageFormat(de['groups.new'], 'de').format({ count: 1200 })).toBe('1.200 neu')
    expect(new IntlMessageFormat(pt['groups.new'], 'pt').format({ count: 1200 })).toBe('1.200 novas')
  })

  it('keeps emphasis as a tag the translation places, not as pieces of a sentence', () => {
    for (const [tag, cat] of Object.entries(ALL)) {
      const parts = new IntlMessageFormat(cat['notice.cannot.passphrase']!, tag).formatToParts<object>({ b: (c: unknown[]) => ({ strong: c.join('') }) })
      expect(parts.filter((p) => typeof p.value === 'object'), tag).toHaveLength(1)
    }
  })
})
