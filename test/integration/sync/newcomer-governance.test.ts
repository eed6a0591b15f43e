/**
 * A newcomer admitted by a member who is not the inviter reads governance from that member, a
 * block at a time. Until it has read its own admission, what it has read may not name that
 * member yet (the admitter's own admission sits further on in the inviter's log), and the
 * newcomer once refused it then: cut off its only source for good, it never learned the group
 * (the CI failure of rendezvous.test.ts, "hog: a member refused before its admission reached the
 * other", line 152). A long inviter's log makes the partial read certain rather than a matter of
 * load. One OS process per peer, on a loopback testnet.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { PASS, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
/** Blocks in the inviter's log before the admission of the member who will admit the newcomer. */
const BEFORE = 300
const scene = usePeerScene({ readyMs: 60_000 })

describe('a newcomer reading governance from the member who admitted it', () => {
  it('keeps that member connected until it has read its own admission, and learns the group', async () => {
    const boot = await scene.testnet()
    const a = await scene.start(path.join(tempDir(), 'a'), boot)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' }, 60_000)
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    for (let i = 0; i < BEFORE; i++) await a.ok('post', { groupId, text: `before C, ${i}` })
    const forC = await a.ok('createInvite', { groupId })
    const forB = await a.ok('createInvite', { groupId })
    const c = await scene.start(path.join(tempDir(), 'c'), boot)
    await c.ok('createProfile', { passphrase: PASS, name: 'Cedar' }, 60_000)
    expect(await c.ok('joinGroup', { code: forC.code, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
    // C holds all of A's log (B's invite is still live in what C read), then A leaves for good.
    await c.until(async () => (await c.ok('listInvites', { groupId })).filter((i) => i.live).length === 1, 60_000)
    await scene.stop(a)

    const b = await scene.start(path.join(tempDir(), 'b'), boot)
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' }, 60_000)
    expect(await b.ok('joinGroup', { code: forB.code, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
    await b.until(async () => (await b.ok('members', { groupId })).length === 3, 30_000)
    await b.until(async () => (await b.ok('feed', { groupId, limit: 1 })).posts.length === 1, 30_000)
    expect((await b.ok('groupStatus', { groupId })).peers.length).toBe(1)
  }, 240_000)
})
