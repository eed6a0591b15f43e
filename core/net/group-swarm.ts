/**
 * One group membership on the network: its own HyperDHT node and Hyperswarm (swarm-keys.ts says
 * why one per membership), announcing and looking up the group topic (topic.ts), running
 * member-auth.ts on every connection, and only then replicating the group's logs.
 *
 * Per-group isolation. Corestore's `store.replicate(stream)` is NOT used: it answers a remote's
 * request for ANY discovery key the store holds (Corestore 7.12.5 `_attachMaybe`), and sessions
 * or namespaces share the root's storage, so a member of group A who learned a log key of group B
 * (or the `personal` log) could pull it over an A connection. Instead each log the caller hands
 * over is attached to each authenticated connection one by one (`core.replicate(conn)` on the
 * connection's own Protomux). Channels for any other discovery key find no local handler, and
 * Protomux rejects them. Nothing else may attach cores to these connections.
 *
 * Before authentication a connection carries the member-auth channel only: no core is attached,
 * so a stock Hyperswarm peer or a non-member gets no block, not even ciphertext.
 *
 * Presence is the set of authenticated connections (peers()); a member with two devices online
 * shows twice. A refused peer's noise key is banned for rejectCooldownMs (refusals.ts says why it
 * lifts); forgive() and a ban's end also look the topic up again, so the peer is dialled instead
 * of never (Hyperswarm does not redial a peer it banned).
 *
 * Transports (transports.ts). Hyperswarm, WebRTC through a signaling server (webrtc/webrtc-side.ts),
 * or both: a WebRTC data channel carries the same Noise stream and enters the same path below, so
 * everything after the handshake is one code. One authenticated connection per device: a second
 * one to the same Noise key is closed by transports.ts's rule, alike on both ends.
 *
 * Liveness. Each connection sends a keepalive after MEMBER_KEEPALIVE_MS without writes and is dropped
 * after IDLE_MS without a frame from the remote: a peer that vanished without a word (killed, lid
 * closed, cable out) leaves presence within IDLE_MS, and after a resume from sleep the overdue
 * timeout drops every stale connection before the rendezvous (rendezvous.ts) dials afresh. Long
 * before that, a peer not heard from for QUIET_MS of our own running time shows as such in
 * peers() (`notHeardSince`, peer-hearing.ts), with nothing dropped; it is heard again at once.
 */
import { EventEmitter } from 'node:events'
import { wipe } from '../crypto/wipe.ts'
import { errors } from '../errors.ts'
import { memberAuthKey } from './auth-message.ts'
import { Hyperswarm, type DiscoverySession, type HyperswarmInstance, type NoiseStream, type PeerInfo, type SwarmKeyPair } from './holepunch-net.ts'
import { announceDevice, listenForDevice } from './device-announce.ts'
import { announcePresence, listenForPresence, resendPresence } from './presence-announce.ts'
import { authenticatePeer, type RejectReason } from './member-auth.ts'
import { Hearing, HEARING_KEEPALIVE_MS } from './peer-hearing.ts'
import { Refusals, REJECT_COOLDOWN_MS } from './refusals.ts'
import { Rendezvous } from './rendezvous.ts'
import { swarmKeyPair, swarmSalt } from './swarm-keys.ts'
import { groupTopic } from './topic.ts'
import { startDhtNode } from './dht-node.ts'
import { listenForTrees, openTrees, treesOn } from './tree-exchange.ts'
import { belowFreezeOn, listenForBelowFreeze, openBelowFreeze } from './below-freeze.ts'
import { closeWhich, usesHyperswarm, usesWebrtc, type Transport } from './transports.ts'
import { WebrtcSlot, type WebrtcWhere } from './webrtc/webrtc-slot.ts'
import type { AuthenticatedPeer, GroupSwarmOptions, ReplicableLog } from './group-swarm-options.ts'

