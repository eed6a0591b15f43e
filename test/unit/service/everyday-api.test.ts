/**
 * Issue 17 through the service boundary, on one real profile: the passphrase changed while the
 * profile stays unlocked (and the old one refused after), ground-rule templates, the last-read
 * position and unread counts, presence, a neutral calendar file by default, and a facilitator's
 * export of the group's words recorded for members to see.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const NEXT = 'a different passphrase entirely'

async function group() {
  let now = Date.UTC(2026, 11, 1, 12)
  const internal: unknown[] = []
  // The smallest argon2id cost the vault accepts: this test is about what happens, not the cost.
  const svc = createService({ profileDir: path.join(tempDir(), 'p'), now: () => now, onInternalError: (e) => internal.push(e), kdf: CHEAP_KDF })
  await ok(svc.createProfile({ passphrase: PASS, name: 'Fay' }))
  const { id: groupId } = await ok(svc.createGroup({ name: 'Circle' }))
  return { svc, groupId, internal, tick: (ms: number) => (now += ms) }
}

const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'OK' : (r.error?.code ?? '?'))

describe('everyday use through the service', { timeout: 30_000 }, () => {
  it('changes the passphrase and stays unlocked; the old passphrase is refused from then on', async () => {
    const { svc, groupId, internal } = await group()
    expect(code(await svc.changePassphrase({ current: 'not the passphrase', next: NEXT }))).toBe('WRONG_PASSPHRASE')
    expect(code(await svc.changePassphrase({ current: PASS, next: 'short' }))).toBe('WEAK_PASSPHRASE')
    expect(await ok(svc.changePassphrase({ current: PASS, next: NEXT }))).toMatchObject({ unlocked: true })
    // Still unlocked: the group opens and takes a post without asking again.
    expect(await ok(svc.post({ groupId, text: 'still here' }))).toHaveProperty('id')
    expect(code(await svc.checkPassphrase({ passphrase: PASS }))).toBe('WRONG_PASSPHRASE')
    await ok(svc.lock({}))
    expect(code(await svc.unlock({ passphrase: PASS }))).toBe('WRONG_PASSPHRASE')
    expect(await ok(svc.unlock({ passphrase: NEXT }))).toMatchObject({ unlocked: true })
    expect((await ok(svc.feed({ groupId }))).posts.map((p) => p.text)).toEqual(['still here'])
    expect(internal).toEqual([])
  })

  it('offers ground-rule templates a facilitator can save as numbered rules', async () => {
    const { svc, groupId } = await group()
    const templates = await ok(svc.ruleTemplates({}))
    expect(templates.length).toBeGreaterThanOrEqual(3)
    const words = templates.flatMap((t) => t.rules).join(' ').toLowerCase()
    for (const theme of ['stays here', 'judg', 'advice', 'step back', 'facilitators']) expect(words).toContain(theme)
    const first = templates[0]!
    const rules = await ok(svc.setRules({ groupId, text: first.rules.join('\n') }))
    expect(rules.items).toEqual(first.rules)
  })

  it('keeps a last-read position per section: marking read moves it forward, never back', async () => {
    const { svc, groupId, tick } = await group()
    const [before] = await ok(svc.unread({ groupId }))
    expect(before).toMatchObject({ groupId, lastReadAt: null, total: 0 })
    await ok(svc.post({ groupId, text: 'my own words never count' }))
    expect((await ok(svc.unread({})))[0]?.total).toBe(0)
    const t = tick(1000)
    const marked = await ok(svc.markRead({ groupId }))
    expect(marked.lastReadAt).toBe(t)
    expect((await ok(svc.markRead({ groupId, section: 'meetings', upTo: t - 500 }))).lastReadAt).toBe(t)
    expect((await ok(svc.feed({ groupId, marks: true }))).lastReadAt).toBe(t)
    expect(await ok(svc.feed({ groupId }))).not.toHaveProperty('lastReadAt')
    expect(code(await svc.call('markRead', { groupId, section: 'everything' }))).toBe('INVALID_INPUT')
  })

  it('stores my choice not to show as connected', async () => {
    const { svc, groupId } = await group()
    expect((await ok(svc.groupInfo({ groupId }))).presenceHidden).toBe(false)
    expect(await ok(svc.setPresence({ groupId, hidden: true }))).toEqual({ hidden: true })
    expect((await ok(svc.groupInfo({ groupId }))).presenceHidden).toBe(true)
  })

  it('writes a neutral calendar file by default, the real title only when asked', async () => {
    const { svc, groupId } = await group()
    const me = (await ok(svc.groupInfo({ groupId }))).me
    const m = await ok(svc.saveMeeting({ groupId, title: 'Survivors circle', mode: 'online', startsAt: Date.UTC(2026, 11, 3, 18), minutes: 60, place: 'the usual link', facilitator: me, agenda: 'Safety' }))
    const dir = tempDir()
    await ok(svc.exportMeeting({ groupId, meetingId: m.id, path: path.join(dir, 'a.ics') }))
    const neutral = await readFile(path.join(dir, 'a.ics'), 'utf8')
    expect(neutral).toContain('SUMMARY:Appointment')
    for (const leak of ['Survivors', 'Safety', groupId, m.id, 'Hearth']) expect(neutral).not.toContain(leak)
    await ok(svc.exportMeeting({ groupId, meetingId: m.id, path: path.join(dir, 'b.ics'), realTitle: true }))
    expect(await readFile(path.join(dir, 'b.ics'), 'utf8')).toContain('SUMMARY:Survivors circle')
  })

  it('records a facilitator’s export of the group’s words, not an export of their own words', async () => {
    const { svc, groupId } = await group()
    expect(await ok(svc.groupInfo({ groupId }))).toMatchObject({ groupExport: 'facilitators', invitePolicy: 'members-approved', invitePolicyChosen: true })
    await ok(svc.post({ groupId, text: 'hello' }))
    const dir = tempDir()
    await ok(svc.exportGroup({ groupId, format: 'md', path: path.join(dir, 'mine.md'), scope: 'mine' }))
    expect(await ok(svc.exportRecords({ groupId }))).toEqual([])
    await ok(svc.exportGroup({ groupId, format: 'html', path: path.join(dir, 'all.html'), topic: 'story' }))
    const records = await ok(svc.exportRecords({ groupId }))
    expect(records).toMatchObject([{ byName: 'Fay', format: 'html', topic: 'story', includeHidden: false, from: null, to: null }])
  })
})
