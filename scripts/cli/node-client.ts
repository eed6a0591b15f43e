/**
 * The calling side of a node's local socket (wire format: ./node-wire.ts): an object with the
 * service's own shape, so every CLI command runs unchanged whether its calls go to a running
 * node or to a service in this process. Like the service, `call` never throws.
 *
 * The commands still unlock with the passphrase first; over the socket that call is the proof the
 * node asks for, so holding the CLI without the passphrase reads nothing from a running node.
 */
import { promises as fs } from 'node:fs'
import net from 'node:net'
import type { ApiEvents, EventName, HearthApi, Result } from '../../core/api.ts'
import { errors, HearthError } from '../../core/errors.ts'
import { METHOD_NAMES } from '../../core/schemas.ts'
import type { HearthService } from '../../core/service.ts'
import { failure, LineReader, nodeEndpoint, type CallId, type EventFrame, type ReplyFrame } from './node-wire.ts'

const CONNECT_TIMEOUT_MS = 2_000
/** Replies can be whole feed pages; the bound only stops a broken node from exhausting us. */
const MAX_REPLY_BYTES = 64 * 1024 * 1024

export interface NodeClient extends HearthService {
  endpoint: string
}

/** A client of the node serving `profileDir`, or null when no node answers there. */
export async function connectToNode(profileDir: string): Promise<NodeClient | null> {
  const endpoint = nodeEndpoint(profileDir)
  if (!endpoint) return null
  if (process.platform !== 'win32' && !(await ownSocket(endpoint))) return null
  const sock = await connect(endpoint)
  return sock ? clientOver(sock, endpoint) : null
}

/**
 * Only a socket this user made, that nobody else can write, is trusted with a passphrase: anyone
 * able to plant one in a loosely permitted profile folder could otherwise collect it.
 */
async function ownSocket(endpoint: string): Promise<boolean> {
  try {
    const st = await fs.lstat(endpoint)
    const uid = process.getuid?.()
    return st.isSocket() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0
  } catch {
    return false
  }
}

function connect(endpoint: string): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const sock = net.createConnection(endpoint)
    const timer = setTimeout(() => give(null), CONNECT_TIMEOUT_MS)
    sock.once('connect', () => give(sock))
    sock.once('error', () => give(null))
    function give(s: net.Socket | null): void {
      clearTimeout(timer)
      sock.removeAllListeners('connect')
      sock.removeAllListeners('error')
      sock.on('error', () => undefined)
      if (!s) sock.destroy()
      resolve(s)
    }
  })
}

function clientOver(sock: net.Socket, endpoint: string): NodeClient {
  const pending = new Map<CallId, (r: Result<unknown>) => void>()
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const reader = new LineReader(MAX_REPLY_BYTES)
  const gone = (): Result<never> => failure(new HearthError('STORE_UNAVAILABLE', 'The node serving this profile stopped before answering; run the command again').toApiError())
  let next = 1
  let open = true

  sock.on('data', (data: Buffer) => {
    const { lines, overflow } = reader.push(data)
    for (const l of lines) receive(l)
    if (overflow) sock.destroy()
  })
  sock.on('close', () => {
    open = false
    for (const settle of pending.values()) settle(gone())
    pending.clear()
  })

  function receive(text: string): void {
    let frame: Partial<ReplyFrame & EventFrame>
    try {
      frame = JSON.parse(text) as Partial<ReplyFrame & EventFrame>
    } catch {
      return
    }
    if (typeof frame.event === 'string') {
      for (const l of listeners.get(frame.event) ?? []) {
        try {
          ;(l as (p: unknown) => void)(frame.payload)
        } catch {
          // a listener's fault is its own; the connection carries on
        }
      }
      return
    }
    const settle = frame.id === undefined || frame.id === null ? undefined : pending.get(frame.id)
    if (!settle || !frame.result) return
    pending.delete(frame.id as CallId)
    settle(frame.result)
  }

  function call(method: unknown, input: unknown): Promise<Result<unknown>> {
    if (!open) return Promise.resolve(gone())
    const id = next++
    let text: string
    try {
      text = JSON.stringify({ id, method, input: input ?? {} }) + '\n'
    } catch {
      return Promise.resolve(failure(errors.INVALID_INPUT('the input is not plain data').toApiError()))
    }
    return new Promise((resolve) => {
      pending.set(id, resolve)
      sock.write(text)
    })
  }

  const api = Object.fromEntries(METHOD_NAMES.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as HearthApi
  return Object.assign(api, {
    endpoint,
    call,
    on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(handler as (payload: never) => void)
      return () => set.delete(handler as (payload: never) => void)
    },
    /** Hangs up; the node stays unlocked and serving. */
    close(): Promise<void> {
      listeners.clear()
      if (sock.destroyed) return Promise.resolve()
      return new Promise<void>((resolve) => {
        sock.once('close', () => resolve())
        sock.end()
        setTimeout(() => sock.destroy(), 1_000).unref()
      })
    },
  })
}
