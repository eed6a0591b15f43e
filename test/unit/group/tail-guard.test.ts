/**
 * The tail guard (checkpoint-reading.ts): a newcomer's planned log leaves "arriving" only once it
 * is held to the length known when its checkpoint's part 0 was opened. The fault it closes: the
 * fetch's quiet watch gives up on a tail whose middle nobody serves, the checkpoint's parts come
 * anyway, the checkpoint was applied, the plan ended, and the ordinary feed read Fay's log in
 * order up to the gap: her hide of Bob's post, past it, was not applied, and the page showed the
 * post as if the history were whole. A member who is the only one serving another's log can do
 * this (a hostile relay), not only the writer.
 *
 * Real components where the fault lives: Fay's sealed blocks in a real Hypercore on a temp
 * folder; a relay's Corestore holding all of it but the middle of her tail; the newcomer's
 * Corestore linked to the relay alone, fetched by the real fetch (checkpoint-fetch.ts, its quiet
 * watch bounded small through its parameters, no time measured), read by a real GroupSpace
 * through the store's bitfield (block-batch.ts `heldUntil`). The writer's store is linked later:
 * the missing blocks come, and the log is read whole.
 *
 * The guard stops at governance's cut-off (Governance.speaksUntil): blocks past a removed
 * member's cut-off that nobody serves do not hold a newcomer, known before or after the wait.
 */
import { describe, expect, it } from 'vitest'
import { fetchFromCheckpoint, type FetchHost } from '../../../core/group/checkpoint-fetch.ts'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { countedSource, readerFeed, refuseWhileArriving } from '../../../core/group/reader-source.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { heldUntil } from '../../../core/store/block-batch.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import type { PeerLog } from '../../../core/store/log-store.ts'
import { useCorestores } from '../../helpers/corestores.ts'
import { hex, identity, idOf, MemLog } from './support.ts'
import { bobHiddenByFay, bobsSpace, checkpointAt, groupWithTail, nobody, pastCheckpoint, reader, readSparsely, rnd, type CheckpointAt } from './tail-fixture.ts'
import { peerLog, relayWithout } from './relay-fixture.ts'

const store = useCorestores()
const ARRIVING = { posts: [], next: null, preview: true }
const texts = (s: GroupSpace, limit = 2000): string[] => readerFeed(s, nobody, { limit }).posts.map((p) => p.text)

/** Bob's post, hidden by Fay; then Fay posts on past two tail indexes, so the hide sits in her tail's middle. */
async function hiddenMidTail(): Promise<Awaited<ReturnType<typeof bobHiddenByFay>> & { hideAt: number; whole: GroupSpace }> {
  const f = await bobHiddenByFay()
  const hideAt = f.g.log.length - 1
  for (let i = 0; i < 150; i++) await f.g.space.change(memberDocId(f.g.me), (d) => void new MemberDoc(d, f.g.me).addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 30_000 + i))
  await f.g.space.idle()
  const whole = reader(f.g)
  await whole.catchUp(f.g.log)
  await whole.catchUp(f.bob)
  expect(texts(whole)).not.toContain('bob, hidden by Fay')
  return { ...f, hideAt, whole }
}
const built = hiddenMidTail()

/** The newcomer's device: one identity and device log, so a restart can open it again. */
function device(f: Awaited<typeof built>): () => GroupSpace {
  const me = identity(rnd)
  const own = new MemLog(hex(rnd.bytes(32)))
  return () => new GroupSpace(own, { identity: me, epochs: new Map([[0, f.g.epochKey.slice()]]), current: 0 }, { groupId: f.g.space.governance.groupId })
}

/**
 * A log (Fay's, unless told) in a writer's store; a relay that holds all of it but [from, to);
 * the newcomer, planned on the log's checkpoint `at`, linked to the relay alone, its fetch run
 * until its quiet watch gives up on the middle and the parts are here. `serve()` links the
 * writer's store: the middle comes, on the fetch's own requests.
 */
