/**
 * A newcomer's first sync of a small group, across processes on a loopback testnet
 * (core/group/first-sync.ts): B joins A's group by code; B's vault meta carries the first-sync mark
 * until B's first sync has ended, and loses it then; A, who created the group, never has it. B's
 * page is the empty preview or A's full page, never a page short of A's words unmarked. Then B
 * restarts: no mark, the ordinary page at once from its own store. The group has no hide, so this
 * passes with the guard switched off; first-sync-late-hide.test.ts is the one that fails without it.
 */
import path from 'node:path'
import { expect, it } from 'vitest'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { metaOf, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

quietAndHog('a newcomer’s first sync of a small group', () => {
  for (const order of ['host first', 'joiner first'] as const) {
    it(`shows no page short of the host’s unmarked, and ends its mark once read (${order})`, async () => {
      const boot = await scene.testnet()
      const root = tempDir()
      const aDir = path.join(root, 'a')
      const bDir = path.join(root, 'b')
      const first = await scene.member(order === 'host first' ? aDir : bDir, boot, order === 'host first' ? 'Alder' : 'Birch')
      const second = await scene.member(order === 'host first' ? bDir : aDir, boot, order === 'host first' ? 'Birch' : 'Alder')
      const a = order === 'host first' ? first : second
      let b = order === 'host first' ? second : first
      const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
      const ids: string[] = []
      for (let i = 0; i < 30; i++) ids.unshift((await a.ok('post', { groupId, text: `post ${i}` })).id)
      const invite = await a.ok('createInvite', { groupId })
      expect(await b.ok('joinGroup', { code: invite.code, waitMs: 60_000 }, 90_000)).toEqual({ group: groupId, status: 'admitted' })
      const full = async (): Promise<boolean> => {
        const page = await b.ok('feed', { groupId, limit: 50 })
        const shown = page.posts.map((p) => p.id).filter((id) => ids.includes(id))
        // Either the preview (the renderer says the history is still arriving) or A's whole page.
        if (!page.preview) expect(shown, 'an ordinary page short of A’s words').toEqual(ids)
        return !page.preview
      }
      await b.until(full, 60_000)
      // The mark is cleared in the settle point that ends the first sync, as a vault write in the
      // background; a stop locks the vault at once and drops a write still queued (the next open
      // then holds again, the safe side). A group of B's own, made now, is written after it in
      // the vault's one queue: once that returns, the clearing is on disk.
      await b.ok('createGroup', { name: 'after the first sync' })
      await scene.stop(b)
      expect((await metaOf(bDir, groupId)).firstSync).toBeUndefined()
      expect((await metaOf(aDir, groupId)).firstSync).toBeUndefined()
      b = await scene.member(bDir, boot, null)
      const page = await b.ok('feed', { groupId, limit: 50 })
      expect(page.preview).toBeFalsy()
      expect(page.posts.map((p) => p.id).filter((id) => ids.includes(id))).toEqual(ids)
    }, 300_000)
  }
})
