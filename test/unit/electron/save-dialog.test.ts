/**
 * The system save and open dialogs (electron/save-dialog.ts) with Electron's dialog as a test
 * double: only our own window may ask, the suggested name cannot steer the folder, and a cancel
 * comes back as null.
 */
import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeBrowserWindow, fakeDialog, invokeEvent, ipcHandlers, resetFakeElectron } from './fake-electron.ts'

vi.mock('electron', async () => (await import('./fake-electron.ts')).fakeElectron)

const { OPEN_CHANNEL, registerSaveDialog, safeFileName, SAVE_CHANNEL } = await import('../../../electron/save-dialog.ts')
const { FILE_TYPE_WORDS } = await import('../../../electron/file-type-words.ts')

const APP_URL = pathToFileURL('/app/index.html').href

function setup() {
  const win = new FakeBrowserWindow({})
  const undo = registerSaveDialog({
    dialog: fakeDialog as never,
    window: () => win as never,
    target: () => win.webContents as never,
    isAppUrl: (u) => u === APP_URL,
  })
  const ask = (channel: string, input: unknown, url = APP_URL, sender = win.webContents) =>
    ipcHandlers.get(channel)?.(invokeEvent(sender, url), input) as Promise<{ ok: boolean; value?: { path: string | null }; error?: { code: string } }>
  return { win, undo, ask }
}

describe('save and open dialogs', () => {
  beforeEach(() => resetFakeElectron())

  it('answers with the chosen path, and null when the person cancels', async () => {
    const { ask } = setup()
    fakeDialog.nextSave = { canceled: false, filePath: '/home/ash/Documents/plan.txt' }
    expect(await ask(SAVE_CHANNEL, { kind: 'txt', suggestedName: 'safety plan' })).toEqual({ ok: true, value: { path: '/home/ash/Documents/plan.txt' } })
    const opts = fakeDialog.showSaveDialog.mock.calls[0]?.[1] as { defaultPath: string; filters: unknown[]; properties: string[] }
    expect(opts.defaultPath).toBe('safety plan.txt')
    expect(opts.properties).toContain('dontAddToRecent')

    fakeDialog.nextSave = { canceled: true, filePath: '' }
    expect(await ask(SAVE_CHANNEL, { kind: 'txt', suggestedName: 'x' })).toEqual({ ok: true, value: { path: null } })

    fakeDialog.nextOpen = { canceled: false, filePaths: ['/media/usb/group.hearth'] }
    expect(await ask(OPEN_CHANNEL, { kind: 'hearth' })).toEqual({ ok: true, value: { path: '/media/usb/group.hearth' } })
  })

  it('refuses another page, another window or a subframe, without opening a dialog', async () => {
    const { ask } = setup()
    const other = new FakeBrowserWindow({})
    expect((await ask(SAVE_CHANNEL, { kind: 'txt' }, 'https://evil.example/')).error?.code).toBe('UNTRUSTED_SENDER')
    expect((await ask(SAVE_CHANNEL, { kind: 'txt' }, APP_URL, other.webContents)).error?.code).toBe('UNTRUSTED_SENDER')
    expect((await ask(OPEN_CHANNEL, { kind: 'hearth' }, 'https://evil.example/')).error?.code).toBe('UNTRUSTED_SENDER')
    expect(fakeDialog.showSaveDialog).not.toHaveBeenCalled()
    expect(fakeDialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it('refuses an unknown kind of file', async () => {
    const { ask } = setup()
    expect((await ask(SAVE_CHANNEL, { kind: 'exe', suggestedName: 'a' })).error?.code).toBe('INVALID_INPUT')
    expect((await ask(SAVE_CHANNEL, null)).error?.code).toBe('INVALID_INPUT')
  })

  it('keeps a suggested name to a bare name with its own extension', () => {
    expect(safeFileName('../../etc/passwd', 'txt')).toBe('etc-passwd.txt')
    expect(safeFileName('/home/ash/.ssh/id', 'ics')).toBe('home-ash-ssh-id.ics')
    expect(safeFileName('meeting.exe', 'ics')).toBe('meeting.ics')
    expect(safeFileName('', 'html')).toBe('copy.html')
    expect(safeFileName(42, 'json')).toBe('copy.json')
    expect(safeFileName('a'.repeat(300), 'md')).toHaveLength(83)
  })

  it('names the kind of file in the language on screen, from its own words, English for a tag it does not know', async () => {
    const { ask } = setup()
    const filterName = (call: unknown[] | undefined) => (call?.[1] as { filters: { name: string; extensions: string[] }[] }).filters
    fakeDialog.nextSave = { canceled: true, filePath: '' }
    await ask(SAVE_CHANNEL, { kind: 'ics', suggestedName: 'appointment', language: 'ar' })
    expect(filterName(fakeDialog.showSaveDialog.mock.calls[0])).toEqual([{ name: 'ملف تقويم', extensions: ['ics'] }])
    fakeDialog.nextOpen = { canceled: true, filePaths: [] }
    await ask(OPEN_CHANNEL, { kind: 'hearth', language: 'de' })
    expect(filterName(fakeDialog.showOpenDialog.mock.calls[0])).toEqual([{ name: 'Hearth-Archiv', extensions: ['hearth'] }])
    // Only a tag Hearth has words in picks them: the page cannot put its own words in the dialog.
    for (const language of ['xx', 'Web page <b>', { en: 'x' }, undefined, 'toString', '__proto__']) {
      await ask(SAVE_CHANNEL, { kind: 'html', suggestedName: 'a', language })
      expect(filterName(fakeDialog.showSaveDialog.mock.calls.at(-1))[0]?.name).toBe('Web page')
    }
    // Every language names every kind, each in words of its own.
    for (const words of Object.values(FILE_TYPE_WORDS)) expect(Object.keys(words).sort()).toEqual(Object.keys(FILE_TYPE_WORDS.en).sort())
    expect(new Set(Object.values(FILE_TYPE_WORDS).map((w) => w.ics)).size).toBe(7)
  })

  it('removes both channels when undone', () => {
    const { undo } = setup()
    undo()
    expect(ipcHandlers.has(SAVE_CHANNEL)).toBe(false)
    expect(ipcHandlers.has(OPEN_CHANNEL)).toBe(false)
  })
})
