import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../../core/api.ts'
import { METHOD_NAMES } from '../../../core/schemas.ts'
import { createService, type HearthService } from '../../../core/service.ts'
import { FakeWebContents, invokeEvent, ipcHandlers, resetFakeElectron } from './fake-electron.ts'
import { CHEAP_KDF } from '../../helpers/cheap-kdf.ts'

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)

const { channelOf, EVENT_CHANNEL, registerIpc } = await import('../../../electron/ipc.ts')
const { isAppUrl } = await import('../../../electron/paths.ts')

const INDEX = path.resolve('/opt/hearth/dist/renderer/index.html')
const APP_URL = pathToFileURL(INDEX).href
const PASS = 'a calm and long passphrase'

let dir: string
let service: HearthService
let window: FakeWebContents
let quickExits: number
let dispose: () => void

async function invoke(method: string, input: unknown, event = invokeEvent(window, APP_URL)): Promise<Result<unknown>> {
  const handler = ipcHandlers.get(`hearth:${method}`)
  if (!handler) throw new Error(`no handler for ${method}`)
  return (await handler(event, input)) as Result<unknown>
}

beforeEach(async () => {
  resetFakeElectron()
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-ipc-'))
  service = createService({ profileDir: path.join(dir, 'profile'), kdf: CHEAP_KDF })
  window = new FakeWebContents()
  quickExits = 0
  dispose = registerIpc({
    service,
    target: () => window as never,
    isAppUrl: (url) => isAppUrl(url, INDEX),
    onQuickExit: () => quickExits++,
  })
})

afterEach(async () => {
  dispose()
  await service.close()
  await rm(dir, { recursive: true, force: true })
})

describe('IPC wiring', () => {
  it('registers exactly one channel per contract method', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `hearth:${m}`).sort())
    expect(channelOf('unlock')).toBe('hearth:unlock')
  })

  it('answers our own page', async () => {
    expect(await invoke('profileStatus', {})).toEqual({ ok: true, value: { exists: false, unlocked: false, retryAfterMs: 0 } })
  })

  it('refuses foreign senders with a coded error, and the service never sees the call', async () => {
    const spy = vi.spyOn(service, 'call')
    const stranger = new FakeWebContents()
    const foreign = [
      invokeEvent(window, 'https://evil.example/index.html'),
      invokeEvent(window, 'file:///tmp/other/index.html'),
      invokeEvent(window, 'file://server/opt/hearth/dist/renderer/index.html'),
      invokeEvent(window, 'about:blank'),
      invokeEvent(window, 'not a url'),
      invokeEvent(window, APP_URL, { url: APP_URL }),
      invokeEvent(stranger, APP_URL),
      { sender: window, senderFrame: null },
    ]
    for (const event of foreign) {
      const r = await invoke('createProfile', { passphrase: PASS }, event as never)
      expect(r.ok, JSON.stringify(event.senderFrame)).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('UNTRUSTED_SENDER')
    }
    expect(spy).not.toHaveBeenCalled()
    expect(await invoke('profileStatus', {})).toMatchObject({ ok: true, value: { exists: false } })
  })

  it('answers bad payloads from our own page with INVALID_INPUT', async () => {
    const bad: [string, unknown][] = [
      ['unlock', { passphrase: 42 }],
      ['unlock', 'not an object'],
      ['createProfile', { passphrase: PASS, extra: 1 }],
      ['createProfile', []],
      ['lock', { reason: 'because' }],
      ['destroyProfile', { confirm: 'yes' }],
      ['destroyProfile', {}],
      ['changePassphrase', { current: PASS }],
      ['profileStatus', { sneaky: true }],
    ]
    for (const [method, input] of bad) {
      const r = await invoke(method, input)
      expect(r.ok, `${method} ${JSON.stringify(input)}`).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT')
        expect(r.error.message).not.toContain(PASS)
      }
    }
    expect(await invoke('profileStatus', {})).toMatchObject({ ok: true, value: { exists: false } })
  })

  it('turns a throwing service into INTERNAL instead of a rejected invoke', async () => {
    vi.spyOn(service, 'call').mockRejectedValueOnce(new Error('boom /home/someone/secret'))
    const r = await invoke('profileStatus', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(r)).not.toContain('/home/someone')
  })

  it('forwards service events to the window on the event channel', async () => {
    expect(await invoke('createProfile', { passphrase: PASS })).toMatchObject({ ok: true, value: { unlocked: true } })
    expect(await invoke('lock', { reason: 'user' })).toMatchObject({ ok: true, value: { unlocked: false } })
    expect(window.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ event: 'unlocked', payload: {} }] },
      { channel: EVENT_CHANNEL, args: [{ event: 'locked', payload: { reason: 'user' } }] },
    ])
  })

  it('does not send to a destroyed window', async () => {
    window.destroyed = true
    await invoke('createProfile', { passphrase: PASS })
    expect(window.sent).toEqual([])
  })

  it('runs the quick-exit hook for a quick-exit lock from our page only', async () => {
    await invoke('lock', { reason: 'quick-exit' }, invokeEvent(window, 'https://evil.example/'))
    expect(quickExits).toBe(0)
    await invoke('lock', { reason: 'user' })
    expect(quickExits).toBe(0)
    expect(await invoke('lock', { reason: 'quick-exit' })).toMatchObject({ ok: true })
    expect(quickExits).toBe(1)
  })

  it('undoes every registration and subscription when disposed', async () => {
    dispose()
    expect(ipcHandlers.size).toBe(0)
    await service.createProfile({ passphrase: PASS })
    expect(window.sent).toEqual([])
    dispose = () => undefined
  })
})
