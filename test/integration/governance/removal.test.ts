/**
 * Removal across real processes (issue 6, "Must show"): one OS process per peer, a loopback
 * testnet, real profiles. A partition is a peer's process being stopped.
 *
 *  - A removed member's words written after the cut-off appear on no honest peer, even relayed
 *    by a peer that accepted them before it heard of the removal; that removal arrives late at
 *    that peer, every peer converges, and its rebuilt feed equals a fresh replay from its logs.
 *    The removed member's keys, every one of them, open nothing written after the removal but
 *    the rotation that excludes it. Leaving works the same way: the member who left keeps what
 *    it had, goes off the network, and no key it holds opens what is written after.
 *  - Two facilitators remove each other while partitioned: after healing every peer holds the
 *    same membership, the remaining members the same feed, and the loser sees it was removed.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeBlock } from '../../../core/store/block-codec.ts'
import { HearthError } from '../../../core/errors.ts'
import type { Peer } from '../../helpers/peer.ts'
import { PASS, useProcessCast } from '../../helpers/process-cast.ts'
import { openProfileLogs, type ProfileLogs } from './profile-logs.ts'

const cast = useProcessCast()
const { tempDir, start, stop } = cast
const opened: ProfileLogs[] = []
cast.cleanup(async () => {
  for (const o of opened.splice(0)) await o.close()
})

async function texts(p: Peer, groupId: string): Promise<string[]> {
  return (await p.ok('feed', { groupId, limit: 100 })).posts.map((x) => x.text).sort()
}

async function memberNames(p: Peer, groupId: string): Promise<string[]> {
  return (await p.ok('members', { groupId })).map((m) => `${m.pseudonym}:${m.role}`).sort()
}

function opensWith(block: Uint8Array, key: Uint8Array): boolean {
  try {
    decodeBlock(block, () => key)
    return true
  } catch (e) {
    if (e instanceof HearthError) return false
    throw e
  }
}

describe('removal across processes', () => {
  it('refuses a removed member’s later words everywhere, relayed or late, and leaves it no key to read on', async () => {
    const boot = await cast.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), c: path.join(tempDir(), 'c') }
    let a = await start(dirs.a, boot, 'Alder')
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const forB = await a.ok('createInvite', { groupId })
    const forC = await a.ok('createInvite', { groupId })
    let b = await start(dirs.b, boot, 'Birch')
    expect(await b.ok('joinGroup', { code: forB.code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })
    let c = await start(dirs.c, boot, 'Cedar')
    expect(await c.ok('joinGroup', { code: forC.code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })
    const birch = (await b.ok('groupInfo', { groupId })).me
    await b.ok('post', { groupId, text: 'b before' })
    for (const p of [a, c]) await p.until(async () => (await texts(p, groupId)).includes('b before'), 30_000)

    // Alder removes Birch while Birch and Cedar are away.
    await stop(b)
    await stop(c)
    expect(await a.ok('removeMember', { groupId, member: birch })).toEqual({ member: birch, status: 'removed' })
    await a.ok('post', { groupId, text: 'a after' })
    await stop(a)

    // Birch, not knowing, writes on; Cedar, not knowing either, accepts it.
    b = await start(dirs.b, boot)
    c = await start(dirs.c, boot)
    await b.ok('post', { groupId, text: 'b past the cut-off' })
    await c.until(async () => (await texts(c, groupId)).includes('b past the cut-off'), 30_000)
    await stop(b)

    // Alder returns: Cedar relays Birch's log to Alder and reads the removal late.
    a = await start(dirs.a, boot)
    const expected = ['a after', 'b before']
    await c.until(async () => JSON.stringify(await texts(c, groupId)) === JSON.stringify(expected), 30_000)
    await a.until(async () => (await a.ok('groupStatus', { groupId })).blocks === (await c.ok('groupStatus', { groupId })).blocks, 30_000)
    expect(await texts(a, groupId)).toEqual(expected)
    expect(await memberNames(a, groupId)).toEqual(['Alder:facilitator', 'Cedar:member'])
    expect(await memberNames(c, groupId)).toEqual(await memberNames(a, groupId))
    await c.ok('post', { groupId, text: 'c after' })
    await a.until(async () => (await texts(a, groupId)).includes('c after'), 30_000)
    const settled = await texts(c, groupId)

    // Leaving works the same way: Cedar leaves, keeps what it had, and gets nothing new.
    expect(await c.ok('leaveGroup', { groupId })).toEqual({ membership: 'left' })
    await a.until(async () => JSON.stringify(await memberNames(a, groupId)) === JSON.stringify(['Alder:facilitator']), 30_000)
    await a.ok('post', { groupId, text: 'a after Cedar left' })
    expect((await c.ok('groupInfo', { groupId })).membership).toBe('left')
    expect((await c.ok('groupStatus', { groupId })).online).toBe(false)

    // A fresh replay of Cedar's logs, without its checkpoint, gives the same feed.
    await stop(a)
    await stop(c)
    rmSync(path.join(dirs.c, 'checkpoints'), { recursive: true, force: true })
    c = await start(dirs.c, boot)
    expect(await texts(c, groupId)).toEqual(settled)
    expect((await c.ok('groupInfo', { groupId })).membership).toBe('left')
    await stop(c)

    // Offline, from the files: Alder did receive Birch's words past the cut-off (relayed by
    // Cedar) and refused them; and no key Birch holds opens anything written after the removal
    // but the rotation that leaves Birch out.
    const pa = await openProfileLogs(dirs.a, PASS, groupId)
    const pb = await openProfileLogs(dirs.b, PASS, groupId)
    const pc = await openProfileLogs(dirs.c, PASS, groupId)
    opened.push(pa, pb, pc)
    const birchLog = await pb.own()
    expect((await pa.blocksOf(birchLog.key)).length).toBe(birchLog.blocks.length)

    const alder = await pa.own()
    const removalAt = await pa.findGovernance(alder.blocks, 'member.remove')
    expect(removalAt).toBeGreaterThan(0)
    const birchKeys = pb.epochKeys()
    expect(birchKeys.size).toBeGreaterThan(0)
    const after = alder.blocks.slice(removalAt + 1)
    const readable = after.filter((blk) => [...birchKeys.values()].some((k) => opensWith(blk, k)))
    expect(readable).toHaveLength(1)
    expect(await pa.kindOf(readable[0] as Uint8Array)).toBe('epoch.rotate')
    const cedar = await pc.own()
    const cedarAfter = cedar.blocks.at(-2) as Uint8Array // Cedar's 'c after' (its last block is the leave)
    expect(await pc.kindOf(cedarAfter)).toBe('update')
    expect([...birchKeys.values()].some((k) => opensWith(cedarAfter, k))).toBe(false)
    // After Cedar left, Alder rotated before writing again: Cedar's keys open none of it.
    const cedarKeys = [...pc.epochKeys().values()]
    const lastOfAlder = alder.blocks.at(-1) as Uint8Array
    expect(await pa.kindOf(lastOfAlder)).toBe('update')
    expect(cedarKeys.some((k) => opensWith(lastOfAlder, k))).toBe(false)
    expect(await pa.kindOf(alder.blocks.at(-2) as Uint8Array)).toBe('epoch.rotate')
  })

  it('two facilitators remove each other while partitioned: after healing, one membership and one feed', async () => {
    const boot = await cast.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), x: path.join(tempDir(), 'x'), b: path.join(tempDir(), 'b'), c: path.join(tempDir(), 'c') }
    let a = await start(dirs.a, boot, 'Alder')
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const invites = { x: await a.ok('createInvite', { groupId, role: 'facilitator' }), b: await a.ok('createInvite', { groupId }), c: await a.ok('createInvite', { groupId }) }
    let x = await start(dirs.x, boot, 'Xylia')
    await x.ok('joinGroup', { code: invites.x.code, waitMs: 30_000 }, 40_000)
    let b = await start(dirs.b, boot, 'Birch')
    await b.ok('joinGroup', { code: invites.b.code, waitMs: 30_000 }, 40_000)
    let c = await start(dirs.c, boot, 'Cedar')
    await c.ok('joinGroup', { code: invites.c.code, waitMs: 30_000 }, 40_000)
    const four = async (p: Peer): Promise<boolean> => (await p.ok('members', { groupId })).length === 4
    for (const p of [a, x, b, c]) await p.until(() => four(p), 30_000)
    const ids = { a: (await a.ok('groupInfo', { groupId })).me, x: (await x.ok('groupInfo', { groupId })).me }

    // Partition {Alder, Birch} | {Xylia, Cedar}: each facilitator removes the other.
    await stop(x)
    await stop(c)
    await a.ok('removeMember', { groupId, member: ids.x })
    await b.until(async () => (await b.ok('members', { groupId })).length === 3, 30_000)
    await b.ok('post', { groupId, text: 'birch during' })
    await a.until(async () => (await texts(a, groupId)).includes('birch during'), 30_000)
    await stop(a)
    await stop(b)
    x = await start(dirs.x, boot)
    c = await start(dirs.c, boot)
    await c.until(async () => (await c.ok('groupStatus', { groupId })).peers.length > 0, 30_000)
    await x.ok('removeMember', { groupId, member: ids.a })
    await c.until(async () => (await c.ok('members', { groupId })).length === 3, 30_000)
    await c.ok('post', { groupId, text: 'cedar during' })
    await x.until(async () => (await texts(x, groupId)).includes('cedar during'), 30_000)

    // Heal: everyone online. Birch and Cedar accept each other and carry both sides across.
    a = await start(dirs.a, boot)
    b = await start(dirs.b, boot)
    const peers = { a, x, b, c }
    const infos = async () => Promise.all(Object.values(peers).map((p) => p.ok('groupInfo', { groupId })))
    await b.until(async () => (await infos()).filter((i) => i.membership === 'removed').length === 1, 60_000)
    const removedIsA = (await a.ok('groupInfo', { groupId })).membership === 'removed'
    const [kept, gone] = removedIsA ? [x, a] : [a, x]
    const keptName = removedIsA ? 'Xylia' : 'Alder'
    const names = [`${keptName}:facilitator`, 'Birch:member', 'Cedar:member'].sort()
    for (const p of Object.values(peers)) await p.until(async () => JSON.stringify(await memberNames(p, groupId)) === JSON.stringify(names), 30_000)
    const feed = ['birch during', 'cedar during']
    for (const p of [kept, b, c]) await p.until(async () => JSON.stringify(await texts(p, groupId)) === JSON.stringify(feed), 30_000)
    // The removed facilitator's node is off the group's network and can no longer write.
    const refused = await gone.call('post', { groupId, text: 'still here?' })
    expect(refused.ok ? 'OK' : refused.error.code).toBe('NOT_ALLOWED')
    expect((await gone.ok('groupStatus', { groupId })).online).toBe(false)
  })
})
