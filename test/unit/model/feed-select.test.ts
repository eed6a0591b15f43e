/**
 * A feed page chosen without sorting the group (feed-select.ts) is the page the full sort gave:
 * the same posts in the same order and the same `next` cursor, page after page, on seeded
 * groups with many equal times, hostile items, topics, mutes and hidden posts; and each post on
 * it (replies and reactions, now read for the page only) is the post the whole-group read gives.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { postCandidates } from '../../../core/model/feed-items.ts'
import { newerFirst, Newest } from '../../../core/model/feed-select.ts'
import { MemberDoc, makeRef } from '../../../core/model/member-doc.ts'
import { feed, type ItemFilter, type MemberInfo, type ViewSource } from '../../../core/model/views.ts'
import { REACTION_KINDS } from '../../../core/model/vocabulary.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { itemId, memberIds, rawPost, rawReply } from './support.ts'

function randomGroup(rnd: SeededRandom, posts: number): ViewSource {
  const ids = memberIds(rnd, 5)
  const [me, , muted, , outsider] = ids as [string, string, string, string, string]
  const docs = ids.map((id) => new MemberDoc(new Y.Doc(), id))
  const refs: string[] = []
  let n = 0
  // Few distinct times, so a page boundary falls inside a run of equal times most of the time.
  const time = (): unknown => (rnd.next() < 0.04 ? rnd.pick([1.5, -1, 'x']) : rnd.int(0, Math.max(3, posts >> 3)))
  for (let i = 0; i < posts; i++) {
    const d = rnd.pick(docs)
    const id = rnd.next() < 0.02 ? 'not-an-id' : itemId(++n)
    rawPost(d, id, { topic: rnd.pick(['story', 'story', 'questions', 'Bad Topic']), createdAt: time(), deleted: rnd.next() < 0.08 ? true : undefined })
    refs.push(makeRef(d.memberId, id))
  }
  for (let i = 0; i < posts; i++) {
    const d = rnd.pick(docs)
    const id = itemId(++n)
    const post = rnd.pick(refs)
    rawReply(d, id, { post, parent: rnd.next() < 0.5 ? post : rnd.pick(refs), createdAt: time(), deleted: rnd.next() < 0.1 ? true : undefined })
    refs.push(makeRef(d.memberId, id))
  }
  for (let i = 0; i < posts; i++) rnd.pick(docs).reactions.set(`${rnd.pick(refs)}|${rnd.pick([...REACTION_KINDS, 'nope'])}`, 1)
  const hidden = new Set(refs.filter(() => rnd.next() < 0.08))
  const filter: ItemFilter = {
    hidden: (ref) => (hidden.has(ref) ? { by: 'facilitator', reasons: [], note: null, escalated: false } : null),
    muted: (m) => m === muted,
    blocked: () => false,
    myFlag: () => null,
  }
  const members: MemberInfo[] = ids.filter((id) => id !== outsider).map((id) => ({ id, role: 'member', pseudonym: id.slice(0, 4) }))
  return { me, members: new Map(members.map((m) => [m.id, m])), docs: new Map(docs.map((d) => [d.memberId, d])), rules: null, filter }
}

/** The page as the feed chose it before: every candidate sorted, the cursor found, a slice. */
function fullSortPage(src: ViewSource, o: { topic?: string; before?: string; limit: number }): { ids: string[]; next: string | null } {
  const all = [...postCandidates(src, o.topic)].map((c) => c.it).sort(newerFirst)
  const m = o.before === undefined ? null : /^(\d+)~(.+)$/.exec(o.before)
  const after = m ? { createdAt: Number(m[1]), ref: m[2] as string } : null
  const start = after === null ? 0 : all.findIndex((c) => newerFirst(after, c) < 0)
  const page = start < 0 ? [] : all.slice(start, start + o.limit)
  const last = page.at(-1)
  return { ids: page.map((p) => p.ref), next: last && start + o.limit < all.length ? `${last.createdAt}~${last.ref}` : null }
}

describe('the feed page chosen without sorting the group', () => {
  it('is the full sort\'s page, cursor and all, page after page (seeded groups, equal times)', () => {
    const seed = testSeed()
    let pages = 0
    for (let g = 0; g < 30; g++) {
      const rnd = seededRandom(seed + g)
      const src = randomGroup(rnd, rnd.int(0, 300))
      const whole = new Map(feed(src, { limit: Number.MAX_SAFE_INTEGER }).posts.map((p) => [p.id, p]))
      for (const limit of [1, 2, 7, 20, 64, 500]) {
        for (const topic of [undefined, 'questions']) {
          let before: string | undefined
          for (let guard = 0; ; guard++) {
            expect(guard).toBeLessThan(1000)
            const o = { limit, ...(topic ? { topic } : {}), ...(before ? { before } : {}) }
            const got = feed(src, o)
            const want = fullSortPage(src, o)
            expect({ ids: got.posts.map((p) => p.id), next: got.next }, `seed ${seed + g} limit ${limit} topic ${topic} before ${before}`).toEqual(want)
            // Replies and reactions read for the page alone are what the whole group's read gives.
            if (!topic) for (const p of got.posts) expect(p).toEqual(whole.get(p.id))
            pages++
            if (got.next === null) break
            before = got.next
          }
        }
      }
      // A cursor between two equal times, and one past every post, as the full sort reads them.
      for (const before of ['5~' + 'f'.repeat(64) + ':' + '0'.repeat(16), '0~' + '0'.repeat(64) + ':' + '0'.repeat(16), '99999~' + '0'.repeat(64) + ':' + '0'.repeat(16)]) {
        const got = feed(src, { limit: 3, before })
        expect({ ids: got.posts.map((p) => p.id), next: got.next }).toEqual(fullSortPage(src, { limit: 3, before }))
      }
    }
    expect(pages).toBeGreaterThan(500)
  })

  it('chooses the first k of the full sort from any order of positions', () => {
    const rnd = seededRandom(testSeed())
    for (let run = 0; run < 200; run++) {
      const n = rnd.int(0, 400)
      const xs = Array.from({ length: n }, (_, i) => ({ createdAt: rnd.int(0, 20), ref: `r${(i * 7919) % 1000}` }))
      const k = rnd.pick([0, 1, 2, 21, 100, 1000])
      const pick = new Newest(k, (p: { createdAt: number; ref: string }) => p)
      for (const x of xs) if (pick.wants(x.createdAt)) pick.add(x)
      expect(pick.done()).toEqual([...xs].sort(newerFirst).slice(0, k))
    }
  })
})
