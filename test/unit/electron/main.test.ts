/**
 * electron/main.ts runs on import, as Electron runs it. With the Electron double in place this
 * checks the wiring end to end: real service on <userData>/profile, IPC, window, quick exit,
 * locking on sleep and screen lock.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Result } from '../../../core/api.ts'
import { METHOD_NAMES } from '../../../core/schemas.ts'
import { startTestnet } from '../../integration/net/net-harness.ts'
import { fakeElectron, FakeBrowserWindow, invokeEvent, ipcHandlers, openExternalSpy, resetFakeElectron, shortcuts } from './fake-electron.ts'

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)

const { INDEX_FILE, PRELOAD_FILE } = await import('../../../electron/paths.ts')
const { QUICK_EXIT_ACCELERATOR } = await import('../../../electron/quick-exit.ts')

const PASS = 'a calm and long passphrase'
let userData: string
let testnet: { bootstrap: { host: string; port: number }[]; destroy(): Promise<void> } | null = null

function mainWindow(): FakeBrowserWindow {
  const win = FakeBrowserWindow.all[0]
  if (!win) throw new Error('main.ts created no window')
  return win
}

async function call(method: string, input: unknown): Promise<Result<unknown>> {
  const handler = ipcHandlers.get(`hearth:${method}`)
  if (!handler) throw new Error(`no handler for ${method}`)
  return (await handler(invokeEvent(mainWindow().webContents, pathToFileURL(INDEX_FILE).href), input)) as Result<unknown>
}

async function unlocked(): Promise<boolean> {
  const r = await call('profileStatus', {})
  if (!r.ok) throw new Error(r.error.code)
  return (r.value as { unlocked: boolean }).unlocked
}

beforeAll(async () => {
  resetFakeElectron()
  userData = await mkdtemp(path.join(os.tmpdir(), 'hearth-main-'))
  fakeElectron.app.userData = userData
  // The app meets its groups on the public DHT; here, on a loopback testnet (electron/app-network.ts).
  testnet = await startTestnet()
  process.env.HEARTH_BOOTSTRAP = `${testnet.bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
  await import('../../../electron/main.ts')
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1), { timeout: 30_000 })
}, 90_000) // hang guards only: importing main.ts loads the whole node (core) through the transform

afterAll(async () => {
  // Quitting waits for the node to close (close-before-quit.ts): only then may the folder go.
  fakeElectron.app.quit()
  await vi.waitFor(() => expect(fakeElectron.app.quits).toBe(2), { timeout: 15_000 })
  await rm(userData, { recursive: true, force: true })
  delete process.env.HEARTH_BOOTSTRAP
  await testnet?.destroy()
}, 30_000)

describe('electron/main.ts wiring', () => {
  it('forces the sandbox and opens one hardened window on the packaged files', () => {
    expect(fakeElectron.app.sandboxEnabled).toBe(true)
    const win = mainWindow()
    expect(win.loaded).toBe(INDEX_FILE)
    expect(win.options.webPreferences).toMatchObject({ preload: PRELOAD_FILE, sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(fakeElectron.session.defaultSession.permissionRequest).not.toBeNull()
    expect(fakeElectron.session.defaultSession.beforeRequest).not.toBeNull()
  })

  it('registers every contract method, the two dialog calls, and keeps the profile under userData/profile', async () => {
    expect([...ipcHandlers.keys()].sort()).toEqual([...METHOD_NAMES.map((m) => `hearth:${m}`), 'hearth-shell:choose-open-path', 'hearth-shell:choose-save-path'].sort())
    expect(await call('createProfile', { passphrase: PASS })).toMatchObject({ ok: true, value: { exists: true, unlocked: true } })
    expect(existsSync(path.join(userData, 'profile'))).toBe(true)
  })

  it('puts the groups it holds on the network', async () => {
    if (!(await unlocked())) await call('unlock', { passphrase: PASS })
    const group = await call('createGroup', { name: 'Circle', pseudonym: 'Alder' })
    expect(group, JSON.stringify(group)).toMatchObject({ ok: true })
    const groupId = (group as { value: { id: string } }).value.id
    await vi.waitFor(async () => expect(await call('groupStatus', { groupId })).toMatchObject({ ok: true, value: { online: true } }), { timeout: 30_000 })
  }, 60_000)

  it('quick-exit hotkey hides and mutes every window and locks the profile', async () => {
    if (!(await unlocked())) await call('unlock', { passphrase: PASS })
    mainWindow().show()
    const quickExit = shortcuts.get(QUICK_EXIT_ACCELERATOR)
    expect(quickExit).toBeTypeOf('function')
    quickExit?.()
    expect(mainWindow().visible).toBe(false)
    expect(mainWindow().webContents.audioMuted).toBe(true)
    await vi.waitFor(async () => expect(await unlocked()).toBe(false))
  })

  it('starting Hearth again brings the window back, still locked', async () => {
    fakeElectron.app.emit('second-instance')
    expect(mainWindow().visible).toBe(true)
    expect(mainWindow().webContents.audioMuted).toBe(false)
    expect(await unlocked()).toBe(false)
  })

  it.each(['suspend', 'lock-screen'])('locks the profile on %s', async (event) => {
    expect(await call('unlock', { passphrase: PASS })).toMatchObject({ ok: true })
    fakeElectron.powerMonitor.emit(event)
    await vi.waitFor(async () => expect(await unlocked()).toBe(false))
  })

  it('a quick-exit lock from the page also hides the window', async () => {
    mainWindow().show()
    expect(await call('lock', { reason: 'quick-exit' })).toMatchObject({ ok: true })
    expect(mainWindow().visible).toBe(false)
  })

  it('opens a listed hotline link through the allowlisted opener, and nothing unlisted', async () => {
    if (!(await unlocked())) await call('unlock', { passphrase: PASS })
    openExternalSpy.mockClear()
    expect(await call('openLink', { url: 'https://www.thehotline.org/' })).toEqual({ ok: true, value: { opened: true } })
    expect(openExternalSpy).toHaveBeenCalledTimes(1)
    expect(openExternalSpy.mock.calls[0]?.[0]).toBe('https://www.thehotline.org/')
    expect(await call('openLink', { url: 'https://unlisted.example/' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect(openExternalSpy).toHaveBeenCalledTimes(1)
  })
})
