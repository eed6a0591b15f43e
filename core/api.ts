/**
 * The Service contract: the one interface between a Hearth node and every front end
 * (Electron renderer via preload + IPC, the CLI, and the web host used by browser tests).
 *
 * Types only: this file must never gain a runtime import, so the renderer can depend on it
 * without pulling any of core into the browser bundle.
 *
 * Every method takes one plain-data input object and resolves to a Result. A fault never
 * reaches a front end as an exception or a stack trace: it arrives as `{ ok: false, error }`
 * with one of the codes below.
 *
 * Why this file is over 400 lines: it is the one contract DESIGN.md §2 asks for, and the renderer
 * may import types from this file only (an architecture lint rule). It reads in three parts —
 * the error codes, the view types each feature returns, then the method and event tables — and
 * each method's input schema sits in core/schemas.ts under the same name, checked complete at
 * compile time; splitting it would spread one contract over files every front end must track.
 */

/** Every error code a front end may see. One factory per code lives in core/errors.ts. */
export type ErrorCode =
  // input and contract
  | 'INVALID_INPUT'
  | 'UNKNOWN_METHOD'
  | 'UNTRUSTED_SENDER'
  | 'INTERNAL'
  // profile vault
  | 'PROFILE_EXISTS'
  | 'PROFILE_NOT_FOUND'
  | 'PROFILE_LOCKED'
  | 'PROFILE_BUSY'
  | 'WRONG_PASSPHRASE'
  | 'TOO_MANY_ATTEMPTS'
  | 'WEAK_PASSPHRASE'
  | 'VAULT_CORRUPT'
  | 'VAULT_MISSING'
  | 'VAULT_TRUNCATED'
  | 'VAULT_VERSION'
  // crypto
  | 'CRYPTO_OPEN_FAILED'
  | 'CRYPTO_BAD_KEY'
  | 'CRYPTO_BAD_SIGNATURE'
  // device logs and blocks
  | 'BLOCK_MALFORMED'
  | 'BLOCK_TOO_LARGE'
  | 'BLOCK_VERSION'
  | 'BLOCK_EPOCH_UNKNOWN'
  | 'LOG_CORRUPT'
  | 'LOG_NOT_FROZEN'
  | 'STORE_UNAVAILABLE'
  | 'LOG_BEHIND'
  | 'LOG_UNCONFIRMED'
  // groups and content
  | 'GROUP_NOT_FOUND'
  | 'NOT_FOUND'
  | 'NOT_ALLOWED'
  | 'RULES_NOT_ACCEPTED'
  | 'DECISION_CLOSED'
  // invites, joining and the network
  | 'INVITE_MALFORMED'
  | 'INVITE_CHECKSUM'
  | 'INVITE_VERSION'
  | 'INVITE_EXPIRED'
  | 'INVITE_REVOKED'
  | 'INVITE_USED_UP'
  | 'INVITE_DECLINED'
  | 'NO_MEMBER_REACHABLE'
  | 'PEER_REJECTED'
  | 'NETWORK_UNAVAILABLE'
  // archives and exports
  | 'ARCHIVE_CORRUPT'
  | 'ARCHIVE_TRUNCATED'
  | 'ARCHIVE_VERSION'
  | 'ARCHIVE_PASSPHRASE'
  | 'ARCHIVE_GROUP_EXISTS'
  | 'ARCHIVE_INCOMPLETE'
  | 'EXPORT_CANCELLED'
  // readable copies written to a path the user picked
  | 'EXPORT_FAILED'
  // names (pseudonyms, group names) that could hide or impersonate
  | 'NAME_NOT_ALLOWED'
  | 'NAME_TAKEN'
  // keepers (core/keeper/)
  | 'KEEPER_CODE_MALFORMED'
  | 'KEEPER_CODE_CHECKSUM'

