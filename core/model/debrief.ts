/**
 * The facilitators' debrief space, `shared/debrief` (Yjs; only facilitators write it), layout
 * version 1: a sealed space (sealed-space.ts holds the layout and the key rule) whose holders
 * are exactly the current facilitators, with entries { by, at, text }.
 */
import type * as Y from 'yjs'
import { errors } from '../errors.ts'
import { openEntries, sealEntry, type KeyRecord, type Holder, type SealedEntry } from './sealed-space.ts'
import { SUPPORT_LIMITS } from './support-vocabulary.ts'

export { currentKey, holdersMatch, keyRecords, openKey, rotateKey, type Holder, type KeyRecord } from './sealed-space.ts'

export type DebriefEntry = SealedEntry

export function addEntry(doc: Y.Doc, record: KeyRecord, key: Uint8Array, e: Omit<DebriefEntry, 'id'>): string {
  if (!e.text.trim()) throw errors.INVALID_INPUT('the entry is empty')
  if (e.text.length > SUPPORT_LIMITS.debriefText) throw errors.INVALID_INPUT('the entry is too long')
  return sealEntry(doc, record, key, { by: e.by, at: e.at, text: e.text })
}

/** Every entry I can open, oldest first, and how many I cannot. */
export function readEntries(doc: Y.Doc, me: Holder): { entries: DebriefEntry[]; sealed: number } {
  return openEntries(doc, me, (id, p) => ({ id, by: p.by as string, at: p.at as number, text: p.text as string }))
}
