/**
 * The names a group's members show, decided once per read from governance (admission order and
 * admission names) and each member's own profile doc, by the rule in core/model/names.ts. Every
 * view and handler asks here, so members, feed, queue, exports and the CLI agree on one name.
 */
import { checkNameFree, cleanName, resolveNames } from '../model/names.ts'
import { LIMITS } from '../model/vocabulary.ts'
import type { GroupSpace } from './group-space.ts'
import type { MemberDoc } from '../model/member-doc.ts'

/** `docs`: the member docs present, when the caller has them already (reader-source.ts). */
export function memberNames(space: GroupSpace, docs: ReadonlyMap<string, MemberDoc> = space.docs.memberDocs()): Map<string, string> {
  const gov = space.governance
  return resolveNames(gov.admissionOrder.map((id) => ({
    id, admitted: (gov.members.get(id) ?? gov.former.get(id))?.pseudonym, profile: docs.get(id)?.profile.get('pseudonym'),
  })), LIMITS.pseudonym)
}

/** Every member's shown name by id, "former member" for an id governance never admitted. */
export function nameOf(s: GroupSpace): (id: string) => string {
  const names = memberNames(s)
  return (id) => names.get(id) ?? 'former member'
}

/** Whether this device's member is a facilitator now. */
export function isFacilitator(s: GroupSpace): boolean {
  return s.governance.members.get(s.me)?.role === 'facilitator'
}

/** One member's shown name; `fallback` for an id governance never admitted. */
export function memberName(space: GroupSpace, id: string, fallback = 'former member'): string {
  return memberNames(space).get(id) ?? fallback
}

/**
 * Refuses a name `id` wants in this group: NAME_NOT_ALLOWED for refused characters, NAME_TAKEN
 * when it looks like a name another member shows or joined under (admission names stay reserved).
 * Returns the name as stored (NFC, trimmed).
 */
export function checkNameFor(space: GroupSpace, id: string, raw: string): string {
  const name = cleanName(raw, 'pseudonym')
  const gov = space.governance
  const joinedAs = gov.admissionOrder.map((m): [string, unknown] => [m, (gov.members.get(m) ?? gov.former.get(m))?.pseudonym])
  checkNameFree(name, id, memberNames(space), joinedAs)
  return name
}
