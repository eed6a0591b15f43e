/**
 * Where I last read each group, per section: the personal doc `last-read.<groupId>` (sealed
 * under the profile's personal key in the log that is never replicated, like last-seen), so what
 * I read is nobody's business but mine and never reaches another member.
 *
 * Content, version 1 (the doc's text): JSON { "v": 1, "at": { "<section>": ms } }, sections
 * conversations, meetings, resources, decisions, privateLine, invites. A missing section counts from the
 * time I joined (the caller passes it); a damaged text reads as "never read", which only makes
 * counts larger, never hides anything.
 */
import type { UnreadSection } from '../api.ts'

export const UNREAD_SECTIONS = ['conversations', 'meetings', 'resources', 'decisions', 'privateLine', 'invites'] as const satisfies readonly UnreadSection[]
export type LastRead = Partial<Record<UnreadSection, number>>

export const lastReadDocName = (groupId: string): string => `last-read.${groupId}`

export function parseLastRead(text: string | null): LastRead {
  const out: LastRead = {}
  try {
    const p = text ? (JSON.parse(text) as { v?: unknown; at?: unknown }) : null
    if (!p || p.v !== 1 || !p.at || typeof p.at !== 'object') return out
    for (const s of UNREAD_SECTIONS) {
      const v = (p.at as Record<string, unknown>)[s]
      if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) out[s] = v
    }
  } catch {
    // a damaged position reads as "never read"
  }
  return out
}

/** Moves the given sections (all when none) forward to `upTo`; a position never moves back. */
export function markRead(was: LastRead, upTo: number, section?: UnreadSection): LastRead {
  const out: LastRead = { ...was }
  for (const s of section ? [section] : UNREAD_SECTIONS) out[s] = Math.max(out[s] ?? 0, upTo)
  return out
}

export function serializeLastRead(r: LastRead): string {
  return JSON.stringify({ v: 1, at: Object.fromEntries(UNREAD_SECTIONS.filter((s) => r[s] !== undefined).map((s) => [s, r[s]])) })
}
