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
 * Access follows the group's epoch (keeper-access-walk.ts): the link is told its epoch keys and
 * the remaining members' box keys (setEpochs) when it opens and after every rotation it reads,
 * and moves the keeper on to the new key at once, so a removed member's old key stops working
 * there. A walk that ends in a refusal (our key is retired and no box is ours, or the keeper
 * knows no group of ours and takes none on) leaves the keeper alone until the epochs change.
 *
 * Only the keeper can be on the other end: the firewall refuses every other remote key, and
 * Noise proves the remote holds the keeper's secret key. So logs are attached at once, without
 * waiting: the keeper decides alone whether it answers (it does once our access checks out).
 * While there is no connection the link keeps dialling (keeper-redial.ts), and it keeps the
 * keeper's latest status (keeper-status.ts: whether it is full).
 */
import type { Identity } from '../crypto/identity.ts'
import { equalBytes } from '../crypto/hash.ts'
import type { ReplicableLog } from '../net/group-swarm.ts'
import { IDLE_MS, KEEPALIVE_MS } from '../net/group-swarm.ts'
import { Hyperswarm, Protomux, rawEncoding, type HyperswarmInstance, type NetworkOptions, type NoiseStream, type ProtomuxChannel } from '../net/holepunch-net.ts'
import { swarmKeyPair, swarmSalt } from '../net/swarm-keys.ts'
import { encodeAccess, encodeKeep, KEEPER_PROTOCOL } from './keeper-wire.ts'
import { AccessChain, AccessWalk, type Say } from './keeper-access-walk.ts'
import { decodeAnswer } from './keeper-succession.ts'
import { watchOldVersions } from './keeper-version.ts'
import { startDhtNode, type DhtNode } from '../net/dht-node.ts'
import { statusChannel, type KeeperStatus } from './keeper-status.ts'
import { Redial } from './keeper-redial.ts'
import { heldBy } from '../store/holepunch.ts'
import { copyBytes } from '../crypto/wipe.ts'
import type { MemberMailboxes } from './keeper-mailbox-member.ts'

export interface KeeperLinkOptions extends NetworkOptions {
  keeperKey: Uint8Array
  /** the keeper's registration secret, from its code via governance (keeper-wire.ts) */
  register: Uint8Array
  groupId: Uint8Array
  identity: Pick<Identity, 'seed' | 'boxPublicKey' | 'boxSecretKey'>
  /** our epoch keys in the group's chain order (current last) and the current members' box keys */
  epochs: { keys: Uint8Array[]; boxKeys: Uint8Array[] }
  /** when the keeper was last reached, as kept across restarts (or null) */
  lastReached?: number | null
  /** told each time the keeper is reached, so it can be kept */
  onReached?: (at: number) => void
  /** The group's invites' mailboxes at the keeper (keeper-mailbox-member.ts), if this member answers joins. */
  mailboxes?: MemberMailboxes
}

type Dialling = HyperswarmInstance & { joinPeer(key: Uint8Array): void; leavePeer(key: Uint8Array): void }

interface Line {
  stream: NoiseStream
  channel: ProtomuxChannel
  walk: AccessWalk
  kept: boolean
  /** Tells the mailboxes the keeper serves us on this line (keeper-mailbox-member.ts). */
  served?: () => void
}

export class KeeperLink {
  private readonly logs = new Map<string, ReplicableLog>()
  private readonly lines = new Set<Line>()
  private closing: Promise<void> | null = null
  private readonly redial: Redial
  /** When the keeper last served us (ms), or null. */
  lastReached: number | null = null
  /** Why the keeper does not serve us, when a walk ended in a refusal (a code), or null. */
  refusal: string | null = null
  /** What the keeper last said of this group (keeper-status.ts): whether it is full, how much it holds. */
  status: KeeperStatus | null = null

  private constructor(
    private readonly keeperKey: Uint8Array,
    private readonly register: Uint8Array,
    private readonly chain: AccessChain,
    private readonly box: { publicKey: Uint8Array; secretKey: Uint8Array },
    private readonly swarm: Dialling,
    private readonly onReached: (at: number) => void,
    private readonly mailboxes: MemberMailboxes | null,
  ) {
    // A refused link stays away until our keys change (setEpochs dials again).
    this.redial = new Redial(() => {
      swarm.leavePeer(keeperKey)
      swarm.joinPeer(keeperKey)
    }, () => this.refusal !== null || [...this.lines].some((l) => l.channel.opened))
  }

