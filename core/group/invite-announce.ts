/**
 * Which invites members announce on their invite topics (DESIGN.md §3.4), and until when.
 *
 * A live invite is announced, so any online member can admit with it. Once it dies:
 *  - used up or expired: announced for DEAD_INVITE_GRACE_MS more, so someone arriving with it
 *    soon after hears the matching refusal (INVITE_USED_UP, INVITE_EXPIRED) instead of "no member
 *    reachable" (issue 4). After that an old code finds nobody, so it stops locating members;
 *  - withdrawn: never announced again. Withdrawing is how a member stops a code that reached the
 *    wrong person, and a refusal is not worth telling that person where the members are.
 * An approval invite whose approved newcomer may still come back for the welcome stays
 * announced until it expires or is withdrawn (approving can take its last use).
 */
import type { InviteState } from './invite-rules.ts'
import { isLive } from './join.ts'

export const DEAD_INVITE_GRACE_MS = 24 * 3_600_000

export function shouldAnnounce(invite: InviteState, requests: Iterable<{ inviteId: string; status: string }>, now: number): boolean {
  if (isLive(invite, now) === null) return true
  if (invite.revoked) return false
  if (now > invite.expiresAt) return now <= invite.expiresAt + DEAD_INVITE_GRACE_MS
  for (const r of requests) if (r.inviteId === invite.id && r.status === 'admitted') return true
  return invite.usedUpAt !== undefined && now <= invite.usedUpAt + DEAD_INVITE_GRACE_MS
}

/** The next moment an answer of shouldAnnounce may change by time alone, if any (ms). */
export function nextAnnounceChange(invites: Iterable<InviteState>, now: number): number | null {
  let next: number | null = null
  const consider = (t: number): void => {
    if (t > now && (next === null || t < next)) next = t
  }
  for (const i of invites) {
    if (i.revoked) continue
    consider(i.expiresAt + 1)
    consider(i.expiresAt + DEAD_INVITE_GRACE_MS + 1)
    if (i.usedUpAt !== undefined) consider(i.usedUpAt + DEAD_INVITE_GRACE_MS + 1)
  }
  return next
}
