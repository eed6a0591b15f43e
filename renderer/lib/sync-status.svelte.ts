/**
 * The honest sync state of one open group (DESIGN.md §4): read from core's `groupStatus` every
 * half second and whenever core reports a change, so the header never claims more than core knows and
 * shows a member arriving or leaving within 2 s of core learning it (issue 13). A read is a
 * cheap look at core's live connections, never a network round trip.
 * Polling stops when the group closes; a failed read shows as unknown rather than as the last
 * good answer, which could be stale.
 */
import type { GroupStatus, HearthApi } from '../../core/api.ts'
import { settle } from './call.ts'

/** Core marks a silent member within about 1.2 s (peer-hearing.ts); read twice a second so the line says so within 2 s. */
export const POLL_MS = 500

/**
 * `keeper`: no member connected now holds our latest words, but the group's keeper does (issue 15).
 * `keeper-down`: keeper-only mode is in force (core/keeper/keeper-only.ts) and the keeper cannot be
 * reached, so nothing syncs: said plainly, never as a quiet fallback to members.
 */
export type SyncState = 'offline' | 'local-only' | 'held' | 'keeper' | 'keeper-down'

export class SyncStatusController {
  status: GroupStatus | null = $state.raw(null)

  readonly #api: HearthApi
  readonly #groupId: string
  #timer: ReturnType<typeof setInterval> | null = null
  #reading = false

  constructor(api: HearthApi, groupId: string) {
    this.#api = api
    this.#groupId = groupId
  }

  get state(): SyncState | null {
    const s = this.status
    if (!s) return null
    if (!s.online) return 'offline'
    if (s.keeper?.only && !s.keeper.connected) return 'keeper-down'
    if (s.writesHeld) return 'held'
    return s.keeper?.holdsMine ? 'keeper' : 'local-only'
  }

  /**
   * Other members connected now and heard from, one entry per member however many connections
   * they have: a member with one device heard and one silent counts as heard.
   */
  get connected(): { memberId: string; name: string }[] {
    return this.#members((p) => p.notHeardSince === undefined)
  }

  /** Members still connected but not heard from for a moment (core/net/peer-hearing.ts), and not heard on any connection. */
  get notHeard(): { memberId: string; name: string }[] {
    const heard = this.connected.map((p) => p.memberId)
    return this.#members((p) => p.notHeardSince !== undefined && !heard.includes(p.memberId))
  }

  #members(keep: (p: GroupStatus['peers'][number]) => boolean): { memberId: string; name: string }[] {
    const peers = (this.status?.peers ?? []).filter(keep)
    return peers.filter((p, i) => peers.findIndex((q) => q.memberId === p.memberId) === i).map(({ memberId, name }) => ({ memberId, name }))
  }

  start(): void {
    if (this.#timer) return
    void this.refresh()
    this.#timer = setInterval(() => void this.refresh(), POLL_MS)
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }

  async refresh(): Promise<void> {
    // A read still in flight will bring the news; piling up calls on a slow node helps nobody.
    if (this.#reading) return
    this.#reading = true
    try {
      const r = await settle(this.#api.groupStatus({ groupId: this.#groupId }))
      this.status = r.ok ? r.value : null
    } finally {
      this.#reading = false
    }
  }
}
