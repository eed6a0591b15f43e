/**
 * Peer connections made by the front end (the app's renderer, or the web host's page) with its
 * own RTCPeerConnection: the node's end of the relay whose messages core/api/rtc-views.ts types.
 * It is an RtcPeerFactory (rtc-peers.ts), so a WebRTC meeting runs on it unchanged.
 *
 * The page only ever gets SDP, ICE candidates and the frames ChannelStream writes, which are the
 * Noise stream's ciphertext (channel-stream.ts): the node keeps the signaling keys, Noise,
 * member-auth and replication. A page that lies can drop, delay or forge frames and states, as
 * any network can; Noise and member-auth are what decide, exactly as over Hyperswarm.
 *
 * Backpressure: the page reports, as a running total, how many of the bytes sent to it have left
 * its data channel (`sent`, from the channel's own `bufferedAmount`). What is sent and not yet
 * reported is this channel's `bufferedAmount`, so ChannelStream pauses above its high-water mark
 * and resumes at its low-water mark exactly as over node-datachannel. A page that stops reporting
 * (hung, or far behind) cannot make the node queue without bound: past MAX_UNSENT_BYTES the
 * channel refuses to send and closes (the Noise stream ends; the meeting connects again), rather
 * than drop a frame, which would break the stream silently.
 *
 * With no page listening the meeting's watchdog retries as it does for any connection that never
 * comes up.
 */
import type { RtcFromPage, RtcToPage } from '../../api/rtc-views.ts'
import type { RtcChannel, RtcPeer, RtcPeerFactory, RtcPeerOptions, RtcPeerState } from './rtc-peers.ts'

/** Peer connections one node may ask the page for at a time (the meeting has far fewer). */
export const MAX_PAGE_PEERS = 256

/**
 * Bytes sent to the page and not yet reported gone from its channel, at most. ChannelStream stops
 * at 1 MiB and may finish one write past it (a Noise message is at most 16 MiB in theory but
 * Hypercore's are far smaller), so 8 MiB is only reached by a page that stopped reporting; it is
 * half of Chromium's 16 MiB send queue, past which Chromium would close the channel itself.
 */
export const MAX_UNSENT_BYTES = 8 * 1024 * 1024

/**
 * The node's `bindAddress` (tests: 127.0.0.1) held on the page's connections too: a browser
 * gathers candidates on every interface, so candidates on any other address are dropped both
 * ways. The address is the fifth field of a candidate line (RFC 8839 §5.1).
 */
function onAddress(candidate: string, address: string | undefined): boolean {
  return address === undefined || candidate.replace(/^a=/, '').split(' ')[4] === address
}

interface Slot {
  onDescription(sdp: string, type: 'offer' | 'answer'): void
  onCandidate(candidate: string, mid: string): void
  onState(state: RtcPeerState): void
  onOpen(): void
  onFrames(frames: Uint8Array[]): void
  onSent(bytes: number): void
  onChannelClosed(): void
}

export class PagePeers implements RtcPeerFactory {
  private next = 1
  private readonly slots = new Map<number, Slot>()

  /** `send` hands a message to the page (an `rtc` event); it must not throw. */
  constructor(private readonly send: (m: RtcToPage) => void) {}

