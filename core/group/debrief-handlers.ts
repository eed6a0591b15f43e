/**
 * The facilitators’ debrief space (core/model/debrief.ts holds the layout; the key rule is
 * core/model/sealed-space.ts, shared with the private lines, and core/group/sealed-key.ts).
 * Reading or writing as a facilitator first makes sure the current debrief key is held by exactly
 * the current facilitators, writing a new one if not; keys are opened from lockboxes with this
 * membership's box key inside core and never leave it.
 */
import type { DebriefView, MethodHandlers } from '../api.ts'
import { errors } from '../errors.ts'
import { sharedDocId } from '../model/doc-id.ts'
import { addEntry, currentKey, readEntries } from '../model/debrief.ts'
import { facilitatorKeys, holder, keyFor } from './sealed-key.ts'
import { wipe } from '../crypto/wipe.ts'
import type { GroupRegistry } from './group-registry.ts'
import type { GroupSpace } from './group-space.ts'
import { isFacilitator, nameOf } from './member-names.ts'

export interface DebriefContext {
  registry(): GroupRegistry
  now(): number
}

export const DEBRIEF = sharedDocId('debrief')
export { holder }

/** As a facilitator: the current key, rotated first when its holders are not the current facilitators. */
function currentKeyFor(s: GroupSpace, now: number): ReturnType<typeof keyFor> {
  return keyFor(s, DEBRIEF, facilitatorKeys(s), now)
}

/** What this member sees of the debrief space. */
export function debriefView(s: GroupSpace): DebriefView {
  const doc = s.docs.doc(DEBRIEF)
  const name = nameOf(s)
  const record = currentKey(doc)
  const facilitator = isFacilitator(s)
  const { entries, sealed } = readEntries(doc, holder(s), s.governance.writerOf())
  return {
    canRead: facilitator && record !== null && record.lockboxes[s.me] !== undefined,
    holders: record ? Object.keys(record.lockboxes).map(name) : [],
    entries: facilitator ? entries.map((e) => ({ ...e, by: name(e.by) })) : [],
    sealed: facilitator ? sealed : sealed + entries.length,
  }
}

/** Reading as a facilitator first brings the key up to date with the facilitator set. */
export async function readDebrief(s: GroupSpace, now: number): Promise<DebriefView> {
  if (isFacilitator(s)) wipe((await currentKeyFor(s, now)).key)
  return debriefView(s)
}

export async function writeDebrief(s: GroupSpace, text: string, now: number): Promise<DebriefView> {
  if (!isFacilitator(s)) throw errors.NOT_ALLOWED('only facilitators write in the debrief space')
  const { record, key } = await currentKeyFor(s, now)
  try {
    await s.change(DEBRIEF, (d) => addEntry(d, record, key, { by: s.me, at: now, text }))
  } finally {
    wipe(key)
  }
  return debriefView(s)
}

export function debriefHandlers(ctx: DebriefContext): Pick<MethodHandlers, 'debrief' | 'writeDebrief'> {
  return {
    async debrief({ groupId }) {
      return readDebrief(await ctx.registry().space(groupId), ctx.now())
    },
    async writeDebrief({ groupId, text }) {
      return writeDebrief(await ctx.registry().space(groupId), text, ctx.now())
    },
  }
}