async function behindRelay(mem: MemLog, at: CheckpointAt, n: GroupSpace, [from, to]: [number, number]): Promise<{ log: ReadLog & PeerLog; serve(): Promise<void> }> {
  const { core, serveFromWriter } = await relayWithout(store, rnd, mem.blocks, [from, to])
  const log = peerLog(mem.key, core)
  // The welcome's plan (group-registry.ts, `seedCheckpoints`), made before any block is here.
  n.planCheckpoint(mem.key, at.start)
  const done: string[] = []
  const host = {
    space: n,
    quota: { download: (_k: string, s: HypercoreSession, r: { start: number; end: number }) => s.download(r).done().catch(() => undefined) },
    closed: () => false,
    fetchWhole: (k: string) => void done.push(`whole ${k}`),
    fetched: (k: string) => void done.push(`fetched ${k}`),
    schedule: () => undefined,
  } as unknown as FetchHost
  await fetchFromCheckpoint(host, mem.key, core, at.start, log, { quietMs: 100, capMs: 30_000 })
  // The fetch gave up on the middle and asked for the parts: they are here, the middle is not.
  // Everything else the relay holds was asked for too and arrives as it may (on a loaded machine
  // the quiet bound may end the fetch's waits before it does): the test waits for it.
  expect(done).toEqual([`fetched ${mem.key}`])
  expect(heldUntil(core, at.start, at.start + at.parts)).toBe(at.start + at.parts)
  if (at.listed.length) await core.download({ blocks: [...at.listed] }).done()
  await core.download({ start: at.start + at.parts, end: from }).done()
  await core.download({ start: to, end: core.length }).done()
  expect(heldUntil(core, at.start + at.parts, core.length)).toBe(from)
  expect(heldUntil(core, to, core.length)).toBe(core.length)
  return {
    log,
    // No new request: the ranges the fetch asked for and gave up waiting on are still asked
    // for, and the writer's store, once linked, serves them.
    serve: async () => {
      const here = new Promise<void>((resolve) => {
        const check = (): void => {
          if (heldUntil(core, from, to) < to) return
          core.off('download', check)
          resolve()
        }
        core.on('download', check)
      })
      serveFromWriter()
      await here
    },
  }
}

/** What the newcomer shows while held back: no page with Bob's post, `arriving`, no counts or exports. */
function heldBack(n: GroupSpace, f: Awaited<typeof built>): void {
  expect(readerFeed(n, nobody, { limit: 2000 }).posts.map((p) => p.id)).not.toContain(f.post)
  expect(n.arriving).toBe(true)
  expect(n.planOf(f.g.log.key)).toBe(f.start)
  expect(readerFeed(n, nobody, { limit: 20 }).preview).toBe(true)
  expect(countedSource(n, nobody)).toBeNull()
  expect(() => refuseWhileArriving(n)).toThrow(expect.objectContaining({ code: 'HISTORY_ARRIVING' }))
}

/** Once the middle is read: the plan over, the ordinary feed, the full read's page. */
function readWhole(n: GroupSpace, f: Awaited<typeof built>): void {
  expect(n.planOf(f.g.log.key)).toBeUndefined()
  expect(n.arriving).toBe(false)
  expect(readerFeed(n, nobody, { limit: 20 }).preview).toBeUndefined()
  expect(texts(n)).toEqual(texts(f.whole))
}

