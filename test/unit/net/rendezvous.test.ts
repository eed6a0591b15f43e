/**
 * When a swarm looks again (core/net/rendezvous.ts): the joiner's backoff bounds (first retry
 * within 2 s, never more than 15 s apart), a kick's burst, and a jump in wall time taken as a
 * wake. The swarm is a stand-in with topics() only: this is the scheduling, the integration tests
 * (test/integration/net/rendezvous.test.ts) show it on real Hyperswarm.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { backoffMs, KICK_BURST_MS, Rendezvous } from '../../../core/net/rendezvous.ts'

let looks = 0
const swarm = { topics: () => [{ refresh: async () => void looks++ }, { refresh: async () => Promise.reject(new Error('gone')) }] }

beforeEach(() => {
  looks = 0
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('rendezvous', () => {
  it('backs off from ≤ 2 s to never more than 15 s apart', () => {
    expect(backoffMs(0, 0)).toBeLessThanOrEqual(2_000)
    for (let n = 0; n < 100; n++) for (const t of [0, 60_000, 119_999, 120_000, 3_600_000]) {
      expect(backoffMs(n, t)).toBeGreaterThan(0)
      expect(backoffMs(n, t)).toBeLessThanOrEqual(15_000)
    }
    expect(backoffMs(50, 3_600_000)).toBe(15_000)
  })

  it('keepLooking looks again and again until closed; a failing topic stops nobody', async () => {
    const r = new Rendezvous(swarm)
    r.keepLooking()
    await vi.advanceTimersByTimeAsync(30_000)
    const seen = looks
    expect(seen).toBeGreaterThanOrEqual(10)
    r.close()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(looks).toBe(seen)
  })

  it('a kick looks at once and then in a short burst', async () => {
    const reasons: string[] = []
    const r = new Rendezvous(swarm, { onLook: (why) => reasons.push(why) })
    r.kick('forgive')
    expect(looks).toBe(1)
    await vi.advanceTimersByTimeAsync(Math.max(...KICK_BURST_MS) + 1)
    expect(looks).toBe(1 + KICK_BURST_MS.length)
    expect(reasons.every((x) => x === 'forgive')).toBe(true)
    r.close()
  })

  it('a jump in wall time (sleep, SIGSTOP) counts as a wake and kicks', async () => {
    let woke = 0
    const r = new Rendezvous(swarm, { onWake: () => woke++ })
    await vi.advanceTimersByTimeAsync(3_000)
    expect(woke).toBe(0)
    vi.setSystemTime(Date.now() + 60_000)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(woke).toBe(1)
    expect(looks).toBeGreaterThanOrEqual(1)
    r.close()
  })
})