export { REJECT_COOLDOWN_MS }
export type { AuthenticatedPeer, GroupSwarmOptions, NetLogEntry, ReplicableLog } from './group-swarm-options.ts'
/** Both ends are Hearth, so both send keepalives at this pace; hyperdht's default is 5 s. The keeper's links use it. */
export const KEEPALIVE_MS = 2_000
/**
 * What member connections use instead: a keepalive after this long without writes, short so
 * that silence means something within 2 s (peer-hearing.ts). An idle connection costs about 60
 * bytes on the wire per keepalive, each way.
 */
export const MEMBER_KEEPALIVE_MS = HEARING_KEEPALIVE_MS
/** Five missed keepalives: long enough for a busy machine's event loop, short enough for presence. */
export const IDLE_MS = 10_000
/** How long close() waits to unannounce politely before it drops the DHT node regardless. */
const CLOSE_GRACE_MS = 2_000

/** Where a connection came from: Hyperswarm's record of the peer, or the WebRTC session. */
type Source = { transport: 'hyperswarm'; info: PeerInfo } | { transport: 'webrtc'; remote: string }

interface Connection {
  conn: NoiseStream
  peer: AuthenticatedPeer | null
  source: Source
}

export class GroupSwarm extends EventEmitter<{ 'peer-up': [AuthenticatedPeer]; 'peer-down': [AuthenticatedPeer]; 'peer-presence': [AuthenticatedPeer]; 'peer-duplicate': [Transport]; 'peer-hearing': [AuthenticatedPeer] }> {
  readonly topic: Uint8Array
  private readonly opts: GroupSwarmOptions
  private readonly authKey: Uint8Array
  private readonly swarm: HyperswarmInstance | null
  private discovery: DiscoverySession | null = null
  /** Present when this node may meet over WebRTC; its side opens once a server is named (webrtc/webrtc-slot.ts). */
  private readonly webrtc: WebrtcSlot | null
  private quiet = false
  /** Keeper-only mode was on in this run: WebRTC stays closed until the node starts again (setQuiet). */
  private webrtcClosedForRun = false
  /** When to look the topic up again (start, wake, forgive); the seam the keeper and WebRTC reuse. */
  readonly rendezvous: Rendezvous
  private readonly logs = new Map<string, ReplicableLog>()
  private readonly connections = new Set<Connection>()
  /** Refused noise keys and their cooldowns; the firewall consults them too (refusals.ts). */
  private readonly refusals: Refusals
  private closing: Promise<void> | null = null
  private presenceHidden = false
  /** Which authenticated peers are not heard from now; reported, never acted on. */
  private readonly hearing = new Hearing({
    onChange: (key) => {
      const c = key as Connection
      if (c.peer && this.connections.has(c)) this.emit('peer-hearing', this.shown(c, c.peer))
    },
  })

  static async open(opts: GroupSwarmOptions): Promise<GroupSwarm> {
    const topic = groupTopic(opts.groupSecret)
    if (!(opts.groupId instanceof Uint8Array) || opts.groupId.length === 0 || opts.groupId.length > 64) {
      throw errors.INVALID_INPUT('a group id is 1–64 bytes')
    }
    const choice = opts.quiet ? 'hyperswarm' : opts.transport ?? 'hyperswarm'
    const keyPair = swarmKeyPair(opts.identity.seed, opts.groupId, opts.swarmSalt ?? swarmSalt())
    let self: GroupSwarm | null = null
    let swarm: HyperswarmInstance | null = null
    if (usesHyperswarm(choice)) {
      const dht = await startDhtNode(opts)
      swarm = new Hyperswarm({ keyPair, dht, firewall: (remote) => self === null || self.closing !== null || self.quiet || self.refusals.has(remote) })
    }
    self = new GroupSwarm(opts, topic, swarm, usesWebrtc(choice) ? keyPair : null)
    return self
  }

