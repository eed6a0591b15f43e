/**
 * The fetch order of a planned log (core/group/checkpoint-fetch.ts): what the first page needs
 * (listed blocks, the newest blocks holding the tail index, the blocks the index lists) before the
 * rest of the tail, and the parts last. Against a writer that signs a length and serves nothing
 * past it: its tail never comes, and its checkpoint's parts (which every member holds) are still
 * asked for once TAIL_WAIT_MS has passed, so the plan can end and the newcomer's feed is not left
 * empty. The session and the space are stand-ins (a unit test of the
 * order of requests); the real ones are exercised by test/integration/sync/newest-first.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchFromCheckpoint, TAIL_WAIT_MS, type FetchHost } from '../../../core/group/checkpoint-fetch.ts'
import { TAIL_INDEX_WINDOW } from '../../../core/group/tail-index.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import type { PeerLog } from '../../../core/store/log-store.ts'

afterEach(() => void vi.useRealTimers())

type Ask = { start: number; end: number } | { blocks: number[] }

describe('a planned log whose writer withholds its tail', () => {
  it('asks for the checkpoint’s parts once the wait for the tail ends', async () => {
    vi.useFakeTimers()
    const asked: Ask[] = []
    const never = new Promise<void>(() => undefined)
    // Checkpoint at 10 in three parts (10–12), one listed block (4); the signed length is 40.
    const session = {
      length: 40,
      download: (r: Ask) => {
        asked.push(r)
        return { done: () => ('blocks' in r || r.end === 11 ? Promise.resolve() : never) }
      },
    } as unknown as HypercoreSession
    const done: string[] = []
    const host = {
      space: { checkpointNeeds: () => ({ blocks: [4, 11, 12], end: 13 }), tailIndexOf: async () => 'wait' },
      quota: { download: (_k: string, s: HypercoreSession, r: { start: number; end: number }) => (s.download(r), r.end === -1 ? Promise.resolve() : never) },
      closed: () => false,
      fetchWhole: (k: string) => void done.push(`whole ${k}`),
      fetched: (k: string) => void done.push(`fetched ${k}`),
      schedule: () => undefined,
    } as unknown as FetchHost
    const log = { get: async () => new Uint8Array([1]) } as unknown as PeerLog
    const run = fetchFromCheckpoint(host, 'withholder', session, 10, log)
    await vi.advanceTimersByTimeAsync(TAIL_WAIT_MS - 1)
    // Part 0, the listed block, the newest blocks, the live tail, the known tail: no parts yet.
    // One bound for all of it, not one per step.
    expect(asked.some((r) => 'blocks' in r && r.blocks.includes(11))).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(asked.at(-1)).toEqual({ blocks: [11, 12] })
    expect(done).toEqual(['fetched withholder'])
    await run
  })
})

describe('a planned log with a tail index', () => {
  it('asks for the listed blocks, the newest blocks, the blocks the index lists, then the rest of the tail, then the parts', async () => {
    const asked: Ask[] = []
    const session = {
      length: 300,
      download: (r: Ask) => (asked.push(r), { done: () => Promise.resolve() }),
    } as unknown as HypercoreSession
    const done: string[] = []
    const host = {
      space: {
        checkpointNeeds: () => ({ blocks: [4, 11, 12], end: 13 }),
        tailIndexOf: async (_l: unknown, end: number, length: number) => (end === 13 && length === 300 ? { start: 10, end: 13, at: 290, ranges: [[20, 2], [100, 1]] } : 'none'),
      },
      quota: { download: (_k: string, s: HypercoreSession, r: { start: number; end: number }) => (s.download(r), Promise.resolve()) },
      closed: () => false,
      fetchWhole: (k: string) => void done.push(`whole ${k}`),
      fetched: (k: string) => void done.push(`fetched ${k}`),
      schedule: () => undefined,
    } as unknown as FetchHost
    const log = { get: async () => new Uint8Array([1]) } as unknown as PeerLog
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
})
