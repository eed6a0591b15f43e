/**
 * Zoom by keyboard without a menu: Ctrl (⌘ on macOS) with +/= to enlarge, - to shrink, 0 to reset.
 * Electron's default menu gave these; `app-menu.ts` removes that menu on Windows and Linux, and
 * a person with low vision must not lose them. macOS keeps them in its View menu, so there the
 * keys are left to the menu.
 *
 * Chromium's zoom level is a power of 1.2: level 0 is 100%, each step of 0.5 is about 9.5%, and the
 * bounds (-3 … 5) give about 58% … 249%, past the 200% the fit tests check.
 */
import type { Event, Input, WebContents } from 'electron'

export const ZOOM_STEP = 0.5
export const ZOOM_MIN = -3
export const ZOOM_MAX = 5

/** The new zoom level for a key press, or null when the press is not a zoom key. */
export function zoomFor(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt'>, level: number): number | null {
  if (input.type !== 'keyDown' || !input.control || input.meta || input.alt) return null
  const clamp = (l: number) => Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, l))
  if (input.key === '+' || input.key === '=') return clamp(level + ZOOM_STEP)
  if (input.key === '-' || input.key === '_') return clamp(level - ZOOM_STEP)
  if (input.key === '0') return 0
  return null
}

export function installZoomKeys(contents: WebContents, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'darwin') return
  contents.on('before-input-event', (event: Event, input: Input) => {
    const next = zoomFor(input, contents.getZoomLevel())
    if (next === null) return
    event.preventDefault()
    contents.setZoomLevel(next)
  })
}
