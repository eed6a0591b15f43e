/**
 * Everyday use (issue 17): what is new (unread counts from a last-read position kept on this
 * device only), the record of readable exports, presence privacy and ground-rule templates.
 */
import type { FeedPost, MethodHandlers, UnreadView } from '../api.ts'
import { sharedDocId } from '../model/doc-id.ts'
import { decisions } from '../model/decisions.ts'
import { feed } from '../model/views.ts'
import { lastReadDocName, markRead, parseLastRead, serializeLastRead, type LastRead } from '../model/last-read.ts'
import { countUnread, type Stamped } from '../model/unread.ts'
import { RULE_TEMPLATES } from '../model/rule-templates.ts'
import { readDirectory } from '../model/resources-doc.ts'
import { exportRecords } from '../archive/export-policy.ts'
import type { GroupRegistry } from './group-registry.ts'
import type { GroupSpace } from './group-space.ts'
import { readerSource } from './reader-source.ts'
import { nameOf } from './support-handlers.ts'
import { allLines, lineView } from './private-line-handlers.ts'
import { isPresenceHidden, setPresenceHidden } from './presence.ts'

export interface EverydayContext {
  registry(): GroupRegistry
  now(): number
}

export function lastReadOf(reg: GroupRegistry, groupId: string): LastRead {
  try {
    return parseLastRead(reg.personal.read(lastReadDocName(groupId)))
  } catch {
    return {}
  }
}

/**
 * Every post the feed shows me, in one read: paging with `before` re-reads and re-sorts the whole
 * group for each page, which made counting quadratic (31 s for 10,000 posts, scripts/bench/unread.ts).
 */
function allPosts(s: GroupSpace, reg: GroupRegistry): FeedPost[] {
  return feed(readerSource(s, reg.personal), { limit: Number.MAX_SAFE_INTEGER }).posts
}

function stampedMeetings(s: GroupSpace): Stamped[] {
  const out: Stamped[] = []
  for (const v of s.docs.doc(sharedDocId('meetings')).getMap<unknown>('meetings').values()) {
    const m = v as { updatedAt?: unknown; createdBy?: unknown } | null
    if (m && typeof m.updatedAt === 'number' && typeof m.createdBy === 'string') out.push({ at: m.updatedAt, by: m.createdBy })
  }
  return out
}

function lineStamps(s: GroupSpace): Stamped[] {
  const facilitator = s.governance.members.get(s.me)?.role === 'facilitator'
  const lines = facilitator ? [lineView(s, s.me), ...allLines(s)] : [lineView(s, s.me)]
  return lines.flatMap((l) => l.messages.map((m) => ({ at: m.at, by: m.by })))
}

export function unreadOf(s: GroupSpace, reg: GroupRegistry, now: number): UnreadView {
  const groupId = s.governance.groupId
  return countUnread({
    groupId, me: s.me, lastRead: lastReadOf(reg, groupId), posts: allPosts(s, reg),
    meetings: stampedMeetings(s),
    resources: readDirectory(s.docs.doc(sharedDocId('resources')), (id) => id).map((r) => ({ at: r.at, by: r.addedBy })),
    decisions: decisions({ me: s.me, members: s.governance.members, docs: s.docs.memberDocs() }, now).map((d) => ({ at: d.createdAt, by: d.proposer })),
    line: lineStamps(s),
    invites: s.governance.members.get(s.me)?.role === 'facilitator' ? [...s.governance.invites.values()].map((i) => ({ at: i.at, by: i.by })) : [],
  })
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
        // A group just joined whose governance has not arrived yet has nothing to count.
        if (s.groupId) out.push(unreadOf(s, reg, ctx.now()))
      }
      return out
    },
    async markRead({ groupId, section, upTo }) {
      const reg = ctx.registry()
      const s = await reg.space(groupId)
      const next = markRead(lastReadOf(reg, groupId), upTo ?? ctx.now(), section)
      await reg.personal.write(lastReadDocName(groupId), serializeLastRead(next), ctx.now())
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
