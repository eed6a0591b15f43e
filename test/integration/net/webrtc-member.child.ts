/**
 * One member on WebRTC only, in its own process: meets the group's room on the signaling server
 * given (core/net/webrtc/webrtc-meet.ts), runs Noise over each data channel, then member-auth,
 * exactly as on a Hyperswarm connection. Prints JSON lines: {"ready":true}, then one
 * {"auth":{ok,memberId|reason}} per channel. Arguments: one JSON object
 * {url, groupSecret, groupId, seed, members} (hex strings; members a list of member ids).
 */
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { memberAuthKey } from '../../../core/net/auth-message.ts'
import { authenticatePeer } from '../../../core/net/member-auth.ts'
import { swarmKeyPair, swarmSalt } from '../../../core/net/swarm-keys.ts'
import { noiseOverChannel } from '../../../core/net/webrtc/channel-stream.ts'
import { WebrtcMeet } from '../../../core/net/webrtc/webrtc-meet.ts'

const args = JSON.parse(process.argv[2] ?? '{}') as { url: string; groupSecret: string; groupId: string; seed: string; members: string[] }
const bytes = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'))
const groupSecret = bytes(args.groupSecret)
const groupId = bytes(args.groupId)
const seed = bytes(args.seed)
const identity = identityFromSeed(seed)
const keyPair = swarmKeyPair(seed, groupId, swarmSalt())
const members = new Set(args.members)
const say = (v: unknown): void => void process.stdout.write(JSON.stringify(v) + '\n')

const meet = await WebrtcMeet.open({
  url: args.url,
  groupSecret,
  bindAddress: '127.0.0.1',
  onEvent: (code) => void process.stderr.write(`${code}\n`),
  onChannel: ({ stream, initiator }) => {
    const noise = noiseOverChannel(stream, initiator, keyPair)
    void authenticatePeer(noise, { authKey: memberAuthKey(groupSecret), groupId, member: identity, isMember: (id) => members.has(id) })
      .then((auth) => say({ auth }))
  },
})
say({ ready: true })
const stop = (): void => {
  meet.close()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
