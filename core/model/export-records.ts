/**
 * Readable exports of the group's words, recorded in the exporter's own member doc (issue 17),
 * layout version 1:
 *
 *   exports   Y.Map  <recordId 16 hex> → { v: 1, at: ms, format: "html"|"md"|"json",
 *                                          from: ms|null, to: ms|null, topic: string|null,
 *                                          includeHidden: boolean }
 *
 * The record is written (one durable block in the exporter's own signed log) before the file,
 * so every member sees when the group's words were saved and by whom, and the exporter cannot
 * take it back: the write rule makes it attributable, the log append-only. Honest limit: every
 * member's node holds the group's words, so a modified client can copy them without a record;
 * the record is what the app itself guarantees.
 */
import type * as Y from 'yjs'
import type { ExportFormat, ExportRecordView } from '../api.ts'
import { randomBytes } from '../crypto/random.ts'

type Readable = Exclude<ExportFormat, 'archive'>
const FORMATS: readonly string[] = ['html', 'md', 'json']
const HEX16 = /^[0-9a-f]{16}$/

export interface ExportRecord {
  at: number
  format: Readable
  from: number | null
  to: number | null
  topic: string | null
  includeHidden: boolean
}

export function recordExport(doc: Y.Doc, r: ExportRecord): string {
  const id = Buffer.from(randomBytes(8)).toString('hex')
  doc.getMap<unknown>('exports').set(id, { v: 1, ...r })
  return id
}

const numOrNull = (v: unknown): number | null | undefined => (v === null ? null : typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined)

/** A member's records, well-formed ones only. */
export function readExportRecords(doc: Y.Doc, by: string, byName: string): ExportRecordView[] {
  const out: ExportRecordView[] = []
  for (const [id, v] of doc.getMap<unknown>('exports')) {
    const r = v as Record<string, unknown> | null
    if (!HEX16.test(id) || !r || typeof r !== 'object' || r.v !== 1 || typeof r.at !== 'number' || !FORMATS.includes(r.format as string)) continue
    const from = numOrNull(r.from)
    const to = numOrNull(r.to)
    if (from === undefined || to === undefined) continue
    out.push({
      id, by, byName, at: r.at, format: r.format as Readable, from, to,
      topic: typeof r.topic === 'string' ? r.topic : null, includeHidden: r.includeHidden === true,
    })
  }
  return out
}
