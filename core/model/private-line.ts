/**
 * A member's private line to the facilitators, `line/<memberId>` (Yjs; that member and
 * facilitators write it, core/model/write-rule.ts), layout version 1: a sealed space
 * (sealed-space.ts: key records and sealed entries) whose holders are exactly that member and
 * the current facilitators. Entries are { by, at, text, topic, about }:
 *   topic  "concern" | "hidden-post" | "safety-check" | "other", or null
 *   about  the post or reply it is about ("<authorId>:<itemId>"), or null
 *
 * Whoever writes (the member, or a facilitator answering) first makes sure the current key is
 * held by exactly that set, writing a new key if not. So a facilitator who stops facilitating
 * reads nothing written after, and a new facilitator reads nothing written before they began.
 * Honest limit: the line's doc id travels inside blocks every member can open, so a modified
 * client could tell that a member wrote to the facilitators, and when; never what.
 */
import type * as Y from 'yjs'
import type { LineTopic } from '../api.ts'
import { errors } from '../errors.ts'
import { openEntries, sealEntry, type Holder, type KeyRecord, type SealedEntry } from './sealed-space.ts'

export const LINE_TOPICS = ['concern', 'hidden-post', 'safety-check', 'other'] as const satisfies readonly LineTopic[]
export const LINE_TEXT_MAX = 4_000
const REF = /^[0-9a-f]{64}:[0-9a-f]{16}$/

export interface LineEntry extends SealedEntry {
  topic: LineTopic | null
  about: string | null
}

export function addLineEntry(doc: Y.Doc, record: KeyRecord, key: Uint8Array, e: Omit<LineEntry, 'id'>): string {
  if (!e.text.trim()) throw errors.INVALID_INPUT('the message is empty')
  if (e.text.length > LINE_TEXT_MAX) throw errors.INVALID_INPUT(`the message is longer than ${LINE_TEXT_MAX} characters`)
  if (e.about !== null && !REF.test(e.about)) throw errors.INVALID_INPUT('not a post or reply id')
  return sealEntry(doc, record, key, { by: e.by, at: e.at, text: e.text, topic: e.topic, about: e.about })
}

/** The line's entries I can open, oldest first, and how many I cannot. */
export function readLine(doc: Y.Doc, me: Holder): { entries: LineEntry[]; sealed: number } {
  return openEntries(doc, me, (id, p) => ({
    id, by: p.by as string, at: p.at as number, text: p.text as string,
    topic: (LINE_TOPICS as readonly unknown[]).includes(p.topic) ? (p.topic as LineTopic) : null,
    about: typeof p.about === 'string' && REF.test(p.about) ? p.about : null,
  }))
}

/** Whether a line has anything in it (key records or entries) worth listing. */
export function lineUsed(doc: Y.Doc): boolean {
  return doc.getArray('entries').length > 0
}
