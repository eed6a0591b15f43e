/**
 * Members of one group meeting over WebRTC (rtc-peers.ts: node-datachannel, or the app's renderer) through a signaling server that
 * speaks y-webrtc's protocol (`hearth signal`, or y-webrtc's own server): join the group's room
 * for the current epoch (signal-envelope.ts, epoch-rooms.ts), say hello, and open one data channel to each peer
 * who answers. Each channel is handed over as a byte stream (channel-stream.ts) for the caller to
 * secure and authenticate exactly as a Hyperswarm connection is (Noise, then member-auth.ts):
 * nothing here decides who is a member, and a channel is worth nothing until member-auth says so.
 *
 * Who offers: the peer whose session id sorts lower, so two peers arriving together never both
 * offer (y-webrtc breaks that tie with a clock and a random number). A broadcast hello from an
 * unknown higher peer is answered with a hello addressed to it, so the lower one learns of it;
 * an addressed hello is never answered, so hellos cannot loop.
 *
 * Signals of different kinds can overtake each other (libdatachannel's callbacks reach us in no
 * promised order), so candidates that arrive before their description wait for it.
 *
 * Staying met: the signaling connection reopens after a drop (signal-link.ts) and says hello
 * again; a rotation moves us to the new epoch's room at once (setRooms); a failed, dropped or
 * closed connection is forgotten and we say hello again, as the watchdog does for one that never
 * came up. A peer the caller holds (hold(): a second connection to a device already connected by
 * another transport, or a peer member-auth refused) is not offered to nor answered until released.
 */
import { randomBytes } from 'node:crypto'
import type { IceServerSetting } from '../../group/webrtc-settings.ts'
import { ChannelStream } from './channel-stream.ts'
import { EpochRooms, type MeetRooms } from './epoch-rooms.ts'
import { ndcPeers } from './ndc-peers.ts'
import type { RtcChannel, RtcPeer as PeerConnection, RtcPeerFactory } from './rtc-peers.ts'
import { openSignal, sealSignal, type SignalBody } from './signal-envelope.ts'
import { SignalLink } from './signal-link.ts'

/** How long a peer connection may take to come up before the watchdog retries. */
export const CONNECT_MS = 20_000
const MAX_EARLY_CANDIDATES = 32
const MAX_EARLY_PEERS = 64
/** Sessions remembered as heard (meeting(): a count for diagnostics, bounded against a flood). */
const MAX_HEARD = 256

/** How a meeting went so far, counts only (a join that did not get the group says this: invitations.ts). */
export interface MeetingCounts {
  /** Rooms met in now. */
  rooms: number
  /** Other sessions heard in those rooms since the start (at most MAX_HEARD). */
  heard: number
  /** Peer connections begun, data channels opened, and attempts that failed or timed out. */
  tried: number
  opened: number
  lost: number
  /** Sessions held apart now (refused by member-auth, or reached over Hyperswarm). */
  held: number
}

/** The group's rooms: its current epoch key (32 bytes), or a newcomer's candidates (epoch-rooms.ts); setRooms() moves on. */
interface GroupRooms {
  groupSecret: Uint8Array
  epochKeys: Uint8Array[]
}

/**
 * Rooms of another kind (invite-rooms.ts); setRooms() hands them their keys. `listenOnly`: never
 * say hello to the whole room, only answer one (a member hosting invites: two members in an
 * invite room have nothing to say to each other, so they must never meet there).
 */
interface OtherRooms {
  rooms: MeetRooms
  listenOnly?: boolean
}

export type WebrtcMeetOptions = MeetOptions & (GroupRooms | OtherRooms)

interface MeetOptions {
  /** ws:// or wss:// address of the signaling server. */
  url: string
  /** STUN/TURN servers the group named (ice-servers.ts); none by default (direct and loopback candidates only). */
  iceServers?: IceServerSetting[]
  /** Address ICE binds to; tests use 127.0.0.1. */
  bindAddress?: string
  /** Who makes the peer connections (rtc-peers.ts); node-datachannel in this process by default. */
  peers?: RtcPeerFactory
  /** A channel to a peer is open; `initiator` is true on the side that offered; `remote` is its session id (for hold). */
  onChannel(channel: { stream: ChannelStream; initiator: boolean; remote: string }): void
  /** Codes only (a signal's kind, a connection's state, a refused signal), for logs and tests. */
  onEvent?(code: string): void
}

export class WebrtcMeet {
  readonly peerId = randomBytes(16).toString('hex')
  private readonly rooms: MeetRooms
  /** The room each remote session spoke to us in: we answer it there. */
  private readonly roomOf = new Map<string, string>()
  private link: SignalLink
  private iceServers: IceServerSetting[]
  private readonly peers = new Map<string, PeerConnection>()
  /** Candidates that arrived before their description (signals of different kinds may overtake each other). */
  private readonly early = new Map<string, Array<[candidate: string, mid: string]>>()
  private readonly described = new WeakSet<PeerConnection>()
  /** Remote session ids held apart by the caller, with the timer that releases each (if any). */
  private readonly held = new Map<string, NodeJS.Timeout | null>()
  private readonly heard = new Set<string>()
  private readonly tally = { tried: 0, opened: 0, lost: 0 }
  private closed = false

