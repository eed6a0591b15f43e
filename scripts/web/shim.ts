/**
 * Browser side of the web host: defines `window.hearth` over the host's WebSocket with the same
 * shape the Electron preload exposes (one function per contract method, plus `on`), so the
 * renderer runs unchanged. Bundled to a classic script by build.ts and served as its own file,
 * because the page's CSP allows no inline script.
 *
 * The token comes from the page's fragment (`#token=…`), which browsers never send to a server.
 * Calls made before the socket opens wait for it; if the socket closes, every waiting and later
 * call resolves with a coded INTERNAL error, as a failed IPC call would, never with an exception.
 *
 * This file runs in the browser but is type-checked with the Node side (no DOM lib), so it names
 * the few browser objects it uses through the small interfaces below.
 */
import type { ApiError, HearthApi, Result } from '../../core/api.ts'
import { rtcCallToWire, rtcEventFromWire } from './rtc-wire.ts'

interface BrowserSocket {
  readonly readyState: number
  send(data: string): void
  addEventListener(type: 'open' | 'close' | 'error', fn: () => void): void
  addEventListener(type: 'message', fn: (e: { data: unknown }) => void): void
}

interface BrowserGlobal {
  location: { host: string; hash: string }
  WebSocket: new (url: string) => BrowserSocket
}

/**
 * The method and event names come from the host when it builds this script (build.ts): the
 * method list is core's schema table, so the shim never falls behind the contract the way a
 * hand-kept list could. The preload keeps its own list only because it cannot import core.
 */
export interface Names {
  methods: readonly string[]
  events: readonly string[]
}

const OPEN = 1
const LOST: ApiError = { code: 'INTERNAL', message: "Hearth lost its connection to its background process. Restart the web host and reload." }

export function createBridge(g: BrowserGlobal, names: Names): HearthApi {
  const token = new URLSearchParams(g.location.hash.replace(/^#/, '')).get('token') ?? ''
  const socket = new g.WebSocket(`ws://${g.location.host}/bridge?token=${encodeURIComponent(token)}`)
  const pending = new Map<number, (r: Result<unknown>) => void>()
  const queued: string[] = []
  const handlers = new Map<string, Set<(payload: unknown) => void>>()
  let nextId = 1
  let closed = false

  socket.addEventListener('open', () => {
    for (const frame of queued.splice(0)) socket.send(frame)
  })
  socket.addEventListener('close', () => {
    closed = true
    queued.length = 0
    for (const resolve of pending.values()) resolve({ ok: false, error: LOST })
    pending.clear()
  })
  socket.addEventListener('message', (e) => {
    if (typeof e.data !== 'string') return
    let frame: { id?: unknown; result?: Result<unknown>; event?: unknown; payload?: unknown }
    try {
      frame = JSON.parse(e.data) as typeof frame
    } catch {
      return
    }
    if (typeof frame.id === 'number' && frame.result) {
      pending.get(frame.id)?.(frame.result)
      pending.delete(frame.id)
    } else if (typeof frame.event === 'string') {
      const payload = frame.event === 'rtc' ? rtcEventFromWire(frame.payload) : frame.payload
      for (const h of handlers.get(frame.event) ?? []) h(payload)
    }
  })

  function call(method: string, input: unknown): Promise<Result<unknown>> {
    if (closed) return Promise.resolve({ ok: false, error: LOST })
    const id = nextId++
    const frame = JSON.stringify({ id, method, input: method === 'rtcRelay' ? rtcCallToWire(input) : input })
    return new Promise((resolve) => {
      pending.set(id, resolve)
      if (socket.readyState === OPEN) socket.send(frame)
      else queued.push(frame)
    })
  }

  const api: Record<string, unknown> = {}
  for (const method of names.methods) api[method] = (input: unknown) => call(method, input)
  api.on = (event: unknown, handler: unknown): (() => void) => {
    if (typeof event !== 'string' || !names.events.includes(event) || typeof handler !== 'function') return () => undefined
    let set = handlers.get(event)
    if (!set) handlers.set(event, (set = new Set()))
    const h = handler as (payload: unknown) => void
    set.add(h)
    return () => void set.delete(h)
  }
  return Object.freeze(api) as HearthApi
}

/** Entry point of the served script. */
export function install(g: object, names: Names): void {
  Object.defineProperty(g, 'hearth', { value: createBridge(g as BrowserGlobal, names), writable: false, configurable: false, enumerable: false })
}
