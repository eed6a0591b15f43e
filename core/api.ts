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
 * The contract is one import for every front end (the renderer may import types from this file
 * only: an architecture lint rule), but its view types live in core/api/, one file per area:
 * error-codes.ts, group-views.ts, support-views.ts, everyday-views.ts. This file holds the method
 * and event tables; each method's input schema sits in core/schemas.ts under the same name,
 * checked complete at compile time.
 */

import type { Result } from './api/error-codes.ts'
import type { FeedPage, OwnLogStatus } from './api/feed-views.ts'
import type { Badge, DecisionView, GroupExportPolicy, GroupInfo, GroupMode, GroupStatus, GroupSummary, InvitePolicy, InviteView, JoinRequestView, Labelled, LockReason, MemberStatus, MemberView, Membership, ModerationItem, MuteLevel, MuteView, ProfileStatus, RewrittenLog, Role, RulesView, ScheduleView } from './api/group-views.ts'
import type { CheckInView, DebriefView, HotlineList, JournalEntryView, MeetingFields, MeetingView, Mood, ResourceFields, ResourceView, RsvpAnswer, SafetyPlanSection, SafetyPlanView, SharedCheckInView, SuggestionView, TrainingModuleView, TrainingShareView } from './api/support-views.ts'
import type { KeeperView } from './api/keeper-views.ts'
import type { RtcFromPage, RtcToPage } from './api/rtc-views.ts'
import type { IceServerView, TransportChoice, TransportView, WebrtcSettingView, WebrtcStatus } from './api/webrtc-views.ts'
import type { ExportFormat, ExportInput, ExportRecordView, ExportResult, LineThreadView, LineTopic, RuleTemplate, UnreadSection, UnreadView } from './api/everyday-views.ts'

export type * from './api/error-codes.ts'
export type * from './api/group-views.ts'
export type * from './api/feed-views.ts'
export type * from './api/support-views.ts'
export type * from './api/everyday-views.ts'
export type * from './api/keeper-views.ts'
export type * from './api/rtc-views.ts'
export type * from './api/webrtc-views.ts'

type G = { groupId: string }

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
  /** `signal`: the group's signaling server, when it names one: to pass on with the code to a newcomer whose network blocks UDP (joinGroup). */
  createInvite: { input: G & { uses?: number; expiresInMs?: number; role?: Role; approval?: boolean }; output: { id: string; code: string; expiresAt: number; signal?: string } }
  listInvites: { input: G; output: InviteView[] }
  revokeInvite: { input: G & { id: string }; output: { id: string } }
  /**
   * Joins by invite code; `waitMs` bounds the search for a member (default 60 s). While it looks,
   * `joinProgress` events say where it stands. `signal`: the group's signaling server (ws:// or
   * wss://), given with the code, to look for a member over WebRTC too (alone, on `--transport webrtc`).
   * One member's refusal does not end the search while another may admit (core/net/join-answers.ts).
   */
  joinGroup: { input: { code: string; pseudonym?: string; waitMs?: number; signal?: string }; output: { group: string; status: 'admitted' | 'pending' | 'waiting' } }
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
  exportSafetyPlan: { input: { path: string; language?: string }; output: { path: string } }
  journal: { input: Record<string, never>; output: JournalEntryView[] }
  /** Adds an entry, or changes one when `id` is given. */
  saveJournalEntry: { input: { id?: string; occurredAt: string; what: string; witnesses?: string; evidence?: string }; output: JournalEntryView }
  removeJournalEntry: { input: { id: string }; output: { id: string } }
  /** `language` (here and for the safety plan): the copy's own words and dates; what was written stays as written. */
  exportJournal: { input: { path: string; language?: string }; output: { path: string; entries: number } }
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
  /** Facilitators: give the group a keeper (its code, from `hearth keeper serve`); governance, so every member follows it. */
  addKeeper: { input: G & { code: string }; output: KeeperView[] }
  /** Facilitators: take the group's keeper away (its code); from then on no member sends it anything. */
  removeKeeper: { input: G & { keeper: string }; output: KeeperView[] }
  /** The group's keeper and the ones it had, newest first (anyone in the group). */
  keepers: { input: G; output: KeeperView[] }
  /** Facilitators: the signaling and ICE servers the group meets through over WebRTC (governance; replaces the whole setting). */
  setWebrtc: { input: G & { signal: string[]; ice: IceServerView[] }; output: WebrtcSettingView }
  /** Where the group meets over WebRTC, and which server this device uses (anyone in the group). */
  webrtcSetting: { input: G; output: WebrtcSettingView }
  /** This device's choice of transports for every group (core/group/transport-choice.ts), and the one in force now. */
  transport: { input: Record<string, never>; output: TransportView }
  /** Changes it; groups online here go off the network and back on with it before this returns. */
  setTransport: { input: { choice: TransportChoice }; output: TransportView }

  /** This device's keeper-only setting, for every group (core/keeper/keeper-only.ts); on unless turned off. */
  keeperOnly: { input: Record<string, never>; output: { on: boolean } }
  /** Turns keeper-only mode on or off for every group on this device; on closes member connections at once. */
  setKeeperOnly: { input: { on: boolean }; output: { on: boolean } }
  /** Ground-rule templates to start from. */
  ruleTemplates: { input: Record<string, never>; output: RuleTemplate[] }

  /**
   * A readable copy handed to the front end as text, for it to offer where the person chooses
   * (the web host's download; see core/group/copy-handlers.ts). The same words the matching
   * export method would write; core writes nothing.
   */
  readableCopy: { input: ReadableCopyInput; output: ReadableCopy }

  /**
   * The front end's answer to an `rtc` event (api/rtc-views.ts): a description, a candidate, a
   * connection's state, or data channel frames (ciphertext). NOT_ALLOWED when this node does not
   * relay WebRTC through its front end.
   */
  rtcRelay: { input: RtcFromPage; output: { relayed: true } }
}

export type ReadableCopyInput =
  | { kind: 'safety-plan'; language?: string }
  | { kind: 'journal'; language?: string }
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
  /** The node asks the front end's RTCPeerConnection for something (api/rtc-views.ts); only when the node relays WebRTC. */
  rtc: RtcToPage
}

/**
 * Where a join by code stands: `looking` for a member on the network (`looks` counts the
 * lookups so far: a joiner who started before anyone was online keeps looking), `connected` to
 * one and asking, or `admitted` and fetching the group.
 */
export interface JoinProgress {
  /** waiting: the request is with the group's keeper; a member will answer it (join-race.ts) */
  state: 'looking' | 'connected' | 'admitted' | 'waiting' | 'unsynced'
  looks: number
  /**
   * With `unsynced` (JOIN_NOT_SYNCED: let in, but the wait for the group's governance ended
   * before it arrived; the node goes on fetching): members connected now, and the WebRTC
   * meeting's state when the group meets over WebRTC.
   */
  peers?: number
  webrtc?: WebrtcStatus
}

export type EventName = keyof ApiEvents

/** What the service implements per method: plain values in and out, coded HearthErrors thrown. */
export type MethodHandlers = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> }

export type HearthApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>
} & {
  on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void
}
