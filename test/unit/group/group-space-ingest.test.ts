/**
 * GroupSpace reading blocks from peers (threat model lines 2 and 6): a second identity holding
 * the epoch key writes to the creator's doc, the rules, a personal doc and its own doc while
 * governance does not know it, and none of it may reach a doc or a view. Garbage of every kind
 * is recorded as rejected and never thrown.
 */
import * as Y from 'yjs'
import { beforeEach, describe, expect, it } from 'vitest'
import { signEvent } from '../../../core/group/gov-event.ts'
import { GroupSpace, GOVERNANCE_DOC } from '../../../core/group/group-space.ts'
import { BlockKind, encodeBlock, MAX_BLOCK_BYTES } from '../../../core/store/block-codec.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import { feed, members, type ViewSource } from '../../../core/model/views.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { admitEvent, foundGroup, genesisEvent, hex, identity, idOf, MemLog, updateBlock, updateOn, type Founded } from './support.ts'

const rnd = seededRandom(testSeed())

function source(space: GroupSpace): ViewSource {
  return { me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }
}

/** Everything a reader could see, plus every doc's full state. */
function everything(space: GroupSpace): unknown {
  const states = [...space.docs.snapshot()].map(([id, s]) => [id, hex(s)]).sort()
  return { feed: feed(source(space), { limit: 1000 }), members: members(source(space)), states, gov: space.governance.deviceLogs() }
}

let g: Founded
let post: string
beforeEach(async () => {
  g = await foundGroup(rnd)
  post = ''
  await g.space.change(memberDocId(g.me), (d) => {
    post = new MemberDoc(d, g.me).addPost({ topic: 'story', text: 'Fay’s own words', cw: null }, 10)
  })
  await g.space.change('shared/rules', (d) => new RulesDoc(d).set('Be kind.', g.me, 11))
})

describe('blocks from a second identity', () => {
  it('never change a doc or a view, whatever they target', () => {
    const bob = identity(rnd)
    const bobId = idOf(bob)
    const bobLog = new MemLog(hex(rnd.bytes(32)))
    const fayState = Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me)))
    const rulesState = Y.encodeStateAsUpdate(g.space.docs.doc('shared/rules'))
    const attacks: [string, Uint8Array][] = [
      // (a) rewrite Fay's post, mark it deleted, and add a post in her name
      [memberDocId(g.me), updateOn(fayState, (d) => {
        const fay = new MemberDoc(d, g.me)
        fay.edit(post, { text: 'words Fay never wrote' }, 20)
        fay.addPost({ topic: 'story', text: 'forged post', cw: null }, 21)
      })],
      [memberDocId(g.me), updateOn(fayState, (d) => new MemberDoc(d, g.me).remove(post, 22))],
      // (b) new rules, and deleting the old version
      ['shared/rules', updateOn(rulesState, (d) => new RulesDoc(d).set('Obey Bob.', g.me, 23))],
      ['shared/rules', updateOn(rulesState, (d) => new RulesDoc(d).versions.delete(0, 1))],
      // (c) a personal doc
      ['personal/safety-plan', updateOn(null, (d) => d.getText('t').insert(0, 'planted'))],
      // (d) Bob's own doc, before any admission
      [memberDocId(bobId), updateOn(null, (d) => new MemberDoc(d, bobId).addPost({ topic: 'story', text: 'bob speaks', cw: null }, 24))],
    ]
    const before = everything(g.space)
    attacks.forEach(([docId, update], i) => {
      const block = updateBlock(g.epochKey, docId, update)
      bobLog.blocks.push(block)
      expect(g.space.ingest(bobLog.key, i, block), docId).toEqual([])
    })
    expect(everything(g.space)).toEqual(before)
    expect(g.space.docs.memberDocs().has(bobId)).toBe(false)
    expect(g.space.docs.rules().current()?.text).toBe('Be kind.')
    // Still waiting for an admission that governance has not seen: not applied on a retry either.
    expect(g.space.docs.retryPending(g.space.governance)).toEqual([])
    expect(everything(g.space)).toEqual(before)
    expect(JSON.stringify(everything(g.space))).not.toMatch(/never wrote|forged|Obey Bob|bob speaks/)
  })

  it('are rejected with a reason when a known log oversteps', async () => {
    const other = hex(rnd.bytes(32))
    const at = g.log.length
    const blocks: [string, Uint8Array][] = [
      [memberDocId(other), updateOn(null, (d) => new MemberDoc(d, other).addPost({ topic: 'story', text: 'in another’s name', cw: null }, 1))],
      ['personal/journal', updateOn(null, (d) => d.getText('t').insert(0, 'replicated journal'))],
      ['shared/no-such-doc', updateOn(null, (d) => d.getMap('m').set('a', 1))],
    ]
    const before = everything(g.space)
    blocks.forEach(([docId, update], i) => {
      expect(g.space.ingest(g.log.key, at + i, updateBlock(g.epochKey, docId, update))).toEqual([])
    })
    expect(g.space.docs.rejected.map((r) => [r.logKey, r.index, r.docId])).toEqual(blocks.map(([id], i) => [g.log.key, at + i, id]))
    expect(g.space.docs.rejected.map((r) => r.reason)).toEqual(["another member's document", 'personal documents are never replicated', 'unknown document'])
    expect(everything(g.space)).toEqual(before)
  })

  it('keep the rules closed to a role the settings do not name', async () => {
    const closed = await foundGroup(rnd, { rulesWriters: ['member'] })
    expect(codeOf(() => closed.space.changeSoon('shared/rules', (d) => new RulesDoc(d).set('x', closed.me, 1)))).toBe('NOT_ALLOWED')
    const block = updateBlock(closed.epochKey, 'shared/rules', updateOn(null, (d) => new RulesDoc(d).set('x', closed.me, 1)))
    expect(closed.space.ingest(closed.log.key, closed.log.length, block)).toEqual([])
    expect(closed.space.docs.rejected.at(-1)?.reason).toBe('role may not write this document')
    expect(closed.space.docs.rules().current()).toBeNull()
    expect(closed.log.length).toBe(1)
  })

  it('cannot replace the group with a second genesis', () => {
    const bob = identity(rnd)
    const bobLog = hex(rnd.bytes(32))
    const { payload } = signEvent(genesisEvent(bob, bobLog), bob.signSecretKey)
    const block = encodeBlock({ epoch: 0, kind: BlockKind.Governance, docId: GOVERNANCE_DOC, payload }, g.epochKey)
    const before = { id: g.space.groupId, all: everything(g.space) }
    expect(g.space.ingest(bobLog, 0, block)).toEqual([])
    expect({ id: g.space.groupId, all: everything(g.space) }).toEqual(before)
    expect(g.space.governance.knowsLog(bobLog)).toBe(false)
  })
})

