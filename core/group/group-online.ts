/**
 * One group on the network: a GroupSwarm (core/net/group-swarm.ts) that replicates every device
 * log governance names, to authenticated members only, and keeps this device's GroupSpace caught
 * up as peers' logs grow. When governance admits a device, its log joins the replication; when
 * it changes membership, connections are checked again.
 *
 * Before this device has read the group's governance (a newcomer just admitted), `trust` — the
 * member ids the admitting member listed — stands in for it, so the newcomer can fetch the logs
 * that hold governance in the first place. Once governance is known it alone decides.
 */
import type { Identity } from '../crypto/identity.ts'
import type { NetworkOptions } from '../net/holepunch-net.ts'
import { GroupSwarm, type AuthenticatedPeer } from '../net/group-swarm.ts'
import type { HypercoreSession } from '../store/holepunch.ts'
import type { LogStore, PeerLog } from '../store/log-store.ts'
import type { GroupSpace } from './group-space.ts'
import { InviteHost } from '../net/invite-swarm.ts'
import type { JoinAnswer } from '../net/join-exchange.ts'
import { inviteTopic } from './invite-keys.ts'
import { newJoinChallenge } from './join-proof.ts'
import { shouldAnnounce } from './join.ts'
import { announce, verifyAnnouncement } from './device-proof.ts'

export type { NetworkOptions }

export interface OnlineOptions extends NetworkOptions {
  groupId: string
  groupSecret: Uint8Array
  identity: Identity
  /** Member ids to accept before governance is known, with the logs to fetch it from. */
  trust?: { members: string[]; logs: string[] }
  /** Answers newcomers on the topics of the group's live invites (core/group/join.ts). */
  admit?: { now(): number; decide(proof: Uint8Array, challenge: string): Promise<JoinAnswer> }
}

const MAX_CANDIDATES = 8
const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'))

export class GroupOnline {
  private swarm: GroupSwarm | null = null
  private invites: InviteHost | null = null
  private readonly sessions = new Map<string, HypercoreSession>()
  private readonly scheduled = new Set<string>()
  private work: Promise<unknown> = Promise.resolve()
  private closed = false
  private knownMembers = 0
  private readonly seen = new Map<string, number>()
  private readonly candidates = new Set<string>()

  private constructor(
    private readonly space: GroupSpace,
    private readonly store: LogStore,
    private readonly trust: { members: Set<string>; logs: string[] },
    private readonly admit: OnlineOptions['admit'] | null,
  ) {}

  static async start(space: GroupSpace, store: LogStore, opts: OnlineOptions): Promise<GroupOnline> {
    const online = new GroupOnline(space, store, { members: new Set(opts.trust?.members ?? []), logs: opts.trust?.logs ?? [] }, opts.admit ?? null)
    try {
      online.swarm = await GroupSwarm.open({
        groupSecret: opts.groupSecret,
        groupId: bytes(opts.groupId),
        identity: opts.identity,
        isMember: (id) => online.isMember(id),
        ...(await online.announcement(opts.groupId)),
        onDevice: (memberId, bytes) => {
          const key = verifyAnnouncement(bytes, opts.groupId, memberId)
          if (key) online.candidate(memberId, key)
        },
        ...(opts.bootstrap ? { bootstrap: opts.bootstrap } : {}),
        ...(opts.host ? { host: opts.host } : {}),
      })
      online.swarm.on('peer-down', (p) => online.seen.set(p.memberId, Date.now()))
      if (opts.admit) {
        const admit = opts.admit
        online.invites = await InviteHost.open(opts, { groupId: opts.groupId, newChallenge: newJoinChallenge, decide: (p, c) => admit.decide(p, c) })
      }
      await online.refresh()
    } catch (e) {
      await online.close()
      throw e
    }
    return online
  }

  /** Members connected now (one entry per connection). */
  peers(): AuthenticatedPeer[] {
    return this.swarm?.peers() ?? []
  }

