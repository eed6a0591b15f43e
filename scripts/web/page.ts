/**
 * What the web host serves over HTTP: the built renderer, unchanged except for its index page,
 * which gains the bridge shim and a CSP whose connect-src names exactly this host's WebSocket.
 * The packaged index.html is never touched; only the copy in each response is rewritten.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

export const SHIM_PATH = '/hearth-web-shim.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Rewrites the CSP meta tag's connect-src to the one WebSocket origin and puts the shim before
 * the app's own script, so `window.hearth` exists when the app starts (both are deferred classic
 * scripts, which run in document order). Throws if the page no longer has what it expects,
 * rather than serving a page that silently cannot connect.
 */
export function rewriteIndex(html: string, wsOrigin: string): string {
  let csp = 0
  let out = html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i, (_m, a: string, policy: string, b: string) => {
    csp++
    const directives = policy.split(';').map((d) => d.trim()).filter(Boolean)
    const kept = directives.filter((d) => !/^connect-src\b/i.test(d))
    return `${a}${[...kept, `connect-src ${wsOrigin}`].join('; ')}${b}`
  })
  if (csp !== 1) throw new Error('index.html has no Content-Security-Policy meta tag to adjust')
  let scripts = 0
  out = out.replace(/<script\b/i, (m) => {
    scripts++
    return `<script defer src=".${SHIM_PATH}"></script>\n    ${m}`
  })
  if (scripts !== 1) throw new Error('index.html has no script to put the bridge before')
  return out
}

/** The file a URL path names inside `root`, or null for anything outside it or malformed. */
export function resolveAsset(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const file = path.resolve(root, rel)
  return file.startsWith(path.resolve(root) + path.sep) ? file : null
}

export async function readAsset(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch {
    return null
  }
}
