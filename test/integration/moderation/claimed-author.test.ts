/**
 * Authorship from signatures across processes (issue 14): a hostile facilitator (Mallory,
 * claimed-author.child.ts) hides Alder's post with a moderation action that names Alder as its
 * author, and forges a second hide under Alder's own Yjs writer id. Three OS processes on a
 * loopback testnet. Alder's review queue names Mallory as the one who hid the first post; the
 * second post stays visible to Birch, because no honest peer accepts items under another
 * log's writer id.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs } from '../../helpers/child.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir } = cast
const HOSTILE = fileURLToPath(new URL('./claimed-author.child.ts', import.meta.url))

describe('a facilitator claiming another facilitator’s name', () => {
  it('is shown as the one who acted; items under another writer id are refused by every honest peer', async () => {
    const boot = await cast.testnet()
    const alder = await cast.start(path.join(tempDir(), 'alder'), boot, 'Alder')
    const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
    const alderId = (await alder.ok('groupInfo', { groupId })).me
    const first = await alder.ok('post', { groupId, text: 'first words' })
    const second = await alder.ok('post', { groupId, text: 'second words' })
    const forBirch = await alder.ok('createInvite', { groupId })
    const forMallory = await alder.ok('createInvite', { groupId, role: 'facilitator' })

    const birch = await cast.start(path.join(tempDir(), 'birch'), boot, 'Birch')
    expect(await birch.ok('joinGroup', { code: forBirch.code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })

    const mallory = cast.hostile(spawnTs(HOSTILE, [path.join(tempDir(), 'mallory'), boot, forMallory.code, alderId, first.id, second.id], {}, { stdin: true }))
    await mallory.waitForLine((l) => l === 'claimed', 90_000)

    // Both have read Mallory's log past the forgery once they show her sentinel post.
    const sentinel = async (p: Peer): Promise<boolean> => (await p.ok('feed', { groupId })).posts.some((x) => x.text === 'after the claims')
    await alder.until(() => sentinel(alder), 60_000)
    await birch.until(() => sentinel(birch), 60_000)
    const queue = await alder.ok('moderationQueue', { groupId })
    expect(queue.find((i) => i.id === first.id)?.lastAction).toMatchObject({ action: 'hide', byName: 'Mallory' })
    expect(queue.find((i) => i.id === second.id)).toBeUndefined()
    expect((await birch.ok('feed', { groupId })).posts.map((p) => p.text)).toEqual(['after the claims', 'second words'])
  }, 240_000)
})
