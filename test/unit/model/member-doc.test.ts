/**
 * MemberDoc: what a member's own device may write, the limits it enforces before anything
 * reaches a block, and that two devices of one member merge.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { MemberDoc, makeRef, parseRef } from '../../../core/model/member-doc.ts'
import { LIMITS } from '../../../core/model/vocabulary.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf, memberIds } from './support.ts'

const [alice, bob] = memberIds(seededRandom(testSeed()), 2) as [string, string]
const mine = (): MemberDoc => new MemberDoc(new Y.Doc(), alice)
const postOf = (d: MemberDoc, ref: string): Y.Map<unknown> => d.posts.get(parseRef(ref)?.itemId ?? '') as Y.Map<unknown>
const replyOf = (d: MemberDoc, ref: string): Y.Map<unknown> => d.replies.get(parseRef(ref)?.itemId ?? '') as Y.Map<unknown>

/** Copies every update of `a` into `b` and back. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, ua)
  Y.applyUpdate(a, ub)
}

describe('refs', () => {
  it('round-trip and refuse anything but lowercase author:item', () => {
    const ref = makeRef(alice, '0123456789abcdef')
    expect(parseRef(ref)).toEqual({ authorId: alice, itemId: '0123456789abcdef' })
    for (const bad of ['', alice, `${alice}:`, `${alice}:0123456789ABCDEF`, `${alice}:0123456789abcde`, `${alice.toUpperCase()}:0123456789abcdef`, `${alice}:0123456789abcdef:x`, ` ${ref}`]) {
      expect(parseRef(bad)).toBeNull()
    }
  })
})

describe('posts', () => {
  it('adds a post as a nested map with a ref naming this member', () => {
    const d = mine()
    const ref = d.addPost({ topic: 'check-in', text: 'Today was hard', cw: null }, 1000)
    expect(parseRef(ref)?.authorId).toBe(alice)
    expect(postOf(d, ref).toJSON()).toEqual({ topic: 'check-in', text: 'Today was hard', cw: null, createdAt: 1000 })
    expect(d.item(parseRef(ref)?.itemId ?? '')?.kind).toBe('post')
  })

  it('gives each post its own id', () => {
    const d = mine()
    const refs = new Set(Array.from({ length: 50 }, () => d.addPost({ topic: 'story', text: 'x', cw: null }, 1)))
    expect(refs.size).toBe(50)
    expect(d.posts.size).toBe(50)
  })

  it('trims the content warning and keeps the text exactly as written', () => {
    const d = mine()
    const ref = d.addPost({ topic: 'story', text: '  my words \n', cw: '  mentions violence  ' }, 1)
    expect(postOf(d, ref).get('cw')).toBe('mentions violence')
    expect(postOf(d, ref).get('text')).toBe('  my words \n')
  })

  it('enforces the limits before writing anything', () => {
    const d = mine()
    const base: { topic: string; text: string; cw: string | null } = { topic: 'story', text: 'ok', cw: null }
    const cases: [string, Partial<typeof base>][] = [
      ['empty text', { text: '' }],
      ['whitespace text', { text: ' \n\t ' }],
      ['over-long text', { text: 'x'.repeat(LIMITS.postText + 1) }],
      ['empty topic', { topic: '' }],
      ['uppercase topic', { topic: 'Story' }],
      ['topic with a space', { topic: 'my story' }],
      ['over-long topic', { topic: 'a'.repeat(33) }],
      ['empty cw', { cw: '' }],
      ['whitespace cw', { cw: '   ' }],
      ['over-long cw', { cw: 'x'.repeat(LIMITS.contentWarning + 1) }],
    ]
    for (const [what, change] of cases) {
      expect(codeOf(() => d.addPost({ ...base, ...change }, 1)), what).toBe('INVALID_INPUT')
    }
    expect(d.posts.size).toBe(0)
    expect(codeOf(() => d.addPost({ ...base, text: 'x'.repeat(LIMITS.postText), cw: 'y'.repeat(LIMITS.contentWarning), topic: 'a'.repeat(32) }, 1))).toBe('OK')
  })
})

describe('replies', () => {
  it('records the thread and the parent it answers', () => {
    const d = mine()
    const post = makeRef(bob, '00000000000000aa')
    const ref = d.addReply({ post, parent: post, text: 'I hear you' }, 5)
    expect(replyOf(d, ref).toJSON()).toEqual({ post, parent: post, text: 'I hear you', createdAt: 5 })
    expect(d.item(parseRef(ref)?.itemId ?? '')?.kind).toBe('reply')
  })

  it('refuses empty and over-long replies', () => {
    const d = mine()
    const post = makeRef(bob, '00000000000000aa')
    expect(codeOf(() => d.addReply({ post, parent: post, text: '  ' }, 1))).toBe('INVALID_INPUT')
    expect(codeOf(() => d.addReply({ post, parent: post, text: 'x'.repeat(LIMITS.postText + 1) }, 1))).toBe('INVALID_INPUT')
    expect(d.replies.size).toBe(0)
  })
})

describe('edit and remove', () => {
  it('edits text and content warning and stamps editedAt', () => {
    const d = mine()
    const ref = d.addPost({ topic: 'story', text: 'first', cw: null }, 1)
    d.edit(ref, { text: 'second', cw: ' heavy ' }, 2)
    expect(postOf(d, ref).toJSON()).toMatchObject({ text: 'second', cw: 'heavy', editedAt: 2, createdAt: 1 })
    d.edit(ref, { cw: null }, 3)
    expect(postOf(d, ref).toJSON()).toMatchObject({ text: 'second', cw: null, editedAt: 3 })
  })

  it('does not give a reply a content warning', () => {
    const d = mine()
    const post = makeRef(bob, '00000000000000aa')
    const ref = d.addReply({ post, parent: post, text: 'r' }, 1)
    d.edit(ref, { text: 'r2', cw: 'x' }, 2)
    expect(replyOf(d, ref).has('cw')).toBe(false)
    expect(replyOf(d, ref).get('text')).toBe('r2')
  })

  it('applies the same limits to an edit', () => {
    const d = mine()
    const ref = d.addPost({ topic: 'story', text: 'first', cw: null }, 1)
    expect(codeOf(() => d.edit(ref, { text: '' }, 2))).toBe('INVALID_INPUT')
    expect(codeOf(() => d.edit(ref, { text: 'x'.repeat(LIMITS.postText + 1) }, 2))).toBe('INVALID_INPUT')
    expect(codeOf(() => d.edit(ref, { cw: ' ' }, 2))).toBe('INVALID_INPUT')
    expect(postOf(d, ref).toJSON()).toEqual({ topic: 'story', text: 'first', cw: null, createdAt: 1 })
  })

  it('removes by clearing the words and marking the item', () => {
    const d = mine()
    const ref = d.addPost({ topic: 'story', text: 'secret words', cw: 'cw' }, 1)
    d.remove(ref, 9)
    expect(postOf(d, ref).toJSON()).toEqual({ topic: 'story', text: '', cw: null, createdAt: 1, deleted: true, editedAt: 9 })
    const r = d.addReply({ post: ref, parent: ref, text: 'reply words' }, 2)
    d.remove(r, 10)
    expect(replyOf(d, r).toJSON()).toMatchObject({ text: '', deleted: true, editedAt: 10 })
    expect(replyOf(d, r).has('cw')).toBe(false)
  })

  it('answers NOT_FOUND for another member’s item, a deleted item, an unknown id or a bad ref', () => {
    const d = mine()
    const ref = d.addPost({ topic: 'story', text: 'mine', cw: null }, 1)
    const itemId = parseRef(ref)?.itemId as string
    // Same item id under another author: the ref names bob's post, which is not in this doc.
    const bobsRef = makeRef(bob, itemId)
    expect(codeOf(() => d.edit(bobsRef, { text: 'forged' }, 2))).toBe('NOT_FOUND')
    expect(codeOf(() => d.remove(bobsRef, 2))).toBe('NOT_FOUND')
    expect(codeOf(() => d.edit(makeRef(alice, 'ffffffffffffffff'), { text: 'x' }, 2))).toBe('NOT_FOUND')
    expect(codeOf(() => d.edit('not a ref', { text: 'x' }, 2))).toBe('NOT_FOUND')
    expect(codeOf(() => d.edit(ref.toUpperCase(), { text: 'x' }, 2))).toBe('NOT_FOUND')
    d.remove(ref, 3)
    expect(codeOf(() => d.edit(ref, { text: 'back from the dead' }, 4))).toBe('NOT_FOUND')
    expect(codeOf(() => d.remove(ref, 4))).toBe('NOT_FOUND')
    expect(postOf(d, ref).get('text')).toBe('')
  })

  it('answers NOT_FOUND for an item that is not a map', () => {
    const d = mine()
    d.posts.set('00000000000000ab', 'plain' as unknown as Y.Map<unknown>)
    expect(codeOf(() => d.edit(makeRef(alice, '00000000000000ab'), { text: 'x' }, 1))).toBe('NOT_FOUND')
  })
})

describe('reactions, acceptances, profile', () => {
  it('turns a reaction on and off by key', () => {
    const d = mine()
    const target = makeRef(bob, '00000000000000aa')
    d.react(target, 'believe', true, 5)
    d.react(target, 'strength', true, 6)
    expect(Object.fromEntries(d.reactions.entries())).toEqual({ [`${target}|believe`]: 5, [`${target}|strength`]: 6 })
    d.react(target, 'believe', false, 7)
    d.react(target, 'thanks', false, 7)
    expect([...d.reactions.keys()]).toEqual([`${target}|strength`])
  })

  it('records which rules were accepted (by the hash of their words) and when', () => {
    const d = mine()
    d.acceptRules('a'.repeat(32), 10)
    d.acceptRules('b'.repeat(32), 30)
    expect(d.accepted.toJSON()).toEqual({ ['a'.repeat(32)]: 10, ['b'.repeat(32)]: 30 })
  })

  it('sets pseudonym and status separately, trimming the pseudonym', () => {
    const d = mine()
    d.setProfile({ pseudonym: '  River  ' }, 1)
    d.setProfile({ status: 'away' }, 2)
    expect(d.profile.toJSON()).toEqual({ pseudonym: 'River', status: 'away', updatedAt: 2 })
  })

  it('refuses an empty or over-long pseudonym and leaves the profile as it was', () => {
    const d = mine()
    d.setProfile({ pseudonym: 'River' }, 1)
    expect(codeOf(() => d.setProfile({ pseudonym: '   ', status: 'away' }, 2))).toBe('INVALID_INPUT')
    expect(codeOf(() => d.setProfile({ pseudonym: 'x'.repeat(LIMITS.pseudonym + 1) }, 2))).toBe('INVALID_INPUT')
    expect(d.profile.toJSON()).toEqual({ pseudonym: 'River', updatedAt: 1 })
  })
})

describe('two devices of one member', () => {
  it('merge edits of different fields of one post', () => {
    const laptop = mine()
    const phone = new MemberDoc(new Y.Doc(), alice)
    const ref = laptop.addPost({ topic: 'story', text: 'draft', cw: null }, 1)
    exchange(laptop.doc, phone.doc)
    laptop.edit(ref, { text: 'final words' }, 2)
    phone.edit(ref, { cw: 'self-harm' }, 3)
    phone.react(makeRef(bob, '00000000000000aa'), 'thanks', true, 3)
    exchange(laptop.doc, phone.doc)
    for (const d of [laptop, phone]) {
      expect(postOf(d, ref).get('text')).toBe('final words')
      expect(postOf(d, ref).get('cw')).toBe('self-harm')
      expect(d.reactions.size).toBe(1)
    }
    expect(laptop.doc.getMap('posts').toJSON()).toEqual(phone.doc.getMap('posts').toJSON())
  })

  it('keep a removal that raced an edit on the other device', () => {
    const laptop = mine()
    const phone = new MemberDoc(new Y.Doc(), alice)
    const ref = laptop.addPost({ topic: 'story', text: 'draft', cw: null }, 1)
    exchange(laptop.doc, phone.doc)
    laptop.remove(ref, 2)
    phone.edit(ref, { cw: 'late cw' }, 3)
    exchange(laptop.doc, phone.doc)
    for (const d of [laptop, phone]) expect(postOf(d, ref).get('deleted')).toBe(true)
  })
})
