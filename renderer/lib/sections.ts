/**
 * A group's sections, in the order the space shows them: five main ones in the row, the rest in
 * one "More" menu. The review queue is the facilitators' and only they see it listed.
 */
import type { UnreadSection, UnreadView } from '../../core/api.ts'

export type Section = 'feed' | 'rules' | 'members' | 'invites' | 'export' | 'review' | 'decisions' | 'rotation' | 'resources' | 'meetings' | 'care' | 'line'

export interface SectionEntry {
  id: Section
  label: string
  facilitators?: true
}

export const MAIN_SECTIONS: readonly SectionEntry[] = [
  { id: 'feed', label: 'Conversations' },
  { id: 'members', label: 'Members' },
  { id: 'meetings', label: 'Meetings' },
  { id: 'resources', label: 'Resources' },
  { id: 'care', label: 'Care' },
]

const MORE: readonly SectionEntry[] = [
  { id: 'line', label: 'Write to the facilitators' },
  { id: 'rules', label: 'Ground rules' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'rotation', label: 'Who holds the space' },
  { id: 'invites', label: 'Invites' },
  { id: 'export', label: 'Save a copy' },
  { id: 'review', label: 'Review', facilitators: true },
]

export function moreSections(facilitator: boolean): SectionEntry[] {
  return MORE.filter((s) => !s.facilitators || facilitator)
}

/** The sections core counts new things in, and the name core gives each. */
export const UNREAD_SECTION: Partial<Record<Section, UnreadSection>> = {
  feed: 'conversations', meetings: 'meetings', resources: 'resources', decisions: 'decisions', line: 'privateLine', invites: 'invites',
}

/** New items per section of the space, from core's count. */
export function unreadBySection(u: UnreadView | null): Partial<Record<Section, number>> {
  if (!u) return {}
  const out: Partial<Record<Section, number>> = {}
  for (const [section, name] of Object.entries(UNREAD_SECTION) as [Section, UnreadSection][]) out[section] = u.sections[name]
  return out
}

/** Where a section lives, for tests and helpers that need to open the menu first. */
export function isMainSection(id: Section): boolean {
  return MAIN_SECTIONS.some((s) => s.id === id)
}