export interface ApiError {
  code: ErrorCode
  /** Plain words a person can read; never a stack trace, never key material. */
  message: string
  /** Present with TOO_MANY_ATTEMPTS: how long to wait before trying again. */
  retryAfterMs?: number
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

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
export interface HiddenNotice {
  by: 'flags' | 'facilitator'
  /** Plain-words reasons with how many flags gave each (for `facilitator`, the one reason given). */
  reasons: { label: string; count: number }[]
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
  reasons: { label: string; count: number }[]
  /** Who flagged it (facilitators only see this). */
  flaggers: string[]
  lastAction: { action: 'hide' | 'restore' | 'escalate'; byName: string; at: number; reason: string | null; note: string | null } | null
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
  /** `notCarried`: the block was too large to carry in the evidence, only its hash was (its words cannot be shown). */
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
  /** Members connected now, one entry per connection. */
  peers: { memberId: string; name: string; since: number }[]
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
  /** Present only when this device does not write here for now (see OwnLogStatus). */
  ownLog?: OwnLogStatus
  /**
   * Present only when this device syncs the group through a keeper (core/keeper/): whether it is
   * connected now, when it was last reached (ms), and whether it holds all of our own log.
   */
  keeper?: { connected: boolean; lastReached: number | null; holdsMine: boolean }
}


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

/**
 * Method name → input and output. Adding a method here forces a schema in core/schemas.ts,
 * an implementation in core/service.ts and (through the schema table) an IPC channel.
 */
export interface ApiMethods {
  profileStatus: { input: Record<string, never>; output: ProfileStatus }
  /** `name`: the pseudonym offered by default when creating or joining a group. */
  createProfile: { input: { passphrase: string; name?: string }; output: ProfileStatus }
  unlock: { input: { passphrase: string }; output: ProfileStatus }
  lock: { input: { reason?: LockReason }; output: ProfileStatus }
  changePassphrase: { input: { current: string; next: string }; output: ProfileStatus }
  /** Checks a passphrase (with the unlock back-off) without locking or unlocking. */
  checkPassphrase: { input: { passphrase: string }; output: { checked: true } }
  /** Panic wipe: destroys the keys and the profile folder. Works while locked, on purpose. */
  destroyProfile: { input: { confirm: true }; output: ProfileStatus }

