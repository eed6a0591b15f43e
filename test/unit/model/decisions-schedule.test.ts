/**
 * Decisions (core/model/decisions.ts) and the facilitation rotation (schedule-doc.ts): one vote
 * per member, votes bound to the proposal's exact words, final after the close; slots validated
 * and a reminder only for the member whose turn is near. Hostile shapes are left out.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { castVote, decision, decisions, propose, proposalHash, type DecisionSource } from '../../../core/model/decisions.ts'
import { MemberDoc, makeRef } from '../../../core/model/member-doc.ts'
import { ScheduleDoc, scheduleView, REMIND_BEFORE_MS } from '../../../core/model/schedule-doc.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf, itemId, memberIds } from './support.ts'

const rnd = seededRandom(testSeed())
const [ann, ben, cal, outsider] = memberIds(rnd, 4) as [string, string, string, string]
const HOUR = 3_600_000
const NOW = 1_700_000_000_000

function world() {
  const docs = new Map([ann, ben, cal, outsider].map((id) => [id, new MemberDoc(new Y.Doc(), id)]))
  const members = new Map([[ann, { pseudonym: 'Ann' }], [ben, { pseudonym: 'Ben' }], [cal, { pseudonym: 'Cal' }]])
  const src = (me: string): DecisionSource => ({ me, members, docs })
  const d = (id: string): MemberDoc => docs.get(id) as MemberDoc
  return { docs, members, src, d }
}

describe('decisions', () => {
  it('counts one vote per member, the last one before the close, and shows my choice', () => {
    const w = world()
    const ref = propose(w.d(ann), { text: 'Meet on Tuesdays?', options: ['Yes', 'No', 'Alternate weeks'], closesAt: NOW + 24 * HOUR }, NOW)
    castVote(w.src(ben), w.d(ben), ref, 0, NOW + 1)
    castVote(w.src(ben), w.d(ben), ref, 2, NOW + 2)
    castVote(w.src(cal), w.d(cal), ref, 2, NOW + 3)
    castVote(w.src(outsider), w.d(outsider), ref, 1, NOW + 4)
    expect(decision(w.src(ben), ref, NOW + 5)).toMatchObject({ counts: [0, 0, 2], voters: 2, myVote: 2, closed: false, proposerName: 'Ann' })
    expect(decision(w.src(ann), ref, NOW + 5).myVote).toBeNull()
  })

  it('is final after the close: new votes are refused and late-stamped ones not counted', () => {
    const w = world()
    const closesAt = NOW + HOUR
    const ref = propose(w.d(ann), { text: 'Q', options: ['A', 'B'], closesAt }, NOW)
    castVote(w.src(ben), w.d(ben), ref, 0, NOW + 10)
    expect(codeOf(() => castVote(w.src(cal), w.d(cal), ref, 1, closesAt))).toBe('DECISION_CLOSED')
    // A modified client writing a vote stamped after the close anyway:
    w.d(cal).doc.getMap('votes').set(ref, { option: 1, proposal: proposalHash({ text: 'Q', options: ['A', 'B'], closesAt }), at: closesAt + 1 })
    expect(decision(w.src(ann), ref, closesAt + 5)).toMatchObject({ counts: [1, 0], closed: true })
  })

  it('starts the count over if the proposer changes the words after votes came in', () => {
    const w = world()
    const ref = propose(w.d(ann), { text: 'Q', options: ['A', 'B'], closesAt: NOW + HOUR }, NOW)
    castVote(w.src(ben), w.d(ben), ref, 0, NOW + 1)
    const id = ref.slice(65)
    w.d(ann).doc.getMap('proposals').set(id, { text: 'Q', options: ['B', 'A'], closesAt: NOW + HOUR, createdAt: NOW })
    expect(decision(w.src(ann), ref, NOW + 2).counts).toEqual([0, 0])
  })

  it('refuses bad proposals with coded errors and leaves malformed ones out of the list', () => {
    const w = world()
    const bad = [
      { text: ' ', options: ['A', 'B'], closesAt: NOW + HOUR },
      { text: 'Q', options: ['A'], closesAt: NOW + HOUR },
      { text: 'Q', options: Array.from({ length: 11 }, (_, i) => `o${i}`), closesAt: NOW + HOUR },
      { text: 'Q', options: ['A', 'A'], closesAt: NOW + HOUR },
      { text: 'Q', options: ['A', 'B'], closesAt: NOW },
      { text: 'Q', options: ['A', 'B'], closesAt: NOW + 91 * 24 * HOUR },
    ]
    for (const p of bad) expect(codeOf(() => propose(w.d(ann), p, NOW)), JSON.stringify(p)).toBe('INVALID_INPUT')
    const props = w.d(ben).doc.getMap('proposals')
    props.set(itemId(1), { text: 'Q', options: 'A,B', closesAt: 1, createdAt: 1 })
    props.set(itemId(2), { text: 'Q', options: ['A', 7], closesAt: 1, createdAt: 1 })
    props.set(itemId(3), null)
    props.set('nothex', { text: 'Q', options: ['A', 'B'], closesAt: NOW + HOUR, createdAt: NOW })
    w.d(outsider).doc.getMap('proposals').set(itemId(4), { text: 'Q', options: ['A', 'B'], closesAt: NOW + HOUR, createdAt: NOW })
    const ok = propose(w.d(cal), { text: 'Q', options: ['A', 'B'], closesAt: NOW + HOUR }, NOW)
    w.d(ann).doc.getMap('votes').set(ok, { option: 9, proposal: 'x', at: 1 })
    w.d(ben).doc.getMap('votes').set(ok, 'yes')
    expect(decisions(w.src(ann), NOW).map((x) => [x.id, x.voters])).toEqual([[ok, 0]])
    expect(codeOf(() => castVote(w.src(ann), w.d(ann), ok, 2, NOW))).toBe('INVALID_INPUT')
    expect(codeOf(() => castVote(w.src(ann), w.d(ann), makeRef(ben, itemId(1)), 0, NOW))).toBe('NOT_FOUND')
  })

  it('lists open decisions first, soonest closing first, then closed ones newest first', () => {
    const w = world()
    const late = propose(w.d(ann), { text: 'late', options: ['A', 'B'], closesAt: NOW + 10 * HOUR }, NOW)
    const soon = propose(w.d(ben), { text: 'soon', options: ['A', 'B'], closesAt: NOW + 2 * HOUR }, NOW)
    const done1 = propose(w.d(cal), { text: 'done1', options: ['A', 'B'], closesAt: NOW + 3 * HOUR }, NOW)
    const done2 = propose(w.d(cal), { text: 'done2', options: ['A', 'B'], closesAt: NOW + 4 * HOUR }, NOW)
    expect(decisions(w.src(ann), NOW + 5 * HOUR).map((x) => x.id)).toEqual([late, done2, done1, soon])
  })
})

describe('facilitation schedule', () => {
  it('lists slots in order with who holds the space now and who is next', () => {
    const w = world()
    const s = new ScheduleDoc(new Y.Doc())
    const a = s.add({ member: ann, from: NOW - HOUR, to: NOW + HOUR }, cal, NOW)
    const b = s.add({ member: ben, from: NOW + 100 * HOUR, to: NOW + 200 * HOUR }, cal, NOW)
    const v = scheduleView(s, w.src(ben), NOW)
    expect(v.entries.map((e) => [e.id, e.name, e.current])).toEqual([[a, 'Ann', true], [b, 'Ben', false]])
    expect(v.current?.id).toBe(a)
    expect(v.next?.id).toBe(b)
    expect(v.reminder).toBeNull()
    expect(scheduleView(s, w.src(ben), NOW + 100 * HOUR - REMIND_BEFORE_MS).reminder?.id).toBe(b)
    expect(scheduleView(s, w.src(ann), NOW).reminder?.id).toBe(a)
    // A week after a turn ends it leaves the view.
    expect(scheduleView(s, w.src(ann), NOW + HOUR + 7 * 24 * HOUR).entries.map((e) => e.id)).toEqual([a, b])
    expect(scheduleView(s, w.src(ann), NOW + HOUR + 7 * 24 * HOUR + 1).entries.map((e) => e.id)).toEqual([b])
    s.remove(a)
    expect(scheduleView(s, w.src(ann), NOW).entries.map((e) => e.id)).toEqual([b])
    expect(codeOf(() => s.remove(a))).toBe('NOT_FOUND')
  })

  it('refuses bad slots and leaves malformed or former members’ slots out', () => {
    const w = world()
    const s = new ScheduleDoc(new Y.Doc())
    expect(codeOf(() => s.add({ member: ann, from: NOW, to: NOW }, cal, NOW))).toBe('INVALID_INPUT')
    expect(codeOf(() => s.add({ member: ann, from: NOW, to: NOW + 32 * 24 * HOUR }, cal, NOW))).toBe('INVALID_INPUT')
    s.slots.set(itemId(1), { member: ann, from: NOW + 5, to: NOW + 1 })
    s.slots.set(itemId(2), { member: 'ann', from: NOW, to: NOW + 1 })
    s.slots.set(itemId(3), 'every tuesday')
    s.slots.set('zz', { member: ann, from: NOW, to: NOW + 1 })
    s.add({ member: outsider, from: NOW, to: NOW + HOUR }, cal, NOW)
    expect(scheduleView(s, w.src(ann), NOW).entries).toEqual([])
  })
})
