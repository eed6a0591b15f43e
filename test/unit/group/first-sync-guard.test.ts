/**
 * The whole-read guard (first-sync.ts): in a newcomer's first sync, a log read whole (a small
 * group: no shared checkpoint) is held to its length at first sight before the history counts as
 * here. The fault it closes: such a log had no "arriving" at all; read in order up to a gap a
 * relay left in its middle, the ordinary feed showed Bob's post while Fay's hide of it, past the
 * gap, was not in the docs.
 *
 * Real components where the fault lives: Fay's sealed blocks in a real Hypercore on a temp folder;
 * a relay's Corestore holding all of it but a middle around her hide; the newcomer's Corestore
 * linked to the relay alone; a real GroupSpace reading it. The writer's store is linked later: the
 * middle comes and the log is read whole.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { countedSource, readerFeed, refuseWhileArriving } from '../../../core/group/reader-source.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { heldUntil } from '../../../core/store/block-batch.ts'
import { useCorestores } from '../../helpers/corestores.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog } from './support.ts'
import { nobody, rnd, sparse } from './tail-fixture.ts'
import { peerLog, relayWithout } from './relay-fixture.ts'

const store = useCorestores()
const ARRIVING = { posts: [], next: null, preview: true }
const texts = (s: GroupSpace): string[] => readerFeed(s, nobody, { limit: 2000 }).posts.map((p) => p.text)

/** A small group: Fay admits Bob and the newcomer; Bob posts; Fay hides it, then posts 20 more. */
async function smallGroup() {
  const g = await foundGroup(rnd)
  const bobId = identity(rnd)
  const bob = new MemLog(hex(rnd.bytes(32)))
  const newId = identity(rnd)
  const own = new MemLog(hex(rnd.bytes(32)))
  const groupId = g.space.governance.groupId
  await g.space.writeGovernance(admitEvent(groupId, g.me, bobId, bob.key))
  await g.space.writeGovernance(admitEvent(groupId, g.me, newId, own.key))
  const bobSpace = new GroupSpace(bob, { identity: bobId, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId })
  await bobSpace.catchUp(g.log)
  let post = ''
  await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, hidden by Fay', cw: null }, 20_000)))
  await bobSpace.idle()
  await g.space.catchUp(bob)
  // Fay's words before the hide: the relay withholds from among them, past both admissions.
  for (let i = 0; i < 5; i++) await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `before ${i}`, cw: null }, 20_000 + i))
  await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: post, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 20_010 }))
  await g.space.idle()
  const hideAt = g.log.length - 1
  for (let i = 0; i < 20; i++) await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 30_000 + i))
  await g.space.idle()
  expect(g.space.sharedCheckpoints.size).toBe(0)
  // The full read, as a settled member has it.
  const whole = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId })
  await whole.catchUp(g.log)
  await whole.catchUp(bob)
  expect(texts(whole)).not.toContain('bob, hidden by Fay')
  expect(texts(whole)).toContain('after 19')
  const newcomer = (): GroupSpace => new GroupSpace(own, { identity: newId, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId })
  return { g, bob, post, hideAt, whole, newcomer }
}
const built = smallGroup()

/** Fay's log behind a relay holding all of it but [from, to); the newcomer's store holding what the relay has. */
async function behindRelay(f: Awaited<typeof built>, [from, to]: [number, number]): Promise<{ log: ReadLog; serve(): Promise<void> }> {
  const { core, serveFromWriter } = await relayWithout(store, rnd, f.g.log.blocks, [from, to])
  await core.download({ start: 0, end: from }).done()
  await core.download({ start: to, end: core.length }).done()
  expect(core.length).toBe(f.g.log.blocks.length)
  expect(heldUntil(core, 0, core.length)).toBe(from)
  return {
    log: peerLog(f.g.log.key, core),
    serve: async () => {
      serveFromWriter()
      await core.download({ start: from, end: to }).done()
    },
  }
}

function heldBack(n: GroupSpace, f: Awaited<typeof built>): void {
  expect(readerFeed(n, nobody, { limit: 2000 }).posts.map((p) => p.id)).not.toContain(f.post)
  expect(readerFeed(n, nobody, { limit: 20 })).toEqual(ARRIVING)
  expect(n.arriving).toBe(true)
  expect(n.firstSync).toBe(true)
  expect(countedSource(n, nobody)).toBeNull()
  expect(() => refuseWhileArriving(n)).toThrow(expect.objectContaining({ code: 'HISTORY_ARRIVING' }))
}

