/**
 * What a newcomer's catch-ups need not do (issue 19, session 12), and that leaving it out changes
 * nothing read: a planned log governance does not know yet is not caught up until governance knows
 * it (governance-wait.ts), and then it is; a checkpoint's parts are not read while the store does
 * not hold them (checkpoint-reading.ts `fromCheckpoint`), and once held they are applied; the
 * backfill is started once per log from the space's list without copying it (checkpoint-backfill.ts).
 * Each case ends with the page of a reader of the whole logs. Real GroupSpaces and real sealed blocks.
 */
import { describe, expect, it } from 'vitest'
import { CheckpointBackfill } from '../../../core/group/checkpoint-backfill.ts'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { GovernanceWait } from '../../../core/group/governance-wait.ts'
import type { QuotaWatch } from '../../../core/group/quota-watch.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { admitEvent, backfillsLeft, hex, identity, idOf, MemLog } from './support.ts'
import { bobsSpace, checkpointAt, groupWithTail, nobody, pastCheckpoint, reader, rnd, sparse, tailHeld, twoPastCheckpoints } from './tail-fixture.ts'

/** What any other member sees (`mine` left out: it is the viewer's own reactions). */
const page = (s: GroupSpace): string => JSON.stringify(readerFeed(s, nobody, { limit: 5000 }), (k, v: unknown) => (k === 'mine' ? undefined : v))

/** `log` as a store holding only what `held` says, telling it from memory as Hypercore's bitfield does; every block asked for is counted. */
function bitfielded(log: MemLog, held: () => (i: number) => boolean): { log: ReadLog; asked: number[] } {
  const asked: number[] = []
  return {
    asked,
    log: {
      key: log.key,
      get length() { return log.length },
      get: async (i) => {
        asked.push(i)
        return held()(i) ? log.blocks[i] ?? null : null
      },
      heldUntil: (from, end) => {
        for (let i = from; i < end; i++) if (!held()(i)) return i
        return end
      },
    },
  }
}


describe('a catch-up that could only stop at "not known to governance"', () => {
  it('waits until governance knows the log, is given back once, and the log then reads as a full read does', async () => {
    const { g, start, parts, listed, bob, bobStart, whole } = await twoPastCheckpoints()

    const n = reader(g)
    n.planCheckpoint(g.log.key, start)
    n.planCheckpoint(bob.key, bobStart)
    const wait = new GovernanceWait<ReadLog>(n.reading)
    const bobHere = sparse(bob, () => true)
    // Nothing of Bob's plan read yet: his checkpoint's uncovered blocks may be what governance needs.
    expect(wait.holds(bobHere)).toBe(false)
    await n.catchUp(bobHere)
    // Governance (Fay's log) is not here: the catch-up stopped, the plan stands, and the next one waits.
    expect(n.planOf(bob.key)).toBe(bobStart)
    expect(n.reading.waitsForGovernance(bob.key)).toBe(true)
    expect(wait.holds(bobHere)).toBe(true)
    expect(wait.released()).toEqual([])

    // Fay's governance and tail (her parts not here yet) make Bob's log known.
    await n.catchUp(sparse(g.log, tailHeld({ start, parts, listed })))
    expect(n.governance.knowsLog(bob.key)).toBe(true)
    expect(n.reading.waitsForGovernance(bob.key)).toBe(false)
    expect(wait.released()).toEqual([bobHere])
    expect(wait.released()).toEqual([])
    expect(wait.holds(bobHere)).toBe(false)
    await n.catchUp(bobHere)
    expect(n.planOf(bob.key)).toBeUndefined()

    await n.catchUp(g.log)
    await n.catchUp(bobHere)
    expect(n.historyLeft()).toBe(0)
    expect(page(n)).toBe(page(whole))
  })

  it('a refused plan does not wait: the log is read whole as before', async () => {
    const { g, start } = await groupWithTail()
    const n = reader(g)
    // A plan on a block that is not a checkpoint's first part: refused at once, never waiting.
    n.planCheckpoint(g.log.key, start + 1)
    const wait = new GovernanceWait<ReadLog>(n.reading)
    await n.catchUp(sparse(g.log, (i) => i >= start))
    expect(n.planOf(g.log.key)).toBeUndefined()
    expect(n.needsFull.has(g.log.key)).toBe(true)
    expect(wait.holds(g.log)).toBe(false)
  })
})

describe('a checkpoint whose parts the store does not hold', () => {
  it('is not read until they are held; the tail shows meanwhile, and once held it is applied and the log reads as a full read does', async () => {
    const { g, start, parts, listed } = await groupWithTail()
    expect(parts).toBeGreaterThan(1)
    const whole = reader(g)
    await whole.catchUp(g.log)

    const n = reader(g)
    n.planCheckpoint(g.log.key, start)
    let held = tailHeld({ start, parts, listed })
    const store = bitfielded(g.log, () => held)
    const later = [...Array(parts - 1).keys()].map((k) => start + 1 + k)
    // Two catch-ups, as two blocks of the tail arriving would make.
    await n.catchUp(store.log)
    await n.catchUp(store.log)
    expect(store.asked.filter((i) => later.includes(i))).toEqual([])
    expect(n.planOf(g.log.key)).toBe(start)
    const preview = readerFeed(n, nobody, { limit: 20 })
    expect(preview.preview).toBe(true)
    expect(preview.posts.length).toBeGreaterThan(0)

    held = () => true
    await n.catchUp(store.log)
    expect(store.asked.filter((i) => later.includes(i))).toEqual(later)
    expect(n.planOf(g.log.key)).toBeUndefined()
    expect(n.sharedCheckpoints.get(g.log.key)).toBe(start)
    expect(n.historyLeft()).toBe(0)
    expect(page(n)).toBe(page(whole))
  })

  it('a part the store says it holds but cannot give is "missing" as before: the plan stands', async () => {
    const { g, start, parts, listed } = await groupWithTail()
    const n = reader(g)
    n.planCheckpoint(g.log.key, start)
    const gap = start + parts - 1
    const log: ReadLog = { ...sparse(g.log, (i) => tailHeld({ start, parts, listed })(i) || (i > start && i < gap)), heldUntil: (_from, end) => end }
    await n.catchUp(log)
    expect(n.planOf(g.log.key)).toBe(start)
    expect(n.docs.rejected).toEqual([])
  })
})

