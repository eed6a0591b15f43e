/** What the API says about where a group meets over WebRTC (core/group/webrtc-settings.ts, issue 16). */

/** One STUN or TURN server the group names. */
export interface IceServerView {
  url: string
  username?: string
  credential?: string
}

/** One STUN or TURN server as shown: its TURN username, and whether it has a credential, never the credential. */
export interface IceServerShown {
  url: string
  username?: string
  hasCredential?: true
}

/** The group's WebRTC setting as governance records it, with what this device does with it. */
export interface WebrtcSettingView {
  /** Signaling servers the group names (ws:// or wss://); empty while no facilitator named one. */
  signal: string[]
  /** STUN and TURN servers the group names; empty by default. A credential is never shown back. */
  ice: IceServerShown[]
  /** The facilitator who set it last, or null (never set: no WebRTC server at all). */
  setBy: { member: string; name: string } | null
  setAt: number | null
  /** The signaling server this device uses now and why (its own `--signal` wins), or null. */
  using: { server: string; from: 'group' | 'device' } | null
}

/** In GroupStatus: this node meets the group over WebRTC through `server`; `signaling` is whether it is reached now. */
export interface WebrtcStatus {
  server: string
  from: 'group' | 'device'
  signaling: boolean
  /** How the meeting went since this node started meeting there (counts only: no room, no address). */
  meeting?: WebrtcMeetingView
}

/**
 * Counts of one group's WebRTC meeting on this node: rooms met in now, other devices heard in
 * them, peer connections tried, opened (a data channel) and lost (failed or timed out), sessions
 * held apart now, and connections member-auth refused here. What a person (or a bug report) can
 * tell apart with it: no server, an empty room, a room with nobody answering, connections that
 * never open, or a member refused.
 */
export interface WebrtcMeetingView {
  rooms: number
  heard: number
  tried: number
  opened: number
  lost: number
  held: number
  refused: number
}

/** Which transports a device meets its groups on (core/net/transports.ts). */
export type TransportChoice = 'hyperswarm' | 'webrtc' | 'both'

/** This device's stored choice, and the one in force (a transport given when the node started wins for that run). */
export interface TransportView {
  choice: TransportChoice
  inForce: TransportChoice
}
