/**
 * The keeper through governance (issue 15), one OS process per node (keeper, A, B) on a loopback
 * testnet: A, a facilitator, adds the keeper and every member's node follows it; A removes it and
 * every member's node lets it go; what A writes afterwards reaches B and never the keeper's store.
 * The protection attacked: if a member's link stayed open after the removal (keeper-follow.ts),
 * the keeper would be sent A's new block (by A, or relayed by B) and the count below would grow.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { usePeerScene } from '../sync/peer-scene.ts'
import { keeperBlocks, startKeeper, type KeeperProcess } from './keeper-process.ts'

const tempDir = useTempDirs()
const scene = usePeerScene({ readyMs: 90_000 })
let keeper: KeeperProcess | null = null

afterEach(async () => {
  await keeper?.stop().catch(() => undefined)
  keeper = null
})

const codeOf = (r: { ok: boolean; error?: { code: string } }): string | undefined => r.error?.code

describe('the group’s keeper is added and removed through governance', () => {
  it('only facilitators add or remove it; a removed keeper gets nothing written after its removal', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), k: path.join(tempDir(), 'k') }
    keeper = await startKeeper(dirs.k, boot)
    const k = keeper
    const a = await scene.member(dirs.a, boot, 'Alder')
    const b = await scene.member(dirs.b, boot, 'Birch')
    const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
    const invite = await a.ok('createInvite', { groupId })
    await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
    await b.until(async () => (await b.ok('members', { groupId })).length === 2, 30_000)

    // Members may not add or remove a keeper; a typo in the code is caught, nothing is written.
    expect(codeOf(await b.call('addKeeper', { groupId, code: k.code }))).toBe('NOT_ALLOWED')
    const typo = `${k.code.slice(0, 5)}${k.code[5] === 'A' ? 'B' : 'A'}${k.code.slice(6)}`
    expect(codeOf(await a.call('addKeeper', { groupId, code: typo }))).toBe('KEEPER_CODE_CHECKSUM')
    expect(await a.ok('keepers', { groupId })).toEqual([])

    await a.ok('addKeeper', { groupId, code: k.code })
    expect(codeOf(await a.call('addKeeper', { groupId, code: k.code }))).toBe('KEEPER_ALREADY_SET')
    // B follows governance: it lists the keeper, reaches it, and the keeper holds A's post.
    await b.until(async () => (await b.ok('groupStatus', { groupId })).keeper?.connected === true, 60_000)
    expect(await b.ok('keepers', { groupId })).toMatchObject([{ code: k.code, current: true, addedBy: { name: 'Alder' } }])
    await a.ok('post', { groupId, text: 'the keeper may hold this' })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.holdsMine === true, 60_000)
    expect(codeOf(await b.call('removeKeeper', { groupId, keeper: k.code }))).toBe('NOT_ALLOWED')

    const afterRemoval = await a.ok('removeKeeper', { groupId, keeper: k.code })
    expect(afterRemoval).toMatchObject([{ code: k.code, current: false, removedBy: { name: 'Alder' } }])
    expect(afterRemoval[0]?.reach).toBeUndefined()
    const removedAt = (await a.ok('groupStatus', { groupId })).blocks
    expect((await a.ok('groupStatus', { groupId })).keeper).toBeUndefined()
    // B reads the removal and lets the keeper go too.
    await b.until(async () => (await b.ok('keepers', { groupId }))[0]?.current === false, 60_000)
    await b.until(async () => (await b.ok('groupStatus', { groupId })).keeper === undefined, 30_000)

    const secret = makeCanary('after-removal')
    const post = await a.ok('post', { groupId, text: `not for the keeper ${secret}` })
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === post.id), 60_000)
    const finalBlocks = (await a.ok('groupStatus', { groupId })).blocks
    expect(finalBlocks).toBeGreaterThan(removedAt)
    await scene.stop(a)
    await scene.stop(b)
    await k.stop()
    keeper = null
    const held = await keeperBlocks(dirs.k)
    expect(held).toBeGreaterThan(0)
    expect(held).toBeLessThanOrEqual(removedAt)
    expect(scanForCanaries([dirs.k], [secret, 'Thursday circle', 'Alder', 'Birch'])).toEqual([])
  }, 300_000)
})