describe('a planned log whose middle a relay withholds, past the fetch’s bound', () => {
  it('the hide in the middle: no page shows the hidden post and the history stays arriving; once the middle comes, the full read', async () => {
    const f = await built
    const n = device(f)()
    const relay = await behindRelay(f.g.log, f, n, [f.hideAt - 2, f.hideAt + 3])
    await n.catchUp(relay.log)
    await n.catchUp(f.bob)
    // Before: the checkpoint applied, the log read up to the gap, `arriving` over, and Bob's
    // post on the ordinary page. The hide is listed by Fay's index, and not here: no preview.
    heldBack(n, f)
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual(ARRIVING)
    await n.catchUp(relay.log)
    heldBack(n, f)

    await relay.serve()
    await n.catchUp(relay.log)
    readWhole(n, f)
    expect(texts(n)).not.toContain('bob, hidden by Fay')
  })

  it('the listed hide served, the rest of the middle not: the preview stays, with Fay’s newest posts and without Bob’s', async () => {
    const f = await built
    const n = device(f)()
    const relay = await behindRelay(f.g.log, f, n, [f.hideAt + 1, f.hideAt + 6])
    await n.catchUp(relay.log)
    await n.catchUp(f.bob)
    heldBack(n, f)
    // Before: the ordinary feed, not marked preview, without Fay's posts past the gap.
    const page = readerFeed(n, nobody, { limit: 20 })
    expect(page.posts.map((p) => p.text)).toEqual(texts(f.whole, 20))

    await relay.serve()
    await n.catchUp(relay.log)
    readWhole(n, f)
  })

  it('a restart while held back: the plan comes back from the welcome and holds again; the middle arriving later ends it', async () => {
    const f = await built
    const open = device(f)
    const n = open()
    const relay = await behindRelay(f.g.log, f, n, [f.hideAt - 2, f.hideAt + 3])
    await n.catchUp(relay.log)
    await n.catchUp(f.bob)
    heldBack(n, f)
    const saved = n.checkpoint()

    // The device opens again from its local checkpoint; the welcome's plans are made again
    // (group-registry.ts, `seedCheckpoints`) for logs not read yet.
    const again = open()
    again.restore(saved)
    again.planCheckpoint(f.g.log.key, f.start)
    await again.catchUp(relay.log)
    await again.catchUp(f.bob)
    heldBack(again, f)

    await relay.serve()
    await again.catchUp(relay.log)
    readWhole(again, f)
  })

  it('a rebuild while held back (any member can start one) keeps the plan and its guard', async () => {
    const f = await built
    const n = device(f)()
    const relay = await behindRelay(f.g.log, f, n, [f.hideAt - 2, f.hideAt + 3])
    await n.catchUp(relay.log)
    await n.catchUp(f.bob)
    heldBack(n, f)
    await (n as unknown as { rebuild(): Promise<void> }).rebuild()
    heldBack(n, f)

    await relay.serve()
    await n.catchUp(relay.log)
    readWhole(n, f)
  })

  it('a catch-up while the store opens the log again after a conflict (heldUntil cannot tell) keeps the guard', async () => {
    const f = await built
    const n = device(f)()
    const relay = await behindRelay(f.g.log, f, n, [f.hideAt - 2, f.hideAt + 3])
    await n.catchUp(relay.log)
    await n.catchUp(f.bob)
    heldBack(n, f)
    // What core/store/peer-log.ts answers between Hypercore's conflict and the new session:
    // `heldUntil` says "held" so reads go on and wait, and `reopening` says it cannot tell. Taken
    // for held, the checkpoint was applied with the middle (the hide) missing (session 14 review, F2).
    const inGap: ReadLog & PeerLog = { ...relay.log, key: relay.log.key, get length() { return relay.log.length }, heldUntil: (_from, end) => end, reopening: true }
    await n.catchUp(inGap)
    heldBack(n, f)
    await n.catchUp(relay.log)
    heldBack(n, f)

    await relay.serve()
    await n.catchUp(relay.log)
    readWhole(n, f)
  })
})

describe('two planned logs, one of them whole', () => {
  it('the whole one ends its plan; the other holds the history arriving until its tail is here', async () => {
    const { g, start, hidden, bobLog, bob: bobId } = await groupWithTail()
    const bobSpace = await bobsSpace(g, bobLog, bobId)
    const { bob, bobStart } = await pastCheckpoint(bobSpace, bobId)
    const whole = reader(g)
    await whole.catchUp(g.log)
    await whole.catchUp(bob)
    expect(texts(whole)).not.toContain('hidden by a facilitator')

    // Fay's log as the store holds it: everything but her tail's last block (her hide), parts included.
    const last = g.log.length - 1
    let held = (i: number): boolean => i < last
    const fay: ReadLog = {
      key: g.log.key,
      get length() { return g.log.length },
      get: async (i) => (held(i) ? (g.log.blocks[i] ?? null) : null),
      heldUntil: (from, end) => {
        for (let i = from; i < end; i++) if (!held(i)) return i
        return end
      },
    }
    const n = reader(g)
    n.planCheckpoint(g.log.key, start)
    await n.catchUp(fay)
    // Bob's log, planned on his checkpoint too, is here whole.
    await readSparsely(n, bob, { start: bobStart, parts: 0, listed: [] }, () => true)
    await n.catchUp(fay)
    expect(n.planOf(bob.key)).toBeUndefined()
    expect(n.planOf(g.log.key)).toBe(start)
    expect(n.arriving).toBe(true)
    // Before: Fay's checkpoint applied, her log read up to her hide, and her hidden post shown.
    expect(readerFeed(n, nobody, { limit: 2000 }).posts.map((p) => p.id)).not.toContain(hidden)
    expect(countedSource(n, nobody)).toBeNull()

    held = () => true
    await n.catchUp(fay)
    expect(n.arriving).toBe(false)
    expect(texts(n)).toEqual(texts(whole))
  })
})

