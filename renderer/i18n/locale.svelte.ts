/**
 * The language the screens speak, and every word they show. Messages are ICU MessageFormat
 * (plurals, selects, numbers and dates inside the sentence), read by intl-messageformat, which
 * interprets the parsed message and never builds code, so it runs under the page's CSP.
 *
 * The choice follows the system (`navigator.languages`) until the person picks a language; a
 * pick is kept in this page's memory, and in the profile's sealed settings once unlocked
 * (settings.svelte.ts), so it never leaves the device and is never sent to a group.
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { partsOf, TAGS, type Part, type PartValues } from './parts.ts'
import { FALLBACK, languageOf, matchSystem, type Language, type LanguageTag } from './languages.ts'
import { ar } from './messages/ar.ts'
import { de } from './messages/de.ts'
import { en, type MessageKey } from './messages/en.ts'
import { es } from './messages/es.ts'
import { fr } from './messages/fr.ts'
import { pl } from './messages/pl.ts'
import { pt } from './messages/pt.ts'

export type { MessageKey }
export type Choice = LanguageTag | 'system'
export type Values = Record<string, string | number | Date>
export type { Part }

const CATALOGUES: Record<LanguageTag, Record<MessageKey, string>> = { en, es, fr, ar, de, pl, pt }

function systemLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages
}

class Locale {
  choice: Choice = $state('system')
  readonly tag: LanguageTag = $derived(this.choice === 'system' ? matchSystem(systemLanguages()) : this.choice)
  readonly language: Language = $derived(languageOf(this.tag))
  readonly #cache = new Map<string, IntlMessageFormat>()

  choose(choice: Choice): void {
    this.choice = choice
  }

  #format(key: MessageKey): IntlMessageFormat {
    const id = `${this.tag}\u0000${key}`
    let f = this.#cache.get(id)
    if (!f) {
      f = new IntlMessageFormat(CATALOGUES[this.tag][key] ?? en[key], this.tag)
      this.#cache.set(id, f)
    }
    return f
  }

  /** The message as plain text; tags are dropped to their words. */
  t(key: MessageKey, values: Values = {}): string {
    const plain = (chunks: unknown[]): string => chunks.join('')
    const out = this.#format(key).format<string>({ ...values, ...Object.fromEntries(TAGS.map((tag) => [tag, plain])) })
    return Array.isArray(out) ? out.join('') : String(out)
  }

  /** The message in parts, so a sentence keeps its emphasis wherever its language puts it. */
  parts(key: MessageKey, values: PartValues = {}): Part[] {
    return partsOf(this.#format(key), values)
  }

  // Intl formatters are costly to build and a feed formats many dates: one per language and style.
  readonly #dates = new Map<string, Intl.DateTimeFormat>()
  readonly #numbers = new Map<string, Intl.NumberFormat>()

  date(ms: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
    const id = `${this.tag}\u0000${JSON.stringify(options)}`
    let f = this.#dates.get(id)
    if (!f) this.#dates.set(id, (f = new Intl.DateTimeFormat(this.tag, options)))
    return f.format(new Date(ms))
  }

  number(n: number, options: Intl.NumberFormatOptions = {}): string {
    const id = `${this.tag}\u0000${JSON.stringify(options)}`
    let f = this.#numbers.get(id)
    if (!f) this.#numbers.set(id, (f = new Intl.NumberFormat(this.tag, options)))
    return f.format(n)
  }
}

export const locale = new Locale()
export const t = (key: MessageKey, values?: Values): string => locale.t(key, values)
export { FALLBACK }
