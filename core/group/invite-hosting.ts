/**
 * Where a member's node answers the group's live invites (DESIGN.md §3.4): on each invite's DHT
 * topic (core/net/invite-swarm.ts) and, while the node meets the group over WebRTC through a
 * signaling server (meeting-rooms.ts), in each invite's room there too
 * (core/net/webrtc/invite-meet.ts), so a newcomer whose network blocks UDP can be let in. The
 * WebRTC side holds a signaling connection only while there is a live invite to answer. A node
 * on WebRTC alone opens no DHT for invites either: `--transport webrtc` means no Hyperswarm.
 */
import type { NetworkOptions } from '../net/holepunch-net.ts'
import { InviteHost } from '../net/invite-swarm.ts'
import { DEFAULT_TRANSPORT, usesHyperswarm } from '../net/transports.ts'
import type { JoinAnswer } from '../net/join-exchange.ts'
import { WebrtcInviteHost, type InviteMeetWhere } from '../net/webrtc/invite-meet.ts'
import { inviteTopic } from './invite-keys.ts'

export interface InviteAnswering {
  groupId: string
  newChallenge(): string
  /** null: this member cannot admit now (its log is full or behind); the joiner looks on (join.ts). */
  decide(proof: Uint8Array, challenge: string): Promise<JoinAnswer | null>
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export class InviteHosting {
  private rtc: WebrtcInviteHost | null = null
  private closed = false

  private constructor(private readonly dht: InviteHost | null, private readonly answering: InviteAnswering) {}

  /** On WebRTC alone no DHT at all: invites are answered in their WebRTC rooms only. */
  static async open(net: NetworkOptions, answering: InviteAnswering): Promise<InviteHosting> {
    return new InviteHosting(usesHyperswarm(net.transport ?? DEFAULT_TRANSPORT) ? await InviteHost.open(net, answering) : null, answering)
  }

  /** Answers exactly these invites (public keys), on the DHT and, with `where`, over WebRTC. */
  async setInvites(publicKeys: Uint8Array[], where: InviteMeetWhere | null): Promise<void> {
    if (this.closed) return
    if (this.rtc && (!where || !publicKeys.length || this.rtc.url !== where.url)) {
      this.rtc.close()
      this.rtc = null
    }
    if (where && publicKeys.length) {
      this.rtc ??= new WebrtcInviteHost(where, this.answering)
      this.rtc.setIceServers(where.iceServers ?? [])
      this.rtc.setInvites(publicKeys)
    }
    await this.dht?.setTopics(publicKeys.map((k) => hex(inviteTopic(k))))
  }

  async close(): Promise<void> {
    this.closed = true
    this.rtc?.close()
    this.rtc = null
    await this.dht?.close()
  }
}
