/**
 * Read-only views over a group's docs: the feed (threads, counts, content warnings, newest first,
 * paginated) and the member list. Everything here treats doc contents as untrusted — a member
 * controls every byte of their own doc — so each item is checked for shape and size, and anything
 * malformed is left out rather than shown half-read (which items: feed-items.ts).
 */
import type { FeedPage, FeedPost, FeedReply, MemberView } from '../api.ts'
import type { ViewSource } from './view-source.ts'
import { growTree, postCandidates, readReply, speaks, threadsOf, type Candidate, type RawReply } from './feed-items.ts'
import { newerFirst, Newest } from './feed-select.ts'
import type { Ref } from './member-doc.ts'
import { makeRef, parseRef } from './member-doc.ts'
import { shownName } from './names.ts'
import { MEMBER_STATUSES, REACTION_KINDS, type MemberStatus } from './vocabulary.ts'
import { compareNames } from './name-order.ts'

export type { ItemFilter, MemberInfo, ViewSource } from './view-source.ts'

const nameOf = (src: ViewSource, id: string): string => shownName(src, id)

/** Reaction counts (and mine) of the posts and replies in `targets`: the page's, not the group's. */
function collectReactions(src: ViewSource, targets: ReadonlySet<Ref>): Map<Ref, { counts: Record<string, number>; mine: string[] }> {
  const out = new Map<Ref, { counts: Record<string, number>; mine: string[] }>()
  for (const [author, doc] of src.docs) {
    if (!speaks(src, author) || src.filter?.blocked(author)) continue
    for (const key of doc.reactions.keys()) {
      const bar = key.lastIndexOf('|')
      const target = key.slice(0, bar)
      const kind = key.slice(bar + 1)
      if (bar < 0 || !targets.has(target) || !parseRef(target) || !(REACTION_KINDS as string[]).includes(kind)) continue
      const r = out.get(target) ?? { counts: {}, mine: [] }
      r.counts[kind] = (r.counts[kind] ?? 0) + 1
      if (author === src.me) r.mine.push(kind)
      out.set(target, r)
    }
  }
  return out
}

export function feed(src: ViewSource, opts: { topic?: string; before?: string; limit: number }): FeedPage {
  // The cursor is a position, not an item: paging resumes correctly even if that post was
  // deleted or new posts arrived meanwhile.
  const after = opts.before === undefined ? null : parseCursor(opts.before)
  if (opts.before !== undefined && after === null) return { posts: [], next: null }
  // The page and one more (is there a next page?), chosen without sorting every post
  // (feed-select.ts); a post newer than the cursor, or older than those kept, is not read.
  const pick = new Newest<Candidate>(opts.limit + 1, (c) => c.it)
  const wanted = (t: number): boolean => (after === null || t <= after.createdAt) && pick.wants(t)
  for (const c of postCandidates(src, opts.topic, wanted)) if (after === null || newerFirst(after, c.it) < 0) pick.add(c)
  const chosen = pick.done()
  const page = chosen.slice(0, Math.max(0, opts.limit))
  // Replies and reactions are read for the posts on the page only.
  const threads = threadsOf(src, new Set(page.map((c) => c.it.ref)))
  const targets = new Set<Ref>(page.map((c) => c.it.ref))
  for (const list of threads.values()) for (const r of list) targets.add(makeRef(r.author, r.id))
  const reactions = collectReactions(src, targets)
  const f = src.filter
  const posts = page.map(({ it, topic, cw, hidden }): FeedPost => {
    const replies = thread(src, it.ref, threads.get(it.ref) ?? [], reactions)
    const r = reactions.get(it.ref)
    const flagged = f?.myFlag(it.ref) ?? null
    return {
      id: it.ref, author: it.author, authorName: nameOf(src, it.author), topic, text: it.text,
      cw,
      createdAt: it.createdAt, editedAt: it.editedAt, replyCount: countReplies(replies),
      reactions: r?.counts ?? {}, mine: r?.mine ?? [], replies,
      ...(hidden ? { hidden } : {}), ...(flagged ? { myFlag: flagged } : {}),
    }
  })
  const last = page.at(-1)
  return { posts, next: last && chosen.length > page.length ? `${last.it.createdAt}~${last.it.ref}` : null }
}

function parseCursor(c: string): { createdAt: number; ref: string } | null {
  const m = /^(\d{1,16})~([0-9a-f]{64}:[0-9a-f]{16})$/.exec(c)
  return m ? { createdAt: Number(m[1]), ref: m[2] as string } : null
}

const countReplies = (rs: FeedReply[]): number => rs.reduce((n, r) => n + (r.deleted || r.withheld ? 0 : 1) + countReplies(r.replies), 0)

/** The reply tree of one post, from the replies that name it as their post (feed-items.ts `growTree`). */
function thread(src: ViewSource, post: Ref, raw: RawReply[], reactions: Map<Ref, { counts: Record<string, number>; mine: string[] }>): FeedReply[] {
  const children = new Map<Ref, FeedReply[]>()
  for (const one of raw) {
    const read = readReply(src, one)
    if (!read) continue
    const { it, parent, hidden, withheld } = read
    const author = it.author
    const r = reactions.get(it.ref)
    const flagged = src.filter?.myFlag(it.ref) ?? null
    const reply: FeedReply = {
      // A deleted or withheld reply kept as a placeholder shows no words, whatever an edit left in it.
      id: it.ref, author, authorName: nameOf(src, author), text: it.deleted || withheld ? '' : it.text, createdAt: it.createdAt,
      editedAt: it.editedAt, deleted: it.deleted, reactions: withheld ? {} : (r?.counts ?? {}), mine: withheld ? [] : (r?.mine ?? []), replies: [],
      ...(withheld ? { withheld } : {}), ...(hidden && author === src.me ? { hidden } : {}), ...(flagged && !withheld ? { myFlag: flagged } : {}),
    }
    children.set(parent, [...(children.get(parent) ?? []), reply])
  }
  return growTree(post, children)
}

export function members(src: ViewSource): MemberView[] {
  const out: MemberView[] = []
  for (const info of src.members.values()) {
    const doc = src.docs.get(info.id)
    const status = doc?.profile.get('status')
    const accepted = src.rules && doc?.accepted.has(src.rules.hash) ? src.rules.version : null
    out.push({
      id: info.id, pseudonym: nameOf(src, info.id), role: info.role, me: info.id === src.me,
      status: (MEMBER_STATUSES as readonly string[]).includes(status as string) ? (status as MemberStatus) : 'active',
      acceptedRules: accepted,
      ...(info.badge ? { badge: info.badge } : {}),
    })
  }
  return out.sort((a, b) => (a.role === b.role ? compareNames(a.pseudonym, b.pseudonym) : a.role === 'facilitator' ? -1 : 1))
}