  /** Starts meeting at once; the signaling connection opens (and reopens) in the background. */
  static start(opts: WebrtcMeetOptions): WebrtcMeet {
    return new WebrtcMeet(opts)
  }

  /** Starts, and resolves once the signaling server was first reached. */
  static async open(opts: WebrtcMeetOptions): Promise<WebrtcMeet> {
    const meet = new WebrtcMeet(opts)
    await meet.link.opened
    return meet
  }

  private constructor(private readonly opts: WebrtcMeetOptions) {
    this.rooms = 'rooms' in opts ? opts.rooms : new EpochRooms(opts.groupSecret, opts.epochKeys)
    this.iceServers = opts.iceServers ?? []
    this.link = this.linkTo(opts.url)
  }

  private linkTo(url: string): SignalLink {
    const link: SignalLink = new SignalLink(url, {
      onOpen: () => {
        link.send({ type: 'subscribe', topics: this.rooms.all() })
        this.refresh()
      },
      onFrame: (data) => this.onFrame(data),
      onEvent: (code) => this.event(code),
    })
    return link
  }

  /**
   * Meets through another signaling server from now on (the group's setting changed): the old
   * socket closes, the new one subscribes to the same rooms and says hello. Peer connections
   * already up stay: they no longer need any server.
   */
  setServer(url: string): void {
    if (this.closed) return
    this.link.close()
    this.early.clear()
    this.event('SERVER_MOVED')
    this.link = this.linkTo(url)
  }

  /** STUN/TURN servers for connections made from now on. */
  setIceServers(servers: IceServerSetting[]): void {
    this.iceServers = servers
  }

  /** Whether the signaling server is reachable now. */
  get signaling(): boolean {
    return this.link.isOpen
  }

  /** How the meeting went so far (MeetingCounts). */
  counts(): MeetingCounts {
    return { rooms: this.rooms.all().length, heard: this.heard.size, ...this.tally, held: this.held.size }
  }

  /** Says hello again (the rendezvous seam: refresh = look for peers in the room once more). */
  refresh(): void {
    if ('listenOnly' in this.opts && this.opts.listenOnly === true) return
    this.publish({ v: 1, from: this.peerId, kind: 'hello' })
  }

  /**
   * Moves to the rooms these keys name (epoch keys: a rotation, the new current epoch alone;
   * invite public keys for invite rooms): leaves the old rooms, joins the new ones and says hello there. Connections already up stay (member-auth
   * vouched for them, and the caller drops a removed member's); only new meetings move.
   */
  setRooms(keys: Uint8Array[]): void {
    if (this.closed) return
    const { left, joined } = this.rooms.set(keys)
    if (!left.length && !joined.length) return
    this.early.clear()
    for (const [remote, room] of this.roomOf) if (left.includes(room)) this.roomOf.delete(remote)
    this.event('ROOMS_MOVED')
    if (left.length) this.link.send({ type: 'unsubscribe', topics: left })
    if (joined.length) this.link.send({ type: 'subscribe', topics: joined })
    this.refresh()
  }

  /** Keeps a remote session apart (closing what we have with it), for `ms` or until release(). */
  hold(remote: string, ms?: number): void {
    if (this.closed) return
    const t = this.held.get(remote)
    if (t) clearTimeout(t)
    const timer = ms === undefined ? null : setTimeout(() => this.release(remote), ms)
    timer?.unref?.()
    this.held.set(remote, timer)
    this.forget(remote)
  }

