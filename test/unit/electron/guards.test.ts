import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeElectron, FakeWebContents, resetFakeElectron } from './fake-electron.ts'

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)

const { installGuards } = await import('../../../electron/guards.ts')

const RENDERER = path.resolve('/opt/hearth/dist/renderer')
const PERMISSIONS = ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'display-capture', 'unknown']

function install() {
  installGuards(fakeElectron.session.defaultSession as never, RENDERER)
  return fakeElectron.session.defaultSession
}

function request(url: string): boolean {
  const s = fakeElectron.session.defaultSession
  let cancel: boolean | undefined
  ;(s.beforeRequest as unknown as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel))
  if (cancel === undefined) throw new Error('the request filter never answered')
  return !cancel
}

describe('session and web-contents guards', () => {
  beforeEach(resetFakeElectron)

  it('denies every permission request and check, but clipboard writing from our own page', () => {
    const s = install()
    const ours = pathToFileURL(path.join(RENDERER, 'index.html')).href
    const ask = (permission: string, url: string) => {
      const callback = vi.fn()
      ;(s.permissionRequest as unknown as (...a: unknown[]) => void)({}, permission, callback, { requestingUrl: url })
      expect(callback, permission).toHaveBeenCalledOnce()
      return callback.mock.calls[0]?.[0] as boolean
    }
    const check = (permission: string, url: string) =>
      (s.permissionCheck as unknown as (...a: unknown[]) => unknown)({}, permission, 'file://', { requestingUrl: url })
    for (const permission of PERMISSIONS) {
      const expected = permission === 'clipboard-sanitized-write'
      expect(ask(permission, ours), permission).toBe(expected)
      expect(check(permission, ours), permission).toBe(expected)
      for (const stranger of ['file:///x', 'https://example.com/', pathToFileURL(RENDERER + '-evil/index.html').href]) {
        expect(ask(permission, stranger), `${permission} from ${stranger}`).toBe(false)
        expect(check(permission, stranger), `${permission} from ${stranger}`).toBe(false)
      }
    }
    expect((s.devicePermission as unknown as (...a: unknown[]) => unknown)({ deviceType: 'usb' })).toBe(false)
  })

  it('hardens web contents created later, not only the main window', () => {
    install()
    const late = new FakeWebContents()
    fakeElectron.app.emit('web-contents-created', {}, late)
    expect(late.fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(late.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('lets through only the packaged renderer files', () => {
    install()
    expect(request(pathToFileURL(path.join(RENDERER, 'index.html')).href)).toBe(true)
    expect(request(pathToFileURL(path.join(RENDERER, 'assets', 'index-abc.js')).href)).toBe(true)
    expect(request('data:image/png;base64,AAAA')).toBe(true)
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'ws://127.0.0.1:9000/',
      'file:///etc/passwd',
      pathToFileURL(RENDERER + '-evil/index.html').href,
      pathToFileURL(path.join(RENDERER, '..', 'electron', 'main.js')).href,
      'file://server/share/dist/renderer/index.html',
    ]) {
      expect(request(url), url).toBe(false)
    }
  })

  it('allows devtools resources only in development', () => {
    install()
    expect(request('devtools://devtools/bundled/inspector.html')).toBe(true)
    fakeElectron.app.isPackaged = true
    expect(request('devtools://devtools/bundled/inspector.html')).toBe(false)
  })
})
