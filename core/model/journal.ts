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
import { readableWords } from '../readable-words/index.ts'
import { compareCodeUnits } from './name-order.ts'

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
  return out.sort((a, b) => compareCodeUnits(a.occurredAt, b.occurredAt) || a.createdAt - b.createdAt)
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

/**
 * The readable, dated document for a lawyer or an advocate, its own words in `language`. The time
 * it happened is shown as typed (local, no zone) in that locale's style; "recorded" is UTC.
 */
export function journalText(list: JournalEntryView[], now: number, language?: string): string {
  const words = readableWords(language)
  const lines = [
    words.w('journal.title'), '', words.w('journal.written', { date: words.date(now), count: words.number(list.length) }),
    words.w('journal.times'), '', words.w('warning.unencrypted'), '',
  ]
  list.forEach((e, i) => {
    const heading = `${words.number(i + 1)}. ${words.localDateTime(e.occurredAt)}`
    lines.push(heading, '='.repeat(heading.length), e.updatedAt !== e.createdAt
      ? words.w('journal.recordedChanged', { time: words.dateTime(e.createdAt), changed: words.dateTime(e.updatedAt) })
      : words.w('journal.recorded', { time: words.dateTime(e.createdAt) }), '')
    lines.push(words.w('journal.what'), e.what.trim(), '')
    lines.push(words.w('journal.witnesses'), e.witnesses.trim() || words.w('journal.none'), '')
    lines.push(words.w('journal.evidence'), e.evidence.trim() || words.w('journal.none'), '')
  })
  if (!list.length) lines.push(words.w('journal.empty'), '')
  return lines.join('\n')
}