describe('garbage and keys we do not hold', () => {
  it('records each bad block as rejected with its code and never throws', () => {
    const log = hex(rnd.bytes(32))
    const wrongKey = rnd.bytes(32)
    const good = updateOn(null, (d) => d.getMap('m').set('a', 1))
    const oversized = new Uint8Array(MAX_BLOCK_BYTES + 1)
    oversized[0] = 1
    const cases: [string, Uint8Array, string][] = [
      ['empty', new Uint8Array(0), 'BLOCK_MALFORMED'],
      ['version 0', new Uint8Array(64), 'BLOCK_MALFORMED'],
      ['a newer version', Uint8Array.of(2, ...rnd.bytes(63)), 'BLOCK_VERSION'],
      ['too short', Uint8Array.of(1, 0, 0, 0, 0), 'BLOCK_MALFORMED'],
      ['oversized', oversized, 'BLOCK_TOO_LARGE'],
      ['the wrong key for epoch 0', updateBlock(wrongKey, memberDocId(g.me), good), 'BLOCK_MALFORMED'],
      ['an epoch we do not hold', updateBlock(wrongKey, memberDocId(g.me), good, 3), 'BLOCK_EPOCH_UNKNOWN'],
      ['a flipped ciphertext byte', (() => { const b = updateBlock(g.epochKey, memberDocId(g.me), good); b[40] = (b[40] as number) ^ 1; return b })(), 'BLOCK_MALFORMED'],
      ['a checkpoint part of a newer version', encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId: memberDocId(g.me), payload: Uint8Array.of(9, ...good) }, g.epochKey), 'BLOCK_VERSION'],
      ['a checkpoint part cut short', encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId: memberDocId(g.me), payload: Uint8Array.of(1, 0, 0) }, g.epochKey), 'BLOCK_MALFORMED'],
      ['a governance block that is not JSON', encodeBlock({ epoch: 0, kind: BlockKind.Governance, docId: GOVERNANCE_DOC, payload: rnd.bytes(40) }, g.epochKey), 'BLOCK_MALFORMED'],
    ]
    const before = everything(g.space)
    cases.forEach(([what, bytes, code], i) => {
      let changed: string[] = ['not run']
      expect(() => { changed = g.space.ingest(log, i, bytes) }, what).not.toThrow()
      expect(changed, what).toEqual([])
      expect(g.space.docs.rejected.at(-1), what).toMatchObject({ logKey: log, index: i, reason: code })
    })
    expect(everything(g.space)).toEqual(before)
  })

  it('survives a seeded storm of random and mutated blocks from a known log', () => {
    const real = updateBlock(g.epochKey, memberDocId(g.me), updateOn(null, (d) => d.getMap('m').set('a', 1)))
    let index = g.log.length
    for (let i = 0; i < 400; i++) {
      const bytes = rnd.next() < 0.5 ? rnd.bytes(rnd.int(0, 300)) : real.map((b) => (rnd.next() < 0.05 ? rnd.int(0, 255) : b))
      expect(() => g.space.ingest(g.log.key, index++, bytes)).not.toThrow()
    }
    // An update Yjs cannot read, sealed correctly, from the one log that may write this doc.
    for (let i = 0; i < 50; i++) {
      const junk = updateBlock(g.epochKey, memberDocId(g.me), rnd.bytes(rnd.int(1, 80)))
      expect(() => g.space.ingest(g.log.key, index++, junk)).not.toThrow()
    }
    expect(() => feed(source(g.space), { limit: 50 })).not.toThrow()
    expect(feed(source(g.space), { limit: 50 }).posts.map((p) => p.text)).toContain('Fay’s own words')
  })

  it('reads each index of a log once', () => {
    const block = updateBlock(g.epochKey, memberDocId(g.me), updateOn(null, (d) => d.getMap('m').set('a', 1)))
    const at = g.log.length
    expect(g.space.ingest(g.log.key, at, block)).toEqual([memberDocId(g.me)])
    expect(g.space.ingest(g.log.key, at, block)).toEqual([])
    expect(g.space.ingest(g.log.key, 0, g.log.blocks[0] as Uint8Array)).toEqual([])
    expect(g.space.next.get(g.log.key)).toBe(at + 1)
  })
})

