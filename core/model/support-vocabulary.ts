/**
 * The words and limits of the support features (issue 8): safety-plan sections, moods, resource
 * categories, meeting modes and RSVP answers, with the labels people read. Keys are stable
 * identifiers stored in docs; labels may change.
 */
import type { Mood, MeetingMode, ResourceCategory, RsvpAnswer, SafetyPlanSection } from '../api.ts'

export const SAFETY_PLAN_SECTIONS: readonly { id: SafetyPlanSection; label: string; hint: string }[] = [
  { id: 'warningSigns', label: 'Warning signs', hint: 'Things that tell you danger may be rising.' },
  { id: 'safePlaces', label: 'Safe places', hint: 'Where you could go at short notice, and how you would get there.' },
  { id: 'peopleToCall', label: 'People to call', hint: 'People and services you trust, and how to reach them.' },
  { id: 'documents', label: 'Documents to keep ready', hint: 'Papers you would need, and where copies are kept.' },
  { id: 'goBag', label: 'Go-bag list', hint: 'What to pack if you have to leave quickly.' },
  { id: 'codeWords', label: 'Code words', hint: 'Words you agreed with people you trust, and what each one means.' },
]
export const SAFETY_PLAN_IDS = SAFETY_PLAN_SECTIONS.map((s) => s.id) as [SafetyPlanSection, ...SafetyPlanSection[]]

export const MOODS: Record<Mood, string> = { good: 'Good', okay: 'Okay', low: 'Low', struggling: 'Struggling' }
export const MOOD_IDS = Object.keys(MOODS) as [Mood, ...Mood[]]

export const RESOURCE_CATEGORIES: Record<ResourceCategory, string> = {
  legal: 'Legal aid',
  counselling: 'Counselling and therapy',
  housing: 'Housing and shelter',
  medical: 'Medical',
  hotline: 'Hotlines',
  financial: 'Financial help',
}
export const RESOURCE_CATEGORY_IDS = Object.keys(RESOURCE_CATEGORIES) as [ResourceCategory, ...ResourceCategory[]]

export const MEETING_MODES: Record<MeetingMode, string> = { online: 'Online', 'in-person': 'In person' }
export const MEETING_MODE_IDS = Object.keys(MEETING_MODES) as [MeetingMode, ...MeetingMode[]]
export const RSVP_ANSWERS: Record<RsvpAnswer, string> = { yes: 'Coming', maybe: 'Maybe', no: 'Not coming' }
export const RSVP_IDS = Object.keys(RSVP_ANSWERS) as [RsvpAnswer, ...RsvpAnswer[]]

export const SUPPORT_LIMITS = {
  section: 10_000,
  journalText: 20_000,
  journalEntries: 5_000,
  checkInNote: 1_000,
  checkIns: 2_000,
  trainingNotes: 10_000,
  resourceName: 120,
  resourceRegion: 120,
  resourceContact: 500,
  resourceNotes: 2_000,
  url: 500,
  resources: 1_000,
  meetingTitle: 120,
  meetingPlace: 500,
  agenda: 5_000,
  meetingMinutes: 24 * 60,
  debriefText: 10_000,
  path: 4_096,
} as const

/** "YYYY-MM-DDTHH:MM", as a datetime-local field gives it. */
export const LOCAL_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/
/** Item ids inside support docs: 16 lowercase hex characters, like posts. */
export const ITEM_ID = /^[0-9a-f]{16}$/
