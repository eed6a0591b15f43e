/**
 * The keeper link dials again while it has no connection (core/keeper/keeper-redial.ts), and stops
 * once it has one or is closed. Fake timers: the schedule is stepped, never waited on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Redial } from '../../../core/keeper/keeper-redial.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('redialling the keeper', () => {
  it('dials with backoff until connected, then stops; starts again after a loss; never after close', () => {
    vi.useFakeTimers()
    let connected = false
    let dials = 0
    const redial = new Redial(() => dials++, () => connected)
    redial.start()
    vi.advanceTimersByTime(1_000)
    expect(dials).toBe(1)
    vi.advanceTimersByTime(2_000)
    expect(dials).toBe(2)
    vi.advanceTimersByTime(3_000)
    expect(dials).toBe(3)
    connected = true
    vi.advanceTimersByTime(60_000)
    expect(dials).toBe(3)
    connected = false
    redial.start()
    vi.advanceTimersByTime(1_000)
    expect(dials).toBe(4)
    redial.close()
    vi.advanceTimersByTime(60_000)
    expect(dials).toBe(4)
    redial.start()
    vi.advanceTimersByTime(60_000)
    expect(dials).toBe(4)
  })
})
