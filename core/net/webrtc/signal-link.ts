/**
 * A client's connection to one signaling server (y-webrtc protocol, signal-protocol.ts) that
 * stays: when the WebSocket cannot be opened, or drops (the server restarted, the Wi-Fi came
 * back), it opens a new one after a bounded backoff, and tells its owner each time it is open so
 * the owner can subscribe to its room and say hello again. A server forgets every subscription
 * with the connection, so nothing about the old one is worth keeping.
 *
 * Backoff (reconnectMs): 0.5 s doubling to at most 15 s, back to the start after each open, each
 * wait shortened by up to a half at random so the members of a room do not all knock at once
 * when their server comes back.
 */
import { WebSocket } from 'ws'

export const RECONNECT_MIN_MS = 500
export const RECONNECT_MAX_MS = 15_000
/** A frame we receive is at most this; the server's own limit is 32 KiB (signal-limits.ts). */
const MAX_PAYLOAD = 64 * 1024

/** The n-th wait (n ≥ 0) before opening again, before the random shortening. */
export function reconnectMs(n: number): number {
  return Math.min(RECONNECT_MIN_MS * 2 ** Math.min(n, 30), RECONNECT_MAX_MS)
}

export interface SignalLinkHandlers {
  /** The socket is open (the first time and after each reconnect): subscribe and say hello. */
  onOpen(): void
  onFrame(data: Buffer): void
  /** Codes only: SIGNAL_OPEN, SIGNAL_DROPPED. */
  onEvent(code: string): void
}

export class SignalLink {
  private ws: WebSocket | null = null
  private attempts = 0
  private timer: NodeJS.Timeout | null = null
  private closed = false
  private firstOpen: (() => void) | null = null
  /** Resolves the first time the socket opens (never rejects: the link keeps trying). */
  readonly opened: Promise<void>

  constructor(private readonly url: string, private readonly on: SignalLinkHandlers) {
    this.opened = new Promise((resolve) => (this.firstOpen = resolve))
    this.connect()
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN
  }

  /** Sends a frame if the socket is open; false if it is not (the next onOpen starts afresh). */
  send(frame: object): boolean {
    if (this.closed || !this.ws || this.ws.readyState !== WebSocket.OPEN) return false
    this.ws.send(JSON.stringify(frame))
    return true
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.ws?.close()
    this.ws = null
  }

  private connect(): void {
    if (this.closed) return
    const ws = new WebSocket(this.url, { maxPayload: MAX_PAYLOAD })
    this.ws = ws
    ws.on('error', () => undefined) // every error also ends in 'close'
    ws.on('open', () => {
      if (this.ws !== ws || this.closed) return
      this.attempts = 0
      this.on.onEvent('SIGNAL_OPEN')
      this.firstOpen?.()
      this.firstOpen = null
      this.on.onOpen()
    })
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.ws === ws && !isBinary) this.on.onFrame(data)
    })
    ws.on('close', () => {
      if (this.ws !== ws || this.closed) return
      this.ws = null
      this.on.onEvent('SIGNAL_DROPPED')
      const wait = reconnectMs(this.attempts++)
      this.timer = setTimeout(() => {
        this.timer = null
        this.connect()
      }, wait - Math.floor(Math.random() * (wait / 2)))
      this.timer.unref?.()
    })
  }
}