  static async open(opts: KeeperLinkOptions): Promise<KeeperLink> {
    const dht: DhtNode = await startDhtNode(opts)
    const keeperKey = copyBytes(opts.keeperKey)
    const chain = new AccessChain(keeperKey)
    chain.set(opts.epochs.keys, opts.epochs.boxKeys)
    const keyPair = swarmKeyPair(opts.identity.seed, opts.groupId, swarmSalt())
    let self: KeeperLink | null = null
    const swarm = new Hyperswarm({ keyPair, dht, firewall: (remote) => self === null || self.closing !== null || !equalBytes(remote, keeperKey) }) as Dialling
    const box = { publicKey: opts.identity.boxPublicKey, secretKey: opts.identity.boxSecretKey }
    self = new KeeperLink(keeperKey, copyBytes(opts.register), chain, box, swarm, opts.onReached ?? (() => undefined), opts.mailboxes ?? null)
    self.lastReached = opts.lastReached ?? null
    swarm.on('connection', (conn) => self.onConnection(conn))
    swarm.joinPeer(keeperKey)
    // The keeper may be down now: keep dialling until it answers (keeper-redial.ts).
    self.redial.start()
    return self
  }

  /**
   * Our epoch keys changed (a rotation read, or a lockbox opened): served lines whose key is now
   * older than ours send the keeper the successor at once; a link that was refused tries again.
   */
  setEpochs(epochs: { keys: Uint8Array[]; boxKeys: Uint8Array[] }): void {
    if (this.closing || !this.chain.set(epochs.keys, epochs.boxKeys)) return
    for (const line of this.lines) this.say(line, line.walk.started ? line.walk.advance() : line.walk.start())
    if (this.refusal !== null) {
      this.refusal = null
      this.swarm.joinPeer(this.keeperKey)
      this.redial.start()
    }
  }

  /** Whether the keeper is connected now. */
  connected(): boolean {
    return [...this.lines].some((l) => l.kept)
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
      if (line.kept) this.keep(line, [log.key])
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.redial.close()
      for (const l of this.lines) l.stream.destroy()
      await this.swarm.destroy().catch(() => undefined)
      this.chain.wipe()
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
      watchOldVersions(stream, (code) => {
        this.refusal = code
        stream.destroy()
      })
      const channel = Protomux.from(stream).createChannel({
        protocol: KEEPER_PROTOCOL,
        messages: [
          // access, keep and succeed are ours to send; the keeper answers on the fourth
          { encoding: rawEncoding, onmessage: () => stream.destroy() },
          { encoding: rawEncoding, onmessage: () => stream.destroy() },
          { encoding: rawEncoding, onmessage: () => stream.destroy() },
          {
            encoding: rawEncoding,
            onmessage: (m: Uint8Array) => {
              const answer = decodeAnswer(m)
              if (!line || !answer) return stream.destroy()
              this.say(line, line.walk.onAnswer(answer))
            },
          },
        ],
        onopen: () => {
          if (!line || !stream.handshakeHash) return stream.destroy()
          this.say(line, line.walk.start())
        },
        onclose: () => stream.destroy(),
      })
      if (!channel) return stream.destroy()
      line = { stream, channel, walk: new AccessWalk(this.chain, this.box), kept: false, ...(mailboxReady ? { served: mailboxReady } : {}) }
      this.lines.add(line)
      stream.once('close', () => {
        if (line) this.lines.delete(line)
        if (line?.walk.servedKey) this.reached()
        if (this.lines.size === 0) this.redial.start()
      })
      channel.open()
      for (const log of this.logs.values()) this.replicate(stream, log)
    } catch {
      stream.destroy()
    }
  }

  /** Sends what the walk says on this line. */
  private say(line: Line, next: Say | null): void {
    const { stream, channel } = line
    if (!next || stream.destroyed) return
    if (next.kind === 'access') channel.messages[0]?.send(encodeAccess(next.pair, stream.handshakeHash as Uint8Array, this.keeperKey, next.register ? this.register : null))
    else if (next.kind === 'succeed') channel.messages[2]?.send(next.message)
    else if (next.kind === 'stop') {
      // Refused for good under the keys we hold: stop dialling until they change (setEpochs).
      this.refusal = next.code
      this.swarm.leavePeer(this.keeperKey)
      stream.destroy()
    } else {
      this.refusal = null
      this.reached()
      if (line.kept) return
      line.kept = true
      this.keep(line, [...this.logs.values()].map((l) => l.key as Uint8Array))
      // Only once the keeper serves us: its mailboxes open for a member whose access it accepted.
      line.served?.()
    }
  }

  private reached(): void {
    this.lastReached = Date.now()
    this.onReached(this.lastReached)
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
