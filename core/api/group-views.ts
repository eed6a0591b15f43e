/**
 * What the contract returns about a profile and a group (part of core/api.ts, which re-exports
 * it): the profile's state, a group's settings, feed, members, moderation, governance, invites and
 * connection status. Types only.
 */
import type { WebrtcStatus } from './webrtc-views.ts'

export interface ProfileStatus {
  /** A vault file exists in the profile folder. */
  exists: boolean
  /** Keys are in memory. */
  unlocked: boolean
  /** Milliseconds until another unlock attempt is accepted (0 when none is pending). */
  retryAfterMs: number
  /**
   * Present when there is no vault file but the folder holds a profile's data (its group store,
   * checkpoints…): the vault was lost. Creating a profile here is refused (VAULT_MISSING); the
   * names are what was found, for saying so.
   */
  vaultMissing?: string[]
}

/**
 * Why the profile was locked. `quick-exit` comes from the quick-exit button or hotkey, `system`
 * from the computer going to sleep or its screen locking.
 */
export type LockReason = 'user' | 'idle' | 'system' | 'quick-exit' | 'destroyed'

export type GroupMode = 'survivor-led' | 'facilitated'
export type Role = 'facilitator' | 'member'
export type MemberStatus = 'active' | 'stepping-back' | 'away'
/** A facilitator's profession, shown in facilitated groups. */
export type Badge = 'counsellor' | 'advocate'
/** Whether this device's member is still in a group: removed or left means it keeps what it had and gets nothing new. */
export type Membership = 'member' | 'removed' | 'left'

export interface GroupSummary {
  id: string
  name: string
  role: Role
  mode: GroupMode
}

export interface Labelled {
  id: string
  label: string
}

export interface RulesView {
  version: number
  text: string
  at: number
  by: string
  byName: string
  acceptedByMe: boolean
  /** The rules as numbered items (each non-empty line; item 0 is rule 1): what a flag's reason names. */
  items?: string[]
}

export interface GroupInfo extends GroupSummary {
  /** My member id in this group (my per-group public key, hex). */
  me: string
  topics: Labelled[]
  reactions: Labelled[]
  rules: RulesView | null
  /** True while current rules exist that I have not accepted: posting waits for it. */
  mustAcceptRules: boolean
  /** 'removed' or 'left': this device keeps what it had, gets nothing new, and is off the group's network. */
  membership: Membership
  /** Whether removing a member needs a second facilitator's agreement. */
  removalNeedsSecond: boolean
  /** Members who have not accepted the current rules yet (the feed's banner). */
  rulesPending?: { id: string; name: string }[]
  /** Flags from different members that hide a post for everyone until a facilitator reviews it. */
  flagThreshold?: number
  /** Who may invite (issue 17). Always present from this version on. */
  invitePolicy?: InvitePolicy
  /**
   * False for a group made before the setting existed that never chose: it keeps the rule it was
   * made with (shown as `invitePolicy`), and front ends ask its facilitators to choose.
   */
  invitePolicyChosen?: boolean
  /** Who may save the group's words as a readable file (everyone may save their own). */
  groupExport?: GroupExportPolicy
  /** I chose not to show as connected in this group (personal, never replicated). */
  presenceHidden?: boolean
}

/**
 * Who may invite (a group setting, enforced by every peer in governance replay):
 * - `facilitators`: only facilitators make invites;
 * - `members-approved`: members make invites, and each newcomer waits for a facilitator's
 *   approval (the default for new groups);
 * - `members`: any member makes invites, approval as the inviter chooses.
 */
export type InvitePolicy = 'facilitators' | 'members-approved' | 'members'

/** Who may export the whole group's words as a readable file; a member always may export their own. */
export type GroupExportPolicy = 'facilitators' | 'members'

/**
 * Why one of my posts or replies is hidden from everyone else. Only its author (and facilitators,
 * in the queue) see this; everyone else simply does not see the item.
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

export interface MemberView {
  id: string
  pseudonym: string
  role: Role
  status: MemberStatus
  me: boolean
  /** The current rules version if this member accepted it, else null. */
  acceptedRules: number | null
  /** A facilitator's profession, in facilitated groups. */
  badge?: Badge
  /** A facilitator asked to remove this member; it waits for a second facilitator. */
  removalPending?: boolean
}

/** One post or reply in the facilitators' review queue. */
export interface ModerationItem {
  /** The post or reply ("<authorId>:<itemId>"). */
  id: string
  kind: 'post' | 'reply'
  author: string
  authorName: string
  text: string
  cw: string | null
  createdAt: number
  editedAt: number | null
  /** Hidden from everyone but its author. */
  hidden: boolean
  hiddenBy: 'flags' | 'facilitator' | null
  escalated: boolean
  /** Flags that count now (given since the last restore), and all flags on it. */
  flags: number
  flagsTotal: number
  reasons: ({ label: string; count: number } & ReasonView)[]
  /** Who flagged it (facilitators only see this). */
  flaggers: string[]
  lastAction: { action: 'hide' | 'restore' | 'escalate'; byName: string; at: number; reason: string | null; reasonView: ReasonView | null; note: string | null } | null
  /** The author changed the words after the last review. */
  editedSinceReview: boolean
}

/**
 * One version of a rewritten device log, at the index where the versions part (issue 14): what
 * the signed block there held, or null when this version no longer has a block there.
 */
