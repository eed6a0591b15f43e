/**
 * The shape of the words that come from core's data files (training modules, ground-rule
 * templates, the hotline list), as each language's translation of them is written down in
 * `messages/<lang>/training-modules.ts` and `messages/<lang>/core-words.ts`.
 *
 * A training module or a template is translated whole, and records `from`: the fingerprint of the
 * English it was made from (core-content.ts). Hotline words are keyed by the English sentence itself.
 */
export const MODULE_IDS = ['abuse-dynamics', 'active-listening', 'trauma-informed', 'self-care', 'facilitating', 'resolving-conflict'] as const
export type ModuleId = (typeof MODULE_IDS)[number]
export const TEMPLATE_IDS = ['peer-circle', 'facilitated-group', 'short'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

export interface ModuleText {
  from: string
  title: string
  summary: string
  sections: readonly { heading: string; text: string }[]
  questions: readonly string[]
}

export interface TemplateText {
  from: string
  title: string
  summary: string
  rules: readonly string[]
}

/** A language with every module translated; `PartialModules` for one still on its way. */
export type Modules = Record<ModuleId, ModuleText>
export type PartialModules = Partial<Modules>

export interface CoreWords {
  templates: Record<TemplateId, TemplateText>
  /** The hotline list's descriptive sentences (notes, hours, text options), by their English. */
  hotlines: Record<string, string>
}
