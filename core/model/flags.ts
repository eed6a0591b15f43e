/**
 * Flags (moderation): a member's report that a post or reply breaks a ground rule. A flag lives
 * in the flagger's OWN member doc (layout version 1, an addition to member-doc.ts's maps), so
 * the write rule makes it attributable and nobody can flag in someone else's name:
 *
 *   flags   Y.Map   "<Ref>" → { reason: Reason, rules: rulesHash | null, at: ms }
 *
 * One key per target, so one flag per member per item however often they press; withdrawing a
 * flag deletes the key. `rules` names the words the reason counted from (rule-items.ts).
 */
import type * as Y from 'yjs'
import { parseRef, type MemberDoc, type Ref } from './member-doc.ts'
import { isReason, type Reason } from './rule-items.ts'

export interface Flag {
  target: Ref
  reason: Reason
  rules: string | null
  at: number
}

const HASH = /^[0-9a-f]{32}$/

function flagsOf(doc: MemberDoc): Y.Map<unknown> {
  return doc.doc.getMap('flags')
}

export function setFlag(doc: MemberDoc, target: Ref, flag: { reason: Reason; rules: string | null } | null, now: number): void {
  const map = flagsOf(doc)
  doc.doc.transact(() => {
    if (flag) map.set(target, { reason: flag.reason, rules: flag.rules, at: now })
    else map.delete(target)
  })
}

/** One flag as stored, or null when it is malformed (a member controls every byte of their doc). */
export function readFlag(target: string, v: unknown): Flag | null {
  if (!parseRef(target) || typeof v !== 'object' || v === null) return null
  const f = v as Record<string, unknown>
  if (!isReason(f.reason)) return null
  if (f.rules !== null && !(typeof f.rules === 'string' && HASH.test(f.rules))) return null
  if (!Number.isSafeInteger(f.at) || (f.at as number) < 0) return null
  return { target, reason: f.reason, rules: f.rules, at: f.at as number }
}

/** Every well-formed flag in a member's doc. */
export function flagsIn(doc: MemberDoc): Flag[] {
  const out: Flag[] = []
  for (const [target, v] of flagsOf(doc)) {
    const f = readFlag(target, v)
    if (f) out.push(f)
  }
  return out
}
