/**
 * A member's own doc, `member/<memberId>` (Yjs), layout version 1. Only that member's devices
 * write it (core/model/write-rule.ts), so everything in it is attributable to them.
 *
 *   profile    Y.Map   pseudonym: string, status: MemberStatus, updatedAt: ms
 *   posts      Y.Map   <postId> → Y.Map { topic, text, cw (string|null), createdAt, editedAt?, deleted? }
 *   replies    Y.Map   <replyId> → Y.Map { post: PostRef, parent: Ref, text, createdAt, editedAt?, deleted? }
 *   reactions  Y.Map   "<Ref>|<kind>" → createdAt       (a key present = the reaction is on)
 *   accepted   Y.Map   "<rules hash>" → acceptedAt   (rules-doc.ts rulesHash: the words accepted,
 *                      not a version number a rules writer could renumber)
 *   flags      Y.Map   flags.ts (moderation: "<Ref>" → reason)
 *   proposals  Y.Map   decisions.ts (a decision this member proposed)
 *   votes      Y.Map   decisions.ts ("<proposal Ref>" → this member's vote)
 *   checkins, training, rsvps, suggestions   what the member chose to share of the support
 *                      features; each layout is in its own module (check-ins.ts, training.ts,
 *                      meetings-doc.ts, resources-doc.ts)
 *
 * A Ref names an item anywhere in the group: "<authorId>:<itemId>". Items are nested maps so two
 * devices of one member editing different fields merge cleanly. Deleting clears the text and
 * marks the item; the earlier text stays in the author's append-only log (ciphertext), which is
 * what "delete" can honestly mean in a replicated log.
 */
import * as Y from 'yjs'
import { errors } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { LIMITS, TOPIC_ID, type MemberStatus, type ReactionKind } from './vocabulary.ts'
import { cleanName } from './names.ts'

export type Ref = string

export function makeRef(authorId: string, itemId: string): Ref {
  return `${authorId}:${itemId}`
}

export function parseRef(ref: string): { authorId: string; itemId: string } | null {
  const m = /^([0-9a-f]{64}):([0-9a-f]{16})$/.exec(ref)
  return m ? { authorId: m[1] as string, itemId: m[2] as string } : null
}

function newItemId(existing: { has(id: string): boolean }): string {
  for (;;) {
    const id = Buffer.from(randomBytes(8)).toString('hex')
    if (!existing.has(id)) return id
  }
}

function checkText(text: string, max: number, what: string): void {
  if (text.trim().length === 0) throw errors.INVALID_INPUT(`${what} is empty`)
  if (text.length > max) throw errors.INVALID_INPUT(`${what} is longer than ${max} characters`)
}

export class MemberDoc {
  constructor(
    readonly doc: Y.Doc,
    readonly memberId: string,
  ) {}

  get profile(): Y.Map<unknown> { return this.doc.getMap('profile') }
  get posts(): Y.Map<Y.Map<unknown>> { return this.doc.getMap('posts') }
  get replies(): Y.Map<Y.Map<unknown>> { return this.doc.getMap('replies') }
  get reactions(): Y.Map<number> { return this.doc.getMap('reactions') }
  get accepted(): Y.Map<number> { return this.doc.getMap('accepted') }

  setProfile(p: { pseudonym?: string; status?: MemberStatus }, now: number): void {
    if (p.pseudonym !== undefined) checkText(p.pseudonym, LIMITS.pseudonym, 'the pseudonym')
    const name = p.pseudonym === undefined ? undefined : cleanName(p.pseudonym, 'pseudonym')
    this.doc.transact(() => {
      if (name !== undefined) this.profile.set('pseudonym', name)
      if (p.status !== undefined) this.profile.set('status', p.status)
      this.profile.set('updatedAt', now)
    })
  }

  addPost(p: { topic: string; text: string; cw: string | null }, now: number): Ref {
    checkText(p.text, LIMITS.postText, 'the post')
    if (!TOPIC_ID.test(p.topic)) throw errors.INVALID_INPUT('not a topic')
    if (p.cw !== null) checkText(p.cw, LIMITS.contentWarning, 'the content warning')
    const id = newItemId(this.posts)
    this.doc.transact(() => {
      const item = new Y.Map<unknown>()
      this.posts.set(id, item)
      item.set('topic', p.topic)
      item.set('text', p.text)
      item.set('cw', p.cw === null ? null : p.cw.trim())
      item.set('createdAt', now)
    })
    return makeRef(this.memberId, id)
  }

  addReply(p: { post: Ref; parent: Ref; text: string }, now: number): Ref {
    checkText(p.text, LIMITS.postText, 'the reply')
    const id = newItemId(this.replies)
    this.doc.transact(() => {
      const item = new Y.Map<unknown>()
      this.replies.set(id, item)
      item.set('post', p.post)
      item.set('parent', p.parent)
      item.set('text', p.text)
      item.set('createdAt', now)
    })
    return makeRef(this.memberId, id)
  }

  /** Edits a post or reply of this member; NOT_FOUND for anything else. */
  edit(ref: Ref, change: { text?: string; cw?: string | null }, now: number): void {
    const item = this.ownItem(ref)
    if (change.text !== undefined) checkText(change.text, LIMITS.postText, 'the text')
    if (change.cw !== undefined && change.cw !== null) checkText(change.cw, LIMITS.contentWarning, 'the content warning')
    this.doc.transact(() => {
      if (change.text !== undefined) item.set('text', change.text)
      if (change.cw !== undefined && item.has('topic')) item.set('cw', change.cw === null ? null : change.cw.trim())
      item.set('editedAt', now)
    })
  }

  remove(ref: Ref, now: number): void {
    const item = this.ownItem(ref)
    this.doc.transact(() => {
      item.set('text', '')
      if (item.has('cw')) item.set('cw', null)
      item.set('deleted', true)
      item.set('editedAt', now)
    })
  }

  react(target: Ref, kind: ReactionKind, on: boolean, now: number): void {
    const key = `${target}|${kind}`
    this.doc.transact(() => {
      if (on) this.reactions.set(key, now)
      else this.reactions.delete(key)
    })
  }

  acceptRules(rulesHash: string, now: number): void {
    this.doc.transact(() => this.accepted.set(rulesHash, now))
  }

  /** A post or reply of this member by item id, or undefined. */
  item(itemId: string): { kind: 'post' | 'reply'; map: Y.Map<unknown> } | undefined {
    const post = this.posts.get(itemId)
    if (post instanceof Y.Map) return { kind: 'post', map: post }
    const reply = this.replies.get(itemId)
    return reply instanceof Y.Map ? { kind: 'reply', map: reply } : undefined
  }

  private ownItem(ref: Ref): Y.Map<unknown> {
    const parsed = parseRef(ref)
    const item = parsed?.authorId === this.memberId ? this.item(parsed.itemId)?.map : undefined
    if (!item || item.get('deleted') === true) throw errors.NOT_FOUND('no such post or reply of yours')
    return item
  }
}
