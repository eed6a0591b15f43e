/**
 * Hardening that applies to every web contents and to the session, not to one window: if a
 * second window or a frame ever appears (by a bug or a future feature), it inherits the same
 * refusals. Items #5, #7 and #8 of the
 * team's Electron hardening checklist.
 */
import { app, type Session, type WebContents } from 'electron'
import { isRendererAsset } from './paths.ts'

/** No navigation away from the packaged page, no new windows, no <webview>. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/**
 * Permissions our own page may use. Writing to the clipboard lets "Copy" put an invite code there
 * (reading it is never allowed: the clipboard may hold anything the person copied elsewhere).
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/**
 * Camera, microphone, notifications, geolocation, clipboard reading, HID…: all refused. Only the
 * permissions named above are granted, and only to the packaged renderer files.
 */
export function denyAllPermissions(session: Session, rendererDir: string): void {
  const allowed = (permission: string, url: string | undefined): boolean =>
    ALLOWED_PERMISSIONS.has(permission) && url !== undefined && isRendererAsset(url, rendererDir)
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)))
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowed(permission, details.requestingUrl ?? requestingOrigin))
  session.setDevicePermissionHandler(() => false)
}

/**
 * The renderer never talks to the network: networking lives in main. The CSP already says so;
 * this is the second lock, enforced outside the page where a renderer bug cannot reach it.
 */
export function restrictRequests(session: Session, rendererDir: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRendererAsset(details.url, rendererDir) || details.url.startsWith('data:') ||
      (!app.isPackaged && details.url.startsWith('devtools:'))
    callback({ cancel: !allowed })
  })
}

export function installGuards(session: Session, rendererDir: string): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
  denyAllPermissions(session, rendererDir)
  restrictRequests(session, rendererDir)
}
