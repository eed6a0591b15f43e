/**
 * Input schemas for every API method (zod 4). The service validates each call against these at
 * the boundary, so nothing past it ever sees an unchecked value from a front end. The mapped type
 * makes a method without a schema, or a schema that disagrees with core/api.ts, a compile error.
 */
import { z } from 'zod'
import type { ErrorCode, MethodInput, MethodName } from './api.ts'
import { nameProblem } from './model/names.ts'
import { NOTE_MAX } from './model/rule-items.ts'
import { LINE_TEXT_MAX, LINE_TOPICS } from './model/private-line.ts'
import { LOCAL_DATE_TIME, MEETING_MODE_IDS, MOOD_IDS, RESOURCE_CATEGORY_IDS, RSVP_IDS, SAFETY_PLAN_IDS, SUPPORT_LIMITS as SL } from './model/support-vocabulary.ts'
import { rtcFromPageSchema } from './net/webrtc/page-schema.ts'
import { DECISION_LIMITS, LIMITS, MEMBER_STATUSES, REACTION_KINDS, TOPIC_ID, type ReactionKind } from './model/vocabulary.ts'

const personalName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'not a personal document name')

const passphrase = z.string().min(1).max(4096)
const lockReason = z.enum(['user', 'idle', 'system', 'quick-exit', 'destroyed'])
const empty = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>
const groupId = z.string().regex(/^[0-9a-f]{32}$/, 'not a group id')
const ref = z.string().regex(/^[0-9a-f]{64}:[0-9a-f]{16}$/, 'not a post or reply id')
const text = z.string().min(1).max(LIMITS.postText)
/**
 * A pseudonym or group name (core/model/names.ts): NFC and trimmed here, so every front end stores
 * the same bytes; invisible, direction and control characters are refused as NAME_NOT_ALLOWED.
 */
const nameField = (max: number) => z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(max).superRefine((s, ctx) => {
  const problem = nameProblem(s)
  if (problem) ctx.addIssue({ code: 'custom', message: `this name cannot be used: ${problem}`, params: { code: 'NAME_NOT_ALLOWED' } })
}))
const pseudonym = nameField(LIMITS.pseudonym)
const itemId = z.string().regex(/^[0-9a-f]{16}$/, 'not an item id')
const exportPath = z.string().min(1).max(SL.path)
/** A readable copy's language: a BCP 47 tag's shape (core/readable-words matches it, English when unknown). */
const language = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/, 'not a language tag')
const resourceFields = {
  category: z.enum(RESOURCE_CATEGORY_IDS), name: z.string().trim().min(1).max(SL.resourceName), region: z.string().max(SL.resourceRegion),
  contact: z.string().max(SL.resourceContact), url: z.string().max(SL.url).nullable(), notes: z.string().max(SL.resourceNotes),
}
const meetingFields = {
  title: z.string().trim().min(1).max(SL.meetingTitle), mode: z.enum(MEETING_MODE_IDS), startsAt: z.number().int().min(0).max(8.64e15),
  minutes: z.number().int().min(1).max(SL.meetingMinutes), place: z.string().max(SL.meetingPlace),
  facilitator: z.string().regex(/^[0-9a-f]{64}$/, 'not a member id'), agenda: z.string().max(SL.agenda),
}
const memberId = z.string().regex(/^[0-9a-f]{64}$/, 'not a member id')
const g = { groupId }
/** A file the person chose; it must be absolute (checked again where it is used). */
const filePath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'not a path')

