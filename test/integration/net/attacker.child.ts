/**
 * Hostile peers that speak just enough of Hearth to reach member-auth, one Hyperswarm (own noise
 * key, client only) per mode so one refusal's ban does not hide the next attempt:
 *
 *   garbage       random bytes of random length as the auth message
 *   oversize      a 1 MiB auth message
 *   empty         a zero-length auth message
 *   wrong-group   137 bytes shaped like v1 but not sealed under this group's key
 *   silent        opens the auth channel and never sends
 *   frame-garbage random bytes straight onto the encrypted stream, below Protomux
 *   wrong-hh      a real member's identity signing a handshake hash that is not this connection's
 *   reflect       the member's own proof sent back (resealed for our role: we know the group secret)
 *   relay         two connections; each gets the proof the member sent on the other one
 *
 * Every connection also asks for the given log keys at once. Prints: connection {mode}, closed
 * {mode}, sent {mode}, block {log, index} (which must never appear), and dials {mode, attempted,
 * ended}: each swarm's own count of the dials it started and of those that ended (opened and
 * closed, or refused at the handshake), so a test can wait for a refused attacker to try again.
 */
import path from 'node:path'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { randomBytes } from '../../../core/crypto/random.ts'
import { encodeAuthMessage, memberAuthKey, openAuthProof, sealAuthProof, type AuthContext, type AuthProof } from '../../../core/net/auth-message.ts'
import { HyperDHT, Hyperswarm, Protomux, rawEncoding, type DhtNodeAddress, type HyperswarmInstance, type NoiseStream, type ProtomuxChannel } from '../../../core/net/holepunch-net.ts'
import { AUTH_PROTOCOL } from '../../../core/net/member-auth.ts'
import { swarmKeyPair, swarmSalt } from '../../../core/net/swarm-keys.ts'
import { groupTopic } from '../../../core/net/topic.ts'
import { Corestore, type HypercoreSession } from '../../../core/store/holepunch.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { emit, exitOnSignal, unhex } from './net-fixture.ts'

export type AttackMode = 'garbage' | 'oversize' | 'empty' | 'wrong-group' | 'silent' | 'frame-garbage' | 'wrong-hh' | 'reflect' | 'relay'

export interface AttackerConfig {
  bootstrap: DhtNodeAddress[]
  dir: string
  groupSecret: string
  groupId: string
  modes: AttackMode[]
  /** wrong-hh: the seed of a real member's identity */
  memberSeed?: string
  keys: string[]
  seed: number
}

const config = JSON.parse(process.argv[2] as string) as AttackerConfig
const rnd = seededRandom(config.seed)
const groupId = unhex(config.groupId)
const authKey = memberAuthKey(unhex(config.groupSecret))
const store = new Corestore(path.join(config.dir, 'attacker'))
await store.ready()
const cores: HypercoreSession[] = []
for (const key of config.keys) {
  const core = store.get({ key: unhex(key) })
  await core.ready()
  core.on('download', (index) => emit({ ev: 'block', log: key, index }))
  core.download({ start: 0, end: -1 })
  cores.push(core)
}

const ctxOf = (conn: NoiseStream): AuthContext => ({ authKey, groupId, handshakeHash: conn.handshakeHash as Uint8Array })

/** relay: proofs harvested per connection, and connections still waiting for one. */
const harvested = new Map<NoiseStream, AuthProof>()
const waiting = new Map<NoiseStream, ProtomuxChannel>()

function relay(): void {
  for (const [conn, channel] of waiting) {
    const other = [...harvested].find(([c]) => c !== conn)
    if (!other) continue
    waiting.delete(conn)
    channel.messages[0]?.send(sealAuthProof(ctxOf(conn), conn.isInitiator, other[1]))
    emit({ ev: 'sent', mode: 'relay' })
  }
}

