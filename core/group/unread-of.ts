/**
 * What is new for me in one group (issue 17): the counts core/model/unread.ts makes from the
 * views the screens show, read from an awake GroupSpace and my last-read positions (kept on this
 * device only). Apart from the handlers so the registry can count a group just before its docs
 * rest (core/group/unread-rest.ts).
 */
import type { UnreadView } from '../api.ts'
import { sharedDocId } from '../model/doc-id.ts'
import { decisions } from '../model/decisions.ts'
import { feedStamps } from '../model/feed-stamps.ts'
import { lastReadDocName, parseLastRead, type LastRead } from '../model/last-read.ts'
import { countUnread, type PostStamps, type Stamped } from '../model/unread.ts'
import { readDirectory } from '../model/resources-doc.ts'
import type { GroupSpace } from './group-space.ts'
import { countedSource, type PersonalReader } from './reader-source.ts'
import { allLines, lineView } from './private-line-view.ts'

/** Whoever holds this profile's personal docs (the registry). */
interface Reader {
  personal: PersonalReader
}

export function lastReadOf(reg: Reader, groupId: string): LastRead {
  try {
    return parseLastRead(reg.personal.read(lastReadDocName(groupId)))
  } catch {
    return {}
  }
}

/**
 * Every post the feed shows me, in one walk (paging with `before` re-read and re-sorted the whole
 * group for each page: quadratic), as stamps only, one post at a time (feed-stamps.ts).
 */
function allPosts(s: GroupSpace, reg: Reader): Iterable<PostStamps> {
  // While a newcomer's history arrives no count comes from the docs read so far (reader-source.ts).
  const src = countedSource(s, reg.personal)
  return src ? feedStamps(src) : []
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

export function unreadOf(s: GroupSpace, reg: Reader, now: number): UnreadView {
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