export const inputSchemas: { [M in MethodName]: z.ZodType<MethodInput<M>> } = {
  profileStatus: empty,
  createProfile: z.object({ passphrase, name: pseudonym.optional() }).strict(),
  unlock: z.object({ passphrase }).strict(),
  lock: z.object({ reason: lockReason.optional() }).strict(),
  changePassphrase: z.object({ current: passphrase, next: passphrase }).strict(),
  checkPassphrase: z.object({ passphrase }).strict(),
  destroyProfile: z.object({ confirm: z.literal(true) }).strict(),

  listGroups: empty,
  createGroup: z.object({ name: nameField(LIMITS.groupName), pseudonym: pseudonym.optional(), mode: z.enum(['survivor-led', 'facilitated']).optional() }).strict(),
  groupInfo: z.object(g).strict(),
  feed: z.object({
    ...g, topic: z.string().regex(TOPIC_ID).optional(), before: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).optional(),
    marks: z.boolean().optional(),
  }).strict(),
  members: z.object(g).strict(),
  post: z.object({ ...g, text, cw: z.string().min(1).max(LIMITS.contentWarning).optional(), topic: z.string().regex(TOPIC_ID).optional() }).strict(),
  reply: z.object({ ...g, to: ref, text }).strict(),
  edit: z.object({ ...g, id: ref, text: text.optional(), cw: z.string().min(1).max(LIMITS.contentWarning).nullable().optional() }).strict(),
  remove: z.object({ ...g, id: ref }).strict(),
  react: z.object({ ...g, to: ref, kind: z.enum(REACTION_KINDS as [ReactionKind, ...ReactionKind[]]), on: z.boolean().optional() }).strict(),
  setProfile: z.object({ ...g, pseudonym: pseudonym.optional(), status: z.enum(MEMBER_STATUSES).optional() }).strict(),
  setRules: z.object({ ...g, text: z.string().min(1).max(LIMITS.rulesText) }).strict(),
  acceptRules: z.object({ ...g, version: z.number().int().min(1) }).strict(),
  createInvite: z.object({
    ...g, uses: z.number().int().min(1).max(100).optional(), expiresInMs: z.number().int().min(60_000).max(30 * 24 * 3_600_000).optional(),
    role: z.enum(['member', 'facilitator']).optional(), approval: z.boolean().optional(),
  }).strict(),
  listInvites: z.object(g).strict(),
  revokeInvite: z.object({ ...g, id: z.string().regex(/^[0-9a-f]{32}$/, 'not an invite id') }).strict(),
  joinGroup: z.object({ code: z.string().min(1).max(200), pseudonym: pseudonym.optional(), waitMs: z.number().int().min(1_000).max(600_000).optional(), signal: z.string().max(400).optional() }).strict(),
  groupStatus: z.object(g).strict(),
  continueHere: z.object(g).strict(),
  updateSettings: z.object({
    ...g, name: nameField(LIMITS.groupName).optional(),
    topics: z.array(z.object({ id: z.string().regex(TOPIC_ID), label: z.string().trim().min(1).max(LIMITS.topicLabel) }).strict()).min(1).max(LIMITS.topics).optional(),
    inviters: z.array(z.enum(['facilitator', 'member'])).min(1).optional(),
    rulesWriters: z.array(z.enum(['facilitator', 'member'])).min(1).optional(),
    flagThreshold: z.number().int().min(1).max(50).optional(),
    removalNeedsSecond: z.boolean().optional(),
    invitePolicy: z.enum(['facilitators', 'members-approved', 'members']).optional(),
    groupExport: z.enum(['facilitators', 'members']).optional(),
  }).strict(),
  listRequests: z.object(g).strict(),
  approveRequest: z.object({ ...g, id: z.string().regex(/^[0-9a-f]{64}$/, 'not a request id') }).strict(),
  declineRequest: z.object({ ...g, id: z.string().regex(/^[0-9a-f]{64}$/, 'not a request id') }).strict(),
  removeMember: z.object({ ...g, member: memberId }).strict(),
  leaveGroup: z.object(g).strict(),
  setRole: z.object({ ...g, member: memberId, role: z.enum(['facilitator', 'member']), badge: z.enum(['counsellor', 'advocate']).optional() }).strict(),
  flag: z.object({ ...g, to: ref, reason: z.string().regex(/^(?:rule:[1-9]\d{0,2}|other)$/, 'not a reason: "other" or "rule:<n>"'), on: z.boolean().optional() }).strict(),
  moderationQueue: z.object(g).strict(),
  rewrittenLogs: z.object(g).strict(),
  liftFreeze: z.object({ ...g, log: z.string().regex(/^[0-9a-f]{64}$/, 'not a log key') }).strict(),
  moderate: z.object({
    ...g, to: ref, action: z.enum(['hide', 'restore', 'escalate']),
    reason: z.string().regex(/^(?:rule:[1-9]\d{0,2}|other)$/, 'not a reason: "other" or "rule:<n>"').optional(), note: z.string().max(NOTE_MAX).optional(),
  }).strict(),
  setMute: z.object({ ...g, member: memberId, level: z.enum(['none', 'mute', 'block']) }).strict(),
  listMutes: z.object(g).strict(),
  propose: z.object({
    ...g, text: z.string().trim().min(1).max(DECISION_LIMITS.text),
    options: z.array(z.string().trim().min(1).max(DECISION_LIMITS.option)).min(DECISION_LIMITS.minOptions).max(DECISION_LIMITS.maxOptions),
    closesAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  }).strict(),
  vote: z.object({ ...g, proposal: ref, option: z.number().int().min(0).max(DECISION_LIMITS.maxOptions - 1) }).strict(),
  decisions: z.object(g).strict(),
  schedule: z.object(g).strict(),
  scheduleAdd: z.object({ ...g, member: memberId, from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), to: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  scheduleRemove: z.object({ ...g, id: z.string().regex(/^[0-9a-f]{16}$/, 'not a slot id') }).strict(),
  readPersonal: z.object({ name: personalName }).strict(),
  writePersonal: z.object({ name: personalName, text: z.string().max(LIMITS.personalText) }).strict(),
  exportGroup: z.object({
    ...g, format: z.enum(['archive', 'html', 'md', 'json']), path: filePath, archivePassphrase: passphrase.optional(),
    from: z.number().int().min(0).optional(), to: z.number().int().min(0).optional(), topic: z.string().regex(TOPIC_ID).optional(),
    includeHidden: z.boolean().optional(), scope: z.enum(['mine', 'group']).optional(), language: language.optional(),
  }).strict(),
  cancelExport: empty,
  restoreArchive: z.object({ path: filePath, archivePassphrase: passphrase }).strict(),

  safetyPlan: empty,
  saveSafetyPlan: z.object({ sections: z.partialRecord(z.enum(SAFETY_PLAN_IDS), z.string().max(SL.section)) }).strict(),
  exportSafetyPlan: z.object({ path: exportPath, language: language.optional() }).strict(),
  journal: empty,
  saveJournalEntry: z.object({
    id: itemId.optional(), occurredAt: z.string().regex(LOCAL_DATE_TIME, 'not a date and time'), what: z.string().min(1).max(SL.journalText),
    witnesses: z.string().max(SL.journalText).optional(), evidence: z.string().max(SL.journalText).optional(),
  }).strict(),
  removeJournalEntry: z.object({ id: itemId }).strict(),
  exportJournal: z.object({ path: exportPath, language: language.optional() }).strict(),
  training: empty,
  setTrainingProgress: z.object({ moduleId: z.string().min(1).max(64), completed: z.boolean().optional(), notes: z.string().max(SL.trainingNotes).optional() }).strict(),
  shareTraining: z.object({ ...g, share: z.boolean() }).strict(),
  trainingShared: z.object(g).strict(),
  checkIn: z.object({ mood: z.enum(MOOD_IDS), note: z.string().max(SL.checkInNote).optional(), shareWith: z.array(groupId).max(50).optional() }).strict(),
  checkIns: empty,
  groupCheckIns: z.object(g).strict(),
  hotlines: empty,
  resources: z.object(g).strict(),
  suggestResource: z.object({ ...g, ...resourceFields }).strict(),
  addResource: z.object({ ...g, ...resourceFields, fromSuggestion: ref.optional() }).strict(),
  removeResource: z.object({ ...g, id: itemId }).strict(),
  dismissSuggestion: z.object({ ...g, id: ref }).strict(),
  openLink: z.object({ url: z.string().min(1).max(SL.url), groupId: groupId.optional() }).strict(),
  meetings: z.object(g).strict(),
  saveMeeting: z.object({ ...g, ...meetingFields, id: itemId.optional() }).strict(),
  cancelMeeting: z.object({ ...g, id: itemId }).strict(),
  rsvp: z.object({ ...g, meetingId: itemId, answer: z.enum(RSVP_IDS) }).strict(),
  exportMeeting: z.object({ ...g, meetingId: itemId, path: exportPath, realTitle: z.boolean().optional() }).strict(),
  debrief: z.object(g).strict(),
  writeDebrief: z.object({ ...g, text: z.string().min(1).max(SL.debriefText) }).strict(),

  exportRecords: z.object(g).strict(),
  privateLine: z.object(g).strict(),
  writePrivateLine: z.object({
    ...g, text: z.string().trim().min(1).max(LINE_TEXT_MAX), topic: z.enum(LINE_TOPICS).optional(), about: ref.optional(),
  }).strict(),
  privateLines: z.object(g).strict(),
  answerPrivateLine: z.object({ ...g, member: memberId, text: z.string().trim().min(1).max(LINE_TEXT_MAX) }).strict(),
  unread: z.object({ groupId: groupId.optional() }).strict(),
  markRead: z.object({
    ...g, section: z.enum(['conversations', 'meetings', 'resources', 'decisions', 'privateLine', 'invites']).optional(),
    upTo: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  }).strict(),
  setPresence: z.object({ ...g, hidden: z.boolean() }).strict(),
  addKeeper: z.object({ ...g, code: z.string().max(600) }).strict(),
  removeKeeper: z.object({ ...g, keeper: z.string().max(600) }).strict(),
  keepers: z.object(g).strict(),
  // Shape and bounds only; core/group/webrtc-settings.ts says precisely what is wrong with an address.
  setWebrtc: z.object({
    ...g, signal: z.array(z.string().max(400)).max(8),
    ice: z.array(z.object({ url: z.string().max(400), username: z.string().max(200).optional(), credential: z.string().max(200).optional() }).strict()).max(8),
  }).strict(),
  webrtcSetting: z.object(g).strict(),
  transport: empty,
  setTransport: z.object({ choice: z.enum(['hyperswarm', 'webrtc', 'both']) }).strict(),

  keeperOnly: empty,
  setKeeperOnly: z.object({ on: z.boolean() }).strict(),
  ruleTemplates: empty,
  readableCopy: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('safety-plan'), language: language.optional() }).strict(),
    z.object({ kind: z.literal('journal'), language: language.optional() }).strict(),
    z.object({ kind: z.literal('meeting'), ...g, meetingId: itemId, realTitle: z.boolean().optional() }).strict(),
    z.object({
      kind: z.literal('group'), ...g, format: z.enum(['html', 'md', 'json']),
      from: z.number().int().min(0).optional(), to: z.number().int().min(0).optional(), topic: z.string().regex(TOPIC_ID).optional(),
      includeHidden: z.boolean().optional(), scope: z.enum(['mine', 'group']).optional(), language: language.optional(),
    }).strict(),
  ]),
  rtcRelay: rtcFromPageSchema,
}

export const METHOD_NAMES = Object.keys(inputSchemas) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(inputSchemas, name)
}

/** A readable summary of what was wrong, naming fields but never echoing their values. */
/** The code a refused input carries: NAME_NOT_ALLOWED when a name was the problem, else INVALID_INPUT. */
export function issueCode(error: z.ZodError): ErrorCode {
  return error.issues.some((i) => i.code === 'custom' && (i.params as { code?: string } | undefined)?.code === 'NAME_NOT_ALLOWED') ? 'NAME_NOT_ALLOWED' : 'INVALID_INPUT'
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ')
}
