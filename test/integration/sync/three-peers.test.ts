/**
 * Three peers, one OS process each, on a loopback testnet (sync issue, "Must show"):
 *  - A creates a group and invites B and C; C joins; A goes offline; B joins and is admitted by C.
 *  - Posts, replies and reactions from each reach the other two once A is back.
 *  - Partition and heal: C goes offline, A and B keep writing, C returns: all three show the same feed.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FeedPost } from '../../../core/api.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { PASS, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()
const start = scene.start
const stop = scene.stop

/** What a reader sees, without ids that differ per peer: the comparison is of views, not bytes. */
async function seen(p: Peer, groupId: string): Promise<unknown[]> {
  const strip = (x: FeedPost) => ({ a: x.authorName, t: x.text, r: x.reactions, replies: x.replies.map((y) => [y.authorName, y.text]) })
  return (await p.ok('feed', { groupId, limit: 100 })).posts.map(strip)
}

describe('three peers', () => {
  // A refuses B until B's admission reaches it; forgive() then looks the topic up again so A
  // dials B (it used to only lift the ban, and A and B could stay apart: the old flake here).
  it('C admits B while A is offline; everyone’s words reach everyone; a partition heals', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), c: path.join(tempDir(), 'c') }
    let a = await start(dirs.a, boot)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const forC = await a.ok('createInvite', { groupId })
    const forB = await a.ok('createInvite', { groupId })

    let c = await start(dirs.c, boot)
    await c.ok('createProfile', { passphrase: PASS, name: 'Cedar' })
    expect(await c.ok('joinGroup', { code: forC.code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })
    await c.until(async () => (await c.ok('listInvites', { groupId })).filter((i) => i.live).length === 1)
    await stop(a)

    const b = await start(dirs.b, boot)
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
    expect(await b.ok('joinGroup', { code: forB.code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'admitted' })
    const byB = await b.ok('post', { groupId, text: 'B, admitted by C' })

    a = await start(dirs.a, boot)
    await a.ok('unlock', { passphrase: PASS })
    const byA = await a.ok('post', { groupId, text: 'A is back' })
    const byC = await c.ok('post', { groupId, text: 'C says hello' })
    const has = (p: Peer, id: string) => async (): Promise<boolean> => (await p.ok('feed', { groupId, limit: 100 })).posts.some((x) => x.id === id)
    await a.until(has(a, byB.id), 30_000)
    await a.ok('reply', { groupId, to: byB.id, text: 'welcome, B' })
    await c.until(has(c, byA.id), 30_000)
    await c.ok('react', { groupId, to: byA.id, kind: 'strength' })

    const all = async (p: Peer): Promise<boolean> => {
      const posts = (await p.ok('feed', { groupId, limit: 100 })).posts
      const ids = new Set(posts.map((x) => x.id))
      return [byA.id, byB.id, byC.id].every((id) => ids.has(id)) && posts.find((x) => x.id === byB.id)?.replyCount === 1 &&
        posts.find((x) => x.id === byA.id)?.reactions.strength === 1
    }
    for (const p of [a, b, c]) await p.until(() => all(p), 30_000)
    expect((await a.ok('members', { groupId })).map((m) => m.pseudonym).sort()).toEqual(['Alder', 'Birch', 'Cedar'])

    // Partition: C goes offline; A and B keep writing; C returns and catches up.
    await stop(c)
    const whileAway = [await a.ok('post', { groupId, text: 'while C was away (A)' }), await b.ok('post', { groupId, text: 'while C was away (B)' })]
    await a.until(async () => (await a.ok('feed', { groupId })).posts.some((x) => x.id === whileAway[1]?.id), 30_000)
    c = await start(dirs.c, boot)
    await c.ok('unlock', { passphrase: PASS })
    await c.until(async () => {
      const ids = new Set((await c.ok('feed', { groupId, limit: 100 })).posts.map((x) => x.id))
      return whileAway.every((w) => ids.has(w.id))
    }, 30_000)
    const views = await Promise.all([a, b, c].map((p) => seen(p, groupId)))
    expect(views[1]).toEqual(views[0])
    expect(views[2]).toEqual(views[0])
  })
})
