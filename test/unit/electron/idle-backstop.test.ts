/**
 * The main-process idle lock against the real service: it locks an unlocked profile once the
 * system has been idle for the stored limit, never earlier, and falls back to the default limit
 * when the setting is missing or damaged.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createService, type HearthService } from '../../../core/service.ts'
import { checkIdle, DEFAULT_LOCK_MINUTES, lockMinutesOf } from '../../../electron/idle-backstop.ts'
import { ok } from '../../helpers/service.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

let dir: string
let service: HearthService

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-idle-'))
  service = createService({ profileDir: path.join(dir, 'profile'), kdf: CHEAP_KDF })
  await ok(service.createProfile({ passphrase: 'a calm and long passphrase' }))
})

afterEach(async () => {
  await service.close()
  await rm(dir, { recursive: true, force: true })
})

async function unlocked(): Promise<boolean> {
  return (await ok(service.profileStatus({}))).unlocked
}

describe('main-process idle backstop', () => {
  it('reads the limit the renderer stored, with the default for anything unreadable', () => {
    expect(lockMinutesOf('{"lockAfterMinutes":12,"notifications":"off"}')).toBe(12)
    for (const bad of [null, '', 'not json', '[]', '{"lockAfterMinutes":0}', '{"lockAfterMinutes":241}', '{"lockAfterMinutes":2.5}', '{"lockAfterMinutes":"7"}']) {
      expect(lockMinutesOf(bad), String(bad)).toBe(DEFAULT_LOCK_MINUTES)
    }
  })

  it('locks at the stored limit and not a second before', async () => {
    await ok(service.writePersonal({ name: 'settings', text: JSON.stringify({ lockAfterMinutes: 2 }) }))
    expect(await checkIdle(service, () => 119)).toBe(false)
    expect(await unlocked()).toBe(true)
    expect(await checkIdle(service, () => 120)).toBe(true)
    expect(await unlocked()).toBe(false)
    // Already locked: nothing more to do, and no error.
    expect(await checkIdle(service, () => 10_000)).toBe(false)
  })

  it('uses the default limit when no setting was ever saved', async () => {
    expect(await checkIdle(service, () => DEFAULT_LOCK_MINUTES * 60 - 1)).toBe(false)
    expect(await unlocked()).toBe(true)
    expect(await checkIdle(service, () => DEFAULT_LOCK_MINUTES * 60)).toBe(true)
    expect(await unlocked()).toBe(false)
  })
})
