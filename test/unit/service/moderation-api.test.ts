/**
 * The moderation, decision and rotation methods through the service boundary, on one real
 * profile: coded refusals for bad input, and the facilitator's own hide/restore cycle. What
 * several members see of each other is the integration suite's job (test/integration/moderation).
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createService } from '../../../core/service.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'
const NOW = 1_700_000_000_000

async function group() {
  let now = NOW
  const internal: unknown[] = []
  const svc = createService({ profileDir: path.join(tempDir(), 'p'), now: () => now, onInternalError: (e) => internal.push(e) })
  await ok(svc.createProfile({ passphrase: PASS, name: 'Fay' }))
  const { id: groupId } = await ok(svc.createGroup({ name: 'Circle' }))
  await ok(svc.setRules({ groupId, text: '1. Keep names and places out\n2. Speak from your own experience' }))
  const info = await ok(svc.groupInfo({ groupId }))
  return { svc, groupId, me: info.me, internal, tick: (ms: number) => (now += ms) }
}

const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? 'OK' : (r.error?.code ?? '?'))

describe('moderation methods', () => {
  it('refuses bad flags with coded errors and writes nothing', async () => {
    const { svc, groupId, me, internal } = await group()
    const { id } = await ok(svc.post({ groupId, text: 'hello' }))
    expect(code(await svc.flag({ groupId, to: id, reason: 'rule:1' }))).toBe('INVALID_INPUT')
    expect(code(await svc.flag({ groupId, to: `${me}:${'0'.repeat(16)}`, reason: 'other' }))).toBe('NOT_FOUND')
    expect(code(await svc.call('flag', { groupId, to: id, reason: 'rude' }))).toBe('INVALID_INPUT')
    expect(code(await svc.call('moderate', { groupId, to: id, action: 'delete' }))).toBe('INVALID_INPUT')
    expect(code(await svc.moderate({ groupId, to: id, action: 'hide' }))).toBe('INVALID_INPUT')
    expect(code(await svc.moderate({ groupId, to: id, action: 'hide', reason: 'rule:3' }))).toBe('INVALID_INPUT')
    expect(code(await svc.setMute({ groupId, member: me, level: 'mute' }))).toBe('INVALID_INPUT')
    expect(code(await svc.setMute({ groupId, member: 'ab'.repeat(32), level: 'mute' }))).toBe('NOT_FOUND')
    expect(await ok(svc.moderationQueue({ groupId }))).toEqual([])
    expect(internal).toEqual([])
    await svc.close()
  })

  it('a facilitator hides with a reason, the author is told why, a restore brings it back', async () => {
    const { svc, groupId } = await group()
    const { id } = await ok(svc.post({ groupId, text: 'we meet at the corner of Elm street' }))
    const hidden = await ok(svc.moderate({ groupId, to: id, action: 'hide', reason: 'rule:1', note: 'please leave out the street' }))
    expect(hidden).toMatchObject({ id, hidden: true, hiddenBy: 'facilitator', lastAction: { action: 'hide', byName: 'Fay', reason: 'Rule 1: Keep names and places out' } })
    const mine = (await ok(svc.feed({ groupId }))).posts.find((p) => p.id === id)
    expect(mine?.hidden).toEqual({ by: 'facilitator', reasons: [{ label: 'Rule 1: Keep names and places out', rule: 1, current: true, words: 'Keep names and places out', count: 1 }], note: 'please leave out the street', escalated: false })
    await ok(svc.edit({ groupId, id, text: 'we meet at the usual place' }))
    expect((await ok(svc.moderationQueue({ groupId })))[0]).toMatchObject({ id, hidden: true, editedSinceReview: true })
    const escalated = await ok(svc.moderate({ groupId, to: id, action: 'escalate', reason: 'other' }))
    expect(escalated).toMatchObject({ hidden: true, escalated: true })
    const restored = await ok(svc.moderate({ groupId, to: id, action: 'restore' }))
    expect(restored).toMatchObject({ hidden: false, lastAction: { action: 'restore' } })
    expect((await ok(svc.feed({ groupId }))).posts.find((p) => p.id === id)?.hidden).toBeUndefined()
    expect(await ok(svc.moderationQueue({ groupId }))).toEqual([])
    await svc.close()
  })
})

describe('group info for moderation', () => {
  it('names the rules as numbered items and the flag threshold (3 by default)', async () => {
    const { svc, groupId } = await group()
    const info = await ok(svc.groupInfo({ groupId }))
    expect(info.rules?.items).toEqual(['Keep names and places out', 'Speak from your own experience'])
    expect(info.flagThreshold).toBe(3)
    expect(info.rulesPending).toEqual([])
    await svc.close()
  })
})

describe('decisions and the rotation', () => {
  it('proposes, votes once (changing my mind), and refuses after the close', async () => {
    const { svc, groupId, tick } = await group()
    const d = await ok(svc.propose({ groupId, text: 'Move to Thursdays?', options: ['Yes', 'No'], closesAt: NOW + 3_600_000 }))
    expect(d).toMatchObject({ proposerName: 'Fay', counts: [0, 0], closed: false })
    await ok(svc.vote({ groupId, proposal: d.id, option: 0 }))
    expect(await ok(svc.vote({ groupId, proposal: d.id, option: 1 }))).toMatchObject({ counts: [0, 1], myVote: 1, voters: 1 })
    expect(code(await svc.vote({ groupId, proposal: d.id, option: 5 }))).toBe('INVALID_INPUT')
    expect(code(await svc.call('propose', { groupId, text: 'x', options: ['only one'], closesAt: NOW + 3_600_000 }))).toBe('INVALID_INPUT')
    tick(3_600_000)
    expect(code(await svc.vote({ groupId, proposal: d.id, option: 0 }))).toBe('DECISION_CLOSED')
    expect(await ok(svc.decisions({ groupId }))).toMatchObject([{ id: d.id, closed: true, counts: [0, 1] }])
    await svc.close()
  })

  it('schedules who holds the space, with a reminder for the one whose turn is near', async () => {
    const { svc, groupId, me } = await group()
    const v = await ok(svc.scheduleAdd({ groupId, member: me, from: NOW + 3_600_000, to: NOW + 7 * 86_400_000 }))
    expect(v.entries).toHaveLength(1)
    expect(v.reminder?.member).toBe(me)
    expect(v.next?.name).toBe('Fay')
    expect(code(await svc.scheduleAdd({ groupId, member: me, from: NOW, to: NOW - 1 }))).toBe('INVALID_INPUT')
    expect(code(await svc.scheduleAdd({ groupId, member: 'cd'.repeat(32), from: NOW, to: NOW + 1 }))).toBe('NOT_FOUND')
    expect((await ok(svc.scheduleRemove({ groupId, id: v.entries[0]!.id }))).entries).toEqual([])
    expect(code(await svc.scheduleRemove({ groupId, id: v.entries[0]!.id }))).toBe('NOT_FOUND')
    await svc.close()
  })
})
