/**
 * The offline starter list of national domestic-abuse hotlines: a data file
 * (core/model/data/hotlines.json, version 1) with, per country, each line's number, text option,
 * web address, hours and the published source, plus the date it was compiled and how.
 * Hearth is not a crisis service; every screen that shows this list says so.
 */
import type { HotlineList } from '../api.ts'
import data from './data/hotlines.json' with { type: 'json' }

export const HOTLINES: HotlineList = { compiled: data.compiled, note: data.note, countries: data.countries }

/** Every web address the list names: links the opener may open. */
export function hotlineUrls(): string[] {
  return HOTLINES.countries.flatMap((c) => c.lines.flatMap((l) => [l.web, l.source].filter((u): u is string => u !== null)))
}
