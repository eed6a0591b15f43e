/**
 * A group's sections, in the order the space shows them: five main ones in the row, the rest in
 * one "More" menu. The review queue is the facilitators' and only they see it listed.
 */
import type { UnreadSection, UnreadView } from '../../core/api.ts'
import type { MessageKey } from '../i18n/locale.svelte.ts'

export type Section = 'feed' | 'rules' | 'members' | 'invites' | 'export' | 'review' | 'decisions' | 'rotation' | 'resources' | 'meetings' | 'care' | 'line'

export interface SectionEntry {
  id: Section
  /** Its name, a catalogue key. */
  label: MessageKey
  facilitators?: true
}

export const MAIN_SECTIONS: readonly SectionEntry[] = [
  { id: 'feed', label: 'section.feed' },
  { id: 'members', label: 'section.members' },
  { id: 'meetings', label: 'section.meetings' },
  { id: 'resources', label: 'section.resources' },
  { id: 'care', label: 'section.care' },
]

const MORE: readonly SectionEntry[] = [
  { id: 'line', label: 'section.line' },
  { id: 'rules', label: 'section.rules' },
  { id: 'decisions', label: 'section.decisions' },
  { id: 'rotation', label: 'section.rotation' },
  { id: 'invites', label: 'section.invites' },
  { id: 'export', label: 'section.export' },
  { id: 'review', label: 'section.review', facilitators: true },
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