  /** Ends a hold and says hello, so the peer is met again. */
  release(remote: string): void {
    if (!this.held.has(remote)) return
    const t = this.held.get(remote)
    if (t) clearTimeout(t)
    this.held.delete(remote)
    this.refresh()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const t of this.held.values()) if (t) clearTimeout(t)
    this.held.clear()
    for (const pc of this.peers.values()) pc.close()
    this.peers.clear()
    this.link.close()
    this.rooms.wipe()
  }

  /** To one peer in the room it spoke in; a broadcast hello to every room we meet in. */
  private publish(body: SignalBody): void {
    if (this.closed || !this.link.isOpen) return
    const at = body.to === undefined ? undefined : this.roomOf.get(body.to)
    for (const room of at === undefined ? this.rooms.all() : [at]) {
      const key = this.rooms.keyOf(room)
      if (key) this.link.send({ type: 'publish', topic: room, data: sealSignal(key, body) })
    }
  }

  private onFrame(data: Buffer): void {
    let frame: unknown
    try {
      frame = JSON.parse(data.toString('utf8'))
    } catch {
      return
    }
    const f = frame as { type?: unknown; topic?: unknown; data?: unknown }
    const key = f.type === 'publish' ? this.rooms.keyOf(f.topic) : undefined
    if (!key) return
    const body = openSignal(key, f.data)
    if (!body || body.from === this.peerId || (body.to !== undefined && body.to !== this.peerId) || this.held.has(body.from)) return
    if (!this.roomOf.has(body.from) && this.roomOf.size < MAX_EARLY_PEERS * 4) this.roomOf.set(body.from, f.topic as string)
    if (this.heard.size < MAX_HEARD) this.heard.add(body.from)
    this.event(`SIGNAL_IN ${body.kind}`)
    try {
      this.onSignal(body)
    } catch {
      this.event(`SIGNAL_REFUSED ${body.kind}`)
      // A description libdatachannel refuses ends that one attempt (the watchdog says hello
      // again); a refused candidate is only one path of several.
      if (body.kind === 'offer' || body.kind === 'answer') this.forget(body.from)
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
    if (s.kind === 'candidate' && s.candidate) {
      if (pc && this.described.has(pc)) return pc.addRemoteCandidate(s.candidate, s.mid ?? '0')
      const list = this.early.get(s.from) ?? []
      if (list.length < MAX_EARLY_CANDIDATES && (list.length > 0 || this.early.size < MAX_EARLY_PEERS)) this.early.set(s.from, [...list, [s.candidate, s.mid ?? '0']])
      return
    }
    if (s.kind === 'offer' && s.sdp && !pc && this.peerId > s.from) return this.describe(s.from, this.connection(s.from), s.sdp, 'offer')
    if (s.kind === 'answer' && s.sdp && pc && !this.described.has(pc)) this.describe(s.from, pc, s.sdp, 'answer')
  }

  private describe(remote: string, pc: PeerConnection, sdp: string, type: 'offer' | 'answer'): void {
    pc.setRemoteDescription(sdp, type)
    this.described.add(pc)
    const early = this.early.get(remote) ?? []
    this.early.delete(remote)
    for (const [candidate, mid] of early) {
      try {
        pc.addRemoteCandidate(candidate, mid)
      } catch {
        // one path of several
      }
    }
  }

  private offer(remote: string): void {
    this.connection(remote, true).createChannel()
  }

  private connection(remote: string, initiator = false): PeerConnection {
    const pc = (this.opts.peers ?? ndcPeers).create({
      iceServers: this.iceServers,
      ...(this.opts.bindAddress ? { bindAddress: this.opts.bindAddress } : {}),
    })
    this.peers.set(remote, pc)
    this.tally.tried++
    // The watchdog: a connection not up in time is dropped and we say hello again, so a lost
    // signal (or a peer that vanished mid-way) costs one retry, not the meeting.
    const watchdog = setTimeout(() => {
      if (this.peers.get(remote) !== pc) return
      this.event('PEER_TIMEOUT')
      this.tally.lost++
      this.forget(remote, pc)
      this.refresh()
    }, CONNECT_MS)
    watchdog.unref()
    pc.onLocalDescription((sdp, type) => this.publish({ v: 1, from: this.peerId, to: remote, kind: type === 'offer' ? 'offer' : 'answer', sdp }))
    pc.onLocalCandidate((candidate, mid) => this.publish({ v: 1, from: this.peerId, to: remote, kind: 'candidate', candidate, mid }))
    pc.onStateChange((state) => {
      this.event(`PEER_STATE ${state}`)
      if (state === 'connected') clearTimeout(watchdog)
      // A connection that failed or dropped is forgotten and we say hello again: ICE does fail
      // now and then (seen on loopback under load), and nothing else would ever retry.
      if ((state === 'failed' || state === 'closed' || state === 'disconnected') && this.peers.get(remote) === pc) {
        this.tally.lost++
        this.forget(remote, pc)
        this.refresh()
      }
    })
    pc.onChannel((channel) => this.hand(remote, pc, channel, initiator))
    return pc
  }

  private hand(remote: string, pc: PeerConnection, channel: RtcChannel, initiator: boolean): void {
    if (this.closed || this.peers.get(remote) !== pc) return channel.close()
    const stream = new ChannelStream(channel)
    this.tally.opened++
    // The channel is the connection: once the caller or the peer closes it, the peer connection
    // is forgotten and, unless held, we say hello again (a member dropped for being idle, say).
    stream.once('close', () => {
      if (this.peers.get(remote) !== pc) return
      this.forget(remote, pc)
      if (!this.held.has(remote)) this.refresh()
    })
    this.opts.onChannel({ stream, initiator, remote })
  }

  private event(code: string): void {
    try {
      this.opts.onEvent?.(code)
    } catch {
      // a failing listener must not stop the meeting
    }
  }

  private forget(remote: string, which?: PeerConnection): void {
    const pc = this.peers.get(remote)
    if (!pc || (which && pc !== which)) return
    this.peers.delete(remote)
    this.early.delete(remote)
    this.roomOf.delete(remote)
    pc.close()
  }
}
