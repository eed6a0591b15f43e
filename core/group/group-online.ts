/**
 * One group on the network: a GroupSwarm (core/net/group-swarm.ts) that replicates every device
 * log governance names, to authenticated members only, and keeps this device's GroupSpace caught
 * up as peers' logs grow. When governance admits a device, its log joins the replication; when
 * it changes membership, connections are checked again.
 *
 * Before this device has read the group's governance (a newcomer just admitted), `trust` — the
 * member ids the admitting member listed — stands in for it, so the newcomer can fetch the logs
 * that hold governance in the first place. Until governance names this device (it has read its
 * own admission) the trusted members still count too, but those it says left: a partly read
 * governance may not name yet the member the newcomer reads it from. Then governance alone decides.
 *
 * A log the space plans to read from a shared checkpoint (GroupSpace.planOf) is fetched sparsely
 * (checkpoint-fetch.ts): the checkpoint's first block, the blocks it lists and its other parts,
 * then what follows as the log grows; a refused or unreadable checkpoint's log is fetched whole.
 * The blocks it stood for follow in the background (checkpoint-backfill.ts). Nor is a planned log
 * caught up before governance knows it. Where the group meets over WebRTC (meeting-rooms.ts), when
 * members were last seen (last-seen-watch.ts), the admission exchange (admission-side.ts), who may
 * connect (member-gate.ts), the backfill and the blocks below a freeze (frozen-rescue.ts) are
 * modules of their own; this file keeps the logs and who may fetch them.
 */
import type { Identity } from '../crypto/identity.ts'
import type { NetworkOptions } from '../net/holepunch-net.ts'
import { GroupSwarm, type AuthenticatedPeer } from '../net/group-swarm.ts'
import { heldBy, type HypercoreSession } from '../store/holepunch.ts'
import type { LogStore, PeerLog } from '../store/log-store.ts'
import type { GroupSpace } from './group-space.ts'
import type { JoinAnswer } from '../net/join-exchange.ts'
import { InviteHosting } from './invite-hosting.ts'
import { newJoinChallenge } from './join-proof.ts'
import { nextAnnounceChange, shouldAnnounce } from './invite-announce.ts'
import type { LastSeenStore } from './last-seen.ts'
import { announce, verifyAnnouncement } from './device-proof.ts'
import { ForkWatch } from './fork-watch.ts'
import { KeeperLink } from '../keeper/keeper-link.ts'
import { mailboxInvites, MemberMailboxes } from '../keeper/keeper-mailbox-member.ts'
import { KeeperFollow, keeperToFollow } from '../keeper/keeper-follow.ts'
import { keeperSyncLine, type KeeperSyncLine } from '../keeper/keeper-sync-line.ts'
import { withKeeperEpochs } from '../keeper/keeper-epochs.ts'
import { KeeperOnlySwitch } from '../keeper/keeper-only-switch.ts'
import { AdmissionSide } from './admission-side.ts'
import { MeetingRooms } from './meeting-rooms.ts'
import type { WebrtcSetting } from './webrtc-settings.ts'
import { LastSeenWatch } from './last-seen-watch.ts'
import { QuotaWatch } from './quota-watch.ts'
import { roomToAdmit } from './log-quota.ts'
import { MemberGate } from './member-gate.ts'
import { CheckpointBackfill } from './checkpoint-backfill.ts'
import { fetchFromCheckpoint, type FetchHost } from './checkpoint-fetch.ts'
import { TreeCompare } from './tree-compare.ts'
import { EvidenceCompletion } from './evidence-complete.ts'
import { GovernanceWait } from './governance-wait.ts'
import { rescueFor, type FrozenRescue } from './frozen-rescue.ts'

export type { NetworkOptions }

export interface OnlineOptions extends NetworkOptions {
  groupId: string
  groupSecret: Uint8Array
  identity: Identity
  /** Member ids to accept before governance is known, with the logs to fetch it from. */
  trust?: { members: string[]; logs: string[]; webrtc?: WebrtcSetting; keeper?: { key: string; register: string } }
  /** Answers newcomers on the topics of the group's live invites (core/group/join.ts). */
  admit?: { now(): number; decide(proof: Uint8Array, challenge: string): Promise<JoinAnswer | null> }
  /** Where members' last-seen times are kept across restarts (last-seen.ts). */
  lastSeen?: LastSeenStore
  /** Ask members' nodes not to show this member as connected (presence.ts). */
  presenceHidden?: boolean
  /** This device's keeper-only setting (core/keeper/keeper-only.ts); in force where governance names a keeper. */
  keeperOnly?: boolean
}

