/**
 * A member's line to the group's keeper (issue 15): its own Hyperswarm that dials the keeper by
 * its key (joinPeer) and accepts no one else, proves the group's access (keeper-wire.ts), asks
 * the keeper to keep every log this member replicates, and replicates those logs on it.
 *
 * Why a swarm of its own and not a connection of the GroupSwarm: every GroupSwarm connection runs
 * member-auth, which the keeper must fail (it has no group secret), and a failure bans the peer.
 * The link's key pair is derived like the group swarm's (swarm-keys.ts), with its own fresh salt,
 * so the keeper sees a different key at every start and cannot tell members apart by key.
 *
 * Only the keeper can be on the other end: the firewall refuses every other remote key, and
 * Noise proves the remote holds the keeper's secret key. So logs are attached at once, without
 * waiting: the keeper decides alone whether it answers (it does once our access checks out).
 * While there is no connection the link keeps dialling (keeper-redial.ts), and it keeps the
 * keeper's latest status (keeper-status.ts: whether it is full).
 */
import type { Identity } from '../crypto/identity.ts'
import { equalBytes } from '../crypto/hash.ts'
import { wipe } from '../crypto/wipe.ts'
import type { ReplicableLog } from '../net/group-swarm.ts'
import { IDLE_MS, KEEPALIVE_MS } from '../net/group-swarm.ts'
import { Hyperswarm, Protomux, rawEncoding, type HyperswarmInstance, type NetworkOptions, type NoiseStream, type ProtomuxChannel } from '../net/holepunch-net.ts'
import { swarmKeyPair, swarmSalt } from '../net/swarm-keys.ts'
import { encodeAccess, encodeKeep, keeperAccess, KEEPER_PROTOCOL, type AccessKeyPair } from './keeper-wire.ts'
import { startDhtNode, type DhtNode } from '../net/dht-node.ts'
import { statusChannel, type KeeperStatus } from './keeper-status.ts'
import { Redial } from './keeper-redial.ts'
import { heldBy } from '../store/holepunch.ts'
import type { MemberMailboxes } from './keeper-mailbox-member.ts'

export interface KeeperLinkOptions extends NetworkOptions {
  keeperKey: Uint8Array
  /** the keeper's registration secret, from its code via governance (keeper-wire.ts) */
  register: Uint8Array
  groupSecret: Uint8Array
  groupId: Uint8Array
  identity: Pick<Identity, 'seed'>
  /** The group's invites' mailboxes at the keeper (keeper-mailbox-member.ts), if this member answers joins. */
  mailboxes?: MemberMailboxes
}

type Dialling = HyperswarmInstance & { joinPeer(key: Uint8Array): void; leavePeer(key: Uint8Array): void }

interface Line {
  stream: NoiseStream
  channel: ProtomuxChannel
}

export class KeeperLink {
  private readonly logs = new Map<string, ReplicableLog>()
  private readonly lines = new Set<Line>()
  private closing: Promise<void> | null = null
  private readonly redial: Redial
  /** When the keeper was last connected (ms), or null. */
  lastReached: number | null = null
  /** What the keeper last said of this group (keeper-status.ts): whether it is full, how much it holds. */
  status: KeeperStatus | null = null

  private constructor(
    private readonly keeperKey: Uint8Array,
    private readonly register: Uint8Array,
    private readonly access: AccessKeyPair,
    private readonly swarm: Dialling,
    private readonly mailboxes: MemberMailboxes | null,
  ) {
    this.redial = new Redial(() => {
      swarm.leavePeer(keeperKey)
      swarm.joinPeer(keeperKey)
    }, () => this.connected())
  }

  static async open(opts: KeeperLinkOptions): Promise<KeeperLink> {
    const access = keeperAccess(opts.groupSecret, opts.keeperKey)
    let dht: DhtNode
    try {
      dht = await startDhtNode(opts)
    } catch (e) {
      wipe(access.secretKey)
      throw e
    }
    const keeperKey = opts.keeperKey.slice()
    const keyPair = swarmKeyPair(opts.identity.seed, opts.groupId, swarmSalt())
    let self: KeeperLink | null = null
    const swarm = new Hyperswarm({ keyPair, dht, firewall: (remote) => self === null || self.closing !== null || !equalBytes(remote, keeperKey) }) as Dialling
    self = new KeeperLink(keeperKey, opts.register.slice(), access, swarm, opts.mailboxes ?? null)
    swarm.on('connection', (conn) => self.onConnection(conn))
    swarm.joinPeer(keeperKey)
    // The keeper may be down now: keep dialling until it answers (keeper-redial.ts).
    self.redial.start()
    return self
  }

