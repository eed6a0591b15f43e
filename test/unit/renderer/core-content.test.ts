/**
 * Words that come from core, shown in the reader's language (renderer/i18n/core-content.ts):
 * the training modules, the offered ground-rule templates and the hotline list's descriptive text.
 * Checked against core's real data files, so a change to core's English shows up here: the
 * translation made from the old English is no longer used, and this test names it.
 */
import { describe, expect, it } from 'vitest'
import type { TrainingModuleView } from '../../../core/api.ts'
import { HOTLINES } from '../../../core/model/hotlines.ts'
import { RULE_TEMPLATES } from '../../../core/model/rule-templates.ts'
import { TRAINING_MODULES } from '../../../core/model/training.ts'
import { MODULE_IDS, TEMPLATE_IDS } from '../../../renderer/i18n/content-types.ts'
import { CONTENT, hotlinesIn, moduleIn, moduleSource, templateIn, templateSource } from '../../../renderer/i18n/core-content.ts'
import { supportEn } from '../../../renderer/i18n/messages/en/support.ts'
import { supportDe } from '../../../renderer/i18n/messages/de/support.ts'
import { supportPl } from '../../../renderer/i18n/messages/pl/support.ts'
import { supportPt } from '../../../renderer/i18n/messages/pt/support.ts'
import { catalogueProblems, pluralGaps } from './catalogue-check.ts'

const MODULES: TrainingModuleView[] = TRAINING_MODULES.map((m) => ({ ...m, completedAt: null, notes: '' }))
const TAGS = Object.keys(CONTENT)
/** Every language translates every module; one added later may start with English per module (PartialModules). */
const COMPLETE = ['es', 'fr', 'ar', 'de', 'pl', 'pt']

describe('training modules', () => {
  it('the renderer knows exactly the modules core has', () => {
    expect([...MODULE_IDS]).toEqual(MODULES.map((m) => m.id))
  })

  it.each(COMPLETE)('%s translates every module, from the English core sends now', (tag) => {
    for (const m of MODULES) {
      const { view, english } = moduleIn(m, tag)
      expect(english, `${tag} ${m.id}`).toBe(false)
      expect(view.title).not.toBe(m.title)
      expect(view.sections).toHaveLength(m.sections.length)
      expect(view.questions).toHaveLength(m.questions.length)
      for (const s of [...view.sections.flatMap((x) => [x.heading, x.text]), ...view.questions]) expect(s.trim()).not.toBe('')
      // Progress and identity pass as they are: only the words change.
      expect({ id: view.id, minutes: view.minutes, completedAt: view.completedAt, notes: view.notes }).toEqual({ id: m.id, minutes: m.minutes, completedAt: null, notes: '' })
    }
  })

  it.each(TAGS)('%s: a translation on file was made from the current English', (tag) => {
    const stale = MODULES.filter((m) => {
      const t = CONTENT[tag]!.modules[m.id as keyof (typeof CONTENT)[string]['modules']]
      return t !== undefined && t.from !== moduleSource(m)
    })
    expect(stale.map((m) => m.id)).toEqual([])
  })

  it('shows the English, and says so, once core changes a word the translation was made from', () => {
    const m = MODULES[0]!
    const changed = { ...m, sections: m.sections.map((s, i) => (i === 0 ? { ...s, text: s.text.replace('pattern', 'Pattern') } : s)) }
    expect(moduleIn(m, 'es').english).toBe(false)
    const shown = moduleIn(changed, 'es')
    expect(shown.english).toBe(true)
    expect(shown.view).toEqual(changed)
  })

  it('English, and a language with no translation of a module, show core as it is', () => {
    expect(moduleIn(MODULES[1]!, 'en')).toEqual({ view: MODULES[1], english: false })
    expect(moduleIn(MODULES[1]!, 'xx')).toEqual({ view: MODULES[1], english: true })
  })
})

