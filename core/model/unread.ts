/**
 * What is new for me in a group (issue 17), computed from the views the screens show, so an item
 * I cannot see (hidden by moderation, muted, deleted) never counts: posts and replies by others
 * created after my last read, replies to my own words, and the facilitators' new meetings and
 * directory entries, new decisions, and private-line messages by others.
 */
import type { FeedPage, FeedReply, UnreadView } from '../api.ts'
import type { LastRead } from './last-read.ts'

export interface Stamped {
  at: number
  by: string
}

/** What a count reads of a reply: a FeedReply has it all (feed-stamps.ts builds only this). */
export interface ReplyStamps {
  author: string
  createdAt: number
  deleted: boolean
  withheld?: 'moderation' | 'muted'
  replies: readonly ReplyStamps[]
}

/** What a count reads of a post: a FeedPost has it all. */
export interface PostStamps {
  author: string
  createdAt: number
  topic: string
  replies: readonly ReplyStamps[]
}

export interface UnreadInput {
  groupId: string
  me: string
  lastRead: LastRead
  /** Every feed post, all pages, in any order (read once). */
  posts: Iterable<PostStamps>
  meetings: Stamped[]
  resources: Stamped[]
  decisions: Stamped[]
  line: Stamped[]
  /** Facilitators: every invite (members pass none). */
  invites: Stamped[]
}

const visible = (r: ReplyStamps): boolean => !r.deleted && r.withheld === undefined

function walkReplies(replies: readonly ReplyStamps[], parentAuthor: string, me: string, f: (r: ReplyStamps, toMe: boolean) => void): void {
  for (const r of replies) {
    if (visible(r)) f(r, parentAuthor === me && r.author !== me)
    walkReplies(r.replies, r.author, me, f)
  }
}

export function countUnread(i: UnreadInput): UnreadView {
  const since = (s: keyof LastRead): number => i.lastRead[s] ?? 0
  const after = (list: Stamped[], t: number): number => list.filter((x) => x.by !== i.me && x.at > t).length
  const topics: Record<string, number> = {}
  let conversations = 0
  let repliesToMe = 0
  const t = since('conversations')
  for (const p of i.posts) {
    let n = p.author !== i.me && p.createdAt > t ? 1 : 0
    walkReplies(p.replies, p.author, i.me, (r, toMe) => {
      if (r.author === i.me || r.createdAt <= t) return
      n++
      if (toMe) repliesToMe++
    })
    if (n) topics[p.topic] = (topics[p.topic] ?? 0) + n
    conversations += n
  }
  const sections = {
    conversations, repliesToMe,
    meetings: after(i.meetings, since('meetings')), resources: after(i.resources, since('resources')),
    decisions: after(i.decisions, since('decisions')), privateLine: after(i.line, since('privateLine')),
    invites: after(i.invites, since('invites')),
  }
  const known = Object.values(i.lastRead)
  return {
    groupId: i.groupId, lastReadAt: known.length ? Math.min(...known) : null, topics,
    total: conversations + sections.meetings + sections.resources + sections.decisions + sections.privateLine + sections.invites,
    sections,
  }
}

/**
 * Marks a feed page: new items by others since `since` (everything, when I never marked the group
 * read, as the counts do), and replies to my words.
 */
export function markFeed(page: FeedPage, me: string, lastRead: number | null): FeedPage {
  const since = lastRead ?? 0
  const mark = (replies: FeedReply[], parentAuthor: string, acc: { to: number; fresh: number }): FeedReply[] =>
    replies.map((r) => {
      const isNew = r.author !== me && r.createdAt > since && visible(r)
      const toMe = parentAuthor === me && r.author !== me && visible(r)
      if (toMe) acc.to++
      if (toMe && isNew) acc.fresh++
      return { ...r, isNew, toMe, replies: mark(r.replies, r.author, acc) }
    })
  return {
    ...page, lastReadAt: lastRead,
    posts: page.posts.map((p) => {
      const acc = { to: 0, fresh: 0 }
      const replies = mark(p.replies, p.author, acc)
      return { ...p, replies, isNew: p.author !== me && p.createdAt > since, repliesToMe: acc.to, newRepliesToMe: acc.fresh }
    }),
  }
}
