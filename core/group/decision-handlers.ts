/**
 * API methods for group decisions (core/model/decisions.ts) and the facilitation rotation
 * (core/model/schedule-doc.ts). Proposals and votes go into my own member doc; the schedule
 * into shared/schedule, which only facilitators may write.
 */
import type { MethodHandlers } from '../api.ts'
import { errors } from '../errors.ts'
import { memberDocId, sharedDocId } from '../model/doc-id.ts'
import { castVote, decision, decisions, propose, type DecisionSource } from '../model/decisions.ts'
import { MemberDoc } from '../model/member-doc.ts'
import { ScheduleDoc, scheduleView } from '../model/schedule-doc.ts'
import type { GroupContext } from './group-handlers.ts'
import type { GroupSpace } from './group-space.ts'
import { memberNames } from './member-names.ts'
import { scheduleDoc } from './reader-source.ts'

type DecisionMethods = 'propose' | 'vote' | 'decisions' | 'schedule' | 'scheduleAdd' | 'scheduleRemove'

const source = (s: GroupSpace): DecisionSource => ({ me: s.me, members: s.governance.members, docs: s.docs.memberDocs(), names: memberNames(s) })

function requireRulesAccepted(s: GroupSpace): void {
  const r = s.docs.rules().current()
  if (r && !s.docs.memberDoc(s.me).accepted.has(r.hash)) throw errors.RULES_NOT_ACCEPTED()
}

function requireFacilitator(s: GroupSpace): void {
  if (s.governance.members.get(s.me)?.role !== 'facilitator') throw errors.NOT_ALLOWED('only facilitators change the rotation')
}

export function decisionHandlers(ctx: GroupContext): Pick<MethodHandlers, DecisionMethods> {
  const space = (groupId: string): Promise<GroupSpace> => ctx.registry().space(groupId)
  return {
    async propose({ groupId, text, options, closesAt }) {
      const s = await space(groupId)
      requireRulesAccepted(s)
      let ref = ''
      await s.change(memberDocId(s.me), (doc) => {
        ref = propose(new MemberDoc(doc, s.me), { text, options, closesAt }, ctx.now())
      })
      return decision(source(s), ref, ctx.now())
    },
    async vote({ groupId, proposal, option }) {
      const s = await space(groupId)
      const src = source(s)
      // castVote checks before it writes, so a refused vote leaves no change to store.
      await s.change(memberDocId(s.me), (doc) => castVote(src, new MemberDoc(doc, s.me), proposal, option, ctx.now()))
      return decision(source(s), proposal, ctx.now())
    },
    async decisions({ groupId }) {
      return decisions(source(await space(groupId)), ctx.now())
    },
    async schedule({ groupId }) {
      const s = await space(groupId)
      return scheduleView(scheduleDoc(s), source(s), ctx.now())
    },
    async scheduleAdd({ groupId, member, from, to }) {
      const s = await space(groupId)
      requireFacilitator(s)
      if (!s.governance.members.has(member)) throw errors.NOT_FOUND('no such member')
      await s.change(sharedDocId('schedule'), (doc) => {
        new ScheduleDoc(doc).add({ member, from, to }, s.me, ctx.now())
      })
      return scheduleView(scheduleDoc(s), source(s), ctx.now())
    },
    async scheduleRemove({ groupId, id }) {
      const s = await space(groupId)
      requireFacilitator(s)
      await s.change(sharedDocId('schedule'), (doc) => new ScheduleDoc(doc).remove(id))
      return scheduleView(scheduleDoc(s), source(s), ctx.now())
    },
  }
}
