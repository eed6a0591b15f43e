/**
 * The languages Hearth's screens can be read in. A language is listed only when its catalogue
 * has every key (the catalogue test checks it); `preview` stays true until native-speaking
 * advocates have reviewed the words, and the picker says so.
 */
export type LanguageTag = 'en' | 'es' | 'fr' | 'ar' | 'de' | 'pl' | 'pt'

export interface Language {
  tag: LanguageTag
  /** The language's own name for itself, so a person finds theirs whatever is showing now. */
  name: string
  dir: 'ltr' | 'rtl'
  preview: boolean
}

export const LANGUAGES: readonly Language[] = [
  { tag: 'en', name: 'English', dir: 'ltr', preview: false },
  { tag: 'es', name: 'Español', dir: 'ltr', preview: true },
  { tag: 'fr', name: 'Français', dir: 'ltr', preview: true },
  { tag: 'ar', name: 'العربية', dir: 'rtl', preview: true },
  { tag: 'de', name: 'Deutsch', dir: 'ltr', preview: true },
  { tag: 'pl', name: 'Polski', dir: 'ltr', preview: true },
  // Written as Brazilian Portuguese, the variety most readers have; "pt", "pt-BR" and "pt-PT"
  // systems all read it, and Intl's "pt" formats dates and plurals the Brazilian way.
  { tag: 'pt', name: 'Português', dir: 'ltr', preview: true },
]

export const FALLBACK: LanguageTag = 'en'

export function isLanguageTag(v: unknown): v is LanguageTag {
  return LANGUAGES.some((l) => l.tag === v)
}

export function languageOf(tag: LanguageTag): Language {
  return LANGUAGES.find((l) => l.tag === tag) ?? LANGUAGES[0]!
}

/**
 * The first of the system's preferred languages we have, matched on the primary subtag
 * ("es-MX" reads Spanish); English when none matches.
 */
export function matchSystem(preferred: readonly string[]): LanguageTag {
  for (const p of preferred) {
    const primary = p.toLowerCase().split('-')[0]
    if (isLanguageTag(primary)) return primary
  }
  return FALLBACK
}
