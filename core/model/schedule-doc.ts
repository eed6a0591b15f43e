/**
 * The facilitation rotation, `shared/schedule` (Yjs), layout version 1: who holds the space when.
 * Facilitators write it (write-rule.ts, FACILITATOR_DOCS); every member reads it.
 *
 *   slots   Y.Map  "<slotId, 16 hex>" → { member: memberId, from: ms, to: ms, by: memberId, at: ms }
 *
 * A slot names any current member (in a survivor-led group facilitation rotates among members;
 * giving someone the facilitator role is governance's business, not the schedule's). Removing a
 * slot deletes its key. Malformed slots and slots of people no longer in the group are left out.
 */
import type * as Y from 'yjs'
import type { ScheduleEntryView, ScheduleView } from '../api.ts'
import { errors } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { isMemberId } from './doc-id.ts'
import type { MemberDoc } from './member-doc.ts'
import { shownName } from './names.ts'

/** Longest slot: a month. Longer "rotations" are the hierarchy the schedule is meant to prevent. */
export const SLOT_MAX_MS = 31 * 24 * 3_600_000
export const REMIND_BEFORE_MS = 48 * 3_600_000
/** Turns that ended longer ago than this stay in the doc but leave the view, so it does not grow forever. */
export const SHOW_PAST_MS = 7 * 24 * 3_600_000
const SLOT_ID = /^[0-9a-f]{16}$/
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0

interface Slot { member: string; from: number; to: number }

function readSlot(v: unknown): Slot | null {
  if (typeof v !== 'object' || v === null) return null
  const s = v as Record<string, unknown>
  if (typeof s.member !== 'string' || !isMemberId(s.member) || !isTime(s.from) || !isTime(s.to)) return null
  if (s.to <= s.from || s.to - s.from > SLOT_MAX_MS) return null
  return { member: s.member, from: s.from, to: s.to }
}

export class ScheduleDoc {
  constructor(readonly doc: Y.Doc) {}

  get slots(): Y.Map<unknown> {
    return this.doc.getMap('slots')
  }

  add(slot: Slot, by: string, now: number): string {
    if (!isTime(slot.from) || !isTime(slot.to) || slot.to <= slot.from) throw errors.INVALID_INPUT('a slot must end after it starts')
    if (slot.to - slot.from > SLOT_MAX_MS) throw errors.INVALID_INPUT('a slot may last at most 31 days')
    let id: string
    do id = Buffer.from(randomBytes(8)).toString('hex')
    while (this.slots.has(id))
    this.slots.set(id, { member: slot.member, from: slot.from, to: slot.to, by, at: now })
    return id
  }

  remove(id: string): void {
    if (!SLOT_ID.test(id) || !this.slots.has(id)) throw errors.NOT_FOUND('no such slot')
    this.slots.delete(id)
  }
}

export interface ScheduleSource {
  me: string
  members: ReadonlyMap<string, { pseudonym: string }>
  docs: ReadonlyMap<string, MemberDoc>
  /** The names every member shows, decided for the group (core/model/names.ts). */
  names?: ReadonlyMap<string, string>
}

export function scheduleView(doc: ScheduleDoc, src: ScheduleSource, now: number): ScheduleView {
  const name = (id: string): string => shownName(src, id)
  const entries: ScheduleEntryView[] = []
  for (const [id, v] of doc.slots) {
    const s = SLOT_ID.test(id) ? readSlot(v) : null
    if (!s || !src.members.has(s.member) || s.to < now - SHOW_PAST_MS) continue
    entries.push({ id, member: s.member, name: name(s.member), from: s.from, to: s.to, current: s.from <= now && now < s.to })
  }
  entries.sort((a, b) => a.from - b.from || a.to - b.to || (a.id < b.id ? -1 : 1))
  const current = entries.find((e) => e.current) ?? null
  const next = entries.find((e) => e.from > now) ?? null
  const reminder = entries.find((e) => e.member === src.me && e.to > now && e.from - now <= REMIND_BEFORE_MS) ?? null
  return { entries, current, next, reminder }
}
