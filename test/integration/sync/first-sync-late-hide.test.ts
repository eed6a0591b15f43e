/**
 * A hide that reaches a newcomer late, across processes on a loopback testnet (core/group/first-sync.ts,
 * session 13's review, R5). first-sync-mark.test.ts has no hide, so it passes with the guard off;
 * here a SECOND member's hide of the host's post sits in a log the newcomer gets only after a
 * restart in its first sync:
 *
 * - A hosts a small group and posts; C asks to join as a facilitator and goes away; A approves
 *   her. Governance now names C's device log, and no peer holds a block of it.
 * - B joins by A's code. C's log is named and untold, so B's first sync cannot end: its page is
 *   the empty preview (review finding A), whatever B has read of A's log.
 * - B stops at a seeded random point. C comes back, is welcomed, hides A's post; A reads the hide.
 * - B starts again: its store holds A's post and not C's hide (finding C, end to end). In the
 *   order "newcomer first" it is alone when it opens, A comes after; in "host first" A and C are
 *   online. No page of B's shows the hidden post unmarked; B ends with the feed A and C show, and
 *   its mark is cleared.
 *
 * With the guard switched off in the registry (no `beginFirstSync` in group-registry.ts) the first
 * check fails at once, and without it the restarted newcomer's first page shows the hidden post
 * (docs/decisions.md, session 14, fsync).
 */
import path from 'node:path'
import { expect, it } from 'vitest'
import type { FeedPage } from '../../../core/api.ts'
import type { Peer } from '../../helpers/peer.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { metaOf, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

/** No page of a newcomer's shows the hidden post unless marked preview; a preview of a small group is empty. */
function neverShown(page: FeedPage, hidden: string): void {
  if (page.preview) expect(page.posts, 'a small group’s preview that is not empty').toEqual([])
  expect(page.posts.map((p) => p.id), `the hidden post on a page ${page.preview ? 'marked' : 'not marked'} preview`).not.toContain(hidden)
}

quietAndHog('a newcomer restarted in its first sync, a hide in a log it gets late', () => {
  for (const order of ['newcomer first', 'host first'] as const) {
    it(`never shows the hidden post, and ends with the others’ feed (${order})`, async () => {
      const rnd = seededRandom(testSeed(Date.now() % 1_000_000))
      console.log(`first-sync-late-hide (${order}): seed ${rnd.seed} (HEARTH_TEST_SEED replays it)`)
      const boot = await scene.testnet()
      const root = tempDir()
      const [aDir, bDir, cDir] = ['a', 'b', 'c'].map((n) => path.join(root, n)) as [string, string, string]
      let a = await scene.member(aDir, boot, 'Alder')
      const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
      const ids: string[] = []
      for (let i = 0; i < 6; i++) ids.unshift((await a.ok('post', { groupId, text: `post ${i}` })).id)
      const hidden = ids[3] as string

      // C asks as a facilitator and goes away; A approves her: her log is named, nobody holds it.
      const forC = await a.ok('createInvite', { groupId, role: 'facilitator', approval: true, uses: 1 })
      let c = await scene.member(cDir, boot, 'Cedar')
      expect(await c.ok('joinGroup', { code: forC.code, waitMs: 60_000 }, 90_000)).toEqual({ group: groupId, status: 'pending' })
      await scene.stop(c)
      await a.until(async () => (await a.ok('listRequests', { groupId })).length === 1, 60_000)
      const [request] = await a.ok('listRequests', { groupId })
      expect(await a.ok('approveRequest', { groupId, id: request?.id as string })).toMatchObject({ pseudonym: 'Cedar', status: 'admitted' })

      // B joins; C's untold log keeps its first sync going: the empty preview, however far it read.
      const forB = await a.ok('createInvite', { groupId })
      let b = await scene.member(bDir, boot, 'Birch')
      expect(await b.ok('joinGroup', { code: forB.code, waitMs: 60_000 }, 90_000)).toEqual({ group: groupId, status: 'admitted' })
      // The stop point: a seeded number of looks at B's page, 50 ms apart.
      for (let looks = rnd.int(1, 30); looks > 0; looks--) {
        const page = await b.ok('feed', { groupId, limit: 50 })
        expect(page.preview, 'an ordinary page while a named log has told nothing').toBe(true)
        neverShown(page, hidden)
        await new Promise((r) => setTimeout(r, 50))
      }
      await scene.stop(b)
      expect((await metaOf(bDir, groupId)).firstSync).toBe(true)

      // C comes back, is welcomed, and hides A's post; A reads the hide.
      c = await scene.member(cDir, boot, null)
      expect(await c.ok('joinGroup', { code: forC.code, waitMs: 60_000 }, 90_000)).toEqual({ group: groupId, status: 'admitted' })
      await c.until(async () => (await c.ok('feed', { groupId, limit: 50 })).posts.some((p) => p.id === hidden), 60_000)
      await c.ok('moderate', { groupId, to: hidden, action: 'hide', reason: 'other' })
      await a.until(async () => !!(await a.ok('feed', { groupId, limit: 50 })).posts.find((p) => p.id === hidden)?.hidden, 60_000)

      const others = async (p: Peer): Promise<string[]> => (await p.ok('feed', { groupId, limit: 50 })).posts.filter((x) => !x.hidden).map((x) => x.id)
      if (order === 'newcomer first') {
        // B alone: its store holds A's post, not C's hide.
        await scene.stop(c)
        await scene.stop(a)
        b = await scene.member(bDir, boot, null)
        neverShown(await b.ok('feed', { groupId, limit: 50 }), hidden)
        a = await scene.member(aDir, boot, null)
      } else {
        b = await scene.member(bDir, boot, null)
      }
      await b.until(async () => {
        const page = await b.ok('feed', { groupId, limit: 50 })
        neverShown(page, hidden)
        return !page.preview
      }, 60_000)
      const theirs = await others(a)
      expect(theirs).toEqual(ids.filter((id) => id !== hidden))
      if (order === 'host first') expect(await others(c)).toEqual(theirs)
      expect(await others(b)).toEqual(theirs)
      // The clearing is a vault write in the background; a group of B's own, written after it in
      // the vault's one queue, puts it on disk before the stop (first-sync-mark.test.ts).
      await b.ok('createGroup', { name: 'after the first sync' })
      await scene.stop(b)
      expect((await metaOf(bDir, groupId)).firstSync).toBeUndefined()
    }, 300_000)
  }
})
