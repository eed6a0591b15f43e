/** What a member's own node says about another member, for the status tests (not-heard, arrival). */
import type { Peer } from '../../helpers/peer.ts'

export type PeerEntry = { memberId: string; since: number; notHeardSince?: number }

/** `memberId`'s entry in `p`'s groupStatus, if connected. */
export async function entryOf(p: Peer, groupId: string, memberId: string): Promise<PeerEntry | undefined> {
  return (await p.ok('groupStatus', { groupId })).peers.find((x) => x.memberId === memberId)
}

/** This peer's own member id in the group. */
export async function ownId(p: Peer, groupId: string): Promise<string> {
  const me = (await p.ok('members', { groupId })).find((m) => m.me)
  if (!me) throw new Error('no own member entry')
  return me.id
}
