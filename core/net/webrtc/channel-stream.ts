/**
 * A WebRTC data channel (rtc-peers.ts: node-datachannel's, or a front end's relayed) as a plain byte stream, so the same Noise stream,
 * member-auth and replication that run over a Hyperswarm connection can run over it.
 *
 * Why not node-datachannel's own DataChannelStream: it is object-mode and drops incoming
 * messages while its reader is paused, which would corrupt a byte stream; a Noise stream over it
 * would fail at the first lost frame. Here every message is kept (the sender's window bounds
 * what can be in flight), writes are cut into pieces under SCTP's message size, and a write
 * waits while the channel's send buffer is above HIGH_WATER_BYTES.
 */
import { createRequire } from 'node:module'
import { Duplex } from 'node:stream'
import type { NoiseStream, SwarmKeyPair } from '../holepunch-net.ts'
import type { RtcChannel } from './rtc-peers.ts'

type NoiseCtor = new (isInitiator: boolean, rawStream: Duplex, opts: { keyPair: SwarmKeyPair }) => NoiseStream
const NoiseSecretStream = createRequire(import.meta.url)('@hyperswarm/secret-stream') as NoiseCtor

/** Safe under every implementation's maximum message size (libdatachannel's default is 256 KiB, browsers' 64 KiB). */
export const PIECE_BYTES = 16 * 1024
const HIGH_WATER_BYTES = 1024 * 1024
const LOW_WATER_BYTES = 256 * 1024

export class ChannelStream extends Duplex {
  private waiting: (() => void) | null = null

  constructor(private readonly channel: RtcChannel) {
    super({ allowHalfOpen: false })
    channel.onMessage((m) => {
      this.push(Buffer.from(m.buffer, m.byteOffset, m.byteLength))
    })
    channel.onClosed(() => {
      this.push(null)
      this.destroy()
    })
    channel.onError(() => this.destroy(new Error('DATA_CHANNEL_ERROR')))
    channel.setBufferedAmountLowThreshold(LOW_WATER_BYTES)
    channel.onBufferedAmountLow(() => {
      const w = this.waiting
      this.waiting = null
      w?.()
    })
  }

  override _read(): void {
    // Messages are pushed as they arrive; nothing to pull.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (e?: Error | null) => void): void {
    try {
      for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
        if (!this.channel.sendBinary(chunk.subarray(at, at + PIECE_BYTES))) return callback(new Error('DATA_CHANNEL_CLOSED'))
      }
    } catch {
      return callback(new Error('DATA_CHANNEL_CLOSED'))
    }
    if (this.channel.bufferedAmount() <= HIGH_WATER_BYTES) return callback()
    this.waiting = () => callback()
  }

  override _destroy(error: Error | null, callback: (e: Error | null) => void): void {
    this.waiting = null
    try {
      this.channel.close()
    } catch {
      // already closed
    }
    callback(error)
  }
}

/**
 * The same Noise stream Hyperswarm makes (@hyperswarm/secret-stream), over a data channel: its
 * handshake hash binds member-auth to this connection as on Hyperswarm, and its encryption
 * does not rest on WebRTC's DTLS, whose certificates the signaling could swap.
 */
export function noiseOverChannel(stream: ChannelStream, initiator: boolean, keyPair: SwarmKeyPair): NoiseStream {
  const noise = new NoiseSecretStream(initiator, stream, { keyPair })
  noise.on('error', () => undefined)
  return noise
}