export { REMOVAL_GRACE_MS } from './member-gate.ts'
export { BACKFILL_AFTER_MS } from './checkpoint-backfill.ts'

const MAX_CANDIDATES = 8
const bytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'))

export class GroupOnline {
  private swarm: GroupSwarm | null = null
  /** The link to the keeper governance names, if any (core/keeper/keeper-follow.ts). */
  private keepers: KeeperFollow | null = null
  private invites: InviteHosting | null = null
  /** Join requests left at the keeper for the group's live invites (keeper-mailbox-member.ts). */
  private mailboxes: MemberMailboxes | null = null
  private readonly sessions = new Map<string, HypercoreSession>()
  private readonly scheduled = new Set<string>()
  private work: Promise<unknown> = Promise.resolve()
  private closed = false
  private announceTimer: NodeJS.Timeout | null = null
  private knownMembers = 0
  /** When keeper-only mode is in force here (core/keeper/keeper-only-switch.ts). */
  private keeperOnly: KeeperOnlySwitch | null = null
  /** When each member was last connected (last-seen-watch.ts). */
  private readonly seen: LastSeenWatch
  /** Logs fetched whole (the default); a planned log joins once it needs to. */
  private readonly whole = new Set<string>()
  /** Planned logs whose checkpoint blocks are all here: read again whenever governance may have moved. */
  private readonly fetched = new Map<string, PeerLog>()
  /** Planned logs not caught up until governance knows them (governance-wait.ts). */
  private readonly governanceWait: GovernanceWait<PeerLog>
  /** Which transports, and which epochs' WebRTC rooms, to meet in (meeting-rooms.ts). */
  readonly rooms: MeetingRooms
  private readonly candidates = new Set<string>()
  /** Rewritten logs are noticed here (fork-watch.ts). */
  private readonly forks: ForkWatch
  /** The admission we show, and newcomers let in on the one they showed (admission-side.ts). */
  private readonly admissions: AdmissionSide
  /** Logs past the byte budget are fetched no further (quota-watch.ts). */
  private readonly quota = new QuotaWatch()
  /** Who may connect: governance, the welcome's trust, the removal grace (member-gate.ts). */
  private readonly gate: MemberGate
  /** The blocks checkpoints stood for, fetched after the initial sync (checkpoint-backfill.ts). */
  private readonly backfill: CheckpointBackfill
  /** Two versions of a log at one length, met on connect (tree-compare.ts). */
  private readonly trees: TreeCompare
  /** The other version's block added to evidence that lacks it (evidence-complete.ts). */
  private readonly completion: EvidenceCompletion
  /** Blocks below a freeze, to and from members outside Hypercore (frozen-rescue.ts). */
  private readonly rescue: FrozenRescue

  private constructor(
    private readonly space: GroupSpace,
    private readonly store: LogStore,
    private readonly trust: { members: Set<string>; logs: string[]; webrtc?: WebrtcSetting | undefined; keeper?: { key: string; register: string } | undefined },
    private readonly admit: OnlineOptions['admit'] | null,
    seenStore: LastSeenStore | null,
  ) {
    this.seen = new LastSeenWatch(seenStore, () => this.peers())
    this.governanceWait = new GovernanceWait(space.reading)
    this.forks = new ForkWatch(space)
    this.trees = new TreeCompare({ session: (k) => this.sessions.get(k), logs: () => this.sessions.keys(), report: (ev) => space.reportFork(ev) })
    this.completion = new EvidenceCompletion(space, (k) => store.replicationSession(bytes(k)))
    this.rooms = new MeetingRooms(space, trust.webrtc)
    this.rescue = rescueFor(space, store, { schedule: (log) => this.schedule(log), changed: (fresh) => this.swarm?.belowFreezeChanged(fresh) })
    this.admissions = new AdmissionSide(space)
    this.backfill = new CheckpointBackfill(space, (key) => this.sessions.get(key), (key) => this.whole.has(key), this.quota)
    this.gate = new MemberGate(space, trust.members, this.admissions, () => void this.refresh().catch(() => undefined))
  }

