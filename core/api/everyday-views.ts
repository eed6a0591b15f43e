/**
 * What the contract returns for everyday use and exports (part of core/api.ts, which re-exports
 * it): the private line to the facilitators, what is new, rule templates, and exports. Types only.
 */

// ---- Safe by default and everyday use (issue 17) ----

/** What a member writes to the facilitators about. */
export type LineTopic = 'concern' | 'hidden-post' | 'safety-check' | 'other'

export interface LineMessageView {
  id: string
  /** Member id of the writer, and their name. */
  by: string
  byName: string
  at: number
  text: string
  topic: LineTopic | null
  /** The post or reply this is about ("<authorId>:<itemId>"), e.g. a hidden post. */
  about: string | null
  /** Written by a facilitator (an answer), not by the member whose line it is. */
  fromFacilitator: boolean
  mine: boolean
}

/**
 * One member's private line to the facilitators: sealed so that only that member and the
 * current facilitators read it. A facilitator who stops facilitating reads nothing written after.
 */
export interface LineThreadView {
  /** The member whose line it is. */
  member: string
  memberName: string
  messages: LineMessageView[]
  /** Messages sealed under a key I do not hold (before I facilitated, or after I stopped). */
  sealed: number
  /** The facilitators who hold the current key, by name. */
  holders: string[]
  /** The last message is the member's and no facilitator has answered it yet. */
  awaitingAnswer: boolean
  lastAt: number | null
}

/** Unread things in one group, counted from my last-read position (kept on this device only). */
export interface UnreadView {
  groupId: string
  /** When I last marked the group (or that section) read, ms; null when never. */
  lastReadAt: number | null
  /** Everything below, added up. */
  total: number
  /** Per section of the group screen. */
  sections: {
    /** Posts and replies by others in the conversations. */
    conversations: number
    /** Replies by others to my own words (also counted in `conversations`). */
    repliesToMe: number
    meetings: number
    resources: number
    decisions: number
    /** Private-line messages I can read, written by others (facilitators: every member's line). */
    privateLine: number
    /** Facilitators: invites made by others since I last looked (0 for members). */
    invites?: number
  }
  /** Conversations per topic id. */
  topics: Record<string, number>
}

export type UnreadSection = 'conversations' | 'meetings' | 'resources' | 'decisions' | 'privateLine' | 'invites'

/** A ground-rule template drawn from peer-support practice; facilitators start from one. */
export interface RuleTemplate {
  id: string
  title: string
  /** Who it suits, in a sentence. */
  summary: string
  /** One rule per item; numbered when shown. `setRules` takes them joined by newlines. */
  rules: string[]
}

type G = { groupId: string }

/** What an export writes: a sealed archive, or a readable file (anyone who opens it can read it). */
export type ExportFormat = 'archive' | 'html' | 'md' | 'json'

export interface ExportInput extends G {
  format: ExportFormat
  /** Where to write, chosen by the person (a save dialog in Electron, typed in the web host). */
  path: string
  /** Required for 'archive': the archive is sealed under a key derived from it. */
  archivePassphrase?: string
  /** Readable exports only: posts from this time (ms) ... */
  from?: number
  /** ... up to this time (ms). */
  to?: number
  topic?: string
  /** Readable exports only: include posts hidden by moderation (left out by default). */
  includeHidden?: boolean
  /**
   * Readable exports only: `mine` = only my own posts and replies; `group` (the default, as
   * before) = everyone's words, allowed by the group's `groupExport` setting (facilitators only
   * unless the group chose otherwise; NOT_ALLOWED otherwise) and recorded for every member to see.
   */
  scope?: ExportScope
  /**
   * Readable exports only: the language of Hearth's own words in the file (a BCP 47 tag, matched
   * on its primary subtag; one Hearth has no words in gives English). Members' words stay as
   * written; JSON and archives are the same whatever it is.
   */
  language?: string
}

export type ExportScope = 'mine' | 'group'

/** One readable export of the group's words, as its maker recorded it in their own signed doc. */
export interface ExportRecordView {
  id: string
  by: string
  byName: string
  at: number
  format: Exclude<ExportFormat, 'archive'>
  /** The time range and topic asked for, if any. */
  from: number | null
  to: number | null
  topic: string | null
  includeHidden: boolean
}

export interface ExportResult {
  path: string
  bytes: number
  /** Posts written (readable exports) or log blocks sealed (archives). */
  items: number
}
