/**
 * The only door from Hearth to the system browser (hardening checklist #6; a lint rule bans
 * shell.openExternal everywhere else). A link can launch any registered handler — file:, smb:
 * and custom schemes run programs — so only https to a host the caller names is let through.
 */
import { shell } from 'electron'

export type ExternalRefusal = 'NOT_A_URL' | 'NOT_HTTPS' | 'HAS_CREDENTIALS' | 'HOST_NOT_ALLOWED' | 'OPEN_FAILED'

export type ExternalCheck = { ok: true; url: string } | { ok: false; code: ExternalRefusal }

export function checkExternalUrl(raw: unknown, allowedHosts: readonly string[]): ExternalCheck {
  if (typeof raw !== 'string') return { ok: false, code: 'NOT_A_URL' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, code: 'NOT_A_URL' }
  }
  if (url.protocol !== 'https:') return { ok: false, code: 'NOT_HTTPS' }
  if (url.username !== '' || url.password !== '') return { ok: false, code: 'HAS_CREDENTIALS' }
  // URL has already lower-cased and punycoded the host, so a look-alike cannot match by accident.
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()))
  if (url.port !== '' || !allowed.has(url.hostname)) return { ok: false, code: 'HOST_NOT_ALLOWED' }
  return { ok: true, url: url.href }
}

/** Returns an opener bound to one allowlist; it never throws and reports refusals by code. */
export function createExternalOpener(allowedHosts: readonly string[]) {
  const hosts = Object.freeze([...allowedHosts])
  return async function openAllowed(raw: unknown): Promise<ExternalCheck> {
    const checked = checkExternalUrl(raw, hosts)
    if (!checked.ok) return checked
    try {
      await shell.openExternal(checked.url, { activate: true })
      return checked
    } catch {
      return { ok: false, code: 'OPEN_FAILED' }
    }
  }
}
