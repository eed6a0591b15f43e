/**
 * The slice of Hyperswarm 4 / HyperDHT 6 / Protomux 3 that core/net uses, typed (the packages are
 * CommonJS and ship no types), loaded with require as ../store/holepunch.ts loads Corestore.
 * Anything not listed here is unused, so an upgrade's blast radius stays visible.
 *
 * Gotchas met while building on these versions (hyperswarm 4.17.2, hyperdht 6.32.0 pinned):
 *   - hyperdht 6.33–6.34 stall 15–36 s between processes (hyperdht#304); package.json pins 6.32.0.
 *   - `bootstrap: false` is NOT "no bootstrap": it falls back to the public DHT nodes. Tests pass
 *     the testnet's list; production passes nothing (the public DHT).
 *   - A `firewall` answer of true makes Hyperswarm ban that noise key for the rest of the swarm's
 *     life (PeerInfo.banned is never cleared by Hyperswarm). Timed bans must unban themselves.
 *   - Hyperswarm.destroy() also destroys the HyperDHT node, including one passed in as `dht`.
 *   - Protomux rejects a remote channel open at once when no local channel or `pair` handler
 *     exists for it, so a channel must be created before the stream's data starts flowing. Data
 *     flows only once something listens for 'data', i.e. when Protomux.from(stream) first runs.
 *   - A NoiseSecretStream frame may be up to 16 MiB and is buffered whole before Protomux sees
 *     it; a size check of ours runs after that allocation, not before.
 */
import { createRequire } from 'node:module'
import type { RtcPeerFactory } from './webrtc/rtc-peers.ts'

export interface SwarmKeyPair {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

export interface DhtNodeAddress {
  host: string
  port: number
}

/** @hyperswarm/secret-stream: the encrypted, authenticated stream Hyperswarm hands us. */
export interface NoiseStream {
  readonly isInitiator: boolean
  /** 64 bytes, identical on both ends; set once the Noise handshake is done. */
  readonly handshakeHash: Uint8Array | null
  readonly remotePublicKey: Uint8Array
  readonly destroyed: boolean
  /** Resolves true once the handshake is done, false if the stream died first. */
  readonly opened: Promise<boolean>
  /** Where Hypercore and Protomux keep the stream's Protomux. */
  userData: unknown
  on(event: 'error', listener: (err: Error) => void): this
  on(event: 'close', listener: () => void): this
  once(event: 'close', listener: () => void): this
  off(event: 'close', listener: () => void): this
  destroy(err?: Error): void
  /** Ends the stream after what is queued has been written (streamx). */
  end(): void
  /** Sends an empty frame after `ms` without writes (hyperdht sets 5 s). */
  setKeepAlive(ms: number): void
  /** Destroys the stream after `ms` without any frame from the remote (off by default). */
  setTimeout(ms: number): void
  /** Bytes of every frame decrypted from the remote so far, keepalives included (peer-hearing.ts). */
  readonly rawBytesRead: number
}

export interface PeerInfo {
  readonly publicKey: Uint8Array
  readonly banned: boolean
  ban(banned: boolean): void
}

/** Where a node meets the network: DHT bootstrap nodes (undefined: the public DHT) and the address to bind. */
export interface NetworkOptions {
  bootstrap?: DhtNodeAddress[]
  /** Address the DHT socket binds to (tests: 127.0.0.1); WebRTC's ICE binds there too. */
  host?: string
  /** Which transports groups meet on (core/net/transports.ts); left out, the device's stored choice (core/group/transport-choice.ts). */
  transport?: 'hyperswarm' | 'webrtc' | 'both'
  /** Signaling servers (ws:// or wss://) for WebRTC; the first is used for now. */
  signal?: string[]
  /** Who makes WebRTC peer connections (webrtc/rtc-peers.ts): node-datachannel unless the front end relays (page-peers.ts). */
  webrtcPeers?: RtcPeerFactory
}

export interface DiscoverySession {
  flushed(): Promise<boolean>
  destroy(): Promise<void>
}

/** A topic the swarm has joined (Hyperswarm's PeerDiscovery): refresh() announces and/or looks up again. */
export interface TopicDiscovery {
  refresh(): Promise<unknown>
}

export interface HyperDHTInstance {
  ready(): Promise<void>
  destroy(opts?: { force?: boolean }): Promise<void>
}

export interface HyperswarmInstance {
  readonly keyPair: SwarmKeyPair
  readonly connections: Set<NoiseStream>
  readonly peers: Map<string, PeerInfo>
  join(topic: Uint8Array, opts: { server: boolean; client: boolean }): DiscoverySession
  leave(topic: Uint8Array): Promise<void>
  /** Every topic joined now. */
  topics(): Iterable<TopicDiscovery>
  /** Resolves once every pending lookup and the dials it started are over. */
  flush(): Promise<boolean>
  on(event: 'connection', listener: (conn: NoiseStream, info: PeerInfo) => void): this
  /** `force` skips leaving the topics (no unannounce round trips). */
  destroy(opts?: { force?: boolean }): Promise<void>
}

export interface ProtomuxMessage {
  send(message: Uint8Array): boolean
}

export interface ProtomuxChannel {
  readonly opened: boolean
  /** False once a send found the stream's buffer full, until it drains (`ondrain`). */
  readonly drained?: boolean
  readonly closed: boolean
  open(handshake?: unknown): void
  close(): void
  readonly messages: ProtomuxMessage[]
}

/** compact-encoding's codec shape; Hearth uses only `raw` (the rest of the frame, as is). */
export interface Encoding {
  preencode(state: unknown, value: Uint8Array): void
  encode(state: unknown, value: Uint8Array): void
  decode(state: unknown): Uint8Array
}

export interface ProtomuxInstance {
  createChannel(opts: {
    protocol: string
    id?: Uint8Array | null
    messages: { encoding: Encoding; onmessage(message: Uint8Array): void }[]
    onopen?(): void
    /** The stream drained after a send found its buffer full. */
    ondrain?(): void
    onclose?(isRemote: boolean): void
  }): ProtomuxChannel | null
  /** Called when the remote opens a channel of `protocol` we have not made yet; the open waits for the promise. */
  pair(opts: { protocol: string; id?: Uint8Array | null }, notify: (id: Uint8Array | null) => Promise<void> | void): void
}

type HyperswarmCtor = new (opts: {
  keyPair: SwarmKeyPair
  dht: HyperDHTInstance
  firewall(remotePublicKey: Uint8Array): boolean
}) => HyperswarmInstance

type HyperDHTCtor = new (opts: { bootstrap?: DhtNodeAddress[]; host?: string; ephemeral?: boolean }) => HyperDHTInstance

const require = createRequire(import.meta.url)
export const Hyperswarm = require('hyperswarm') as HyperswarmCtor
export const HyperDHT = require('hyperdht') as HyperDHTCtor
export const Protomux = require('protomux') as { from(stream: NoiseStream): ProtomuxInstance }
export const rawEncoding = (require('compact-encoding') as { raw: Encoding }).raw