describe('the backfill’s start', () => {
  it('starts a log’s backfill once its checkpoint is applied, governance names this device and no planned tail is short of its end; once per log, never a log fetched whole', async () => {
    const { g, start, listed, bobLog, bob: bobId } = await groupWithTail()
    const bobSpace = await bobsSpace(g, bobLog, bobId)
    const { bob, bobStart } = await pastCheckpoint(bobSpace, bobId)
    // The newcomer's admission: the last block of Fay's tail (the join returns once it is read).
    const me = identity(rnd)
    const n = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: me, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.governance.groupId })
    await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, me, n.own.key))
    await g.space.idle()
    n.planCheckpoint(g.log.key, start)
    n.planCheckpoint(bob.key, bobStart)
    const asked: [string, { start: number; end: number }][] = []
    const quota = { download: (key: string, _s: HypercoreSession, range: { start: number; end: number }) => void asked.push([key, range]) }
    const whole = new Set<string>()
    const backfill = new CheckpointBackfill(n, () => ({}) as HypercoreSession, (k) => whole.has(k), quota as unknown as QuotaWatch)
    const timers = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

    // Fay's checkpoint applied but her last block, this device's admission, not here; Bob's tail read: no backfill yet.
    const bobAt = checkpointAt(g, bob, bobStart)
    await n.catchUp(sparse(g.log, (i) => (listed.includes(i) || i >= start) && i < g.log.length - 1))
    await n.catchUp(sparse(bob, tailHeld(bobAt)))
    expect(n.planOf(g.log.key)).toBeUndefined()
    expect(n.governance.knowsLog(n.own.key)).toBe(false)
    expect(n.reading.tailsRead()).toBe(true)
    backfill.soon()
    await timers()
    expect(asked).toEqual([])
    await n.catchUp(sparse(g.log, (i) => listed.includes(i) || i >= start))
    expect(n.governance.knowsLog(n.own.key)).toBe(true)

    // Bob grows: his tail is short of its end (his new last block not here): still none.
    await bobSpace.change(memberDocId(idOf(bobId)), (d) => void new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, later', cw: null }, 50_000))
    await bobSpace.idle()
    const last = bob.length - 1
    await n.catchUp(sparse(bob, (i) => tailHeld(bobAt)(i) && i !== last))
    expect(n.planOf(bob.key)).toBe(bobStart)
    expect(n.reading.tailsRead()).toBe(false)
    backfill.soon()
    await timers()
    expect(asked).toEqual([])

    // His whole tail read, his checkpoint's parts not here: Fay's backfill starts, not his.
    await n.catchUp(sparse(bob, tailHeld(bobAt)))
    expect(n.planOf(bob.key)).toBe(bobStart)
    expect(n.reading.tailsRead()).toBe(true)
    backfill.soon()
    backfill.soon()
    await timers()
    expect(asked).toEqual([[g.log.key, { start: 0, end: start }]])

    await n.catchUp(sparse(bob, (i) => bobAt.listed.includes(i) || i >= bobStart))
    expect(n.planned).toBe(false)
    expect(backfillsLeft(n)).toEqual(new Map([[g.log.key, start], [bob.key, bobStart]]))
    whole.add(bob.key)
    backfill.soon()
    await timers()
    expect(asked).toEqual([[g.log.key, { start: 0, end: start }]])
    whole.delete(bob.key)
    backfill.soon()
    await timers()
    backfill.soon()
    await timers()
    expect(asked).toEqual([[g.log.key, { start: 0, end: start }], [bob.key, { start: 0, end: bobStart }]])
    backfill.close()
  })

  it('a backfill started while another log waits for its checkpoint ends with the full read’s page', async () => {
    const { g, start, parts, listed, bob, bobStart, whole } = await twoPastCheckpoints()
    const n = reader(g)
    n.planCheckpoint(g.log.key, start)
    n.planCheckpoint(bob.key, bobStart)
    const bobAt = checkpointAt(g, bob, bobStart)
    await n.catchUp(sparse(g.log, tailHeld({ start, parts, listed })))
    await n.catchUp(sparse(bob, tailHeld(bobAt)))
    expect(n.reading.tailsRead()).toBe(true)
    // Fay's parts and then her covered blocks arrive while Bob still waits for his parts.
    await n.catchUp(g.log)
    expect(n.planOf(g.log.key)).toBeUndefined()
    expect(backfillsLeft(n).has(g.log.key)).toBe(false)
    expect(n.planOf(bob.key)).toBe(bobStart)
    expect(readerFeed(n, nobody, { limit: 20 }).preview).toBe(true)
    await n.catchUp(bob)
    expect(n.planned).toBe(false)
    expect(n.historyLeft()).toBe(0)
    expect(page(n)).toBe(page(whole))
  })
})
