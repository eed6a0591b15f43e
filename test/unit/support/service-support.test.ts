/**
 * The support features at the service boundary, one real service on a temp profile: strict
 * schemas give coded errors, personal tools round-trip, the link opener is reached only for
 * addresses in the hotline list or the group's directory, readable copies refuse the profile
 * folder, and facilitators-only actions are refused with NOT_ALLOWED's plain words.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
/** Tests only: a cheap argon2id, as the other service tests use. */

async function setUp(opener?: (url: string) => Promise<boolean>) {
  const root = tempDir()
  const opened: string[] = []
  const svc = createService({
    profileDir: path.join(root, 'profile'), kdf: CHEAP_KDF,
    openLink: opener ?? (async (url) => (opened.push(url), true)),
  })
  await ok(svc.createProfile({ passphrase: PASS, name: 'Alder' }))
  const { id: groupId } = await ok(svc.createGroup({ name: 'Circle' }))
  return { svc, root, groupId, opened }
}

describe('support features through the service', () => {
  it('refuses malformed input with INVALID_INPUT and unknown items with NOT_FOUND', async () => {
    const { svc, groupId } = await setUp()
    const bad: [string, unknown][] = [
      ['saveSafetyPlan', { sections: { diary: 'x' } }],
      ['saveSafetyPlan', { sections: { goBag: 7 } }],
      ['saveJournalEntry', { occurredAt: '20 Nov', what: 'x' }],
      ['saveJournalEntry', { occurredAt: '2026-11-20T10:00', what: '' }],
      ['checkIn', { mood: 'fine' }],
      ['checkIn', { mood: 'good', shareWith: ['nope'] }],
      ['exportJournal', { path: '' }],
      ['addResource', { groupId, category: 'astrology', name: 'x', region: '', contact: '', url: null, notes: '' }],
      ['saveMeeting', { groupId, title: 'x', mode: 'online', startsAt: 1, minutes: 0, place: '', facilitator: 'a'.repeat(64), agenda: '' }],
      ['rsvp', { groupId, meetingId: 'x', answer: 'yes' }],
      ['openLink', { url: 'https://www.thehotline.org/', extra: 1 }],
    ]
    for (const [method, input] of bad) {
      const r = await svc.call(method, input)
      expect(r.ok ? 'OK' : r.error.code, method).toBe('INVALID_INPUT')
    }
    expect(await svc.removeJournalEntry({ id: '0123456789abcdef' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await svc.setTrainingProgress({ moduleId: 'no-such-module', completed: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await svc.rsvp({ groupId, meetingId: '0123456789abcdef', answer: 'yes' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await svc.checkIn({ mood: 'good', shareWith: ['f'.repeat(32)] })).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_FOUND' } })
    expect(await ok(svc.checkIns({}))).toEqual([]) // the failed share left nothing behind
    await svc.close()
  })

  it('keeps the personal tools across a lock and unlock', async () => {
    const { svc } = await setUp()
    await ok(svc.saveSafetyPlan({ sections: { codeWords: 'blue umbrella' } }))
    const e = await ok(svc.saveJournalEntry({ occurredAt: '2026-11-20T10:00', what: 'at the door' }))
    await ok(svc.setTrainingProgress({ moduleId: 'self-care', completed: true, notes: 'rest more' }))
    await ok(svc.checkIn({ mood: 'okay', note: 'fine' }))
    await ok(svc.lock({}))
    expect(await svc.safetyPlan({})).toMatchObject({ ok: false, error: { code: 'PROFILE_LOCKED' } })
    await ok(svc.unlock({ passphrase: PASS }))
    expect((await ok(svc.safetyPlan({}))).sections.codeWords).toBe('blue umbrella')
    expect((await ok(svc.journal({}))).map((x) => x.id)).toEqual([e.id])
    expect((await ok(svc.training({}))).find((m) => m.id === 'self-care')).toMatchObject({ notes: 'rest more' })
    expect((await ok(svc.checkIns({}))).map((c) => c.note)).toEqual(['fine'])
    await svc.close()
  })

  it('opens only links from the hotline list or this group’s directory, and only through the opener', async () => {
    const { svc, groupId, opened } = await setUp()
    expect(await svc.openLink({ url: 'https://www.thehotline.org/' })).toEqual({ ok: true, value: { opened: true } })
    expect(await svc.openLink({ url: 'https://law.example.org/', groupId })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    await ok(svc.addResource({ groupId, category: 'legal', name: 'Law centre', region: '', contact: '', url: 'https://law.example.org/', notes: '' }))
    expect(await svc.openLink({ url: 'https://law.example.org/' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect(await svc.openLink({ url: 'https://law.example.org/', groupId })).toEqual({ ok: true, value: { opened: true } })
    expect(await svc.openLink({ url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect(opened).toEqual(['https://www.thehotline.org/', 'https://law.example.org/'])
    await svc.close()

    const refusing = await setUp(async () => false)
    expect(await refusing.svc.openLink({ url: 'https://www.thehotline.org/' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    await refusing.svc.close()
  })

  it('writes readable copies only outside the profile folder', async () => {
    const { svc, root, groupId } = await setUp()
    const me = (await ok(svc.groupInfo({ groupId }))).me
    const meeting = await ok(svc.saveMeeting({ groupId, title: 'Circle', mode: 'online', startsAt: Date.UTC(2026, 11, 1, 18), minutes: 60, place: 'link', facilitator: me, agenda: '' }))
    mkdirSync(path.join(root, 'chosen'))
    for (const target of [path.join(root, 'profile', 'x.txt'), path.join(root, 'profile', 'logs', 'x.txt')]) {
      expect(await svc.exportJournal({ path: target })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
      expect(await svc.exportMeeting({ groupId, meetingId: meeting.id, path: target })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    }
    expect(await ok(svc.exportSafetyPlan({ path: path.join(root, 'chosen', 'plan.txt') }))).toEqual({ path: path.join(root, 'chosen', 'plan.txt') })
    expect(await ok(svc.exportJournal({ path: path.join(root, 'chosen', 'j.txt') }))).toEqual({ path: path.join(root, 'chosen', 'j.txt'), entries: 0 })
    await svc.close()
  })

  it('lets the facilitator write and read the debrief, rotating nothing while the facilitators stay the same', async () => {
    const { svc, groupId } = await setUp()
    await ok(svc.writeDebrief({ groupId, text: 'first' }))
    const v = await ok(svc.writeDebrief({ groupId, text: 'second' }))
    expect(v).toMatchObject({ canRead: true, holders: ['Alder'], sealed: 0 })
    expect(v.entries.map((e) => [e.text, e.by])).toEqual([['first', 'Alder'], ['second', 'Alder']])
    await svc.close()
  })
})
