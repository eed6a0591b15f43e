/**
 * The one app window, created hardened (Electron hardening checklist #1, #5, #11, #12). Its title stays
 * "Hearth" whatever the page sets, so a glance at the taskbar gives nothing away.
 */
import { app, BrowserWindow, type WebPreferences } from 'electron'
import { hardenContents } from './guards.ts'
import { installZoomKeys } from './zoom-keys.ts'

export const WINDOW_TITLE = 'Hearth'

export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // The spellchecker downloads dictionaries from Google and sees every word typed.
    spellcheck: false,
    devTools: !app.isPackaged,
    safeDialogs: true,
    autoplayPolicy: 'user-gesture-required',
  }
}

export interface MainWindowOptions {
  indexFile: string
  preloadFile: string
}

export function createMainWindow({ indexFile, preloadFile }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 960,
    height: 720,
    minWidth: 480,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preloadFile),
  })
  // Keeps screenshots and screen sharing out on Windows and macOS; Linux ignores it.
  win.setContentProtection(true)
  hardenContents(win.webContents)
  installZoomKeys(win.webContents)
  win.on('page-title-updated', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  void win.loadFile(indexFile)
  return win
}
