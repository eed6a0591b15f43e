/**
 * The WebRTC side of a group's swarm (group-swarm.ts): meets the group's room for the current
 * epoch (webrtc-meet.ts), runs over each data channel the same Noise stream Hyperswarm makes,
 * with the membership's own swarm key pair, and hands it to the swarm's one connection path, so
 * member-auth, replication, presence and liveness are the same code whichever transport carried
 * the bytes. Using the same key pair on both transports is what lets both ends recognise one
 * device reached twice (transports.ts).
 *
 * It remembers which WebRTC peers it keeps apart because the same device is connected over
 * Hyperswarm, so that when that connection ends the device is met over WebRTC again.
 */
import type { NoiseStream, SwarmKeyPair, TopicDiscovery } from '../holepunch-net.ts'
import type { IceServerSetting } from '../../group/webrtc-settings.ts'
import { noiseOverChannel } from './channel-stream.ts'
import type { RtcPeerFactory } from './rtc-peers.ts'
import { WebrtcMeet, type MeetingCounts } from './webrtc-meet.ts'

/** Refused sessions remembered for forgive(); past this the oldest is left to its hold's end. */
const MAX_REFUSED_HELD = 256

/** A meeting's counts and how many connections member-auth refused here. */
export type SideCounts = MeetingCounts & { refused: number }

export interface WebrtcSideOptions {
  /** ws:// or wss:// address of the signaling server. */
  url: string
  groupSecret: Uint8Array
  epochKeys: Uint8Array[]
  /** The group's STUN/TURN servers (ice-servers.ts); none by default. */
  iceServers?: IceServerSetting[]
  bindAddress?: string
  /** Who makes the peer connections (rtc-peers.ts); node-datachannel by default. */
  peers?: RtcPeerFactory
  keyPair: SwarmKeyPair
  /** A Noise stream over a new data channel; `remote` names the peer's session for refuse/keepApart. */
  onConnection(conn: NoiseStream, remote: string): void
  onEvent?(code: string): void
}

export class WebrtcSide {
  private readonly meet: WebrtcMeet
  /** noise key (hex) → the WebRTC session held apart while that device is connected otherwise. */
  private readonly apart = new Map<string, string>()
  private refused = 0
  /** Sessions held because member-auth refused them, oldest first: forgive() lifts these, not keepApart's. */
  private readonly refusedHeld = new Set<string>()
  /** For the rendezvous (rendezvous.ts): a look for peers is a hello in the room. */
  readonly topic: TopicDiscovery = { refresh: async () => this.meet.refresh() }

  /** The signaling server met through now. */
  url: string

  constructor(opts: WebrtcSideOptions) {
    this.url = opts.url
    this.meet = WebrtcMeet.start({
      url: opts.url,
      groupSecret: opts.groupSecret,
      epochKeys: opts.epochKeys,
      ...(opts.iceServers ? { iceServers: opts.iceServers } : {}),
      ...(opts.bindAddress ? { bindAddress: opts.bindAddress } : {}),
      ...(opts.peers ? { peers: opts.peers } : {}),
      ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
      onChannel: ({ stream, initiator, remote }) => opts.onConnection(noiseOverChannel(stream, initiator, opts.keyPair), remote),
    })
  }

  /** Whether the signaling server is reachable now. */
  get signaling(): boolean {
    return this.meet.signaling
  }

  /** How the meeting went so far, counts only. */
  counts(): SideCounts {
    return { ...this.meet.counts(), refused: this.refused }
  }

  setEpochs(epochKeys: Uint8Array[]): void {
    this.meet.setRooms(epochKeys)
  }

  /** The group named another signaling server, or other ICE servers: new meetings use them. */
  setServers(url: string, iceServers: IceServerSetting[]): void {
    if (url !== this.url) this.meet.setServer(url)
    this.url = url
    this.meet.setIceServers(iceServers)
  }

  /** Member-auth refused this peer: neither offer to it nor answer it for `ms`. */
  refuse(remote: string, ms: number): void {
    this.refused++
    this.refusedHeld.delete(remote)
    this.refusedHeld.add(remote)
    // Bounded: a stream of strangers must not grow it; one left out still ends with its hold.
    if (this.refusedHeld.size > MAX_REFUSED_HELD) this.refusedHeld.delete(this.refusedHeld.values().next().value as string)
    this.meet.hold(remote, ms)
  }

  /**
   * Lifts every member-auth refusal at once (group-swarm.ts forgive(): an admission was read, and
   * the refused peer may be that newcomer). A session kept apart for Hyperswarm stays apart.
   */
  forgive(): boolean {
    const any = this.refusedHeld.size > 0
    for (const remote of this.refusedHeld) this.meet.release(remote)
    this.refusedHeld.clear()
    return any
  }

  /** The device behind `noiseKey` is connected over Hyperswarm: keep its WebRTC session apart. */
  keepApart(noiseKey: string, remote: string): void {
    this.refusedHeld.delete(remote)
    this.apart.set(noiseKey, remote)
    this.meet.hold(remote)
  }

  /** The other connection to `noiseKey` ended: meet that device over WebRTC again. */
  rejoin(noiseKey: string): void {
    const remote = this.apart.get(noiseKey)
    if (remote === undefined) return
    this.apart.delete(noiseKey)
    this.meet.release(remote)
  }

  close(): void {
    this.apart.clear()
    this.refusedHeld.clear()
    this.meet.close()
  }
}
