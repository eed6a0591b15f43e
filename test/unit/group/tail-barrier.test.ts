/**
 * The barrier across a newcomer's planned logs (core/group/tail-barrier.ts): a log's parts wait
 * until every reachable planned log's tail is here; a log never reached holds no one back; a
 * stalled tail holds the others back only until the hold ends.
 */
import { describe, expect, it, vi } from 'vitest'
import { HeldUntil, TailBarrier } from '../../../core/group/tail-barrier.ts'

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false
  void p.then(() => (done = true))
  // Let every promise reaction that is already due run.
  for (let i = 0; i < 5; i++) await Promise.resolve()
  return done
}

describe('the tails barrier', () => {
  it('holds a log’s parts until the last reachable tail is here', async () => {
    const b = new TailBarrier()
    b.expect('a')
    b.expect('b')
    b.arrived('a')
    const a = b.all(60_000)
    expect(await settled(a)).toBe(false)
    b.arrived('b')
    expect(await settled(a)).toBe(true)
    // Nothing waits any more: later callers go at once.
    expect(await settled(b.all(60_000))).toBe(true)
  })

  it('a log never reached holds no one back', async () => {
    const b = new TailBarrier()
    b.expect('a')
    b.arrived('a')
    expect(await settled(b.all(60_000))).toBe(true)
  })

  it('a stalled tail holds the others only until the hold ends', async () => {
    const b = new TailBarrier()
    b.expect('stalled')
    b.expect('a')
    b.arrived('a')
    await b.all(5)
    // Released by the hold, not by the stalled log, which still counts as waiting.
    expect(await settled(b.all(60_000))).toBe(false)
    b.arrived('stalled')
  })
})

describe('a wait held until its condition holds (the previews read, session 15)', () => {
  it('ends when a move makes the condition hold, not before', async () => {
    let read = false
    const h = new HeldUntil(() => read)
    const w = h.when(60_000)
    h.moved()
    expect(await settled(w)).toBe(false)
    read = true
    expect(await settled(w)).toBe(false)
    h.moved()
    expect(await settled(w)).toBe(true)
    expect(await settled(h.when(60_000))).toBe(true)
  })

  it('ends after the hold however things stand, and keeps nothing of the wait', async () => {
    vi.useFakeTimers()
    try {
      const h = new HeldUntil(() => false)
      const w = h.when(3_000)
      await vi.advanceTimersByTimeAsync(2_999)
      expect(await settled(w)).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(await settled(w)).toBe(true)
      expect(h.waiters).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})
