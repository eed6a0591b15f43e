/**
 * A signaling server for WebRTC on y-webrtc's protocol (signal-protocol.ts), bounded
 * (signal-limits.ts), that a group runs itself (`hearth signal`, later the keeper).
 *
 * It is a blind relay: it learns room names (which Hearth derives from a group secret, so they
 * name nothing) and relays what members publish without reading it. So it logs codes only:
 * never a room name, a frame, an SDP or an IP address. Its memory holds the rooms and the
 * connections' addresses (for the per-address bound) and nothing a frame carried.
 *
 * Its HTTP answer is y-webrtc's ("okay"), so a scan cannot tell a Hearth signaling server from
 * any other y-webrtc one. The WebSocket is accepted on any path, as y-webrtc's is.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { errors } from '../../errors.ts'
import { DEFAULT_SIGNAL_LIMITS, messageCost, RateBucket, type SignalLimits } from './signal-limits.ts'
import { errorFrame, parseClientMessage, PONG_FRAME, relayFrame, type SignalRefusal } from './signal-protocol.ts'

/** What is logged. `refused` frames were answered and the connection kept; `closed` ones ended it. */
export type SignalLogEntry = { code: 'SIGNAL_REFUSED' | 'SIGNAL_CLOSED'; reason: SignalRefusal } | { code: 'SIGNAL_FULL' }

export interface SignalServerOptions {
  port?: number
  /** Default 127.0.0.1: listening on every interface is a choice the operator makes. */
  host?: string
  limits?: Partial<SignalLimits>
  log?(entry: SignalLogEntry): void
}

interface Peer {
  ws: WebSocket
  address: string
  rooms: Set<string>
  bucket: RateBucket
  strikes: number
  alive: boolean
}

/** WebSocket close code for a policy violation (RFC 6455 §7.4.1). */
const POLICY = 1008
const GOING_AWAY = 1001

export class SignalServer {
  readonly limits: SignalLimits
  private readonly http: http.Server
  private readonly wss: WebSocketServer
  private readonly rooms = new Map<string, Set<Peer>>()
  private readonly peers = new Set<Peer>()
  private readonly perAddress = new Map<string, number>()
  private readonly ticker: NodeJS.Timeout
  private closing: Promise<void> | null = null

