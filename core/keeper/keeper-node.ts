/**
 * The keeper's node (issue 15): a Hyperswarm server on the keeper's own fixed key, dialled by
 * members by that key (joinPeer), holding each group's device logs as the ciphertext members
 * wrote and serving them back to that group's members only.
 *
 * On each connection, before any log is attached, the member sends the access message of
 * keeper-wire.ts. A group is known by its access public key: the first valid access for an unknown
 * key registers the group, only if it also proves the registration secret of the keeper's code
 * (so only someone given the code, a facilitator or a member reading the group's sealed
 * `keeper.add`), and at most maxGroups. Then the group's logs, and only that group's, are attached to the
 * connection core by core (`core.replicate(conn)`, as core/net/group-swarm.ts does and for the
 * same reason: never `store.replicate`, which would answer any discovery key the store holds).
 * A stranger, a stock Hyperswarm peer, or a member of another group gets no block.
 *
 * Succession (keeper-succession.ts): the access key follows the group's epoch. A member served
 * under the current key sends the successor; the keeper moves the group's logs to the new key,
 * retires the old one (every later access with it is answered with the successor, never served;
 * its open connections are closed), and keeps the successor in its sealed record. The first
 * valid successor wins. A retired or unknown key is answered, not dropped, so a member can walk
 * to the key the keeper serves (at most MAX_ACCESS_TRIES per connection).
 *
 * Keep messages add log keys to the group (at most MAX_LOGS per group; a key kept for another
 * group is ignored, so one group cannot make the keeper serve another's log to it). The keeper
 * downloads each log whole and follows it. Hypercore checks every block's signature and Merkle
 * proof on arrival; the keeper checks nothing else, since it can read nothing else.
 *
 * Each log is fetched up to the per-log byte budget members apply (keeper-downloads.ts), no further.
 * With a quota (keeper-quota.ts), a group past it gets no new download and no new log, keeps
 * what is held, and its members are told on the status channel (keeper-status.ts).
 */
import { EventEmitter } from 'node:events'
import { Hyperswarm, Protomux, rawEncoding, type NetworkOptions, type NoiseStream, type HyperswarmInstance, type ProtomuxChannel } from '../net/holepunch-net.ts'
import { IDLE_MS, KEEPALIVE_MS } from '../net/group-swarm.ts'
import type { HypercoreSession } from '../store/holepunch.ts'
import type { KeeperProfile } from './keeper-profile.ts'
import { decodeKeep, KEEPER_PROTOCOL, MAX_ACCESS_TRIES, verifyAccess } from './keeper-wire.ts'
import { encodeAnswer, verifySucceed, type Answer } from './keeper-succession.ts'
import { watchOldVersions } from './keeper-version.ts'
import { startDhtNode } from '../net/dht-node.ts'
import { bytesHeld, QuotaBook } from './keeper-quota.ts'
import { statusChannel, type KeeperStatus } from './keeper-status.ts'
import { KeeperMailboxes } from './keeper-mailbox.ts'
import { KeeperDownloads } from './keeper-downloads.ts'

export const MAX_LOGS = 1024
export const DEFAULT_MAX_GROUPS = 16
const ACCESS_TIMEOUT_MS = 10_000

type Listening = HyperswarmInstance & { listen(): Promise<void> }

interface Conn {
  stream: NoiseStream
  group: string | null
  tries: number
  answer(a: Answer): void
  status: { send(s: KeeperStatus): void } | null
  /** Answered on the mailbox channel (a newcomer waiting for its answer): no access timeout. */
  mailbox?: boolean
}

export class KeeperNode extends EventEmitter<{ member: [string]; kept: [string, string]; refused: [string, string]; unregistered: [string]; succeeded: [string, string]; full: [string] }> {
  private readonly cores = new Map<string, HypercoreSession>()
  /** Each log's download, bounded by the per-log budget and ended when its group is full (keeper-quota.ts). */
  private readonly downloads = new KeeperDownloads()
  private readonly conns = new Set<Conn>()
  private closing: Promise<void> | null = null
  /** Join requests left while no member is online (keeper-mailbox.ts). */
  readonly mailboxes: KeeperMailboxes
  /** Mailbox files of an earlier run that did not open (damaged, or another keeper's): left in place. */
  readonly unreadableMailboxes: string[] = []

  private constructor(
    private readonly profile: KeeperProfile,
    private readonly swarm: Listening,
    private readonly maxGroups: number,
    private readonly quota: QuotaBook,
  ) {
    super()
    this.mailboxes = new KeeperMailboxes({ now: Date.now, files: profile.mailboxFiles, quota, announce: (topic, on) => {
      if (this.closing) return
      if (on) this.swarm.join(topic, { server: true, client: false })
      else void this.swarm.leave(topic).catch(() => undefined)
    } })
  }

