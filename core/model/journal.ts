/**
 * The private journal of incidents, personal doc `personal/journal` (Yjs), layout version 1. It
 * lives only in this device's never-replicated personal log.
 *
 *   entries   Y.Map   <16-hex id> → Y.Map { occurredAt: "YYYY-MM-DDTHH:MM", what, witnesses,
 *                     evidence, createdAt: ms, updatedAt: ms }
 *
 * `occurredAt` is kept as the person typed it (local time, no zone): a record for a lawyer or an
 * advocate should say the time the person lived, not a conversion of it. Removing an entry
 * deletes it from the doc; its earlier text stays in the personal log, which is ciphertext.
 */
import * as Y from 'yjs'
import type { JournalEntryView } from '../api.ts'
import { errors } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { ITEM_ID, LOCAL_DATE_TIME, SUPPORT_LIMITS } from './support-vocabulary.ts'
import { READABLE_WARNING } from './safety-plan.ts'

export const JOURNAL_DOC = 'journal'

export interface JournalInput {
  occurredAt: string
  what: string
  witnesses?: string
  evidence?: string
}

const str = (v: unknown): string => (typeof v === 'string' && v.length <= SUPPORT_LIMITS.journalText ? v : '')

function entries(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap('entries')
}

/** Every readable entry, by when it happened (oldest first), then when it was written. */
export function readJournal(doc: Y.Doc): JournalEntryView[] {
  const out: JournalEntryView[] = []
  for (const [id, m] of entries(doc)) {
    if (!(m instanceof Y.Map) || !ITEM_ID.test(id)) continue
    const occurredAt = m.get('occurredAt')
    const createdAt = m.get('createdAt')
    const updatedAt = m.get('updatedAt')
    if (typeof occurredAt !== 'string' || !LOCAL_DATE_TIME.test(occurredAt) || typeof createdAt !== 'number') continue
    out.push({
      id, occurredAt, what: str(m.get('what')), witnesses: str(m.get('witnesses')), evidence: str(m.get('evidence')),
      createdAt, updatedAt: typeof updatedAt === 'number' ? updatedAt : createdAt,
    })
  }
  return out.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.createdAt - b.createdAt)
}

function check(e: JournalInput): void {
  if (!LOCAL_DATE_TIME.test(e.occurredAt)) throw errors.INVALID_INPUT('give the date and time it happened')
  if (e.what.trim() === '') throw errors.INVALID_INPUT('write what happened')
  for (const t of [e.what, e.witnesses ?? '', e.evidence ?? '']) {
    if (t.length > SUPPORT_LIMITS.journalText) throw errors.INVALID_INPUT(`a field is longer than ${SUPPORT_LIMITS.journalText} characters`)
  }
}

/** Adds an entry (no id) or changes one; returns its id. NOT_FOUND for an id that is not there. */
export function saveJournalEntry(doc: Y.Doc, e: JournalInput & { id?: string }, now: number): string {
  check(e)
  const all = entries(doc)
  let id = e.id
  let m: Y.Map<unknown>
  if (id !== undefined) {
    const found = all.get(id)
    if (!(found instanceof Y.Map)) throw errors.NOT_FOUND('no such journal entry')
    m = found
  } else {
    if (all.size >= SUPPORT_LIMITS.journalEntries) throw errors.INVALID_INPUT('the journal is full')
    do id = Buffer.from(randomBytes(8)).toString('hex')
    while (all.has(id))
    m = new Y.Map<unknown>()
    all.set(id, m)
    m.set('createdAt', now)
  }
  m.set('occurredAt', e.occurredAt)
  m.set('what', e.what)
  m.set('witnesses', e.witnesses ?? '')
  m.set('evidence', e.evidence ?? '')
  m.set('updatedAt', now)
  return id
}

export function removeJournalEntry(doc: Y.Doc, id: string): void {
  if (!entries(doc).has(id)) throw errors.NOT_FOUND('no such journal entry')
  entries(doc).delete(id)
}

/** The readable, dated document for a lawyer or an advocate. */
export function journalText(list: JournalEntryView[], now: number): string {
  const lines = [
    'INCIDENT RECORD', '', `Written out by Hearth on ${new Date(now).toISOString().slice(0, 10)}. ${list.length} ${list.length === 1 ? 'entry' : 'entries'}, oldest first.`,
    'Times are local times as they were written down. "Recorded" is when each entry was first written.', '', READABLE_WARNING, '',
  ]
  list.forEach((e, i) => {
    const heading = `${i + 1}. ${e.occurredAt.replace('T', ' at ')}`
    lines.push(heading, '='.repeat(heading.length), `Recorded: ${new Date(e.createdAt).toISOString().replace('T', ' ').slice(0, 16)} UTC` +
      (e.updatedAt !== e.createdAt ? `; last changed ${new Date(e.updatedAt).toISOString().replace('T', ' ').slice(0, 16)} UTC` : ''), '')
    lines.push('What happened:', e.what.trim(), '')
    lines.push('Witnesses:', e.witnesses.trim() || '(none written)', '')
    lines.push('Evidence kept where:', e.evidence.trim() || '(none written)', '')
  })
  if (!list.length) lines.push('(There are no entries yet.)', '')
  return lines.join('\n')
}
