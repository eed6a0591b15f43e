/**
 * What the contract returns about a profile and a group (part of core/api.ts, which re-exports
 * it): the profile's state, a group's settings, members, moderation, governance, invites and
 * connection status. The feed's views are in ./feed-views.ts. Types only.
 */
import type { WebrtcStatus } from './webrtc-views.ts'
import type { OwnLogStatus, ReasonView } from './feed-views.ts'

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
  /**
   * Present (true) while this device's view of the history is "still arriving" (a newcomer's first
   * sync, or a log still waiting for its checkpoint and tail: the same state as `GroupStatus.arriving`
   * and a feed page marked `preview`). The members, decisions and other views that read governance
   * and the docs are then read only as far as the history has arrived: a member removed, a role
   * changed or a decision made in a log not yet read is not in them. Their shapes do not change;
   * front ends say so beside them. Here so a screen opened before the feed knows.
   */
  arriving?: true
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
  /**
   * Present (true) when nothing any device of this member wrote has reached this device (never for
   * `me`). A member admitted who never wrote anywhere reachable keeps every newcomer's history
   * "arriving" (GroupStatus.arriving names them there) until their words are served or they are
   * removed.
   */
  nothingHere?: true
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
  /**
   * Present only while this device's view of the history is "still arriving" (a newcomer: the feed
   * is a `preview` page, exports and counts refuse with HISTORY_ARRIVING): whom it waits for.
   * `waitingFor`: at most three members whose device logs hold it back (a log whose checkpoint
   * or tail is not here yet, or, in the first sync, a log no peer has told the length of or not
   * read to it yet), by the name the group shows, those with nothing told first; `blocks`, when
   * every such log of theirs has told its length: how far they are here (`read`, a block index,
   * summed over their devices) of how far they must be (`of`). What arrives comes from them or
   * from anyone who holds it. `more`: further members, and logs of devices governance does not
   * name yet (never named). Both empty while nothing waits on a log (the group's first event or
   * our own admission not read yet, or a moment before the view catches up). A member who never
   * wrote anywhere reachable stays listed until a peer serves their log or facilitators remove
   * them (core/group/first-sync.ts).
   */
  arriving?: { waitingFor: { memberId: string; name: string; blocks?: { read: number; of: number } }[]; more: number }
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
