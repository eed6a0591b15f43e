/**
 * A group swarm's place for its WebRTC side (webrtc-side.ts), which may be empty: a node that may
 * meet over WebRTC opens a side only once a signaling server is named (the group's setting,
 * core/group/webrtc-settings.ts, or the device's own `--signal`), moves it when the setting
 * names another, and closes it when the setting names none. The swarm calls the slot as it would
 * the side; with no side open each call does nothing.
 */
import type { IceServerSetting } from '../../group/webrtc-settings.ts'
import type { NoiseStream, SwarmKeyPair, TopicDiscovery } from '../holepunch-net.ts'
import type { RtcPeerFactory } from './rtc-peers.ts'
import { WebrtcSide, type SideCounts } from './webrtc-side.ts'

/** A signaling server, the group's STUN/TURN servers (ice-servers.ts) and the rooms' epoch keys. */
export interface WebrtcWhere {
  url: string
  iceServers?: IceServerSetting[]
  epochKeys: Uint8Array[]
}

export interface WebrtcSlotOptions {
  groupSecret: Uint8Array
  keyPair: SwarmKeyPair
  bindAddress?: string
  /** Who makes the peer connections (rtc-peers.ts); node-datachannel in this process by default. */
  peers?: RtcPeerFactory
  onEvent?(code: string): void
  onConnection(conn: NoiseStream, remote: string): void
}

export class WebrtcSlot {
  private side: WebrtcSide | null = null

  constructor(private readonly opts: WebrtcSlotOptions) {}

  /** For the rendezvous: the open side's room, if any. */
  topics(): TopicDiscovery[] {
    return this.side ? [this.side.topic] : []
  }

  /** Meets through this server from now on, or stops meeting over WebRTC (null). Connections already up stay, but for null. */
  set(where: WebrtcWhere | null): void {
    if (where === null) {
      this.side?.close()
      this.side = null
      return
    }
    if (this.side) {
      this.side.setServers(where.url, where.iceServers ?? [])
      return this.side.setEpochs(where.epochKeys)
    }
    const o = this.opts
    this.side = new WebrtcSide({
      url: where.url, groupSecret: o.groupSecret, epochKeys: where.epochKeys, keyPair: o.keyPair, onConnection: o.onConnection,
      ...(where.iceServers ? { iceServers: where.iceServers } : {}), ...(o.bindAddress ? { bindAddress: o.bindAddress } : {}), ...(o.peers ? { peers: o.peers } : {}), ...(o.onEvent ? { onEvent: o.onEvent } : {}),
    })
  }

  /** The signaling server met through now, whether it is reached and how the meeting went, or null with no side open. */
  server(): { url: string; signaling: boolean; counts: SideCounts } | null {
    return this.side ? { url: this.side.url, signaling: this.side.signaling, counts: this.side.counts() } : null
  }

  setEpochs(epochKeys: Uint8Array[]): void {
    this.side?.setEpochs(epochKeys)
  }

  refuse(remote: string, ms: number): void {
    this.side?.refuse(remote, ms)
  }

  /** Lifts member-auth's holds (webrtc-side.ts forgive); true when there was any. */
  forgive(): boolean {
    return this.side?.forgive() ?? false
  }

  keepApart(noiseKey: string, remote: string): void {
    this.side?.keepApart(noiseKey, remote)
  }

  rejoin(noiseKey: string): void {
    this.side?.rejoin(noiseKey)
  }

  close(): void {
    this.set(null)
  }
}
