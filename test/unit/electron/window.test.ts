import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeElectron, FakeBrowserWindow, FakeWebContents, resetFakeElectron } from './fake-electron.ts'

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)

const { createMainWindow, hardenedWebPreferences, WINDOW_TITLE } = await import('../../../electron/window.ts')

const OPTS = { indexFile: '/opt/hearth/dist/renderer/index.html', preloadFile: '/opt/hearth/dist/electron/preload.cjs' }

const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
}

function open(): FakeBrowserWindow {
  createMainWindow(OPTS)
  const win = FakeBrowserWindow.all.at(-1)
  if (!win) throw new Error('no window was created')
  return win
}

describe('the main window', () => {
  beforeEach(resetFakeElectron)

  it('is created with hardened webPreferences and the preload', () => {
    const prefs = open().options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject(HARDENED)
    expect(prefs.preload).toBe(OPTS.preloadFile)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs).not.toHaveProperty('additionalArguments')
  })

  it('has devtools off when packaged and the spellchecker always off', () => {
    fakeElectron.app.isPackaged = true
    expect(hardenedWebPreferences('p')).toMatchObject({ devTools: false, spellcheck: false })
    fakeElectron.app.isPackaged = false
    expect(hardenedWebPreferences('p')).toMatchObject({ devTools: true, spellcheck: false })
    fakeElectron.app.isPackaged = true
    expect((open().options.webPreferences as Record<string, unknown>).devTools).toBe(false)
  })

  it('loads only the packaged index file, with content protection on', () => {
    const win = open()
    expect(win.loaded).toBe(OPTS.indexFile)
    expect(win.contentProtection).toBe(true)
    expect(win.visible).toBe(false)
    win.emit('ready-to-show')
    expect(win.visible).toBe(true)
  })

  it('keeps a neutral title that the page cannot change', () => {
    const win = open()
    expect(win.options.title).toBe(WINDOW_TITLE)
    expect(WINDOW_TITLE).not.toMatch(/abuse|support|survivor|violence|help|safety|group/i)
    let prevented = false
    win.emit('page-title-updated', { preventDefault: () => (prevented = true) }, 'Domestic abuse support')
    expect(prevented).toBe(true)
  })

  it('prevents navigation, frame navigation, redirects and webviews', () => {
    const wc: FakeWebContents = open().webContents
    expect(wc.fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(wc.fire('will-frame-navigate')).toBe(true)
    expect(wc.fire('will-redirect', 'https://example.com/')).toBe(true)
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true)
  })

  it('denies every window.open', () => {
    const handler = open().webContents.windowOpenHandler
    expect(handler).not.toBeNull()
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' })
    }
  })
})
