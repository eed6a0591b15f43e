/**
 * The web host's HTTP and WebSocket server, on 127.0.0.1 only. Development and tests only; it
 * lives in scripts/ and is never packaged.
 *
 * Who may connect: a WebSocket upgrade is accepted only on /bridge, with this run's random token,
 * a Host header naming this server, and an Origin that is this server's own page. Everything else
 * gets a plain HTTP refusal before any WebSocket exists, so another local program or a web page
 * in any browser (including one reached through DNS rebinding) cannot drive the profile.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventName } from '../../core/api.ts'
import type { HearthService } from '../../core/service.ts'
import { answer, type EventFrame } from './bridge.ts'
import { rtcCallFromWire, rtcEventToWire } from './rtc-wire.ts'
import { contentType, readAsset, resolveAsset, rewriteIndex, SHIM_PATH } from './page.ts'

const HOST = '127.0.0.1'
/** Every contract event: one missing here is a compile error. */
const EVENTS: Record<EventName, true> = { locked: true, unlocked: true, groupsChanged: true, groupChanged: true, exportProgress: true, joinProgress: true, rtc: true }
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[]
/** Larger than any valid call (the biggest is a 200,000-character personal doc). */
const MAX_FRAME_BYTES = 4 * 1024 * 1024

export interface WebHostOptions {
  service: Pick<HearthService, 'call' | 'on'>
  rendererDir: string
  shimCode: string
  /** 0 picks a free port. */
  port?: number
}

export interface WebHost {
  port: number
  token: string
  url: string
  close(): Promise<void>
}

const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

function sameToken(given: string | null, token: string): boolean {
  if (given === null) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function refuseUpgrade(socket: Socket, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex')
  const server = http.createServer()
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const sockets = new Set<WebSocket>()

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  // Only the exact address printed: the page's CSP names ws://127.0.0.1:PORT and nothing else.
  const origins = new Set([`http://${HOST}:${port}`])
  const hosts = new Set([`${HOST}:${port}`])
  const index = rewriteIndex(
    (await readAsset(resolveAsset(opts.rendererDir, '/') as string))?.toString('utf8') ?? '',
    `ws://${HOST}:${port}`,
  )

  server.on('request', (req, res) => {
    void (async () => {
      if (!hosts.has(req.headers.host ?? '')) return send(res, 421, 'text/plain; charset=utf-8', 'Wrong host')
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
      const urlPath = new URL(req.url ?? '/', `http://${HOST}`).pathname
      if (urlPath === '/' || urlPath === '/index.html') return send(res, 200, contentType('index.html'), index)
      if (urlPath === SHIM_PATH) return send(res, 200, contentType('shim.js'), opts.shimCode)
      // Browsers ask for an icon on their own; an empty answer keeps the console free of noise.
      if (urlPath === '/favicon.ico') return send(res, 204, 'image/x-icon', '')
      const file = resolveAsset(opts.rendererDir, urlPath)
      const body = file ? await readAsset(file) : null
      if (!file || !body) return send(res, 404, 'text/plain; charset=utf-8', 'Not found')
      send(res, 200, contentType(file), body)
    })().catch(() => send(res, 500, 'text/plain; charset=utf-8', 'Error'))
  })

  function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
    if (res.headersSent) return void res.end()
    res.writeHead(status, { ...HEADERS, 'Content-Type': type })
    res.end(res.req.method === 'HEAD' ? undefined : body)
  }

  server.on('upgrade', (req, socket: Socket, head) => {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', `http://${HOST}`)
    if (url.pathname !== '/bridge') return refuseUpgrade(socket, 404, 'Not Found')
    if (!hosts.has(req.headers.host ?? '')) return refuseUpgrade(socket, 421, 'Misdirected Request')
    if (!origins.has(req.headers.origin ?? '')) return refuseUpgrade(socket, 403, 'Forbidden')
    if (!sameToken(url.searchParams.get('token'), token)) return refuseUpgrade(socket, 401, 'Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => connected(ws))
  })

  function connected(ws: WebSocket): void {
    sockets.add(ws)
    ws.on('error', () => ws.terminate())
    ws.on('close', () => sockets.delete(ws))
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? null : data.toString()
      void answer(text, (m, i) => opts.service.call(m, m === 'rtcRelay' ? rtcCallFromWire(i) : i)).then((reply) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply))
      })
    })
  }

  const unsubscribe = EVENT_NAMES.map((event) =>
    opts.service.on(event, (payload) => {
      // An rtc frame's bytes travel as base64 (rtc-wire.ts); every other payload is plain JSON already.
      const frame = JSON.stringify(event === 'rtc' ? { event, payload: rtcEventToWire(payload) } : ({ event, payload } satisfies EventFrame))
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame)
    }),
  )

  return {
    port,
    token,
    url: `http://${HOST}:${port}/#token=${token}`,
    async close() {
      for (const off of unsubscribe) off()
      for (const ws of sockets) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
