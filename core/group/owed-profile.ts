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
import { memberDocId } from '../model/doc-id.ts'
import { MemberDoc } from '../model/member-doc.ts'
import type { OwnLogState } from '../store/own-log-guard.ts'
import type { GroupSpace } from './group-space.ts'

/** How often an owed profile whose log may not be written yet is looked at again. */
export const PROFILE_RETRY_MS = 1_000

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

/** What the owed profiles need of the registry (group-registry.ts). */
export interface ProfileHost {
  /** Whether `space` is the open space of the group and the profile is unlocked. */
  isOpen(groupId: string, space: GroupSpace): boolean
  /** This device's own log in the group. */
  ownLog(groupId: string): Promise<OwnLogView>
  now(): number
}

/**
 * The registry's owed profiles: looked at at every open of a space (a restart), every governance
 * change, and at the join (`joined`: no peer's answer waited for). One look at a time per space,
 * so the join's write and a governance change's never make two blocks (the second finds the log
 * no longer empty). A look that finds the profile owed but the log not writable yet is repeated
 * every PROFILE_RETRY_MS while the space is open.
 */
export class OwedProfiles {
  private readonly owing = new WeakMap<GroupSpace, Promise<void>>()
  private readonly later = new WeakSet<GroupSpace>()

  constructor(private readonly host: ProfileHost) {}

  write(groupId: string, space: GroupSpace, joined = false): Promise<void> {
    const running = this.owing.get(space)
    // The join looks again once a background look is over: that one may have waited for an answer.
    if (running) return joined ? running.catch(() => undefined).then(() => this.write(groupId, space, true)) : running
    const run = (async () => {
      if (!this.host.isOpen(groupId, space)) return
      const owed = owedProfile(space, await this.host.ownLog(groupId), !joined)
      if (owed === 'later') return this.again(groupId, space)
      if (owed === 'no' || !this.host.isOpen(groupId, space)) return
      const me = space.me
      await space.change(memberDocId(me), (doc) => new MemberDoc(doc, me).setProfile({ pseudonym: owed.pseudonym, status: 'active' }, this.host.now()))
    })().finally(() => this.owing.delete(space))
    this.owing.set(space, run)
    return run
  }

  /** A look in the background: a failure is dropped (the next open or governance change looks again). */
  look(groupId: string, space: GroupSpace): void {
    void this.write(groupId, space).catch(() => undefined)
  }

  /** The look under way in `space`, if any (tests wait for it without starting one). */
  running(space: GroupSpace): Promise<void> {
    return this.owing.get(space) ?? Promise.resolve()
  }

  private again(groupId: string, space: GroupSpace): void {
    if (this.later.has(space)) return
    this.later.add(space)
    const t = setTimeout(() => {
      this.later.delete(space)
      this.look(groupId, space)
    }, PROFILE_RETRY_MS)
    t.unref?.()
  }
}
