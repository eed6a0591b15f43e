/**
 * The profile a member's device owes the group (session 14, profile): its first block.
 *
 * Why it matters: a newcomer's first sync waits until every device log governance names has told
 * a length > 0 (first-sync.ts `complete`: 0 cannot be told apart from "a peer that does not hold
 * it"). A device that governance names but whose log stays empty therefore holds every later
 * newcomer's history as "arriving". A join writes the profile only if governance names the device
 * before its wait ends (invitations.ts); a join that ended unsynced, or a restart in between, left
 * nothing that wrote it later, so a member who only reads held every later newcomer for ever.
 *
 * Owed, exactly: governance names this device's log and its member as a current member (not
 * removed, not left; the log not cut off at block 0), and the log is still empty. Only then, and
 * only where the own-log guard lets it write (own-log-guard.ts: not `behind`, not `unconfirmed`).
 * A write nobody asked for (at an open, at a governance change) also waits until a connected peer
 * has told its length of this log (`needsAnswer`): the guard lets an empty log the own-log record
 * does not know write at once, as a new one, but a profile folder put back from a copy taken
 * before the first block, or moved, holds just such a log while its original may have written
 * block 0 since; another block 0 would fork the member's own log, and a write at the open comes
 * before any peer could say so. A peer that holds more makes the log `behind` (its blocks then
 * arrive and nothing is owed). The join writes at once, as before: its log was made by that join.
 * The block is the join's own write (`setProfile`, status active, the pseudonym governance holds
 * from the admission), so a device that wrote at its join and one that writes later are alike.
 */
import type { OwnLogState } from '../store/own-log-guard.ts'
import type { GroupSpace } from './group-space.ts'

/** What the owed profile needs of this device's own log (core/store/device-log.ts). */
export interface OwnLogView {
  state(): OwnLogState
  /** Whether a connected peer has told its length of this log. */
  answered(): boolean
}

/**
 * `'no'`: nothing is owed (the log has a block, governance does not name this device as a
 * current member's, or the space is locked); `'later'`: owed, but the log may not be written yet;
 * else the pseudonym to write.
 */
export function owedProfile(space: GroupSpace, log: OwnLogView, needsAnswer: boolean): 'no' | 'later' | { pseudonym: string } {
  if (!space.keys || space.groupId === null || space.own.length > 0) return 'no'
  const gov = space.governance
  const key = space.own.key
  const member = gov.members.get(space.me)
  if (!member?.devices.has(key) || gov.speaksUntil(key) <= 0) return 'no'
  if (log.state().state !== 'ok' || (needsAnswer && !log.answered())) return 'later'
  return { pseudonym: member.pseudonym }
}
