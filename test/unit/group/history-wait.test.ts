/**
 * Whom a newcomer's history waits for (GroupReading.waitsFor, history-wait.ts; session 13's second
 * review, R3): the sync status names each member whose device log holds the history as arriving,
 * by the name the group shows, with how far it is here when its length was told, and drops them
 * once their log is read.
 *
 * Real components where the waits live: Fay's sealed blocks in a real Hypercore on a temp folder,
 * a relay's Corestore holding all of it but a middle, the newcomer's Corestore linked to the relay
 * alone, a real GroupSpace reading it through the store's bitfield; Cedar, admitted, whose device
 * never wrote (no peer can tell its length). The writer's store is linked later: the middle comes.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { historyWait, WAIT_LIST_MAX } from '../../../core/group/history-wait.ts'
import { memberNames } from '../../../core/group/member-names.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { heldUntil } from '../../../core/store/block-batch.ts'
import type { UnsignedEvent } from '../../../core/group/gov-event.ts'
import { useCorestores } from '../../helpers/corestores.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog, type Founded } from './support.ts'
import { bobHiddenByFay, rnd } from './tail-fixture.ts'
import { peerLog, relayWithout } from './relay-fixture.ts'

const store = useCorestores()

/** The status's field as groupStatus builds it (group-handlers.ts). */
const status = (s: GroupSpace) => (s.arriving ? historyWait(s.waitsFor(), (log) => (s.groupId ? s.governance.memberForBlock(log, 0) : undefined), s.groupId ? memberNames(s) : new Map()) : undefined)

/** member.admit under a pseudonym of the test's choosing. */
function admitAs(g: Founded, who: ReturnType<typeof identity>, device: string, pseudonym: string): UnsignedEvent {
  const e = admitEvent(g.space.governance.groupId, g.me, who, device)
  const body = e.body as { member: Record<string, unknown> }
  return { ...e, body: { ...body, member: { ...body.member, pseudonym } } } as UnsignedEvent
}

const keysOf = (g: Founded, id: ReturnType<typeof identity>) => ({ identity: id, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })

