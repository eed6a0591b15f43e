/**
 * The page's end of the WebRTC relay (core/api/rtc-views.ts; the node's end is
 * core/net/webrtc/page-peers.ts). The app's main process has no WebRTC, so Chromium's own
 * RTCPeerConnection makes the connections here, and this module only carries bytes: SDP and ICE
 * candidates between the node and Chromium, and data channel frames, which are the node's Noise
 * ciphertext, between the channel and the node. It never holds a key and never reads a frame.
 *
 * SDP and candidates do hold IP addresses: Chromium needs them, so the page sees them (they are
 * sealed on the signaling server's side by the node, docs/decisions.md).
 *
 * Messages from a channel are passed on in order, several to a call when they arrive together
 * (at most the schema's 256 a call).
 *
 * Backpressure: after each batch of frames it sends, and whenever the channel's buffer drains to
 * LOW_BYTES (`bufferedamountlow`), the page tells the node how many of the bytes it was handed
 * have left the channel (`sent`); the node sends more only while the rest stays under its bound
 * (core/net/webrtc/page-peers.ts). A frame that would take the channel's buffer past
 * MAX_BUFFERED_BYTES (only a node that ignored the reports could cause it) ends the connection
 * instead of being dropped: a lost frame would silently break the node's Noise stream.
 */
import type { HearthApi, RtcFromPage, RtcIceServer, RtcToPage } from '../../core/api.ts'

/**
 * The part of a browser's RTCPeerConnection used here, named by small interfaces (as the web
 * host's shim does) so the Node-side unit test can type-check this file and run it on
 * node-datachannel's polyfill.
 */
export interface Channel {
  binaryType: string
  readonly readyState: string
  onopen: (() => void) | null
  onclose: (() => void) | null
  onmessage: ((e: { data: unknown }) => void) | null
  readonly bufferedAmount: number
  bufferedAmountLowThreshold: number
  onbufferedamountlow: (() => void) | null
  send(data: Uint8Array<ArrayBuffer>): void
  close(): void
}
interface Description {
  type: 'offer' | 'answer' | 'pranswer' | 'rollback'
  sdp?: string
}
export interface Peer {
  readonly connectionState: string
  readonly localDescription: { sdp: string } | null
  onicecandidate: ((e: { candidate: { candidate: string; sdpMid: string | null } | null }) => void) | null
  onconnectionstatechange: (() => void) | null
  ondatachannel: ((e: { channel: Channel }) => void) | null
  createDataChannel(label: string): Channel
  createOffer(): Promise<Description>
  createAnswer(): Promise<Description>
  setLocalDescription(d: Description): Promise<void>
  setRemoteDescription(d: Description): Promise<void>
  addIceCandidate(c: { candidate: string; sdpMid: string }): Promise<void>
  close(): void
}
export type PeerCtor = new (config: { iceServers: RtcIceServer[] }) => Peer

type Relay = Pick<HearthApi, 'rtcRelay' | 'on'>

interface Held {
  pc: Peer
  channel: Channel | null
  inbox: Uint8Array[]
  /** Bytes of the node's frames handed to the channel, and the last total reported gone (`sent`). */
  handed: number
  reported: number
  reporting: boolean
}

/** The channel's buffer level at which the page reports again (below the node's 256 KiB low-water mark). */
export const LOW_BYTES = 64 * 1024
/** Past this the connection ends rather than queue more: half of Chromium's 16 MiB send queue. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024
/** Frames in one `frames` call, as the schema allows (core/net/webrtc/page-schema.ts). */
const FRAMES_PER_CALL = 256

type State = Extract<RtcFromPage, { kind: 'state' }>['state']
const STATES: ReadonlySet<string> = new Set<State>(['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed'])

