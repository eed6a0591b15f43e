/**
 * Meetings, layout version 1, in two places:
 *
 *   shared/meetings (Yjs; only facilitators write it — Governance.writersOf)
 *     meetings  Y.Map  <16-hex id> → { title, mode: "online"|"in-person", startsAt: ms, minutes,
 *                      place, facilitator: memberId, agenda, createdBy: memberId, cancelled: bool,
 *                      updatedAt: ms }
 *   member/<id> (each member's own doc)
 *     rsvps     Y.Map  <meeting id> → "yes" | "maybe" | "no"
 *
 * The place is sealed under the group's epoch key like every block, so only members read it; it
 * is not encrypted a second time. A meeting is replaced whole when changed (one writer role).
 */
import type * as Y from 'yjs'
import type { MeetingFields, MeetingMode, MeetingView, RsvpAnswer } from '../api.ts'
import { errors } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { isMemberId } from './doc-id.ts'
import { ITEM_ID, MEETING_MODE_IDS, RSVP_IDS, SUPPORT_LIMITS } from './support-vocabulary.ts'
import { mapWriter, type WriterOf } from './shared-writers.ts'

const L = SUPPORT_LIMITS
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max

interface Stored extends MeetingFields {
  createdBy: string
  cancelled: boolean
}

function readMeeting(v: unknown): Stored | null {
  const m = v as Record<string, unknown> | null
  if (!m || typeof m !== 'object') return null
  const { title, mode, startsAt, minutes, place, facilitator, agenda, createdBy, cancelled } = m
  if (!isText(title, L.meetingTitle) || !(MEETING_MODE_IDS as readonly unknown[]).includes(mode) || !Number.isSafeInteger(startsAt)) return null
  if (!Number.isSafeInteger(minutes) || (minutes as number) < 1 || (minutes as number) > L.meetingMinutes) return null
  if (!isText(place, L.meetingPlace) || !isText(agenda, L.agenda) || typeof facilitator !== 'string' || typeof createdBy !== 'string') return null
  return { title, mode: mode as MeetingMode, startsAt: startsAt as number, minutes: minutes as number, place, facilitator, agenda, createdBy, cancelled: cancelled === true }
}

export function checkMeeting(f: MeetingFields): MeetingFields {
  if (!f.title.trim()) throw errors.INVALID_INPUT('give the meeting a title')
  if (!isMemberId(f.facilitator)) throw errors.INVALID_INPUT('choose who facilitates')
  if (f.title.length > L.meetingTitle || f.place.length > L.meetingPlace || f.agenda.length > L.agenda) throw errors.INVALID_INPUT('a field is too long')
  if (!Number.isSafeInteger(f.startsAt) || !Number.isSafeInteger(f.minutes) || f.minutes < 1 || f.minutes > L.meetingMinutes) throw errors.INVALID_INPUT('give a start time and a length')
  return { ...f, title: f.title.trim(), place: f.place.trim(), agenda: f.agenda.trim() }
}

/** Adds (no id) or replaces a meeting; returns its id. */
export function saveMeeting(shared: Y.Doc, f: MeetingFields, by: string, id: string | undefined, now: number): string {
  const map = shared.getMap<unknown>('meetings')
  let key = id
  let createdBy = by
  if (key !== undefined) {
    const was = readMeeting(map.get(key))
    if (!was) throw errors.NOT_FOUND('no such meeting')
    createdBy = was.createdBy
  } else {
    do key = Buffer.from(randomBytes(8)).toString('hex')
    while (map.has(key))
  }
  map.set(key, { ...checkMeeting(f), createdBy, cancelled: false, updatedAt: now })
  return key
}

export function cancelMeeting(shared: Y.Doc, id: string, now: number): void {
  const map = shared.getMap<unknown>('meetings')
  const was = map.get(id)
  if (!readMeeting(was)) throw errors.NOT_FOUND('no such meeting')
  map.set(id, { ...(was as object), cancelled: true, updatedAt: now })
}

export function setRsvp(memberDoc: Y.Doc, meetingId: string, answer: RsvpAnswer): void {
  memberDoc.getMap<unknown>('rsvps').set(meetingId, answer)
}

export function readMeetings(
  shared: Y.Doc, memberDocs: ReadonlyMap<string, Y.Doc>, nameOf: (id: string) => string, me: string, writerOf?: WriterOf,
): MeetingView[] {
  const out: MeetingView[] = []
  const meetings = shared.getMap<unknown>('meetings')
  for (const [id, v] of meetings) {
    const m = v === undefined ? null : readMeeting(v)
    if (!m || !ITEM_ID.test(id)) continue
    const answers: Record<RsvpAnswer, number> = { yes: 0, maybe: 0, no: 0 }
    const coming: string[] = []
    let mine: RsvpAnswer | null = null
    for (const [memberId, doc] of memberDocs) {
      const a = doc.getMap<unknown>('rsvps').get(id)
      if (!(RSVP_IDS as readonly unknown[]).includes(a)) continue
      answers[a as RsvpAnswer]++
      if (a === 'yes') coming.push(nameOf(memberId))
      if (memberId === me) mine = a as RsvpAnswer
    }
    // With `writerOf`, the facilitator whose signed block last saved the meeting (shared-writers.ts).
    const savedBy = writerOf ? writerOf(mapWriter(meetings, id) ?? -1) : m.createdBy
    if (savedBy === undefined) continue
    out.push({ ...m, id, facilitatorName: nameOf(m.facilitator), createdBy: nameOf(savedBy), answers, mine, coming: coming.sort() })
  }
  return out.sort((a, b) => a.startsAt - b.startsAt)
}