  create(opts: RtcPeerOptions): RtcPeer {
    const peer = this.next++
    const send = this.send
    const slots = this.slots
    let offer = false
    let closed = false
    const fns = {
      description: (_s: string, _t: 'offer' | 'answer') => undefined as void,
      candidate: (_c: string, _m: string) => undefined as void,
      state: (_s: RtcPeerState) => undefined as void,
      channel: (c: RtcChannel) => c.close(),
    }
    let channel: PageChannel | null = null
    const close = (): void => {
      if (closed) return
      closed = true
      slots.delete(peer)
      channel?.ended()
      send({ kind: 'close', peer })
    }
    if (slots.size >= MAX_PAGE_PEERS) {
      // Never asked of the page: the meeting sees it fail, as any connection may.
      closed = true
      queueMicrotask(() => fns.state('failed'))
    } else {
      slots.set(peer, {
        onDescription: (sdp, type) => fns.description(sdp, type),
        onCandidate: (c, m) => void (onAddress(c, opts.bindAddress) && fns.candidate(c, m)),
        onState: (s) => fns.state(s),
        onOpen() {
          if (channel) return
          channel = new PageChannel(peer, send)
          fns.channel(channel)
        },
        onFrames: (frames) => channel?.received(frames),
        onSent: (bytes) => channel?.sentUpTo(bytes),
        onChannelClosed: () => channel?.ended(),
      })
      // Asked on the next turn, once the meeting has chosen to offer or not, or before the first
      // thing it hands the page (an answerer's remote description), whichever comes first.
      queueMicrotask(() => created())
    }
    let asked = false
    const created = (): boolean => {
      if (!asked && !closed) send({ kind: 'create', peer, iceServers: opts.iceServers.map(({ url, ...secret }) => ({ urls: url, ...secret })), offer })
      asked = true
      return !closed
    }
    return {
      setRemoteDescription: (sdp, type) => void (created() && send({ kind: 'remote-description', peer, sdp, type })),
      addRemoteCandidate: (candidate, mid) => void (created() && onAddress(candidate, opts.bindAddress) && send({ kind: 'remote-candidate', peer, candidate, mid })),
      createChannel: () => void (offer = true),
      onLocalDescription: (fn) => void (fns.description = fn),
      onLocalCandidate: (fn) => void (fns.candidate = fn),
      onStateChange: (fn) => void (fns.state = fn),
      onChannel: (fn) => void (fns.channel = fn),
      close,
    }
  }

  /** A message from the page: unknown connection numbers are ignored (a closed one, or a lie). */
  receive(m: RtcFromPage): void {
    const slot = this.slots.get(m.peer)
    if (!slot) return
    if (m.kind === 'local-description') slot.onDescription(m.sdp, m.type)
    else if (m.kind === 'local-candidate') slot.onCandidate(m.candidate, m.mid)
    else if (m.kind === 'state') slot.onState(m.state)
    else if (m.kind === 'channel-open') slot.onOpen()
    else if (m.kind === 'frames') slot.onFrames(m.frames)
    else if (m.kind === 'channel-closed') slot.onChannelClosed()
    else if (m.kind === 'sent') slot.onSent(m.bytes)
    else slot.onState('failed')
  }

  /** The page went away (reloaded, closed): every connection it held is gone. */
  pageLost(): void {
    for (const slot of [...this.slots.values()]) slot.onState('closed')
  }
}

/** The node's view of the page's data channel: what it writes goes to the page as `send` events. */
class PageChannel implements RtcChannel {
  private closed = false
  private message: (m: Uint8Array) => void = () => undefined
  private onClose: () => void = () => undefined
  /** Bytes handed to the page, and of those, reported gone from its channel (running totals). */
  private handed = 0
  private gone = 0
  private low = 0
  private onLow: () => void = () => undefined

  constructor(private readonly peer: number, private readonly send: (m: RtcToPage) => void) {}

  sendBinary(message: Uint8Array): boolean {
    if (this.closed) return false
    if (this.bufferedAmount() + message.byteLength > MAX_UNSENT_BYTES) {
      this.close()
      return false
    }
    this.handed += message.byteLength
    // A copy: the caller may reuse its buffer, and the page gets exactly these bytes.
    this.send({ kind: 'send', peer: this.peer, frame: new Uint8Array(message) })
    return true
  }

  bufferedAmount(): number {
    return this.handed - this.gone
  }

  setBufferedAmountLowThreshold(bytes: number): void {
    this.low = bytes
  }

  onBufferedAmountLow(fn: () => void): void {
    this.onLow = fn
  }

  /** The page's running total; one that goes back or past what it was handed is held to the bounds. */
  sentUpTo(bytes: number): void {
    if (this.closed) return
    const before = this.bufferedAmount()
    this.gone = Math.min(this.handed, Math.max(this.gone, bytes))
    if (before > this.low && this.bufferedAmount() <= this.low) this.onLow()
  }

  onError(): void {}

  onMessage(fn: (m: Uint8Array) => void): void {
    this.message = fn
  }

  onClosed(fn: () => void): void {
    this.onClose = fn
  }

  received(frames: Uint8Array[]): void {
    if (this.closed) return
    for (const f of frames) this.message(f)
  }

  ended(): void {
    if (this.closed) return
    this.closed = true
    this.onClose()
  }

  close(): void {
    if (this.closed) return
    this.send({ kind: 'close', peer: this.peer })
    this.ended()
  }
}