  listGroups: { input: Record<string, never>; output: GroupSummary[] }
  /** `pseudonym` defaults to the profile's name. */
  createGroup: { input: { name: string; pseudonym?: string; mode?: GroupMode }; output: GroupSummary }
  groupInfo: { input: G; output: GroupInfo }
  /**
   * `marks: true` adds what is new for me (`isNew`, `lastReadAt`) and replies to my words (`toMe`,
   * `repliesToMe`) to the page (issue 17); without it the page is the same for every reader.
   */
  feed: { input: G & { topic?: string; before?: string; limit?: number; marks?: boolean }; output: FeedPage }
  members: { input: G; output: MemberView[] }
  post: { input: G & { text: string; cw?: string; topic?: string }; output: { id: string } }
  reply: { input: G & { to: string; text: string }; output: { id: string } }
  edit: { input: G & { id: string; text?: string; cw?: string | null }; output: { id: string } }
  remove: { input: G & { id: string }; output: { id: string } }
  react: { input: G & { to: string; kind: string; on?: boolean }; output: { id: string } }
  setProfile: { input: G & { pseudonym?: string; status?: MemberStatus }; output: MemberView }
  setRules: { input: G & { text: string }; output: RulesView }
  acceptRules: { input: G & { version: number }; output: RulesView }
  /**
   * `expiresInMs` defaults to 24 h, `uses` to 1. The code is shown once; keep it to pass on.
   * A member's invite in a group whose rule is `members-approved` always needs approval;
   * under `facilitators` a member's invite is NOT_ALLOWED.
   */
  createInvite: { input: G & { uses?: number; expiresInMs?: number; role?: Role; approval?: boolean }; output: { id: string; code: string; expiresAt: number } }
  listInvites: { input: G; output: InviteView[] }
  revokeInvite: { input: G & { id: string }; output: { id: string } }
  /**
   * Joins by invite code; `waitMs` bounds the search for a member (default 60 s). While it looks,
   * `joinProgress` events say where it stands.
   */
  joinGroup: { input: { code: string; pseudonym?: string; waitMs?: number }; output: { group: string; status: 'admitted' | 'pending' } }
  groupStatus: { input: G; output: GroupStatus }
  /**
   * "This profile was moved: continue here." After a move or a restore this device waits for a
   * peer before writing in a group (OwnLogStatus `unconfirmed`); a member who knows this copy is
   * the only one in use, and that nothing was written from a newer copy, may go on without one.
   * A known lost tail (`behind`) is not lifted: those blocks must come back from peers.
   */
  continueHere: { input: G; output: { ownLog: OwnLogStatus | null } }
  /** Facilitators: rename the group or change its settings (fields left out stay). */
  updateSettings: {
    input: G & {
      name?: string; topics?: Labelled[]; inviters?: Role[]; rulesWriters?: Role[]; flagThreshold?: number; removalNeedsSecond?: boolean
      invitePolicy?: InvitePolicy; groupExport?: GroupExportPolicy
    }
    output: GroupInfo
  }
  /** Requests waiting on a facilitator (invites with approval). */
  listRequests: { input: G; output: JoinRequestView[] }
  /** Facilitators: admit a waiting newcomer (they are welcomed the next time they ask). */
  approveRequest: { input: G & { id: string }; output: JoinRequestView }
  declineRequest: { input: G & { id: string }; output: JoinRequestView }
  /**
   * Facilitators: remove a member. Their later words are refused by every member and the group
   * key is rotated so they cannot read anything new. 'pending' while it waits for a second
   * facilitator (settings.removalNeedsSecond).
   */
  removeMember: { input: G & { member: string }; output: { member: string; status: 'removed' | 'pending' } }
  /** Leave the group: this device keeps what it has, gets nothing new, and goes off the group's network. */
  leaveGroup: { input: G; output: { membership: Membership } }
  /** Facilitators: make a member a facilitator (with a badge in facilitated groups) or a member. */
  setRole: { input: G & { member: string; role: Role; badge?: Badge }; output: MemberView }
  /** Flag a post or reply with a reason from the ground rules ("rule:<n>" or "other"); `on: false` withdraws it. */
  flag: { input: G & { to: string; reason: string; on?: boolean }; output: { id: string } }
  /** Facilitators: the review queue (flagged and hidden items). */
  moderationQueue: { input: G; output: ModerationItem[] }
  /** Facilitators: device logs proven rewritten by their writer (two signed versions at one index), with both versions. */
  rewrittenLogs: { input: G; output: RewrittenLog[] }
  /**
   * Facilitators only, never for their own log: lets a frozen log speak again from the blocks
   * written after what this device holds of it now (decisions.md "Lifting a freeze"). Errors:
   * NOT_ALLOWED, LOG_NOT_FROZEN. Returns the review list as it stands after.
   */
  liftFreeze: { input: G & { log: string }; output: RewrittenLog[] }
  /** Facilitators: hide (with a reason), restore, or escalate for removal review. Never changes the author's words. */
  moderate: { input: G & { to: string; action: 'hide' | 'restore' | 'escalate'; reason?: string; note?: string }; output: ModerationItem }
  /** Personal: hide a member's words for me alone (`block` also hides their reactions). Never replicated. */
  setMute: { input: G & { member: string; level: MuteLevel }; output: MuteView[] }
  listMutes: { input: G; output: MuteView[] }
  propose: { input: G & { text: string; options: string[]; closesAt: number }; output: DecisionView }
  vote: { input: G & { proposal: string; option: number }; output: DecisionView }
  decisions: { input: G; output: DecisionView[] }
  schedule: { input: G; output: ScheduleView }
  /** Facilitators: add a facilitation slot, or remove one by id. */
  scheduleAdd: { input: G & { member: string; from: number; to: number }; output: ScheduleView }
  scheduleRemove: { input: G & { id: string }; output: ScheduleView }
  /** Personal, device-only notes (never replicated): the base for safety plan, journal, drafts. */
  readPersonal: { input: { name: string }; output: { text: string | null } }
  writePersonal: { input: { name: string; text: string }; output: { name: string } }
  /** Exports a group to a file; progress comes as `exportProgress` events; one export at a time. */
  exportGroup: { input: ExportInput; output: ExportResult }
  /** Stops the running export; its file is not written. */
  cancelExport: { input: Record<string, never>; output: { cancelled: boolean } }
  /**
   * Restores a group from an archive this member exported, into this (unlocked) profile: the same
   * member, continuing from a new device log of this profile.
   */
  restoreArchive: { input: { path: string; archivePassphrase: string }; output: GroupSummary }