  static async start(space: GroupSpace, store: LogStore, opts: OnlineOptions): Promise<GroupOnline> {
    const online = new GroupOnline(space, store, { members: new Set(opts.trust?.members ?? []), logs: opts.trust?.logs ?? [], webrtc: opts.trust?.webrtc, keeper: opts.trust?.keeper }, opts.admit ?? null, opts.lastSeen ?? null)
    online.keeperOnly = new KeeperOnlySwitch(opts.keeperOnly === true, () => space.groupId !== null && space.governance.keepers.current != null,
      () => online.keeper, () => online.sessions.get(space.own.key), () => void online.refresh().catch(() => undefined))
    try {
      online.swarm = await GroupSwarm.open({
        groupSecret: opts.groupSecret,
        groupId: bytes(opts.groupId),
        identity: opts.identity,
        isMember: (id) => online.gate.isMember(id),
        admission: online.admissions.options(),
        ...(await online.announcement(opts.groupId)),
        onDevice: (memberId, bytes) => {
          const key = verifyAnnouncement(bytes, opts.groupId, memberId)
          if (key) online.candidate(memberId, key)
        },
        ...(opts.bootstrap ? { bootstrap: opts.bootstrap } : {}),
        ...(opts.host ? { host: opts.host } : {}),
        presenceHidden: opts.presenceHidden === true,
        trees: online.trees,
        belowFreeze: online.rescue,
        quiet: online.keeperOnly.quiet,
        ...online.rooms.options(opts),
      })
      online.seen.watch(online.swarm)
      const admitting = opts.admit
      if (admitting) online.mailboxes = new MemberMailboxes(opts.groupId, (p, c) => admitting.decide(p, c))
      online.keepers = new KeeperFollow((k) => withKeeperEpochs(space, (epochs) => KeeperLink.open({ ...(online.mailboxes ? { mailboxes: online.mailboxes } : {}), keeperKey: k.key, register: k.register, groupId: bytes(opts.groupId), identity: opts.identity, epochs, ...online.keeperReach(k.key), ...(opts.bootstrap ? { bootstrap: opts.bootstrap } : {}), ...(opts.host ? { host: opts.host } : {}) })))
      if (opts.admit) {
        const admit = opts.admit
        online.invites = await InviteHosting.open(opts, { groupId: opts.groupId, newChallenge: newJoinChallenge, decide: (p, c) => admit.decide(p, c) })
      }
      await online.refresh()
    } catch (e) {
      await online.close()
      throw e
    }
    return online
  }

  /** Members connected now (one entry per connection), but those who asked not to be shown. */
  peers(): AuthenticatedPeer[] {
    return (this.swarm?.peers() ?? []).filter((p) => p.hidden !== true)
  }

  /** My own choice not to show as connected, sent to every member's node now and on each connection. */
  setPresenceHidden(hidden: boolean): void {
    this.swarm?.setPresenceHidden(hidden)
  }

  /** "Our words are safe elsewhere": a connected MEMBER (not the keeper: keeperStatus()) holds every block of our own log, not just its length (holepunch.ts `heldBy`). */
  writesHeld(): boolean {
    const own = this.sessions.get(this.space.own.key)
    if (!own || own.length === 0) return true
    return own.peers.some((p) => heldBy(p) >= own.length && !this.keeper?.isKeeperPeer(p))
  }

  /** Keeper-only mode on or off for this group now; it is in force only where governance names a keeper. */
  setKeeperOnly(on: boolean): Promise<void> {
    this.keeperOnly?.set(on)
    return this.refresh()
  }

  private get keeper(): KeeperLink | null {
    return this.keepers?.current ?? null
  }

  /** The keeper's side of the sync line, or null when this group has no keeper here (core/keeper/). */
  keeperStatus(): KeeperSyncLine | null {
    return keeperSyncLine(this.keeper, this.sessions.get(this.space.own.key), this.sessions.values(), this.keeperOnly?.quiet === true, this.mailboxes?.opened.size ?? 0)
  }

  /** Keeps the last-seen times now (members connected at this moment count as seen now). */
  saveLastSeen(): Promise<void> {
    return this.seen.saveNow()
  }

