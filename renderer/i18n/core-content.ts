/**
 * Words that come from core in English, shown in the reader's language: the training modules,
 * the offered ground-rule templates, and the hotline list's descriptive text.
 *
 * Core sends its English with stable ids and knows nothing of languages (the CLI stays English);
 * the translations live here beside the catalogue, and a screen passes `locale.tag` (so this
 * module stays plain TypeScript, testable without Svelte). A module or a
 * template is used only when its translation was made from the English core sends now (the
 * `from` fingerprint): after core's English changes, the English shows, never an out-of-date
 * translation of a safety text. Phone numbers, web addresses and organisation names pass as they are.
 * What a group already adopted into its shared rules is the group's own text and never passes here.
 */
import type { HotlineList, RuleTemplate, TrainingModuleView } from '../../core/api.ts'
import type { CoreWords, ModuleText, PartialModules, TemplateText } from './content-types.ts'
import { coreWordsAr } from './messages/ar/core-words.ts'
import { trainingModulesAr } from './messages/ar/training-modules.ts'
import { coreWordsDe } from './messages/de/core-words.ts'
import { trainingModulesDe } from './messages/de/training-modules.ts'
import { coreWordsEs } from './messages/es/core-words.ts'
import { trainingModulesEs } from './messages/es/training-modules.ts'
import { coreWordsFr } from './messages/fr/core-words.ts'
import { trainingModulesFr } from './messages/fr/training-modules.ts'
import { coreWordsPl } from './messages/pl/core-words.ts'
import { trainingModulesPl } from './messages/pl/training-modules.ts'
import { coreWordsPt } from './messages/pt/core-words.ts'
import { trainingModulesPt } from './messages/pt/training-modules.ts'

/** Keyed by language tag as a string, so a language the picker does not list yet costs nothing. */
export const CONTENT: Record<string, { modules: PartialModules; words: CoreWords }> = {
  es: { modules: trainingModulesEs, words: coreWordsEs },
  fr: { modules: trainingModulesFr, words: coreWordsFr },
  ar: { modules: trainingModulesAr, words: coreWordsAr },
  de: { modules: trainingModulesDe, words: coreWordsDe },
  pl: { modules: trainingModulesPl, words: coreWordsPl },
  pt: { modules: trainingModulesPt, words: coreWordsPt },
}

/** FNV-1a (32 bits) over the English as JSON: cheap, stable, and enough to notice a changed word. */
export function fingerprint(english: unknown): string {
  const text = JSON.stringify(english)
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export function moduleSource(m: TrainingModuleView): string {
  return fingerprint({ title: m.title, summary: m.summary, sections: m.sections, questions: m.questions })
}

export function templateSource(t: RuleTemplate): string {
  return fingerprint({ title: t.title, summary: t.summary, rules: t.rules })
}

function usable(m: TrainingModuleView, text: ModuleText | undefined): text is ModuleText {
  return text !== undefined && text.from === moduleSource(m) && text.sections.length === m.sections.length && text.questions.length === m.questions.length
}

/** A module in the reader's language; `english` when this language has no current translation of it. */
export function moduleIn(m: TrainingModuleView, tag: string): { view: TrainingModuleView; english: boolean } {
  if (tag === 'en') return { view: m, english: false }
  const text = CONTENT[tag]?.modules[m.id as keyof PartialModules]
  if (!usable(m, text)) return { view: m, english: true }
  return { view: { ...m, title: text.title, summary: text.summary, sections: text.sections.map((s) => ({ ...s })), questions: [...text.questions] }, english: false }
}

/** An offered template in the reader's language (English when its translation is missing or old). */
export function templateIn(t: RuleTemplate, tag: string): RuleTemplate {
  const text: TemplateText | undefined = CONTENT[tag]?.words.templates[t.id as keyof CoreWords['templates']]
  if (!text || text.from !== templateSource(t) || text.rules.length !== t.rules.length) return t
  return { id: t.id, title: text.title, summary: text.summary, rules: [...text.rules] }
}

// The list names countries in English; the language's own name comes from Intl, by region code.
const REGIONS: Record<string, string> = {
  Australia: 'AU', Canada: 'CA', France: 'FR', Germany: 'DE', Ireland: 'IE', 'New Zealand': 'NZ', 'United Kingdom': 'GB', 'United States': 'US',
}

function countryName(english: string, tag: string): string {
  const code = REGIONS[english]
  if (!code || tag === 'en') return english
  return new Intl.DisplayNames([tag], { type: 'region' }).of(code) ?? english
}

/** The hotline list with its notes, hours, text options and countries in the reader's language. */
export function hotlinesIn(list: HotlineList, tag: string): HotlineList {
  const words = CONTENT[tag]?.words.hotlines ?? {}
  const say = (english: string): string => words[english] ?? english
  return {
    compiled: list.compiled,
    note: say(list.note),
    countries: list.countries.map((c) => ({
      country: countryName(c.country, tag),
      emergency: say(c.emergency),
      note: c.note === null ? null : say(c.note),
      lines: c.lines.map((l) => ({ ...l, text: l.text === null ? null : say(l.text), hours: say(l.hours) })),
    })),
  }
}
