/**
 * Late governance (DESIGN.md §3.3): an event that arrives late and sorts before events already
 * applied changes the state; docs built under the old state are rebuilt, and peers that read the
 * logs in different orders end identical.
 */
import { describe, expect, it } from 'vitest'
import { eventId, signEvent, type UnsignedEvent } from '../../../core/group/gov-event.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { feed } from '../../../core/model/views.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog, updateBlock, updateOn } from '../group/support.ts'

const texts = (s: GroupSpace): string[] =>
  feed({ me: s.me, members: s.governance.members, docs: s.docs.memberDocs(), rules: null }, { limit: 50 }).posts.map((p) => p.text).sort()

describe('late governance events', () => {
  it('a concurrent admission that sorts first takes the device away, and the docs are rebuilt', async () => {
    const rnd = seededRandom(testSeed())
    const g = await foundGroup(rnd)
    const groupId = g.space.groupId as string
    const fac = identity(rnd)
    const facLog = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitEvent(groupId, g.me, fac, facLog.key, 'facilitator'))

    // Two facilitators admit the same newcomer at once, each naming a different device.
    const x = identity(rnd)
    const d1 = new MemLog(hex(rnd.bytes(32)))
    const d2 = new MemLog(hex(rnd.bytes(32)))
    const byCreator: UnsignedEvent = { ...admitEvent(groupId, g.me, x, d1.key), seen: { [g.log.key]: 2 } }
    let byFac: UnsignedEvent = { ...admitEvent(groupId, idOf(fac), x, d2.key), seen: { [g.log.key]: 2 } }
    // Pick a timestamp that makes the facilitator's event sort first (ties break by id).
    for (let at = 1; eventId(byFac) > eventId(byCreator) && at < 1000; at++) byFac = { ...byFac, at }
    await g.space.writeGovernance(byCreator)
    facLog.blocks.push(encodeBlock({ epoch: 0, kind: BlockKind.Governance, docId: 'governance', payload: signEvent(byFac, fac.signSecretKey).payload }, g.epochKey))
    d1.blocks.push(updateBlock(g.epochKey, memberDocId(idOf(x)), updateOn(null, (d) => new MemberDoc(d, idOf(x)).addPost({ topic: 'story', text: 'through d1', cw: null }, 1))))
    d2.blocks.push(updateBlock(g.epochKey, memberDocId(idOf(x)), updateOn(null, (d) => new MemberDoc(d, idOf(x)).addPost({ topic: 'story', text: 'through d2', cw: null }, 2))))

    await g.space.catchUp(d1)
    expect(texts(g.space)).toEqual(['through d1'])
    await g.space.catchUp(d2)
    await g.space.catchUp(facLog)
    expect(g.space.governance.memberForBlock(d1.key, 0)).toBeUndefined()
    expect(texts(g.space)).toEqual(['through d2'])

    // Another peer reading the same logs in another order ends identical.
    const other = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identityFromSeed(x.seed), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId })
    for (const log of [facLog, d2, d1, g.log]) await other.catchUp(log)
    expect(texts(other)).toEqual(['through d2'])
    expect([...other.governance.grants()].sort()).toEqual([...g.space.governance.grants()].sort())
  })
})
