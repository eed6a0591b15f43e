/**
 * The personal support docs (safety plan, journal, check-ins, training progress) and their
 * readable copies, on plain Y.Docs: what is stored, what is read back, what bad input gets.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { changeSafetyPlan, READABLE_WARNING, readSafetyPlan, safetyPlanText } from '../../../core/model/safety-plan.ts'
import { journalText, readJournal, removeJournalEntry, saveJournalEntry } from '../../../core/model/journal.ts'
import { addPersonalCheckIn, addSharedCheckIn, readPersonalCheckIns, readSharedCheckIns } from '../../../core/model/check-ins.ts'
import { MODULE_IDS, readSharedTraining, readTraining, setProgress, shareTraining, TRAINING_MODULES } from '../../../core/model/training.ts'
import { codeOf } from '../model/support.ts'

const NOW = Date.UTC(2026, 10, 24, 9, 0)
const DAY = 86_400_000

describe('safety plan', () => {
  it('keeps each section on its own, clears one with an empty string, and refuses an unknown section', () => {
    const d = new Y.Doc()
    expect(readSafetyPlan(d)).toEqual({ sections: { warningSigns: '', safePlaces: '', peopleToCall: '', documents: '', goBag: '', codeWords: '' }, updatedAt: null })
    changeSafetyPlan(d, { safePlaces: 'my sister’s flat', codeWords: 'blue umbrella = call now' }, NOW)
    changeSafetyPlan(d, { goBag: 'passport, charger' }, NOW + 1)
    changeSafetyPlan(d, { codeWords: '' }, NOW + 2)
    const plan = readSafetyPlan(d)
    expect(plan.sections.safePlaces).toBe('my sister’s flat')
    expect(plan.sections.goBag).toBe('passport, charger')
    expect(plan.sections.codeWords).toBe('')
    expect(plan.updatedAt).toBe(NOW + 2)
    expect(codeOf(() => changeSafetyPlan(d, { nope: 'x' } as never, NOW))).toBe('INVALID_INPUT')
    expect(codeOf(() => changeSafetyPlan(d, { goBag: 'x'.repeat(10_001) }, NOW))).toBe('INVALID_INPUT')
  })

  it('writes a readable copy that opens with the warning and holds only the sections written', () => {
    const d = new Y.Doc()
    changeSafetyPlan(d, { warningSigns: 'he checks my phone', documents: 'copies at work' }, NOW)
    const text = safetyPlanText(readSafetyPlan(d), NOW)
    expect(text.indexOf(READABLE_WARNING)).toBeGreaterThan(0)
    expect(text.indexOf(READABLE_WARNING)).toBeLessThan(text.indexOf('he checks my phone'))
    expect(text.indexOf('WARNING SIGNS')).toBeLessThan(text.indexOf('DOCUMENTS TO KEEP READY'))
    expect(text).not.toContain('GO-BAG')
    expect(text).toContain('Written out by Hearth on November 24, 2026.')
  })
})

describe('journal', () => {
  it('adds, orders by when it happened, changes and removes entries', () => {
    const d = new Y.Doc()
    const late = saveJournalEntry(d, { occurredAt: '2026-11-20T22:15', what: 'shouting at the door', witnesses: 'neighbour', evidence: 'photo on work laptop' }, NOW)
    const early = saveJournalEntry(d, { occurredAt: '2026-10-02T08:00', what: 'took my keys' }, NOW + 1)
    expect(readJournal(d).map((e) => e.id)).toEqual([early, late])
    saveJournalEntry(d, { id: early, occurredAt: '2026-10-02T08:30', what: 'took my keys and phone' }, NOW + 5)
    const e = readJournal(d)[0]
    expect(e).toMatchObject({ id: early, occurredAt: '2026-10-02T08:30', what: 'took my keys and phone', witnesses: '', createdAt: NOW + 1, updatedAt: NOW + 5 })
    removeJournalEntry(d, late)
    expect(readJournal(d).map((x) => x.id)).toEqual([early])
  })

  it('refuses a missing date or text and an unknown id, and skips a malformed stored entry', () => {
    const d = new Y.Doc()
    expect(codeOf(() => saveJournalEntry(d, { occurredAt: '2026-13-01T10:00', what: 'x' }, NOW))).toBe('INVALID_INPUT')
    expect(codeOf(() => saveJournalEntry(d, { occurredAt: '2026-11-01T10:00', what: '  ' }, NOW))).toBe('INVALID_INPUT')
    expect(codeOf(() => saveJournalEntry(d, { id: '0123456789abcdef', occurredAt: '2026-11-01T10:00', what: 'x' }, NOW))).toBe('NOT_FOUND')
    expect(codeOf(() => removeJournalEntry(d, '0123456789abcdef'))).toBe('NOT_FOUND')
    const bad = new Y.Map<unknown>()
    d.getMap('entries').set('00000000000000aa', bad)
    bad.set('occurredAt', 'yesterday')
    bad.set('createdAt', 1)
    expect(readJournal(d)).toEqual([])
  })

  it('writes a readable, dated record with the warning, oldest first', () => {
    const d = new Y.Doc()
    saveJournalEntry(d, { occurredAt: '2026-11-20T22:15', what: 'second thing', witnesses: 'Sam' }, NOW)
    saveJournalEntry(d, { occurredAt: '2026-11-01T07:05', what: 'first thing', evidence: 'screenshots with my advocate' }, NOW)
    const text = journalText(readJournal(d), NOW)
    expect(text).toContain(READABLE_WARNING)
    // The time it happened, as typed (no zone), in the reader's style; never shifted to UTC.
    expect(text).toMatch(/^1\. November 1, 2026 at 7:05\sAM$/m)
    expect(text).toMatch(/^2\. November 20, 2026 at 10:15\sPM$/m)
    expect(text.indexOf('first thing')).toBeLessThan(text.indexOf('second thing'))
    expect(text).toContain('screenshots with my advocate')
    expect(text).toContain('Entries: 2, oldest first.')
  })
})

describe('check-ins', () => {
  it('keeps my check-ins newest first with the groups they went to', () => {
    const d = new Y.Doc()
    addPersonalCheckIn(d, 'aaaaaaaaaaaaaaaa', { at: NOW - DAY, mood: 'low', note: 'tired', sharedWith: [] })
    addPersonalCheckIn(d, 'bbbbbbbbbbbbbbbb', { at: NOW, mood: 'good', note: '', sharedWith: ['g1'] })
    expect(readPersonalCheckIns(d).map((c) => [c.mood, c.sharedWith])).toEqual([['good', ['g1']], ['low', []]])
    expect(codeOf(() => addPersonalCheckIn(d, 'cccccccccccccccc', { at: NOW, mood: 'angry' as never, note: '', sharedWith: [] }))).toBe('INVALID_INPUT')
  })

  it('shows the group each member’s latest shared check-in of the last two weeks, and skips malformed ones', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    addSharedCheckIn(a, 'aaaaaaaaaaaaaaaa', { at: NOW - 2 * DAY, mood: 'low', note: 'rough week' })
    addSharedCheckIn(a, 'bbbbbbbbbbbbbbbb', { at: NOW - DAY, mood: 'okay', note: 'better' })
    addSharedCheckIn(b, 'cccccccccccccccc', { at: NOW - 30 * DAY, mood: 'struggling', note: 'old' })
    b.getMap('checkins').set('dddddddddddddddd', { at: NOW, mood: 'good', note: 7 })
    const shown = readSharedCheckIns(new Map([['A', a], ['B', b]]), (id) => `name-${id}`, NOW)
    expect(shown).toEqual([{ memberId: 'A', name: 'name-A', at: NOW - DAY, mood: 'okay', note: 'better' }])
  })
})

describe('training', () => {
  it('ships modules written for Hearth, each with reflection questions', () => {
    expect(TRAINING_MODULES.map((m) => m.id)).toEqual(['abuse-dynamics', 'active-listening', 'trauma-informed', 'self-care', 'facilitating', 'resolving-conflict'])
    for (const m of TRAINING_MODULES) {
      expect(m.questions.length).toBeGreaterThanOrEqual(3)
      expect(m.sections.length).toBeGreaterThanOrEqual(2)
      expect(m.title.length).toBeGreaterThan(3)
    }
  })

  it('keeps progress and notes personally; sharing puts only completed module ids in the member doc', () => {
    const personal = new Y.Doc()
    setProgress(personal, 'active-listening', { completed: true, notes: 'private reflection' }, NOW)
    setProgress(personal, 'self-care', { notes: 'not done yet' }, NOW)
    expect(codeOf(() => setProgress(personal, 'nope', { completed: true }, NOW))).toBe('NOT_FOUND')
    const modules = readTraining(personal)
    expect(modules.find((m) => m.id === 'active-listening')).toMatchObject({ completedAt: NOW, notes: 'private reflection' })
    expect(modules.find((m) => m.id === 'self-care')).toMatchObject({ completedAt: null, notes: 'not done yet' })

    const member = new Y.Doc()
    shareTraining(member, modules, true)
    expect(JSON.stringify(member.getMap('training').toJSON())).not.toContain('private reflection')
    expect(readSharedTraining('M', member, 'Ash', false)).toEqual({ memberId: 'M', name: 'Ash', me: false, completed: ['active-listening'], prepared: false })
    for (const id of MODULE_IDS) setProgress(personal, id, { completed: true }, NOW)
    shareTraining(member, readTraining(personal), true)
    expect(readSharedTraining('M', member, 'Ash', false).prepared).toBe(true)
    shareTraining(member, readTraining(personal), false)
    expect(readSharedTraining('M', member, 'Ash', false).completed).toEqual([])
  })
})