  /** Whether the keeper is connected now. */
  connected(): boolean {
    return [...this.lines].some((l) => l.channel.opened)
  }

  /**
   * Whether the keeper, connected now, says it holds all `length` blocks of this log: "held by
   * the keeper", never assumed. Its replication peer's remoteContiguousLength (the blocks it has
   * told us it holds), not remoteLength (the log length it has heard of): a full keeper
   * (keeper-quota.ts) knows our length without holding the blocks.
   */
  holds(log: { readonly length: number; readonly peers: readonly object[] }): boolean {
    return log.peers.some((p) => this.isKeeperPeer(p) && heldBy(p) >= log.length)
  }

  /** How many blocks of these logs the keeper, connected now, says it holds. */
  blocksHeld(logs: Iterable<{ readonly peers: readonly object[] }>): number {
    let n = 0
    for (const log of logs) for (const p of log.peers) if (this.isKeeperPeer(p)) n += heldBy(p)
    return n
  }

  /** Whether a Hypercore replication peer is the keeper (its stream is one of our lines). */
  isKeeperPeer(peer: object): boolean {
    const stream = (peer as { stream?: unknown }).stream
    for (const l of this.lines) if (l.stream === stream) return true
    return false
  }

  addLog(log: ReplicableLog): void {
    if (!log.key || this.closing) return
    const id = Buffer.from(log.key).toString('hex')
    if (this.logs.has(id)) return
    this.logs.set(id, log)
    for (const line of this.lines) {
      this.replicate(line.stream, log)
      if (line.channel.opened) this.keep(line, [log.key])
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.redial.close()
      for (const l of this.lines) l.stream.destroy()
      await this.swarm.destroy().catch(() => undefined)
      wipe(this.access.secretKey)
    })()
    return this.closing
  }

  private onConnection(stream: NoiseStream): void {
    stream.on('error', () => undefined)
    if (this.closing || !equalBytes(stream.remotePublicKey, this.keeperKey)) return stream.destroy()
    stream.setKeepAlive(KEEPALIVE_MS)
    stream.setTimeout(IDLE_MS)
    statusChannel(stream, (s) => {
      this.status = s
    })
    let line: Line | null = null
    const mailboxReady = this.mailboxes?.attach(stream)
    try {
      const channel = Protomux.from(stream).createChannel({
        protocol: KEEPER_PROTOCOL,
        messages: [{ encoding: rawEncoding, onmessage: () => undefined }, { encoding: rawEncoding, onmessage: () => undefined }],
        onopen: () => {
          if (!line || !stream.handshakeHash) return stream.destroy()
          this.lastReached = Date.now()
          channel?.messages[0]?.send(encodeAccess(this.access, stream.handshakeHash, this.keeperKey, this.register))
          this.keep(line, [...this.logs.values()].map((l) => l.key as Uint8Array))
          mailboxReady?.()
        },
        onclose: () => stream.destroy(),
      })
      if (!channel) return stream.destroy()
      line = { stream, channel }
      this.lines.add(line)
      stream.once('close', () => {
        if (line) this.lines.delete(line)
        if (line?.channel.opened) this.lastReached = Date.now()
        if (this.lines.size === 0) this.redial.start()
      })
      channel.open()
      for (const log of this.logs.values()) this.replicate(stream, log)
    } catch {
      stream.destroy()
    }
  }

  private keep(line: Line, keys: Uint8Array[]): void {
    for (const m of encodeKeep(keys)) line.channel.messages[1]?.send(m)
  }

  private replicate(stream: NoiseStream, log: ReplicableLog): void {
    try {
      log.replicate(stream)
    } catch {
      stream.destroy()
    }
  }
}
