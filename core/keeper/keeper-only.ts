/**
 * Keeper-only mode (issue 15): this device's own choice, for every group it is in, kept in the
 * personal doc `keeper-only` (text "on" or "off"; never replicated). On by default: a missing or
 * unreadable doc reads as on.
 *
 * What it does, in a group whose governance names a keeper: the member's node leaves the group's
 * topic (never announces itself, never looks anyone up), refuses and closes every member
 * connection, hosts no invite topic, and syncs through the keeper link alone. Other members, and
 * anyone on the topic, never learn its internet address; the keeper does. Cost: while the keeper
 * is unreachable nothing syncs, and the status says so (`keeper.only` in groupStatus) instead of
 * falling back to direct connections. In a group without a keeper the setting changes nothing:
 * there is nothing to go through, and saying so is the status's job.
 *
 * Joining is the exception, written down in docs/decisions.md: a newcomer has no keeper until it
 * has read governance, so it meets the one member who answers its invite directly.
 */
import type { PersonalDocs } from '../store/personal-docs.ts'

export const KEEPER_ONLY_DOC = 'keeper-only'

export function isKeeperOnly(personal: Pick<PersonalDocs, 'read'>): boolean {
  try {
    return personal.read(KEEPER_ONLY_DOC) !== 'off'
  } catch {
    return true
  }
}

export async function setKeeperOnly(personal: Pick<PersonalDocs, 'write'>, on: boolean, now: number): Promise<void> {
  await personal.write(KEEPER_ONLY_DOC, on ? 'on' : 'off', now)
}
