/**
 * The unread counts from the stamps-only walk (feed-stamps.ts) are the counts from the feed's
 * full post views (views.ts), on seeded groups holding every shape the feed treats specially:
 * hostile items (bad ids, topics, warnings, times, text), deleted posts and replies, replies that
 * claim a thread they are not part of, chains deeper than 50, a member who does not speak, muted
 * and blocked members, hidden items (mine and others').
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { feedStamps } from '../../../core/model/feed-stamps.ts'
import { MemberDoc, makeRef } from '../../../core/model/member-doc.ts'
import { countUnread, type PostStamps } from '../../../core/model/unread.ts'
import { feed, type ItemFilter, type MemberInfo, type ViewSource } from '../../../core/model/views.ts'
import { LIMITS } from '../../../core/model/vocabulary.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { itemId, memberIds, rawPost, rawReply } from './support.ts'

function randomGroup(rnd: SeededRandom): ViewSource {
  const ids = memberIds(rnd, 5)
  const [me, , muted, blocked, outsider] = ids as [string, string, string, string, string]
  const docs = ids.map((id) => new MemberDoc(new Y.Doc(), id))
  const refs: string[] = []
  const posts: string[] = []
  let n = 0
  const time = (): unknown => rnd.pick([rnd.int(0, 100), rnd.int(0, 100), rnd.int(0, 100), 1.5, -1, 'x'])
  for (let i = 0; i < 60; i++) {
    const d = rnd.pick(docs)
    const id = rnd.next() < 0.03 ? 'not-an-id' : itemId(++n)
    rawPost(d, id, {
      topic: rnd.pick(['story', 'story', 'questions', 'Bad Topic', 3]), createdAt: time(),
      cw: rnd.pick([null, null, 'careful', ' ', 7, 'x'.repeat(LIMITS.contentWarning + 1)]),
      text: rnd.next() < 0.03 ? 'x'.repeat(LIMITS.postText + 1) : 'words', deleted: rnd.next() < 0.1 ? true : undefined,
    })
    posts.push(makeRef(d.memberId, id))
    refs.push(makeRef(d.memberId, id))
  }
  for (let i = 0; i < 200; i++) {
    const d = rnd.pick(docs)
    const id = itemId(++n)
    const post = rnd.pick(posts)
    // Mostly a reply in its own thread; now and then a parent from another thread, or not a ref.
    const parent = rnd.next() < 0.85 ? (rnd.next() < 0.3 ? post : rnd.pick(refs)) : rnd.pick(['nope', rnd.pick(refs)])
    rawReply(d, id, { post, parent, createdAt: time(), text: rnd.next() < 0.03 ? 5 : 'reply', deleted: rnd.next() < 0.15 ? true : undefined })
    refs.push(makeRef(d.memberId, id))
  }
  // A chain deeper than the 50 levels the feed reads, by two people taking turns.
  const top = itemId(++n)
  rawPost(docs[1] as MemberDoc, top, { createdAt: 50 })
  let parent = makeRef(ids[1] as string, top)
  for (let depth = 0; depth < 60; depth++) {
    const d = docs[depth % 2] as MemberDoc
    const id = itemId(++n)
    rawReply(d, id, { post: makeRef(ids[1] as string, top), parent, createdAt: 60 + depth })
    parent = makeRef(d.memberId, id)
  }
  const hidden = new Set(refs.filter(() => rnd.next() < 0.1))
  const filter: ItemFilter = {
    hidden: (ref) => (hidden.has(ref) ? { by: 'facilitator', reasons: [], note: null, escalated: false } : null),
    muted: (m) => m === muted || m === blocked,
    blocked: (m) => m === blocked,
    myFlag: () => null,
  }
  const members: MemberInfo[] = ids.filter((id) => id !== outsider).map((id) => ({ id, role: 'member', pseudonym: id.slice(0, 4) }))
  return { me, members: new Map(members.map((m) => [m.id, m])), docs: new Map(docs.map((d) => [d.memberId, d])), rules: null, filter }
}

const count = (src: ViewSource, posts: Iterable<PostStamps>, since: number) => countUnread({
  groupId: 'g', me: src.me, lastRead: { conversations: since }, posts, meetings: [], resources: [], decisions: [], line: [], invites: [],
})

describe('unread counts from stamps only', () => {
  it('are the counts from the full feed, on seeded hostile groups', () => {
    const seed = testSeed()
    let counted = 0
    let toMe = 0
    for (let g = 0; g < 40; g++) {
      const rnd = seededRandom(seed + g)
      const src = randomGroup(rnd)
      const full = feed(src, { limit: Number.MAX_SAFE_INTEGER }).posts
      for (const since of [0, 30, 70, 100]) {
        const want = count(src, full, since)
        expect(count(src, feedStamps(src), since), `seed ${seed + g}, since ${since}`).toEqual(want)
        counted += want.sections.conversations
        toMe += want.sections.repliesToMe
      }
    }
    // The groups are not trivial: posts and replies counted, replies to my words among them.
    expect(counted).toBeGreaterThan(1000)
    expect(toMe).toBeGreaterThan(20)
  })
})