  private constructor(opts: GroupSwarmOptions, topic: Uint8Array, swarm: HyperswarmInstance | null, webrtcKeys: SwarmKeyPair | null) {
    super()
    this.opts = opts
    this.topic = topic
    this.authKey = memberAuthKey(opts.groupSecret)
    this.swarm = swarm
    this.presenceHidden = opts.presenceHidden === true
    for (const log of opts.logs ?? []) this.addLog(log)
    swarm?.on('connection', (conn, info) => this.onConnection(conn, { transport: 'hyperswarm', info }))
    this.quiet = opts.quiet === true
    if (!this.quiet) this.discovery = swarm?.join(topic, { server: true, client: true }) ?? null
    const w = opts.webrtc
    this.webrtc = webrtcKeys ? new WebrtcSlot({
      groupSecret: opts.groupSecret, keyPair: webrtcKeys, onConnection: (conn, remote) => this.onConnection(conn, { transport: 'webrtc', remote }),
      ...(w?.bindAddress ? { bindAddress: w.bindAddress } : {}), ...(w?.peers ? { peers: w.peers } : {}), ...(w?.onEvent ? { onEvent: w.onEvent } : {}),
    }) : null
    if (w?.url && w.epochKeys) this.webrtc?.set({ url: w.url, epochKeys: w.epochKeys, ...(w.iceServers ? { iceServers: w.iceServers } : {}) })
    // One rendezvous for both: a look is a lookup on the DHT and a hello in the WebRTC room.
    this.rendezvous = new Rendezvous({ topics: () => [...(swarm?.topics() ?? []), ...(this.webrtc?.topics() ?? [])] })
    this.refusals = new Refusals({
      cooldownMs: opts.rejectCooldownMs ?? REJECT_COOLDOWN_MS,
      current: (key) => swarm?.peers.get(key),
      onLifted: () => this.rendezvous.kick('ban lifted'),
    })
    // The burst after start covers a member who arrives within the same seconds as us.
    this.rendezvous.kick('start')
  }

  /** Resolves once the first announce and lookup have finished (false if they failed). */
  flushed(): Promise<boolean> {
    return this.discovery?.flushed() ?? Promise.resolve(false)
  }

  /**
   * Meets over WebRTC through this server from now on (the group's setting, or this device's own
   * `--signal`), or stops meeting over WebRTC (null). Connections already up stay. Nothing on
   * Hyperswarm alone.
   */
  setWebrtc(where: WebrtcWhere | null): void {
    // Keeper-only closed WebRTC for this run: signaling would hand out our addresses.
    if (!this.closing && !this.webrtcClosedForRun) this.webrtc?.set(where)
  }

  /** The signaling server met through now, whether it is reached and how the meeting went, or null without WebRTC. */
  webrtcServer(): ReturnType<WebrtcSlot['server']> {
    return this.webrtc?.server() ?? null
  }

  /** Moves the WebRTC meeting to these epochs' rooms (after a rotation); nothing on Hyperswarm alone. */
  setEpochKeys(epochKeys: Uint8Array[]): void {
    this.webrtc?.setEpochs(epochKeys)
  }

  /** The members connected now, one entry per authenticated connection. */
  peers(): AuthenticatedPeer[] {
    const out: AuthenticatedPeer[] = []
    for (const c of this.connections) if (c.peer) out.push(this.shown(c, c.peer))
    return out
  }

  private shown(c: Connection, peer: AuthenticatedPeer): AuthenticatedPeer {
    const since = this.hearing.notHeardSince(c)
    return since === undefined ? peer : { ...peer, notHeardSince: since }
  }

  /**
   * Keeper-only mode on: the topic is left (unannounced), member connections closed, every peer refused, and the WebRTC
   * side closed for this run (signaling would hand out our addresses). Off: the topic is joined again.
   */
  setQuiet(quiet: boolean): void {
    if (this.closing || quiet === this.quiet) return
    this.quiet = quiet
    if (quiet) {
      this.discovery = null
      void this.swarm?.leave(this.topic).catch(() => undefined)
      this.webrtc?.close()
      this.webrtcClosedForRun = true
      for (const c of this.connections) c.conn.destroy()
    } else if (this.swarm) {
      // The quiet firewall made Hyperswarm ban every peer it met; only real refusals stay banned.
      for (const info of this.swarm.peers.values()) if (!this.refusals.has(info.publicKey)) info.ban(false)
      this.discovery = this.swarm.join(this.topic, { server: true, client: true })
      this.rendezvous.kick('start')
    }
  }

