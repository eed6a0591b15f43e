/**
 * The groups of one unlocked profile: creating a group, opening a group's space from the keys in
 * the vault, checkpointing it, and closing it all again on lock. The vault entries of a group
 * (meta, identity, keys, the groups-screen summary) are group-vault.ts.
 *
 * What is kept of each open group so the next read and unlock are fast (checkpoints, docs at
 * rest, the first screen) is group-keeping.ts.
 *
 * A little past 400 lines (DESIGN.md §8): opening a space is one sequence over the vault, the
 * store and the space (keys, welcome plans, the first-sync mark, the first catch-up), and the
 * mark's clearing belongs beside the open that sets the guard; the vault entries themselves are
 * group-vault.ts.
 */
import { shownGroupName } from '../model/names.ts'
import type { GroupSummary, UnreadView } from '../api.ts'
import { errors } from '../errors.ts'
import { generateIdentity, identityFromSeed } from '../crypto/identity.ts'
import { randomBytes } from '../crypto/random.ts'
import type { Vault } from '../store/vault.ts'
import { LogStore, LOG_STORE_KEY_PURPOSE } from '../store/log-store.ts'
import { checkpointPath, readCheckpointWrite } from '../store/checkpoint-file.ts'
import { copyBytes, wipe } from '../crypto/wipe.ts'
import { PersonalDocs, PERSONAL_KEY_PURPOSE, PERSONAL_LOG } from '../store/personal-docs.ts'
import { isPresenceHidden } from './presence.ts'
import { storedTransport } from './transport-choice.ts'
import { isKeeperOnly } from '../keeper/keeper-only.ts'
import { memberDocId } from '../model/doc-id.ts'
import { DEFAULT_TOPICS } from '../model/vocabulary.ts'
import { MemberDoc } from '../model/member-doc.ts'
import type { GroupMode } from './governance.ts'
import type { OwnLogStatus } from '../api.ts'
import { GOVERNANCE_DOC, GroupSpace, type AppendLog } from './group-space.ts'
import { asAppendLog } from './append-log.ts'
import { json, type GroupMeta } from './group-meta.ts'
import { FIRST_SYNC_ENDED } from './group-reading.ts'
import { OwedProfiles } from './owed-profile.ts'
import type { WebrtcSetting } from './webrtc-settings.ts'
import { epochEntries, epochKeys, groupIds, groupMeta, groupSecret, identitySeed, keptSummary, newGroupEntries, spaceSummary, summaryEntry } from './group-vault.ts'
import { Invitations } from './invitations.ts'
import { GroupOnline, type NetworkOptions } from './group-online.ts'
import { decideJoin } from './join.ts'
import { LastSeenStore } from './last-seen.ts'
import { repairEpochs } from './epoch-keeper.ts'
import { GroupKeeping } from './group-keeping.ts'
import { TrafficClock } from './traffic-clock.ts'
import type { ScreenViews } from '../store/first-screen-file.ts'

export { CHECKPOINT_EVERY, CHECKPOINT_QUIET_MS } from './checkpoint-schedule.ts'
/**
 * How long after a governance change a device checks whether the epoch keys need repair, plus
 * REPAIR_STAGGER_MS per member whose id sorts before its own: every online member may repair,
 * and the stagger lets the first one's rotation reach the others before they write their own.
 */
