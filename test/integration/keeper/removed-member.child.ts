/**
 * A removed member who kept everything it had: its old epoch key, the keeper's code, the keys of
 * the group's logs. It speaks the keeper protocol directly (it read Hearth's source) and tries:
 *   connection 1: a replay of an access proof made on another connection (its old proof);
 *   connection 2: a valid proof of its old access key (no registration, as a member would), and,
 *                 whatever the answer, a successor of its own making, hoping to take the group on.
 * It replicates its whole store on every connection, the ordinary way, and asks for every log.
 * Prints: ready, connection, closed, answer {kind}, block {log, index} if it ever gets one (it must not).
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { emit, exitOnSignal, unhex } from '../net/net-fixture.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { accessSeed, encodeAccess, keeperAccess, KEEPER_PROTOCOL } from '../../../core/keeper/keeper-wire.ts'
import { decodeAnswer, encodeSucceed } from '../../../core/keeper/keeper-succession.ts'
import { Protomux, rawEncoding, type NoiseStream } from '../../../core/net/holepunch-net.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'

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

const config = JSON.parse(process.argv[2] as string) as { bootstrap: unknown; dir: string; keeper: string; keys: string[]; epochKey: string; register: string }
const keeperKey = unhex(config.keeper)
const store = new Corestore(path.join(config.dir, 'removed'))
await store.ready()

for (const key of config.keys) {
  const core = store.get({ key: unhex(key) }) as Core
  await core.ready()
  core.on('download', (index) => emit({ ev: 'block', log: key, index }))
  core.download({ start: 0, end: -1 })
  core.get(0).then(() => emit({ ev: 'block', log: key, index: 0 }), () => undefined)
}

const old = keeperAccess(unhex(config.epochKey), keeperKey)
let connections = 0
const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap: config.bootstrap, host: '127.0.0.1' }) })
swarm.on('connection', (conn: NoiseStream) => {
  const n = ++connections
  emit({ ev: 'connection', n })
  conn.on('error', () => undefined)
  conn.on('close', () => emit({ ev: 'closed', n }))
  const channel = Protomux.from(conn).createChannel({
    protocol: KEEPER_PROTOCOL,
    messages: [0, 1, 2, 3].map((i) => ({
      encoding: rawEncoding,
      onmessage: (m: Uint8Array) => {
        if (i !== 3) return
        emit({ ev: 'answer', n, kind: decodeAnswer(m)?.kind ?? 'bad' })
        // Its own successor: a fresh key it holds, boxes to itself; the keeper must not take it.
        const mine = fastProvider.boxKeyPairFromSeed(randomBytes(32))
        const seed = randomBytes(32)
        const next = keeperAccess(seed, keeperKey)
        channel?.messages[2]?.send(encodeSucceed(old.publicKey, next, accessSeed(seed, keeperKey), [mine.publicKey], keeperKey))
        emit({ ev: 'forged-sent', n })
      },
    })),
    onopen: () => {
      const hash = conn.handshakeHash as Uint8Array
      // Connection 1 replays a proof made on another connection; later ones prove the old key.
      const proof = n === 1 ? encodeAccess(old, randomBytes(64), keeperKey, null) : encodeAccess(old, hash, keeperKey, null)
      channel?.messages[0]?.send(proof)
      emit({ ev: 'access-sent', n, replay: n === 1 })
    },
  })
  channel?.open()
  store.replicate(conn)
})
swarm.joinPeer(keeperKey)

exitOnSignal(async () => {
  await swarm.destroy()
  await store.close()
})
emit({ ev: 'ready' })