  /** Changes whether members' nodes are asked not to show us, on every connection now and later. */
  setPresenceHidden(hidden: boolean): void {
    this.presenceHidden = hidden
    for (const c of this.connections) if (c.peer) resendPresence(c.conn, hidden)
  }

  /** Adds a log of this group; it starts replicating with every authenticated peer at once. */
  addLog(log: ReplicableLog): void {
    if (!log.key) throw errors.INVALID_INPUT('a log must be ready before it can replicate')
    const id = Buffer.from(log.key).toString('hex')
    if (this.logs.has(id) || this.closing) return
    this.logs.set(id, log)
    log.download?.({ start: 0, end: -1 })
    for (const c of this.connections) if (c.peer) this.replicateTo(c.conn, [log])
  }

  /** A log changed here: its signed tree goes to every connected member (tree-exchange.ts). */
  treesChanged(key: string): void {
    for (const c of this.connections) if (c.peer) treesOn(c.conn)?.changed(key)
  }

  /** What this device lacks below a freeze changed: every connected member is asked again (below-freeze.ts). */
  belowFreezeChanged(fresh: boolean): void {
    for (const c of this.connections) if (c.peer) belowFreezeOn(c.conn)?.changed(fresh)
  }

  /**
   * Asks isMember again about every connected peer and drops those it now refuses. Call it when
   * governance changes (a removal): membership is otherwise checked once, at connect.
   */
  recheckMembers(): void {
    for (const c of this.connections) {
      if (!c.peer) continue
      let member = false
      try {
        member = this.opts.isMember(c.peer.memberId) === true
      } catch {
        // treated as "no": refusing a member costs a reconnect, serving a removed one costs more
      }
      if (!member) c.conn.destroy()
    }
  }