describe('a newcomer reading a small group whole', () => {
  it('does not show a post whose hide sits in a withheld middle; the full read once it comes', async () => {
    const f = await built
    const fay = await behindRelay(f, [f.hideAt - 2, f.hideAt + 3])
    const n = f.newcomer()
    n.beginFirstSync(n.own.key)
    await n.catchUp(n.own)
    await n.catchUp(fay.log)
    await n.catchUp(f.bob)
    // Bob's post is in the docs, Fay's hide is not: the page must not be the ordinary one.
    expect(n.next.get(f.g.log.key)).toBe(f.hideAt - 2)
    heldBack(n, f)
    await n.catchUp(fay.log)
    heldBack(n, f)
    await fay.serve()
    await n.catchUp(fay.log)
    expect(n.arriving).toBe(false)
    expect(n.firstSync).toBe(false)
    expect(texts(n)).toEqual(texts(f.whole))
    expect(countedSource(n, nobody)).not.toBeNull()
  })

  it('holds again after a restart in the first sync (the meta keeps it; the device checkpoint is restored)', async () => {
    const f = await built
    const fay = await behindRelay(f, [f.hideAt - 1, f.hideAt + 1])
    const first = f.newcomer()
    first.beginFirstSync(first.own.key)
    await first.catchUp(fay.log)
    await first.catchUp(f.bob)
    heldBack(first, f)
    // The device's own checkpoint restored, as the registry opens it: the meta still says first sync.
    const again = f.newcomer()
    again.restore(first.checkpoint())
    again.beginFirstSync(again.own.key)
    await again.catchUp(again.own)
    // As the registry returns the space (review finding C): the restored docs hold Bob's post and
    // not Fay's hide; no log is seen again yet, so none of them is the ordinary page.
    heldBack(again, f)
    await again.catchUp(f.bob)
    heldBack(again, f)
    await again.catchUp(fay.log)
    heldBack(again, f)
    await fay.serve()
    await again.catchUp(fay.log)
    expect(again.arriving).toBe(false)
    expect(texts(again)).toEqual(texts(f.whole))
  })

  it('a rebuild while held keeps the guard', async () => {
    const f = await built
    const fay = await behindRelay(f, [f.hideAt - 1, f.hideAt + 1])
    const n = f.newcomer()
    n.beginFirstSync(n.own.key)
    await n.catchUp(fay.log)
    await n.catchUp(f.bob)
    heldBack(n, f)
    await (n as unknown as { rebuild(): Promise<void> }).rebuild()
    heldBack(n, f)
    await fay.serve()
    await n.catchUp(fay.log)
    expect(n.arriving).toBe(false)
    expect(texts(n)).toEqual(texts(f.whole))
  })

  it('never holds the member’s own log, nor, once the first sync ended, a log seen later', async () => {
    const f = await built
    const n = f.newcomer()
    n.beginFirstSync(n.own.key)
    // Its own log, unread past its start (a restart with an own checkpoint behind it), holds nothing.
    const own: ReadLog = { key: n.own.key, length: 5, get: async () => null }
    await n.catchUp(own)
    await n.catchUp(f.g.log)
    expect(n.firstSync).toBe(true) // Bob's log has told no length yet: the first sync goes on
    await n.catchUp(f.bob)
    expect(n.arriving).toBe(false)
    expect(n.firstSync).toBe(false)
    expect(texts(n)).toEqual(texts(f.whole))
    // A log seen after the first sync ended, its middle missing: read in order as any member reads it.
    const later: ReadLog = { key: hex(rnd.bytes(32)), length: f.g.log.length, get: async (i) => (i < 3 ? (f.g.log.blocks[i] ?? null) : null) }
    await n.catchUp(later)
    expect(n.arriving).toBe(false)
  })
})

