/**
 * The last-seen times of one online group (group-online.ts): when each member was last
 * connected, learned from the swarm's peer-down events and kept across restarts in a
 * LastSeenStore (last-seen.ts) when one is given. A member who asked not to be shown leaves no
 * last-seen time; members connected at this moment count as seen now.
 *
 * Moved out of group-online.ts unchanged (2026-12-06), to keep that file to its logs.
 */
import type { AuthenticatedPeer, GroupSwarm } from '../net/group-swarm.ts'
import type { LastSeenStore } from './last-seen.ts'

export class LastSeenWatch {
  private readonly seen = new Map<string, number>()

  /** `shown`: the members connected now, but those who asked not to be shown. */
  constructor(private readonly store: LastSeenStore | null, private readonly shown: () => AuthenticatedPeer[]) {
    for (const [id, at] of store?.load() ?? []) this.seen.set(id, at)
  }

  /** Follows the swarm's members coming and going, saving soon after each change. */
  watch(swarm: GroupSwarm): void {
    swarm.on('peer-down', (p) => {
      // A member who asked not to be shown leaves no last-seen time either.
      if (p.hidden) return
      this.seen.set(p.memberId, Date.now())
      this.store?.soon(this.lastSeen())
    })
    swarm.on('peer-up', () => this.store?.soon(this.lastSeen()))
    // A member who asks not to be shown, right after connecting: the pending save (the newest
    // value wins) no longer names them.
    swarm.on('peer-presence', () => this.store?.soon(this.lastSeen()))
  }

  /** When the keeper with this key (hex) was last reached, as kept across restarts, or null. */
  keeperReached(key: string): number | null {
    return this.store?.keeperReached(key) ?? null
  }

  /** The keeper was reached now: kept with the next save. */
  noteKeeper(key: string, at: number): void {
    if (!this.store) return
    this.store.noteKeeper(key, at)
    this.store.soon(this.lastSeen())
  }

  /** Keeps the last-seen times now. */
  saveNow(): Promise<void> {
    return this.store?.saveNow(this.lastSeen()) ?? Promise.resolve()
  }

  /** When each member was last connected (ms). */
  lastSeen(): Map<string, number> {
    const out = new Map(this.seen)
    for (const p of this.shown()) out.set(p.memberId, Date.now())
    return out
  }
}
