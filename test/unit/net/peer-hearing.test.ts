/**
 * The "not heard from" rule (core/net/peer-hearing.ts) on a clock the test turns: silence counts
 * only in time the observer was running, a frame heard again clears it at the next tick, and a
 * long stall of the observer itself declares nobody quiet.
 */
import { describe, expect, it } from 'vitest'
import { Hearing, MAX_CREDIT_MS, QUIET_MS, TICK_MS } from '../../../core/net/peer-hearing.ts'

function rig() {
  let now = 1_000_000
  let bytes = 0
  const changes: boolean[] = []
  const hearing = new Hearing({ onChange: (_k, quiet) => changes.push(quiet), now: () => now, manual: true })
  const key = {}
  hearing.track(key, () => bytes)
  return {
    hearing, key, changes,
    /** `n` ticks, each `gap` ms after the previous one. */
    ticks(n: number, gap = TICK_MS) {
      for (let i = 0; i < n; i++) {
        now += gap
        hearing.tick()
      }
    },
    hear() {
      bytes += 17
    },
    get now() {
      return now
    },
  }
}

describe('peer hearing', () => {
  it('marks a peer not heard from after QUIET_MS of silence, and heard again at the next frame', () => {
    const r = rig()
    r.ticks(QUIET_MS / TICK_MS - 1)
    expect(r.hearing.notHeardSince(r.key)).toBeUndefined()
    r.ticks(1)
    expect(r.hearing.notHeardSince(r.key)).toBe(r.now - QUIET_MS)
    expect(r.changes).toEqual([true])
    r.hear()
    r.ticks(1)
    expect(r.hearing.notHeardSince(r.key)).toBeUndefined()
    expect(r.changes).toEqual([true, false])
  })

  it('a peer that speaks at least every keepalive is never quiet', () => {
    const r = rig()
    for (let i = 0; i < 50; i++) {
      r.ticks(2)
      r.hear()
    }
    expect(r.changes).toEqual([])
  })

  it('a stalled observer (one tick 30 s late) declares nobody quiet', () => {
    const r = rig()
    r.ticks(1, 30_000)
    expect(r.hearing.notHeardSince(r.key)).toBeUndefined()
    // The frames that waited in the socket are read after the late timer, then heard.
    r.hear()
    r.ticks(1)
    expect(r.changes).toEqual([])
  })

  it('silence still adds up while the observer is merely slow (every tick late)', () => {
    const r = rig()
    r.ticks(Math.ceil(QUIET_MS / MAX_CREDIT_MS), 5_000)
    expect(r.hearing.notHeardSince(r.key)).toBeDefined()
  })

  it('forgets a peer that is no longer tracked', () => {
    const r = rig()
    r.hearing.untrack(r.key)
    r.ticks(20)
    expect(r.changes).toEqual([])
    expect(r.hearing.notHeardSince(r.key)).toBeUndefined()
  })
})