/** The session 13 review's findings A and B, each failing on the guard as first built. */
describe('what keeps a newcomer waiting, and what ends it', () => {
  const keysOf = (g: Awaited<ReturnType<typeof foundGroup>>, id: ReturnType<typeof identity>) => ({ identity: id, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })

  it('a named log no peer has told a length yet holds the history as arriving (finding A)', async () => {
    const g = await foundGroup(rnd)
    const groupId = g.space.governance.groupId
    const gilId = identity(rnd)
    const gil = new MemLog(hex(rnd.bytes(32)))
    const bobId = identity(rnd)
    const bob = new MemLog(hex(rnd.bytes(32)))
    const newId = identity(rnd)
    const own = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitEvent(groupId, g.me, gilId, gil.key, 'facilitator'))
    await g.space.writeGovernance(admitEvent(groupId, g.me, bobId, bob.key))
    await g.space.writeGovernance(admitEvent(groupId, g.me, newId, own.key))
    await g.space.idle()
    const bobSpace = new GroupSpace(bob, keysOf(g, bobId), { groupId })
    await bobSpace.catchUp(g.log)
    let post = ''
    await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, hidden by Gil', cw: null }, 20_000)))
    await bobSpace.idle()
    const gilSpace = new GroupSpace(gil, keysOf(g, gilId), { groupId })
    await gilSpace.catchUp(g.log)
    await gilSpace.catchUp(bob)
    await gilSpace.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: post, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: idOf(gilId), at: 20_010 }))
    await gilSpace.idle()
    const n = new GroupSpace(own, keysOf(g, newId), { groupId })
    n.beginFirstSync(own.key)
    await n.catchUp(own)
    await n.catchUp(g.log)
    await n.catchUp(bob)
    // Gil's log is named (the registry opens it) but no peer has told its length: it reads as empty.
    await n.catchUp(new MemLog(gil.key))
    expect(n.arriving).toBe(true)
    expect(n.firstSync).toBe(true)
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual(ARRIVING)
    expect(texts(n)).not.toContain('bob, hidden by Gil')
    expect(() => refuseWhileArriving(n)).toThrow(expect.objectContaining({ code: 'HISTORY_ARRIVING' }))
    // Gil's length told and read: the ordinary page, without the post.
    await n.catchUp(gil)
    expect(n.arriving).toBe(false)
    expect(n.firstSync).toBe(false)
    expect(readerFeed(n, nobody, { limit: 2000 }).posts.map((p) => p.id)).not.toContain(post)
  })

  it('a removed member’s log told longer than anyone holds stops holding at its cut-off (finding B)', async () => {
    const g = await foundGroup(rnd)
    const groupId = g.space.governance.groupId
    const bobId = identity(rnd)
    const bob = new MemLog(hex(rnd.bytes(32)))
    const newId = identity(rnd)
    const own = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitEvent(groupId, g.me, bobId, bob.key))
    await g.space.writeGovernance(admitEvent(groupId, g.me, newId, own.key))
    await g.space.idle()
    const bobSpace = new GroupSpace(bob, keysOf(g, bobId), { groupId })
    await bobSpace.catchUp(g.log)
    for (let i = 0; i < 3; i++) await bobSpace.change(memberDocId(idOf(bobId)), (d) => void new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: `bob ${i}`, cw: null }, 20_000 + i))
    await bobSpace.idle()
    // Bob's last block: its length told, the block never served (he posted and quick-exited).
    const cut = bob.length - 1
    const bobSeen = sparse(bob, (i) => i < cut)
    const n = new GroupSpace(own, keysOf(g, newId), { groupId })
    n.beginFirstSync(own.key)
    await n.catchUp(own)
    await n.catchUp(g.log)
    await n.catchUp(bobSeen)
    expect(n.next.get(bob.key)).toBe(cut)
    // Bob still a member: his last block may hold anything, so the newcomer waits for it.
    expect(n.arriving).toBe(true)
    expect(n.firstSync).toBe(true)
    // Facilitators remove him at what they hold: the block past the cut-off speaks for no one.
    await g.space.catchUp(bobSeen)
    await g.space.writeGovernance({ v: 1, kind: 'member.remove', group: groupId, author: g.me, at: 1_700_000_000_100, seen: { [bob.key]: cut }, body: { member: idOf(bobId) } } as never)
    await g.space.idle()
    await n.catchUp(g.log)
    expect(n.next.get(bob.key)).toBe(cut)
    expect(n.arriving).toBe(false)
    expect(n.firstSync).toBe(false)
    expect(texts(n)).toEqual(expect.arrayContaining(['bob 0', 'bob 1']))
    expect(texts(n)).not.toContain('bob 2')
  })

  it('a removed member’s log nobody has told ends the wait once removed (finding B, the stuck side of A)', async () => {
    const g = await foundGroup(rnd)
    const groupId = g.space.governance.groupId
    const ghostId = identity(rnd)
    const ghost = new MemLog(hex(rnd.bytes(32)))
    const newId = identity(rnd)
    const own = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitEvent(groupId, g.me, ghostId, ghost.key))
    await g.space.writeGovernance(admitEvent(groupId, g.me, newId, own.key))
    await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: 'fay', cw: null }, 20_000))
    await g.space.idle()
    const n = new GroupSpace(own, keysOf(g, newId), { groupId })
    n.beginFirstSync(own.key)
    await n.catchUp(own)
    await n.catchUp(g.log)
    await n.catchUp(ghost)
    // The ghost's device never wrote and never comes back: nobody can tell its length.
    expect(n.arriving).toBe(true)
    expect(n.firstSync).toBe(true)
    await g.space.writeGovernance({ v: 1, kind: 'member.remove', group: groupId, author: g.me, at: 1_700_000_000_100, seen: {}, body: { member: idOf(ghostId) } } as never)
    await g.space.idle()
    await n.catchUp(g.log)
    expect(n.arriving).toBe(false)
    expect(n.firstSync).toBe(false)
    expect(texts(n)).toContain('fay')
  })
})
