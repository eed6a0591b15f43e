/**
 * API methods for moderation: flags (any member, in their own doc), the facilitators' queue and
 * actions (shared/moderation, never the author's doc), and my personal mute list.
 */
import type { MethodHandlers, ModerationItem, MuteView } from '../api.ts'
import { errors } from '../errors.ts'
import { memberDocId, sharedDocId } from '../model/doc-id.ts'
import { setFlag } from '../model/flags.ts'
import { MemberDoc, type Ref } from '../model/member-doc.ts'
import { moderationIndex, moderationQueue, readTarget } from '../model/moderation-view.ts'
import { ModerationDoc, textHash, type ModAction } from '../model/moderation-doc.ts'
import { MUTE_DOC } from '../model/mute-list.ts'
import { isReason, reasonFits, ruleItems, type Reason } from '../model/rule-items.ts'
import type { GroupContext } from './group-handlers.ts'
import type { GroupSpace } from './group-space.ts'
import { memberName } from './member-names.ts'
import { moderationSource, mutesOf } from './reader-source.ts'

type ModerationMethods = 'flag' | 'moderationQueue' | 'moderate' | 'setMute' | 'listMutes'

function requireFacilitator(space: GroupSpace): void {
  if (space.governance.members.get(space.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators review flagged words')
}

/** A reason checked against the current rules; the hash it counted from, or null without rules. */
function checkedReason(space: GroupSpace, reason: string): { reason: Reason; rules: string | null } {
  const rules = space.docs.rules().current()
  if (!isReason(reason) || !reasonFits(reason, rules ? ruleItems(rules.text) : [])) {
    throw errors.INVALID_INPUT('the reason must be "other" or "rule:<n>" for one of the current ground rules')
  }
  return { reason, rules: rules?.hash ?? null }
}

function queueItem(space: GroupSpace, ref: Ref): ModerationItem | null {
  return moderationQueue(moderationSource(space)).find((i) => i.id === ref) ?? null
}

export function moderationHandlers(ctx: GroupContext): Pick<MethodHandlers, ModerationMethods> {
  const space = (groupId: string): Promise<GroupSpace> => ctx.registry().space(groupId)
  const mutes = (s: GroupSpace): MuteView[] =>
    mutesOf(ctx.registry().personal).entries(s.governance.groupId).map(([member, level]) => ({
      member, level, name: memberName(s, member),
    }))
  return {
    async flag({ groupId, to, reason, on }) {
      const s = await space(groupId)
      const src = moderationSource(s)
      if (!readTarget(src, to)) throw errors.NOT_FOUND('no such post or reply')
      if (to.startsWith(`${s.me}:`)) throw errors.INVALID_INPUT('you cannot flag your own words; edit or delete them instead')
      const flag = on === false ? null : checkedReason(s, reason)
      await s.change(memberDocId(s.me), (doc) => setFlag(new MemberDoc(doc, s.me), to, flag, ctx.now()))
      return { id: to }
    },
    async moderationQueue({ groupId }) {
      const s = await space(groupId)
      requireFacilitator(s)
      return moderationQueue(moderationSource(s))
    },
    async moderate({ groupId, to, action, reason, note }) {
      const s = await space(groupId)
      requireFacilitator(s)
      const src = moderationSource(s)
      const target = readTarget(src, to)
      if (!target) throw errors.NOT_FOUND('no such post or reply')
      if (action !== 'restore' && reason === undefined) throw errors.INVALID_INPUT('hiding or escalating needs a reason from the ground rules')
      const why = action === 'restore' ? null : checkedReason(s, reason as string)
      // A restore reviews every flag there is now: only new flaggers can hide it again.
      const covers = action === 'restore' ? [...(moderationIndex(src).get(to)?.flags.keys() ?? [])].sort() : []
      await s.change(sharedDocId('moderation'), (doc) => new ModerationDoc(doc).add({
        item: to, action: action as ModAction, reason: why?.reason ?? null, rules: why?.rules ?? null,
        note: note?.trim() ? note.trim() : null, covers, seen: textHash(target.text), by: s.me, at: ctx.now(),
      }))
      const item = queueItem(s, to)
      if (item) return item
      // Restored with no flags left to count: out of the queue, shown as it now stands.
      return {
        id: to, kind: target.kind, author: to.slice(0, 64), authorName: memberName(s, to.slice(0, 64)),
        text: target.text, cw: target.cw, createdAt: target.createdAt, editedAt: target.editedAt, hidden: false, hiddenBy: null,
        escalated: false, flags: 0, flagsTotal: covers.length, reasons: [], flaggers: [],
        lastAction: { action: 'restore', byName: memberName(s, s.me, 'you'), at: ctx.now(), reason: null, reasonView: null, note: note?.trim() || null },
        editedSinceReview: false,
      }
    },
    async setMute({ groupId, member, level }) {
      const s = await space(groupId)
      if (member === s.me) throw errors.INVALID_INPUT('you cannot mute yourself')
      if (!s.governance.members.has(member) && level !== 'none') throw errors.NOT_FOUND('no such member')
      const personal = ctx.registry().personal
      await personal.write(MUTE_DOC, mutesOf(personal).with(groupId, member, level).serialize(), ctx.now())
      ctx.registry().keepScreenSoon(groupId, s) // the kept first screen was filtered with the old list
      return mutes(s)
    },
    async listMutes({ groupId }) {
      return mutes(await space(groupId))
    },
  }
}
