/**
 * The first sync's end (first-sync.ts `complete`), from the second review of session 13: a named
 * log nobody has told a length must hold the newcomer unless governance cut it off at block 0
 * (review2 R1: a log cut off AFTER some blocks may hold a hide that still counts), and a log the
 * welcome names that governance does not know yet (a device added later, e.g. by a restore
 * from an archive, known only from its own block 0) must hold it too (R2). Each test fails with
 * its half of the fix reverted.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { countedSource, readerFeed, refuseWhileArriving } from '../../../core/group/reader-source.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog } from './support.ts'
import { nobody, rnd } from './tail-fixture.ts'

describe('the first sync waits for every log that may hold a hide', () => {
  it('a removed facilitator’s log, cut off after her hide and told by nobody, holds the first sync', async () => {
    const g = await foundGroup(rnd)
    const groupId = g.space.governance.groupId
    const keysOf = (id: ReturnType<typeof identity>) => ({ identity: id, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })
    const gilId = identity(rnd); const gil = new MemLog(hex(rnd.bytes(32)))
    const bobId = identity(rnd); const bob = new MemLog(hex(rnd.bytes(32)))
    const newId = identity(rnd); const own = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitEvent(groupId, g.me, gilId, gil.key, 'facilitator'))
    await g.space.writeGovernance(admitEvent(groupId, g.me, bobId, bob.key))
    await g.space.idle()
    const bobSpace = new GroupSpace(bob, keysOf(bobId), { groupId })
    await bobSpace.catchUp(g.log)
    let post = ''
    await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, hidden by Gil', cw: null }, 20_000)))
    await bobSpace.idle()
    const gilSpace = new GroupSpace(gil, keysOf(gilId), { groupId })
    await gilSpace.catchUp(g.log)
    await gilSpace.catchUp(bob)
    await gilSpace.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: post, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: idOf(gilId), at: 20_010 }))
    await gilSpace.idle()
    // Fay removes Gil at everything Gil wrote (his hide stands), then admits the newcomer.
    await g.space.catchUp(bob)
    await g.space.catchUp(gil)
    await g.space.writeGovernance({ v: 1, kind: 'member.remove', group: groupId, author: g.me, at: 1_700_000_000_100, seen: { [gil.key]: gil.length, [bob.key]: bob.length }, body: { member: idOf(gilId) } } as never)
    await g.space.writeGovernance(admitEvent(groupId, g.me, newId, own.key))
    await g.space.idle()
    // A settled member's view: the post is hidden.
    const whole = new GroupSpace(new MemLog(hex(rnd.bytes(32))), keysOf(identity(rnd)), { groupId })
    await whole.catchUp(g.log); await whole.catchUp(bob); await whole.catchUp(gil)
    const wholeIds = readerFeed(whole, nobody, { limit: 2000 }).posts.map((p) => p.id)
    // The newcomer: Gil's log named but no peer tells its length (a relay that does not announce it).
    const n = new GroupSpace(own, keysOf(newId), { groupId })
    n.beginFirstSync(own.key)
    await n.catchUp(own)
    await n.catchUp(bob)
    await n.catchUp(g.log)
    await n.catchUp(new MemLog(gil.key))
    const ids = readerFeed(n, nobody, { limit: 2000 }).posts.map((p) => p.id)
    expect(wholeIds).not.toContain(post)
    expect(ids).not.toContain(post)
    expect(n.arriving).toBe(true)
    expect(countedSource(n, nobody)).toBeNull()
    expect(() => refuseWhileArriving(n)).toThrow(expect.objectContaining({ code: 'HISTORY_ARRIVING' }))
  })
  it('a device log the welcome names and no peer tells (a restored profile’s), holds the first sync', async () => {
    const g = await foundGroup(rnd)
    const groupId = g.space.governance.groupId
    const keysOf = (id: ReturnType<typeof identity>) => ({ identity: id, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })
    const bobId = identity(rnd); const bob = new MemLog(hex(rnd.bytes(32)))
    const newId = identity(rnd); const own = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitEvent(groupId, g.me, bobId, bob.key))
    await g.space.writeGovernance(admitEvent(groupId, g.me, newId, own.key))
    await g.space.idle()
    const bobSpace = new GroupSpace(bob, keysOf(bobId), { groupId })
    await bobSpace.catchUp(g.log)
    let post = ''
    await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, hidden by Fay on her restored device', cw: null }, 20_000)))
    await bobSpace.idle()
    // Fay restores from an archive: a new device log R, block 0 device.add, then she hides Bob's post through R.
    const r = new MemLog(hex(rnd.bytes(32)))
    const fayR = new GroupSpace(r, keysOf(g.creator), { groupId })
    await fayR.catchUp(g.log)
    await fayR.catchUp(bob)
    await fayR.writeGovernance({ v: 1, kind: 'device.add', group: groupId, author: g.me, at: 1_700_000_000_050, seen: fayR.seen(), body: { device: r.key } } as never)
    await fayR.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: post, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 20_010 }))
    await fayR.idle()
    const whole = new GroupSpace(new MemLog(hex(rnd.bytes(32))), keysOf(identity(rnd)), { groupId })
    await whole.catchUp(g.log); await whole.catchUp(bob); await whole.catchUp(r)
    const wholeIds = readerFeed(whole, nobody, { limit: 2000 }).posts.map((p) => p.id)
    // The newcomer: the welcome named R (the registry opens it), no peer has told its length yet.
    const n = new GroupSpace(own, keysOf(newId), { groupId })
    n.beginFirstSync(own.key, [r.key])
    await n.catchUp(own)
    await n.catchUp(new MemLog(r.key))
    await n.catchUp(g.log)
    await n.catchUp(bob)
    const ids = readerFeed(n, nobody, { limit: 2000 }).posts.map((p) => p.id)
    expect(wholeIds).not.toContain(post)
    expect(ids).not.toContain(post)
    expect(n.arriving).toBe(true)
  })
})
