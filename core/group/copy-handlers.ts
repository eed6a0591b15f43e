/**
 * readableCopy: the text of a readable copy (safety plan, journal, a meeting's calendar file, a
 * readable export of the group), handed to the front end instead of written to a path. A browser
 * cannot open a save dialog for core, so the web host's page offers the text as a download and
 * the browser saves it where the person chooses; the desktop app uses the system save dialog and
 * the path-based methods.
 *
 * Each kind is built by the same code as its path-based twin (exportSafetyPlan, exportJournal,
 * exportMeeting, exportGroup), so both give the same words; a group export goes through the same
 * permission check and is recorded for every member before any text is handed over. Nothing is
 * written to disk here; the renderer gets only the words the person asked to take away, no key.
 */
import type { FileHandle } from 'node:fs/promises'
import type { MethodHandlers, ReadableCopy } from '../api.ts'
import { checkGroupExport, recordGroupExport } from '../archive/export-policy.ts'
import { writeReadable } from '../archive/readable-export.ts'
import { errors } from '../errors.ts'
import { meetingIcs } from '../model/ics.ts'
import { journalText } from '../model/journal.ts'
import { safetyPlanText } from '../model/safety-plan.ts'
import type { GroupRegistry } from './group-registry.ts'

type Reads = Pick<MethodHandlers, 'safetyPlan' | 'journal' | 'meetings'>

export interface CopyContext {
  /** The service's own handlers, read late: they are built in the same object literal. */
  reads(): Reads
  registry(): GroupRegistry
  now(): number
}

const TEXT = 'text/plain;charset=utf-8'
const GROUP_FILES = {
  html: { fileName: 'group-record.html', mediaType: 'text/html;charset=utf-8' },
  md: { fileName: 'group-record.md', mediaType: 'text/markdown;charset=utf-8' },
  json: { fileName: 'group-record.json', mediaType: 'application/json' },
} as const

/** writeReadable's only use of its file handle is `write`; this one keeps the bytes in memory. */
function memorySink(): { fh: FileHandle; text(): string } {
  const chunks: Uint8Array[] = []
  const fh = { write: async (b: Uint8Array) => (chunks.push(b), { bytesWritten: b.length, buffer: b }) } as unknown as FileHandle
  return { fh, text: () => Buffer.concat(chunks).toString('utf8') }
}

export function copyHandlers(ctx: CopyContext): Pick<MethodHandlers, 'readableCopy'> {
  return {
    async readableCopy(input): Promise<ReadableCopy> {
      const reads = ctx.reads()
      switch (input.kind) {
        case 'safety-plan':
          return { fileName: 'safety-plan.txt', mediaType: TEXT, text: safetyPlanText(await reads.safetyPlan({}), ctx.now(), input.language) }
        case 'journal':
          return { fileName: 'incident-record.txt', mediaType: TEXT, text: journalText(await reads.journal({}), ctx.now(), input.language) }
        case 'meeting': {
          const meeting = (await reads.meetings({ groupId: input.groupId })).find((m) => m.id === input.meetingId)
          if (!meeting) throw errors.NOT_FOUND('that meeting is not in this group')
          return { fileName: 'appointment.ics', mediaType: 'text/calendar;charset=utf-8', text: meetingIcs(meeting, ctx.now(), { realTitle: input.realTitle === true }) }
        }
        case 'group': {
          const { kind: _kind, ...rest } = input
          const exportInput = { ...rest, path: '' }
          const space = await ctx.registry().space(input.groupId)
          await space.flush()
          checkGroupExport(space, exportInput)
          await recordGroupExport(space, exportInput, ctx.now())
          const sink = memorySink()
          await writeReadable(sink.fh, space, exportInput, { now: ctx.now })
          return { ...GROUP_FILES[input.format], text: sink.text() }
        }
      }
    },
  }
}
