/**
 * A flooding peer is bounded (issue 14): blocks held back for a log governance does not know yet
 * stop at PENDING_MAX_BLOCKS in memory; the rest are dropped and read again from the log once
 * the log is admitted, so nothing is lost. Real GroupSpace, real block codec, seeded keys.
 */
import { describe, expect, it } from 'vitest'
import { PENDING_MAX_BLOCKS } from '../../../core/group/doc-set.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { hex, identity, idOf, MemLog, updateBlock, updateOn } from './support.ts'
import { founder, keysOf, now, texts } from '../governance/peers.ts'

describe('the held-back list for unknown logs', () => {
  it('holds at most PENDING_MAX_BLOCKS; the dropped rest is read again once the log is admitted', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const newcomer = identity(rnd)
    const me = idOf(newcomer)
    const log = new MemLog(hex(rnd.bytes(32)))
    const key = fay.space.epochKey(0)
    const total = PENDING_MAX_BLOCKS + 20
    for (let i = 0; i < total; i++) {
      // each post from a fresh doc: independent updates, as many small blocks as a flood sends
      const update = updateOn(null, (d) => void new MemberDoc(d, me).addPost({ topic: 'story', text: `flood ${i}`, cw: null }, now()))
      await log.append(updateBlock(key, memberDocId(me), update, 0))
    }
    await fay.space.catchUp(log)
    const held = fay.space.checkpoint().next.get(log.key)
    // a checkpoint written now resumes at the first block not in memory
    expect(held).toBe(0)
    expect(fay.space.docs.held).toBe(PENDING_MAX_BLOCKS)
    expect(texts(fay)).toEqual([])

    await fay.space.writeGovernance({
      v: 1, kind: 'member.admit', group: fay.space.groupId as string, author: fay.me, at: now(), seen: fay.space.seen(),
      body: { member: { id: me, boxKey: hex(newcomer.boxPublicKey), device: log.key, pseudonym: 'Flood' }, role: 'member', epochs: [...keysOf(fay).keys()] },
    })
    // admission makes the space re-read the log: every post is there, none lost
    await fay.space.catchUp(log)
    expect(fay.space.docs.memberDoc(me).posts.size).toBe(total)
  }, 120_000)
})
