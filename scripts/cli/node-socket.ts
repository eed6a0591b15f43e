/**
 * The serving side of a node's local socket (wire format: ./node-wire.ts). `hearth serve` opens
 * it once its own process holds the profile, so other `hearth` commands on the same profile run
 * against this node instead of failing on the store's lock.
 *
 * Who may drive it: the socket is created mode 0600 (owner only), and each connection must still
 * show the profile's passphrase with an `unlock` call before anything private is answered. Until
 * then only what an in-process CLI also answers without a passphrase goes through: the profile's
 * status, createProfile (which fails: the profile exists) and destroyProfile (the panic wipe must
 * work without the passphrase, as it does in the desktop app).
 */
import { promises as fs } from 'node:fs'
import net from 'node:net'
import type { EventName, Result } from '../../core/api.ts'
import { errors, HearthError, isHearthError } from '../../core/errors.ts'
import { describeIssues, inputSchemas } from '../../core/schemas.ts'
import type { HearthService } from '../../core/service.ts'
import { connectToNode } from './node-client.ts'
import { failure, isCall, LineReader, MAX_LINE_BYTES, nodeEndpoint, parseCall, tooLong, type CallFrame, type ReplyFrame } from './node-wire.ts'
/** Resolves when `passphrase` opens the profile's vault; rejects with a coded HearthError. */
export type PassphraseCheck = (passphrase: string) => Promise<void>

export const MAX_CONNECTIONS = 16
export const MAX_CALLS_PER_CONNECTION = 16
/** A caller that stops reading loses its connection rather than the node's memory. */
const MAX_UNREAD_BYTES = 8 * 1024 * 1024
/** How long stopping waits for calls already running (a panic wipe must finish and be answered). */
const DRAIN_MS = 5_000
const OPEN_METHODS = new Set(['profileStatus', 'createProfile', 'destroyProfile'])
/** Every event, forwarded to callers who showed the passphrase; `satisfies` catches a new one. */
const EVENTS = Object.keys({ locked: true, unlocked: true, groupsChanged: true, groupChanged: true, exportProgress: true, joinProgress: true, rtc: true } satisfies Record<EventName, true>) as EventName[]

export interface NodeSocket {
  endpoint: string
  /** Stops listening, removes the socket file, lets running calls finish (briefly), hangs up. */
  close(): Promise<void>
}

export interface NodeSocketOptions {
  profileDir: string
  service: HearthService
  checkPassphrase: PassphraseCheck
}

const coded = (e: unknown): Result<never> => failure((isHearthError(e) ? e : errors.INTERNAL()).toApiError())

export type Listening = { socket: NodeSocket } | { socket: null; why: string }

/**
 * Listens for the profile's node. Call it only while this process holds the profile's store: a
 * socket file found then cannot belong to a live node of this profile, so it is removed. Where
 * no socket can exist (a path too long for one, a file system without sockets) it says why
 * instead, since syncing matters more than the socket; a live node or a file in the way throw.
 */
export async function listenOnProfile(opts: NodeSocketOptions): Promise<Listening> {
  const endpoint = nodeEndpoint(opts.profileDir)
  if (!endpoint) return { socket: null, why: 'the profile path is too long for a local socket' }
  const isPipe = process.platform === 'win32'
  if (!isPipe) await removeStale(endpoint, opts.profileDir)

  const connections = new Set<net.Socket>()
  const running = new Set<Promise<unknown>>()
  const server = net.createServer((sock) => accept(sock, { ...opts, connections, running }))
  const failed = await bindOwnerOnly(server, endpoint, isPipe)
  if (failed) return { socket: null, why: failed }
  server.on('error', () => undefined)

  let closing: Promise<void> | null = null
  const socket: NodeSocket = {
    endpoint,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        if (!isPipe) await fs.rm(endpoint, { force: true }).catch(() => undefined)
        await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, DRAIN_MS).unref())])
        for (const c of connections) {
          // end() first, so answers already written (a panic wipe's) still reach their callers.
          c.end()
          setTimeout(() => c.destroy(), 1_000).unref()
        }
        await stopped
      })()
      return closing
    },
  }
  return { socket }
}