/** Starts relaying; returns a function that closes every connection and stops. */
export function startRtcRelay(api: Relay, Peer: PeerCtor): () => void {
  const held = new Map<number, Held>()
  const tell = (m: RtcFromPage): void => void api.rtcRelay(m).catch(() => undefined)

  /** How much of what the node sent has left the channel, told once per turn. */
  function report(peer: number, h: Held): void {
    if (h.reporting || !h.channel) return
    h.reporting = true
    queueMicrotask(() => {
      h.reporting = false
      const gone = h.handed - (h.channel?.bufferedAmount ?? 0)
      if (gone <= h.reported || held.get(peer) !== h) return
      h.reported = gone
      tell({ kind: 'sent', peer, bytes: gone })
    })
  }

  function deliver(peer: number, h: Held): void {
    while (h.inbox.length > 0) tell({ kind: 'frames', peer, frames: h.inbox.splice(0, FRAMES_PER_CALL) })
  }

  function wire(peer: number, h: Held, channel: Channel): void {
    h.channel = channel
    channel.binaryType = 'arraybuffer'
    channel.bufferedAmountLowThreshold = LOW_BYTES
    channel.onbufferedamountlow = () => report(peer, h)
    const opened = (): void => tell({ kind: 'channel-open', peer })
    if (channel.readyState === 'open') opened()
    else channel.onopen = opened
    channel.onmessage = (e) => {
      if (!(e.data instanceof ArrayBuffer)) return
      h.inbox.push(new Uint8Array(e.data))
      if (h.inbox.length === 1) queueMicrotask(() => deliver(peer, h))
    }
    channel.onclose = () => {
      if (held.get(peer) === h) tell({ kind: 'channel-closed', peer })
    }
  }

  async function describeLocal(peer: number, pc: Peer, type: 'offer' | 'answer'): Promise<void> {
    await pc.setLocalDescription(type === 'offer' ? await pc.createOffer() : await pc.createAnswer())
    const sdp = pc.localDescription?.sdp
    if (sdp) tell({ kind: 'local-description', peer, sdp, type })
  }

  function create(peer: number, iceServers: RtcIceServer[], offer: boolean): void {
    if (held.has(peer)) return
    let pc: Peer
    try {
      pc = new Peer({ iceServers })
    } catch {
      return tell({ kind: 'failed', peer })
    }
    const h: Held = { pc, channel: null, inbox: [], handed: 0, reported: 0, reporting: false }
    held.set(peer, h)
    pc.onicecandidate = (e) => {
      if (e.candidate?.candidate) tell({ kind: 'local-candidate', peer, candidate: e.candidate.candidate, mid: e.candidate.sdpMid ?? '0' })
    }
    pc.onconnectionstatechange = () => {
      const state = pc.connectionState
      if (STATES.has(state)) tell({ kind: 'state', peer, state: state as State })
    }
    if (offer) {
      wire(peer, h, pc.createDataChannel('hearth'))
      describeLocal(peer, pc, 'offer').catch(() => tell({ kind: 'failed', peer }))
    } else {
      pc.ondatachannel = (e) => wire(peer, h, e.channel)
    }
  }

  function close(peer: number): void {
    const h = held.get(peer)
    if (!h) return
    held.delete(peer)
    h.channel?.close()
    h.pc.close()
  }

  function onRtc(m: RtcToPage): void {
    if (m.kind === 'create') return create(m.peer, m.iceServers, m.offer)
    if (m.kind === 'close') return close(m.peer)
    const h = held.get(m.peer)
    if (!h) return
    if (m.kind === 'send') {
      const channel = h.channel
      if (channel?.readyState !== 'open' || !(m.frame instanceof Uint8Array)) return
      if (channel.bufferedAmount + m.frame.byteLength > MAX_BUFFERED_BYTES) {
        close(m.peer)
        return tell({ kind: 'failed', peer: m.peer })
      }
      channel.send(m.frame as Uint8Array<ArrayBuffer>)
      h.handed += m.frame.byteLength
      report(m.peer, h)
    } else if (m.kind === 'remote-description') {
      h.pc
        .setRemoteDescription({ type: m.type, sdp: m.sdp })
        .then(() => (m.type === 'offer' ? describeLocal(m.peer, h.pc, 'answer') : undefined))
        .catch(() => tell({ kind: 'failed', peer: m.peer }))
    } else {
      // libdatachannel writes candidates as SDP lines ("a=candidate:…"); a browser wants them bare.
      h.pc.addIceCandidate({ candidate: m.candidate.replace(/^a=/, ''), sdpMid: m.mid }).catch(() => undefined)
    }
  }

  const off = api.on('rtc', onRtc)
  return () => {
    off()
    for (const peer of [...held.keys()]) close(peer)
  }
}
