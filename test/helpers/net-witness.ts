/**
 * A witness of every internet address this process exchanged UDP with (keeper-only tests): it
 * patches udx-native, under hyperdht and Hyperswarm, in the child process itself, so nothing in
 * core is touched. Recorded, one JSON line each to `file`: every sender of a datagram a socket
 * received (DHT messages, holepunch probes), every address a socket sent a datagram to, every
 * address a stream was connected to, and every topic a Hyperswarm joined (so a test can look the
 * group's topic up as a stranger would).
 */
import { appendFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Proto = Record<string, (...args: unknown[]) => unknown>

export function installNetWitness(file: string): void {
  const require = createRequire(import.meta.url)
  const seen = new Set<string>()
  const note = (kind: string, host: unknown): void => {
    const key = `${kind} ${String(host)}`
    if (typeof host !== 'string' || seen.has(key)) return
    seen.add(key)
    appendFileSync(file, JSON.stringify({ kind, host }) + '\n')
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
  wrap(socket, '_onmessage', (a) => note('from', a[2]))
  wrap(socket, 'send', (a) => note('to', a[2]))
  wrap(socket, 'trySend', (a) => note('to', a[2]))
  wrap(stream, 'connect', (a) => note('stream', a[3]))
  const swarm = (require('hyperswarm') as { prototype: Proto }).prototype
  wrap(swarm, 'join', (a) => {
    const topic = a[0]
    if (topic instanceof Uint8Array) appendFileSync(file, JSON.stringify({ kind: 'topic', topic: Buffer.from(topic).toString('hex') }) + '\n')
  })
}
