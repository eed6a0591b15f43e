/**
 * Each member's private line to the facilitators (core/model/private-line.ts holds the layout;
 * core/model/sealed-space.ts the key rule). A member writes on their own line; facilitators
 * read every line whose key they hold and answer on it. Every write first makes sure the line's
 * key is held by exactly the member and the current facilitators. Reading writes nothing, so
 * opening the screen leaves no trace in the group's logs.
 */
import type { LineThreadView, LineTopic, MethodHandlers } from '../api.ts'
import { errors } from '../errors.ts'
import { wipe } from '../crypto/wipe.ts'
import { lineDocId } from '../model/doc-id.ts'
import { currentKey } from '../model/sealed-space.ts'
import { addLineEntry, lineUsed, readLine } from '../model/private-line.ts'
import type { GroupRegistry } from './group-registry.ts'
import type { GroupSpace } from './group-space.ts'
import { facilitatorKeys, holder, keyFor } from './sealed-key.ts'
import { isFacilitator, nameOf } from './support-handlers.ts'

export interface LineContext {
  registry(): GroupRegistry
  now(): number
}

/** Who holds a member's line: the member and the current facilitators (id → box key). */
function lineHolders(s: GroupSpace, member: string): Map<string, string> {
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

export async function writeLine(s: GroupSpace, member: string, e: { text: string; topic: LineTopic | null; about: string | null }, now: number): Promise<LineThreadView> {
  if (s.membership !== 'member') throw errors.NOT_ALLOWED('you are no longer a member of this group')
  const docId = lineDocId(member)
  const { record, key } = await keyFor(s, docId, lineHolders(s, member), now)
  try {
    await s.change(docId, (d) => addLineEntry(d, record, key, { by: s.me, at: now, ...e }))
  } finally {
    wipe(key)
  }
  return lineView(s, member)
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

export function privateLineHandlers(ctx: LineContext): Pick<MethodHandlers, 'privateLine' | 'writePrivateLine' | 'privateLines' | 'answerPrivateLine'> {
  const space = (groupId: string): Promise<GroupSpace> => ctx.registry().space(groupId)
  return {
    async privateLine({ groupId }) {
      const s = await space(groupId)
      return lineView(s, s.me)
    },
    async writePrivateLine({ groupId, text, topic, about }) {
      const s = await space(groupId)
      return writeLine(s, s.me, { text, topic: topic ?? null, about: about ?? null }, ctx.now())
    },
    async privateLines({ groupId }) {
      return allLines(await space(groupId))
    },
    async answerPrivateLine({ groupId, member, text }) {
      const s = await space(groupId)
      if (!isFacilitator(s)) throw errors.NOT_ALLOWED('only facilitators answer on a member’s line')
      if (member === s.me) throw errors.INVALID_INPUT('write on your own line instead')
      return writeLine(s, member, { text, topic: null, about: null }, ctx.now())
    },
  }
}
