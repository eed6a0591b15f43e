/**
 * The feed view. Doc contents are untrusted: a member controls every byte of their own doc, so
 * besides ordering, paging and threading these tests write hostile shapes straight into docs and
 * expect them left out, never shown half-read and never thrown on.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { FeedPost, FeedReply } from '../../../core/api.ts'
import { MemberDoc, makeRef, parseRef } from '../../../core/model/member-doc.ts'
import { feed, type MemberInfo } from '../../../core/model/views.ts'
import { LIMITS, REACTION_KINDS } from '../../../core/model/vocabulary.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { itemId, memberIds, rawPost, rawReply, viewSource } from './support.ts'

const rnd = seededRandom(testSeed())
const [alice, bob, fay, mallory] = memberIds(rnd, 4) as [string, string, string, string]
const roster: MemberInfo[] = [
  { id: alice, role: 'member', pseudonym: 'Alice at admission' },
  { id: bob, role: 'member', pseudonym: 'Bob' },
  { id: fay, role: 'facilitator', pseudonym: 'Fay' },
]

function group(): { a: MemberDoc; b: MemberDoc; f: MemberDoc; m: MemberDoc; view: (o?: Partial<Parameters<typeof feed>[1]>) => ReturnType<typeof feed> } {
  const a = new MemberDoc(new Y.Doc(), alice)
  const b = new MemberDoc(new Y.Doc(), bob)
  const f = new MemberDoc(new Y.Doc(), fay)
  // mallory's doc is present (replicated) but governance does not list her.
  const m = new MemberDoc(new Y.Doc(), mallory)
  const src = viewSource({ me: alice, members: roster, docs: [a, b, f, m] })
  return { a, b, f, m, view: (o) => feed(src, { limit: 100, ...o }) }
}

const ids = (posts: { id: string }[]): string[] => posts.map((p) => p.id)

/** Every page from the newest on, following `next`. */
function allPages(view: (o: { before?: string; limit: number; topic?: string }) => ReturnType<typeof feed>, limit: number, topic?: string): FeedPost[][] {
  const pages: FeedPost[][] = []
  let before: string | undefined
  for (let guard = 0; guard < 1000; guard++) {
    const page = view({ limit, before, topic })
    pages.push(page.posts)
    if (page.next === null) return pages
    before = page.next
  }
  throw new Error('pagination did not end')
}