  /** Leaves the topic and destroys every connection, the swarm and its DHT node. */
  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        this.rendezvous.close()
        this.hearing.close()
        this.refusals.close()
        this.webrtc?.close()
        for (const c of this.connections) c.conn.destroy()
        const swarm = this.swarm
        if (swarm) {
          const polite = swarm.destroy().then(() => true, () => true)
          const done = await Promise.race([polite, delay(CLOSE_GRACE_MS).then(() => false)])
          if (!done) await swarm.destroy({ force: true }).catch(() => undefined)
        }
        wipe(this.authKey)
      })()
    }
    return this.closing
  }

  private onConnection(conn: NoiseStream, source: Source): void {
    // Every stream error also ends in 'close', which is where we clean up.
    conn.on('error', () => undefined)
    if (this.closing || this.quiet) return conn.destroy()
    conn.setKeepAlive(MEMBER_KEEPALIVE_MS)
    conn.setTimeout(IDLE_MS)
    const c: Connection = { conn, peer: null, source }
    this.connections.add(c)
    conn.once('close', () => {
      this.connections.delete(c)
      if (c.source.transport === 'hyperswarm') this.webrtc?.rejoin(keyOf(conn))
      this.hearing.untrack(c)
      if (c.peer) this.emit('peer-down', c.peer)
    })
    const { identity, groupId, isMember, authTimeoutMs, ownDevice, onDevice, admission } = this.opts
    const auth = authenticatePeer(conn, { authKey: this.authKey, groupId, member: identity, isMember, timeoutMs: authTimeoutMs, ...(admission ? { admission } : {}) })
    const device = (key: Uint8Array): void => {
      if (c.peer) onDevice?.(c.peer.memberId, key)
    }
    if (ownDevice) listenForDevice(conn, auth.then((o) => o.ok && !this.closing), ownDevice, device)
    const presence = (hidden: boolean): void => {
      if (!c.peer || c.peer.hidden === hidden) return
      c.peer = { ...c.peer, hidden }
      if (this.connections.has(c)) this.emit('peer-presence', c.peer)
    }
    const mine = (): boolean => this.presenceHidden
    listenForPresence(conn, auth.then((o) => o.ok && !this.closing), mine, presence)
    if (this.opts.trees) listenForTrees(conn, auth.then((o) => o.ok && !this.closing), this.opts.trees)
    if (this.opts.belowFreeze) listenForBelowFreeze(conn, auth.then((o) => (o.ok && !this.closing ? o.memberId : null)), this.opts.belowFreeze)
    void auth
      .then((outcome) => {
        if (!outcome.ok) return this.reject(source, outcome.reason)
        if (this.closing || !this.onlyConnection(c)) return conn.destroy()
        c.peer = { memberId: outcome.memberId, since: Date.now(), transport: source.transport }
        if (this.connections.has(c)) this.hearing.track(c, () => conn.rawBytesRead)
        this.replicateTo(conn, this.logs.values())
        if (ownDevice) announceDevice(conn, ownDevice, device)
        announcePresence(conn, mine, presence)
        if (this.opts.trees) openTrees(conn, this.opts.trees)
        if (this.opts.belowFreeze) openBelowFreeze(conn, this.opts.belowFreeze, { remote: outcome.memberId })
        if (this.connections.has(c)) this.emit('peer-up', c.peer)
      })
      .catch(() => conn.destroy())
  }

  private replicateTo(conn: NoiseStream, logs: Iterable<ReplicableLog>): void {
    try {
      for (const log of logs) log.replicate(conn)
    } catch {
      conn.destroy()
    }
  }

  /**
   * Applies the one-connection rule (transports.ts) to a newly authenticated connection: false
   * when it is the one to close; otherwise the older one to the same device is closed.
   */
  private onlyConnection(c: Connection): boolean {
    const key = keyOf(c.conn)
    for (const other of this.connections) {
      if (other === c || !other.peer || keyOf(other.conn) !== key) continue
      const which = closeWhich(other.source.transport, c.source.transport)
      if (which === null) continue
      const drop = which === 'incoming' ? c : other
      // Across transports the WebRTC one goes, and stays apart while the Hyperswarm one lasts.
      if (drop.source.transport === 'webrtc') this.webrtc?.keepApart(key, drop.source.remote)
      this.emit('peer-duplicate', drop.source.transport)
      if (drop === c) return false
      other.conn.destroy()
    }
    return true
  }

  private reject(source: Source, reason: RejectReason): void {
    try {
      this.opts.log?.({ code: 'PEER_REJECTED', reason })
    } catch {
      // a failing logger must not take the network down with it
    }
    if (reason === 'closed' || reason === 'internal' || this.closing) return
    if (source.transport === 'webrtc') return this.webrtc?.refuse(source.remote, this.opts.rejectCooldownMs ?? REJECT_COOLDOWN_MS)
    this.refusals.refuse(source.info)
  }

  /**
   * Lifts every cooldown at once. Call it when governance admitted someone: a peer refused a
   * moment ago may be exactly that newcomer, and should not wait out the cooldown.
   */
  forgive(): void {
    if (this.closing) return
    // Both transports: a peer refused over WebRTC is held apart by its session, not by a ban.
    const lifted = [this.refusals.liftAll(), this.webrtc?.forgive() ?? false]
    const any = lifted.some(Boolean)
    // Lifting a ban dials nobody; a fresh lookup re-queues every announced peer, the forgiven
    // one included. Look even without a ban here: the other side may be the one that refused.
    this.rendezvous.kick(any ? 'forgive' : 'admission')
  }
}

function keyOf(conn: NoiseStream): string {
  return Buffer.from(conn.remotePublicKey).toString('hex')
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref?.())
