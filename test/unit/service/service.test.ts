import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LockReason } from '../../../core/api.ts'
import { createService } from '../../../core/service.ts'
import { METHOD_NAMES } from '../../../core/schemas.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const PASS = 'correct horse battery staple'

function service() {
  const internal: unknown[] = []
  const svc = createService({ profileDir: path.join(tempDir(), 'profile'), onInternalError: (e) => internal.push(e) })
  return { svc, internal }
}

describe('service boundary', () => {
  it('answers every kind of bad input with a coded error, never a throw', async () => {
    const { svc, internal } = service()
    const bad: [unknown, unknown][] = [
      ['nope', {}],
      [42, {}],
      ['__proto__', {}],
      ['toString', {}],
      ['unlock', { passphrase: 42 }],
      ['unlock', { passphrase: '' }],
      ['unlock', { passphrase: PASS, extra: true }],
      ['unlock', 'not an object'],
      ['unlock', null],
      ['destroyProfile', { confirm: 'yes' }],
      ['lock', { reason: 'because' }],
      ['changePassphrase', { current: PASS }],
    ]
    for (const [method, input] of bad) {
      const r = await svc.call(method, input)
      expect(r.ok, `${String(method)} ${JSON.stringify(input)}`).toBe(false)
      if (!r.ok) expect(['UNKNOWN_METHOD', 'INVALID_INPUT']).toContain(r.error.code)
    }
    expect(internal).toEqual([])
  })

  it('never echoes a rejected value in its error message', async () => {
    const { svc } = service()
    const secret = 'x'.repeat(5000)
    const r = await svc.call('unlock', { passphrase: secret })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(JSON.stringify(r)).not.toContain('xxxxxxxx')
  })

  it('exposes every contract method', () => {
    const { svc } = service()
    for (const m of METHOD_NAMES) expect(typeof svc[m]).toBe('function')
    expect(METHOD_NAMES).toEqual(expect.arrayContaining(['createProfile', 'unlock', 'lock', 'changePassphrase', 'destroyProfile', 'post', 'feed']))
  })
})

describe('profile through the service', () => {
  it('creates, locks, unlocks and destroys, with events', async () => {
    const { svc } = service()
    const events: string[] = []
    svc.on('locked', (e: { reason: LockReason }) => events.push(`locked:${e.reason}`))
    const off = svc.on('unlocked', () => events.push('unlocked'))

    expect(await svc.profileStatus({})).toEqual({ ok: true, value: { exists: false, unlocked: false, retryAfterMs: 0 } })
    expect(await svc.createProfile({ passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } })
    expect(await svc.createProfile({ passphrase: PASS })).toMatchObject({ ok: true, value: { exists: true, unlocked: true } })
    expect(await svc.lock({ reason: 'quick-exit' })).toMatchObject({ ok: true, value: { unlocked: false } })
    expect(await svc.unlock({ passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })
    expect(await svc.unlock({ passphrase: PASS })).toMatchObject({ ok: true, value: { unlocked: true } })
    off()
    expect(await svc.changePassphrase({ current: PASS, next: 'another good passphrase' })).toMatchObject({ ok: true })
    expect(await svc.destroyProfile({ confirm: true })).toEqual({ ok: true, value: { exists: false, unlocked: false, retryAfterMs: 0 } })
    expect(events).toEqual(['unlocked', 'locked:quick-exit', 'unlocked', 'locked:destroyed'])
  })

  it('reports the back-off wait in status and in the error', async () => {
    let t = 1_000_000
    const dir = path.join(tempDir(), 'profile')
    const svc = createService({ profileDir: dir, now: () => t })
    await svc.createProfile({ passphrase: PASS })
    await svc.lock({})
    for (let i = 0; i < 3; i++) await svc.unlock({ passphrase: 'wrong passphrase' })
    expect(await svc.unlock({ passphrase: PASS })).toEqual({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: expect.any(String), retryAfterMs: 1000 },
    })
    expect(await svc.profileStatus({})).toMatchObject({ ok: true, value: { retryAfterMs: 1000 } })
    t += 1000
    expect(await svc.unlock({ passphrase: PASS })).toMatchObject({ ok: true })
  })

  it('a listener that throws does not break the call', async () => {
    const { svc, internal } = service()
    svc.on('unlocked', () => {
      throw new Error('listener bug')
    })
    expect(await svc.createProfile({ passphrase: PASS })).toMatchObject({ ok: true })
    expect(internal).toHaveLength(1)
  })
})

describe('group settings through the service', () => {
  it('renames the group and changes its topics; posts then use the new topics', async () => {
    const { svc } = service()
    await svc.createProfile({ passphrase: PASS, name: 'Wren' })
    const g = await svc.createGroup({ name: 'Circle' })
    if (!g.ok) throw new Error(g.error.code)
    const groupId = g.value.id
    const info = await svc.updateSettings({ groupId, name: 'Evening circle', topics: [{ id: 'check-in', label: 'Check-in' }, { id: 'poems', label: 'Poems' }] })
    expect(info).toMatchObject({ ok: true, value: { name: 'Evening circle', topics: [{ id: 'check-in' }, { id: 'poems' }] } })
    expect(await svc.post({ groupId, text: 'a poem', topic: 'poems' })).toMatchObject({ ok: true })
    expect(await svc.post({ groupId, text: 'a story', topic: 'story' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await svc.close()
  })
})
