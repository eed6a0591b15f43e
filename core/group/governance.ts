/**
 * Governance state: who is in the group, with which role, speaking through which device logs,
 * under which settings. It is computed from governance events alone, so every peer that holds
 * the same events computes the same state (DESIGN.md §3.3).
 *
 * This version knows genesis (the creator, their first device log, the settings), invites
 * (create, revoke) and admission — by a facilitator directly, or by any member with a joiner's
 * proof for a live invite. Events come in the deterministic order (governance-log.ts); each is
 * valid only if its author had the right at that point. Over-use of an invite therefore resolves
 * the same way everywhere: the admissions past its uses are invalid on every peer. Removal with
 * cut-offs, roles and epoch rotation extend `apply`; the write rule already asks per block index.
 */
import { errors } from '../errors.ts'
import type { SharedDocName } from '../model/doc-id.ts'
import type { MemberInfo } from '../model/views.ts'
import type { Role, WriteAuthority } from '../model/write-rule.ts'
import type { GroupSettings, InviteRecord, SignedEvent } from './gov-event.ts'
import { inviteId } from './invite-keys.ts'
import { verifyJoinProof } from './join-proof.ts'
import { groupIdOf } from './gov-event.ts'

export type GroupMode = 'survivor-led' | 'facilitated'
const FACILITATORS_ONLY: readonly Role[] = ['facilitator']
type GenesisEvent = Extract<SignedEvent, { kind: 'genesis' }>

export interface JoinRequest {
  joiner: { id: string; boxKey: string; device: string; pseudonym: string }
  inviteId: string
  proof: Record<string, unknown>
  /** the member who put it on record */
  by: string
  status: 'pending' | 'admitted' | 'declined'
}

export interface InviteState extends InviteRecord {
  /** member id of the inviter */
  by: string
  /** valid admissions so far, in replay order */
  used: number
  revoked: boolean
}

