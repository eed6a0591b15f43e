/**
 * What the member-to-member exchanges share (tree-exchange.ts, below-freeze.ts): one raw Protomux
 * channel of four message types per authenticated connection, opened by either side once
 * member-auth.ts accepted the remote; its last type (3) a refusal, a code in ASCII UPPER_SNAKE of
 * 1..32 bytes after which its sender closes the channel; and a token bucket on what comes in.
 * Each exchange keeps its own messages, bounds and codes; this is only the frame around them.
 */
import { Protomux, rawEncoding, type NoiseStream, type ProtomuxChannel } from './holepunch-net.ts'

/** Messages through a bucket of `burst`, refilled at `rate` a second. */
export class TokenBucket {
  private tokens: number
  private last = Date.now()

  constructor(private readonly burst: number, private readonly rate: number) {
    this.tokens = burst
  }

  /** Takes one token: false when the bucket is empty (a flood). */
  take(): boolean {
    const now = Date.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

/** The code a refusal message carries, or `malformed` when it carries none a refusal may. */
export function refusalCode(m: Uint8Array, malformed: string): string {
  const code = Buffer.from(m).toString('latin1')
  return /^[A-Z_]{1,32}$/.test(code) ? code : malformed
}

/** Sends a refusal with its code (its sender then closes the channel). */
export function sendRefusal(channel: ProtomuxChannel, code: string): void {
  channel.messages[3]?.send(Buffer.from(code, 'latin1'))
}

/** One kind of exchange: its protocol, how one is made on a channel, what its channel events call. */
export interface ExchangeKind<E extends { receive(type: number, m: Uint8Array): void; close(): void }> {
  protocol: string
  /** The exchanges open, one per connection. */
  open: WeakMap<NoiseStream, E>
  make(channel: ProtomuxChannel): E
  onopen(ex: E): void
  ondrain?(ex: E): void
}

/** Opens the exchange once per connection (null when the stream is gone or Protomux refuses it). */
export function openExchange<E extends { receive(type: number, m: Uint8Array): void; close(): void }>(stream: NoiseStream, kind: ExchangeKind<E>): E | null {
  const known = kind.open.get(stream)
  if (known || stream.destroyed) return known ?? null
  try {
    let ex: E | null = null
    const message = (type: number) => ({ encoding: rawEncoding, onmessage: (m: Uint8Array) => ex?.receive(type, m) })
    const drain = kind.ondrain
    const channel = Protomux.from(stream).createChannel({
      protocol: kind.protocol,
      messages: [message(0), message(1), message(2), message(3)],
      onopen: () => ex && kind.onopen(ex),
      ...(drain ? { ondrain: () => ex && drain(ex) } : {}),
      onclose: () => ex?.close(),
    })
    if (!channel) return null
    ex = kind.make(channel)
    kind.open.set(stream, ex)
    channel.open()
    return ex
  } catch {
    return null // replication works without any of them
  }
}

/** Lets the remote open first: once `authed` names the remote (null: refused), `open` answers it. */
export function listenForExchange<T>(stream: NoiseStream, protocol: string, authed: Promise<T | null>, open: (remote: T) => void): void {
  try {
    Protomux.from(stream).pair({ protocol }, async () => {
      const remote = await authed
      if (remote !== null) open(remote)
    })
  } catch {
    // as openExchange
  }
}
