/**
 * The fetch order of a planned log (core/group/checkpoint-fetch.ts): what the first page needs
 * (listed blocks, the newest blocks holding the tail index, the blocks the index lists) before the
 * rest of the tail, and the parts last. Against a writer that signs a length and serves nothing
 * past it: its tail never comes, and its checkpoint's parts (which every member holds) are still
 * asked for once QUIET_MS has passed with nothing arriving, so the plan can end and the
 * newcomer's feed is not left empty. Against a loaded machine: a tail that keeps arriving, however
 * slowly, is waited for past that bound (the parts before it would end the preview with the tail's
 * hides unread). The session (an EventEmitter for Hypercore's 'download' event) and the space are
 * stand-ins (a unit test of the order of requests); the real ones are exercised by
 * test/integration/sync/newest-first.test.ts.
 */
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchFromCheckpoint, type FetchHost } from '../../../core/group/checkpoint-fetch.ts'
import { CAP_MS, QUIET_MS } from '../../../core/group/quiet-watch.ts'
import { HOLD_MS } from '../../../core/group/tail-barrier.ts'
import { TAIL_INDEX_WINDOW, type TailIndex } from '../../../core/group/tail-index.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import type { PeerLog } from '../../../core/store/log-store.ts'

afterEach(() => void vi.useRealTimers())

type Ask = { start: number; end: number } | { blocks: number[] }

/** A session stand-in: its length, the requests it was asked, and Hypercore's 'download' event. */
function sessionOf(length: number, done: (r: Ask) => Promise<void>): { session: HypercoreSession; asked: Ask[]; events: EventEmitter } {
  const asked: Ask[] = []
  const events = new EventEmitter()
  const session = Object.assign(events, {
    length,
    download: (r: Ask) => (asked.push(r), { done: () => done(r) }),
  }) as unknown as HypercoreSession
  return { session, asked, events }
}
const partsAsked = (asked: Ask[]): boolean => asked.some((r) => 'blocks' in r && r.blocks.includes(11))

/** The checkpoint's own doc (checkpointNeeds names it): the doc whose tail index the fetch asks for. */
const FAY = 'member/fay'
type IndexAnswer = Awaited<ReturnType<FetchHost['space']['tailIndexOf']>>

/**
 * A FetchHost stand-in for a checkpoint at 10 in three parts (10–12) of FAY's doc, one listed
 * block (4). `range` answers each range download (`end` -1: the live tail), `index` the tail
 * index lookup; `done` records how the fetch ended; `tailsRead` is the wait for every planned
 * log's preview to be read (checkpoint-reading.ts `tailsReadWait`).
 */
function hostOf(range: (r: { start: number; end: number }) => Promise<void>, index: (end: number, length: number, docId: string) => IndexAnswer, done: string[] = [], tailsRead: (ms?: number) => Promise<void> = async () => undefined): FetchHost {
  return {
    space: {
      checkpointNeeds: () => ({ blocks: [4, 11, 12], end: 13, docId: FAY }),
      tailIndexOf: async (_l: unknown, end: number, length: number, docId: string) => index(end, length, docId),
      reading: { tailsReadWait: { when: tailsRead } },
    },
    quota: { download: (_k: string, s: HypercoreSession, r: { start: number; end: number }) => (s.download(r), range(r)) },
    closed: () => false,
    fetchWhole: (k: string) => void done.push(`whole ${k}`),
    fetched: (k: string) => void done.push(`fetched ${k}`),
    schedule: () => undefined,
  } as unknown as FetchHost
}
const log = { get: async () => new Uint8Array([1]) } as unknown as PeerLog

describe('a planned log whose writer withholds its tail', () => {
  it('asks for the checkpoint’s parts once the wait for the tail ends', async () => {
    vi.useFakeTimers()
    const never = new Promise<void>(() => undefined)
    // Checkpoint at 10 in three parts (10–12), one listed block (4); the signed length is 40.
    const { session, asked } = sessionOf(40, (r) => ('blocks' in r || r.end === 11 ? Promise.resolve() : never))
    const done: string[] = []
    const host = hostOf((r) => (r.end === -1 ? Promise.resolve() : never), () => 'wait', done)
    const run = fetchFromCheckpoint(host, 'withholder', session, 10, log)
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1)
    // Part 0, the listed block, the newest blocks, the live tail, the known tail: no parts yet.
    // One bound for all of it, not one per step.
    expect(partsAsked(asked)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(asked.at(-1)).toEqual({ blocks: [11, 12] })
    expect(done).toEqual(['fetched withholder'])
    await run
  })
})