  /** Whether at least one connected peer holds every block of our own log: "our words are safe elsewhere". */
  writesHeld(): boolean {
    const own = this.sessions.get(this.space.own.key)
    if (!own || own.length === 0) return true
    return own.peers.some((p) => p.remoteLength >= own.length)
  }

  /** When each member was last connected (ms), while this node has been online. */
  lastSeen(): Map<string, number> {
    const out = new Map(this.seen)
    for (const p of this.peers()) out.set(p.memberId, Date.now())
    return out
  }

  /** Resolves once the first announce and lookup finished. */
  async flushed(): Promise<boolean> {
    return (await this.swarm?.flushed()) ?? false
  }

  private isMember(id: string): boolean {
    const gov = this.space.groupId ? this.space.governance : null
    return gov ? gov.members.has(id) : this.trust.members.has(id)
  }

  /** Our signed device announcement, if our own log is open in the store. */
  private async announcement(groupId: string): Promise<{ ownDevice?: Uint8Array }> {
    const log = await this.store.ownLog(bytes(this.space.own.key))
    return log ? { ownDevice: announce(log, groupId, this.space.me) } : {}
  }

  /**
   * A connected member proved it holds a device log governance does not know yet: a member restored from an
   * archive writes through a new log whose block 0 (device.add) is what attests it. Fetch it and
   * let governance decide. At most MAX_CANDIDATES such logs, so a member cannot make us store
   * unbounded junk logs.
   */
  candidate(memberId: string, key: string): void {
    if (this.closed || this.sessions.has(key) || this.candidates.size >= MAX_CANDIDATES || !this.isMember(memberId)) return
    const gov = this.space.groupId ? this.space.governance : null
    if (gov?.knowsLog(key)) return
    this.candidates.add(key)
    const run = this.work.then(() => this.follow(key))
    this.work = run.catch(() => undefined)
  }

  /** Starts replicating every log governance (or the trust seed) names that is not yet replicating. */
  refresh(): Promise<void> {
    const run = this.work.then(() => this.addLogs())
    this.work = run.catch(() => undefined)
    return run
  }

  private async addLogs(): Promise<void> {
    if (this.closed || !this.swarm) return
    const gov = this.space.groupId ? this.space.governance : null
    const keys = new Set([this.space.own.key, ...(gov?.deviceLogs() ?? this.trust.logs)])
    for (const key of keys) await this.follow(key)
    this.swarm.recheckMembers()
    if (gov && gov.members.size !== this.knownMembers) {
      this.knownMembers = gov.members.size
      this.swarm.forgive()
    }
    if (this.invites && gov && this.admit) {
      const now = this.admit.now()
      const live = [...gov.invites.values()].filter((i) => shouldAnnounce(i, gov.requests.values(), now))
      await this.invites.setTopics(live.map((i) => Buffer.from(inviteTopic(Buffer.from(i.publicKey, 'hex'))).toString('hex')))
    }
  }

  /** Replicates one log with every peer and keeps the space caught up with it. */
  private async follow(key: string): Promise<void> {
    if (this.closed || !this.swarm || this.sessions.has(key)) return
    const session = await this.store.replicationSession(bytes(key))
    this.sessions.set(key, session)
    this.swarm.addLog(session)
    if (key === this.space.own.key) return
    const log = await this.store.openPeerLog(bytes(key))
    const grew = (): void => this.schedule(log)
    session.on('append', grew)
    session.on('download', grew)
    this.schedule(log)
  }

  /** Catches the space up with a log once, however many blocks arrived meanwhile. */
  private schedule(log: PeerLog): void {
    if (this.closed || this.scheduled.has(log.key)) return
    this.scheduled.add(log.key)
    this.work = this.work.then(async () => {
      this.scheduled.delete(log.key)
      if (this.closed) return
      await this.space.catchUp(log)
      await this.addLogs()
    }).catch(() => undefined)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.work.catch(() => undefined)
    await this.invites?.close()
    await this.swarm?.close().catch(() => undefined)
  }
}

