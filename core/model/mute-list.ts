/**
 * My mute and block list: personal, never replicated (DESIGN.md §3.2), kept as the text of the
 * personal doc `personal/mute` (core/store/personal-docs.ts, sealed under a profile subkey).
 * Layout version 1, JSON:
 *
 *   { "v": 1, "groups": { "<groupId>": { "<memberId>": "mute" | "block" } } }
 *
 * - mute: that member's posts and replies are left out of MY views (replies stay as an empty
 *   placeholder while others answered them, so a thread keeps its shape).
 * - block: mute, and their reactions are not counted in what I see either.
 * Neither is visible to anyone else, and neither stops them reading the group: that is what a
 * facilitator and removal are for. A damaged list reads as empty rather than failing the feed.
 */
import { isMemberId } from './doc-id.ts'

export const MUTE_DOC = 'mute'
export type MuteLevelSet = 'mute' | 'block'
type Groups = Record<string, Record<string, MuteLevelSet>>

const GROUP_ID = /^[0-9a-f]{32}$/
const MAX_ENTRIES = 10_000

export class MuteList {
  private constructor(private readonly groups: Groups) {}

  static parse(text: string | null): MuteList {
    const groups: Groups = {}
    if (text === null) return new MuteList(groups)
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      return new MuteList(groups)
    }
    if (typeof raw !== 'object' || raw === null) return new MuteList(groups)
    const { v, groups: g } = raw as { v?: unknown; groups?: unknown }
    if (v !== 1 || typeof g !== 'object' || g === null || Array.isArray(g)) return new MuteList(groups)
    let n = 0
    for (const [groupId, entries] of Object.entries(g)) {
      if (!GROUP_ID.test(groupId) || typeof entries !== 'object' || entries === null) continue
      for (const [member, level] of Object.entries(entries as Record<string, unknown>)) {
        if (!isMemberId(member) || (level !== 'mute' && level !== 'block') || n++ >= MAX_ENTRIES) continue
        ;(groups[groupId] ??= {})[member] = level
      }
    }
    return new MuteList(groups)
  }

  levelOf(groupId: string, member: string): MuteLevelSet | null {
    return this.groups[groupId]?.[member] ?? null
  }

  entries(groupId: string): [string, MuteLevelSet][] {
    return Object.entries(this.groups[groupId] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))
  }

  /** A new list with one member's level changed ('none' takes them off). */
  with(groupId: string, member: string, level: MuteLevelSet | 'none'): MuteList {
    const groups: Groups = Object.fromEntries(Object.entries(this.groups).map(([g, e]) => [g, { ...e }]))
    const entries = (groups[groupId] ??= {})
    if (level === 'none') delete entries[member]
    else entries[member] = level
    if (Object.keys(entries).length === 0) delete groups[groupId]
    return new MuteList(groups)
  }

  serialize(): string {
    return JSON.stringify({ v: 1, groups: this.groups })
  }
}
