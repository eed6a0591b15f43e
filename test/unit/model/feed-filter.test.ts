/**
 * The feed with a reader's filter (core/model/item-filter.ts): moderation hides an item from
 * everyone but its author, who sees why; my mute list hides a member's words for me alone; block
 * also drops their reactions. Nothing here changes what any other reader sees.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { setFlag } from '../../../core/model/flags.ts'
import { itemFilter } from '../../../core/model/item-filter.ts'
import { MemberDoc, makeRef } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { moderationIndex } from '../../../core/model/moderation-view.ts'
import { MuteList } from '../../../core/model/mute-list.ts'
import { feed, type MemberInfo } from '../../../core/model/views.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { itemId, memberIds, rawPost, rawReply, viewSource } from './support.ts'

const rnd = seededRandom(testSeed())
const [alice, bob, cat, fay] = memberIds(rnd, 4) as [string, string, string, string]
const GROUP = 'ab'.repeat(16)
const roster: MemberInfo[] = [
  { id: alice, role: 'member', pseudonym: 'Alice' },
  { id: bob, role: 'member', pseudonym: 'Bob' },
  { id: cat, role: 'member', pseudonym: 'Cat' },
  { id: fay, role: 'facilitator', pseudonym: 'Fay' },
]

function world() {
  const docs = new Map(roster.map((m) => [m.id, new MemberDoc(new Y.Doc(), m.id)]))
  const d = (id: string): MemberDoc => docs.get(id) as MemberDoc
  const mod = new ModerationDoc(new Y.Doc())
  rawPost(d(bob), itemId(1), { text: 'bob post', createdAt: 3 })
  rawPost(d(alice), itemId(2), { text: 'alice post', createdAt: 2 })
  const bobPost = makeRef(bob, itemId(1))
  const alicePost = makeRef(alice, itemId(2))
  rawReply(d(bob), itemId(3), { post: alicePost, parent: alicePost, text: 'bob reply', createdAt: 4 })
  rawReply(d(cat), itemId(4), { post: alicePost, parent: makeRef(bob, itemId(3)), text: 'cat answers bob', createdAt: 5 })
  d(bob).react(alicePost, 'strength', true, 6)
  d(cat).react(alicePost, 'strength', true, 6)
  const view = (me: string, mutes = MuteList.parse(null)) => {
    const src = viewSource({ me, members: roster, docs: [...docs.values()] })
    const index = moderationIndex({ members: src.members, docs: src.docs, actions: mod.latest(), threshold: 2, rules: null })
    return feed({ ...src, filter: itemFilter({ groupId: GROUP, index, rules: null, mutes, mine: docs.get(me) }) }, { limit: 50 })
  }
  return { d, mod, bobPost, alicePost, bobReply: makeRef(bob, itemId(3)), view }
}

describe('moderation in the feed', () => {
  it('a post hidden by flags is gone for everyone but its author, who sees why', () => {
    const w = world()
    setFlag(w.d(alice), w.bobPost, { reason: 'other', rules: null }, 1)
    expect(w.view(alice).posts.find((p) => p.id === w.bobPost)?.myFlag).toBe('other')
    setFlag(w.d(cat), w.bobPost, { reason: 'other', rules: null }, 1)
    for (const reader of [alice, cat, fay]) expect(w.view(reader).posts.map((p) => p.id), reader).toEqual([w.alicePost])
    const own = w.view(bob).posts.find((p) => p.id === w.bobPost)
    expect(own).toMatchObject({ text: 'bob post', hidden: { by: 'flags', reasons: [{ label: expect.stringMatching(/Something else/), count: 2 }] } })
  })

  it('a hidden reply becomes an empty placeholder for others while it has answers', () => {
    const w = world()
    w.mod.add({ item: w.bobReply, action: 'hide', reason: 'other', rules: null, note: 'kindly rephrase', covers: [], seen: null, by: fay, at: 1 })
    const forAlice = w.view(alice).posts.find((p) => p.id === w.alicePost)
    expect(forAlice?.replies[0]).toMatchObject({ id: w.bobReply, text: '', withheld: 'moderation' })
    expect(forAlice?.replies[0]?.replies[0]?.text).toBe('cat answers bob')
    expect(forAlice?.replyCount).toBe(1)
    const forBob = w.view(bob).posts.find((p) => p.id === w.alicePost)
    expect(forBob?.replies[0]).toMatchObject({ text: 'bob reply', hidden: { by: 'facilitator', note: 'kindly rephrase' } })
    expect(forBob?.replies[0]?.withheld).toBeUndefined()
  })
})

describe('mute and block, for me alone', () => {
  it('mute hides their posts and replies for me, and for nobody else', () => {
    const w = world()
    const mutes = MuteList.parse(null).with(GROUP, bob, 'mute')
    const mine = w.view(alice, mutes)
    expect(mine.posts.map((p) => p.id)).toEqual([w.alicePost])
    expect(mine.posts[0]?.replies[0]).toMatchObject({ text: '', withheld: 'muted' })
    expect(mine.posts[0]?.reactions).toEqual({ strength: 2 })
    // Cat's list is her own: Bob shows for her.
    expect(w.view(cat).posts.map((p) => p.id)).toEqual([w.bobPost, w.alicePost])
    // A muted list of another group mutes nobody here.
    expect(w.view(alice, MuteList.parse(null).with('cd'.repeat(16), bob, 'block')).posts).toHaveLength(2)
  })

  it('block also leaves their reactions out of my counts', () => {
    const w = world()
    const mine = w.view(alice, MuteList.parse(null).with(GROUP, bob, 'block'))
    expect(mine.posts[0]?.reactions).toEqual({ strength: 1 })
  })

  it('a damaged or hostile mute list reads as empty, never throws', () => {
    for (const text of ['', 'nope', '[]', 'null', '{"v":2,"groups":{}}', `{"v":1,"groups":{"${GROUP}":{"${bob}":"ban","x":"mute"}}}`]) {
      const list = MuteList.parse(text)
      expect(list.entries(GROUP), text).toEqual([])
    }
    const round = MuteList.parse(MuteList.parse(null).with(GROUP, bob, 'mute').with(GROUP, cat, 'block').serialize())
    expect(round.entries(GROUP)).toEqual([[bob, 'mute'], [cat, 'block']].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)))
    expect(round.with(GROUP, bob, 'none').with(GROUP, cat, 'none').serialize()).toBe('{"v":1,"groups":{}}')
  })
})
