/**
 * One history across processes (issue 14, found 1; DESIGN.md §1 item 2). Four OS processes on a
 * loopback testnet: Alder (facilitator), Birch (an honest member who saw the original), Mallory
 * (rewrite-member.child.ts, rewriting her own real device log: truncate by one, then something
 * else at the same index) and Cedar (a newcomer who joins after the rewrite and never held the
 * original). Birch is offline while Mallory rewrites and comes back after, holding the original.
 *
 * Afterwards every honest node shows the same feed and the same membership — neither version of
 * the rewritten block counts — and Alder's review shows the evidence with both versions. For a
 * post (the newcomer first, then Birch back; and Birch first, then the newcomer, under a CPU hog
 * on both cores), and for a governance event (a role change rewritten as a removal).
 */
import { describe, expect, it } from 'vitest'
import type { Peer } from '../../helpers/peer.ts'
import { useProcessCast } from '../../helpers/process-cast.ts'
import { converge, members, scene, tell, texts, type Order } from './rewrite-scene.ts'

const cast = useProcessCast()
const { stop } = cast

describe('a member that rewrites its own signed history', () => {
  it.each([
    { order: 'newcomer first' as Order, hog: false, load: 'quiet machine' },
    { order: 'Birch first' as Order, hog: true, load: 'CPU hog on both cores' },
  ])('a post ($order, $load): the honest member who saw the original and the newcomer who did not end with one feed; facilitators see both versions', { timeout: 360_000 }, async ({ order, hog }) => {
    if (hog) cast.loadCpu()
    const s = await scene(cast)
    await tell(s.mallory, 'post a post before anything happened', 'posted')
    const [index] = await tell(s.mallory, 'post the original words', 'posted')
    for (const p of [s.alder, s.birch]) await p.until(async () => (await texts(p, s.groupId)).includes('the original words'), 45_000)
    await stop(s.birch)

    const [again, fork] = await tell(s.mallory, `rewrite-post ${index} the rewritten words`, 'rewritten')
    expect([again, fork]).toEqual([index, '1'])

    const frozen = async (p: Peer): Promise<boolean> => {
      const t = await texts(p, s.groupId)
      return t.includes('a post before anything happened') && !t.includes('the original words') && !t.includes('the rewritten words')
    }
    const [alder] = await converge(cast, s, frozen, order)
    expect(await texts(alder as Peer, s.groupId)).toEqual(['a post before anything happened'])
    const review = await s.alder.ok('rewrittenLogs', { groupId: s.groupId })
    expect(review).toHaveLength(1)
    expect(review[0]).toMatchObject({ member: s.malloryId, memberName: 'Mallory', index: Number(index) })
    expect(review[0]?.versions.map((v) => [v.fork, v.block?.texts])).toEqual([[0, ['the original words']], [1, ['the rewritten words']]])
    expect(review[0]?.reportedBy.length).toBeGreaterThan(0)
  })

  it('a governance event: a role change rewritten as a removal leaves one membership everywhere', { timeout: 240_000 }, async () => {
    const s = await scene(cast)
    await s.alder.ok('setRole', { groupId: s.groupId, member: s.malloryId, role: 'facilitator' })
    const birchId = (await s.birch.ok('groupInfo', { groupId: s.groupId })).me
    // Valid whenever Mallory writes it: replay orders her event after the promotion that cuts her log.
    const [index] = await tell(s.mallory, `promote ${birchId}`, 'wrote')
    const promoted = async (p: Peer): Promise<boolean> => (await members(p, s.groupId)).includes('Birch:facilitator')
    for (const p of [s.alder, s.birch]) await p.until(() => promoted(p), 45_000)
    await stop(s.birch)

    const [again] = await tell(s.mallory, `rewrite-remove ${index} ${birchId}`, 'rewritten')
    expect(again).toBe(index)

    const oneMembership = async (p: Peer): Promise<boolean> => (await members(p, s.groupId)).includes('Birch:member')
    await converge(cast, s, oneMembership)
    expect(await members(s.alder, s.groupId)).toEqual(['Alder:facilitator', 'Birch:member', 'Cedar:member', 'Mallory:facilitator'])
    const review = await s.alder.ok('rewrittenLogs', { groupId: s.groupId })
    expect(review[0]?.versions.map((v) => v.block?.texts)).toEqual([['role.change Birch'], ['member.remove Birch']])
  })
})
