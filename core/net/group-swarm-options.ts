/**
 * What a GroupSwarm is given and what it reports (group-swarm.ts): the options a membership opens
 * with, the logs it replicates, the authenticated peers it shows and what it logs. A module of
 * its own so the swarm's contract reads apart from its connection handling; group-swarm.ts
 * re-exports every name, so callers import from there as before.
 */
import type { Identity } from '../crypto/identity.ts'
import type { DhtNodeAddress, NoiseStream } from './holepunch-net.ts'
import type { AdmissionOptions, RejectReason } from './member-auth.ts'
import type { Transport, TransportChoice } from './transports.ts'
import type { TreeSide } from './tree-exchange.ts'
import type { BelowFreezeSide } from './below-freeze.ts'
import type { RtcPeerFactory } from './webrtc/rtc-peers.ts'
import type { WebrtcWhere } from './webrtc/webrtc-slot.ts'

/** A log the group replicates: Hypercore sessions fit (core/store/holepunch.ts). */
export interface ReplicableLog {
  readonly key: Uint8Array | null
  replicate(stream: NoiseStream): unknown
  /** If present, called once with a live range so a peer's log is fetched as it grows. */
  download?(range: { start: number; end: number }): unknown
}

export interface AuthenticatedPeer {
  /** hex Ed25519 public key of the member's per-group identity */
  readonly memberId: string
  /** ms since the epoch */
  readonly since: number
  /** The member asked not to be shown as connected (presence-announce.ts). */
  readonly hidden?: boolean
  /** Which transport carries this connection. */
  readonly transport: Transport
  /**
   * Present only while the peer is not heard from (peer-hearing.ts): when its last frame came
   * (ms since the epoch). The connection is kept; the field goes as soon as it is heard again.
   */
  readonly notHeardSince?: number
}

/** What is logged: codes only, never peer bytes or member ids of refused peers. */
export type NetLogEntry = { code: 'PEER_REJECTED'; reason: RejectReason }

export interface GroupSwarmOptions {
  /** 32 bytes, shared by the members; the topic and the member-auth seal come from it. */
  groupSecret: Uint8Array
  groupId: Uint8Array
  /** This membership's identity: it signs our proof, and its seed keys the swarm key pair. */
  identity: Pick<Identity, 'seed' | 'signPublicKey' | 'signSecretKey'>
  isMember(memberId: string): boolean
  /** The admission exchange (admission-exchange.ts): show ours, check a newcomer's. */
  admission?: AdmissionOptions
  logs?: Iterable<ReplicableLog>
  /** DHT bootstrap nodes; leave undefined for the public DHT. Never `false` (that is also public). */
  bootstrap?: DhtNodeAddress[]
  /** Address the DHT socket binds to; tests use 127.0.0.1. */
  host?: string
  /** Fixed swarm-key salt (a keeper, tests); by default a fresh one per open. */
  swarmSalt?: Uint8Array
  authTimeoutMs?: number
  rejectCooldownMs?: number
  /** Keeper-only mode (core/keeper/keeper-only.ts): start without the topic, dialling and accepting no one. */
  quiet?: boolean
  /** Our device announcement, sent to each authenticated peer (device-announce.ts). */
  ownDevice?: Uint8Array
  /** An authenticated member announced the device log it writes through (unchecked bytes). */
  onDevice?(memberId: string, announcement: Uint8Array): void
  /** Whether to ask members' nodes not to show us as connected (presence-announce.ts). */
  presenceHidden?: boolean
  log?(entry: NetLogEntry): void
  /** Compares each log's signed tree with every member on connect (tree-exchange.ts). */
  trees?: TreeSide
  /** Blocks below a freeze, from and to members, outside Hypercore (below-freeze.ts). */
  belowFreeze?: BelowFreezeSide
  /** Which transports to meet members on; Hyperswarm alone unless told (transports.ts). */
  transport?: TransportChoice
  /**
   * Where to meet over WebRTC, and the current epoch key that names the room (webrtc/signal-envelope.ts).
   * Left out, a node on WebRTC waits for a server until setWebrtc() names one (the group's setting).
   */
  webrtc?: Partial<WebrtcWhere> & { bindAddress?: string; peers?: RtcPeerFactory; onEvent?(code: string): void }
}
