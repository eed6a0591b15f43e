/**
 * The web host as an attacker on the same machine would meet it: the bridge refuses a missing
 * or wrong token, a foreign or missing Origin and a foreign Host before any WebSocket exists;
 * garbage on an accepted connection gets coded errors and the host keeps serving; the served
 * page's CSP names exactly this host's socket; SIGTERM stops it cleanly; a bad --bootstrap is
 * refused before anything starts, never taken to mean the public DHT.
 */
import path from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import WebSocket from 'ws'
import { spawnTs } from '../helpers/child.ts'
import { startHost, type Host } from './support/host.ts'

let host: Host | null = null

afterEach(async () => {
  await host?.stop()
  host = null
})

type Outcome = { opened: true; ws: WebSocket } | { opened: false; status: number }

function connect(h: Host, opts: { token?: string | null; origin?: string | null; host?: string; path?: string }): Promise<Outcome> {
  const token = opts.token === undefined ? h.token : opts.token
  const query = token === null ? '' : `?token=${token}`
  const headers: Record<string, string> = {}
  const origin = opts.origin === undefined ? h.origin : opts.origin
  if (origin !== null) headers.Origin = origin
  if (opts.host) headers.Host = opts.host
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}${opts.path ?? '/bridge'}${query}`, { headers })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer to the upgrade')), 5000)
    ws.on('open', () => {
      clearTimeout(timer)
      resolve({ opened: true, ws })
    })
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer)
      resolve({ opened: false, status: res.statusCode ?? 0 })
      ws.terminate()
    })
    ws.on('error', () => undefined)
  })
}

/** Sends one frame and resolves with the next reply (events are skipped). */
function exchange(ws: WebSocket, frame: string | Buffer): Promise<{ id: unknown; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reply')), 5000)
    const onMessage = (data: WebSocket.RawData): void => {
      const msg = JSON.parse(data.toString()) as { id?: unknown; event?: unknown; result: { ok: boolean; error?: { code: string } } }
      if ('event' in msg) return
      clearTimeout(timer)
      ws.off('message', onMessage)
      resolve(msg as { id: unknown; result: { ok: boolean; error?: { code: string } } })
    }
    ws.on('message', onMessage)
    ws.send(frame)
  })
}

describe('web host', () => {
  it('refuses the bridge without the right token, Origin and Host, and answers with them', async () => {
    host = await startHost()
    expect(await connect(host, { token: null })).toEqual({ opened: false, status: 401 })
    expect(await connect(host, { token: 'f'.repeat(64) })).toEqual({ opened: false, status: 401 })
    expect(await connect(host, { token: host.token.slice(0, 63) })).toEqual({ opened: false, status: 401 })
    expect(await connect(host, { origin: 'http://evil.example' })).toEqual({ opened: false, status: 403 })
    expect(await connect(host, { origin: `http://127.0.0.1:${host.port + 1}` })).toEqual({ opened: false, status: 403 })
    expect(await connect(host, { origin: null })).toEqual({ opened: false, status: 403 })
    expect(await connect(host, { host: `evil.example:${host.port}` })).toEqual({ opened: false, status: 421 })
    expect(await connect(host, { path: '/other' })).toEqual({ opened: false, status: 404 })

    const ok = await connect(host, {})
    if (!ok.opened) throw new Error(`refused with ${ok.status}`)
    const reply = await exchange(ok.ws, JSON.stringify({ id: 1, method: 'profileStatus', input: {} }))
    expect(reply).toEqual({ id: 1, result: { ok: true, value: { exists: false, unlocked: false, retryAfterMs: 0 } } })
    ok.ws.close()
  })

  it('answers bad frames with coded errors and keeps serving', async () => {
    host = await startHost()
    const c = await connect(host, {})
    if (!c.opened) throw new Error('refused')
    const ws = c.ws
    const code = async (frame: string | Buffer) => (await exchange(ws, frame)).result.error?.code

    expect(await code('not json')).toBe('INVALID_INPUT')
    expect(await code('[1,2,3]')).toBe('INVALID_INPUT')
    expect(await code('null')).toBe('INVALID_INPUT')
    expect(await code(JSON.stringify({ method: 'profileStatus' }))).toBe('INVALID_INPUT')
    expect(await code(JSON.stringify({ id: { x: 1 }, method: 'profileStatus' }))).toBe('INVALID_INPUT')
    expect(await code(JSON.stringify({ id: 2 }))).toBe('INVALID_INPUT')
    expect(await code(Buffer.from([0, 1, 2, 3]))).toBe('INVALID_INPUT')
    expect(await code(JSON.stringify({ id: 3, method: 'dropTables', input: {} }))).toBe('UNKNOWN_METHOD')
    expect(await code(JSON.stringify({ id: 4, method: '__proto__', input: {} }))).toBe('UNKNOWN_METHOD')
    expect(await code(JSON.stringify({ id: 5, method: 'unlock', input: { passphrase: 42 } }))).toBe('INVALID_INPUT')
    expect(await code(JSON.stringify({ id: 6, method: 'listGroups', input: {} }))).toBe('PROFILE_LOCKED')
    const echoed = await exchange(ws, JSON.stringify({ id: 'call-7', method: 'feed', input: { groupId: 'nope' } }))
    expect(echoed.id).toBe('call-7')
    expect(echoed.result.error?.code).toBe('INVALID_INPUT')

    // Still alive and answering on the same connection, and on a new one.
    expect((await exchange(ws, JSON.stringify({ id: 8, method: 'profileStatus', input: {} }))).result.ok).toBe(true)
    ws.close()
    const again = await connect(host, {})
    expect(again.opened).toBe(true)
    if (again.opened) again.ws.close()
  })

  it('serves the page with a CSP that reaches only its own socket, the shim as a file, and nothing outside the renderer', async () => {
    host = await startHost()
    const base = host.origin
    const page = await fetch(`${base}/`)
    const html = await page.text()
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    const directives = csp.split(';').map((d) => d.trim())
    expect(directives).toContain(`connect-src ws://127.0.0.1:${host.port}`)
    expect(directives.filter((d) => d.startsWith('connect-src'))).toHaveLength(1)
    expect(directives).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(html).toMatch(/<script defer src="\.\/hearth-web-shim\.js"><\/script>\s*<script defer src="\.\/assets\//)
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
    expect(html).not.toContain(host.token)

    const shim = await fetch(`${base}/hearth-web-shim.js`)
    expect(shim.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await shim.text()).toContain('"createGroup"')

    expect((await fetch(`${base}/%2e%2e/%2e%2e/package.json`)).status).toBe(404)
    expect((await fetch(`${base}/..%2f..%2fpackage.json`)).status).toBe(404)
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405)
  })

  it('stops cleanly on SIGTERM', async () => {
    host = await startHost()
    const h = host
    host = null
    expect(await h.stop()).toBe(0)
    expect(h.child.stderr()).not.toMatch(/Error|internal error/)
  })

  it('refuses a --bootstrap that is empty or not HOST:PORT, and exits before serving anything', async () => {
    for (const bad of ['', 'nowhere', '127.0.0.1:99999']) {
      const child = spawnTs(path.resolve(import.meta.dirname, '..', '..', 'scripts', 'web-host.ts'), ['--bootstrap', bad, '--renderer', '/nonexistent'])
      const { code } = await child.exited
      expect(code, bad).toBe(1)
      expect(child.stderr(), bad).toMatch(/--bootstrap wants HOST:PORT/)
      expect(child.lines.join('\n')).not.toContain('Hearth web host:')
    }
  })

  it('refuses a --shim it cannot read, before the node starts', async () => {
    const child = spawnTs(path.resolve(import.meta.dirname, '..', '..', 'scripts', 'web-host.ts'), ['--shim', '/nonexistent/shim.js', '--renderer', inject('rendererDir')])
    const { code } = await child.exited
    expect(code).toBe(1)
    expect(child.stderr()).toMatch(/cannot read the shim \/nonexistent\/shim\.js/)
    expect(child.lines.join('\n')).not.toContain('Hearth web host:')
  })
})
