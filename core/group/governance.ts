/**
 * Governance state: who is in the group, with which role, speaking through which device logs,
 * under which settings. It is computed from governance events alone, so every peer that holds
 * the same events computes the same state (DESIGN.md §3.3).
 *
 * This version knows genesis (the creator, their first device log, the settings), invites
 * (create, revoke) and admission — by a facilitator directly, or by any member with a joiner's
 * proof for a live invite. Events come in the deterministic order (governance-log.ts); each is
 * valid only if its author had the right at that point. Over-use of an invite therefore resolves
 * the same way everywhere: the admissions past its uses are invalid on every peer.
 *
 * Removal, leave and role change record a cut-off: the event's own `seen`. For each device log
 * of the affected member, blocks at index >= seen[log] (0 when absent, never before the log's
 * first index) no longer speak for the member (removal, leave), or speak with the new role.
 * The write rule and every author check ask per block index (memberForBlock / roleForBlock at
 * the carrying block), so a facilitator's own later events lose their right the same way as
 * their posts; gov-order.ts makes such events wait for the event that cuts them.
 *
 * Device records (per log: member, first index, optional `until`, role history) are kept apart
 * from the member list so another kind of attestation (a restored member's new device) only has
 * to add one record.
 *
 * The replay must see every event kind in one pass and one order, so the state it builds lives
 * in one class; the invite and approval rules (invite-rules.ts), the role and removal rules
 * (role-rules.ts), the keeper events (keeper-rules.ts) and the fork-freeze bookkeeping
 * (freeze-book.ts) are modules it calls.
 */
import { MAX_DEVICES_PER_MEMBER } from './log-quota.ts'
import { errors, HearthError } from '../errors.ts'
import type { SharedDocName } from '../model/doc-id.ts'
import type { MemberInfo } from '../model/views.ts'
import type { Role, WriteAuthority } from '../model/write-rule.ts'
import type { GroupSettings, SignedEvent } from './gov-event.ts'
import { verifyJoinProof } from './join-proof.ts'
import { groupIdOf, type Badge } from './gov-event.ts'
import { EpochLedger } from './epoch-ledger.ts'
import { checkAdmissionInvite, checkInviteCreate, invitePolicy, needsApproval, type InviteState } from './invite-rules.ts'
import { FreezeBook, type ForkReport } from './freeze-book.ts'
import { KeeperBook } from './keeper-rules.ts'
import { WebrtcBook } from './webrtc-settings.ts'
import { changeRole, leave, removeMember, type DeviceTerms, type Roster } from './role-rules.ts'

import { clientOwners } from '../model/shared-writers.ts'

export type GroupMode = 'survivor-led' | 'facilitated'

/** Refusals of an admission that its author may not have known of when welcoming the newcomer. */
const KEYS_MAY_HAVE_LEFT: ReadonlySet<string> = new Set(['INVITE_USED_UP', 'INVITE_EXPIRED', 'INVITE_REVOKED', 'INVITE_DECLINED'])
type GenesisEvent = Extract<SignedEvent, { kind: 'genesis' }>

export interface JoinRequest {
  joiner: { id: string; boxKey: string; device: string; pseudonym: string }
  inviteId: string
  proof: Record<string, unknown>
  /** the member who put it on record */
  by: string
  status: 'pending' | 'admitted' | 'declined'
}


export interface MemberRecord extends MemberInfo {
  boxKey: string
  /** device log key (hex) → first block index it speaks for this member */
  devices: Map<string, number>
  /** a facilitator's profession, in facilitated groups */
  badge?: Badge
}

export interface FormerMember extends MemberRecord {
  reason: 'removed' | 'left'
}

export class Governance implements WriteAuthority {
  readonly groupId: string
  name: string
  mode: GroupMode
  settings: GroupSettings
  readonly members = new Map<string, MemberRecord>()
  readonly invites = new Map<string, InviteState>()
  /** Requests to join with an approval invite, by the newcomer's member id. */
  readonly requests = new Map<string, JoinRequest>()
  /** Removed and departed members, with the devices that spoke for them before their cut-off. */
  readonly former = new Map<string, FormerMember>()
  /** Removals waiting for a second facilitator (settings.removalNeedsSecond): member → first remover. */
  readonly pendingRemovals = new Map<string, string>()
  /** Every member ever admitted, in replay order: earlier admission keeps a name (core/model/names.ts). */
  readonly admissionOrder: string[] = []
  readonly epochs: EpochLedger
  private readonly deviceOwner = new Map<string, string>()
  private readonly terms = new Map<string, DeviceTerms>()
  /** What the role and removal rules change (role-rules.ts). */
  private readonly roster: Roster<MemberRecord> = { members: this.members, former: this.former, pendingRemovals: this.pendingRemovals, terms: this.terms }
  /** Device logs proven rewritten and the reports that prove it (freeze-book.ts). */
  readonly freezes = new FreezeBook()
  /**
   * Device logs proven rewritten (equivocation.ts): log → first index that speaks for nobody.
   * Set from the evidence alone, before the replay (governance-log.ts), so it is the same on
   * every peer whatever order events arrived in.
   */
  readonly frozen: Map<string, number> = this.freezes.frozen
  /** Valid log.fork events, in replay order: what facilitators review. */
  readonly forkReports: ForkReport[] = this.freezes.reports
  /** The group's keeper and the keepers it had (keeper-rules.ts). */
  readonly keepers = new KeeperBook()
  /** Where the group meets over WebRTC (webrtc-settings.ts). */
  readonly webrtc = new WebrtcBook()