  // Support features. Personal ones never leave this device; exports go only to a path the user gives.
  safetyPlan: { input: Record<string, never>; output: SafetyPlanView }
  saveSafetyPlan: { input: { sections: Partial<Record<SafetyPlanSection, string>> }; output: SafetyPlanView }
  /** A readable copy, written only to `path` (absolute, outside the profile folder). */
  exportSafetyPlan: { input: { path: string }; output: { path: string } }
  journal: { input: Record<string, never>; output: JournalEntryView[] }
  /** Adds an entry, or changes one when `id` is given. */
  saveJournalEntry: { input: { id?: string; occurredAt: string; what: string; witnesses?: string; evidence?: string }; output: JournalEntryView }
  removeJournalEntry: { input: { id: string }; output: { id: string } }
  exportJournal: { input: { path: string }; output: { path: string; entries: number } }
  training: { input: Record<string, never>; output: TrainingModuleView[] }
  setTrainingProgress: { input: { moduleId: string; completed?: boolean; notes?: string }; output: TrainingModuleView }
  /** Shares (or stops sharing) which modules I completed with one group. */
  shareTraining: { input: G & { share: boolean }; output: TrainingShareView }
  trainingShared: { input: G; output: TrainingShareView[] }
  /** "How are you today": kept on this device; copied to the groups in `shareWith` only. */
  checkIn: { input: { mood: Mood; note?: string; shareWith?: string[] }; output: CheckInView }
  checkIns: { input: Record<string, never>; output: CheckInView[] }
  groupCheckIns: { input: G; output: SharedCheckInView[] }
  hotlines: { input: Record<string, never>; output: HotlineList }
  resources: { input: G; output: { directory: ResourceView[]; suggestions: SuggestionView[] } }
  suggestResource: { input: G & ResourceFields; output: { id: string } }
  /** Facilitators: add to the directory, from scratch or from a suggestion. */
  addResource: { input: G & ResourceFields & { fromSuggestion?: string }; output: { id: string } }
  removeResource: { input: G & { id: string }; output: { id: string } }
  dismissSuggestion: { input: G & { id: string }; output: { id: string } }
  /** Opens a link of the hotline list or of the group's directory in the system browser. */
  openLink: { input: { url: string; groupId?: string }; output: { opened: true } }
  meetings: { input: G; output: MeetingView[] }
  /** Facilitators: plan a meeting, or change one when `id` is given. */
  saveMeeting: { input: G & MeetingFields & { id?: string }; output: MeetingView }
  cancelMeeting: { input: G & { id: string }; output: MeetingView }
  rsvp: { input: G & { meetingId: string; answer: RsvpAnswer }; output: MeetingView }
  /**
   * An .ics calendar file, written only to `path`. Its title is "Appointment" and its UID names
   * neither the group nor Hearth unless `realTitle` asks for the meeting's own title.
   */
  exportMeeting: { input: G & { meetingId: string; path: string; realTitle?: boolean }; output: { path: string } }
  /** The facilitators' debrief space, sealed under a key only current facilitators hold. */
  debrief: { input: G; output: DebriefView }
  writeDebrief: { input: G & { text: string }; output: DebriefView }

