/**
 * Read-only views over a group's docs: the feed (threads, counts, content warnings, newest first,
 * paginated) and the member list. Everything here treats doc contents as untrusted — a member
 * controls every byte of their own doc — so each item is checked for shape and size, and anything
 * malformed is left out rather than shown half-read.
 */
import * as Y from 'yjs'
import type { FeedPage, FeedPost, FeedReply, MemberView } from '../api.ts'
import type { MemberDoc, Ref } from './member-doc.ts'
import { makeRef, parseRef } from './member-doc.ts'
import type { RulesVersion } from './rules-doc.ts'
import { LIMITS, MEMBER_STATUSES, REACTION_KINDS, type MemberStatus } from './vocabulary.ts'
import type { Role } from './write-rule.ts'

export interface MemberInfo {
  id: string
  role: Role
  /** The pseudonym given at admission; the member's own profile may update it. */
  pseudonym: string
}

export interface ViewSource {
  me: string
  members: ReadonlyMap<string, MemberInfo>
  docs: ReadonlyMap<string, MemberDoc>
  rules: RulesVersion | null
}

interface Item {
  ref: Ref
  author: string
  text: string
  createdAt: number
  editedAt: number | null
  deleted: boolean
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max

function readItem(author: string, id: string, m: unknown): (Item & { raw: Y.Map<unknown> }) | null {
  if (!(m instanceof Y.Map)) return null
  const text = m.get('text')
  const createdAt = m.get('createdAt')
  const editedAt = m.get('editedAt')
  if (!isText(text, LIMITS.postText) || !isTime(createdAt)) return null
  return {
    ref: makeRef(author, id), author, text, createdAt,
    editedAt: isTime(editedAt) ? editedAt : null,
    deleted: m.get('deleted') === true, raw: m,
  }
}

function nameOf(src: ViewSource, id: string): string {
  const p = src.docs.get(id)?.profile.get('pseudonym')
  return isText(p, LIMITS.pseudonym) && p.trim() ? p : (src.members.get(id)?.pseudonym ?? 'former member')
}

function collectReactions(src: ViewSource): Map<Ref, { counts: Record<string, number>; mine: string[] }> {
  const out = new Map<Ref, { counts: Record<string, number>; mine: string[] }>()
  for (const [author, doc] of src.docs) {
    if (!src.members.has(author)) continue
    for (const key of doc.reactions.keys()) {
      const bar = key.lastIndexOf('|')
      const target = key.slice(0, bar)
      const kind = key.slice(bar + 1)
      if (bar < 0 || !parseRef(target) || !(REACTION_KINDS as string[]).includes(kind)) continue
      const r = out.get(target) ?? { counts: {}, mine: [] }
      r.counts[kind] = (r.counts[kind] ?? 0) + 1
      if (author === src.me) r.mine.push(kind)
      out.set(target, r)
    }
  }
  return out
}

export function feed(src: ViewSource, opts: { topic?: string; before?: string; limit: number }): FeedPage {
  const reactions = collectReactions(src)
  const children = new Map<Ref, FeedReply[]>()
  const replyToPost = new Map<Ref, Ref>()
  for (const [author, doc] of src.docs) {
    if (!src.members.has(author)) continue
    for (const [id, m] of doc.replies) {
      const it = readItem(author, id, m)
      const post = it?.raw.get('post')
      const parent = it?.raw.get('parent')
      if (!it || typeof post !== 'string' || typeof parent !== 'string' || !parseRef(post) || !parseRef(parent)) continue
      const r = reactions.get(it.ref)
      const reply: FeedReply = {
        id: it.ref, author, authorName: nameOf(src, author), text: it.text, createdAt: it.createdAt,
        editedAt: it.editedAt, deleted: it.deleted, reactions: r?.counts ?? {}, mine: r?.mine ?? [], replies: [],
      }
      replyToPost.set(it.ref, post)
      children.set(parent, [...(children.get(parent) ?? []), reply])
    }
  }
  // A reply only counts where its thread claims it: parent must be in the same post's thread.
  const build = (parent: Ref, post: Ref, depth: number): FeedReply[] => {
    if (depth > 50) return []
    const list = (children.get(parent) ?? []).filter((r) => replyToPost.get(r.id) === post)
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    for (const r of list) r.replies = build(r.id, post, depth + 1)
    return list.filter((r) => !r.deleted || r.replies.length > 0)
  }
  const count = (rs: FeedReply[]): number => rs.reduce((n, r) => n + (r.deleted ? 0 : 1) + count(r.replies), 0)

  const posts: FeedPost[] = []
  for (const [author, doc] of src.docs) {
    if (!src.members.has(author)) continue
    for (const [id, m] of doc.posts) {
      const it = readItem(author, id, m)
      if (!it || it.deleted) continue
      const topic = it.raw.get('topic')
      const cw = it.raw.get('cw')
      if (typeof topic !== 'string' || (opts.topic !== undefined && topic !== opts.topic)) continue
      const r = reactions.get(it.ref)
      const replies = build(it.ref, it.ref, 0)
      posts.push({
        id: it.ref, author, authorName: nameOf(src, author), topic, text: it.text,
        cw: isText(cw, LIMITS.contentWarning) && cw.trim() ? cw : null,
        createdAt: it.createdAt, editedAt: it.editedAt, replyCount: count(replies),
        reactions: r?.counts ?? {}, mine: r?.mine ?? [], replies,
      })
    }
  }
  posts.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
  const cursor = (p: FeedPost): string => `${p.createdAt}~${p.id}`
  const start = opts.before === undefined ? 0 : posts.findIndex((p) => cursor(p) === opts.before) + 1
  if (opts.before !== undefined && start === 0) return { posts: [], next: null }
  const page = posts.slice(start, start + opts.limit)
  const last = page.at(-1)
  return { posts: page, next: last && start + opts.limit < posts.length ? cursor(last) : null }
}

export function members(src: ViewSource): MemberView[] {
  const out: MemberView[] = []
  for (const info of src.members.values()) {
    const doc = src.docs.get(info.id)
    const status = doc?.profile.get('status')
    const accepted = src.rules && doc?.accepted.has(String(src.rules.version)) ? src.rules.version : null
    out.push({
      id: info.id, pseudonym: nameOf(src, info.id), role: info.role, me: info.id === src.me,
      status: (MEMBER_STATUSES as readonly string[]).includes(status as string) ? (status as MemberStatus) : 'active',
      acceptedRules: accepted,
    })
  }
  return out.sort((a, b) => (a.role === b.role ? a.pseudonym.localeCompare(b.pseudonym) : a.role === 'facilitator' ? -1 : 1))
}