  /** When each member was last connected (ms), kept across restarts when a store was given. */
  lastSeen(): Map<string, number> {
    return this.seen.lastSeen()
  }

  /** Resolves once the first announce and lookup finished. */
  async flushed(): Promise<boolean> {
    return (await this.swarm?.flushed()) ?? false
  }

  /** Our signed device announcement, if our own log is open in the store. */
  private async announcement(groupId: string): Promise<{ ownDevice?: Uint8Array }> {
    const log = await this.store.ownLog(bytes(this.space.own.key))
    return log ? { ownDevice: announce(log, groupId, this.space.me) } : {}
  }

  /**
   * A connected member proved it holds a device log governance does not know yet: a member restored
   * from an archive writes through a new log whose block 0 (device.add) attests it. Fetch it and let
   * governance decide. At most MAX_CANDIDATES such logs: a member cannot make us store unbounded junk.
   */
  candidate(memberId: string, key: string): void {
    if (this.closed || this.sessions.has(key) || this.candidates.size >= MAX_CANDIDATES || !this.gate.isMember(memberId)) return
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
    // First of all: a removed keeper's link closes before any log is offered (keeper-follow.ts).
    await this.keeperOnly?.letGo()
    // The welcome's keeper until governance names our own device (keeper-follow.ts).
    const keeper = keeperToFollow(gov, this.space.own.key, this.trust.keeper)
    if (keeper !== undefined) await this.keepers?.follow(keeper).catch(() => undefined)
    // Then: a rotation read moves the keeper on to the new access key (keeper-succession.ts).
    if (this.keepers?.current) await withKeeperEpochs(this.space, async (epochs) => this.keepers?.setEpochs(epochs)).catch(() => undefined)
    this.swarm.setQuiet(this.keeperOnly?.update() === true)
    const keys = new Set([this.space.own.key, ...(gov?.deviceLogs() ?? this.trust.logs)])
    // Only logs not followed yet: an async call per log per catch-up was ~380,000 promises per 100,000 blocks.
    for (const key of keys) if (!this.sessions.has(key)) await this.follow(key)
    for (const key of this.space.needsFull) this.fetchWhole(key)
    await this.rescue.refresh().catch(() => undefined)
    if (gov) this.gate.noteFormer(gov)
    this.rooms.follow(this.swarm)
    this.swarm.recheckMembers()
    if (gov && gov.members.size !== this.knownMembers) {
      this.knownMembers = gov.members.size
      this.swarm.forgive()
    }
    // The keeper's mailboxes too in keeper-only mode, or on WebRTC alone: they need no invite topic here.
    const boxes = gov && this.admit ? mailboxInvites(gov.invites.values(), this.admit.now()) : null
    if (boxes) this.mailboxes?.set(boxes.live, boxes.dead)
    if (this.invites && gov && this.admit) {
      const now = this.admit.now()
      // Keeper-only: a newcomer answered here would learn this device's address, so no invite topic.
      // Nor while our own log cannot take an admission: a member who can answers instead (log-quota.ts).
      const live = this.keeperOnly?.quiet === true || !roomToAdmit(this.space.own) ? [] : [...gov.invites.values()].filter((i) => shouldAnnounce(i, gov.requests.values(), now))
      await this.invites.setInvites(live.map((i) => bytes(i.publicKey)), this.rooms.inviteWhere())
      // An invite expiring, or its grace ending, changes what to announce with no event to say so.
      const next = nextAnnounceChange(gov.invites.values(), now)
      if (this.announceTimer) clearTimeout(this.announceTimer)
      this.announceTimer = next === null ? null : setTimeout(() => void this.refresh().catch(() => undefined), Math.min(next - now, 2 ** 31 - 1))
      this.announceTimer?.unref?.()
    }
  }

  /** When the keeper was last reached, kept across restarts with the last-seen times (last-seen.ts). */
  private keeperReach(key: Uint8Array): { lastReached: number | null; onReached: (at: number) => void } {
    const hex = Buffer.from(key).toString('hex')
    return { lastReached: this.seen.keeperReached(hex), onReached: (at) => this.seen.noteKeeper(hex, at) }
  }

