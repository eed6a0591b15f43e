/**
 * Which posts and replies of a group the feed reads, and how a reply tree is linked: shared by
 * the feed's pages (views.ts) and the unread counts (feed-stamps.ts), so both judge every item
 * the same way. Doc contents are untrusted (a member controls every byte of their own doc): each
 * item is checked for shape and size, and anything malformed is left out rather than half-read.
 */
import * as Y from 'yjs'
import type { HiddenNotice } from '../api.ts'
import type { Ref } from './member-doc.ts'
import { makeRef, parseRef } from './member-doc.ts'
import { LIMITS, TOPIC_ID } from './vocabulary.ts'
import type { ViewSource } from './view-source.ts'

export const speaks = (src: ViewSource, author: string): boolean => (src.authors ? src.authors.has(author) : src.members.has(author))

export interface Item {
  ref: Ref
  author: string
  text: string
  createdAt: number
  editedAt: number | null
  deleted: boolean
  raw: Y.Map<unknown>
}

// Whole milliseconds only: every shown post must print as a cursor that parses back, or a
// single odd post at a page boundary would end everyone's paging there.
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const ITEM_ID = /^[0-9a-f]{16}$/
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max

function readItem(author: string, id: string, m: unknown): Item | null {
  if (!(m instanceof Y.Map) || !ITEM_ID.test(id)) return null
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

/** A reply as it lies in its author's doc, not read yet. */
export interface RawReply {
  author: string
  id: string
  m: unknown
}

/**
 * Every reply of the group (of the posts in `only`, if given), grouped by the post it names;
 * read in full only for the posts used.
 */
export function threadsOf(src: ViewSource, only?: ReadonlySet<Ref>): Map<Ref, RawReply[]> {
  const threads = new Map<Ref, RawReply[]>()
  for (const [author, doc] of src.docs) {
    if (!speaks(src, author)) continue
    for (const [id, m] of doc.replies) {
      const post = m instanceof Y.Map ? m.get('post') : undefined
      if (typeof post !== 'string' || (only && !only.has(post))) continue
      const list = threads.get(post)
      if (list) list.push({ author, id, m })
      else threads.set(post, [{ author, id, m }])
    }
  }
  return threads
}

export interface Candidate {
  it: Item
  topic: string
  cw: string | null
  hidden: HiddenNotice | null
}

/**
 * The posts the feed may show me (in `topic`, if given), in doc order: one at a time, nothing
 * kept. `wanted`: whether a post of that time could be used at all; a post it refuses is skipped
 * before it is read (a first page skips most of the group this way, feed-select.ts).
 */
export function* postCandidates(src: ViewSource, topic?: string, wanted?: (createdAt: number) => boolean): Generator<Candidate> {
  const f = src.filter
  for (const [author, doc] of src.docs) {
    if (!speaks(src, author) || f?.muted(author)) continue
    for (const [id, m] of doc.posts) {
      if (wanted && !(m instanceof Y.Map && wantedAt(m.get('createdAt'), wanted))) continue
      const it = readItem(author, id, m)
      if (!it || it.deleted) continue
      // Hidden by moderation: only its author still sees it, with the reason.
      const hidden = f?.hidden(it.ref) ?? null
      if (hidden && author !== src.me) continue
      const t = it.raw.get('topic')
      if (typeof t !== 'string' || !TOPIC_ID.test(t) || (topic !== undefined && t !== topic)) continue
      // A warning that cannot be read must not turn into "no warning": leave the post out.
      const cw = it.raw.get('cw') ?? null
      if (cw !== null && !isText(cw, LIMITS.contentWarning)) continue
      yield { it, topic: t, cw: cw !== null && cw.trim() ? cw : null, hidden }
    }
  }
}

/** A post whose time is not a time is never a candidate; one whose time `wanted` refuses is not used. */
const wantedAt = (t: unknown, wanted: (createdAt: number) => boolean): boolean => isTime(t) && wanted(t)

/** A reply read: its parent, whether it is hidden, and why it is withheld from me (if it is). */
export function readReply(src: ViewSource, r: RawReply): { it: Item; parent: Ref; hidden: HiddenNotice | null; withheld: 'muted' | 'moderation' | null } | null {
  const it = readItem(r.author, r.id, r.m)
  const parent = it?.raw.get('parent')
  if (!it || typeof parent !== 'string' || !parseRef(parent)) return null
  const hidden = src.filter?.hidden(it.ref) ?? null
  const withheld = src.filter?.muted(r.author) ? 'muted' : hidden && r.author !== src.me ? 'moderation' : null
  return { it, parent, hidden, withheld }
}

export interface TreeNode<T> {
  id: string
  createdAt: number
  deleted: boolean
  withheld?: unknown
  replies: T[]
}

/**
 * The reply tree under `post`, from each reply's parent. A reply whose parent is not reachable
 * from the post (it claims a thread it is not part of) is never reached; deeper than 50 is cut;
 * a deleted or withheld reply stays as a placeholder only while it has replies of its own.
 */
export function growTree<T extends TreeNode<T>>(post: Ref, children: Map<Ref, T[]>): T[] {
  const build = (parent: Ref, depth: number): T[] => {
    if (depth > 50) return []
    const list = children.get(parent) ?? []
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    for (const r of list) r.replies = build(r.id, depth + 1)
    return list.filter((r) => !(r.deleted || r.withheld) || r.replies.length > 0)
  }
  return build(post, 0)
}
