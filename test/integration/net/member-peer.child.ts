/**
 * A Hearth peer for the net integration tests: a real Corestore in its own folder, its own device
 * log (keys from `logSeed`), copies of the other members' logs, and a GroupSwarm on the testnet.
 *
 * Prints (one JSON object per line): ready, peer-up / peer-down {memberId}, log {code, reason},
 * block {log, index, text} for every block it receives from a peer.
 *
 * `foreignLogSeed` adds a log to the same store that is NOT handed to the swarm: another group's
 * log, which no connection of this group may serve.
 */
import path from 'node:path'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { GroupSwarm } from '../../../core/net/group-swarm.ts'
import { Corestore, type HypercoreSession } from '../../../core/store/holepunch.ts'
import type { DhtNodeAddress } from '../../../core/net/holepunch-net.ts'
import { emit, exitOnSignal, hex, logKeyPair, unhex } from './net-fixture.ts'

export interface MemberPeerConfig {
  bootstrap: DhtNodeAddress[]
  dir: string
  groupSecret: string
  groupId: string
  identitySeed: string
  /** Member ids (hex) this peer accepts. */
  members: string[]
  logSeed: string
  foreignLogSeed?: string
  /** Keys (hex) of logs this peer holds copies of and asks peers for. */
  peerLogs: string[]
  append?: string[]
  /** Appended once the first peer is authenticated: proves live replication. */
  appendOnPeerUp?: string[]
  authTimeoutMs?: number
  /** How long this process may live on its own (net-fixture.ts CHILD_LIFETIME_MS by default). */
  lifetimeMs?: number
}

const config = JSON.parse(process.argv[2] as string) as MemberPeerConfig
const store = new Corestore(path.join(config.dir, 'store'))
await store.ready()

async function ownLog(seed: string, blocks: string[]): Promise<{ core: HypercoreSession; append(text: string): Promise<unknown> }> {
  const keyPair = logKeyPair(unhex(seed))
  const core = store.get({ manifest: { version: 1, signers: [{ publicKey: keyPair.publicKey }] } })
  await core.ready()
  const append = (text: string): Promise<unknown> => core.append(new TextEncoder().encode(text), { keyPair })
  for (const b of blocks) await append(b)
  return { core, append }
}

const own = await ownLog(config.logSeed, config.append ?? [])
if (config.foreignLogSeed) await ownLog(config.foreignLogSeed, ['foreign-secret'])

const copies: HypercoreSession[] = []
for (const key of config.peerLogs) {
  const core = store.get({ key: unhex(key) })
  await core.ready()
  core.on('download', (index) => {
    void core.get(index, { wait: false }).then((block) => {
      if (block) emit({ ev: 'block', log: key, index, text: new TextDecoder().decode(block) })
    })
  })
  copies.push(core)
}

const identity = identityFromSeed(unhex(config.identitySeed))
const members = new Set(config.members)
const swarm = await GroupSwarm.open({
  groupSecret: unhex(config.groupSecret),
  groupId: unhex(config.groupId),
  identity,
  isMember: (id) => members.has(id),
  logs: [own.core, ...copies],
  bootstrap: config.bootstrap,
  host: '127.0.0.1',
  authTimeoutMs: config.authTimeoutMs,
  log: (entry) => emit({ ev: 'log', ...entry }),
})

let appended = false
swarm.on('peer-up', (peer) => {
  emit({ ev: 'peer-up', memberId: peer.memberId })
  if (appended) return
  appended = true
  void (async () => {
    for (const text of config.appendOnPeerUp ?? []) await own.append(text)
    if (config.appendOnPeerUp?.length) emit({ ev: 'appended', length: own.core.length })
  })()
})
swarm.on('peer-down', (peer) => emit({ ev: 'peer-down', memberId: peer.memberId }))

exitOnSignal(async () => {
  await swarm.close()
  await store.close()
}, config.lifetimeMs)
emit({ ev: 'ready', memberId: hex(identity.signPublicKey), logKey: hex(own.core.key as Uint8Array) })
