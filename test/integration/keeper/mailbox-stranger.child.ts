/**
 * A stranger at the keeper's mailboxes: it knows the keeper's key and, stronger than any real
 * stranger, a live mailbox's id, but not the invite's public key the gate key comes from. It asks
 * for a mailbox that does not exist, then leaves requests signed with a gate key of its own.
 * Prints: ready, connection, result {result} for each answer, closed.
 */
import { createRequire } from 'node:module'
import { emit, exitOnSignal, unhex } from '../net/net-fixture.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { decodeMailbox, encodeMailbox, mailboxKeys, MAILBOX_PROTOCOL, signLeave } from '../../../core/keeper/keeper-mailbox-wire.ts'
import { Protomux, rawEncoding, type NoiseStream } from '../../../core/net/holepunch-net.ts'

const require = createRequire(import.meta.url)
const Hyperswarm = require('hyperswarm')
const HyperDHT = require('hyperdht')

const config = JSON.parse(process.argv[2] as string) as { bootstrap: unknown; keeper: string; mailbox: string; leaves: number }
const keeperKey = unhex(config.keeper)
const id = unhex(config.mailbox)
// Its own gate key: from a public key it made up.
const fake = mailboxKeys(randomBytes(32))

const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap: config.bootstrap, host: '127.0.0.1' }) })
swarm.on('connection', (conn: NoiseStream) => {
  emit({ ev: 'connection' })
  conn.on('error', () => undefined)
  conn.on('close', () => emit({ ev: 'closed' }))
  const channel = Protomux.from(conn).createChannel({
    protocol: MAILBOX_PROTOCOL,
    messages: [{ encoding: rawEncoding, onmessage: (b: Uint8Array) => {
      const m = decodeMailbox(b)
      if (m?.kind === 'result') emit({ ev: 'result', result: m.result })
    } }],
    onopen: () => {
      channel?.messages[0]?.send(encodeMailbox({ kind: 'ask', id: randomBytes(32) }))
      for (let i = 0; i < config.leaves; i++) {
        const requestId = randomBytes(16)
        const request = randomBytes(600)
        channel?.messages[0]?.send(encodeMailbox({ kind: 'leave', id, requestId, signature: signLeave(fake, requestId, request), request }))
      }
    },
  })
  channel?.open()
})
swarm.joinPeer(keeperKey)

exitOnSignal(async () => {
  await swarm.destroy()
})
emit({ ev: 'ready' })
