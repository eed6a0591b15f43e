/**
 * One member on WebRTC only, in its own process: meets the group's room on the signaling server
 * given (core/net/webrtc/webrtc-meet.ts), runs Noise over each data channel, then member-auth,
 * exactly as on a Hyperswarm connection, then (given a store folder) replicates its own log and
 * the peers' logs over that same Noise stream, one core at a time as GroupSwarm does. Prints JSON
 * lines: {"ready":true}, one {"auth":{ok,memberId|reason}} per channel, one {"block":TEXT} per
 * block fetched. Argument: one JSON object {url, groupSecret, epochKey, groupId, seed, members, and
 * optionally dir, logSeed, append, peerLogs} (hex strings; members a list of member ids).
 */
import path from 'node:path'
import readline from 'node:readline'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { memberAuthKey } from '../../../core/net/auth-message.ts'
import { authenticatePeer } from '../../../core/net/member-auth.ts'
import { swarmKeyPair, swarmSalt } from '../../../core/net/swarm-keys.ts'
import { noiseOverChannel } from '../../../core/net/webrtc/channel-stream.ts'
import { WebrtcMeet } from '../../../core/net/webrtc/webrtc-meet.ts'
import { Corestore, type HypercoreSession } from '../../../core/store/holepunch.ts'
import { exitOnSignal, logKeyPair } from './net-fixture.ts'

const args = JSON.parse(process.argv[2] ?? '{}') as {
  url: string; groupSecret: string; groupId: string; seed: string; members: string[]; epochKey: string
  dir?: string; logSeed?: string; append?: string[]; peerLogs?: string[]
}
const bytes = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'))
const groupSecret = bytes(args.groupSecret)
const groupId = bytes(args.groupId)
const seed = bytes(args.seed)
const identity = identityFromSeed(seed)
const keyPair = swarmKeyPair(seed, groupId, swarmSalt())
const members = new Set(args.members)
const say = (v: unknown): void => void process.stdout.write(JSON.stringify(v) + '\n')

const logs: HypercoreSession[] = []
const store = args.dir ? new Corestore(path.join(args.dir, 'store')) : null
if (store && args.logSeed) {
  const keyPair = logKeyPair(bytes(args.logSeed))
  const own = store.get({ manifest: { version: 1, signers: [{ publicKey: keyPair.publicKey }] } })
  await own.ready()
  for (const text of args.append ?? []) await own.append(new TextEncoder().encode(text), { keyPair })
  logs.push(own)
}
for (const key of store ? args.peerLogs ?? [] : []) {
  const copy = (store as NonNullable<typeof store>).get({ key: bytes(key) })
  await copy.ready()
  copy.on('download', (index) => {
    void copy.get(index, { wait: false }).then((block) => block && say({ block: new TextDecoder().decode(block) }))
  })
  copy.download({ start: 0, end: -1 })
  logs.push(copy)
}

const meet = await WebrtcMeet.open({
  url: args.url,
  groupSecret,
  epochKeys: [bytes(args.epochKey)],
  bindAddress: '127.0.0.1',
  onEvent: (code) => void process.stderr.write(`${code}\n`),
  onChannel: ({ stream, initiator }) => {
    const noise = noiseOverChannel(stream, initiator, keyPair)
    void authenticatePeer(noise, { authKey: memberAuthKey(groupSecret), groupId, member: identity, isMember: (id) => members.has(id) })
      .then((auth) => {
        say({ auth })
        // Only a proven member's connection gets any core, as in GroupSwarm.
        if (auth.ok) for (const log of logs) log.replicate(noise)
      })
  },
})
// A line `{"epoch":HEX}` on stdin moves this member to that epoch's room, as a rotation does.
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const { epoch } = JSON.parse(line) as { epoch: string }
  meet.setRooms([bytes(epoch)])
  say({ moved: true })
})
say({ ready: true })
exitOnSignal(async () => {
  meet.close()
  await store?.close()
})
