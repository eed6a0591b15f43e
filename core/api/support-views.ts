/**
 * What the contract returns for the support features (part of core/api.ts, which re-exports it):
 * personal tools, resources, meetings, self-care and the debrief. Types only.
 */

// ---- Support features (issue 8): personal tools, resources, meetings, self-care, debrief ----

/** The guided sections of the personal safety plan; each is optional free text. */
export type SafetyPlanSection = 'warningSigns' | 'safePlaces' | 'peopleToCall' | 'documents' | 'goBag' | 'codeWords'

export interface SafetyPlanView {
  sections: Record<SafetyPlanSection, string>
  /** null until anything was saved */
  updatedAt: number | null
}

export interface JournalEntryView {
  id: string
  /** When it happened, as the person wrote it: "YYYY-MM-DDTHH:MM" (local time, no zone). */
  occurredAt: string
  what: string
  witnesses: string
  /** Where evidence is kept (never the evidence itself). */
  evidence: string
  createdAt: number
  updatedAt: number
}

export type Mood = 'good' | 'okay' | 'low' | 'struggling'

/** One of my own check-ins (kept on this device); `sharedWith` names the groups it was shared with. */
export interface CheckInView {
  id: string
  at: number
  mood: Mood
  note: string
  sharedWith: string[]
}

/** A check-in a member chose to share with the group. */
export interface SharedCheckInView {
  memberId: string
  name: string
  at: number
  mood: Mood
  note: string
}

export interface TrainingModuleView {
  id: string
  title: string
  minutes: number
  summary: string
  sections: { heading: string; text: string }[]
  questions: string[]
  /** My own progress, kept on this device. */
  completedAt: number | null
  notes: string
}

/** What a member chose to share of their training with one group. */
export interface TrainingShareView {
  memberId: string
  name: string
  me: boolean
  completed: string[]
  /** Every module completed: prepared to facilitate. */
  prepared: boolean
}

export type ResourceCategory = 'legal' | 'counselling' | 'housing' | 'medical' | 'hotline' | 'financial'

export interface ResourceFields {
  category: ResourceCategory
  name: string
  region: string
  /** How to reach it: a phone number, an address, opening hours. */
  contact: string
  /** An https address, or null. */
  url: string | null
  notes: string
}

/** An entry of the group's curated directory (facilitators write it). */
export interface ResourceView extends ResourceFields {
  id: string
  addedBy: string
  /** Who suggested it, when it came from a member's suggestion. */
  suggestedBy: string | null
  at: number
}

/** A member's suggestion not yet added to the directory or set aside. */
export interface SuggestionView extends ResourceFields {
  /** "<memberId>:<itemId>" */
  id: string
  by: string
  mine: boolean
  at: number
}

export interface HotlineView {
  name: string
  phone: string | null
  text: string | null
  web: string | null
  hours: string
  /** Where the number was published (the organisation's own page). */
  source: string
}

export interface HotlineList {
  /** The date the list was compiled, YYYY-MM-DD. */
  compiled: string
  /** How it was compiled and what was not checked. */
  note: string
  countries: { country: string; emergency: string; lines: HotlineView[]; note: string | null }[]
}

export type MeetingMode = 'online' | 'in-person'
export type RsvpAnswer = 'yes' | 'maybe' | 'no'

export interface MeetingFields {
  title: string
  mode: MeetingMode
  /** ms since the epoch */
  startsAt: number
  minutes: number
  /** A room and address, or how to join online. Sealed under the group key like everything else. */
  place: string
  /** The facilitating member's id. */
  facilitator: string
  agenda: string
}

export interface MeetingView extends MeetingFields {
  id: string
  facilitatorName: string
  createdBy: string
  cancelled: boolean
  answers: Record<RsvpAnswer, number>
  mine: RsvpAnswer | null
  /** Names of the members who answered yes. */
  coming: string[]
}

export interface DebriefView {
  /** I am a facilitator now and hold the current debrief key. */
  canRead: boolean
  /** The facilitators holding the current key, by name. */
  holders: string[]
  entries: { id: string; by: string; at: number; text: string }[]
  /** Entries sealed under a key I do not hold (written before I facilitated, or after I stopped). */
  sealed: number
}
