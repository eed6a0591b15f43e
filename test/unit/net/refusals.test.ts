/**
 * The refusal bookkeeping of a group swarm (core/net/refusals.ts): the firewall's answer, the
 * cooldown's end, forgive, and the look again at most once per cooldown. The peer records are
 * stand-ins for Hyperswarm's PeerInfo (only `publicKey` and `ban` are used); the real swarm path
 * is in test/integration/net/hostile-peers.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PeerInfo } from '../../../core/net/holepunch-net.ts'
import { Refusals } from '../../../core/net/refusals.ts'

const COOLDOWN = 30_000

function peer(byte: number): PeerInfo & { banned: boolean } {
  const info = { publicKey: new Uint8Array(32).fill(byte), banned: false, ban(on: boolean) { info.banned = on } }
  return info as unknown as PeerInfo & { banned: boolean }
}

describe('refusals', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup(current = new Map<string, PeerInfo>()) {
    let looks = 0
    const r = new Refusals({ cooldownMs: COOLDOWN, current: (k) => current.get(k), onLifted: () => looks++ })
    return { r, looks: () => looks }
  }

  it('holds a refused key for the cooldown, even after Hyperswarm dropped the record it banned', () => {
    const { r } = setup()
    const a = peer(1)
    r.refuse(a)
    expect(a.banned).toBe(true)
    // A fresh record of the same key (the detached-record case) is still refused by the firewall.
    expect(r.has(new Uint8Array(32).fill(1))).toBe(true)
    expect(r.has(new Uint8Array(32).fill(2))).toBe(false)
    vi.advanceTimersByTime(COOLDOWN - 1)
    expect(r.has(a.publicKey)).toBe(true)
    vi.advanceTimersByTime(1)
    expect(r.has(a.publicKey)).toBe(false)
    expect(a.banned).toBe(false)
  })

  it('a second refusal restarts the cooldown', () => {
    const { r } = setup()
    const a = peer(1)
    r.refuse(a)
    vi.advanceTimersByTime(COOLDOWN - 10)
    r.refuse(a)
    vi.advanceTimersByTime(COOLDOWN - 10)
    expect(r.has(a.publicKey)).toBe(true)
  })

  it('forgive lifts every ban, also the record the firewall made Hyperswarm ban', () => {
    const fresh = peer(1)
    fresh.ban(true)
    const { r } = setup(new Map([[Buffer.from(fresh.publicKey).toString('hex'), fresh]]))
    const a = peer(1)
    const b = peer(2)
    r.refuse(a)
    r.refuse(b)
    expect(r.liftAll()).toBe(true)
    expect([a.banned, b.banned, fresh.banned]).toEqual([false, false, false])
    expect(r.has(a.publicKey) || r.has(b.publicKey)).toBe(false)
    expect(r.liftAll()).toBe(false)
  })

  it('looks the topic up again when a ban ends, at most once per cooldown', () => {
    const { r, looks } = setup()
    vi.advanceTimersByTime(COOLDOWN)
    for (let i = 1; i <= 5; i++) r.refuse(peer(i))
    vi.advanceTimersByTime(COOLDOWN)
    expect(looks()).toBe(1)
    r.refuse(peer(9))
    vi.advanceTimersByTime(COOLDOWN)
    expect(looks()).toBe(2)
  })

  it('close clears the timers and lifts nothing', () => {
    const { r, looks } = setup()
    const a = peer(1)
    r.refuse(a)
    r.close()
    vi.advanceTimersByTime(COOLDOWN)
    expect(looks()).toBe(0)
    expect(a.banned).toBe(true)
    expect(r.has(a.publicKey)).toBe(false)
  })
})