  private constructor(genesis: GenesisEvent) {
    this.groupId = groupIdOf(genesis)
    this.name = genesis.body.name
    this.mode = genesis.body.mode
    this.settings = genesis.body.settings
    const c = genesis.body.creator
    this.members.set(genesis.author, {
      id: genesis.author, role: 'facilitator', pseudonym: c.pseudonym, boxKey: c.boxKey, devices: new Map([[c.device, 0]]),
    })
    this.deviceOwner.set(c.device, genesis.author)
    this.admissionOrder.push(genesis.author)
    this.terms.set(c.device, { roles: [{ from: 0, role: 'facilitator' }] })
    this.epochs = new EpochLedger(genesis.author)
  }

  /** Genesis must be the first block of its creator's own device log, or it defines nothing. */
  static fromGenesis(genesis: SignedEvent, carriedBy: { logKey: string; index: number }): Governance {
    if (genesis.kind !== 'genesis' || genesis.group !== '') throw errors.BLOCK_MALFORMED('not a genesis event')
    if (carriedBy.index !== 0 || carriedBy.logKey !== genesis.body.creator.device) {
      throw errors.BLOCK_MALFORMED('genesis must open its creator’s device log')
    }
    return new Governance(genesis as GenesisEvent)
  }

  knowsLog(logKey: string): boolean {
    return this.deviceOwner.has(logKey)
  }

  /**
   * Applies a non-genesis event carried at `carriedBy`. Throws NOT_ALLOWED when its author had
   * no right to it at that point, BLOCK_MALFORMED when it contradicts the state; either way the
   * state is unchanged.
   */
  apply(event: SignedEvent, carriedBy: { logKey: string; index: number }): void {
    if (event.group !== this.groupId) throw errors.BLOCK_MALFORMED('event of another group')
    if (event.kind === 'device.add') return this.addDevice(event, carriedBy)
    if (this.memberForBlock(carriedBy.logKey, carriedBy.index) !== event.author) {
      throw errors.NOT_ALLOWED('event not carried by a device of its author')
    }
    if (!this.members.has(event.author)) throw errors.NOT_ALLOWED('the author is no longer a member')
    // The author's role where the event is carried, not their latest: a cut-off applies to events too.
    const authorRole = this.roleForBlock(carriedBy.logKey, carriedBy.index)
    switch (event.kind) {
      case 'genesis':
        throw errors.BLOCK_MALFORMED('a group has one genesis')
      case 'invite.create': {
        const inv = event.body.invite
        const role = checkInviteCreate(this.settings, this.invites, authorRole, inv)
        this.invites.set(inv.id, { ...inv, by: event.author, byRole: role, at: event.at, used: 0, revoked: false })
        return
      }
      case 'invite.revoke': {
        const inv = this.invites.get(event.body.inviteId)
        if (!inv) throw errors.INVITE_MALFORMED('no such invite')
        if (inv.by !== event.author && authorRole !== 'facilitator') throw errors.NOT_ALLOWED('not your invite')
        inv.revoked = true
        return
      }
      case 'member.admit':
        try {
          this.admit(event, authorRole)
        } catch (e) {
          // Refused for the invite's sake (the loser of an over-use race, an invite that expired or
          // was withdrawn meanwhile, a declined request), its author may already have welcomed the
          // newcomer with the group's keys. Count those keys as held by a non-member, so members
          // rotate (needsRotation) and the newcomer reads nothing written after.
          const joiner = event.body.member.id
          if (e instanceof HearthError && KEYS_MAY_HAVE_LEFT.has(e.code) && !this.members.has(joiner)) this.epochs.admitted(joiner, event.body.epochs)
          throw e
        }
        return
      case 'join.request': {
        const invite = this.invites.get(event.body.invite.id)
        if (!invite || !this.needsApproval(invite)) throw errors.BLOCK_MALFORMED('not an invite that needs approval')
        const challenge = typeof event.body.invite.proof.challenge === 'string' ? event.body.invite.proof.challenge : ''
        const joiner = verifyJoinProof(event.body.invite.proof, { groupId: this.groupId, invitePublicKey: invite.publicKey, challenge })
        if (this.members.has(joiner.id) || this.requests.has(joiner.id)) throw errors.BLOCK_MALFORMED('already asked')
        this.requests.set(joiner.id, { joiner, inviteId: invite.id, proof: event.body.invite.proof, by: event.author, status: 'pending' })
        return
      }
      case 'settings': {
        if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators change settings')
        if (event.body.name !== undefined) this.name = event.body.name
        if (event.body.settings) this.settings = { ...this.settings, ...event.body.settings }
        return
      }
      case 'join.decline': {
        if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators decide requests')
        const r = this.requests.get(event.body.joinerId)
        if (!r || r.status !== 'pending') throw errors.BLOCK_MALFORMED('no pending request')
        r.status = 'declined'
        return
      }
      case 'member.remove':
        removeMember(this.roster, this.settings, event.author, authorRole, event.body.member, event.seen)
        return
      case 'member.leave':
        leave(this.roster, event.author, event.seen)
        return
      case 'role.change':
        changeRole(this.roster, this.mode, authorRole, event.body, event.seen)
        return
      case 'log.fork':
        this.freezes.report(event.body, event.author, event.at, this.deviceOwner.get(event.body.log))
        return
      case 'log.thaw':
        this.freezes.lift(event.body, event.author, event.at, authorRole, this.deviceOwner.get(event.body.log), this.settings.removalNeedsSecond === true)
        return
      case 'keeper.add':
      case 'keeper.remove':
        this.keepers.apply(event, authorRole)
        return
      case 'webrtc.set':
        this.webrtc.apply(event, authorRole)
        return
      case 'epoch.rotate':
      case 'epoch.share': {
        const recipients = Object.keys(event.body.lockboxes)
        if (recipients.some((r) => !this.members.has(r))) throw errors.NOT_ALLOWED('a lockbox for someone who is not a member')
        if (event.kind === 'epoch.rotate') this.epochs.rotate(event.body.epoch, event.body.check, recipients)
        else this.epochs.share(event.body.epoch, event.body.check, recipients)
        return
      }
    }
  }

