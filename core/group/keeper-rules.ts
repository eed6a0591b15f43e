/**
 * The group's keeper as governance decides it (issue 15): `keeper.add { keeper }` and
 * `keeper.remove { keeper }` (gov-event.ts), facilitators only, as for every other facilitator act
 * that is not a removal of a person (settings, roles). Every member's node follows the keeper
 * this state names (core/keeper/keeper-follow.ts); there is no per-device keeper any more.
 *
 * One keeper at a time: a second `keeper.add` while one is in place is refused, so two
 * facilitators adding different keepers at once resolve the same way on every peer (replay
 * order, governance-log.ts): the first stands, the other must remove it first. The history of
 * keepers is kept, so a removed keeper is known as removed (the Members screen, `keeper list`).
 */
import { errors } from '../errors.ts'
import type { Role } from '../model/write-rule.ts'

export interface KeeperRecord {
  /** the keeper's public key, hex */
  key: string
  /** its registration secret, hex: lets a member make the keeper take the group on (keeper-wire.ts) */
  register: string
  by: string
  at: number
  removed?: { by: string; at: number }
}

export type KeeperEvent =
  | { kind: 'keeper.add'; author: string; at: number; body: { keeper: string; register: string } }
  | { kind: 'keeper.remove'; author: string; at: number; body: { keeper: string } }

export class KeeperBook {
  /** Every keeper the group has had, in replay order; the current one is last and not removed. */
  readonly history: KeeperRecord[] = []

  /** The group's keeper now, or null. */
  get current(): KeeperRecord | null {
    const last = this.history.at(-1)
    return last && !last.removed ? last : null
  }

  apply(event: KeeperEvent, authorRole: Role | undefined): void {
    if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators add or remove the group’s keeper')
    const now = this.current
    if (event.kind === 'keeper.add') {
      if (now) throw errors.BLOCK_MALFORMED(now.key === event.body.keeper ? 'that keeper is already the group’s' : 'the group has a keeper; remove it first')
      this.history.push({ key: event.body.keeper, register: event.body.register, by: event.author, at: event.at })
      return
    }
    if (!now || now.key !== event.body.keeper) throw errors.BLOCK_MALFORMED('not the group’s keeper')
    now.removed = { by: event.author, at: event.at }
  }

  /** What a replay decided, for Governance.fingerprint(). */
  summary(): string {
    return this.history.map((k) => `${k.key}:${k.removed ? 'x' : ''}`).join(',')
  }
}
