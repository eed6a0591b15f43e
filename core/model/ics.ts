/**
 * One meeting as an iCalendar file (RFC 5545), version 2.0: a VCALENDAR with one VEVENT in UTC
 * times. Text is escaped (backslash, semicolon, comma, newline) and lines are folded at 75
 * octets, so any calendar reads it. The place is included: the file goes only where the person
 * saving it chooses, with the warning that it is not encrypted.
 *
 * Neutral by default (issue 17): a calendar syncs to phones and accounts others may see, so the
 * event is titled "Appointment", carries no description (facilitator, agenda), and neither the
 * UID nor PRODID names the group or Hearth. The UID is a hash of the meeting id, the same on every
 * export of one meeting (so a calendar updates it rather than adding a copy) yet not the id the
 * group's data holds. The real title and description only when the person asks (`realTitle`).
 */
import type { MeetingView } from '../api.ts'
import { hash } from '../crypto/hash.ts'
import { MEETING_MODES } from './support-vocabulary.ts'

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds a content line at 75 octets without splitting a UTF-8 sequence. */
export function fold(line: string): string {
  const parts: string[] = []
  let cur = ''
  let bytes = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch)
    if (bytes + n > (parts.length ? 74 : 75)) {
      parts.push(cur)
      cur = ''
      bytes = 0
    }
    cur += ch
    bytes += n
  }
  parts.push(cur)
  return parts.join('\r\n ')
}

export const NEUTRAL_TITLE = 'Appointment'

/** A UID that names neither the group nor Hearth: BLAKE2b of a label and the meeting id. */
export function neutralUid(meetingId: string): string {
  return `${Buffer.from(hash(new TextEncoder().encode(`ics-uid\n${meetingId}`))).toString('hex').slice(0, 32)}@local.invalid`
}

export function meetingIcs(m: MeetingView, now: number, opts: { realTitle?: boolean } = {}): string {
  const real = opts.realTitle === true
  const description = [`${MEETING_MODES[m.mode]} meeting, facilitated by ${m.facilitatorName}.`, m.agenda ? `Agenda:\n${m.agenda}` : ''].filter(Boolean).join('\n\n')
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Calendar//Appointment 1//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${neutralUid(m.id)}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(m.startsAt)}`,
    `DTEND:${stamp(m.startsAt + m.minutes * 60_000)}`,
    `SUMMARY:${escapeText(real ? m.title : NEUTRAL_TITLE)}`,
    ...(m.place ? [`LOCATION:${escapeText(m.place)}`] : []),
    ...(real ? [`DESCRIPTION:${escapeText(description)}`] : []),
    `STATUS:${m.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT', 'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}
