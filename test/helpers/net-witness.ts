/**
 * A witness of every UDP endpoint (host:port) this process exchanged datagrams with (keeper-only
 * tests): it patches udx-native, under hyperdht and Hyperswarm, in the child process itself, so
 * nothing in core is touched. Recorded, one JSON line each to `file`: every socket this process
 * bound (`bound`), every sender of a datagram a socket received (`from`: DHT messages, holepunch
 * probes), every endpoint a socket sent a datagram to (`to`), every endpoint a stream was
 * connected to (`stream`), and every topic a Hyperswarm joined (so a test can look the group's
 * topic up as a stranger would). A test compares one process's `from`/`to`/`stream` with another
 * process's `bound`: endpoints, not just hosts, so it holds with every node on 127.0.0.1.
 */
import { appendFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Proto = Record<string, (...args: unknown[]) => unknown>

export function installNetWitness(file: string): void {
  const require = createRequire(import.meta.url)
  const seen = new Set<string>()
  const note = (kind: string, host: unknown, port: unknown): void => {
    const at = `${String(host)}:${String(port)}`
    if (typeof host !== 'string' || typeof port !== 'number' || seen.has(`${kind} ${at}`)) return
    seen.add(`${kind} ${at}`)
    appendFileSync(file, JSON.stringify({ kind, host, at }) + '\n')
  }
  const wrap = (proto: Proto, name: string, before: (args: unknown[]) => void): void => {
    const original = proto[name]
    if (typeof original !== 'function') throw new Error(`net witness: udx-native has no ${name}`)
    proto[name] = function (this: unknown, ...args: unknown[]) {
      before(args)
      return original.apply(this, args)
    }
  }
  const socket = (require('udx-native/lib/socket.js') as { prototype: Proto }).prototype
  const stream = (require('udx-native/lib/stream.js') as { prototype: Proto }).prototype
  wrap(socket, '_onmessage', (a) => note('from', a[2], a[1]))
  wrap(socket, 'send', (a) => note('to', a[2] ?? '127.0.0.1', a[1]))
  wrap(socket, 'trySend', (a) => note('to', a[2] ?? '127.0.0.1', a[1]))
  wrap(stream, 'connect', (a) => note('stream', a[3] ?? '127.0.0.1', a[2]))
  const bind = socket.bind as (this: { address(): { host: string; port: number } }, ...args: unknown[]) => unknown
  socket.bind = function (this: { address(): { host: string; port: number } }, ...args: unknown[]) {
    const out = bind.apply(this, args)
    const { host, port } = this.address()
    note('bound', host, port)
    return out
  }
  const swarm = (require('hyperswarm') as { prototype: Proto }).prototype
  wrap(swarm, 'join', (a) => {
    const topic = a[0]
    if (topic instanceof Uint8Array) appendFileSync(file, JSON.stringify({ kind: 'topic', topic: Buffer.from(topic).toString('hex') }) + '\n')
  })
}
