/**
 * What the contract returns about a group's feed (part of core/api.ts, which re-exports it): its
 * posts and replies as one reader sees them, why one of mine is hidden, and whether this device
 * may be missing its own words. Types only.
 */

/**
 * A moderation reason in parts, so each front end words it in its reader's language; `label`
 * beside it keeps core's English for the CLI.
 */
export interface ReasonView {
  /** The ground rule's number, or null for "something else, not one of the rules". */
  rule: number | null
  /** The number counts from the current rules (false: from an earlier version of them). */
  current: boolean
  /** That rule's words as the group wrote them, cut to 80 characters; null unless `current`. */
  words: string | null
}

/**
 * Why one of my posts or replies is hidden from everyone else. Only its author (and facilitators,
 * in the queue) see this; everyone else simply does not see the item.
 */
export interface HiddenNotice {
  by: 'flags' | 'facilitator'
  /** Plain-words reasons with how many flags gave each (for `facilitator`, the one reason given). */
  reasons: ({ label: string; count: number } & ReasonView)[]
  /** A facilitator's note, if they wrote one. */
  note: string | null
  /** Passed on for removal review. */
  escalated: boolean
}

export interface FeedReply {
  /** "<authorId>:<itemId>" */
  id: string
  author: string
  authorName: string
  text: string
  createdAt: number
  editedAt: number | null
  /** A deleted reply stays as a placeholder only while it has replies of its own. */
  deleted: boolean
  /** reaction kind → how many members chose it */
  reactions: Record<string, number>
  /** the reaction kinds I chose */
  mine: string[]
  replies: FeedReply[]
  /** Not shown to me (text empty), kept as a placeholder only while it has replies: hidden pending review, or I muted its author. */
  withheld?: 'moderation' | 'muted'
  /** Mine and hidden from everyone else: why. */
  hidden?: HiddenNotice
  /** The reason I flagged it with, if I did. */
  myFlag?: string
  /** Written by someone else after I last read the group. */
  isNew?: boolean
  /** An answer to my own words (its parent, or the post it answers, is mine). */
  toMe?: boolean
}

export interface FeedPost {
  id: string
  author: string
  authorName: string
  topic: string
  text: string
  /** Content warning: when set, front ends keep the text collapsed until the reader opens it. */
  cw: string | null
  createdAt: number
  editedAt: number | null
  replyCount: number
  reactions: Record<string, number>
  mine: string[]
  replies: FeedReply[]
  /** Mine and hidden from everyone else: why. */
  hidden?: HiddenNotice
  /** The reason I flagged it with, if I did. */
  myFlag?: string
  /** Written by someone else after I last read the group. */
  isNew?: boolean
  /** Replies by others to my words anywhere in this thread, and how many of them are new. */
  repliesToMe?: number
  newRepliesToMe?: number
}

export interface FeedPage {
  posts: FeedPost[]
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: string | null
  /**
   * A newcomer's first page while the group's history still arrives: the newest posts, each one
   * a full read shows too, no older page yet; empty until that can be said (tail-preview.ts).
   */
  preview?: true
  /**
   * With `marks`: when I last marked the conversations read (ms), or null if never; posts and
   * replies by others created after it (everything, when never) are "new since you were here"
   * (`FeedPost.isNew`, `FeedReply.isNew`).
   */
  lastReadAt?: number | null
  /** Present only when this device may be missing its own words here, so a short feed is never silent. */
  ownLog?: OwnLogStatus
}

/**
 * Why this device does not write in a group for now (core/store/own-log-guard.ts): `behind`, its
 * store lost some of its own blocks (damage, a rollback) and fetches them back from peers;
 * `unconfirmed`, the profile was moved or restored and waits for a peer to show how long its log is.
 */
export interface OwnLogStatus {
  state: 'behind' | 'unconfirmed'
  /** Blocks of our own log this device holds. */
  have: number
  /** With `behind`: how many it is known to have written. */
  expected?: number
  /** A damaged write-ahead log was kept whole here (in the profile folder) before the rest was recovered. */
  damagedCopy?: string
}
