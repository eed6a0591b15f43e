/**
 * The ground rules as numbered items, and the reasons a flag or a facilitator's action may give.
 *
 * The rules are one text (rules-doc.ts); each non-empty line is one rule, numbered from 1, with a
 * leading list marker ("1.", "2)", "-", "*", "•") taken off. A reason is stored as a string:
 *
 *   "rule:<n>"   rule n of the rules version named beside it (by its rulesHash)
 *   "other"      none of the rules fits
 *
 * A number alone would change meaning when the rules change, so every stored reason travels
 * with the hash of the words it counted from; a reason read against other words shows only as
 * "rule n of an earlier version".
 */
import type { ReasonView } from '../api.ts'

export type Reason = `rule:${number}` | 'other'

const MARKER = /^\s*(?:\d{1,3}[.)]|[-*•])\s+/
const REASON = /^(?:rule:([1-9]\d{0,2})|other)$/

/** The rules text as its numbered items (index 0 is rule 1). */
export function ruleItems(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(MARKER, '').trim())
    .filter((l) => l.length > 0)
}

export function isReason(v: unknown): v is Reason {
  return typeof v === 'string' && REASON.test(v)
}

/** The rule number a reason names, or null for "other". */
export function ruleNumber(r: Reason): number | null {
  const m = REASON.exec(r)
  return m?.[1] ? Number(m[1]) : null
}

/**
 * Plain words for a reason. `items` are the current rules' items and `sameRules` says whether
 * the reason counted from those words.
 */
export function reasonLabel(r: Reason, items: readonly string[], sameRules: boolean): string {
  const v = reasonView(r, items, sameRules)
  if (v.rule === null) return 'Something else (not one of the ground rules)'
  if (v.words === null) return `Rule ${v.rule} of an earlier version of the ground rules`
  return `Rule ${v.rule}: ${v.words}`
}

/** The same reason in parts, for a front end to word in its reader's language. */
export function reasonView(r: Reason, items: readonly string[], sameRules: boolean): ReasonView {
  const n = ruleNumber(r)
  if (n === null) return { rule: null, current: true, words: null }
  const words = sameRules ? items[n - 1] : undefined
  if (words === undefined) return { rule: n, current: false, words: null }
  return { rule: n, current: true, words: words.length > 80 ? `${words.slice(0, 79)}…` : words }
}

/** Whether a reason may be given under the current rules (a rule that exists, or "other"). */
export function reasonFits(r: Reason, items: readonly string[]): boolean {
  const n = ruleNumber(r)
  return n === null || (n >= 1 && n <= items.length)
}

/** Longest note a facilitator may add to a hide or an escalation. */
export const NOTE_MAX = 500
