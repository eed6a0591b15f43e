/**
 * The settle point (group-reading.ts `settle`, `arriving`): a newcomer's views claim "the history
 * is here" only once the last planned log's checkpoint, its tail and the governance read with
 * them are in the docs — not when the log's plan ends, which happens inside the catch-up's batch
 * with the checkpoint and the tail still queued. A hide read there, or one that a grant read in
 * the same batch lets in, would otherwise be missing from the first ordinary page. And the settle
 * point comes before the backfill, so the newcomer is not kept waiting for the whole history.
 * Real GroupSpaces and real sealed blocks; storage held open where the test says.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { countedSource, readerFeed, refuseWhileArriving } from '../../../core/group/reader-source.ts'
import { READ_WINDOW } from '../../../core/group/log-window.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { makeRef, MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog } from './support.ts'
import { bobsSpace, checkpointAt, groupWithTail, nobody, pastCheckpoint, reader, readSparsely, rnd, sparse, type CheckpointAt } from './tail-fixture.ts'

const page = (s: GroupSpace): { texts: string[]; ids: string[]; preview?: true } => {
  const p = readerFeed(s, nobody, { limit: 20 })
  return { texts: p.posts.map((x) => x.text), ids: p.posts.map((x) => x.id), ...(p.preview ? { preview: true as const } : {}) }
}
const ARRIVING = { texts: [], ids: [], preview: true }
/** Every promise chain that can move without storage has moved (no time is measured). */
const moved = (): Promise<void> => new Promise((r) => setImmediate(r))

/** A log whose blocks at `at` are held on storage until released; `reached` once one is asked for. */
function gated(log: MemLog, at: readonly number[]): { log: ReadLog; reached(i: number): Promise<void>; release(i: number): void } {
  const gates = new Map(at.map((i) => {
    let asked = (): void => undefined
    let open = (): void => undefined
    return [i, { reached: new Promise<void>((r) => (asked = r)), asked: () => asked(), opened: new Promise<void>((r) => (open = r)), open: () => open() }]
  }))
  return {
    log: {
      key: log.key,
      get length() { return log.length },
      get: async (i) => {
        const gate = gates.get(i)
        if (gate) {
          gate.asked()
          await gate.opened
        }
        return log.blocks[i] ?? null
      },
    },
    reached: (i) => (gates.get(i) as { reached: Promise<void> }).reached,
    release: (i) => (gates.get(i) as { open: () => void }).open(),
  }
}

const postId = (s: GroupSpace, member: string, text: string): string => {
  const found = [...new MemberDoc(s.docs.doc(memberDocId(member)), member).posts].find(([, p]) => p.get('text') === text)
  if (!found) throw new Error(`no post "${text}"`)
  return makeRef(member, found[0])
}

