import { afterEach, describe, expect, it, vi } from 'vitest'
import { COALESCE_MS, GroupSpace } from '../../../core/group/group-space.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { signEvent } from '../../../core/group/gov-event.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { feed } from '../../../core/model/views.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { foundGroup, genesisEvent, hex, identity, MemLog, updateBlock, updateOn } from '../group/support.ts'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { admitEvent, idOf } from '../group/support.ts'
const rnd = seededRandom(0x5eed)
afterEach(() => { vi.useRealTimers() })

describe('group space regressions', () => {
  it('holds a Yjs block that arrives before genesis instead of rejecting it for good', async () => {
    // Replay order across logs must not change the outcome (DESIGN §3.3 "one state everywhere").
    const fay = identity(rnd)
    const fayLog = new MemLog(hex(rnd.bytes(32)))
    const key = rnd.bytes(32)
    const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, key]]), current: 0 })
    const fayId = hex(fay.signPublicKey)
    const words = updateBlock(key, memberDocId(fayId), updateOn(null, (d) => new MemberDoc(d, fayId).addPost({ topic: 'story', text: 'early', cw: null }, 1)))
    // A block of a log other than the genesis log, read before the genesis log.
    const otherLog = hex(rnd.bytes(32))
    space.ingest(otherLog, 0, words)
    expect(space.docs.rejected).toEqual([])
    const { payload } = signEvent(genesisEvent(fay, fayLog.key), fay.signSecretKey)
    space.ingest(fayLog.key, 0, encodeBlock({ epoch: 0, kind: BlockKind.Governance, docId: 'governance', payload }, key))
    expect(space.groupId).not.toBeNull()
  })

  it('refuses changeSoon after lock instead of writing plaintext into a fresh doc', async () => {
    const g = await foundGroup(rnd)
    g.space.dropKeys()
    expect(() => g.space.changeSoon(memberDocId(g.me), (d) => d.getMap('m').set('typed after lock', 1))).toThrow(/locked/)
  })

  it('writes continuous typing at least once per window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const g = await foundGroup(rnd)
    for (let i = 0; i < 20; i++) {
      g.space.changeSoon(memberDocId(g.me), (d) => d.getMap('m').set('n', i))
      await vi.advanceTimersByTimeAsync(COALESCE_MS - 50)
    }
    // 20 × 250 ms = 5 s of typing.
    expect(g.log.length).toBeGreaterThan(1)
  })

  it('does not keep showing a change whose append failed', async () => {
    const g = await foundGroup(rnd)
    g.log.append = () => Promise.reject(new Error('disk full'))
    await expect(g.space.change(memberDocId(g.me), (d) => new MemberDoc(d, g.me).addPost({ topic: 'story', text: 'never stored', cw: null }, 1))).rejects.toThrow()
    const src = { me: g.me, members: g.space.governance.members, docs: g.space.docs.memberDocs(), rules: null }
    expect(feed(src, { limit: 10 }).posts).toEqual([])
  })
})


describe('checkpoint and blocks still waiting for governance', () => {
  it('a checkpoint taken while a log waits for its admission does not lose that log’s blocks', async () => {
    const g = await foundGroup(rnd)
    const bob = identity(rnd)
    const bobLog = new MemLog(hex(rnd.bytes(32)))
    bobLog.blocks.push(updateBlock(g.epochKey, memberDocId(idOf(bob)), updateOn(null, (d) => new MemberDoc(d, idOf(bob)).addPost({ topic: 'story', text: 'waiting words', cw: null }, 1))))
    await g.space.catchUp(bobLog)
    const restored = new GroupSpace(g.log, { identity: identityFromSeed(g.creator.seed), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })
    restored.restore(g.space.checkpoint())
    await restored.writeGovernance(admitEvent(restored.groupId as string, g.me, bob, bobLog.key))
    await restored.catchUp(bobLog)
    const src = { me: g.me, members: restored.governance.members, docs: restored.docs.memberDocs(), rules: null }
    expect(feed(src, { limit: 10 }).posts.map((p) => p.text)).toEqual(['waiting words'])
  })
})