describe('a planned log with a tail index', () => {
  const index: TailIndex = { start: 10, end: 13, at: 290, ranges: [[20, 2], [100, 1]], flags: [] }

  it('asks for the listed blocks, the newest blocks, the blocks the index lists, then the rest of the tail, then the parts', async () => {
    const { session, asked } = sessionOf(300, () => Promise.resolve())
    const done: string[] = []
    const host = hostOf(() => Promise.resolve(), (end, length) => (end === 13 && length === 300 ? index : 'none'), done)
    await fetchFromCheckpoint(host, 'indexed', session, 10, log)
    expect(asked).toEqual([
      { start: 10, end: 11 },
      { blocks: [4] },
      { start: 300 - TAIL_INDEX_WINDOW, end: 300 },
      { blocks: [20, 21, 100] },
      { start: 300, end: -1 },
      { start: 13, end: 300 },
      { blocks: [11, 12] },
    ])
    expect(done).toEqual(['fetched indexed'])
  })

  it('asks for the rest of the tail only once the previews have read the suffixes', async () => {
    // Asked for as soon as the suffixes were here, the rest of the tails took the CPU the panes
    // needed to read them, and the first page waited for both (session 15).
    const { session, asked } = sessionOf(300, () => Promise.resolve())
    let read!: () => void
    const previews = new Promise<void>((resolve) => (read = resolve))
    const host = hostOf(() => Promise.resolve(), (end, length) => (end === 13 && length === 300 ? index : 'none'), [], () => previews)
    const run = fetchFromCheckpoint(host, 'indexed', session, 10, log)
    await new Promise((r) => setImmediate(r))
    expect(asked.at(-1)).toEqual({ start: 300, end: -1 })
    read()
    await run
    expect(asked.slice(-2)).toEqual([{ start: 13, end: 300 }, { blocks: [11, 12] }])
  })

  it('waits for the previews within the suffixes’ hold, not a second hold after it (review U1)', async () => {
    vi.useFakeTimers()
    const never = new Promise<void>(() => undefined)
    const holds: number[] = []
    const host = hostOf(() => Promise.resolve(), (end, length) => (end === 13 && length === 300 ? index : 'none'), [], async (ms?: number) => void holds.push(ms ?? -1))
    // Two planned logs of one space: 'served' gets everything, 'stalled' its part 0 only (its
    // newest blocks never come), so the suffixes' barrier holds 'served' for HOLD_MS.
    const served = sessionOf(300, () => Promise.resolve())
    const stalled = sessionOf(300, (r) => ('start' in r && r.end === 11 ? Promise.resolve() : never))
    void fetchFromCheckpoint(host, 'stalled', stalled.session, 10, log)
    const run = fetchFromCheckpoint(host, 'served', served.session, 10, log)
    await vi.advanceTimersByTimeAsync(HOLD_MS)
    expect(holds).toEqual([0])
    // Then the parts wait for the tails' barrier, which holds for the stalled log as long again.
    await vi.advanceTimersByTimeAsync(HOLD_MS)
    await run
  })

  it('asks for the index of the checkpoint’s own doc, the one the preview starts from', async () => {
    // An index of another doc (any other id asked for) lists nothing the preview uses.
    const docs: string[] = []
    const { session, asked } = sessionOf(300, () => Promise.resolve())
    const host = hostOf(() => Promise.resolve(), (_end, _length, docId) => (docs.push(docId), docId === FAY ? index : 'none'))
    await fetchFromCheckpoint(host, 'indexed', session, 10, log)
    expect(docs).toEqual([FAY])
    expect(asked).toContainEqual({ blocks: [20, 21, 100] })
  })
})

describe('a planned log whose long tail arrives slowly (a loaded machine)', () => {
  // The mechanism of a stale first page (sync bench `--tails worst` at load 12–14): a fixed 10-s
  // bound asked for the parts while a 2,000-block tail was still arriving; the checkpoint was
  // applied, the plan ended, and the ordinary feed lacked the tail (and any hide in it).
  function slowTail(): { run: Promise<void>; asked: Ask[]; events: EventEmitter; arrive(ms: number, from: number, to: number): Promise<void>; tailHere(): void } {
    const never = new Promise<void>(() => undefined)
    let tailHere!: () => void
    const tail = new Promise<void>((resolve) => (tailHere = resolve))
    // Checkpoint at 10 in three parts (10–12), one listed block (4); the signed length is 2100.
    const { session, asked, events } = sessionOf(2100, (r) => ('blocks' in r || r.end === 11 ? Promise.resolve() : never))
    const host = hostOf((r) => (r.end === -1 ? Promise.resolve() : r.start === 13 ? tail : Promise.resolve()), () => 'none')
    const run = fetchFromCheckpoint(host, 'slow', session, 10, log)
    const arrive = async (ms: number, from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i++) {
        await vi.advanceTimersByTimeAsync(ms)
        events.emit('download', i, 400)
      }
    }
    return { run, asked, events, arrive, tailHere }
  }

  it('asks for the parts only once the tail is here, however long it takes while blocks arrive', async () => {
    vi.useFakeTimers()
    const t = slowTail()
    // 2,087 tail blocks at one every 20 ms: 42 s, four times the quiet bound, never quiet.
    await t.arrive(20, 13, 2100)
    expect(partsAsked(t.asked)).toBe(false)
    t.tailHere()
    await vi.advanceTimersByTimeAsync(0)
    expect(partsAsked(t.asked)).toBe(true)
    await t.run
    expect(t.events.listenerCount('download')).toBe(0)
  })

  it('gives up on a tail that stops arriving after the quiet bound, and on a trickle at the cap', async () => {
    vi.useFakeTimers()
    const t = slowTail()
    await t.arrive(20, 13, 500)
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1)
    expect(partsAsked(t.asked)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(partsAsked(t.asked)).toBe(true)
    await t.run

    const trickle = slowTail()
    // One block just inside the quiet bound, again and again: 12 blocks by 119,988 ms.
    const n = Math.floor(CAP_MS / (QUIET_MS - 1))
    await trickle.arrive(QUIET_MS - 1, 13, 13 + n)
    expect(partsAsked(trickle.asked)).toBe(false)
    // The quiet bound would end the wait only at 129,987 ms: the cap ends it at 120,000.
    await vi.advanceTimersByTimeAsync(CAP_MS - n * (QUIET_MS - 1))
    expect(partsAsked(trickle.asked)).toBe(true)
    await trickle.run
  })
})
