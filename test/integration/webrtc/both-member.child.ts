/**
 * One member's GroupSwarm on both transports (Hyperswarm on the loopback testnet, WebRTC through
 * the signaling server given), in its own process, for the one-connection-per-device test.
 * Prints JSON lines: {"ready":true}; {"peers":[transport, …]} after every peer-up and peer-down;
 * {"duplicate":transport} each time a second connection to a device is closed.
 * Argument: one JSON object {url, bootstrap: "HOST:PORT", groupSecret, epochKey, groupId, seed, members}.
 */
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { GroupSwarm } from '../../../core/net/group-swarm.ts'
import { exitOnSignal } from '../net/net-fixture.ts'

const args = JSON.parse(process.argv[2] ?? '{}') as { url: string; bootstrap: string; groupSecret: string; epochKey: string; groupId: string; seed: string; members: string[] }
const bytes = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'))
const say = (v: unknown): void => void process.stdout.write(JSON.stringify(v) + '\n')
const [host, port] = args.bootstrap.split(':') as [string, string]
const members = new Set(args.members)

const swarm = await GroupSwarm.open({
  groupSecret: bytes(args.groupSecret),
  groupId: bytes(args.groupId),
  identity: identityFromSeed(bytes(args.seed)),
  isMember: (id) => members.has(id),
  bootstrap: [{ host, port: Number(port) }],
  host: '127.0.0.1',
  transport: 'both',
  webrtc: { url: args.url, epochKeys: [bytes(args.epochKey)], bindAddress: '127.0.0.1' },
})
const peers = (): void => say({ peers: swarm.peers().map((p) => p.transport) })
swarm.on('peer-up', peers)
swarm.on('peer-down', peers)
swarm.on('peer-duplicate', (transport) => say({ duplicate: transport }))
say({ ready: true })
exitOnSignal(() => swarm.close())
