/**
 * Issue 7's round trip across processes on a loopback testnet: A's group (posts, replies,
 * reactions, rules, a second member) is exported as an archive; A's computer goes away; the same
 * member restores the archive into a fresh profile in another process (C), sees what A saw, and
 * carries on from a new device log that B — a live member who never met this device — accepts:
 * both converge. Then B goes too, and a newcomer joining through the restored computer alone gets
 * the whole history: a group can carry on from one archive.
 *
 * Before the export a third member (Elm) joins, posts and is removed: the archive carries the
 * removal and its epoch rotation as the blocks they are, so the restored computer shows Elm's
 * earlier words, not Elm, and writes under the rotated key that B can open.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FeedPost, FeedReply } from '../../../core/api.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { usePeerScene } from '../sync/peer-scene.ts'

const tempDir = useTempDirs()
const ARCHIVE_PASS = 'the archive passphrase, kept apart'
const scene = usePeerScene()

const peer = (name: string, bootstrap: string): Promise<Peer> => scene.member(path.join(tempDir(), name), bootstrap, name)

/** What every member sees alike (`mine` is the reader's own reactions). */
function shared(posts: FeedPost[]): unknown {
  const reply = (r: FeedReply): unknown => ({ ...r, mine: undefined, replies: r.replies.map(reply) })
  return posts.map((p) => ({ ...p, mine: undefined, replies: p.replies.map(reply) }))
}

describe('archive round trip', () => {
  it('restores A’s group as the same member on another computer, which then syncs with a live member', async () => {
    const boot = await scene.testnet()
    const a = await peer('Alder', boot)
    const b = await peer('Birch', boot)
    const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
    await a.ok('setRules', { groupId, text: 'Be gentle.' })
    const first = await a.ok('post', { groupId, text: 'welcome, whoever comes', cw: 'mentions a hard night' })
    const invite = await a.ok('createInvite', { groupId })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online)
    expect(await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'admitted' })
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === first.id))
    await b.ok('acceptRules', { groupId, version: 1 })
    const bPost = await b.ok('post', { groupId, text: 'glad to be here' })
    await b.ok('reply', { groupId, to: first.id, text: 'thank you' })
    await b.ok('react', { groupId, to: first.id, kind: 'thanks' })
    await a.until(async () => (await a.ok('feed', { groupId })).posts.find((p) => p.id === first.id)?.reactions.thanks === 1)
    await a.until(async () => (await a.ok('feed', { groupId })).posts.some((p) => p.id === bPost.id))
    await a.ok('reply', { groupId, to: bPost.id, text: 'glad you came' })
    await a.ok('react', { groupId, to: bPost.id, kind: 'strength' })

    // A removal before the export: Elm joins, speaks, and is removed (the group key rotates).
    const e = await peer('Elm', boot)
    const invite3 = await a.ok('createInvite', { groupId })
    expect(await e.ok('joinGroup', { code: invite3.code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'admitted' })
    await e.until(async () => (await e.ok('groupInfo', { groupId })).rules !== null)
    await e.ok('acceptRules', { groupId, version: 1 })
    const ePost = await e.ok('post', { groupId, text: 'said before leaving' })
    await a.until(async () => (await a.ok('feed', { groupId })).posts.some((p) => p.id === ePost.id), 30_000)
    const elm = (await e.ok('groupInfo', { groupId })).me
    expect(await a.ok('removeMember', { groupId, member: elm })).toEqual({ member: elm, status: 'removed' })
    await b.until(async () => !(await b.ok('members', { groupId })).some((m) => m.pseudonym === 'Elm'), 30_000)
    await scene.stop(e)
    // A removal makes every node rebuild its docs from the logs; wait until A's view holds the
    // whole group again (both replies, both reactions, Elm's earlier post) before comparing with it.
    await a.until(async () => {
      const posts = (await a.ok('feed', { groupId, limit: 100 })).posts
      const of = (id: string) => posts.find((p) => p.id === id)
      return of(first.id)?.replyCount === 1 && of(first.id)?.reactions.thanks === 1 &&
        of(bPost.id)?.replyCount === 1 && of(bPost.id)?.reactions.strength === 1 && of(ePost.id) !== undefined
    }, 30_000)

    const file = path.join(tempDir(), 'thursday.hearth')
    const exported = await a.ok('exportGroup', { groupId, format: 'archive', path: file, archivePassphrase: ARCHIVE_PASS })
    expect(exported.items).toBeGreaterThan(8)
    const before = {
      feed: await a.ok('feed', { groupId, limit: 100 }),
      members: await a.ok('members', { groupId }),
      info: await a.ok('groupInfo', { groupId }),
    }
    // A's computer is gone.
    await scene.stop(a)

    const c = await peer('Cedar', boot)
    expect(await c.call('restoreArchive', { path: file, archivePassphrase: 'not it' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_PASSPHRASE' } })
    expect(await c.ok('listGroups', {})).toEqual([])
    const restored = await c.ok('restoreArchive', { path: file, archivePassphrase: ARCHIVE_PASS }, 60_000)
    expect(restored).toEqual({ id: groupId, name: 'Thursday circle', mode: 'survivor-led', role: 'facilitator' })
    expect(await c.ok('feed', { groupId, limit: 100 })).toEqual(before.feed)
    expect(await c.ok('members', { groupId })).toEqual(before.members)
    expect(await c.ok('groupInfo', { groupId })).toEqual(before.info)
    expect(before.members.map((m) => m.pseudonym).sort()).toEqual(['Alder', 'Birch'])
    expect(before.feed.posts.some((p) => p.id === ePost.id)).toBe(true)

    // Carrying on: C writes as Alder through a log B has never seen; B accepts it, and B's new
    // words reach C.
    const cPost = await c.ok('post', { groupId, text: 'back, on a new computer' })
    expect(cPost.id.startsWith(before.info.me)).toBe(true)
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === cPost.id), 45_000)
    const bLater = await b.ok('post', { groupId, text: 'good to see you' })
    await b.ok('reply', { groupId, to: cPost.id, text: 'welcome back' })
    await c.until(async () => {
      const f = await c.ok('feed', { groupId, limit: 100 })
      return f.posts.some((p) => p.id === bLater.id) && f.posts.find((p) => p.id === cPost.id)?.replyCount === 1
    }, 30_000)
    const [fb, fc] = [await b.ok('feed', { groupId, limit: 100 }), await c.ok('feed', { groupId, limit: 100 })]
    expect(shared(fc.posts)).toEqual(shared(fb.posts))
    expect(fc.posts.map((p) => p.text)).toEqual(['good to see you', 'back, on a new computer', 'said before leaving', 'glad to be here', 'welcome, whoever comes'])
    expect((await b.ok('members', { groupId })).map((m) => m.pseudonym).sort()).toEqual(['Alder', 'Birch'])

    // Every other device gone: only the restored computer is left, and a newcomer who joins
    // through it alone receives the whole history, A's old log included.
    await scene.stop(b)
    const invite2 = await c.ok('createInvite', { groupId })
    const d = await peer('Dune', boot)
    expect(await d.ok('joinGroup', { code: invite2.code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'admitted' })
    await d.until(async () => (await d.ok('feed', { groupId, limit: 100 })).posts.length === 5, 30_000)
    const fd = await d.ok('feed', { groupId, limit: 100 })
    expect(shared(fd.posts)).toEqual(shared(fc.posts))
    expect((await d.ok('members', { groupId })).map((m) => m.pseudonym).sort()).toEqual(['Alder', 'Birch', 'Dune'])
  })
})