export const REPAIR_WAIT_MS = 1_000
export const REPAIR_STAGGER_MS = 300

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export class GroupRegistry {
  /** Spaces ready for use; lock wipes their keys synchronously. */
  private readonly open = new Map<string, GroupSpace>()
  private readonly opening = new Map<string, Promise<GroupSpace>>()
  private readonly writes = new Set<Promise<unknown>>()
  private readonly online = new Map<string, Promise<GroupOnline>>()
  /** The same, once started: lock saves their last-seen times synchronously, before the keys go. */
  private readonly onlineReady = new Map<string, GroupOnline>()
  private locked = false
  /** The profile this device writes once governance names it, if its join did not (owed-profile.ts). */
  readonly profiles: OwedProfiles
  /** Checkpoints, docs at rest and their unread counts, first screens (group-keeping.ts). */
  readonly keeping: GroupKeeping
  /** When any group's block last went out or came in: upkeep waits for quiet (traffic-clock.ts). */
  private readonly traffic = new TrafficClock()

  private constructor(
    readonly vault: Vault,
    /** This profile's log store (benchmarks and tests write fellow members' logs through it). */
    readonly store: LogStore,
    readonly personal: PersonalDocs,
    private readonly onChange: (groupId: string) => void,
    readonly now: () => number,
    /** Where groups go online; null keeps this profile off the network (tests, offline use). */
    readonly network: NetworkOptions | null,
  ) {
    this.keeping = new GroupKeeping({ vault, store, personal, now, isOpen: (id, s) => this.open.get(id) === s, traffic: this.traffic })
    store.onTraffic = () => this.traffic.saw()
    this.profiles = new OwedProfiles({ now, isOpen: (id, s) => !this.locked && this.open.get(id) === s, ownLog: (id) => store.openDeviceLog(this.meta(id).log) })
  }

  get screens(): GroupKeeping['screens'] { return this.keeping.screens }
  get restingUnread(): GroupKeeping['restingUnread'] { return this.keeping.restingUnread }
  get rest(): GroupKeeping['rest'] { return this.keeping.rest }

  static async open(vault: Vault, onChange: (groupId: string) => void, now: () => number, network: NetworkOptions | null = null): Promise<GroupRegistry> {
    // A vault that names groups had a store: a missing one is damage, never a new empty store.
    const mustExist = vault.names().some((n) => n.startsWith('group/'))
    const store = await LogStore.open(vault.dir, vault.subkey(LOG_STORE_KEY_PURPOSE), { mustExist })
    try {
      const personal = await PersonalDocs.open(await store.openDeviceLog(PERSONAL_LOG), vault.subkey(PERSONAL_KEY_PURPOSE))
      return new GroupRegistry(vault, store, personal, onChange, now, network)
    } catch (e) {
      await store.close()
      throw e
    }
  }

  groupIds(): string[] {
    return groupIds(this.vault)
  }

  /**
   * What the groups screen shows, without opening any group: an open group speaks for itself,
   * the others from the summary kept in the vault (sealed with everything else there). A group
   * kept before summaries existed is opened once, and its summary kept from then on.
   */
  async summaries(): Promise<GroupSummary[]> {
    const out: GroupSummary[] = []
    for (const id of this.groupIds()) {
      const open = this.open.get(id)
      const kept = open ? null : keptSummary(this.vault, id)
      if (kept) {
        out.push({ id, ...kept })
        continue
      }
      const s = open ?? (await this.space(id))
      // A group just joined whose governance has not arrived yet is listed from what the welcome said.
      out.push(s.groupId ? spaceSummary(s) : { id, name: this.meta(id).name ?? 'New group', role: 'member', mode: 'survivor-led' })
    }
    // A name a peer wrote with refused characters shows as the views show it (names.ts).
    return out.map((g) => ({ ...g, name: shownGroupName(g.name) }))
  }

  /** Keeps the group's summary in the vault when it differs from the one kept (a governance change). */
  private keepSummary(space: GroupSpace): void {
    const entry = this.locked ? null : summaryEntry(this.vault, space)
    if (!entry) return
    const write = this.vault.set(...entry)
      .catch(() => undefined) // the vault refused: the list opens the group next time instead
      .finally(() => this.writes.delete(write))
    this.writes.add(write)
  }

  async create(p: { name: string; mode: GroupMode; pseudonym: string }): Promise<GroupSpace> {
    const identity = generateIdentity()
    const logName = `m-${hex(randomBytes(12))}`
    const log = asAppendLog(await this.store.openDeviceLog(logName))
    const epoch0 = randomBytes(32)
    const space = this.newSpace(log, { identity, epochs: new Map([[0, epoch0]]), current: 0 }, null)
    const me = space.me
    await space.writeGovernance({
      v: 1, kind: 'genesis', group: '', author: me, at: this.now(), seen: {},
      body: {
        name: p.name, mode: p.mode,
        settings: {
          topics: DEFAULT_TOPICS.map((t) => ({ ...t })),
          rulesWriters: ['facilitator'], flagThreshold: 3,
          inviters: p.mode === 'survivor-led' ? ['facilitator', 'member'] : ['facilitator'],
          // Safe by default (issue 17): members invite, a facilitator approves each newcomer;
          // facilitated groups keep facilitators-only; only facilitators save the group's words.
          invitePolicy: p.mode === 'survivor-led' ? 'members-approved' : 'facilitators',
          groupExport: 'facilitators',
        },
        creator: { pseudonym: p.pseudonym, boxKey: hex(identity.boxPublicKey), device: log.key },
      },
    })
    const id = space.governance.groupId
    const meta: GroupMeta = { v: 1, id, log: logName, createdAt: this.now() }
    await this.vault.setMany(newGroupEntries(meta, { identity: identity.seed, secret: randomBytes(32), epochs: [[0, epoch0]] }))
    this.open.set(id, space)
    this.keepSummary(space)
    await space.change(memberDocId(me), (doc) => new MemberDoc(doc, me).setProfile({ pseudonym: p.pseudonym, status: 'active' }, this.now()))
    return space
  }

  /**
   * Puts a group on the network (once; later calls return the same). `trust` is for a newcomer
   * whose governance has not arrived yet (group-online.ts). Resolves null when this profile runs
   * without a network.
   */
  goOnline(groupId: string, trust?: { members: string[]; logs: string[]; webrtc?: WebrtcSetting; keeper?: { key: string; register: string } }): Promise<GroupOnline | null> {
    const network = this.network
    if (!network || this.locked) return Promise.resolve(null)
    let o = this.online.get(groupId)
    if (!o) {
      o = (async () => {
        const space = await this.space(groupId)
        if (space.groupId && space.membership !== 'member') throw errors.NOT_ALLOWED('you are no longer a member of this group')
        const secret = groupSecret(this.vault, groupId)
        const admit = { now: this.now, decide: (proof: Uint8Array, challenge: string) => decideJoin({ space, now: this.now, secrets: () => this.secrets(groupId) }, proof, challenge) }
        const lastSeen = new LastSeenStore(this.personal, groupId, this.now)
        const presenceHidden = isPresenceHidden(this.personal, groupId)
        // A newcomer who restarted before reading its own admission still knows whom to trust.
        const seed = this.meta(groupId)
        const seeded = seed.seedMembers && !(space.groupId && space.governance.knowsLog(space.own.key)) ? { members: seed.seedMembers, logs: seed.seedLogs ?? [], ...(seed.seedWebrtc ? { webrtc: seed.seedWebrtc } : {}), ...(seed.seedKeeper ? { keeper: seed.seedKeeper } : {}) } : undefined
        const trusted = trust ?? seeded
        // The device's Settings choice, unless this run was started with a transport (transport-choice.ts).
        const transport = network.transport ?? storedTransport(this.personal)
        const online = await GroupOnline.start(space, this.store, { ...network, transport, groupId, groupSecret: copyBytes(secret), identity: space.identity, admit, lastSeen, presenceHidden, keeperOnly: isKeeperOnly(this.personal), ...(trusted ? { trust: trusted } : {}) })
        this.onlineReady.set(groupId, online)
        return online
      })()
      this.online.set(groupId, o)
      o.catch(() => this.online.delete(groupId))
    }
    return o
  }

  /** Takes a group off the network (its membership ended); it stays readable on this device. */
  async goOffline(groupId: string): Promise<void> {
    const o = this.online.get(groupId)
    this.online.delete(groupId)
    const online = await o?.catch(() => null)
    await online?.close()
  }

  /** Every group of this profile on the network. Failures are per group and do not stop the rest. */
  async goOnlineAll(): Promise<void> {
    await Promise.allSettled(this.groupIds().map((id) => this.goOnline(id)))
  }

  private secrets(groupId: string): { secret: Uint8Array; epochs: [number, Uint8Array][] } {
    return { secret: groupSecret(this.vault, groupId), epochs: epochKeys(this.vault, groupId) }
  }

  meta(groupId: string): GroupMeta {
    return groupMeta(this.vault, groupId)
  }

  /** Invites and joining for this profile's groups (core/group/invitations.ts). */
  readonly invitations: Invitations = new Invitations(this)

  /** Whether this device writes in the group for now; undefined when it does (core/store/own-log-guard.ts). */
  async ownLogStatus(groupId: string): Promise<OwnLogStatus | undefined> {
    const s = await this.store.ownLogState(this.meta(groupId).log)
    if (s.state === 'ok') return undefined
    const damagedCopy = this.store.health.recoveredFrom
    return { state: s.state, have: s.length, ...(s.state === 'behind' ? { expected: s.expected } : {}), ...(damagedCopy ? { damagedCopy } : {}) }
  }

  /** Members' last-seen times as last kept, for when the group is not online. */
  storedLastSeen(groupId: string): Map<string, number> {
    return new LastSeenStore(this.personal, groupId, this.now).load()
  }

  /** The group's network presence, or null when it is not online. */
  async onlineOf(groupId: string): Promise<GroupOnline | null> {
    return (await this.online.get(groupId)?.catch(() => null)) ?? null
  }

  /**
   * The group's kept first screen while it is not open or its docs rest, if still current
   * (first-screen.ts); the group opens, or its docs wake, behind it.
   */
  firstScreen(groupId: string): Promise<ScreenViews | null> {
    const open = this.open.get(groupId)
    if (this.locked || (open && !open.docs.isResting) || !this.groupIds().includes(groupId)) return Promise.resolve(null)
    // No event once open (nothing changed: a notifier would announce it); an open that fails ends the
    // kept screen and says so, so the screen reads again and meets the coded error, as without it.
    // Opened on the checkpoint, its docs rest: they wake in slices behind the screen (doc-set.ts).
    if (!open) return this.keeping.firstScreen(groupId, () => void this.space(groupId).then((s) => s.docs.wakeInSlices(), () => (this.screens.failed(groupId), this.onChange(groupId))))
    // Woken after the calls waiting on the same screen have answered from it (a failed wake rebuilds, doc-rest.ts).
    return this.keeping.firstScreen(groupId, () => void setImmediate(() => this.wake(groupId, open)))
  }

  /** The unread counts kept with the group's first screen while its docs rest, if current (first-screen.ts); wakes nothing. */
  keptUnread(groupId: string): Promise<UnreadView | null> {
    const open = this.open.get(groupId)
    return this.locked || !open?.docs.isResting ? Promise.resolve(null) : this.keeping.screens.counts(groupId)
  }

  /** Something the kept first screen was read against changed on this device only (last-read positions): kept again once quiet. */
  keepScreenSoon(groupId: string, space: GroupSpace): void {
    if (this.open.get(groupId) === space) this.screens.changed(groupId, space)
  }

  /** One doc state per macrotask (doc-set.ts); a failed wake means the checkpoint changed and the group is read again (doc-rest.ts). */
  private wake(groupId: string, space: GroupSpace): void {
    if (this.open.get(groupId) === space) void space.docs.wakeInSlices()
  }

  /** The open space of a group, opened on first use. */
  space(groupId: string): Promise<GroupSpace> {
    const ready = this.open.get(groupId)
    // A kept screen being read answers first: a call that would wake the docs waits until it has.
    // Then a wake in slices under way is waited for, not finished at once by the caller's first read.
    const screen = ready?.docs.isResting ? this.screens.answered(groupId) : null
    const first = screen ? screen.then(() => ready?.docs.woken) : (ready?.docs.woken ?? null)
    if (ready) return first ? first.then(() => this.keeping.used(groupId, ready)) : Promise.resolve(this.keeping.used(groupId, ready))
    let s = this.opening.get(groupId)
    if (!s) {
      s = this.openSpace(groupId).finally(() => this.opening.delete(groupId))
      this.opening.set(groupId, s)
    }
    return s
  }

  private async openSpace(groupId: string): Promise<GroupSpace> {
    const meta = groupMeta(this.vault, groupId)
    const seed = identitySeed(this.vault, groupId)
    const epochs = new Map(epochKeys(this.vault, groupId).map(([n, k]): [number, Uint8Array] => [n, copyBytes(k)]))
    const log = asAppendLog(await this.store.openDeviceLog(meta.log))
    // Epoch ids are random: the one to write under is chosen from governance once it is read.
    const space = this.newSpace(log, { identity: identityFromSeed(seed), epochs, current: epochs.has(0) ? 0 : Math.min(...epochs.keys()) }, groupId)
    const ckptKey = this.keeping.checkpointKey(groupId)
    const ckpt = await readCheckpointWrite(checkpointPath(this.vault.dir, groupId), ckptKey)
    wipe(ckptKey)
    // Its docs rest on the file until read; behind a kept screen they wake next, from the states read now.
    if (ckpt) this.keeping.rest.openOn(groupId, space, ckpt.checkpoint, ckpt.head, this.keeping.screens.isShown(groupId))
    // A newcomer reads the logs its welcome named from their latest shared checkpoints.
    for (const [key, start] of meta.seedCheckpoints ?? []) space.planCheckpoint(key, start)
    // Its first sync not ended yet: each log read is held to its length at first sight (first-sync.ts).
    if (meta.firstSync) space.beginFirstSync(space.own.key, meta.seedLogs ?? [])
    const before = space.blocksRead
    await space.catchUp(log)
    for (const key of space.groupId ? [] : (meta.seedLogs ?? [])) await space.catchUp(await this.store.openPeerLog(Buffer.from(key, 'hex')))
    if (space.groupId) await this.catchUpMembers(space)
    // Its docs are exactly that checkpoint's while the open read nothing past it: the unread counts kept with it hold.
    if (ckpt && space.blocksRead === before) await this.keeping.restingUnread.load(groupId, ckpt.head)
    if (this.locked) {
      space.dropKeys()
      throw errors.PROFILE_LOCKED()
    }
    this.open.set(groupId, space)
    this.keepSummary(space)
    if (meta.firstSync && !space.firstSync) this.endFirstSync(groupId)
    // A restart between the admission and the profile's write (owed-profile.ts).
    this.profiles.look(groupId, space)
    this.keeping.opened(groupId, space, space.blocksRead - before)
    return space
  }

  /** Reads the logs of every member device governance knows, until no new device turns up. */
  private async catchUpMembers(space: GroupSpace): Promise<void> {
    const done = new Set([space.own.key])
    for (let round = 0; round < 1000; round++) {
      const todo = space.governance.deviceLogs().filter((k) => !done.has(k))
      if (!todo.length) return
      for (const key of todo) {
        done.add(key)
        await space.catchUp(await this.store.openPeerLog(Buffer.from(key, 'hex')))
      }
    }
  }

  private newSpace(log: AppendLog, keys: ConstructorParameters<typeof GroupSpace>[1], groupId: string | null): GroupSpace {
    const space: GroupSpace = new GroupSpace(log, keys, { groupId, onChange: (docIds) => this.changed(space, docIds), onKeys: (added) => this.keepKeys(space, added) })
    return space
  }

  /** The group's first sync ended (first-sync.ts): the meta loses its mark; if the vault refuses, the next open holds again what is not read. */
  private endFirstSync(groupId: string): void {
    if (this.locked) return
    const { firstSync: _, ...meta } = groupMeta(this.vault, groupId)
    const write = this.vault.set(`group/${groupId}`, json(meta))
      .catch(() => undefined)
      .finally(() => this.writes.delete(write))
    this.writes.add(write)
  }

  /** Epoch keys opened from lockboxes (or made for a rotation) go into the vault at once. */
  private keepKeys(space: GroupSpace, added: [number, Uint8Array][]): void {
    const groupId = space.groupId
    if (!groupId || this.locked) return
    const write = this.vault.setMany(epochEntries(groupId, added))
      .catch(() => undefined) // the vault refused: the lockboxes stay in the logs and open again next time
      .finally(() => this.writes.delete(write))
    this.writes.add(write)
  }

  private changed(space: GroupSpace, docIds: string[]): void {
    const groupId = space.groupId
    if (!groupId || !this.open.has(groupId)) return
    // A new member's device must start replicating, a removed one's stop; epoch keys may need a
    // rotation or a hand-over; a device whose membership ended leaves the group's topic.
    if (docIds.includes(GOVERNANCE_DOC)) {
      this.keepSummary(space)
      if (space.membership !== 'member') void this.goOffline(groupId)
      else {
        void this.onlineOf(groupId).then((o) => o?.refresh()).catch(() => undefined)
        // Governance may name this device now: a join that ended unsynced owes its profile.
        this.profiles.look(groupId, space)
        // A short wait lets the rest of a batch arrive (a removal's own rotation follows it).
        const rank = [...space.governance.members.keys()].filter((id) => id < space.me).length
        const t = setTimeout(() => {
          if (this.open.get(groupId) === space) void repairEpochs(space, this.now).catch(() => undefined)
        }, REPAIR_WAIT_MS + rank * REPAIR_STAGGER_MS)
        t.unref?.()
      }
    }
    if (docIds.includes(FIRST_SYNC_ENDED)) this.endFirstSync(groupId)
    this.keeping.changed(groupId, space, docIds)
    this.onChange(groupId)
  }

  /** Seals a checkpoint of the group now and writes it in the background (group-keeping.ts). */
  checkpoint(groupId: string, space: GroupSpace): Promise<unknown> {
    return this.keeping.checkpoint(groupId, space)
  }

  /** Lock: wipes every key now, synchronously; the promise resolves once files are closed. */
  lockNow(): Promise<void> {
    this.locked = true
    this.invitations.close()
    // A due checkpoint is sealed now, before the keys go (the write finishes in the background).
    const kept = this.keeping.lock((groupId) => this.open.get(groupId))
    const spaces = [...this.open.values()]
    this.open.clear()
    for (const s of spaces) s.dropKeys()
    for (const o of this.onlineReady.values()) void o.saveLastSeen()
    this.onlineReady.clear()
    this.personal.dropKey()
    const opening = [...this.opening.values()]
    const online = [...this.online.values()]
    this.online.clear()
    return (async () => {
      for (const o of await Promise.allSettled(online)) if (o.status === 'fulfilled') await o.value.close()
      await Promise.allSettled(opening)
      await Promise.allSettled(spaces.map((s) => s.idle()))
      await Promise.allSettled(this.writes)
      await kept()
      await this.store.close()
    })()
  }
}