  static async listen(opts: SignalServerOptions = {}): Promise<SignalServer> {
    const server = new SignalServer(opts)
    await new Promise<void>((resolve, reject) => {
      server.http.once('error', reject)
      server.http.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
        server.http.off('error', reject)
        resolve()
      })
    }).catch(async (e: NodeJS.ErrnoException) => {
      await server.close()
      throw errors.NETWORK_UNAVAILABLE(`the signaling server could not listen (${e.code ?? 'error'})`)
    })
    return server
  }

  private constructor(private readonly opts: SignalServerOptions) {
    this.limits = { ...DEFAULT_SIGNAL_LIMITS, ...opts.limits }
    this.http = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('okay'))
    this.http.on('clientError', (_e, socket) => socket.destroy())
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.limits.maxMessageBytes, perMessageDeflate: false, clientTracking: false })
    this.http.on('upgrade', (req: http.IncomingMessage, socket, head) => {
      socket.on('error', () => socket.destroy())
      const address = req.socket.remoteAddress ?? ''
      if (this.closing || this.peers.size >= this.limits.maxConnections || (this.perAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) {
        this.log({ code: 'SIGNAL_FULL' })
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        return
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, address))
    })
    this.ticker = setInterval(() => this.pingAll(), this.limits.pingMs)
    this.ticker.unref()
  }

  /** ws://host:port, for clients and for the CLI to print. */
  get url(): string {
    const a = this.http.address() as AddressInfo
    return `ws://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port
  }

  /** Counts only, for status and tests. */
  stats(): { connections: number; rooms: number } {
    return { connections: this.peers.size, rooms: this.rooms.size }
  }

  /** Closes every connection (1001, SIGNAL_SHUTDOWN) and stops listening. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      clearInterval(this.ticker)
      for (const p of this.peers) p.ws.close(GOING_AWAY, 'SIGNAL_SHUTDOWN')
      this.http.close(() => resolve())
      // A peer that does not finish the closing handshake must not hold the stop up.
      const t = setTimeout(() => {
        for (const p of this.peers) p.ws.terminate()
        this.http.closeAllConnections()
      }, 1_000)
      t.unref()
    })
    return this.closing
  }

  private accept(ws: WebSocket, address: string): void {
    const peer: Peer = { ws, address, rooms: new Set(), bucket: new RateBucket(this.limits.burst, this.limits.perSecond, Date.now()), strikes: 0, alive: true }
    this.peers.add(peer)
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1)
    ws.on('pong', () => (peer.alive = true))
    // ws reports an oversize frame here, then closes with 1009 itself.
    ws.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.log({ code: 'SIGNAL_CLOSED', reason: 'SIGNAL_TOO_LARGE' })
    })
    ws.on('close', () => this.drop(peer))
    ws.on('message', (data, isBinary) => {
      try {
        this.onFrame(peer, data, isBinary)
      } catch {
        // Nothing a client sends may stop the server; a fault here is ours, so end just this one.
        ws.terminate()
      }
    })
  }

  private onFrame(peer: Peer, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    if (!this.peers.has(peer)) return // closed for cause; frames still in flight mean nothing
    const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength
    if (!peer.bucket.take(messageCost(bytes), Date.now())) {
      if (++peer.strikes >= this.limits.floodStrikes) return this.shut(peer, 'SIGNAL_FLOOD')
      if (peer.strikes === 1) this.refuse(peer, 'SIGNAL_RATE_LIMITED')
      return
    }
    peer.strikes = 0
    const parsed = parseClientMessage(data, isBinary)
    if (!parsed.ok) return this.refuse(peer, parsed.code)
    const m = parsed.message
    if (m.type === 'ping') return this.send(peer, PONG_FRAME)
    if (m.type === 'unsubscribe') return m.topics.forEach((t) => this.leave(peer, t))
    if (m.type === 'subscribe') return this.join(peer, m.topics)
    const room = this.rooms.get(m.topic)
    if (!room || !room.has(peer)) return this.refuse(peer, 'SIGNAL_NOT_SUBSCRIBED', m.topic)
    const frame = relayFrame(m.body, room.size)
    for (const p of [...room]) this.send(p, frame)
  }

  private join(peer: Peer, topics: string[]): void {
    let refused: { code: SignalRefusal; topic: string } | null = null
    for (const t of topics) {
      if (peer.rooms.has(t)) continue
      const room = this.rooms.get(t)
      const code: SignalRefusal | null =
        peer.rooms.size >= this.limits.maxRoomsPerConnection || (!room && this.rooms.size >= this.limits.maxRooms) ? 'SIGNAL_TOO_MANY_ROOMS'
          : room && room.size >= this.limits.maxPeersPerRoom ? 'SIGNAL_ROOM_FULL'
            : null
      if (code) {
        refused ??= { code, topic: t }
        continue
      }
      if (room) room.add(peer)
      else this.rooms.set(t, new Set([peer]))
      peer.rooms.add(t)
    }
    // One answer per subscribe, however many rooms it named: a refusal must not amplify.
    if (refused) this.refuse(peer, refused.code, refused.topic)
  }

  private leave(peer: Peer, topic: string): void {
    const room = this.rooms.get(topic)
    peer.rooms.delete(topic)
    if (!room) return
    room.delete(peer)
    if (room.size === 0) this.rooms.delete(topic)
  }

  private drop(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    for (const t of [...peer.rooms]) this.leave(peer, t)
    const n = (this.perAddress.get(peer.address) ?? 1) - 1
    if (n > 0) this.perAddress.set(peer.address, n)
    else this.perAddress.delete(peer.address)
  }

  private send(peer: Peer, frame: string): void {
    if (peer.ws.readyState !== peer.ws.OPEN) return
    if (peer.ws.bufferedAmount + frame.length > this.limits.maxBufferedBytes) return this.shut(peer, 'SIGNAL_SLOW_READER')
    peer.ws.send(frame)
  }

  private refuse(peer: Peer, code: SignalRefusal, topic?: string): void {
    this.log({ code: 'SIGNAL_REFUSED', reason: code })
    this.send(peer, errorFrame(code, topic))
  }

  /** Closes one connection for cause; it leaves its rooms at once, not when the close completes. */
  private shut(peer: Peer, reason: SignalRefusal): void {
    this.log({ code: 'SIGNAL_CLOSED', reason })
    this.drop(peer)
    peer.ws.close(POLICY, reason)
    const t = setTimeout(() => peer.ws.terminate(), 2_000)
    t.unref()
  }

  private pingAll(): void {
    for (const p of [...this.peers]) {
      if (!p.alive) {
        this.shut(p, 'SIGNAL_NO_PONG')
        continue
      }
      p.alive = false
      if (p.ws.readyState === p.ws.OPEN) p.ws.ping()
    }
  }

  private log(entry: SignalLogEntry): void {
    try {
      this.opts.log?.(entry)
    } catch {
      // a failing logger must not stop the relay
    }
  }
}