describe('a second device replaying the creator’s log', () => {
  it('arrives at the same group, feed and rules', async () => {
    await g.space.change(memberDocId(g.me), (d) => {
      const fay = new MemberDoc(d, g.me)
      fay.addReply({ post, parent: post, text: 'a note to self' }, 12)
      fay.react(post, 'strength', true, 13)
      fay.setProfile({ pseudonym: 'Fay R.' }, 14)
    })
    const bob = identity(rnd)
    const peerChanged: string[][] = []
    const peer = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: bob, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { onChange: (ids) => peerChanged.push(ids) })
    await peer.catchUp(g.log)
    expect(peer.groupId).toBe(g.space.groupId)
    expect(peer.docs.rejected).toEqual([])
    const theirs = feed({ ...source(peer), me: g.me }, { limit: 100 })
    expect(theirs).toEqual(feed(source(g.space), { limit: 100 }))
    expect(theirs.posts[0]).toMatchObject({ authorName: 'Fay R.', replyCount: 1, reactions: { strength: 1 } })
    expect(peer.docs.rules().current()).toEqual(g.space.docs.rules().current())
    expect(peerChanged.flat()).toEqual(expect.arrayContaining([GOVERNANCE_DOC, memberDocId(g.me), 'shared/rules']))
  })
})

describe('admission settles what was waiting', () => {
  it('applies the newcomer’s own words and refuses the rest with reasons, in either order', async () => {
    const bob = identity(rnd)
    const bobId = idOf(bob)
    const bobLog = new MemLog(hex(rnd.bytes(32)))
    const fayState = Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me)))
    const writes: [string, Uint8Array][] = [
      [memberDocId(bobId), updateOn(null, (d) => new MemberDoc(d, bobId).addPost({ topic: 'story', text: 'bob’s first words', cw: null }, 30))],
      [memberDocId(g.me), updateOn(fayState, (d) => new MemberDoc(d, g.me).edit(post, { text: 'rewritten by bob' }, 31))],
      ['shared/rules', updateOn(null, (d) => new RulesDoc(d).set('Bob’s rules', bobId, 32))],
      ['personal/journal', updateOn(null, (d) => d.getText('t').insert(0, 'journal'))],
    ]
    for (const [docId, update] of writes) bobLog.blocks.push(updateBlock(g.epochKey, docId, update))
    const fayBefore = feed(source(g.space), { limit: 10 }).posts.find((p) => p.author === g.me)

    await g.space.catchUp(bobLog)
    expect(g.space.docs.memberDocs().has(bobId)).toBe(false)
    await g.space.writeGovernance(admitEvent(g.space.groupId as string, g.me, bob, bobLog.key))

    const view = feed(source(g.space), { limit: 10 })
    expect(view.posts.map((p) => p.text).sort()).toEqual(['Fay’s own words', 'bob’s first words'])
    expect(view.posts.find((p) => p.author === g.me)).toEqual(fayBefore)
    expect(g.space.docs.rules().current()?.text).toBe('Be kind.')
    const reasons = g.space.docs.rejected.filter((r) => r.logKey === bobLog.key).map((r) => [r.index, r.reason])
    expect(reasons).toEqual([[1, "another member's document"], [2, 'role may not write this document'], [3, 'personal documents are never replicated']])

    // A peer that reads the admission first ends in the same state.
    const peer = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })
    await peer.catchUp(g.log)
    await peer.catchUp(bobLog)
    expect(feed({ ...source(peer), me: g.me }, { limit: 10 })).toEqual(view)
    expect(peer.docs.rejected.map((r) => [r.index, r.reason])).toEqual(reasons)
  })
})
