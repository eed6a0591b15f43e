/**
 * The fetch order of a planned log (core/group/checkpoint-fetch.ts) against a writer that signs a
 * length and serves nothing past it: its tail never comes, and its checkpoint's parts (which every
 * member holds) are still asked for once TAIL_WAIT_MS has passed, so the plan can end and the
 * newcomer's feed is not left empty. The session and the space are stand-ins (a unit test of the
 * order of requests); the real ones are exercised by test/integration/sync/newest-first.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchFromCheckpoint, TAIL_WAIT_MS, type FetchHost } from '../../../core/group/checkpoint-fetch.ts'
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
      space: { checkpointNeeds: () => ({ blocks: [4, 11, 12], end: 13 }) },
      quota: { download: (_k: string, s: HypercoreSession, r: { start: number; end: number }) => (s.download(r), r.end === -1 ? Promise.resolve() : never) },
      closed: () => false,
      fetchWhole: (k: string) => void done.push(`whole ${k}`),
      fetched: (k: string) => void done.push(`fetched ${k}`),
      schedule: () => undefined,
    } as unknown as FetchHost
    const log = { get: async () => new Uint8Array([1]) } as unknown as PeerLog
    const run = fetchFromCheckpoint(host, 'withholder', session, 10, log)
    await vi.advanceTimersByTimeAsync(TAIL_WAIT_MS - 1)
    // Part 0, the live tail, the listed block, the known tail: no parts yet.
    expect(asked.some((r) => 'blocks' in r && r.blocks.includes(11))).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await vi.advanceTimersByTimeAsync(0)
    expect(asked.at(-1)).toEqual({ blocks: [11, 12] })
    expect(done).toEqual(['fetched withholder'])
    await run
  })
})