describe('feed order and paging', () => {
  it('lists posts newest first across authors, ties broken by id', () => {
    const g = group()
    rawPost(g.a, itemId(2), { createdAt: 100 })
    rawPost(g.b, itemId(1), { createdAt: 300 })
    rawPost(g.f, itemId(3), { createdAt: 200 })
    rawPost(g.a, itemId(4), { createdAt: 200 })
    const got = ids(g.view().posts)
    const tied = [makeRef(alice, itemId(4)), makeRef(fay, itemId(3))].sort()
    expect(got).toEqual([makeRef(bob, itemId(1)), ...tied, makeRef(alice, itemId(2))])
  })

  it('pages through every post once, in order, with many ties in createdAt', () => {
    const g = group()
    const docs = [g.a, g.b, g.f]
    for (let i = 0; i < 40; i++) rawPost(rnd.pick(docs), itemId(rnd.int(0, 2 ** 40)), { createdAt: rnd.int(1, 5) })
    const full = g.view().posts
    expect(full.length).toBe(40)
    for (const limit of [1, 3, 7, 10, 40, 41]) {
      const pages = allPages(g.view, limit)
      expect(ids(pages.flat()), `limit ${limit}`).toEqual(ids(full))
      for (const p of pages) expect(p.length).toBeLessThanOrEqual(limit)
      expect(pages.at(-1)?.length).toBeGreaterThan(0)
    }
  })

  it('gives next = null exactly on the last page', () => {
    const g = group()
    for (let i = 0; i < 6; i++) rawPost(g.a, itemId(i), { createdAt: i })
    expect(g.view({ limit: 3 }).next).not.toBeNull()
    expect(g.view({ limit: 6 }).next).toBeNull()
    expect(g.view({ limit: 7 }).next).toBeNull()
    expect(allPages(g.view, 3).map((p) => p.length)).toEqual([3, 3])
  })

  it('is not disturbed by a newer post arriving between pages', () => {
    const g = group()
    for (let i = 0; i < 10; i++) rawPost(g.b, itemId(i), { createdAt: 10 + i })
    const first = g.view({ limit: 4 })
    rawPost(g.a, itemId(99), { createdAt: 1000 })
    const second = g.view({ limit: 4, before: first.next ?? undefined })
    expect(ids(second.posts)).toEqual([9, 8, 7, 6].map((n) => makeRef(bob, itemId(n - 4))))
  })

  it('resumes after the cursor even when the post it names was deleted meanwhile', () => {
    const g = group()
    const refs: string[] = []
    for (let i = 0; i < 6; i++) refs.push(g.b.addPost({ topic: 'story', text: `p${i}`, cw: null }, 10 + i))
    const first = g.view({ limit: 3 })
    const lastShown = first.posts.at(-1)?.id as string
    g.b.remove(lastShown, 99)
    const second = g.view({ limit: 3, before: first.next ?? undefined })
    expect(second.posts.map((p) => p.text)).toEqual(['p2', 'p1', 'p0'])
    expect(second.next).toBeNull()
  })

  it('returns an empty last page for a cursor that is not one', () => {
    const g = group()
    rawPost(g.a, itemId(1), { createdAt: 5 })
    for (const before of ['', 'garbage', '~', 'NaN~x', '-1~x']) {
      expect(g.view({ before })).toEqual({ posts: [], next: null })
    }
  })

  it.each([
    ['an item id that is not 16 hex digits', { id: 'zz', createdAt: 500 }],
    ['a fractional createdAt', { id: itemId(77), createdAt: 500.5 }],
    ['a createdAt too large to print as digits', { id: itemId(77), createdAt: 1e21 }],
  ])('does not let a post with %s end everyone’s paging early', (_what, hostile) => {
    const g = group()
    for (let i = 0; i < 6; i++) rawPost(g.b, itemId(i), { createdAt: 10 + i })
    rawPost(g.f, hostile.id, { createdAt: hostile.createdAt })
    const pages = allPages(g.view, 1)
    const seen = pages.flat().map((p) => p.id)
    for (let i = 0; i < 6; i++) expect(seen).toContain(makeRef(bob, itemId(i)))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('filters by topic, also across pages', () => {
    const g = group()
    for (let i = 0; i < 12; i++) rawPost(g.a, itemId(i), { createdAt: i, topic: i % 3 === 0 ? 'question' : 'story' })
    const questions = g.view({ topic: 'question' }).posts
    expect(questions.map((p) => p.createdAt)).toEqual([9, 6, 3, 0])
    expect(allPages(g.view, 3, 'question').flat().map((p) => p.createdAt)).toEqual([9, 6, 3, 0])
    expect(g.view({ topic: 'celebration' }).posts).toEqual([])
  })
})

describe('feed posts', () => {
  it('shows a post with its fields, its content warning, and the author’s chosen name', () => {
    const g = group()
    g.a.setProfile({ pseudonym: 'River' }, 1)
    const plain = g.a.addPost({ topic: 'story', text: 'plain', cw: null }, 10)
    const warned = g.a.addPost({ topic: 'story', text: 'heavy', cw: 'violence' }, 20)
    g.a.edit(plain, { text: 'plain, edited' }, 30)
    const [w, p] = g.view().posts
    expect(w).toMatchObject({ id: warned, author: alice, authorName: 'River', topic: 'story', text: 'heavy', cw: 'violence', createdAt: 20, editedAt: null, replyCount: 0, reactions: {}, mine: [], replies: [] })
    expect(p).toMatchObject({ id: plain, text: 'plain, edited', cw: null, editedAt: 30 })
  })

  it('falls back to the admission pseudonym when the profile name is missing or unusable', () => {
    const g = group()
    g.a.addPost({ topic: 'story', text: 'x', cw: null }, 1)
    expect(g.view().posts[0]?.authorName).toBe('Alice at admission')
    for (const bad of ['   ', 'x'.repeat(LIMITS.pseudonym + 1), 42, new Y.Text('Y text')]) {
      g.a.profile.set('pseudonym', bad)
      expect(g.view().posts[0]?.authorName).toBe('Alice at admission')
    }
  })

  it('hides a deleted post together with its replies', () => {
    const g = group()
    const post = g.a.addPost({ topic: 'story', text: 'gone soon', cw: null }, 1)
    g.b.addReply({ post, parent: post, text: 'reply' }, 2)
    g.a.remove(post, 3)
    expect(g.view().posts).toEqual([])
  })
})

describe('feed threads', () => {
  it('nests replies under their parents, oldest first, and counts them all', () => {
    const g = group()
    const post = g.a.addPost({ topic: 'story', text: 'root', cw: null }, 1)
    const r1 = g.b.addReply({ post, parent: post, text: 'r1' }, 5)
    const r2 = g.f.addReply({ post, parent: post, text: 'r2' }, 3)
    const r11 = g.a.addReply({ post, parent: r1, text: 'r1.1' }, 6)
    g.f.addReply({ post, parent: r11, text: 'r1.1.1' }, 7)
    const [p] = g.view().posts
    expect(p?.replyCount).toBe(4)
    expect(p?.replies.map((r) => r.text)).toEqual(['r2', 'r1'])
    const r1v = p?.replies[1] as FeedReply
    expect(r1v).toMatchObject({ id: r1, author: bob, authorName: 'Bob' })
    expect(r1v.replies.map((r) => r.text)).toEqual(['r1.1'])
    expect(r1v.replies[0]?.replies.map((r) => r.text)).toEqual(['r1.1.1'])
    expect(p?.replies[0]?.id).toBe(r2)
  })

  it('leaves out a reply whose thread disagrees with its parent’s', () => {
    const g = group()
    const p1 = g.a.addPost({ topic: 'story', text: 'one', cw: null }, 1)
    const p2 = g.b.addPost({ topic: 'story', text: 'two', cw: null }, 2)
    const inP1 = g.b.addReply({ post: p1, parent: p1, text: 'in p1' }, 3)
    // Parent is a reply in p1's thread but it claims p2: it would graft words onto another thread.
    g.f.addReply({ post: p2, parent: inP1, text: 'grafted' }, 4)
    // Parent is p1 itself but it claims p2.
    g.f.addReply({ post: p2, parent: p1, text: 'misfiled' }, 5)
    const view = g.view().posts
    const byText = new Map(view.map((p) => [p.text, p]))
    expect(byText.get('one')?.replyCount).toBe(1)
    expect(byText.get('one')?.replies.map((r) => r.text)).toEqual(['in p1'])
    expect(byText.get('one')?.replies[0]?.replies).toEqual([])
    expect(byText.get('two')?.replyCount).toBe(0)
  })

  it('leaves out replies with malformed refs, and replies of non-members', () => {
    const g = group()
    const post = g.a.addPost({ topic: 'story', text: 'root', cw: null }, 1)
    rawReply(g.b, itemId(1), { post: 'nope', parent: post })
    rawReply(g.b, itemId(2), { post, parent: 'nope' })
    rawReply(g.b, itemId(3), { post: 7, parent: post })
    rawReply(g.b, itemId(4), { parent: post })
    rawReply(g.b, itemId(5), { post, parent: post, text: 'x'.repeat(LIMITS.postText + 1) })
    rawReply(g.b, itemId(6), { post, parent: post, createdAt: -1 })
    g.m.addReply({ post, parent: post, text: 'from a non-member' }, 2)
    g.b.addReply({ post, parent: post, text: 'fine' }, 3)
    const [p] = g.view().posts
    expect(p?.replies.map((r) => r.text)).toEqual(['fine'])
    expect(p?.replyCount).toBe(1)
  })

  it('keeps a deleted reply only as an empty placeholder while it has live replies', () => {
    const g = group()
    const post = g.a.addPost({ topic: 'story', text: 'root', cw: null }, 1)
    const lone = g.b.addReply({ post, parent: post, text: 'lone' }, 2)
    const parent = g.b.addReply({ post, parent: post, text: 'parent' }, 3)
    g.f.addReply({ post, parent, text: 'child' }, 4)
    const deadEnd = g.b.addReply({ post, parent: post, text: 'dead end' }, 5)
    const deadChild = g.f.addReply({ post, parent: deadEnd, text: 'dead child' }, 6)
    g.b.remove(lone, 10)
    g.b.remove(parent, 10)
    g.b.remove(deadEnd, 10)
    g.f.remove(deadChild, 10)
    const [p] = g.view().posts
    expect(p?.replies).toHaveLength(1)
    expect(p?.replies[0]).toMatchObject({ id: parent, deleted: true, text: '' })
    expect(p?.replies[0]?.replies.map((r) => r.text)).toEqual(['child'])
    expect(p?.replyCount).toBe(1)
  })

  it('never shows the words of a deleted reply, even if an edit raced the removal', () => {
    const g = group()
    const post = g.a.addPost({ topic: 'story', text: 'root', cw: null }, 1)
    // What a remove on one device merged with a text edit on another can leave behind.
    rawReply(g.b, itemId(1), { post, parent: post, text: 'words I deleted', deleted: true })
    g.f.addReply({ post, parent: makeRef(bob, itemId(1)), text: 'child' }, 3)
    const [p] = g.view().posts
    expect(p?.replies[0]).toMatchObject({ deleted: true, text: '' })
  })

  it('stops at a bounded depth instead of recursing without end', () => {
    const g = group()
    const post = g.a.addPost({ topic: 'story', text: 'root', cw: null }, 1)
    let parent = post
    for (let i = 0; i < 200; i++) parent = g.b.addReply({ post, parent, text: `r${i}` }, 2 + i)
    let depth = 0
    for (let r = g.view().posts[0]?.replies[0]; r; r = r.replies[0]) depth++
    expect(depth).toBeGreaterThan(10)
    expect(depth).toBeLessThan(200)
  })
})

describe('feed reactions', () => {
  it('counts members per kind and lists mine, on posts and replies', () => {
    const g = group()
    const post = g.b.addPost({ topic: 'story', text: 'root', cw: null }, 1)
    const reply = g.f.addReply({ post, parent: post, text: 'r' }, 2)
    g.a.react(post, 'believe', true, 3)
    g.a.react(post, 'strength', true, 3)
    g.b.react(post, 'believe', true, 3)
    g.f.react(post, 'believe', true, 3)
    g.f.react(reply, 'thanks', true, 3)
    g.m.react(post, 'believe', true, 3)
    const [p] = g.view().posts
    expect(p?.reactions).toEqual({ believe: 3, strength: 1 })
    expect(p?.mine.sort()).toEqual(['believe', 'strength'])
    expect(p?.replies[0]?.reactions).toEqual({ thanks: 1 })
    expect(p?.replies[0]?.mine).toEqual([])
  })

  it('ignores unknown kinds and malformed keys', () => {
    const g = group()
    const post = g.b.addPost({ topic: 'story', text: 'root', cw: null }, 1)
    for (const key of [`${post}|love`, `${post}|`, `${post}`, `|believe`, `${post.toUpperCase()}|believe`, `nope|believe`, `${post}|believe|x`, `${post}|BELIEVE`, `${post}|toString`, `${post}|__proto__`]) {
      g.a.reactions.set(key, 1)
    }
    const [p] = g.view().posts
    expect(p?.reactions).toEqual({})
    expect(p?.mine).toEqual([])
  })
})

describe('feed against malformed member docs', () => {
  const bad: [string, (d: MemberDoc) => void][] = [
    ['a post that is a plain object', (d) => d.posts.set(itemId(1), { topic: 'story', text: 'obj', cw: null, createdAt: 1 } as unknown as Y.Map<unknown>)],
    ['a post that is a Y.Text', (d) => d.posts.set(itemId(1), new Y.Text('text') as unknown as Y.Map<unknown>)],
    ['a post that is a Y.Array', (d) => d.posts.set(itemId(1), new Y.Array() as unknown as Y.Map<unknown>)],
    ['a post that is a string', (d) => d.posts.set(itemId(1), 'string' as unknown as Y.Map<unknown>)],
    ['text over the limit', (d) => rawPost(d, itemId(1), { text: 'x'.repeat(LIMITS.postText + 1) })],
    ['text that is a Y.Text', (d) => rawPost(d, itemId(1), { text: new Y.Text('y') })],
    ['text that is missing', (d) => rawPost(d, itemId(1), { text: undefined })],
    ['negative createdAt', (d) => rawPost(d, itemId(1), { createdAt: -1 })],
    ['NaN createdAt', (d) => rawPost(d, itemId(1), { createdAt: Number.NaN })],
    ['infinite createdAt', (d) => rawPost(d, itemId(1), { createdAt: Number.POSITIVE_INFINITY })],
    ['string createdAt', (d) => rawPost(d, itemId(1), { createdAt: '5' })],
    ['missing topic', (d) => rawPost(d, itemId(1), { topic: undefined })],
    ['numeric topic', (d) => rawPost(d, itemId(1), { topic: 3 })],
    ['over-long topic', (d) => rawPost(d, itemId(1), { topic: 'a'.repeat(10_000) })],
    ['numeric cw', (d) => rawPost(d, itemId(1), { cw: 5 })],
    ['cw that is a Y.Text', (d) => rawPost(d, itemId(1), { cw: new Y.Text('cw') })],
    ['cw that is an object', (d) => rawPost(d, itemId(1), { cw: { text: 'cw' } })],
    ['cw over the limit', (d) => rawPost(d, itemId(1), { cw: 'x'.repeat(LIMITS.contentWarning + 1) })],
  ]

  it.each(bad)('skips %s without throwing', (_what, write) => {
    const g = group()
    const good = g.a.addPost({ topic: 'story', text: 'good', cw: null }, 1)
    write(g.a)
    const posts = g.view().posts
    expect(ids(posts)).toEqual([good])
  })

  it('shows an unusable editedAt as not edited', () => {
    const g = group()
    rawPost(g.a, itemId(1), { editedAt: -5 })
    rawPost(g.a, itemId(2), { editedAt: 'yesterday' })
    expect(g.view().posts.map((p) => p.editedAt)).toEqual([null, null])
  })

  it('survives a seeded storm of random field values', () => {
    const values: unknown[] = [
      null, true, 0, -1, 1.5, Number.NaN, 2 ** 60, '', ' ', 'story', 'x'.repeat(LIMITS.postText + 1), [], {}, [1, 'a'],
      new Uint8Array([1, 2]), makeRef(alice, itemId(1)), makeRef(bob, itemId(2)),
    ]
    const fields = ['topic', 'text', 'cw', 'createdAt', 'editedAt', 'deleted', 'post', 'parent']
    const g = group()
    for (let i = 0; i < 300; i++) {
      const d = rnd.pick([g.a, g.b])
      const target = rnd.next() < 0.5 ? d.posts : d.replies
      const m = new Y.Map<unknown>()
      target.set(itemId(rnd.int(1, 40)), m)
      for (const f of fields) if (rnd.next() < 0.7) m.set(f, rnd.pick(values))
      if (rnd.next() < 0.2) d.reactions.set(`${rnd.pick(values)}|${rnd.pick([...REACTION_KINDS, 'x'])}`, 1)
      const page = g.view({ limit: 5 })
      for (const p of page.posts) {
        expect(typeof p.text).toBe('string')
        expect(p.text.length).toBeLessThanOrEqual(LIMITS.postText)
        expect(p.cw === null || (typeof p.cw === 'string' && p.cw.length <= LIMITS.contentWarning)).toBe(true)
        expect(Number.isFinite(p.createdAt) && p.createdAt >= 0).toBe(true)
      }
    }
  })
})

describe('feed and non-members', () => {
  it('ignores everything in the doc of someone governance does not list', () => {
    const g = group()
    const post = g.a.addPost({ topic: 'story', text: 'mine', cw: null }, 1)
    g.m.addPost({ topic: 'story', text: 'intruder post', cw: null }, 2)
    g.m.addReply({ post, parent: post, text: 'intruder reply' }, 3)
    g.m.react(post, 'believe', true, 4)
    const page = g.view()
    expect(ids(page.posts)).toEqual([post])
    expect(page.posts[0]).toMatchObject({ replyCount: 0, reactions: {} })
    expect(JSON.stringify(page)).not.toContain('intruder')
    expect(parseRef(post)?.authorId).toBe(alice)
  })
})
