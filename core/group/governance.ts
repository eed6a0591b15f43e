/**
 * Governance state: who is in the group, with which role, speaking through which device logs,
 * under which settings. It is computed from governance events alone, so every peer that holds
 * the same events computes the same state (DESIGN.md §3.3).
 *
 * This version knows genesis (the creator, their first device log, the settings) and
 * `member.admit` by a facilitator. Events are applied in the order given; the deterministic
 * causal order across logs, invites, removal with cut-offs, roles and epoch rotation extend
 * `apply`. The write rule already asks per block index, so cut-offs slot in without changing callers.
 */
import { errors } from '../errors.ts'
import type { SharedDocName } from '../model/doc-id.ts'
import type { MemberInfo } from '../model/views.ts'
import type { Role, WriteAuthority } from '../model/write-rule.ts'
import type { GroupSettings, SignedEvent } from './gov-event.ts'
import { groupIdOf } from './gov-event.ts'

export type GroupMode = 'survivor-led' | 'facilitated'
type GenesisEvent = Extract<SignedEvent, { kind: 'genesis' }>

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
      case 'member.admit': {
        if (this.members.get(event.author)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators admit')
        const m = event.body.member
        if (this.members.has(m.id) || this.deviceOwner.has(m.device)) throw errors.BLOCK_MALFORMED('already a member')
        this.members.set(m.id, { id: m.id, role: event.body.role, pseudonym: m.pseudonym, boxKey: m.boxKey, devices: new Map([[m.device, 0]]) })
        this.deviceOwner.set(m.device, m.id)
        return
      }
    }
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
    return JSON.stringify([this.name, this.mode, this.settings, [...this.grants()].sort()])
  }

  deviceLogs(): string[] {
    return [...this.deviceOwner.keys()]
  }
}
