/**
 * Genesis is replayed as soon as it is read (group-reading.ts), so the rest of the creator's log is
 * judged as it is read: nothing of it is held back, and a log past the hold bound is read once.
 * What that early judgement assumed is checked at the batch's end, and a log that is not the
 * creator's gains nothing from being read first. Real GroupSpace, real block codec, seeded keys.
 */
import { describe, expect, it } from 'vitest'
import { signEvent } from '../../../core/group/gov-event.ts'
import { GroupSpace, GOVERNANCE_DOC } from '../../../core/group/group-space.ts'
import { PENDING_MAX_BLOCKS } from '../../../core/group/doc-set.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import { writerClientId } from '../../../core/model/shared-writers.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { foundGroup, genesisEvent, hex, identity, idOf, MemLog, updateBlock, updateOn, type Founded } from './support.ts'

const rnd = seededRandom(testSeed())

/** A second device of nobody in particular, holding the group's epoch key, reading from nothing. */
function reader(g: Founded): GroupSpace {
  return new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.groupId })
}

describe('genesis first', () => {
  it('reads the creator’s log once, past the hold bound, with every block applied', async () => {
    const g = await foundGroup(rnd)
    const total = PENDING_MAX_BLOCKS + 20
    for (let i = 0; i < total; i++) {
      const update = updateOn(null, (d) => void new MemberDoc(d, g.me).addPost({ topic: 'story', text: `post ${i}`, cw: null }, i + 1))
      await g.log.append(updateBlock(g.epochKey, memberDocId(g.me), update))
    }
    const peer = reader(g)
    await peer.catchUp(g.log)
    // Held back until the batch's end, the blocks past the bound were dropped and read again.
    expect(peer.blocksRead).toBe(g.log.length)
    expect(peer.docs.rejected).toEqual([])
    expect(peer.docs.memberDoc(g.me).posts.size).toBe(total)
  }, 60_000)

  it('rebuilds when the log changes the settings it was judged by', async () => {
    // Genesis leaves the rules to members; a later event of the same log opens them to facilitators.
    const g = await foundGroup(rnd, { rulesWriters: ['member'] })
    const rules = updateOn(null, (d) => {
      d.clientID = writerClientId(g.log.key) // a shared doc's items carry their log's writer id
      new RulesDoc(d).set('Be kind.', g.me, 1)
    })
    await g.log.append(updateBlock(g.epochKey, 'shared/rules', rules))
    await g.space.catchUp(g.log)
    await g.space.writeGovernance({ v: 1, kind: 'settings', group: g.space.groupId as string, author: g.me, at: 2, seen: g.space.seen(), body: { settings: { rulesWriters: ['facilitator'] } } })
    const peer = reader(g)
    await peer.catchUp(g.log)
    // As if the whole log's governance had judged every block of it: the rules stand.
    expect(peer.docs.rules().current()).toMatchObject({ text: 'Be kind.' })
  })

  it('gives a log read first nothing for a genesis it carries', async () => {
    const g = await foundGroup(rnd)
    await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'story', text: 'Fay’s words', cw: null }, 1))
    // Mallory's log: the group's real genesis copied to block 0, then a genesis of Mallory's own
    // naming this log, then words in Mallory's and in Fay's docs.
    const mallory = identity(rnd)
    const log = new MemLog(hex(rnd.bytes(32)))
    const gov = (payload: Uint8Array): Uint8Array => encodeBlock({ epoch: 0, kind: BlockKind.Governance, docId: GOVERNANCE_DOC, payload }, g.epochKey)
    const real = g.log.blocks[0] as Uint8Array
    await log.append(real)
    await log.append(gov(signEvent(genesisEvent(mallory, log.key), mallory.signSecretKey).payload))
    await log.append(updateBlock(g.epochKey, memberDocId(idOf(mallory)), updateOn(null, (d) => void new MemberDoc(d, idOf(mallory)).addPost({ topic: 'story', text: 'forged', cw: null }, 2))))
    await log.append(updateBlock(g.epochKey, memberDocId(g.me), updateOn(null, (d) => void new MemberDoc(d, g.me).addPost({ topic: 'story', text: 'forged for Fay', cw: null }, 3))))
    const peer = reader(g)
    await peer.catchUp(log)
    expect(peer.groupId).toBeNull()
    expect(peer.docs.has(memberDocId(idOf(mallory)))).toBe(false)
    expect(peer.docs.has(memberDocId(g.me))).toBe(false)
    await peer.catchUp(g.log)
    // The creator's log still founds the group; Mallory's log is not a member's and stays held.
    expect(peer.groupId).toBe(g.space.groupId)
    expect(peer.governance.knowsLog(log.key)).toBe(false)
    expect([...peer.docs.memberDoc(g.me).posts.values()].map((p) => p.get('text'))).toEqual(['Fay’s words'])
    expect(peer.docs.has(memberDocId(idOf(mallory)))).toBe(false)
  })
})