  /** A member's further device log (device.add): it must open the very log it names. */
  private addDevice(event: Extract<SignedEvent, { kind: 'device.add' }>, carriedBy: { logKey: string; index: number }): void {
    const member = this.members.get(event.author)
    if (!member) throw errors.NOT_ALLOWED('only a member adds a device')
    const device = event.body.device
    if (carriedBy.logKey !== device || carriedBy.index !== 0) throw errors.BLOCK_MALFORMED('device.add must open the log it names')
    if (this.deviceOwner.has(device)) throw errors.BLOCK_MALFORMED('that log already speaks for someone')
    if (member.devices.size >= MAX_DEVICES_PER_MEMBER) throw errors.NOT_ALLOWED(`a member speaks through at most ${MAX_DEVICES_PER_MEMBER} device logs`)
    // A member whose log was rewritten cannot speak around the freeze through a fresh log.
    if (this.freezes.anyFrozen(member.devices.keys())) throw errors.NOT_ALLOWED('a device log of this member was rewritten')
    member.devices.set(device, 0)
    this.deviceOwner.set(device, event.author)
    // The new log speaks with the member's role as it stands now; later changes cut it like any other.
    this.terms.set(device, { roles: [{ from: 0, role: member.role }] })
  }

  private admit(event: Extract<SignedEvent, { kind: 'member.admit' }>, authorRole: Role | undefined): void {
    const m = event.body.member
    if (this.members.has(m.id) || this.former.has(m.id) || this.deviceOwner.has(m.device)) throw errors.BLOCK_MALFORMED('already a member')
    const invite = checkAdmissionInvite(this.groupId, this.settings, this.invites, event, authorRole)
    const request = this.requests.get(m.id)
    if (request?.status === 'declined') throw errors.INVITE_DECLINED()
    if (request) request.status = 'admitted'
    if (invite && ++invite.used >= invite.uses) invite.usedUpAt = event.at
    this.members.set(m.id, { id: m.id, role: event.body.role, pseudonym: m.pseudonym, boxKey: m.boxKey, devices: new Map([[m.device, 0]]) })
    this.admissionOrder.push(m.id)
    this.deviceOwner.set(m.device, m.id)
    this.terms.set(m.device, { roles: [{ from: 0, role: event.body.role }] })
    this.epochs.admitted(m.id, event.body.epochs)
  }

