/**
 * Threat 2 across processes: a member's node that writes into another member's doc, edits or
 * deletes another's post, flags or hides in another's name, or claims another's authorship.
 * Three OS processes on a loopback testnet: Alder (facilitator, the victim), Birch (member) and
 * Mallory (hostile-member.child.ts, appending forged blocks to her own real device log). Every
 * honest peer reads past the forgeries (it shows Mallory's later honest post) and shows none.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { FeedPage } from '../../../core/api.ts'
import { spawnTs } from '../../helpers/child.ts'
import { useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir } = cast
const HOSTILE = fileURLToPath(new URL('./hostile-member.child.ts', import.meta.url))

const everyText = (page: FeedPage): string[] =>
  page.posts.flatMap((p) => [p.text, ...p.replies.map((r) => r.text)])

describe('a hostile member', () => {
  it('cannot write, edit, delete, flag, propose, vote, hide or schedule in another’s name: every honest peer refuses and shows nothing of it', async () => {
    const boot = await cast.testnet()
    const alder = await cast.start(path.join(tempDir(), 'alder'), boot, 'Alder')
    const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
    const alderId = (await alder.ok('groupInfo', { groupId })).me
    const original = await alder.ok('post', { groupId, text: 'my own words, as I wrote them' })
    const forBirch = await alder.ok('createInvite', { groupId })
    const forMallory = await alder.ok('createInvite', { groupId })

    const birch = await cast.start(path.join(tempDir(), 'birch'), boot, 'Birch')
    expect(await birch.ok('joinGroup', { code: forBirch.code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })

    const mallory = cast.hostile(spawnTs(HOSTILE, [path.join(tempDir(), 'mallory'), boot, forMallory.code, alderId, original.id], {}, { stdin: true }))
    const sentinel = (await mallory.waitForLine((l) => l.startsWith('forged '), 90_000)).slice('forged '.length)

    for (const [name, p] of [['Alder', alder], ['Birch', birch]] as const) {
      await p.until(async () => (await p.ok('feed', { groupId, limit: 100 })).posts.some((x) => x.id === sentinel), 45_000)
      const page = await p.ok('feed', { groupId, limit: 100 })
      // The victim's post stands as written: not edited, not deleted, not hidden.
      const mine = page.posts.find((x) => x.id === original.id)
      expect(mine, name).toMatchObject({ author: alderId, authorName: 'Alder', text: 'my own words, as I wrote them', editedAt: null })
      expect(mine?.hidden, name).toBeUndefined()
      // Nothing forged shows, and Alder has exactly the one post she wrote.
      expect(everyText(page).filter((t) => /FORGED/.test(t)), name).toEqual([])
      expect(page.posts.filter((x) => x.author === alderId).map((x) => x.id), name).toEqual([original.id])
      // A post claiming Alder as its author is shown as Mallory's, because it is in Mallory's doc.
      const claimed = page.posts.find((x) => x.text === 'CLAIMED to be written by the victim')
      expect(claimed, name).toMatchObject({ authorName: 'Mallory' })
      expect(claimed?.author, name).not.toBe(alderId)
      // Decisions: Mallory's own proposal shows, with no vote forged into it; no proposal in Alder's name.
      const ds = await p.ok('decisions', { groupId })
      expect(ds.map((d) => [d.proposerName, d.text, d.counts.join()]), name).toEqual([['Mallory', 'Mallory asks', '0,0']])
      // No one may schedule or moderate but facilitators.
      expect((await p.ok('schedule', { groupId })).entries, name).toEqual([])
    }
    expect(await alder.ok('moderationQueue', { groupId })).toEqual([])
  })
})