/**
 * Bob's log past his checkpoint; Fay reads it, then Bob posts on, and Fay removes him with the
 * cut-off she had seen: Bob's newest posts speak for nobody. A relay holds Bob's log but the
 * first two blocks past the cut-off, which nobody serves (a hostile writer, or one who wiped
 * before any peer fetched them).
 */
async function removedPastCut(): Promise<{ g: Awaited<ReturnType<typeof groupWithTail>>['g']; bob: MemLog; at: CheckpointAt; cut: number; removalAt: number; whole: GroupSpace }> {
  const { g, bobLog, bob: bobId } = await groupWithTail()
  const bobSpace = await bobsSpace(g, bobLog, bobId)
  const { bob, bobStart } = await pastCheckpoint(bobSpace, bobId)
  await g.space.catchUp(bob)
  const cut = bob.length
  for (let i = 0; i < 6; i++) await bobSpace.change(memberDocId(idOf(bobId)), (d) => void new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: `bob past the cut ${i}`, cw: null }, 50_000 + i))
  await bobSpace.idle()
  const removalAt = g.log.length
  const gov = g.space.governance
  await g.space.writeGovernance({ v: 1, kind: 'member.remove', group: gov.groupId, author: g.me, at: 1_700_000_000_100, seen: g.space.seen(), body: { member: idOf(bobId) } })
  await g.space.idle()
  expect(g.space.governance.membershipOf(idOf(bobId))).toBe('removed')
  expect(g.space.governance.speaksUntil(bob.key)).toBe(cut)
  expect(bob.length).toBeGreaterThan(cut + 2)
  const whole = reader(g)
  await whole.catchUp(g.log)
  await whole.catchUp(bob)
  expect(texts(whole)).toContain('bob late 4')
  expect(texts(whole).filter((t) => t.startsWith('bob past the cut'))).toEqual([])
  return { g, bob, at: checkpointAt(g, bob, bobStart), cut, removalAt, whole }
}
const removed = removedPastCut()

/** Fay's log as the newcomer holds it before her removal of Bob arrives. */
const upTo = (log: MemLog, end: number): ReadLog => ({ key: log.key, get length() { return end }, get: async (i) => (i < end ? (log.blocks[i] ?? null) : null) })

describe('a planned log whose writer was removed, the blocks past the cut-off withheld', () => {
  it('the removal known first: the plan ends, `arriving` goes false, the page is the full read', async () => {
    const r = await removed
    const n = reader(r.g)
    await n.catchUp(r.g.log)
    const relay = await behindRelay(r.bob, r.at, n, [r.cut, r.cut + 2])
    await n.catchUp(relay.log)
    // Before (no cap at the cut-off): the plan, the preview and `arriving` for ever.
    expect(n.planOf(r.bob.key)).toBeUndefined()
    expect(n.arriving).toBe(false)
    expect(readerFeed(n, nobody, { limit: 20 }).preview).toBeUndefined()
    expect(countedSource(n, nobody)).not.toBeNull()
    expect(texts(n)).toEqual(texts(r.whole))
  })

  it('held back, then the removal arrives: the next catch-up of the log ends the wait', async () => {
    const r = await removed
    const n = reader(r.g)
    await n.catchUp(upTo(r.g.log, r.removalAt))
    const relay = await behindRelay(r.bob, r.at, n, [r.cut, r.cut + 2])
    await n.catchUp(relay.log)
    expect(n.planOf(r.bob.key)).toBe(r.at.start)
    expect(n.arriving).toBe(true)
    expect(() => refuseWhileArriving(n)).toThrow(expect.objectContaining({ code: 'HISTORY_ARRIVING' }))

    // A governance change schedules every planned log the fetch handed over (group-online.ts).
    await n.catchUp(r.g.log)
    await n.catchUp(relay.log)
    expect(n.planOf(r.bob.key)).toBeUndefined()
    expect(n.arriving).toBe(false)
    expect(texts(n)).toEqual(texts(r.whole))
  })
})
