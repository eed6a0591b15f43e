/**
 * The WebRTC relay between a node and its front end (issue 16): in the app the node has no
 * WebRTC of its own, so the renderer's RTCPeerConnection makes the connections and only carries
 * bytes (core/net/webrtc/page-peers.ts is the node's end, renderer/lib/rtc-relay.ts the page's).
 *
 * What crosses: descriptions (SDP) and ICE candidates, which the page must hand to Chromium and
 * which do hold IP addresses; and data channel frames, which are Noise ciphertext the node
 * sealed. No key, no group id, no room name and no plaintext ever crosses: the types below carry
 * only a connection number, strings for SDP and ICE, and frames as bytes.
 *
 * `peer` numbers one peer connection for this node's run; it names nobody.
 */

/** A STUN or TURN server as RTCPeerConnection takes it (the group's setting, webrtc-settings.ts). */
export interface RtcIceServer {
  urls: string
  username?: string
  credential?: string
}

/** The node asks the page. */
export type RtcToPage =
  | { kind: 'create'; peer: number; iceServers: RtcIceServer[]; offer: boolean }
  | { kind: 'remote-description'; peer: number; sdp: string; type: 'offer' | 'answer' }
  | { kind: 'remote-candidate'; peer: number; candidate: string; mid: string }
  | { kind: 'send'; peer: number; frame: Uint8Array }
  | { kind: 'close'; peer: number }

/** The page tells the node. */
export type RtcFromPage =
  | { kind: 'local-description'; peer: number; sdp: string; type: 'offer' | 'answer' }
  | { kind: 'local-candidate'; peer: number; candidate: string; mid: string }
  | { kind: 'state'; peer: number; state: 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed' }
  | { kind: 'channel-open'; peer: number }
  | { kind: 'frames'; peer: number; frames: Uint8Array[] }
  | { kind: 'channel-closed'; peer: number }
  /**
   * Backpressure: of the bytes the node sent for this connection, how many have left the page's
   * data channel (a running total: bytes handed to it minus its `bufferedAmount`). The node
   * sends more only while what the page has not passed on stays under its bound (page-peers.ts).
   */
  | { kind: 'sent'; peer: number; bytes: number }
  /** The page's RTCPeerConnection could not be made or refused a description: that attempt ends. */
  | { kind: 'failed'; peer: number }