describe('the settle point', () => {
  it('the last planned log’s tail hides a post of an earlier checkpoint: nothing claims the history until it is in the docs, and the page comes before the backfill', async () => {
    const { g, start, parts, listed, bobLog, bob: bobId } = await groupWithTail()
    const bobSpace = await bobsSpace(g, bobLog, bobId)
    const { bob, bobStart } = await pastCheckpoint(bobSpace, bobId)
    // Fay hides one of Bob's posts that his checkpoint holds: the last block of her tail.
    const hidden = postId(bobSpace, idOf(bobId), 'bob 2')
    await g.space.catchUp(bob)
    await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: hidden, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 50_000 }))
    await g.space.idle()
    expect(g.space.sharedCheckpoints.get(g.log.key)).toBe(start)
    const whole = reader(g)
    await whole.catchUp(g.log)
    await whole.catchUp(bob)
    const full = page(whole)
    expect(full.texts).toContain('bob late 4')
    expect(full.ids).not.toContain(hidden)
    expect(readerFeed(whole, nobody, { limit: 2000 }).posts.map((p) => p.id)).not.toContain(hidden)

    const n = reader(g)
    // Fay's governance (her uncovered blocks) first; her checkpoint's parts and tail not here yet.
    const fay: CheckpointAt = { start, parts, listed }
    await readSparsely(n, g.log, fay, (i) => listed.includes(i) || i === start)
    // Bob's checkpoint and tail, read and settled: the hidden post is in the docs.
    await readSparsely(n, bob, checkpointAt(g, bob, bobStart), () => true)
    expect(n.planOf(bobLog)).toBeUndefined()
    expect(readerFeed(n, nobody, { limit: 2000 }).posts).toEqual([])

    // Now all of Fay's log is here; storage holds her tail's last block (the hide) and the first
    // block her backfill reads.
    const hide = g.log.length - 1
    const firstBackfill = [...Array(start).keys()].find((i) => !listed.includes(i)) as number
    const held = gated(g.log, [hide, firstBackfill])
    const done = n.catchUp(held.log)
    await held.reached(hide)
    await moved()
    // Her checkpoint is read and her plan has ended: no log waits, yet her checkpoint and tail
    // are still queued in the batch and the hide is not read.
    expect(n.planned).toBe(false)
    // Before: the ordinary feed, with Bob's hidden post and without Fay's newest posts.
    expect(page(n)).toEqual(ARRIVING)
    expect(n.arriving).toBe(true)
    expect(countedSource(n, nobody)).toBeNull()
    expect(() => refuseWhileArriving(n)).toThrow(expect.objectContaining({ code: 'HISTORY_ARRIVING' }))

    held.release(hide)
    await held.reached(firstBackfill)
    await moved()
    // The backfill reads with its batch open: the settle point before it made the page the full read's.
    expect(n.historyLeft()).toBeGreaterThan(0)
    expect(n.arriving).toBe(false)
    expect(page(n)).toEqual(full)
    expect(readerFeed(n, nobody, { limit: 2000 }).posts.map((p) => p.id)).not.toContain(hidden)

    held.release(firstBackfill)
    await done
    expect(n.historyLeft()).toBe(0)
    expect(page(n)).toEqual(full)
  })

  it('a hide that a grant read in the same batch lets in: no page claims the history until the rebuild that grant asks for is done', async () => {
    const g = await foundGroup(rnd)
    const gid = g.space.governance.groupId
    const bobId = identity(rnd)
    const carlId = identity(rnd)
    const bobLog = hex(rnd.bytes(32))
    const carlLog = hex(rnd.bytes(32))
    await g.space.writeGovernance(admitEvent(gid, g.me, bobId, bobLog))
    await g.space.writeGovernance(admitEvent(gid, g.me, carlId, carlLog))
    const grantAt = g.log.length
    // Fay makes Carl a facilitator.
    await g.space.writeGovernance({ v: 1, kind: 'role.change', group: gid, author: g.me, at: 1_700_000_000_010, seen: g.space.seen(), body: { member: idOf(carlId), role: 'facilitator' } })
    const bobSpace = await bobsSpace(g, bobLog, bobId)
    const { bob, bobStart } = await pastCheckpoint(bobSpace, bobId)
    const hidden = postId(bobSpace, idOf(bobId), 'bob 2')

    // Carl posts past a checkpoint of his own, then hides Bob's post, then posts a window more.
    const carlSpace = new GroupSpace(new MemLog(carlLog), { identity: carlId, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: gid })
    await carlSpace.catchUp(g.log)
    const carl = carlSpace.own as MemLog
    const carlDoc = memberDocId(idOf(carlId))
    const post = (text: string, at: number): Promise<void> => carlSpace.change(carlDoc, (d) => void new MemberDoc(d, idOf(carlId)).addPost({ topic: 'check-in', text, cw: null }, at))
    for (let i = 0; carlSpace.sharedCheckpoints.get(carl.key) === undefined; i++) await post(`carl ${i}`, 30_000 + i)
    await carlSpace.idle()
    const carlAt = checkpointAt(g, carl, carlSpace.sharedCheckpoints.get(carl.key) as number)
    const tailStart = carlAt.start + carlAt.parts
    await carlSpace.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: hidden, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: idOf(carlId), at: 50_000 }))
    // In his tail's first window (a post or two may precede it: the checkpoint is written after the change that made it due).
    expect(carl.length - 1).toBeLessThan(tailStart + READ_WINDOW)
    for (let i = 0; carl.length <= tailStart + READ_WINDOW + 2; i++) await post(`carl late ${i}`, 60_000 + i)
    await carlSpace.idle()

    const whole = reader(g)
    await whole.catchUp(g.log)
    await whole.catchUp(bob)
    await whole.catchUp(carl)
    const full = page(whole)
    expect(full.texts[0]).toMatch(/^carl late /)
    expect(readerFeed(whole, nobody, { limit: 3000 }).posts.map((p) => p.id)).not.toContain(hidden)

    const n = reader(g)
    // Governance up to Carl's admission: Carl is a member, not yet a facilitator.
    await n.catchUp(sparse(g.log, (i) => i < grantAt))
    await readSparsely(n, bob, checkpointAt(g, bob, bobStart), () => true)
    n.planCheckpoint(carlLog, carlAt.start)
    // Carl's checkpoint and his tail's first window (the hide, refused: not a facilitator here)
    // are read; storage holds his tail's second window, so his run and its batch stay open.
    const gate = tailStart + READ_WINDOW
    const held = gated(carl, [gate])
    const carlDone = n.catchUp(held.log)
    await held.reached(gate)
    await moved()
    expect(n.planned).toBe(false)
    // Fay's grant read inside that batch: its replay asks for a rebuild, which reads Carl's log
    // again and waits on the same storage.
    const fayDone = n.catchUp(g.log)
    await moved()
    expect(n.governance.members.get(idOf(carlId))?.role).toBe('facilitator')
    // Before: the ordinary feed showed Bob's hidden post (the hide refused, the rebuild not done).
    expect(page(n)).toEqual(ARRIVING)
    expect(countedSource(n, nobody)).toBeNull()

    held.release(gate)
    await carlDone
    await fayDone
    expect(n.arriving).toBe(false)
    expect(page(n)).toEqual(full)
    expect(readerFeed(n, nobody, { limit: 3000 }).posts.map((p) => p.id)).not.toContain(hidden)
  })
})