  static async start(profile: KeeperProfile, net: NetworkOptions & { maxGroups?: number; quota?: number }): Promise<KeeperNode> {
    const dht = await startDhtNode(net)
    let self: KeeperNode | null = null
    const swarm = new Hyperswarm({ keyPair: profile.keyPair, dht, firewall: () => self === null || self.closing !== null }) as Listening
    self = new KeeperNode(profile, swarm, net.maxGroups ?? DEFAULT_MAX_GROUPS, new QuotaBook(net.quota ?? null))
    for (const [group, logs] of profile.groups) for (const key of logs) await self.open(group, key)
    // Requests and answers left before a restart wait on; a file that does not open is left alone.
    self.unreadableMailboxes.push(...(await self.mailboxes.load()))
    swarm.on('connection', (conn) => self.onConnection(conn))
    await swarm.listen()
    return self
  }

  get publicKey(): Uint8Array {
    return this.profile.keyPair.publicKey
  }

  /** Access keys (hex) of the groups held; what the first output line lists. */
  groups(): string[] {
    return [...this.profile.groups.keys()]
  }

  /** Whether a group (access key hex) is past the quota (keeper-quota.ts). */
  isFull(group: string): boolean {
    return this.quota.full(group)
  }

  /** How many blocks of a log the keeper holds (tests, status). */
  held(logKey: string): number {
    return this.cores.get(logKey)?.contiguousLength ?? 0
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const c of this.conns) c.stream.destroy()
      await this.mailboxes.flush()
      await this.swarm.destroy().catch(() => undefined)
      for (const core of this.cores.values()) await core.close().catch(() => undefined)
      await this.profile.close()
    })()
    return this.closing
  }

  private onConnection(stream: NoiseStream): void {
    stream.on('error', () => undefined)
    if (this.closing) return stream.destroy()
    stream.setKeepAlive(KEEPALIVE_MS)
    stream.setTimeout(IDLE_MS)
    const c: Conn = { stream, group: null, tries: 0, answer: () => undefined, status: statusChannel(stream) }
    this.conns.add(c)
    stream.once('close', () => this.conns.delete(c))
    const timer = setTimeout(() => c.group === null && !c.mailbox && stream.destroy(), ACCESS_TIMEOUT_MS)
    timer.unref?.()
    let channel: ProtomuxChannel | null = null
    try {
      watchOldVersions(stream, (code) => {
        this.emit('refused', '', code)
        stream.destroy()
      })
      channel = Protomux.from(stream).createChannel({
        protocol: KEEPER_PROTOCOL,
        messages: [
          { encoding: rawEncoding, onmessage: (m) => this.onAccess(c, m) },
          { encoding: rawEncoding, onmessage: (m) => void this.onKeep(c, m) },
          { encoding: rawEncoding, onmessage: (m) => this.onSucceed(c, m) },
          { encoding: rawEncoding, onmessage: () => stream.destroy() },
        ],
        // A newcomer at a mailbox has no keeper channel, so its Protomux refuses ours: that alone
        // ends nothing (the access timeout does, unless it uses the mailbox: keeper-mailbox.ts).
        onclose: () => c.group !== null && stream.destroy(),
      })
      const ch = channel
      c.answer = (a) => ch?.messages[3]?.send(encodeAnswer(a))
      channel?.open()
      this.mailboxes.attach(stream, () => c.group, () => { c.mailbox = true })
    } catch {
      stream.destroy()
    }
    if (!channel) stream.destroy()
  }

  private onAccess(c: Conn, message: Uint8Array): void {
    const hash = c.stream.handshakeHash
    if (c.group !== null || !hash || ++c.tries > MAX_ACCESS_TRIES) return c.stream.destroy()
    const proved = verifyAccess(message, hash, this.publicKey, this.profile.register)
    if (!proved) return c.stream.destroy()
    const group = proved.group
    // A retired key is never served: the member is handed the successor, which only a remaining member can open.
    const successor = this.profile.retired.get(group)
    if (successor) return c.answer({ kind: 'retired', succeed: successor })
    if (!this.profile.groups.has(group)) {
      // A member looking for the key we know asks without registering: tell it we know none.
      if (!proved.asks) return c.answer({ kind: 'unknown' })
      // A new group only from someone given the code (its registration secret), never from
      // someone who merely knows the keeper's public key.
      if (!proved.registered) {
        this.emit('unregistered', group)
        return c.stream.destroy()
      }
      if (this.profile.groups.size >= this.maxGroups) return c.stream.destroy()
      this.profile.groups.set(group, new Set())
      void this.profile.saveGroups().catch(() => undefined)
    }
    c.group = group
    c.answer({ kind: 'served' })
    c.status?.send(this.statusOf(group))
    for (const key of this.profile.groups.get(group) ?? []) this.attach(c, key)
    this.emit('member', group)
  }

  /** A successor of the key this connection is served under: the first valid one wins. */
  private onSucceed(c: Conn, message: Uint8Array): void {
    const old = c.group
    if (old === null) return c.stream.destroy()
    const logs = this.profile.groups.get(old)
    if (!logs) {
      // Another member's successor came first and this connection was not closed yet.
      const won = this.profile.retired.get(old)
      return won ? c.answer({ kind: 'retired', succeed: won }) : c.stream.destroy()
    }
    const checked = verifySucceed(message, Buffer.from(old, 'hex'), this.publicKey)
    if ('refused' in checked) {
      this.emit('refused', old, checked.refused)
      return c.stream.destroy()
    }
    const next = checked.next
    if (this.profile.groups.has(next) || this.profile.retired.has(next)) {
      this.emit('refused', old, 'KEEPER_SUCCESSOR_KNOWN')
      return c.stream.destroy()
    }
    this.profile.groups.delete(old)
    this.profile.groups.set(next, logs)
    this.profile.retired.set(old, message.slice())
    this.quota.move(old, next)
    this.mailboxes.move(old, next)
    void this.profile.saveGroups().catch(() => undefined)
    c.group = next
    // Every other connection under the retired key closes: it proved a key that no longer opens anything here.
    for (const other of this.conns) if (other !== c && other.group === old) other.stream.destroy()
    c.answer({ kind: 'served' })
    this.emit('succeeded', old, next)
  }

  private async onKeep(c: Conn, message: Uint8Array): Promise<void> {
    const group = c.group
    const keys = decodeKeep(message)
    if (group === null || !keys) return c.stream.destroy()
    const logs = this.profile.groups.get(group)
    if (!logs) return
    let added = false
    for (const k of keys) {
      const key = Buffer.from(k).toString('hex')
      if (logs.has(key)) continue
      if (logs.size >= MAX_LOGS || this.quota.full(group) || this.heldElsewhere(group, key)) {
        this.emit('refused', group, key)
        continue
      }
      logs.add(key)
      added = true
      try {
        await this.open(group, key)
      } catch {
        logs.delete(key)
        continue
      }
      // A successor may have moved the group on while the log opened.
      const now = this.groupOf(key) ?? group
      for (const other of this.conns) if (other.group === now) this.attach(other, key)
      this.emit('kept', now, key)
    }
    if (added) await this.profile.saveGroups().catch(() => undefined)
  }

  /** The access key a log is held under now (it moves with each successor). */
  private groupOf(key: string): string | null {
    for (const [g, logs] of this.profile.groups) if (logs.has(key)) return g
    return null
  }

  private heldElsewhere(group: string, key: string): boolean {
    for (const [g, logs] of this.profile.groups) if (g !== group && logs.has(key)) return true
    return false
  }

  private async open(group: string, key: string): Promise<void> {
    if (this.cores.has(key) || this.closing) return
    const core = this.profile.store.get({ key: Buffer.from(key, 'hex') })
    await core.ready()
    this.cores.set(key, core)
    core.on('download', (_index, bytes) => this.charge(this.groupOf(key) ?? group, bytes))
    this.charge(group, await bytesHeld(core))
    if (!this.quota.full(group)) this.downloads.follow(key, core)
  }

  /**
   * Counts bytes held for a group; when that fills it, asks for no more of its blocks (blocks
   * already asked for may still arrive: the overshoot is what was in flight) and tells its members.
   */
  private charge(group: string, bytes: number): void {
    if (!this.quota.charge(group, bytes)) return
    for (const key of this.profile.groups.get(group) ?? []) this.downloads.stop(key)
    for (const c of this.conns) if (c.group === group) c.status?.send(this.statusOf(group))
    this.emit('full', group)
  }

  private statusOf(group: string): KeeperStatus {
    return { full: this.quota.full(group), heldBytes: this.quota.held(group), quota: this.quota.quota }
  }

  private attach(c: Conn, key: string): void {
    const core = this.cores.get(key)
    if (!core || c.stream.destroyed) return
    try {
      core.replicate(c.stream)
    } catch {
      c.stream.destroy()
    }
  }
}

