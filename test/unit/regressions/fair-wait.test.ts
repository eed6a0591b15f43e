/**
 * Waits on progress are bounded in fair-share time, not wall time (test/helpers/fair-time.ts): each
 * stretch of wall time counts at the share of a core the load leaves a process. On two busy cores
 * (the suite runs under a CPU hog by rule) a fixed wall bound cut correct but slow steps: the
 * failure's mechanism was the test's clock. A wait whose child is idle or hung still ends, at the
 * wall-time hang guard. A call's answer is bounded by the child's CPU time from the call on, not
 * from the child's start (child.ts `{ cpuMs }`).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnTs, type Child } from '../../helpers/child.ts'
import { FairClock, untilFair } from '../../helpers/fair-time.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

/** A clock's source whose time and share the test sets. */
function source(share: number): { now: () => number; share: () => number; at: number; s: number } {
  const src = { at: 0, s: share, now: () => src.at, share: () => src.s }
  return src
}

describe('a fair-share clock', () => {
  it('counts wall time at the share the load leaves', () => {
    const src = source(0.25)
    const clock = new FairClock(1_000, 60_000, src)
    src.at = 3_900
    expect(clock.over()).toBe(false) // 975 ms fair
    src.at = 4_100
    expect(clock.over()).toBe(true) // 1,025 ms fair
  })

  it('counts each stretch at the share of its end, so a load that falls speeds it up', () => {
    const src = source(0.1)
    const clock = new FairClock(1_000, 60_000, src)
    src.at = 5_000
    expect(clock.over()).toBe(false) // 500 fair
    src.s = 1
    src.at = 5_400
    expect(clock.over()).toBe(false) // 900
    src.at = 5_600
    expect(clock.over()).toBe(true) // 1,100
  })

  it('ends at the wall-time hang guard however little share there was', () => {
    const src = source(0.001)
    const clock = new FairClock(1_000, 60_000, src)
    src.at = 59_999
    expect(clock.over()).toBe(false)
    src.at = 60_000
    expect(clock.over()).toBe(true)
    expect(clock.describe()).toMatch(/hang guard/)
  })

  it('keeps the guard at least twice the budget', () => {
    expect(new FairClock(100_000).guardMs).toBe(200_000)
    expect(new FairClock(1_000).guardMs).toBe(120_000)
  })
})

describe('untilFair', () => {
  it('resolves once the probe is true and rejects past the budget, naming the wait', async () => {
    let n = 0
    await expect(untilFair(() => ++n === 3, 60_000, 'three looks', { everyMs: 1 })).resolves.toBeUndefined()
    await expect(untilFair(() => false, 50, 'never', { everyMs: 5 })).rejects.toThrow(/never: not met within/)
  })

  it('tries a throwing probe again by default, and fails at once when asked not to', async () => {
    let n = 0
    await expect(untilFair(() => { if (++n < 3) throw new Error('not yet'); return true }, 60_000, 'retry', { everyMs: 1 })).resolves.toBeUndefined()
    await expect(untilFair(() => { throw new Error('bad probe') }, 60_000, 'no retry', { everyMs: 1, retry: false })).rejects.toThrow('bad probe')
  })
})

const tempDir = useTempDirs()
const children: Child[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.proc.kill('SIGKILL')
})

describe('a CPU-bounded wait mid-life', () => {
  it('counts only the CPU the child spends during the wait, not before it', async () => {
    // Works over a second of its own CPU (its start-up included), says so, then idles 1 s and
    // answers: a budget of 0.8 s counted from the child's start would fail the answer; counted
    // from the wait, the answer is in it.
    const file = path.join(tempDir(), 'child.mjs')
    writeFileSync(file, "const cpu = () => { const u = process.cpuUsage(); return u.user + u.system }; let x = 0; while (cpu() < 1_000_000) for (let i = 0; i < 1e6; i++) x += i; console.log('worked', x > 0); setTimeout(() => console.log('answer'), 1_000)")
    const child = spawnTs(file, [])
    children.push(child)
    await child.waitForLine((l) => l.startsWith('worked'))
    await expect(child.waitForLine((l) => l === 'answer', { cpuMs: 800 })).resolves.toBe('answer')
  }, 120_000)

  it('still ends a child that keeps working during the wait', async () => {
    const file = path.join(tempDir(), 'child.mjs')
    writeFileSync(file, "console.log('up'); setTimeout(() => { for (;;) {} }, 10)")
    const child = spawnTs(file, [])
    children.push(child)
    await child.waitForLine((l) => l === 'up')
    await expect(child.waitForLine((l) => l === 'answer', { cpuMs: 1_000 })).rejects.toThrow(/of the child's own CPU time/)
  }, 120_000)

  it('a fair-share bound ends a wait on a child that never answers', async () => {
    const file = path.join(tempDir(), 'child.mjs')
    writeFileSync(file, "console.log('up'); setInterval(() => {}, 1_000)")
    const child = spawnTs(file, [])
    children.push(child)
    await child.waitForLine((l) => l === 'up')
    await expect(child.waitForLine((l) => l === 'answer', { fairMs: 300 })).rejects.toThrow(/no line within 300 ms of fair-share time/)
  }, 120_000)
})
