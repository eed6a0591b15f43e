/**
 * Someone who knows the keeper's key (its code is no secret) and the key of a log it keeps.
 *   mode "stock":  plain hyperswarm + corestore, none of Hearth's code: dials the keeper by key,
 *                  replicates its whole store on the connection the ordinary way, asks for the log.
 *   mode "forged": the same, and also speaks the keeper protocol (it read Hearth's source): a
 *                  valid access proof for a group of its own (a random group secret), then a
 *                  keep message naming the other group's log, hoping to be served it. Without
 *                  `register` it guesses the registration secret (it knows only the key); with
 *                  it, it was given the keeper's code (a member of another group).
 * Prints: ready, connection, closed, block {log, index} if it ever gets one (it must not).
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { emit, exitOnSignal, unhex } from '../net/net-fixture.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { encodeAccess, encodeKeep, keeperAccess, KEEPER_PROTOCOL } from '../../../core/keeper/keeper-wire.ts'
import { Protomux, rawEncoding, type NoiseStream } from '../../../core/net/holepunch-net.ts'

interface Core {
  ready(): Promise<void>
  get(index: number): Promise<Uint8Array>
  on(event: 'download', fn: (index: number) => void): void
  download(range: { start: number; end: number }): unknown
}

const require = createRequire(import.meta.url)
const Hyperswarm = require('hyperswarm')
const HyperDHT = require('hyperdht')
const Corestore = require('corestore')

const config = JSON.parse(process.argv[2] as string) as { bootstrap: unknown; dir: string; keeper: string; keys: string[]; mode: 'stock' | 'forged'; register?: string }
const keeperKey = unhex(config.keeper)
const store = new Corestore(path.join(config.dir, 'stranger'))
await store.ready()

for (const key of config.keys) {
  const core = store.get({ key: unhex(key) }) as Core
  await core.ready()
  core.on('download', (index) => emit({ ev: 'block', log: key, index }))
  core.download({ start: 0, end: -1 })
  core.get(0).then(() => emit({ ev: 'block', log: key, index: 0 }), () => undefined)
}

const access = keeperAccess(randomBytes(32), keeperKey)
const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap: config.bootstrap, host: '127.0.0.1' }) })
swarm.on('connection', (conn: NoiseStream) => {
  emit({ ev: 'connection' })
  conn.on('error', () => undefined)
  conn.on('close', () => emit({ ev: 'closed' }))
  if (config.mode === 'forged') {
    const channel = Protomux.from(conn).createChannel({
      protocol: KEEPER_PROTOCOL,
      messages: [{ encoding: rawEncoding, onmessage: () => undefined }, { encoding: rawEncoding, onmessage: () => undefined }],
      onopen: () => {
        channel?.messages[0]?.send(encodeAccess(access, conn.handshakeHash as Uint8Array, keeperKey, config.register ? unhex(config.register) : randomBytes(16)))
        for (const m of encodeKeep(config.keys.map(unhex))) channel?.messages[1]?.send(m)
        emit({ ev: 'forged-sent' })
      },
    })
    channel?.open()
  }
  store.replicate(conn)
})
swarm.joinPeer(keeperKey)

exitOnSignal(async () => {
  await swarm.destroy()
  await store.close()
})
emit({ ev: 'ready' })
