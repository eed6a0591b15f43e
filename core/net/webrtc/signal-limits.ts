/**
 * The bounds of a signaling server, and the per-connection rate bucket.
 *
 * Why these defaults: a Hearth group is a support group of a few to a few dozen people, some with
 * two devices, and one keeper may signal for a handful of groups. y-webrtc meshes at most 20–35
 * peers per room anyway. A signal message is an announce (~100 bytes) or an SDP offer/answer or
 * ICE candidate (a few KiB, larger once y-webrtc's `password` has sealed and base64-encoded it).
 * Joining a room of N peers costs one announce and, per peer, one answer and a few candidates.
 */

export interface SignalLimits {
  /** Open WebSocket connections, all clients together (more are answered HTTP 503). */
  maxConnections: number
  /** Open connections from one IP address (held in memory only, never logged). */
  maxConnectionsPerAddress: number
  /** Rooms held by the whole server. */
  maxRooms: number
  /** Rooms one connection may be in. */
  maxRoomsPerConnection: number
  /** Connections in one room. */
  maxPeersPerRoom: number
  /** Bytes in one frame; a larger frame closes the connection (1009). */
  maxMessageBytes: number
  /** The rate bucket: each message costs 1 token plus 1 per KiB; it holds `burst` and refills `perSecond`. */
  burst: number
  perSecond: number
  /** Messages refused in a row for rate before the connection is closed as a flood. */
  floodStrikes: number
  /** Bytes queued to one connection that it has not read; past this it is closed. */
  maxBufferedBytes: number
  /** Liveness ping period; a connection that has not answered the previous ping is dropped. */
  pingMs: number
}

export const DEFAULT_SIGNAL_LIMITS: SignalLimits = Object.freeze({
  maxConnections: 1_000,
  maxConnectionsPerAddress: 32,
  maxRooms: 2_000,
  maxRoomsPerConnection: 32,
  maxPeersPerRoom: 48,
  maxMessageBytes: 32 * 1024,
  burst: 512,
  perSecond: 128,
  floodStrikes: 32,
  maxBufferedBytes: 1024 * 1024,
  pingMs: 30_000,
})

/** Token cost of a frame: one per message, one more per whole KiB it holds. */
export function messageCost(bytes: number): number {
  return 1 + Math.floor(bytes / 1024)
}

/** A token bucket; `now` is injected so unit tests need no clock. */
export class RateBucket {
  private tokens: number
  private at: number

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = burst
    this.at = now
  }

  /** Takes `cost` tokens if there are that many; a refused take costs nothing. */
  take(cost: number, now: number): boolean {
    const elapsed = Math.max(0, now - this.at)
    this.at = now
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000)
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}
