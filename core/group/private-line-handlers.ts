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
import { addLineEntry } from '../model/private-line.ts'
import type { GroupRegistry } from './group-registry.ts'
import type { GroupSpace } from './group-space.ts'
import { keyFor } from './sealed-key.ts'
import { allLines, lineHolders, lineView } from './private-line-view.ts'
import { isFacilitator } from './member-names.ts'

export interface LineContext {
  registry(): GroupRegistry
  now(): number
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