export interface MemberRecord extends MemberInfo {
  boxKey: string
  /** device log key (hex) → first block index it speaks for this member */
  devices: Map<string, number>
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
  private readonly deviceOwner = new Map<string, string>()

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
    if (this.memberForBlock(carriedBy.logKey, carriedBy.index) !== event.author) {
      throw errors.NOT_ALLOWED('event not carried by a device of its author')
    }
    switch (event.kind) {
      case 'genesis':
        throw errors.BLOCK_MALFORMED('a group has one genesis')
      case 'invite.create': {
        const inv = event.body.invite
        const role = this.members.get(event.author)?.role
        if (!role || !this.settings.inviters.includes(role)) throw errors.NOT_ALLOWED('this role may not invite')
        if (inv.role === 'facilitator' && role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators invite facilitators')
        if (inv.id !== inviteId(Buffer.from(inv.publicKey, 'hex')) || this.invites.has(inv.id)) throw errors.BLOCK_MALFORMED('invite id')
        this.invites.set(inv.id, { ...inv, by: event.author, used: 0, revoked: false })
        return
      }
      case 'invite.revoke': {
        const inv = this.invites.get(event.body.inviteId)
        if (!inv) throw errors.INVITE_MALFORMED('no such invite')
        if (inv.by !== event.author && this.members.get(event.author)?.role !== 'facilitator') throw errors.NOT_ALLOWED('not your invite')
        inv.revoked = true
        return
      }
      case 'member.admit':
        this.admit(event)
        return
      case 'join.request': {
        const invite = this.invites.get(event.body.invite.id)
        if (!invite?.approval) throw errors.BLOCK_MALFORMED('not an invite that needs approval')
        const challenge = typeof event.body.invite.proof.challenge === 'string' ? event.body.invite.proof.challenge : ''
        const joiner = verifyJoinProof(event.body.invite.proof, { groupId: this.groupId, invitePublicKey: invite.publicKey, challenge })
        if (this.members.has(joiner.id) || this.requests.has(joiner.id)) throw errors.BLOCK_MALFORMED('already asked')
        this.requests.set(joiner.id, { joiner, inviteId: invite.id, proof: event.body.invite.proof, by: event.author, status: 'pending' })
        return
      }
      case 'settings': {
        if (this.members.get(event.author)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators change settings')
        if (event.body.name !== undefined) this.name = event.body.name
        if (event.body.settings) this.settings = { ...this.settings, ...event.body.settings }
        return
      }
      case 'join.decline': {
        if (this.members.get(event.author)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators decide requests')
        const r = this.requests.get(event.body.joinerId)
        if (!r || r.status !== 'pending') throw errors.BLOCK_MALFORMED('no pending request')
        r.status = 'declined'
        return
      }
    }
  }

  private admit(event: Extract<SignedEvent, { kind: 'member.admit' }>): void {
    const m = event.body.member
    const authorRole = this.members.get(event.author)?.role
    if (this.members.has(m.id) || this.deviceOwner.has(m.device)) throw errors.BLOCK_MALFORMED('already a member')
    const ref = event.body.invite
    let invite: InviteState | undefined
    if (!ref) {
      if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators admit without an invite')
    } else {
      invite = this.invites.get(ref.id)
      if (!invite) throw errors.INVITE_MALFORMED('no such invite')
      if (invite.revoked) throw errors.INVITE_REVOKED()
      if (event.at > invite.expiresAt) throw errors.INVITE_EXPIRED()
      if (invite.used >= invite.uses) throw errors.INVITE_USED_UP()
      if (invite.approval && authorRole !== 'facilitator') throw errors.NOT_ALLOWED('this invite needs a facilitator to approve')
      if (event.body.role !== invite.role) throw errors.NOT_ALLOWED('the role is not the invite’s')
      const challenge = typeof ref.proof.challenge === 'string' ? ref.proof.challenge : ''
      const joiner = verifyJoinProof(ref.proof, { groupId: this.groupId, invitePublicKey: invite.publicKey, challenge })
      if (joiner.id !== m.id || joiner.boxKey !== m.boxKey || joiner.device !== m.device || joiner.pseudonym !== m.pseudonym) {
        throw errors.CRYPTO_BAD_SIGNATURE('the admission does not match the proof')
      }
    }
    const request = this.requests.get(m.id)
    if (request?.status === 'declined') throw errors.INVITE_DECLINED()
    if (request) request.status = 'admitted'
    if (invite) invite.used++
    this.members.set(m.id, { id: m.id, role: event.body.role, pseudonym: m.pseudonym, boxKey: m.boxKey, devices: new Map([[m.device, 0]]) })
    this.deviceOwner.set(m.device, m.id)
  }

  memberForBlock(logKey: string, index: number): string | undefined {
    const id = this.deviceOwner.get(logKey)
    const from = id === undefined ? undefined : this.members.get(id)?.devices.get(logKey)
    return from !== undefined && index >= from ? id : undefined
  }

  roleForBlock(logKey: string, index: number): Role | undefined {
    const id = this.memberForBlock(logKey, index)
    return id === undefined ? undefined : this.members.get(id)?.role
  }

  writersOf(doc: SharedDocName): readonly Role[] {
    switch (doc) {
      case 'rules':
        return this.settings.rulesWriters
      // Curated resources, meetings and the debrief space: facilitators (issue 8), not a setting yet.
      case 'resources':
      case 'meetings':
      case 'debrief':
        return FACILITATORS_ONLY
    }
  }

  /**
   * Who may write through which log, as comparable strings: `log → member|role|from`. When a
   * replay takes away or changes an entry, docs built under the old state must be rebuilt.
   */
  grants(): Map<string, string> {
    const out = new Map<string, string>()
    for (const [log, id] of this.deviceOwner) {
      const m = this.members.get(id)
      if (m) out.set(log, `${id}|${m.role}|${m.devices.get(log)}`)
    }
    return out
  }

  /** Everything a replay decides, as one comparable string: unchanged means nothing to tell. */
  fingerprint(): string {
    return JSON.stringify([this.name, this.mode, this.settings, [...this.grants()].sort(), [...this.invites].sort(), [...this.requests].sort()])
  }

  deviceLogs(): string[] {
    return [...this.deviceOwner.keys()]
  }
}