async function removeStale(endpoint: string, profileDir: string): Promise<void> {
  let st
  try {
    st = await fs.lstat(endpoint)
  } catch {
    return
  }
  if (!st.isSocket()) throw new HearthError('INVALID_INPUT', `${endpoint} is in the way and is not a socket; move it aside`)
  const live = await connectToNode(profileDir)
  if (live) {
    await live.close()
    throw new HearthError('PROFILE_BUSY', 'another node is already serving this profile')
  }
  await fs.rm(endpoint, { force: true })
}

/**
 * The umask makes the socket owner-only from the moment it exists; chmod says so again. Resolves
 * with why listening failed, or null once it listens.
 */
async function bindOwnerOnly(server: net.Server, endpoint: string, isPipe: boolean): Promise<string | null> {
  const previous = isPipe ? null : process.umask(0o077)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(endpoint, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new HearthError('PROFILE_BUSY', 'another node is already serving this profile')
    return `cannot listen on ${endpoint} (${code ?? 'error'})`
  } finally {
    if (previous !== null) process.umask(previous)
  }
  if (!isPipe) await fs.chmod(endpoint, 0o600)
  return null
}

interface Shared extends NodeSocketOptions {
  connections: Set<net.Socket>
  running: Set<Promise<unknown>>
}

function accept(sock: net.Socket, shared: Shared): void {
  sock.on('error', () => undefined)
  if (shared.connections.size >= MAX_CONNECTIONS) {
    sock.end(line({ id: null, result: failure(new HearthError('PROFILE_BUSY', 'too many connections to this node; try again').toApiError()) }))
    return
  }
  shared.connections.add(sock)
  const reader = new LineReader(MAX_LINE_BYTES)
  const unsubscribe: (() => void)[] = []
  let proven = false
  /** Calls wait behind a passphrase check in flight, so `unlock` then `post` works pipelined. */
  let proof: Promise<unknown> = Promise.resolve()
  let calls = 0

  sock.on('close', () => {
    shared.connections.delete(sock)
    for (const off of unsubscribe.splice(0)) off()
  })
  sock.on('data', (data: Buffer) => {
    const { lines, overflow } = reader.push(data)
    for (const l of lines) handle(l)
    if (overflow) {
      send(tooLong())
      sock.end()
      setTimeout(() => sock.destroy(), 1_000).unref()
    }
  })

  function handle(text: string): void {
    const frame = parseCall(text)
    if (!isCall(frame)) return send(frame)
    if (calls >= MAX_CALLS_PER_CONNECTION) {
      return send({ id: frame.id, result: failure(new HearthError('PROFILE_BUSY', 'too many calls at once on one connection').toApiError()) })
    }
    calls++
    const done = run(frame).catch(coded).then((result) => {
      calls--
      shared.running.delete(done)
      send({ id: frame.id, result })
    })
    shared.running.add(done)
  }

  async function run(frame: CallFrame): Promise<Result<unknown>> {
    if (frame.method === 'unlock') {
      const check = prove(frame.input)
      proof = check
      return check
    }
    await proof
    if (!proven && !OPEN_METHODS.has(frame.method)) return failure(errors.PROFILE_LOCKED().toApiError())
    return shared.service.call(frame.method, frame.input)
  }

  async function prove(input: unknown): Promise<Result<unknown>> {
    const parsed = inputSchemas.unlock.safeParse(input ?? {})
    if (!parsed.success) return failure(errors.INVALID_INPUT(describeIssues(parsed.error)).toApiError())
    try {
      await shared.checkPassphrase(parsed.data.passphrase)
    } catch (e) {
      return coded(e)
    }
    if (!proven && !sock.destroyed) {
      proven = true
      for (const event of EVENTS) unsubscribe.push(shared.service.on(event, (payload) => send({ event, payload })))
    }
    return shared.service.call('profileStatus', {})
  }

  function send(frame: ReplyFrame | { event: EventName; payload: unknown }): void {
    if (sock.destroyed || !sock.writable) return
    if (sock.writableLength > MAX_UNREAD_BYTES) {
      sock.destroy()
      return
    }
    sock.write(line(frame))
  }
}

function line(frame: unknown): string {
  try {
    return JSON.stringify(frame) + '\n'
  } catch {
    const id = (frame as { id?: unknown }).id
    return JSON.stringify({ id: id ?? null, result: failure(errors.INTERNAL().toApiError()) }) + '\n'
  }
}
