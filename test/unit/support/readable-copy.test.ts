/**
 * readableCopy (core/group/copy-handlers.ts): the same words the path-based exports write, handed
 * back instead of written. One real service on a temp profile: nothing new lands on disk in
 * plaintext (canary scan of the whole temp root), a locked profile gives nothing, bad input and
 * unknown meetings get their codes.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { scanForCanaries } from '../../helpers/canary.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const NOW = Date.UTC(2026, 11, 6, 9)
const PLAN_CANARY = 'CANARY-copy-plan-HEARTH'
const JOURNAL_CANARY = 'CANARY-copy-journal-HEARTH'
const PLACE_CANARY = 'CANARY-copy-place-HEARTH'

describe('readableCopy', () => {
  it('gives the same words as the file exports, and writes nothing readable anywhere', async () => {
    const root = tempDir()
    const svc = createService({ profileDir: path.join(root, 'profile'), kdf: CHEAP_KDF, now: () => NOW })
    await ok(svc.createProfile({ passphrase: PASS, name: 'Alder' }))
    const { id: groupId } = await ok(svc.createGroup({ name: 'Circle' }))
    const me = (await ok(svc.groupInfo({ groupId }))).me
    await ok(svc.saveSafetyPlan({ sections: { safePlaces: `${PLAN_CANARY} at my aunt's` } }))
    await ok(svc.saveJournalEntry({ occurredAt: '2026-11-20T21:15', what: `${JOURNAL_CANARY} at the door` }))
    const meeting = await ok(svc.saveMeeting({ groupId, title: 'Thursday', mode: 'in-person', startsAt: Date.UTC(2026, 11, 10, 18), minutes: 60, place: PLACE_CANARY, facilitator: me, agenda: '' }))

    const plan = await ok(svc.readableCopy({ kind: 'safety-plan' }))
    const journal = await ok(svc.readableCopy({ kind: 'journal' }))
    const ics = await ok(svc.readableCopy({ kind: 'meeting', groupId, meetingId: meeting.id }))
    expect([plan.fileName, journal.fileName, ics.fileName]).toEqual(['safety-plan.txt', 'incident-record.txt', 'appointment.ics'])
    expect(ics.mediaType).toBe('text/calendar;charset=utf-8')
    // Neither file name says Hearth or names the group.
    for (const c of [plan, journal, ics]) expect(c.fileName).not.toMatch(/hearth|circle/i)

    // Nothing was written: no canary anywhere under the temp root (profile included).
    expect(scanForCanaries([root], [PLAN_CANARY, JOURNAL_CANARY, PLACE_CANARY])).toEqual([])

    // The same words the path-based exports write.
    const out = path.join(root, 'chosen')
    mkdirSync(out)
    await ok(svc.exportSafetyPlan({ path: path.join(out, 'plan.txt') }))
    await ok(svc.exportJournal({ path: path.join(out, 'journal.txt') }))
    await ok(svc.exportMeeting({ groupId, meetingId: meeting.id, path: path.join(out, 'm.ics') }))
    expect(plan.text).toBe(readFileSync(path.join(out, 'plan.txt'), 'utf8'))
    expect(journal.text).toBe(readFileSync(path.join(out, 'journal.txt'), 'utf8'))
    expect(ics.text).toBe(readFileSync(path.join(out, 'm.ics'), 'utf8'))
    expect(plan.text).toContain(PLAN_CANARY)
    rmSync(out, { recursive: true })

    // The meeting's own title only when asked for; the neutral one by default, as in the file.
    expect(ics.text).toContain('SUMMARY:Appointment')
    expect(ics.text).not.toContain('Thursday')
    expect((await ok(svc.readableCopy({ kind: 'meeting', groupId, meetingId: meeting.id, realTitle: true }))).text).toContain('SUMMARY:Thursday')

    // The group's words: the same text as exportGroup writes, under the same rule, and recorded.
    const html = await ok(svc.readableCopy({ kind: 'group', groupId, format: 'html' }))
    expect(html.fileName).toBe('group-record.html')
    expect(html.mediaType).toBe('text/html;charset=utf-8')
    const records = await ok(svc.exportRecords({ groupId }))
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ format: 'html' })
    mkdirSync(out)
    await ok(svc.exportGroup({ groupId, format: 'html', path: path.join(out, 'g.html') }))
    expect(html.text).toBe(readFileSync(path.join(out, 'g.html'), 'utf8'))
    expect(await ok(svc.exportRecords({ groupId }))).toHaveLength(2)
    rmSync(out, { recursive: true })

    expect(await svc.readableCopy({ kind: 'meeting', groupId, meetingId: '0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    for (const bad of [{ kind: 'vault' }, { kind: 'meeting', groupId }, { kind: 'journal', path: '/tmp/x' }, {}, { kind: 'group', groupId, format: 'archive' }, { kind: 'group', groupId, format: 'html', path: '/tmp/x' }]) {
      const r = await svc.call('readableCopy', bad)
      expect(r.ok ? 'OK' : r.error.code, JSON.stringify(bad)).toBe('INVALID_INPUT')
    }
    await ok(svc.lock({}))
    expect(await svc.readableCopy({ kind: 'safety-plan' })).toMatchObject({ ok: false, error: { code: 'PROFILE_LOCKED' } })
    await svc.close()
  })
})
