/**
 * The role and removal rules of the governance replay (governance.ts): `member.remove` (waiting
 * for a second facilitator when the settings ask), `member.leave`, and `role.change`, with the
 * cut-off each records. For each device log of the affected member, blocks at index >= seen[log]
 * (0 when absent, never before the log's first index) no longer speak for the member (removal,
 * leave), or speak with the new role. Each rule either refuses (NOT_ALLOWED, BLOCK_MALFORMED)
 * before it changes anything, or applies in full, so every peer replaying the same events ends in
 * the same state (DESIGN.md §3.3).
 *
 * Moved out of governance.ts unchanged (2026-12-06): the replay keeps the state and calls these.
 */
import { errors } from '../errors.ts'
import type { Role } from '../model/write-rule.ts'
import type { Badge, GroupSettings } from './gov-event.ts'

/** Per device log: where it stops speaking for its member, and its role from which index on. */
export interface DeviceTerms {
  until?: number
  roles: { from: number; role: Role }[]
}

export interface RosterMember {
  role: Role
  badge?: Badge
  /** device log key (hex) → first block index it speaks for this member */
  devices: Map<string, number>
}

export type ExitReason = 'removed' | 'left'

/** The parts of a governance state these rules change. */
export interface Roster<M extends RosterMember> {
  readonly members: Map<string, M>
  readonly former: Map<string, M & { reason: ExitReason }>
  /** member → the facilitator whose removal waits for a second one */
  readonly pendingRemovals: Map<string, string>
  readonly terms: ReadonlyMap<string, DeviceTerms>
}

type Seen = Readonly<Record<string, number>>

function facilitators(members: ReadonlyMap<string, RosterMember>): number {
  let n = 0
  for (const m of members.values()) if (m.role === 'facilitator') n++
  return n
}

export function removeMember<M extends RosterMember>(r: Roster<M>, settings: GroupSettings, author: string, authorRole: Role | undefined, target: string, seen: Seen): void {
  if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators remove members')
  const m = r.members.get(target)
  if (!m) throw errors.BLOCK_MALFORMED('not a member')
  if (target === author) throw errors.BLOCK_MALFORMED('a member leaves rather than removing themselves')
  if (m.role === 'facilitator' && facilitators(r.members) <= 1) throw errors.NOT_ALLOWED('the last facilitator cannot be removed')
  if (settings.removalNeedsSecond) {
    const first = r.pendingRemovals.get(target)
    // The first facilitator's removal waits; the cut-off is the agreeing facilitator's (decisions.md).
    if (first === undefined || first === author) {
      r.pendingRemovals.set(target, author)
      return
    }
  }
  r.pendingRemovals.delete(target)
  cutOff(r, target, seen, 'removed')
}

/** `member.leave`: the author, a member, ends their own membership. */
export function leave<M extends RosterMember>(r: Roster<M>, author: string, seen: Seen): void {
  const me = r.members.get(author) as M
  if (me.role === 'facilitator' && facilitators(r.members) <= 1 && r.members.size > 1) {
    throw errors.NOT_ALLOWED('the last facilitator cannot leave while others remain; make someone else a facilitator first')
  }
  cutOff(r, author, seen, 'left')
}

/** Ends a membership at the cut-off `seen` gives each of its device logs. */
function cutOff<M extends RosterMember>(r: Roster<M>, member: string, seen: Seen, reason: ExitReason): void {
  const m = r.members.get(member) as M
  for (const [log, from] of m.devices) {
    const t = r.terms.get(log) as DeviceTerms
    const cut = Math.max(from, seen[log] ?? 0)
    t.until = t.until === undefined ? cut : Math.min(t.until, cut)
  }
  r.members.delete(member)
  r.former.set(member, { ...m, reason })
  for (const [target, by] of r.pendingRemovals) if (target === member || by === member) r.pendingRemovals.delete(target)
}

export function changeRole<M extends RosterMember>(r: Roster<M>, mode: 'survivor-led' | 'facilitated', authorRole: Role | undefined, body: { member: string; role: Role; badge?: Badge | undefined }, seen: Seen): void {
  if (authorRole !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators change roles')
  const m = r.members.get(body.member)
  if (!m) throw errors.BLOCK_MALFORMED('not a member')
  if (body.badge && (mode !== 'facilitated' || body.role !== 'facilitator')) throw errors.BLOCK_MALFORMED('badges are for facilitators of facilitated groups')
  if (m.role === body.role && m.badge === body.badge) throw errors.BLOCK_MALFORMED('no change')
  if (m.role === 'facilitator' && body.role !== 'facilitator' && facilitators(r.members) <= 1) throw errors.NOT_ALLOWED('the last facilitator cannot be made a member')
  for (const [log, from] of m.devices) {
    const t = r.terms.get(log) as DeviceTerms
    const last = t.roles[t.roles.length - 1]?.from ?? from
    // A later change never reaches back before an earlier one, so the history stays in order.
    t.roles.push({ from: Math.max(from, last, seen[log] ?? 0), role: body.role })
  }
  m.role = body.role
  if (body.badge) m.badge = body.badge
  else delete m.badge
}
