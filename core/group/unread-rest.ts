/**
 * Unread counts of groups whose docs rest (issue 19). Counting reads every doc of a group, so the
 * groups screen's counts used to wake every resting group, and a post in one group woke them all.
 * A group is counted once, just before its docs rest (doc-rest.ts), and the counts are kept in
 * memory with what they were counted against: the group's last-read positions and the mute list
 * (both personal docs; a muted member's words do not count; only this group's mutes). They answer while the docs still rest
 * and both are unchanged. Any change to the group — a block ingested while resting, governance —
 * drops them, so the next count wakes that group alone. Never written anywhere; gone at lock.
 */
import type { UnreadView } from '../api.ts'
import { lastReadDocName } from '../model/last-read.ts'
import { MUTE_DOC, MuteList } from '../model/mute-list.ts'
import type { GroupSpace } from './group-space.ts'
import type { PersonalReader } from './reader-source.ts'

export class RestingUnread {
  private readonly kept = new Map<string, { view: UnreadView; basis: string }>()

  /** `count`: the group's counts read from its awake docs (unread-of.ts). */
  constructor(
    private readonly personal: PersonalReader,
    private readonly count: (space: GroupSpace) => UnreadView,
  ) {}

  /** Counts the group from its docs, just before they rest. */
  keep(groupId: string, space: GroupSpace): void {
    try {
      this.kept.set(groupId, { view: this.count(space), basis: this.basis(groupId) })
    } catch {
      this.kept.delete(groupId) // not countable now (no governance yet): counted when asked
    }
  }

  /** The kept counts, while the group's docs rest and nothing they were counted against changed. */
  get(groupId: string, space: GroupSpace): UnreadView | null {
    const k = this.kept.get(groupId)
    if (!k || !space.docs.isResting || k.basis !== this.basis(groupId)) return null
    return k.view
  }

  /** The group changed: its counts are counted again from its docs. */
  drop(groupId: string): void {
    this.kept.delete(groupId)
  }

  clear(): void {
    this.kept.clear()
  }

  private basis(groupId: string): string {
    // Only this group's mutes: muting someone in one group leaves the others' counts alone.
    return JSON.stringify([this.personal.read(lastReadDocName(groupId)), MuteList.parse(this.personal.read(MUTE_DOC)).entries(groupId)])
  }
}
