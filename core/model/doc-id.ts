/**
 * Document ids and their classes (DESIGN.md §3.2). The class decides who may write a doc and
 * whether it ever leaves this device:
 *
 *   member/<memberId>   one member's words: posts, replies, reactions, profile, acceptances.
 *                       Only that member's devices write it.
 *   shared/<name>       the group's common docs (ground rules, the curated resource directory,
 *                       meetings, the facilitators' debrief, moderation, the facilitation
 *                       schedule). Only the roles that the group settings name for <name> write
 *                       it; resources, meetings, debrief, moderation and schedule are
 *                       facilitators' docs whatever the settings.
 *   personal/<name>     safety plan, journal, drafts: never replicated, sealed under a key only
 *                       this profile holds.
 *   line/<memberId>     that member's private line to the facilitators (private-line.ts): that
 *                       member and facilitators write it; its entries are sealed to them.
 *
 * memberId is the member's per-group signing public key in lowercase hex (64 characters).
 */
import { errors } from '../errors.ts'

export type DocClass = 'member' | 'shared' | 'personal' | 'line'

export interface DocRef {
  id: string
  cls: DocClass
  /** memberId for member docs, the doc's name otherwise */
  name: string
}

export const SHARED_DOCS = ['rules'] as const
export type SharedDocName = (typeof SHARED_DOCS)[number]
/**
 * Shared docs that only facilitators write, whatever the settings say: facilitators' moderation
 * actions (core/model/moderation-doc.ts), the facilitation schedule (schedule-doc.ts), the
 * curated resource directory, meetings, and the debrief space. They hold the space; letting
 * settings widen this would let any member hide anyone's words or edit the group's directory.
 */
export const FACILITATOR_DOCS = ['moderation', 'schedule', 'resources', 'meetings', 'debrief'] as const
export type FacilitatorDocName = (typeof FACILITATOR_DOCS)[number]

export function isFacilitatorDoc(name: string): name is FacilitatorDocName {
  return (FACILITATOR_DOCS as readonly string[]).includes(name)
}

const MEMBER_ID = /^[0-9a-f]{64}$/
const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/

export function isMemberId(s: string): boolean {
  return MEMBER_ID.test(s)
}

export function memberDocId(memberId: string): string {
  if (!isMemberId(memberId)) throw errors.INVALID_INPUT('not a member id')
  return `member/${memberId}`
}

export function lineDocId(memberId: string): string {
  if (!isMemberId(memberId)) throw errors.INVALID_INPUT('not a member id')
  return `line/${memberId}`
}

export function sharedDocId(name: SharedDocName | FacilitatorDocName): string {
  return `shared/${name}`
}

export function personalDocId(name: string): string {
  if (!NAME.test(name)) throw errors.INVALID_INPUT('not a personal document name')
  return `personal/${name}`
}

/** Parses a doc id from anywhere (including a peer's block); null when it is not one of ours. */
export function parseDocId(id: string): DocRef | null {
  const slash = id.indexOf('/')
  if (slash < 0) return null
  const cls = id.slice(0, slash)
  const name = id.slice(slash + 1)
  if (cls === 'member' && isMemberId(name)) return { id, cls, name }
  if (cls === 'shared' && ((SHARED_DOCS as readonly string[]).includes(name) || isFacilitatorDoc(name))) return { id, cls, name }
  if (cls === 'personal' && NAME.test(name)) return { id, cls, name }
  if (cls === 'line' && isMemberId(name)) return { id, cls, name }
  return null
}
