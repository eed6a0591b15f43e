/**
 * Quick exit from main: hide every window (and with it the taskbar entry), mute it, and let the
 * caller lock the profile. The renderer blanks itself too, but hiding here does not depend on a
 * responsive page.
 *
 * Default hotkey: Ctrl+Shift+X (Cmd+Shift+X on macOS), registered globally so it works even when
 * another app has focus. Not Cmd+Shift+Q, which logs out of macOS, and not a Ctrl+Alt chord,
 * which is AltGr on many Windows keyboard layouts and would swallow characters such as "@".
 * The page has its own trigger as well (Escape three times within 2 seconds).
 */
import { app, BrowserWindow, globalShortcut } from 'electron'

export const QUICK_EXIT_ACCELERATOR = 'CommandOrControl+Shift+X'

export function hideEverything(): void {
  for (const win of BrowserWindow.getAllWindows()) {
    win.webContents.setAudioMuted(true)
    win.hide()
  }
  if (process.platform === 'darwin') app.hide()
}

export function showAgain(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return
  win.webContents.setAudioMuted(false)
  win.show()
  win.focus()
}

/** False when another program already holds the chord; the in-page triggers still work then. */
export function registerQuickExit(accelerator: string, onQuickExit: () => void): boolean {
  try {
    return globalShortcut.register(accelerator, onQuickExit)
  } catch {
    return false
  }
}