  /** Replicates one log with every peer and keeps the space caught up with it. */
  private async follow(key: string): Promise<void> {
    if (this.closed || !this.swarm || this.sessions.has(key)) return
    const session = await this.store.replicationSession(bytes(key))
    this.sessions.set(key, session)
    const start = this.space.planOf(key)
    if (start === undefined) this.whole.add(key)
    if (key !== this.space.own.key) await this.forks.watch(key, session, () => this.store.replicationSession(bytes(key)))
    // A planned log is not downloaded whole: only its checkpoint, what it names, and the tail.
    const download = start === undefined ? { download: (r: { start: number; end: number }) => this.quota.download(key, session, r) } : {}
    const shared = { key: session.key, replicate: (s: Parameters<typeof session.replicate>[0]) => session.replicate(s), ...download }
    this.swarm.addLog(shared)
    this.keepers?.addLog(shared)
    const changed = (): void => this.swarm?.treesChanged(key)
    session.on('append', changed)
    changed()
    if (key === this.space.own.key) {
      // Store work (issue 14): our own blocks coming back from peers after a lost tail
      // (core/store/own-log-guard.ts) are read like anyone's, so they show without a restart.
      const own = this.space.own
      session.on('download', () => this.schedule(own))
      return
    }
    // Caught up again once the store has reopened it after a conflict (peer-log.ts `reopening`).
    const log: PeerLog = this.rescue.attach(await this.store.openPeerLog(bytes(key), () => this.schedule(log)))
    const grew = (): void => {
      this.schedule(log)
      // Checked on the signed length alone, before the blocks arrive, so little past Q is fetched.
      this.boundQuota(log)
    }
    session.on('append', grew)
    session.on('download', grew)
    session.on('truncate', grew)
    if (start !== undefined) void fetchFromCheckpoint(this.fetchHost, key, session, start, log)
    this.schedule(log)
  }

  private get fetchHost(): FetchHost {
    return {
      space: this.space, quota: this.quota, closed: () => this.closed, fetchWhole: (k) => this.fetchWhole(k),
      fetched: (k, log) => void this.fetched.set(k, log), schedule: (log) => this.schedule(log),
    }
  }

  private fetchWhole(key: string): void {
    const session = this.sessions.get(key)
    if (this.closed || this.whole.has(key) || !session) return
    this.whole.add(key)
    this.quota.download(key, session, { start: 0, end: -1 })
  }

  /** Catches the space up with a log once, however many blocks arrived meanwhile. */
  private schedule(log: PeerLog): void {
    if (this.closed || this.scheduled.has(log.key)) return
    this.scheduled.add(log.key)
    this.work = this.work.then(async () => {
      this.scheduled.delete(log.key)
      if (this.closed) return
      // Until governance knows a planned log, its catch-up would stop there: it waits (governance-wait.ts).
      if (this.governanceWait.holds(log)) return
      const before = this.space.governanceChanges
      if (!(await this.forks.beforeRead(log.key))) return
      await this.space.catchUp(this.forks.bounded(log))
      this.boundQuota(log)
      // Cheap when nothing is frozen; a freeze may come from our own report, not from this read.
      void this.completion.check().catch(() => undefined)
      // A planned log may have waited for governance this read brought.
      if (this.space.governanceChanges !== before) for (const [k, other] of this.fetched) {
        if (this.space.planOf(k) === undefined) this.fetched.delete(k)
        else if (k !== log.key) this.schedule(other)
      }
      for (const other of this.governanceWait.released()) this.schedule(other)
      await this.addLogs()
      this.backfill.soon()
    }).catch(() => undefined)
  }

  /** A log past the byte budget: fetched no further than E, and read again once E is known. */
  private boundQuota(log: PeerLog): void {
    const session = this.sessions.get(log.key)
    const from = this.whole.has(log.key) ? 0 : (this.space.sharedCheckpoints.get(log.key) ?? 0)
    if (session && log.key !== this.space.own.key) void this.quota.check(log.key, session, from).then((now) => now && this.schedule(log), () => undefined)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.announceTimer) clearTimeout(this.announceTimer)
    this.backfill.close()
    this.keeperOnly?.close()
    const saved = this.saveLastSeen()
    await this.work.catch(() => undefined)
    await this.forks.close()
    await saved
    await this.invites?.close()
    await this.swarm?.close().catch(() => undefined)
    await this.keepers?.close()
  }
}
