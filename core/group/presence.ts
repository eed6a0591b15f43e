/**
 * Presence privacy (issue 17): a member's own choice not to show as connected in one group, kept
 * in the personal doc `presence.<groupId>` (text "hidden"; never replicated).
 *
 * What the node then does: it still connects, authenticates and syncs (members who are never
 * online together must still reach each other's words), but right after authenticating it tells
 * each member's node "do not show me" (core/net/presence-announce.ts), and honest nodes leave it
 * out of "connected now" and do not record a last-seen time for it. Honest limit: the other
 * nodes still know the connection is there, and a new post shows the member was active; a
 * modified client could list it. It hides presence from the screens, not from the network.
 */
import type { PersonalDocs } from '../store/personal-docs.ts'

export const presenceDocName = (groupId: string): string => `presence.${groupId}`

export function isPresenceHidden(personal: Pick<PersonalDocs, 'read'>, groupId: string): boolean {
  try {
    return personal.read(presenceDocName(groupId)) === 'hidden'
  } catch {
    return false
  }
}

export async function setPresenceHidden(reg: { personal: Pick<PersonalDocs, 'write'> }, groupId: string, hidden: boolean, now: number): Promise<void> {
  await reg.personal.write(presenceDocName(groupId), hidden ? 'hidden' : 'shown', now)
}
