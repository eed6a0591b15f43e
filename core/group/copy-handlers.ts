/**
 * readableCopy: the text of a readable copy (safety plan, journal, a meeting's calendar file),
 * handed to the front end instead of written to a path. A browser cannot open a save dialog for
 * core, so the web host's page offers the text as a download and the browser saves it where the
 * person chooses; the desktop app uses the system save dialog and the path-based methods.
 *
 * It is built from the same contract reads and the same text functions as exportSafetyPlan,
 * exportJournal and exportMeeting, so both ways give the same words. Nothing is written here;
 * the renderer holds only the words the person asked to take away, and no key.
 */
import type { MethodHandlers, ReadableCopy } from '../api.ts'
import { errors } from '../errors.ts'
import { meetingIcs } from '../model/ics.ts'
import { journalText } from '../model/journal.ts'
import { safetyPlanText } from '../model/safety-plan.ts'

type Reads = Pick<MethodHandlers, 'safetyPlan' | 'journal' | 'meetings'>

export interface CopyContext {
  /** The service's own handlers, read late: they are built in the same object literal. */
  reads(): Reads
  now(): number
}

const TEXT = 'text/plain;charset=utf-8'
const CALENDAR = 'text/calendar;charset=utf-8'

export function copyHandlers(ctx: CopyContext): Pick<MethodHandlers, 'readableCopy'> {
  return {
    async readableCopy(input): Promise<ReadableCopy> {
      const reads = ctx.reads()
      if (input.kind === 'safety-plan') {
        return { fileName: 'safety-plan.txt', mediaType: TEXT, text: safetyPlanText(await reads.safetyPlan({}), ctx.now()) }
      }
      if (input.kind === 'journal') {
        return { fileName: 'incident-record.txt', mediaType: TEXT, text: journalText(await reads.journal({}), ctx.now()) }
      }
      const meeting = (await reads.meetings({ groupId: input.groupId })).find((m) => m.id === input.meetingId)
      if (!meeting) throw errors.NOT_FOUND('that meeting is not in this group')
      return { fileName: 'appointment.ics', mediaType: CALENDAR, text: meetingIcs(meeting, input.groupId, ctx.now()) }
    },
  }
}
