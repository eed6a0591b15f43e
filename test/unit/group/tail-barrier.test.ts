/**
 * The barrier across a newcomer's planned logs (core/group/tail-barrier.ts): a log's parts wait
 * until every reachable planned log's tail is here; a log never reached holds no one back; a
 * stalled tail holds the others back only until the hold ends.
 */
import { describe, expect, it } from 'vitest'
import { TailBarrier } from '../../../core/group/tail-barrier.ts'

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
