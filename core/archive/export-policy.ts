/**
 * Who may save the group's words as a readable file (issue 17): everyone may save their own
 * words; the whole group's only a facilitator, unless the group's `groupExport` setting says
 * members may too. Each export of the group's words is recorded in the exporter's own member doc
 * first (core/model/export-records.ts), so members can see it happened. The sealed archive is
 * not a readable copy: it opens only with the group's keys, and every member may make one.
 */
import type { ExportInput, ExportRecordView, GroupExportPolicy } from '../api.ts'
import { errors } from '../errors.ts'
import { memberDocId } from '../model/doc-id.ts'
import { readExportRecords, recordExport } from '../model/export-records.ts'
import type { GroupSpace } from '../group/group-space.ts'
import { refuseWhileArriving } from '../group/reader-source.ts'
import { compareCodeUnits } from '../model/name-order.ts'

export function groupExportPolicy(space: GroupSpace): GroupExportPolicy {
  return space.governance.settings.groupExport ?? 'facilitators'
}

/** Refuses a readable export of everyone's words the group's setting does not allow me. */
export function checkGroupExport(space: GroupSpace, input: ExportInput): void {
  // Refused before the record of the export is written (recordGroupExport), not halfway through.
  if (input.format !== 'archive') refuseWhileArriving(space)
  if (input.format === 'archive' || input.scope === 'mine') return
  const role = space.governance.members.get(space.me)?.role
  if (role === 'facilitator') return
  if (role === 'member' && groupExportPolicy(space) === 'members') return
  throw errors.NOT_ALLOWED('in this group only facilitators save everyone’s words; you can save your own (scope "mine") or a sealed archive')
}

/** Writes the record of an export of everyone's words (one durable block) before the file exists. */
export async function recordGroupExport(space: GroupSpace, input: ExportInput, now: number): Promise<void> {
  if (input.format === 'archive' || input.scope === 'mine') return
  const format = input.format
  await space.change(memberDocId(space.me), (d) =>
    recordExport(d, { at: now, format, from: input.from ?? null, to: input.to ?? null, topic: input.topic ?? null, includeHidden: input.includeHidden ?? false }),
  )
}

/** Every member's records (former members' too), newest first. */
export function exportRecords(space: GroupSpace, nameOf: (id: string) => string): ExportRecordView[] {
  const gov = space.governance
  const out: ExportRecordView[] = []
  for (const [id, d] of space.docs.memberDocs()) {
    if (gov.members.has(id) || gov.former.has(id)) out.push(...readExportRecords(d.doc, id, nameOf(id)))
  }
  return out.sort((a, b) => b.at - a.at || compareCodeUnits(a.id, b.id))
}
