/**
 * Members of one group meeting over WebRTC (node-datachannel) through a signaling server that
 * speaks y-webrtc's protocol (`hearth signal`, or y-webrtc's own server): join the group's room
 * (signal-envelope.ts), say hello, and open one data channel to each peer who answers. Each
 * channel is handed over as a byte stream (channel-stream.ts) for the caller to secure and
 * authenticate exactly as a Hyperswarm connection is (Noise, then member-auth.ts): nothing here
 * decides who is a member, and a channel is worth nothing until member-auth says so.
 *
 * Who offers: the peer whose session id sorts lower, so two peers arriving together never both
 * offer (y-webrtc breaks that tie with a clock and a random number). A broadcast hello from an
 * unknown higher peer is answered with a hello addressed to it, so the lower one learns of it;
 * an addressed hello is never answered, so hellos cannot loop.
 *
 * First slice (docs/decisions.md): one signaling server; no reconnect to it after it drops; no
 * ICE restart; a failed peer connection is forgotten, so the next hello tries again.
 */
import { randomBytes } from 'node:crypto'
import nodeDataChannel, { type DataChannel, type PeerConnection } from 'node-datachannel'
import { WebSocket } from 'ws'
import { errors } from '../../errors.ts'
import { ChannelStream } from './channel-stream.ts'
import { openSignal, sealSignal, signalKey, webrtcRoom, type SignalBody } from './signal-envelope.ts'

export interface WebrtcMeetOptions {
  /** ws:// or wss:// address of the signaling server. */
  url: string
  groupSecret: Uint8Array
  /** STUN/TURN URLs the group named; none by default (direct and loopback candidates only). */
  iceServers?: string[]
  /** Address ICE binds to; tests use 127.0.0.1. */
  bindAddress?: string
  /** A channel to a peer is open; `initiator` is true on the side that offered. */
  onChannel(channel: { stream: ChannelStream; initiator: boolean }): void
}

export class WebrtcMeet {
  readonly peerId = randomBytes(16).toString('hex')
  private readonly room: string
  private readonly key: Uint8Array
  private readonly peers = new Map<string, PeerConnection>()
  private closed = false

  static async open(opts: WebrtcMeetOptions): Promise<WebrtcMeet> {
    const ws = new WebSocket(opts.url, { maxPayload: 64 * 1024 })
    ws.on('error', () => undefined)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('close', () => reject(errors.NETWORK_UNAVAILABLE('the signaling server could not be reached')))
    })
    return new WebrtcMeet(opts, ws)
  }

  private constructor(private readonly opts: WebrtcMeetOptions, private readonly ws: WebSocket) {
    this.room = webrtcRoom(opts.groupSecret)
    this.key = signalKey(opts.groupSecret)
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) this.onFrame(data)
    })
    ws.send(JSON.stringify({ type: 'subscribe', topics: [this.room] }))
    this.publish({ v: 1, from: this.peerId, kind: 'hello' })
  }

  /** Says hello again (the rendezvous seam: refresh = look for peers in the room once more). */
  refresh(): void {
    this.publish({ v: 1, from: this.peerId, kind: 'hello' })
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const pc of this.peers.values()) pc.close()
    this.peers.clear()
    this.ws.close()
  }

  private publish(body: SignalBody): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return
    this.ws.send(JSON.stringify({ type: 'publish', topic: this.room, data: sealSignal(this.key, body) }))
  }

  private onFrame(data: Buffer): void {
    let frame: unknown
    try {
      frame = JSON.parse(data.toString('utf8'))
    } catch {
      return
    }
    const f = frame as { type?: unknown; topic?: unknown; data?: unknown }
    if (f.type !== 'publish' || f.topic !== this.room) return
    const body = openSignal(this.key, f.data)
    if (!body || body.from === this.peerId || (body.to !== undefined && body.to !== this.peerId)) return
    try {
      this.onSignal(body)
    } catch {
      // A signal libdatachannel refuses (out of order, malformed SDP) ends that one attempt only.
      this.forget(body.from)
    }
  }

  private onSignal(s: SignalBody): void {
    const pc = this.peers.get(s.from)
    if (s.kind === 'hello') {
      if (pc) return
      if (this.peerId < s.from) return this.offer(s.from)
      if (s.to === undefined) this.publish({ v: 1, from: this.peerId, to: s.from, kind: 'hello' })
      return
    }
    if (s.kind === 'offer' && s.sdp && !pc && this.peerId > s.from) {
      this.connection(s.from).setRemoteDescription(s.sdp, 'offer')
      return
    }
    if (!pc) return
    if (s.kind === 'answer' && s.sdp) pc.setRemoteDescription(s.sdp, 'answer')
    else if (s.kind === 'candidate' && s.candidate) pc.addRemoteCandidate(s.candidate, s.mid ?? '0')
  }

  private offer(remote: string): void {
    const pc = this.connection(remote)
    const channel = pc.createDataChannel('hearth')
    channel.onOpen(() => this.hand(channel, true))
  }

  private connection(remote: string): PeerConnection {
    const pc = new nodeDataChannel.PeerConnection('hearth', {
      iceServers: this.opts.iceServers ?? [],
      ...(this.opts.bindAddress ? { bindAddress: this.opts.bindAddress } : {}),
    })
    this.peers.set(remote, pc)
    pc.onLocalDescription((sdp, type) => this.publish({ v: 1, from: this.peerId, to: remote, kind: type === 'offer' ? 'offer' : 'answer', sdp }))
    pc.onLocalCandidate((candidate, mid) => this.publish({ v: 1, from: this.peerId, to: remote, kind: 'candidate', candidate, mid }))
    pc.onStateChange((state) => {
      if (state === 'failed' || state === 'closed' || state === 'disconnected') this.forget(remote, pc)
    })
    pc.onDataChannel((channel) => (channel.isOpen() ? this.hand(channel, false) : channel.onOpen(() => this.hand(channel, false))))
    return pc
  }

  private hand(channel: DataChannel, initiator: boolean): void {
    if (this.closed) return channel.close()
    this.opts.onChannel({ stream: new ChannelStream(channel), initiator })
  }

  private forget(remote: string, which?: PeerConnection): void {
    const pc = this.peers.get(remote)
    if (!pc || (which && pc !== which)) return
    this.peers.delete(remote)
    pc.close()
  }
}