function firstMessage(mode: AttackMode, conn: NoiseStream): Uint8Array | null {
  switch (mode) {
    case 'garbage': {
      let n = rnd.int(0, 400)
      if (n === 137) n++
      return rnd.bytes(n)
    }
    case 'oversize': {
      const m = new Uint8Array(1024 * 1024)
      m[0] = 1
      return m
    }
    case 'empty':
      return new Uint8Array(0)
    case 'wrong-group': {
      const m = rnd.bytes(137)
      m[0] = 1
      return m
    }
    case 'wrong-hh': {
      const member = identityFromSeed(unhex(config.memberSeed as string))
      const elsewhere = { ...ctxOf(conn), handshakeHash: randomBytes(64) }
      const proof = openAuthProof(elsewhere, conn.isInitiator, encodeAuthMessage(elsewhere, conn.isInitiator, member))
      if (!('memberId' in proof)) throw new Error('own proof did not open')
      return sealAuthProof(ctxOf(conn), conn.isInitiator, proof)
    }
    default:
      return null
  }
}

function onConnection(mode: AttackMode, conn: NoiseStream): void {
  emit({ ev: 'connection', mode })
  conn.on('error', () => undefined)
  conn.once('close', () => emit({ ev: 'closed', mode }))
  if (mode === 'frame-garbage') {
    ;(conn as unknown as { write(b: Uint8Array): void }).write(rnd.bytes(200))
    emit({ ev: 'sent', mode })
  }
  const channel: ProtomuxChannel | null = Protomux.from(conn).createChannel({
    protocol: AUTH_PROTOCOL,
    messages: [{ encoding: rawEncoding, onmessage: (m) => onMessage(mode, conn, channel as ProtomuxChannel, m) }],
    onopen: () => {
      const m = firstMessage(mode, conn)
      if (m === null) return
      channel?.messages[0]?.send(m)
      emit({ ev: 'sent', mode })
    },
  })
  channel?.open()
  for (const core of cores) core.replicate(conn)
}

function onMessage(mode: AttackMode, conn: NoiseStream, channel: ProtomuxChannel, message: Uint8Array): void {
  const theirs = openAuthProof(ctxOf(conn), !conn.isInitiator, message)
  if (!('memberId' in theirs)) return
  if (mode === 'reflect') {
    channel.messages[0]?.send(sealAuthProof(ctxOf(conn), conn.isInitiator, theirs))
    emit({ ev: 'sent', mode })
  } else if (mode === 'relay') {
    harvested.set(conn, theirs)
    waiting.set(conn, channel)
    relay()
  }
}

/** Hyperswarm's own dial counters (hyperswarm 4.x `stats`), read on its 'update' event. */
type DialStats = { stats: { connects: { client: { attempted: number; closed: number } } }; on(e: 'update', f: () => void): void }

function reportDials(mode: AttackMode, swarm: HyperswarmInstance): void {
  const s = swarm as unknown as DialStats
  let last = ''
  s.on('update', () => {
    const { attempted, closed } = s.stats.connects.client
    const now = `${attempted}/${closed}`
    if (now === last) return
    last = now
    emit({ ev: 'dials', mode, attempted, ended: closed })
  })
}

const swarms: HyperswarmInstance[] = []
const topic = groupTopic(unhex(config.groupSecret))
for (const mode of config.modes) {
  for (let i = 0; i < (mode === 'relay' ? 2 : 1); i++) {
    const dht = new HyperDHT({ bootstrap: config.bootstrap, host: '127.0.0.1' })
    const swarm = new Hyperswarm({ keyPair: swarmKeyPair(randomBytes(32), groupId, swarmSalt()), dht, firewall: () => false })
    swarm.on('connection', (conn) => onConnection(mode, conn))
    reportDials(mode, swarm)
    swarm.join(topic, { server: false, client: true })
    swarms.push(swarm)
  }
}

exitOnSignal(async () => {
  await Promise.allSettled(swarms.map((s) => s.destroy({ force: true })))
  await store.close()
})
emit({ ev: 'ready' })
