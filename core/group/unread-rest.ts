/**
 * Unread counts of groups whose docs rest (issue 19). Counting reads every doc of a group, so the
 * groups screen's counts used to wake every resting group, and a post in one group woke them all.
 * A group is counted once, just before its docs rest (doc-rest.ts), and the counts are kept in
 * memory with what they were counted against: the group's last-read positions and the mute list
 * (both personal docs; a muted member's words do not count; only this group's mutes). They answer while the docs still rest
 * and both are unchanged. Any change to the group — a block ingested while resting, governance —
 * drops them, so the next count wakes that group alone.
 *
 * For the next unlock they are also kept sealed on disk (core/store/unread-file.ts) with the head
 * of the checkpoint write they were counted from. A group opened at unlock rests on its checkpoint
 * (the lazy open); when that is still the very write and the open read no block past it, its docs
 * are exactly what was counted, and the kept counts answer again (`load`).
 */
import type { UnreadView } from '../api.ts'
import { equalBytes, hash } from '../crypto/hash.ts'
import { wipe } from '../crypto/wipe.ts'
import { lastReadDocName } from '../model/last-read.ts'
import { MUTE_DOC, MuteList } from '../model/mute-list.ts'
import { writeCheckpoint } from '../store/checkpoint-file.ts'
import { encodeCounts, readCounts } from '../store/unread-file.ts'
import type { GroupSpace } from './group-space.ts'
import type { PersonalReader } from './reader-source.ts'

/** Where a group's counts are kept for the next unlock, and their key (a copy; wiped after use). */
export interface CountsFiles {
  file(groupId: string): string
  key(groupId: string): Uint8Array
}

export class RestingUnread {
  private readonly kept = new Map<string, { view: UnreadView; basis: string }>()
  private readonly writes = new Set<Promise<unknown>>()

  /** `count`: the group's counts read from its awake docs (unread-of.ts). */
  constructor(
    private readonly personal: PersonalReader,
    private readonly count: (space: GroupSpace) => UnreadView,
    private readonly files: CountsFiles | null = null,
  ) {}

  /** Counts the group from its docs, just before they rest on the checkpoint write whose head is `head`. */
  keep(groupId: string, space: GroupSpace, head?: Uint8Array): void {
    let k: { view: UnreadView; basis: string }
    try {
      k = { view: this.count(space), basis: this.basis(groupId) }
    } catch {
      this.kept.delete(groupId) // not countable now (no governance yet): counted when asked
      return
    }
    this.kept.set(groupId, k)
    if (head && this.files) this.write(groupId, (key) => encodeCounts({ head, basis: hashOf(k.basis), view: k.view }, key))
  }

  /**
   * At unlock: the counts kept with the checkpoint write `head` the group was just opened resting
   * on, with no block read past it. Kept again if counted against the same last-read positions
   * and mutes as now.
   */
  async load(groupId: string, head: Uint8Array): Promise<void> {
    if (!this.files) return
    const key = this.files.key(groupId)
    const c = await readCounts(this.files.file(groupId), key).finally(() => wipe(key))
    const basis = this.basis(groupId)
    if (c && equalBytes(c.head, head) && equalBytes(c.basis, hashOf(basis)) && c.view.groupId === groupId) this.kept.set(groupId, { view: c.view, basis })
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

  /** Lock: nothing kept from now on; resolves once writes in flight are done. */
  clear(): Promise<unknown> {
    this.kept.clear()
    return Promise.allSettled(this.writes)
  }

  private write(groupId: string, seal: (key: Uint8Array) => Uint8Array): void {
    if (!this.files) return
    const key = this.files.key(groupId)
    let sealed: Uint8Array
    try {
      sealed = seal(key)
    } finally {
      wipe(key)
    }
    // A failed write costs a wake at the next unlock only.
    const w = writeCheckpoint(this.files.file(groupId), sealed).catch(() => undefined).finally(() => this.writes.delete(w))
    this.writes.add(w)
  }

  private basis(groupId: string): string {
    // Only this group's mutes: muting someone in one group leaves the others' counts alone.
    return JSON.stringify([this.personal.read(lastReadDocName(groupId)), MuteList.parse(this.personal.read(MUTE_DOC)).entries(groupId)])
  }
}

const hashOf = (basis: string): Uint8Array => hash(new TextEncoder().encode(basis))
