/**
 * The newcomer's wait for a planned log's blocks (core/group/quiet-watch.ts): it lasts while the
 * blocks it counts keep arriving, ends after a quiet spell, ends at the cap however they trickle,
 * and once over no wait waits. The session is an EventEmitter stand-in for Hypercore's 'download'
 * event; the timers are fake.
 */
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CAP_MS, QUIET_MS, QuietWatch } from '../../../core/group/quiet-watch.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'

afterEach(() => void vi.useRealTimers())

const never = (): Promise<void> => new Promise<void>(() => undefined)
type Session = EventEmitter & Pick<HypercoreSession, 'on' | 'off'>
const session = (): Session => new EventEmitter() as Session

async function ended(p: Promise<void>): Promise<boolean> {
  let done = false
  void p.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('waiting for a tail that arrives slowly', () => {
  it('waits past the quiet bound while blocks keep coming', async () => {
    vi.useFakeTimers()
    const s = session()
    const watch = new QuietWatch(s, 2100)
    const wait = watch.until(never())
    // 2,000 blocks over 40 s (a loaded machine): one every 20 ms, never a quiet spell.
    for (let i = 0; i < 2000; i++) {
      await vi.advanceTimersByTimeAsync(20)
      s.emit('download', 100 + i, 400)
    }
    expect(await ended(wait)).toBe(false)
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1)
    expect(await ended(wait)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await ended(wait)).toBe(true)
    expect(watch.isOver).toBe(true)
    expect(s.listenerCount('download')).toBe(0)
  })

  it('counts only blocks below the length it began with: new blocks do not hold it open', async () => {
    vi.useFakeTimers()
    const s = session()
    const wait = new QuietWatch(s, 200).until(never())
    for (let t = 0; t < QUIET_MS; t += 1000) {
      await vi.advanceTimersByTimeAsync(1000)
      s.emit('download', 500 + t, 400)
    }
    expect(await ended(wait)).toBe(true)
  })

  it('ends at the cap when a writer trickles one block just inside the quiet bound', async () => {
    vi.useFakeTimers()
    const s = session()
    const wait = new QuietWatch(s, 1_000_000).until(never())
    let t = 0
    while (t + QUIET_MS - 1 < CAP_MS) {
      await vi.advanceTimersByTimeAsync(QUIET_MS - 1)
      t += QUIET_MS - 1
      s.emit('download', t, 400)
    }
    expect(await ended(wait)).toBe(false)
    // The quiet bound would end it only at t + QUIET_MS, past the cap: the cap ends it.
    await vi.advanceTimersByTimeAsync(CAP_MS - t)
    expect(await ended(wait)).toBe(true)
  })

  it('is one bound across waits: once over, later waits end at once', async () => {
    vi.useFakeTimers()
    const s = session()
    const watch = new QuietWatch(s, 100)
    const first = watch.until(never())
    await vi.advanceTimersByTimeAsync(QUIET_MS)
    expect(await ended(first)).toBe(true)
    expect(await ended(watch.until(never()))).toBe(true)
    // A failure past the bound is not waited for either (and not left unhandled).
    expect(await ended(watch.until(Promise.reject(new Error('closed'))))).toBe(true)
  })

  it('ends a wait as soon as its blocks are here, and passes a failure on while it lasts', async () => {
    vi.useFakeTimers()
    const s = session()
    const watch = new QuietWatch(s, 10)
    expect(await ended(watch.until(Promise.resolve()))).toBe(true)
    await expect(watch.until(Promise.reject(new Error('closed')))).rejects.toThrow('closed')
    watch.close()
    expect(s.listenerCount('download')).toBe(0)
  })
})

describe('quiet time between waits', () => {
  it('counts from each new wait: the caller’s own work between waits is not the writer’s silence', async () => {
    vi.useFakeTimers()
    const s = session()
    const watch = new QuietWatch(s, 100)
    await watch.until(Promise.resolve())
    // The caller reads an index and waits for the other logs' suffixes: 9 s with nothing asked.
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1000)
    const wait = watch.until(never())
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1)
    expect(await ended(wait)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await ended(wait)).toBe(true)
  })
})
