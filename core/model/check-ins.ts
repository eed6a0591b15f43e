/**
 * "How are you today" check-ins, layout version 1, in two places:
 *
 *   personal/check-ins (Yjs, never replicated)
 *     entries   Y.Map  <16-hex id> → { at: ms, mood: Mood, note: string, sharedWith: groupId[] }
 *   member/<id> (Yjs, the member's own doc; only when they chose to share it with that group)
 *     checkins  Y.Map  <16-hex id> → { at: ms, mood: Mood, note: string }
 *
 * A check-in not shared is written to the personal doc only, so it cannot reach another peer.
 * Shared ones are read from member docs as untrusted input: shape and size are checked.
 */
import type * as Y from 'yjs'
import type { CheckInView, Mood, SharedCheckInView } from '../api.ts'
import { errors } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { ITEM_ID, MOOD_IDS, SUPPORT_LIMITS } from './support-vocabulary.ts'

export const CHECK_INS_DOC = 'check-ins'
/** Shared check-ins older than this are not shown to the group. */
export const SHARED_CHECK_IN_DAYS = 14

const isMood = (v: unknown): v is Mood => (MOOD_IDS as readonly unknown[]).includes(v)
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const isNote = (v: unknown): v is string => typeof v === 'string' && v.length <= SUPPORT_LIMITS.checkInNote

export function newCheckInId(): string {
  return Buffer.from(randomBytes(8)).toString('hex')
}

export function checkCheckIn(mood: Mood, note: string): void {
  if (!isMood(mood)) throw errors.INVALID_INPUT('not a mood')
  if (!isNote(note)) throw errors.INVALID_INPUT(`the note is longer than ${SUPPORT_LIMITS.checkInNote} characters`)
}

export function addPersonalCheckIn(doc: Y.Doc, id: string, c: { at: number; mood: Mood; note: string; sharedWith: string[] }): void {
  checkCheckIn(c.mood, c.note)
  const map = doc.getMap<unknown>('entries')
  if (map.size >= SUPPORT_LIMITS.checkIns) {
    // Keep the newest: the oldest check-in makes room.
    const oldest = readPersonalCheckIns(doc).at(-1)
    if (oldest) map.delete(oldest.id)
  }
  map.set(id, { at: c.at, mood: c.mood, note: c.note, sharedWith: [...c.sharedWith] })
}

/** Newest first. */
export function readPersonalCheckIns(doc: Y.Doc): CheckInView[] {
  const out: CheckInView[] = []
  for (const [id, v] of doc.getMap<unknown>('entries')) {
    const e = v as { at?: unknown; mood?: unknown; note?: unknown; sharedWith?: unknown } | null
    if (!ITEM_ID.test(id) || !e || typeof e !== 'object' || !isTime(e.at) || !isMood(e.mood) || !isNote(e.note)) continue
    const sharedWith = Array.isArray(e.sharedWith) ? e.sharedWith.filter((g): g is string => typeof g === 'string') : []
    out.push({ id, at: e.at, mood: e.mood, note: e.note, sharedWith })
  }
  return out.sort((a, b) => b.at - a.at)
}

/** Into the member's own doc: what the group will see. */
export function addSharedCheckIn(memberDoc: Y.Doc, id: string, c: { at: number; mood: Mood; note: string }): void {
  checkCheckIn(c.mood, c.note)
  memberDoc.getMap<unknown>('checkins').set(id, { at: c.at, mood: c.mood, note: c.note })
}

/** The latest shared check-in of each member within SHARED_CHECK_IN_DAYS, newest first. */
export function readSharedCheckIns(docs: ReadonlyMap<string, Y.Doc>, nameOf: (id: string) => string, now: number): SharedCheckInView[] {
  const since = now - SHARED_CHECK_IN_DAYS * 86_400_000
  const out: SharedCheckInView[] = []
  for (const [memberId, doc] of docs) {
    let latest: SharedCheckInView | null = null
    for (const [id, v] of doc.getMap<unknown>('checkins')) {
      const e = v as { at?: unknown; mood?: unknown; note?: unknown } | null
      if (!ITEM_ID.test(id) || !e || typeof e !== 'object' || !isTime(e.at) || !isMood(e.mood) || !isNote(e.note)) continue
      if (e.at < since || (latest && latest.at >= e.at)) continue
      latest = { memberId, name: nameOf(memberId), at: e.at, mood: e.mood, note: e.note }
    }
    if (latest) out.push(latest)
  }
  return out.sort((a, b) => b.at - a.at)
}
