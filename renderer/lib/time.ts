import { locale } from '../i18n/locale.svelte.ts'

/** Dates as a person reads them, in the language Hearth speaks to them: "12 Mar 2026, 14:05". */
export function when(ms: number): string {
  return locale.date(ms)
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString()
}
