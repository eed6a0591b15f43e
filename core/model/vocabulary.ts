/**
 * The words a group's content is built from: topics (a group setting, these are the defaults),
 * supportive reactions, member statuses, and the size limits every view enforces on what peers
 * send. Keys are stable identifiers stored in docs; labels are what people read.
 */
export const DEFAULT_TOPICS = [
  { id: 'check-in', label: 'Check-in' },
  { id: 'story', label: 'Story' },
  { id: 'question', label: 'Question' },
  { id: 'advice', label: 'Advice & resources' },
  { id: 'celebration', label: 'Celebration' },
] as const

export const REACTIONS = {
  believe: 'I believe you',
  'not-alone': "You're not alone",
  strength: 'Sending strength',
  thanks: 'Thank you for sharing',
} as const
export type ReactionKind = keyof typeof REACTIONS
export const REACTION_KINDS = Object.keys(REACTIONS) as ReactionKind[]

export const MEMBER_STATUSES = ['active', 'stepping-back', 'away'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

export const LIMITS = {
  pseudonym: 64,
  postText: 20_000,
  contentWarning: 200,
  rulesText: 50_000,
  topicId: 32,
  topicLabel: 48,
  topics: 24,
  groupName: 80,
  personalText: 200_000,
} as const

export const TOPIC_ID = /^[a-z0-9][a-z0-9-]{0,31}$/

/** A decision's question, each option, and how many options (decisions.ts). */
export const DECISION_LIMITS = { text: 2_000, option: 200, minOptions: 2, maxOptions: 10 } as const
