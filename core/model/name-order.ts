/**
 * One order for names in everything core lists (members, groups, resources, review reasons).
 *
 * `a.localeCompare(b)` without a locale follows the process's own language (LANG), so the CLI
 * listed the same members in a different order on a Swedish system ("ä" after "z") than on an
 * English one, and two members' exports of the same group could differ. Core names English, whose
 * collation is Unicode's root collation: the same on every machine, and sensible for every script.
 * Not 'und': a tag the engine has no data for falls back to the process's language again.
 * The renderer may sort again in the reader's language.
 */
const ROOT = new Intl.Collator('en', { numeric: true })

export const compareNames: (a: string, b: string) => number = ROOT.compare

/** For ids and ISO times: code-unit order, which is what they mean. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
