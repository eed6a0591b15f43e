/**
 * Late and concurrent governance (DESIGN.md §3.3) at the replay level, on real GroupSpaces:
 * two facilitators remove each other while partitioned, and a removal that arrives late after a
 * peer already accepted the removed member's later words. After healing, every peer holds the
 * same membership and the same feed, equal to a fresh replay of the logs in any order.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { removeMember } from '../../../core/group/membership.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { hex, MemLog } from '../group/support.ts'
import { admit, founder, govState, keysOf, now, post, pull, syncAll, texts, type Peer } from './peers.ts'

/** A new space with `as`'s identity and keys that reads every log once, in a random order. */
async function freshReplay(rnd: SeededRandom, as: Peer, peers: Peer[]): Promise<Peer> {
  const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identityFromSeed(as.id.seed), epochs: keysOf(as), current: 0 }, { groupId: as.space.groupId })
  const fresh: Peer = { ...as, space, log: new MemLog(hex(rnd.bytes(32))) }
  const order = [...peers].sort(() => rnd.next() - 0.5)
  for (let round = 0; round < 2; round++) for (const p of order) await pull(fresh, p)
  return fresh
}

describe('two facilitators remove each other while partitioned', () => {
  it('ends with one of them, the same membership and the same feed everywhere', async () => {
    const rnd = seededRandom(testSeed())
    const ann = await founder(rnd, 'Ann')
    const xan = await admit(rnd, ann, 'Xan', 'facilitator')
    const bea = await admit(rnd, ann, 'Bea')
    const cal = await admit(rnd, ann, 'Cal')
    const all = [ann, xan, bea, cal]
    await syncAll(all)
    await post(bea, 'bea before')
    await syncAll(all)

    // Partition {Ann, Bea} | {Xan, Cal}: each facilitator removes the other and rotates.
    expect(await removeMember(ann.space, xan.me, now)).toBe('removed')
    expect(await removeMember(xan.space, ann.me, now)).toBe('removed')
    await post(ann, 'ann after')
    await post(xan, 'xan after')
    await pull(bea, ann)
    await pull(cal, xan)
    await post(bea, 'bea during')
    await post(cal, 'cal during')

    await syncAll(all)
    await syncAll(all)
    const state = govState(bea)
    for (const p of all) expect(govState(p), p.name).toEqual(state)
    const gov = bea.space.governance
    const [kept, gone] = gov.members.has(ann.me) ? [ann, xan] : [xan, ann]
    expect(gov.members.has(kept.me) && !gov.members.has(gone.me)).toBe(true)
    expect(gov.former.get(gone.me)?.reason).toBe('removed')
    expect(gone.space.membership).toBe('removed')

    const feed = texts(bea)
    expect(feed).toEqual(['bea before', 'bea during', 'cal during', `${kept.name.toLowerCase()} after`].sort())
    for (const p of [kept, cal]) expect(texts(p), p.name).toEqual(feed)
    // The removed facilitator holds no key of the epoch the group now writes under.
    expect(gone.space.holdsEpoch(gov.epochs.current)).toBe(false)
    for (const p of [kept, bea, cal]) expect(p.space.currentEpoch, p.name).toBe(gov.epochs.current)

    const fresh = await freshReplay(rnd, bea, all)
    expect(govState(fresh)).toEqual(state)
    expect(texts(fresh)).toEqual(feed)
  })
})

describe('a late governance event that changes the order', () => {
  it('rebuilds the docs of a peer that accepted words past the cut-off, relayed or not', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    const bob = await admit(rnd, fay, 'Bob')
    const cat = await admit(rnd, fay, 'Cat')
    const all = [fay, fin, bob, cat]
    await syncAll(all)
    await post(bob, 'bob before')
    await syncAll(all)

    // Fin removes Bob; nobody has Fin's log yet. Bob goes on writing and even invites someone.
    await removeMember(fin.space, bob.me, now)
    await post(bob, 'bob past the cut-off')
    const friend = await admit(rnd, fay, 'Friend') // a valid admission by Fay, concurrent with the removal
    await bob.space.writeGovernance({
      v: 1, kind: 'invite.create', group: bob.space.groupId as string, author: bob.me, at: now(), seen: bob.space.seen(),
      body: { invite: { id: 'ffffffffffffffffffffffffffffffff', publicKey: 'aa'.repeat(32), expiresAt: now() + 1e6, uses: 1, role: 'member', approval: false } },
    }).catch(() => undefined)
    // Cat accepts Bob's words (Fin's removal has not reached Cat), then relays them to Fay.
    await pull(cat, bob, fay)
    expect(texts(cat)).toContain('bob past the cut-off')
    await pull(fay, bob, cat)
    expect(texts(fay)).toContain('bob past the cut-off')

    // Fin's log arrives late: the removal sorts before Bob's later blocks and events.
    await syncAll([...all, friend])
    const feed = texts(fay)
    expect(feed).toEqual(['bob before'])
    for (const p of [fin, cat, friend]) expect(texts(p), p.name).toEqual(feed)
    for (const p of [fin, bob, cat, friend]) expect(govState(p), p.name).toEqual(govState(fay))
    expect(fay.space.governance.members.has(friend.me)).toBe(true)

    const fresh = await freshReplay(rnd, cat, [...all, friend])
    expect(texts(fresh)).toEqual(feed)
    expect(govState(fresh)).toEqual(govState(fay))
  })
})
