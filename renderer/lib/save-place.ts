/**
 * Where a file goes is chosen, never typed. In the desktop app the shell's system dialogs give a
 * path (electron/save-dialog.ts, exposed by the preload as `window.hearthShell`), which goes to
 * the contract method that writes the file. In a browser (the web host) there is no such shell:
 * core hands over the readable text (`readableCopy`) and the browser saves it as a download,
 * where the person's browser saves downloads or asks them.
 */
import type { ApiError, ReadableCopy } from '../../core/api.ts'
import { locale } from '../i18n/locale.svelte.ts'

export type FileKind = 'html' | 'md' | 'json' | 'txt' | 'ics' | 'hearth'

type ShellAnswer = { ok: true; value: { path: string | null } } | { ok: false; error: ApiError }

interface Shell {
  /** `language`: the tag of the language on screen, so the dialog names the kind of file in it. */
  chooseSavePath(input: { kind: FileKind; suggestedName: string; language: string }): Promise<ShellAnswer>
  chooseOpenPath(input: { kind: FileKind; language: string }): Promise<ShellAnswer>
}

declare global {
  interface Window {
    hearthShell?: Shell
  }
}

/** The desktop shell's dialogs, or null in a browser. */
export function desktopShell(): Shell | null {
  const s = window.hearthShell
  return s && typeof s.chooseSavePath === 'function' && typeof s.chooseOpenPath === 'function' ? s : null
}

export type Chosen = { path: string } | { cancelled: true } | { error: ApiError }

const unreachable: ApiError = { code: 'INTERNAL', message: 'Hearth could not open the save window.' }

async function ask(call: () => Promise<ShellAnswer>): Promise<Chosen> {
  try {
    const r = await call()
    if (!r.ok) return { error: r.error }
    return r.value.path ? { path: r.value.path } : { cancelled: true }
  } catch {
    return { error: unreachable }
  }
}

export function chooseSavePath(shell: Shell, kind: FileKind, suggestedName: string): Promise<Chosen> {
  return ask(() => shell.chooseSavePath({ kind, suggestedName, language: locale.tag }))
}

export function chooseOpenPath(shell: Shell, kind: FileKind): Promise<Chosen> {
  return ask(() => shell.chooseOpenPath({ kind, language: locale.tag }))
}

/** Hands the text to the browser as a download; the object URL is dropped straight after. */
export function offerDownload(copy: ReadableCopy): void {
  const url = URL.createObjectURL(new Blob([copy.text], { type: copy.mediaType }))
  const a = document.createElement('a')
  a.href = url
  a.download = copy.fileName
  a.hidden = true
  document.body.append(a)
  try {
    a.click()
  } finally {
    a.remove()
    // After the click has been handed to the browser; nothing else holds the text.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}