describe('ground-rule templates', () => {
  it('the renderer knows exactly the templates core offers', () => {
    expect([...TEMPLATE_IDS]).toEqual(RULE_TEMPLATES.map((t) => t.id))
  })

  it.each(TAGS)('%s translates every offered template, rule for rule, from the current English', (tag) => {
    for (const t of RULE_TEMPLATES) {
      expect(CONTENT[tag]!.words.templates[t.id as (typeof TEMPLATE_IDS)[number]].from, `${tag} ${t.id}`).toBe(templateSource(t))
      const shown = templateIn(t, tag)
      expect(shown.id).toBe(t.id)
      expect(shown.title).not.toBe(t.title)
      expect(shown.rules).toHaveLength(t.rules.length)
    }
  })

  it('offers the English when core changes a template, and never alters the one it was given', () => {
    const t = RULE_TEMPLATES[2]!
    const before = structuredClone(t)
    const changed = { ...t, rules: [...t.rules, 'A sixth rule.'] }
    expect(templateIn(changed, 'fr')).toBe(changed)
    templateIn(t, 'fr')
    expect(t).toEqual(before)
  })
})

describe('the hotline list', () => {
  const sentences = [
    HOTLINES.note,
    ...HOTLINES.countries.flatMap((c) => [c.emergency, c.note, ...c.lines.flatMap((l) => [l.hours, l.text])]),
  ].filter((s): s is string => s !== null && /[a-z]/i.test(s))

  it.each(TAGS)('%s has every descriptive sentence core sends, and nothing core does not', (tag) => {
    const words = CONTENT[tag]!.words.hotlines
    expect(sentences.filter((s) => !(s in words))).toEqual([])
    expect(Object.keys(words).filter((s) => !sentences.includes(s))).toEqual([])
  })

  it.each(TAGS)('%s keeps every number, web address and organisation name exactly as core has them', (tag) => {
    const shown = hotlinesIn(HOTLINES, tag)
    const digits = (s: string | null): string[] => s?.match(/\d+/g) ?? []
    expect(shown.compiled).toBe(HOTLINES.compiled)
    expect(digits(shown.note)).toEqual(digits(HOTLINES.note))
    shown.countries.forEach((c, i) => {
      const core = HOTLINES.countries[i]!
      expect(c.country).not.toBe('')
      expect(digits(c.emergency), `${tag} ${core.country}`).toEqual(digits(core.emergency))
      c.lines.forEach((l, j) => {
        const line = core.lines[j]!
        expect({ name: l.name, phone: l.phone, web: l.web, source: l.source }).toEqual({ name: line.name, phone: line.phone, web: line.web, source: line.source })
        expect(digits(l.text)).toEqual(digits(line.text))
        if (line.text?.includes('START')) expect(l.text).toContain('START')
      })
    })
  })

  it('names countries in the reader\'s language, and passes English through untouched', () => {
    expect(hotlinesIn(HOTLINES, 'en')).toEqual(HOTLINES)
    expect(hotlinesIn(HOTLINES, 'de').countries.map((c) => c.country)).toContain('Deutschland')
    expect(hotlinesIn(HOTLINES, 'es').countries.map((c) => c.country)).toContain('Estados Unidos')
  })

  it('shows a sentence core changed in English rather than an old translation', () => {
    const changed = { ...HOTLINES, note: `${HOTLINES.note} Updated.` }
    expect(hotlinesIn(changed, 'pl').note).toBe(changed.note)
  })
})

describe('the support screens in the languages wired at the merge', () => {
  it.each([['de', supportDe], ['pl', supportPl], ['pt', supportPt]] as const)('%s has every key, with the same placeholders, and every plural form', (tag, messages) => {
    expect(catalogueProblems(supportEn, messages, tag)).toEqual([])
    expect(Object.entries(messages).flatMap(([k, m]) => pluralGaps(m, tag).map((g) => `${k}: ${g}`))).toEqual([])
  })
})
