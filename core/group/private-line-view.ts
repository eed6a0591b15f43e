/**
 * What a member's private line with the facilitators shows (issue 17): one member's thread, and
 * the facilitators' list of every line. Apart from the handlers so counting what is new
 * (unread-of.ts) can read lines without reaching the registry.
 */
import type { LineThreadView } from '../api.ts'
import { errors } from '../errors.ts'
import { lineDocId } from '../model/doc-id.ts'
import { currentKey } from '../model/sealed-space.ts'
import { lineUsed, readLine } from '../model/private-line.ts'
import type { GroupSpace } from './group-space.ts'
import { facilitatorKeys, holder } from './sealed-key.ts'
import { isFacilitator, nameOf } from './member-names.ts'

/** Who holds a member's line: the member and the current facilitators (id → box key). */
export function lineHolders(s: GroupSpace, member: string): Map<string, string> {
  const m = s.governance.members.get(member)
  if (!m) throw errors.NOT_FOUND('no such member')
  return new Map([[m.id, m.boxKey], ...facilitatorKeys(s)])
}

export function lineView(s: GroupSpace, member: string): LineThreadView {
  const docId = lineDocId(member)
  const doc = s.docs.has(docId) ? s.docs.doc(docId) : null
  const name = nameOf(s)
  const { entries, sealed } = doc ? readLine(doc, holder(s)) : { entries: [], sealed: 0 }
  const record = doc ? currentKey(doc) : null
  const messages = entries.map((e) => ({
    id: e.id, by: e.by, byName: name(e.by), at: e.at, text: e.text, topic: e.topic, about: e.about,
    fromFacilitator: e.by !== member, mine: e.by === s.me,
  }))
  const last = messages.at(-1)
  return {
    member, memberName: name(member), messages, sealed,
    holders: record ? Object.keys(record.lockboxes).filter((id) => id !== member).map(name) : [],
    awaitingAnswer: last !== undefined && !last.fromFacilitator,
    lastAt: last?.at ?? null,
  }
}

/** Facilitators: every current member's line with something in it, those awaiting an answer first. */
export function allLines(s: GroupSpace): LineThreadView[] {
  if (!isFacilitator(s)) throw errors.NOT_ALLOWED('only facilitators read the members’ lines')
  const out: LineThreadView[] = []
  for (const id of s.governance.members.keys()) {
    const docId = lineDocId(id)
    // Only lines that exist: reading must not create an empty doc per member.
    if (id === s.me || !s.docs.has(docId) || !lineUsed(s.docs.doc(docId))) continue
    out.push(lineView(s, id))
  }
  return out.sort((a, b) => Number(b.awaitingAnswer) - Number(a.awaitingAnswer) || (b.lastAt ?? 0) - (a.lastAt ?? 0))
}
