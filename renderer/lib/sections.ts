/**
 * A group's sections, in the order the space shows them: five main ones in the row, the rest in
 * one "More" menu. The review queue is the facilitators' and only they see it listed.
 */
import type { Section } from './group-space.svelte.ts'

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

/** Where a section lives, for tests and helpers that need to open the menu first. */
export function isMainSection(id: Section): boolean {
  return MAIN_SECTIONS.some((s) => s.id === id)
}
