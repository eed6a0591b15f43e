/**
 * Reading a log in bulk applies each update with one Yjs parse (doc-set.ts): an update Yjs cannot
 * read must still leave no trace in any view, the good words around it must all arrive, and the
 * log that sent it is checked from then on, so it costs at most one rebuild.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DocSet } from '../../../core/group/doc-set.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import type { WriteAuthority } from '../../../core/model/write-rule.ts'
import { feed } from '../../../core/model/views.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog, updateBlock, updateOn } from './support.ts'

const rnd = seededRandom(testSeed())
const alice = 'a'.repeat(64)
const aliceLog = 'b'.repeat(64)
const auth: WriteAuthority = { knowsLog: () => true, memberForBlock: () => alice, roleForBlock: () => 'member', writersOf: () => [] }

/** A post whose delete set is cut short: Yjs integrates its structs, then throws. */
function halfPost(author: string, text: string): Uint8Array {
  const d = new Y.Doc()
  new MemberDoc(d, author).addPost({ topic: 'story', text, cw: null }, 1)
  return Y.encodeStateAsUpdate(d).slice(0, -1)
}

describe('DocSet in a batch', () => {
  it('drops a doc an unreadable update reached, marks the set damaged and suspects the log', async () => {
    const suspects = new Set<string>()
    const set = new DocSet(suspects)
    await set.batch(async () => {
      set.applyBlock(auth, aliceLog, 0, `member/${alice}`, halfPost(alice, 'half-applied'))
    })
    expect(set.damaged).toBe(true)
    expect(suspects.has(aliceLog)).toBe(true)
    expect(set.rejected.map((r) => [r.index, r.reason])).toEqual([[0, 'not a valid update']])
    expect(set.memberDoc(alice).posts.size).toBe(0)

    // Read again (a rebuild): the suspect log's updates are checked first, so nothing half lands.
    const again = new DocSet(suspects)
    await again.batch(async () => {
      again.applyBlock(auth, aliceLog, 0, `member/${alice}`, halfPost(alice, 'half-applied'))
    })
    expect(again.damaged).toBe(false)
    expect(again.memberDoc(alice).posts.size).toBe(0)
    expect(again.rejected.map((r) => r.reason)).toEqual(['not a valid update'])
  })
})

describe('GroupSpace catch-up', () => {
  it('keeps every good word around an unreadable update and shows nothing of it', async () => {
    const g = await foundGroup(rnd)
    const bob = identity(rnd)
    const bobId = idOf(bob)
    const bobLog = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitEvent(g.space.groupId as string, g.me, bob, bobLog.key))
    const doc = memberDocId(bobId)
    const first = updateOn(null, (d) => new MemberDoc(d, bobId).addPost({ topic: 'story', text: 'before', cw: null }, 30))
    // Enough blocks that the bad one sits inside a read window, not at its edge.
    for (let i = 0; i < 70; i++) bobLog.blocks.push(updateBlock(g.epochKey, doc, i === 0 ? first : updateOn(first, (d) => new MemberDoc(d, bobId).react(`${g.me}:${'0'.repeat(16)}`, 'believe', i % 2 === 0, 40 + i))))
    bobLog.blocks.push(updateBlock(g.epochKey, doc, halfPost(bobId, 'half-applied')))
    bobLog.blocks.push(updateBlock(g.epochKey, doc, updateOn(first, (d) => new MemberDoc(d, bobId).addPost({ topic: 'story', text: 'after', cw: null }, 50))))

    await g.space.catchUp(bobLog)
    const texts = feed({ me: g.me, members: g.space.governance.members, docs: g.space.docs.memberDocs(), rules: null }, { limit: 10 }).posts.map((p) => p.text)
    expect(texts.sort()).toEqual(['after', 'before'])
    expect(g.space.docs.rejected.filter((r) => r.logKey === bobLog.key).map((r) => [r.index, r.reason])).toEqual([[70, 'not a valid update']])
    expect(g.space.next.get(bobLog.key)).toBe(72)
    expect(JSON.stringify([...g.space.docs.snapshot()].map(([, s]) => hex(s)))).not.toContain(hex(new TextEncoder().encode('half-applied')))

    // A second reader, fresh, ends the same.
    const peer = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })
    await peer.catchUp(g.log)
    await peer.catchUp(bobLog)
    expect(Y.encodeStateAsUpdate(peer.docs.doc(doc))).toEqual(Y.encodeStateAsUpdate(g.space.docs.doc(doc)))
  })
})
