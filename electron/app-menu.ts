/**
 * The application menu, cut down to what a person needs (Electron hardening: no default menu).
 *
 * Electron's default menu reloads the page (Ctrl+R, which drops the unlocked screen's state),
 * opens developer tools, and its Help items open electronjs.org in the browser, outside Hearth's
 * link guard: a visit to a site nobody chose, from a person who may be watched. Its labels are
 * English whatever language Hearth speaks.
 *
 * - Windows and Linux: no menu at all (no menu bar on Alt). Copy and paste in text fields are the
 *   page's own there; zoom, which only the default menu gave, comes from `zoom-keys.ts`.
 * - macOS: a menu bar is always shown and copy/paste go through its Edit menu, so it keeps the
 *   app menu (About, Hide, Quit), Edit, zoom and Window: roles only, none of them navigates or
 *   opens anything.
 */
import type { MenuItemConstructorOptions } from 'electron'

export function menuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null
  return [
    { role: 'appMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ]
}

interface MenuApi {
  buildFromTemplate(template: MenuItemConstructorOptions[]): Electron.Menu
  setApplicationMenu(menu: Electron.Menu | null): void
}

/** Call once the app is ready and before the window opens, so the default menu never shows. */
export function installAppMenu(menu: MenuApi, platform: NodeJS.Platform = process.platform): void {
  const template = menuTemplate(platform)
  menu.setApplicationMenu(template ? menu.buildFromTemplate(template) : null)
}