export interface RewrittenVersion {
  /** the log's fork id in this signed state (0: never truncated) */
  fork: number
  /** the log's signed length in this state */
  length: number
  /** `notCarried`: the evidence does not carry the block (too large, only its hash was; or two trees at one fork, the other machine's side): its words cannot be shown. */
  block: { kind: 'words' | 'governance' | 'other'; docId: string; texts: string[]; notCarried?: true } | null
}

/** A member's device log proven rewritten: frozen at `index`, with both versions, for facilitators. */
export interface RewrittenLog {
  log: string
  member: string | null
  memberName: string
  /** the first index that speaks for nobody any more, on every member's device */
  index: number
  reportedBy: { member: string; name: string; at: number }[]
  versions: RewrittenVersion[]
  /**
   * Present once facilitators lifted the freeze (`liftFreeze`): the log speaks again from
   * `resume` on; blocks from `index` up to it never do (peers hold different versions there).
   */
  lifted?: { resume: number; by: { member: string; name: string }[]; at: number }
  /** Present while a lift waits for a second facilitator (groups whose removals need one). */
  liftWaits?: { by: { member: string; name: string }; at: number }
}

export type MuteLevel = 'none' | 'mute' | 'block'

export interface MuteView {
  member: string
  name: string
  level: Exclude<MuteLevel, 'none'>
}

export interface DecisionView {
  /** The proposal ("<proposerId>:<itemId>"). */
  id: string
  proposer: string
  proposerName: string
  text: string
  options: string[]
  createdAt: number
  closesAt: number
  closed: boolean
  /** votes per option, in option order */
  counts: number[]
  voters: number
  /** index of my option, or null */
  myVote: number | null
}

export interface ScheduleEntryView {
  id: string
  member: string
  name: string
  from: number
  to: number
  /** now is inside [from, to) */
  current: boolean
}

export interface ScheduleView {
  entries: ScheduleEntryView[]
  /** Who holds the space now, and who is next. */
  current: ScheduleEntryView | null
  next: ScheduleEntryView | null
  /** My own slot when it is now or starts within 48 h: front ends show a gentle reminder. */
  reminder: ScheduleEntryView | null
}

export interface InviteView {
  id: string
  expiresAt: number
  uses: number
  used: number
  role: Role
  approval: boolean
  revoked: boolean
  /** Not revoked, not expired, uses left. */
  live: boolean
  byName: string
  /** Who made it (member id), and with which role at the time. */
  by?: string
  byRole?: Role
  /** The inviter's clock when it was made (ms). */
  createdAt?: number
  /** Each newcomer waits for a facilitator: asked by the inviter, or required by the group's invite setting. */
  needsApproval?: boolean
}

export interface JoinRequestView {
  /** The newcomer's member id: pass it to approve or decline. */
  id: string
  pseudonym: string
  inviteId: string
  /** Who put the request on record */
  byName: string
  status: 'pending' | 'admitted' | 'declined'
}

export interface GroupStatus {
  /** This node is announcing the group on the network. */
  online: boolean
  /**
   * Members connected now, one entry per connection (one per device: core/net/transports.ts);
   * `transport` says how each is reached. `notHeardSince` is present only while a
   * member is not heard from (nothing from them for about a second of this node's own running
   * time: a closed lid, a frozen or very busy computer): when we last heard them (ms). The
   * connection is kept, and the field goes as soon as they are heard again (core/net/peer-hearing.ts).
   */
  peers: { memberId: string; name: string; since: number; transport?: 'hyperswarm' | 'webrtc'; notHeardSince?: number }[]
  /** Each member's last connection to this node (ms), if any; kept across restarts (core/group/last-seen.ts). */
  lastSeen: Record<string, number>
  /**
   * Whether a connected member holds all of our own log (the keeper does not count: see `keeper`).
   * Never true just because nothing failed: false while offline or before any peer has confirmed
   * our latest write.
   */
  writesHeld: boolean
  /** Blocks of the group's logs this device has read so far (grows while a new member syncs). */
  blocks: number
  /**
   * Blocks older than the checkpoints a newcomer started from that are not read yet (the
   * background backfill); 0 once this device holds the whole history it knows of.
   */
  historyLeft?: number
  /** Present (true) when the group's docs were resting (core/group/doc-rest.ts) as this call began; the call wakes them. */
  docsResting?: boolean
  /** Present only when this device does not write here for now (see OwnLogStatus). */
  ownLog?: OwnLogStatus
  /**
   * Present only when this device syncs the group through a keeper (core/keeper/): whether it is
   * connected, when last reached (ms, kept across restarts), whether it holds all our own log;
   * `full`: past its quota for this group (keeper-status.ts). `only`: keeper-only mode is in force
   * (keeper-only.ts): when not connected, nothing syncs. `refused`: why it does not serve us
   * (KEEPER_ACCESS_RETIRED: no successor is ours; KEEPER_GROUP_UNKNOWN; KEEPER_OLD_VERSION).
   */
  keeper?: { connected: boolean; lastReached: number | null; holdsMine: boolean; blocksHeld?: number; full?: true; only?: boolean; refused?: string; /** invite mailboxes the keeper holds open for this member (joins through the keeper) */ mailboxes?: number }
  /**
   * Present only when a device log of the group has reached the group's byte budget
   * (core/group/log-quota.ts): whose device, and how many of its blocks speak (null: not known
   * yet). Nothing that device writes from there on is shown or fetched, here or anywhere.
   */
  quotaReached?: { memberId: string; name: string; blocks: number | null }[]
  /** Present only while this node meets the group over WebRTC: through which server, and whether it is reached now. */
  webrtc?: WebrtcStatus
}
