/**
 * A test double of the slice of Electron's main-process API that electron/ uses. It records
 * what our code asks for (window options, handlers, registrations) so tests can fire those
 * handlers the way Electron would. Tests install it with
 *   vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)
 * and call `resetFakeElectron()` in beforeEach.
 */
import { EventEmitter } from 'node:events'
import os from 'node:os'
import { vi } from 'vitest'

type Handler = (...args: never[]) => unknown

/** Fires a cancellable Electron event and says whether a listener prevented it. */
function fireCancellable(target: EventEmitter, name: string, ...rest: unknown[]): boolean {
  let prevented = false
  target.emit(name, { preventDefault: () => (prevented = true) }, ...rest)
  return prevented
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  sent: { channel: string; args: unknown[] }[] = []
  audioMuted = false
  destroyed = false
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = h
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args })
  }
  setAudioMuted(m: boolean) {
    this.audioMuted = m
  }
  isDestroyed() {
    return this.destroyed
  }
  fire(name: string, ...rest: unknown[]): boolean {
    return fireCancellable(this, name, ...rest)
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = []
  static getAllWindows() {
    return [...FakeBrowserWindow.all]
  }
  readonly webContents = new FakeWebContents()
  contentProtection = false
  visible = false
  loaded: string | null = null
  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.all.push(this)
  }
  setContentProtection(on: boolean) {
    this.contentProtection = on
  }
  async loadFile(file: string) {
    this.loaded = file
  }
  async loadURL(url: string) {
    this.loaded = url
  }
  show() {
    this.visible = true
  }
  hide() {
    this.visible = false
  }
  focused = false
  focus() {}
  isFocused() {
    return this.focused
  }
  isDestroyed() {
    return false
  }
}

/** Electron's Notification: records every one shown, so a test can read what it would have said. */
export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = []
  static supported = true
  static isSupported() {
    return FakeNotification.supported
  }
  constructor(readonly options: { title?: string; body?: string; silent?: boolean }) {
    super()
  }
  show() {
    FakeNotification.shown.push(this)
  }
}

/** The system dialogs: each answers with whatever a test put in `next`. */
export const fakeDialog = {
  nextSave: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  nextOpen: { canceled: true, filePaths: [] as string[] },
  showSaveDialog: vi.fn(async (_win: unknown, _opts: unknown) => fakeDialog.nextSave),
  showOpenDialog: vi.fn(async (_win: unknown, _opts: unknown) => fakeDialog.nextOpen),
}

export class FakeSession {
  permissionRequest: Handler | null = null
  permissionCheck: Handler | null = null
  devicePermission: Handler | null = null
  beforeRequest: Handler | null = null
  setPermissionRequestHandler(h: Handler) {
    this.permissionRequest = h
  }
  setPermissionCheckHandler(h: Handler) {
    this.permissionCheck = h
  }
  setDevicePermissionHandler(h: Handler) {
    this.devicePermission = h
  }
  webRequest = { onBeforeRequest: (h: Handler) => (this.beforeRequest = h) }
}

class FakeApp extends EventEmitter {
  isPackaged = false
  userData = os.tmpdir()
  sandboxEnabled = false
  hidden = false
  enableSandbox() {
    this.sandboxEnabled = true
  }
  whenReady() {
    return Promise.resolve()
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`fake app has no path ${name}`)
    return this.userData
  }
  requestSingleInstanceLock() {
    return true
  }
  getPreferredSystemLanguages() {
    return ['en-US']
  }
  quits = 0
  /** Electron's quit fires will-quit, which a listener may cancel; the double does the same. */
  quit() {
    this.quits++
    this.fire('will-quit')
  }
  fire(name: string, ...rest: unknown[]): boolean {
    return fireCancellable(this, name, ...rest)
  }
  hide() {
    this.hidden = true
  }
}

/** The double behind shell.openExternal, reachable without naming the banned member. */
export const openExternalSpy = vi.fn(async (_url: string, _opts?: unknown) => undefined)

export const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
export const shortcuts = new Map<string, () => void>()

export const fakeElectron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession: new FakeSession() },
  powerMonitor: Object.assign(new EventEmitter(), { idleSeconds: 0, getSystemIdleTime(this: { idleSeconds: number }) { return this.idleSeconds } }),
  shell: { openExternal: openExternalSpy },
  dialog: fakeDialog,
  Notification: FakeNotification,
  ipcMain: {
    handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
      ipcHandlers.set(channel, fn)
    },
    removeHandler(channel: string) {
      ipcHandlers.delete(channel)
    },
  },
  globalShortcut: {
    register: vi.fn((accelerator: string, fn: () => void) => {
      shortcuts.set(accelerator, fn)
      return true
    }),
    unregisterAll: vi.fn(() => shortcuts.clear()),
  },
}

export function resetFakeElectron(): void {
  FakeBrowserWindow.all = []
  ipcHandlers.clear()
  shortcuts.clear()
  fakeElectron.app.removeAllListeners()
  fakeElectron.app.isPackaged = false
  fakeElectron.app.hidden = false
  fakeElectron.app.userData = os.tmpdir()
  fakeElectron.powerMonitor.removeAllListeners()
  fakeElectron.powerMonitor.idleSeconds = 0
  fakeElectron.session.defaultSession = new FakeSession()
  openExternalSpy.mockClear()
  FakeNotification.shown = []
  FakeNotification.supported = true
  fakeDialog.nextSave = { canceled: true, filePath: '' }
  fakeDialog.nextOpen = { canceled: true, filePaths: [] }
  fakeDialog.showSaveDialog.mockClear()
  fakeDialog.showOpenDialog.mockClear()
  fakeElectron.globalShortcut.register.mockClear()
}

/** An IPC invoke event as Electron builds it, from a given frame of a given web contents. */
export function invokeEvent(sender: FakeWebContents, url: string, parent: unknown = null) {
  return { sender, senderFrame: { url, parent } }
}