  /** Who may invite now (invite-rules.ts). */
  invitePolicy(): NonNullable<GroupSettings['invitePolicy']> {
    return invitePolicy(this.settings)
  }

  /** Whether each newcomer on this invite waits for a facilitator (invite-rules.ts). */
  needsApproval(invite: InviteState): boolean {
    return needsApproval(this.settings, invite)
  }

  /** The member a device log speaks for (current or former), if governance knows the log. */
  ownerOf(logKey: string): string | undefined {
    return this.deviceOwner.get(logKey)
  }

  /** The member record of a device's member, current or former. */
  private recordOf(logKey: string): MemberRecord | undefined {
    const id = this.deviceOwner.get(logKey)
    return id === undefined ? undefined : (this.members.get(id) ?? this.former.get(id))
  }

  memberForBlock(logKey: string, index: number): string | undefined {
    const m = this.recordOf(logKey)
    const from = m?.devices.get(logKey)
    const until = this.terms.get(logKey)?.until
    if (this.freezes.catches(logKey, index)) return undefined
    return m && from !== undefined && index >= from && (until === undefined || index < until) ? m.id : undefined
  }

  /**
   * The first index of `logKey` from which no block speaks for anyone, whoever holds it: its
   * member's cut-off (removal, leave) or its freeze, whichever comes first; Infinity when neither.
   * A lifted range is not an end (blocks past it speak again).
   */
  speaksUntil(logKey: string): number {
    return Math.min(this.terms.get(logKey)?.until ?? Infinity, this.freezes.frozen.get(logKey) ?? Infinity)
  }

  roleForBlock(logKey: string, index: number): Role | undefined {
    if (this.memberForBlock(logKey, index) === undefined) return undefined
    const roles = this.terms.get(logKey)?.roles ?? []
    let role: Role | undefined
    for (const r of roles) if (r.from <= index) role = r.role
    return role
  }

  /** Whether a member id left or was removed, and how. */
  membershipOf(id: string): 'member' | FormerMember['reason'] | 'unknown' {
    return this.members.has(id) ? 'member' : (this.former.get(id)?.reason ?? 'unknown')
  }

  /** Someone no longer a member holds the current epoch key: the group must rotate. */
  needsRotation(): boolean {
    for (const id of this.epochs.holders.get(this.epochs.current) ?? []) if (!this.members.has(id)) return true
    return false
  }

  /** Current members known to hold no key of the current epoch: a holder should share it. */
  lacking(): string[] {
    const held = this.epochs.holders.get(this.epochs.current) ?? new Set()
    return [...this.members.keys()].filter((id) => !held.has(id))
  }

  writersOf(doc: SharedDocName): readonly Role[] {
    switch (doc) {
      case 'rules':
        return this.settings.rulesWriters
    }
  }


  /**
   * Who may write through which log, as comparable strings: `log → member|from|until|roles`. When a
   * replay takes away or changes an entry, docs built under the old state must be rebuilt.
   */
  grants(): Map<string, string> {
    const out = new Map<string, string>()
    for (const [log, id] of this.deviceOwner) {
      const m = this.members.get(id) ?? this.former.get(id)
      const t = this.terms.get(log)
      if (m && t) out.set(log, `${id}|${m.devices.get(log)}|${t.until ?? ''}|${t.roles.map((r) => `${r.from}:${r.role}`).join(',')}|${this.freezes.grantOf(log)}`)
    }
    return out
  }

  /** Everything a replay decides, as one comparable string: unchanged means nothing to tell. */
  fingerprint(): string {
    return JSON.stringify([
      this.name, this.mode, this.settings, [...this.grants()].sort(), [...this.invites].sort(), [...this.requests].sort(),
      [...this.members.values()].map((m) => [m.id, m.role, m.badge ?? null]).sort(), [...this.former.keys()].sort(),
      [...this.pendingRemovals].sort(), this.epochs.summary(), this.freezes.lifts, [...this.freezes.pendingLifts].sort(),
      this.keepers.summary(), this.webrtc.summary(),
    ])
  }

  deviceLogs(): string[] {
    return [...this.deviceOwner.keys()]
  }

  /** The first-attested log whose writer client id is `client` (core/model/shared-writers.ts). */
  clientOwnerLog(client: number): string | undefined {
    return clientOwners(this.deviceLogs(), (log) => this.deviceOwner.get(log)).get(client)?.log
  }

  /** Client id → member, for attributing shared-doc entries. */
  writerOf(): (client: number) => string | undefined {
    const owners = clientOwners(this.deviceLogs(), (log) => this.deviceOwner.get(log))
    return (client) => owners.get(client)?.member
  }
}
