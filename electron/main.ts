/**
 * Electron entry: wiring only. Ready → service on the profile folder → IPC → window, plus the
 * quick-exit hotkey, locking when the computer sleeps or its screen locks, and the idle backstop.
 */
import path from 'node:path'
import { app, dialog, globalShortcut, Notification, powerMonitor, session, type BrowserWindow } from 'electron'
import { createService } from '../core/service.ts'
import { appNetwork } from './app-network.ts'
import { closeBeforeQuit } from './close-before-quit.ts'
import { startIdleBackstop } from './idle-backstop.ts'
import { installGuards } from './guards.ts'
import { createExternalOpener } from './open-external.ts'
import { registerIpc } from './ipc.ts'
import { startNotifier } from './notifier.ts'
import { registerSaveDialog } from './save-dialog.ts'
import { INDEX_FILE, isAppUrl, PRELOAD_FILE, RENDERER_DIR } from './paths.ts'
import { hideEverything, QUICK_EXIT_ACCELERATOR, registerQuickExit, showAgain } from './quick-exit.ts'
import { createMainWindow } from './window.ts'

app.enableSandbox()

async function start(): Promise<void> {
  await app.whenReady()
  installGuards(session.defaultSession, RENDERER_DIR)

  const service = createService({
    profileDir: path.join(app.getPath('userData'), 'profile'),
    // The main process has no WebRTC of its own: the renderer's RTCPeerConnection relays ciphertext (core/api/rtc-views.ts).
    webrtcInPage: true,
    network: appNetwork(process.env),
    // Core lets through only addresses from the hotline list or a group's curated directory (exact
    // URLs); this opener then holds each to https, that one host, no credentials and no port.
    openLink: async (url) => {
      const host = URL.canParse(url) ? new URL(url).hostname : ''
      return (await createExternalOpener(host ? [host] : [])(url)).ok
    },
    // Only the kind of fault: messages and stacks may carry paths or user data.
    onInternalError: (e) => console.error('hearth: internal fault', e instanceof Error ? e.name : typeof e),
  })
  let win: BrowserWindow | null = null

  registerIpc({ service, target: () => win?.webContents ?? null, isAppUrl, onQuickExit: hideEverything })
  registerSaveDialog({ dialog, window: () => win, target: () => win?.webContents ?? null, isAppUrl })
  win = createMainWindow({ indexFile: INDEX_FILE, preloadFile: PRELOAD_FILE })
  win.on('closed', () => (win = null))

  const notifier = startNotifier({
    service,
    isFocused: () => win?.isFocused() ?? false,
    show: (note, onclick) => {
      if (!Notification.isSupported()) return
      const n = new Notification({ title: note.title, body: note.body, silent: true })
      n.on('click', onclick)
      n.show()
    },
    onclick: () => showAgain(win),
    systemLanguages: () => app.getPreferredSystemLanguages(),
  })
  win.on('focus', () => notifier.focused())

  registerQuickExit(QUICK_EXIT_ACCELERATOR, () => {
    hideEverything()
    void service.lock({ reason: 'quick-exit' })
  })
  powerMonitor.on('suspend', () => void service.lock({ reason: 'system' }))
  powerMonitor.on('lock-screen', () => void service.lock({ reason: 'system' }))
  const stopIdleBackstop = startIdleBackstop(service, () => powerMonitor.getSystemIdleTime())

  // Starting Hearth again, or clicking its dock icon, brings back the (now locked) window.
  app.on('second-instance', () => showAgain(win))
  app.on('activate', () => showAgain(win))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    globalShortcut.unregisterAll()
    stopIdleBackstop()
    notifier.stop()
  })
  closeBeforeQuit(app, () => service.close())
}

// One instance per profile folder: a second one would race the first for the vault file.
if (app.requestSingleInstanceLock()) void start()
else app.quit()
