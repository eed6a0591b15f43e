/**
 * When each member of a group was last connected to this device, kept across restarts (the sync
 * status, DESIGN.md §4: "who was last seen when"). Stored as the personal doc
 * `last-seen.<groupId>` (core/store/personal-docs.ts): sealed under the profile's personal key,
 * in the log that is never announced or replicated, so it stays on this device like a journal.
 *
 * Content, version 1 (the doc's text): JSON { "v": 1, "seen": { "<memberId>": <ms> },
 *   "keeper": { "<keeper public key hex>": <ms> } }: "keeper" (optional, added 2026-12-06) is when
 * this device's link last reached each of the group's keepers (core/keeper/keeper-link.ts).
 * A damaged or unknown text reads as "never seen" — it only feeds a status line.
 *
 * Writes are appends to the personal log, at most one per SAVE_EVERY_MS while members come and
 * go, and one when the group goes offline or the profile locks (sealed before the key goes).
 */
import type { PersonalDocs } from '../store/personal-docs.ts'

export const SAVE_EVERY_MS = 10_000
const MEMBER_ID = /^[0-9a-f]{64}$/

export const lastSeenDocName = (groupId: string): string => `last-seen.${groupId}`

export class LastSeenStore {
  private timer: NodeJS.Timeout | null = null
  private latest: Map<string, number> | null = null
  private saved = ''
  /** keeper public key hex → when this device last reached it (ms) */
  private readonly keepers = new Map<string, number>()

  constructor(
    private readonly personal: Pick<PersonalDocs, 'read' | 'write'>,
    private readonly groupId: string,
    private readonly now: () => number,
  ) {}

  /** What was stored, or nothing when it is missing or unreadable. */
  load(): Map<string, number> {
    const out = new Map<string, number>()
    let text: string | null = null
    try {
      text = this.personal.read(lastSeenDocName(this.groupId))
      this.saved = text ?? ''
      const parsed = text ? (JSON.parse(text) as unknown) : null
      if (!parsed || typeof parsed !== 'object' || (parsed as { v?: unknown }).v !== 1) return out
      const keeper = (parsed as { keeper?: unknown }).keeper
      if (keeper && typeof keeper === 'object') for (const [key, at] of Object.entries(keeper)) if (MEMBER_ID.test(key) && Number.isSafeInteger(at) && (at as number) > 0) this.keepers.set(key, at as number)
      const seen = (parsed as { seen?: unknown }).seen
      if (!seen || typeof seen !== 'object') return out
      for (const [id, at] of Object.entries(seen)) if (MEMBER_ID.test(id) && Number.isSafeInteger(at) && (at as number) > 0) out.set(id, at as number)
    } catch {
      // not ours to repair: a status line starts again from "never seen"
    }
    return out
  }

  /** When this device last reached the keeper with this key (hex), as stored, or null. */
  keeperReached(key: string): number | null {
    return this.keepers.get(key) ?? null
  }

  /** Notes that the keeper was reached now; saved with the next save of `seen`. */
  noteKeeper(key: string, at: number): void {
    this.keepers.set(key, at)
  }

  /** Saves `seen` within SAVE_EVERY_MS (the newest value wins). */
  soon(seen: Map<string, number>): void {
    this.latest = new Map(seen)
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.writeLatest()
    }, SAVE_EVERY_MS)
    this.timer.unref?.()
  }

  /**
   * Saves `seen` now. The block is sealed before this returns (PersonalDocs.write seals before
   * its first await), so calling it just before the profile's keys are dropped is enough.
   */
  saveNow(seen: Map<string, number>): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.latest = new Map(seen)
    return this.writeLatest()
  }

  private writeLatest(): Promise<void> {
    const seen = this.latest
    this.latest = null
    if (!seen) return Promise.resolve()
    const sorted = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)))
    const text = JSON.stringify({ v: 1, seen: sorted(seen), ...(this.keepers.size ? { keeper: sorted(this.keepers) } : {}) })
    if (text === this.saved) return Promise.resolve()
    this.saved = text
    try {
      return this.personal.write(lastSeenDocName(this.groupId), text, this.now()).catch(() => undefined)
    } catch {
      return Promise.resolve() // locked meanwhile: the previous value stays
    }
  }
}