describe('the sync status names whom a newcomer’s history waits for', () => {
  it('a first sync: Fay while her middle is withheld (how far of how much), Cedar who never wrote until removed', async () => {
    const g = await foundGroup(rnd)
    const groupId = g.space.governance.groupId
    const bobId = identity(rnd); const bob = new MemLog(hex(rnd.bytes(32)))
    const cedarId = identity(rnd); const cedar = new MemLog(hex(rnd.bytes(32)))
    const newId = identity(rnd); const own = new MemLog(hex(rnd.bytes(32)))
    await g.space.writeGovernance(admitAs(g, bobId, bob.key, 'Bob'))
    await g.space.writeGovernance(admitAs(g, cedarId, cedar.key, 'Cedar'))
    await g.space.writeGovernance(admitAs(g, newId, own.key, 'Newcomer'))
    const bobSpace = new GroupSpace(bob, keysOf(g, bobId), { groupId })
    await bobSpace.catchUp(g.log)
    let post = ''
    await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, hidden by Fay', cw: null }, 20_000)))
    await bobSpace.idle()
    await g.space.catchUp(bob)
    for (let i = 0; i < 5; i++) await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `before ${i}`, cw: null }, 20_000 + i))
    await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: post, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 20_010 }))
    for (let i = 0; i < 5; i++) await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 30_000 + i))
    await g.space.idle()
    const hideAt = g.log.length - 6
    const [from, to] = [hideAt - 2, hideAt + 2]
    const { core, serveFromWriter } = await relayWithout(store, rnd, g.log.blocks, [from, to])
    await core.download({ start: 0, end: from }).done()
    await core.download({ start: to, end: core.length }).done()
    expect(heldUntil(core, 0, core.length)).toBe(from)
    const fay = peerLog(g.log.key, core)

    const n = new GroupSpace(own, keysOf(g, newId), { groupId })
    n.beginFirstSync(own.key)
    // Before the group's first event is read, nobody can be named: arriving, and no one listed.
    await n.catchUp(own)
    expect(status(n)).toEqual({ waitingFor: [], more: 0 })
    await n.catchUp(fay)
    await n.catchUp(bob)
    await n.catchUp(new MemLog(cedar.key)) // named by governance; no peer tells its length
    expect(n.next.get(g.log.key)).toBe(from)
    // Cedar first (nothing told: the wait with no end in sight), then Fay, read up to the gap.
    expect(status(n)).toEqual({
      waitingFor: [
        { memberId: idOf(cedarId), name: 'Cedar' },
        { memberId: g.me, name: 'Fay', blocks: { read: from, of: g.log.length } },
      ],
      more: 0,
    })
    // Bob's log is read whole: not named. No log key in what the status carries.
    expect(JSON.stringify(status(n))).not.toContain(g.log.key)
    expect(JSON.stringify(status(n))).not.toContain(cedar.key)

    // The middle comes: Fay is dropped; Cedar still holds it.
    serveFromWriter()
    await core.download({ start: from, end: to }).done()
    expect(heldUntil(core, 0, core.length)).toBe(core.length)
    await n.catchUp(fay)
    expect(status(n)).toEqual({ waitingFor: [{ memberId: idOf(cedarId), name: 'Cedar' }], more: 0 })

    // Facilitators remove Cedar at block 0 of her log: the wait ends, and so does the field.
    await g.space.writeGovernance({ v: 1, kind: 'member.remove', group: groupId, author: g.me, at: 1_700_000_000_100, seen: {}, body: { member: idOf(cedarId) } } as never)
    await g.space.idle()
    await n.catchUp(g.log)
    expect(n.arriving).toBe(false)
    expect(status(n)).toBeUndefined()
    expect(n.waitsFor()).toEqual([])
  })

  it('a planned log held by the tail guard: its writer, held in order up to the missing block of the length at part 0', async () => {
    const f = await bobHiddenByFay()
    const last = f.g.log.length - 1
    const { core, serveFromWriter } = await relayWithout(store, rnd, f.g.log.blocks, [last, last + 1])
    await core.download({ start: 0, end: last }).done()
    expect(heldUntil(core, 0, core.length)).toBe(last)
    const n = new GroupSpace(new MemLog(hex(rnd.bytes(32))), keysOf(f.g, identity(rnd)), { groupId: f.g.space.governance.groupId })
    n.planCheckpoint(f.g.log.key, f.start)
    // Before part 0 is opened, no length is known: the writer named, no blocks.
    expect(n.waitsFor()).toEqual([{ key: f.g.log.key }])
    const fay = peerLog(f.g.log.key, core)
    await n.catchUp(fay)
    await n.catchUp(f.bob)
    expect(n.planOf(f.g.log.key)).toBe(f.start)
    expect(status(n)).toEqual({ waitingFor: [{ memberId: f.g.me, name: 'Fay', blocks: { read: last, of: f.g.log.length } }], more: 0 })
    serveFromWriter()
    await core.download({ start: last, end: last + 1 }).done()
    expect(heldUntil(core, 0, core.length)).toBe(core.length)
    await n.catchUp(fay)
    expect(n.planOf(f.g.log.key)).toBeUndefined()
    expect(n.arriving).toBe(false)
    expect(status(n)).toBeUndefined()
  })

  it('names at most a few members and counts the rest, and a log governance does not know is counted, never named', async () => {
    const g = await foundGroup(rnd)
    const groupId = g.space.governance.groupId
    const newId = identity(rnd); const own = new MemLog(hex(rnd.bytes(32)))
    const ghosts = ['Ash', 'Birch', 'Cedar', 'Dogwood', 'Elm'].map((name) => ({ name, id: identity(rnd), log: new MemLog(hex(rnd.bytes(32))) }))
    for (const x of ghosts) await g.space.writeGovernance(admitAs(g, x.id, x.log.key, x.name))
    await g.space.writeGovernance(admitAs(g, newId, own.key, 'Newcomer'))
    await g.space.idle()
    const restored = hex(rnd.bytes(32)) // a device the welcome named, known to governance only from its own block 0
    const n = new GroupSpace(own, keysOf(g, newId), { groupId })
    n.beginFirstSync(own.key, [restored])
    await n.catchUp(own)
    await n.catchUp(g.log)
    const s = status(n)
    expect(s?.waitingFor).toHaveLength(WAIT_LIST_MAX)
    expect(s?.more).toBe(ghosts.length - WAIT_LIST_MAX + 1)
    // The same order for every call: nothing told alike, then by member id.
    const byId = ghosts.map((x) => ({ memberId: idOf(x.id), name: x.name })).sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
    expect(s?.waitingFor).toEqual(byId.slice(0, WAIT_LIST_MAX))
    expect(JSON.stringify(s)).not.toContain(restored)
  })
})

describe('historyWait, one entry per member', () => {
  const names = new Map([['m1', 'Ash'], ['m2', 'Birch']])
  it('sums a member’s devices when each told its length, and drops the blocks when one did not', () => {
    const memberOf = (k: string): string | undefined => ({ a: 'm1', b: 'm1', c: 'm2', d: 'm2' })[k]
    expect(historyWait([
      { key: 'a', blocks: { read: 3, of: 10 } }, { key: 'b', blocks: { read: 5, of: 5 } },
      { key: 'c', blocks: { read: 0, of: 4 } }, { key: 'd' },
    ], memberOf, names)).toEqual({
      waitingFor: [{ memberId: 'm2', name: 'Birch' }, { memberId: 'm1', name: 'Ash', blocks: { read: 8, of: 15 } }],
      more: 0,
    })
  })
  it('puts the most left first among those told', () => {
    const memberOf = (k: string): string => (k === 'a' ? 'm1' : 'm2')
    expect(historyWait([{ key: 'a', blocks: { read: 9, of: 10 } }, { key: 'b', blocks: { read: 1, of: 10 } }], memberOf, names).waitingFor.map((w) => w.name)).toEqual(['Birch', 'Ash'])
  })
})