  // Safe by default and everyday use (issue 17).
  /** Readable exports of the group's words, newest first: every member sees when and by whom. */
  exportRecords: { input: G; output: ExportRecordView[] }
  /** My own private line to the facilitators (a facilitator reads their own line too). */
  privateLine: { input: G; output: LineThreadView }
  /** Write on my private line to the current facilitators. */
  writePrivateLine: { input: G & { text: string; topic?: LineTopic; about?: string }; output: LineThreadView }
  /** Facilitators: every member's line they can see, the ones awaiting an answer first. */
  privateLines: { input: G; output: LineThreadView[] }
  /** Facilitators: answer on a member's line (the member and the facilitators read it). */
  answerPrivateLine: { input: G & { member: string; text: string }; output: LineThreadView }
  /** Unread counts for one group, or for every group when `groupId` is left out. */
  unread: { input: { groupId?: string }; output: UnreadView[] }
  /** Marks a group read up to now (or `upTo`), whole or one section. Kept on this device only. */
  markRead: { input: G & { section?: UnreadSection; upTo?: number }; output: UnreadView }
  /** My own choice not to show as connected to this group's members (it still syncs). */
  setPresence: { input: G & { hidden: boolean }; output: { hidden: boolean } }
  /** The keeper this device syncs through for a group (its keeper code), or null for none; this device's own setting for now (core/keeper/keeper-setting.ts). */
  setKeeper: { input: G & { code: string | null }; output: { keeper: string | null } }
  /** Ground-rule templates to start from. */
  ruleTemplates: { input: Record<string, never>; output: RuleTemplate[] }

  /**
   * A readable copy handed to the front end as text, for it to offer where the person chooses
   * (the web host's download; see core/group/copy-handlers.ts). The same words the matching
   * export method would write; core writes nothing.
   */
  readableCopy: { input: ReadableCopyInput; output: ReadableCopy }
}

export type ReadableCopyInput =
  | { kind: 'safety-plan' }
  | { kind: 'journal' }
  | ({ kind: 'meeting'; meetingId: string; realTitle?: boolean } & G)
  /** A readable export of the group, under exactly the rules and record of `exportGroup`. */
  | ({ kind: 'group' } & Omit<ExportInput, 'path' | 'archivePassphrase' | 'format'> & { format: Exclude<ExportFormat, 'archive'> })

export interface ReadableCopy {
  /** A plain file name to suggest, with its extension; it names neither the group nor Hearth. */
  fileName: string
  mediaType: 'text/plain;charset=utf-8' | 'text/calendar;charset=utf-8' | 'text/html;charset=utf-8' | 'text/markdown;charset=utf-8' | 'application/json'
  text: string
}

export type MethodName = keyof ApiMethods
export type MethodInput<M extends MethodName> = ApiMethods[M]['input']
export type MethodOutput<M extends MethodName> = ApiMethods[M]['output']

/** Events a front end can subscribe to. */
export interface ApiEvents {
  locked: { reason: LockReason }
  unlocked: Record<string, never>
  /** The list of groups changed (created, joined, left). */
  groupsChanged: Record<string, never>
  /** Something in a group changed: re-read the views you show. */
  groupChanged: { groupId: string }
  /** An export or restore is under way: `done` of `total` steps. */
  exportProgress: { groupId: string; done: number; total: number }
  /** A join by code is under way (joinGroup). Never carries the code. */
  joinProgress: JoinProgress
}

/**
 * Where a join by code stands: `looking` for a member on the network (`looks` counts the
 * lookups so far: a joiner who started before anyone was online keeps looking), `connected` to
 * one and asking, or `admitted` and fetching the group.
 */
export interface JoinProgress {
  state: 'looking' | 'connected' | 'admitted'
  looks: number
}

export type EventName = keyof ApiEvents

/** What the service implements per method: plain values in and out, coded HearthErrors thrown. */
export type MethodHandlers = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> }

export type HearthApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
} & {
  on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void
}
