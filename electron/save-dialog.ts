/**
 * Where a file goes is chosen in the system's own dialogs, never typed: "Save a readable copy"
 * and "Export" ask for a place with the save dialog, "Restore" picks an archive with the open
 * dialog. Two IPC channels outside the contract (they are the shell's, not the node's), answered
 * only for our own window's main frame, like every contract channel. The renderer gets back a
 * path (or null when the person cancelled) and passes it to the contract method that writes or
 * reads the file, so core still checks it (never inside the profile folder).
 *
 * The name the page suggests is reduced to plain characters and its kind's extension: a page
 * cannot steer the dialog to another folder with "../" or an absolute path.
 */
import type { BrowserWindow, Dialog, IpcMainInvokeEvent, WebContents } from 'electron'
import { ipcMain } from 'electron'
import { fileTypeName, type FileKind } from './file-type-words.ts'
import { isTrustedSender } from './ipc.ts'

export const SAVE_CHANNEL = 'hearth-shell:choose-save-path'
export const OPEN_CHANNEL = 'hearth-shell:choose-open-path'

export type { FileKind }

const EXTENSIONS: Record<FileKind, string> = { html: 'html', md: 'md', json: 'json', txt: 'txt', ics: 'ics', hearth: 'hearth' }

/** The dialog's one filter: the kind's name in the page's language (file-type-words.ts) and its extension. */
function filter(kind: FileKind, language: unknown): { name: string; extensions: string[] } {
  return { name: fileTypeName(kind, language), extensions: [EXTENSIONS[kind]] }
}

export type ShellAnswer = { ok: true; value: { path: string | null } } | { ok: false; error: { code: 'UNTRUSTED_SENDER' | 'INVALID_INPUT'; message: string } }

export function isFileKind(v: unknown): v is FileKind {
  return typeof v === 'string' && Object.hasOwn(EXTENSIONS, v)
}

/** A bare file name of plain characters with the kind's extension; "copy.<ext>" when nothing usable is left. */
export function safeFileName(suggested: unknown, kind: FileKind): string {
  const ext = EXTENSIONS[kind]
  const base = (typeof suggested === 'string' ? suggested : '')
    .replace(/\.[A-Za-z0-9]+$/, '')
    .replace(/[^A-Za-z0-9 _-]+/g, '-')
    .replace(/^[-\s.]+|[-\s.]+$/g, '')
    .slice(0, 80)
  return `${base || 'copy'}.${ext}`
}

export interface SaveDialogOptions {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
  window: () => BrowserWindow | null
  target: () => WebContents | null
  isAppUrl: (url: string) => boolean
}

const refused = (): ShellAnswer => ({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: 'This window may not ask for that.' } })
const badInput = (): ShellAnswer => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'Hearth could not tell what kind of file this is.' } })

/** Registers both channels; returns the function that removes them. */
export function registerSaveDialog(opts: SaveDialogOptions): () => void {
  const request = (input: unknown): { kind: FileKind; name: unknown; language: unknown } | null => {
    const r = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}
    return isFileKind(r.kind) ? { kind: r.kind, name: r.suggestedName, language: r.language } : null
  }

  ipcMain.handle(SAVE_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<ShellAnswer> => {
    if (!isTrustedSender(event, opts.target(), opts.isAppUrl)) return refused()
    const req = request(input)
    const win = opts.window()
    if (!req || !win) return badInput()
    const r = await opts.dialog.showSaveDialog(win, {
      defaultPath: safeFileName(req.name, req.kind),
      filters: [filter(req.kind, req.language)],
      // Not in the system's recent files: that list is one more place someone could look.
      properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
    })
    return { ok: true, value: { path: r.canceled || !r.filePath ? null : r.filePath } }
  })

  ipcMain.handle(OPEN_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown): Promise<ShellAnswer> => {
    if (!isTrustedSender(event, opts.target(), opts.isAppUrl)) return refused()
    const req = request(input)
    const win = opts.window()
    if (!req || !win) return badInput()
    const r = await opts.dialog.showOpenDialog(win, { filters: [filter(req.kind, req.language)], properties: ['openFile', 'dontAddToRecent'] })
    return { ok: true, value: { path: r.canceled ? null : (r.filePaths[0] ?? null) } }
  })

  return () => {
    ipcMain.removeHandler(SAVE_CHANNEL)
    ipcMain.removeHandler(OPEN_CHANNEL)
  }
}
