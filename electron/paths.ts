/**
 * Where the packaged pieces live, and the one test of "is this our own page". At run time this
 * file is dist/electron/paths.js, beside dist/renderer (vite build) and dist/electron/preload.cjs.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const HERE = import.meta.dirname

export const RENDERER_DIR = path.join(HERE, '..', 'renderer')
export const INDEX_FILE = path.join(RENDERER_DIR, 'index.html')
export const PRELOAD_FILE = path.join(HERE, 'preload.cjs')

/**
 * True only for the app's own index page as a file: URL. Query and fragment are ignored because
 * they cannot change which file was loaded; host must be empty so `file://server/share` (a UNC
 * path on Windows) never counts.
 */
export function isAppUrl(raw: string, indexFile: string = INDEX_FILE): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return url.protocol === 'file:' && url.host === '' && url.pathname === pathToFileURL(indexFile).pathname
}

/** True for a file: URL inside the packaged renderer folder (its script, stylesheet, images). */
export function isRendererAsset(raw: string, rendererDir: string = RENDERER_DIR): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  const root = pathToFileURL(rendererDir + path.sep).pathname
  return url.protocol === 'file:' && url.host === '' && url.pathname.startsWith(root)
}
