/**
 * Everyday use (issue 17): what is new (unread counts from a last-read position kept on this
 * device only), the record of readable exports, presence privacy and ground-rule templates.
 */
import type { MethodHandlers, UnreadView } from '../api.ts'
import { lastReadDocName, markRead, serializeLastRead } from '../model/last-read.ts'
import { RULE_TEMPLATES } from '../model/rule-templates.ts'
import { exportRecords } from '../archive/export-policy.ts'
import type { GroupRegistry } from './group-registry.ts'
import { nameOf } from './member-names.ts'
import { isPresenceHidden, setPresenceHidden } from './presence.ts'
import { lastReadOf, unreadOf } from './unread-of.ts'

export { lastReadOf } from './unread-of.ts'

export interface EverydayContext {
  registry(): GroupRegistry
  now(): number
}

export function everydayHandlers(ctx: EverydayContext): Pick<MethodHandlers, 'exportRecords' | 'unread' | 'markRead' | 'setPresence' | 'ruleTemplates'> {
  return {
    async exportRecords({ groupId }) {
      const s = await ctx.registry().space(groupId)
      return exportRecords(s, nameOf(s))
    },
    async unread({ groupId }) {
      const reg = ctx.registry()
      const ids = groupId ? [groupId] : reg.groupIds()
      const out: UnreadView[] = []
      for (const id of ids) {
        const s = await reg.space(id)
        // A group just joined whose governance has not arrived yet has nothing to count. A
        // resting group answers from the counts kept as it went to rest, or with its first
        // screen, without waking.
        if (s.groupId) out.push(reg.restingUnread.get(id, s) ?? (await reg.keptUnread(id)) ?? unreadOf(s, reg, ctx.now()))
      }
      return out
    },
    async markRead({ groupId, section, upTo }) {
      const reg = ctx.registry()
      const s = await reg.space(groupId)
      const next = markRead(lastReadOf(reg, groupId), upTo ?? ctx.now(), section)
      await reg.personal.write(lastReadDocName(groupId), serializeLastRead(next), ctx.now())
      // The counts kept with the first screen were counted against the old positions: kept again.
      reg.keepScreenSoon(groupId, s)
      return unreadOf(s, reg, ctx.now())
    },
    async setPresence({ groupId, hidden }) {
      const reg = ctx.registry()
      await reg.space(groupId)
      await setPresenceHidden(reg, groupId, hidden, ctx.now())
      const online = await reg.onlineOf(groupId)
      online?.setPresenceHidden(hidden)
      return { hidden: isPresenceHidden(reg.personal, groupId) }
    },
    async ruleTemplates() {
      return RULE_TEMPLATES.map((t) => ({ ...t, rules: [...t.rules] }))
    },
  }
}
