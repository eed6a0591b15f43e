/**
 * The default menu is gone: nothing in the menu reloads the page, opens developer tools or a web
 * site, and zoom stays reachable by keyboard where the menu is gone (electron/app-menu.ts,
 * electron/zoom-keys.ts).
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { FakeWebContents } from './fake-electron.ts'

const { installAppMenu, menuTemplate } = await import('../../../electron/app-menu.ts')
const { installZoomKeys, ZOOM_MAX, ZOOM_MIN, zoomFor } = await import('../../../electron/zoom-keys.ts')

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])])
}

function clicks(items: MenuItemConstructorOptions[]): number {
  return items.reduce((n, i) => n + (i.click ? 1 : 0) + (Array.isArray(i.submenu) ? clicks(i.submenu) : 0), 0)
}

const key = (k: string, mods: Partial<{ control: boolean; meta: boolean; alt: boolean }> = { control: true }) => ({
  type: 'keyDown' as const,
  key: k,
  control: false,
  meta: false,
  alt: false,
  ...mods,
})

describe('the application menu', () => {
  it.each(['linux', 'win32'] as const)('is none at all on %s', (platform) => {
    expect(menuTemplate(platform)).toBeNull()
    let set: unknown = 'unset'
    installAppMenu({ buildFromTemplate: () => { throw new Error('no template off macOS') }, setApplicationMenu: (m) => (set = m) }, platform)
    expect(set).toBeNull()
  })

  it('keeps only roles that neither navigate nor open anything on macOS', () => {
    const template = menuTemplate('darwin') ?? []
    const all = roles(template)
    expect(all).toEqual(expect.arrayContaining(['appMenu', 'editMenu', 'zoomIn', 'zoomOut', 'resetZoom', 'windowMenu']))
    for (const banned of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu', 'help', 'fileMenu', 'defaultMenu']) expect(all).not.toContain(banned)
    expect(clicks(template)).toBe(0)
  })
})

describe('zoom by keyboard without a menu', () => {
  it('reads Ctrl with +, =, - and 0, and nothing else', () => {
    expect(zoomFor(key('='), 0)).toBe(0.5)
    expect(zoomFor(key('+'), 1)).toBe(1.5)
    expect(zoomFor(key('-'), 0)).toBe(-0.5)
    expect(zoomFor(key('0'), 3)).toBe(0)
    expect(zoomFor(key('r'), 0)).toBeNull()
    expect(zoomFor(key('=', {}), 0)).toBeNull()
    expect(zoomFor(key('=', { control: true, alt: true }), 0)).toBeNull()
    expect(zoomFor({ ...key('='), type: 'keyUp' }, 0)).toBeNull()
  })

  it('stays between its bounds, past 200%', () => {
    expect(zoomFor(key('='), ZOOM_MAX)).toBe(ZOOM_MAX)
    expect(zoomFor(key('-'), ZOOM_MIN)).toBe(ZOOM_MIN)
    expect(1.2 ** ZOOM_MAX).toBeGreaterThan(2)
  })

  it('zooms the window and keeps the key from the page, off macOS', () => {
    const contents = new FakeWebContents()
    installZoomKeys(contents as never, 'linux')
    let prevented = false
    contents.emit('before-input-event', { preventDefault: () => (prevented = true) }, key('='))
    expect(contents.getZoomLevel()).toBe(0.5)
    expect(prevented).toBe(true)
    prevented = false
    contents.emit('before-input-event', { preventDefault: () => (prevented = true) }, key('a'))
    expect(prevented).toBe(false)
    expect(contents.getZoomLevel()).toBe(0.5)
  })

  it('leaves zoom to the View menu on macOS', () => {
    const contents = new FakeWebContents()
    installZoomKeys(contents as never, 'darwin')
    expect(contents.listenerCount('before-input-event')).toBe(0)
  })
})
