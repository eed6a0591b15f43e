/**
 * The seam between a WebRTC meeting (webrtc-meet.ts) and whatever makes the peer connections.
 * Two implementations: node-datachannel in this process (ndc-peers.ts: the CLI, the keeper, the
 * tests) and the front end's own RTCPeerConnection (page-peers.ts: the app's renderer, and the
 * web host's page), which only relays opaque bytes. Everything above this seam, signaling
 * envelopes, Noise, member-auth and replication, stays in the node whichever one is used.
 *
 * The shape is the part of libdatachannel's API the meeting uses, kept small so that a relay over
 * IPC can carry it: descriptions and candidates as strings, channel messages as bytes.
 */

import type { IceServerSetting } from '../../group/webrtc-settings.ts'

export type RtcPeerState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed'

/** One data channel, as a source and sink of binary messages. */
export interface RtcChannel {
  /** False when the channel is closed (the message was not queued). */
  sendBinary(message: Uint8Array): boolean
  /** Bytes queued to send and not yet handed to the network. */
  bufferedAmount(): number
  setBufferedAmountLowThreshold(bytes: number): void
  onBufferedAmountLow(fn: () => void): void
  onMessage(fn: (message: Uint8Array) => void): void
  onClosed(fn: () => void): void
  onError(fn: () => void): void
  close(): void
}

/** One peer connection with one data channel. */
export interface RtcPeer {
  setRemoteDescription(sdp: string, type: 'offer' | 'answer'): void
  addRemoteCandidate(candidate: string, mid: string): void
  /** Offers: the side that calls this creates the channel; the other side gets it in onChannel. */
  createChannel(): void
  onLocalDescription(fn: (sdp: string, type: 'offer' | 'answer') => void): void
  onLocalCandidate(fn: (candidate: string, mid: string) => void): void
  onStateChange(fn: (state: RtcPeerState) => void): void
  /** The channel is open (on either side). */
  onChannel(fn: (channel: RtcChannel) => void): void
  close(): void
}

export interface RtcPeerOptions {
  /** STUN/TURN servers the group named (core/group/webrtc-settings.ts); none by default. */
  iceServers: readonly IceServerSetting[]
  /** Address ICE binds to (tests: 127.0.0.1); a browser chooses its own. */
  bindAddress?: string
}

export interface RtcPeerFactory {
  create(opts: RtcPeerOptions): RtcPeer
}
