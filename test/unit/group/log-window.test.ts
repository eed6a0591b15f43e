/**
 * Reading a run of blocks (log-window.ts): blocks come out in index order, the run stops at the
 * first block not held, skipped indexes are never asked for, a log that grows meanwhile is
 * followed, and READ_AHEAD windows are in flight while the first is handled (with one, the main
 * thread waited on storage for two seconds of a full replay).
 */
import { describe, expect, it } from 'vitest'
import { READ_AHEAD, READ_WINDOW, readRun, type Readable } from '../../../core/group/log-window.ts'

/** A log of `held` blocks whose reads resolve only when `release` is called. */
function slowLog(held: number): Readable & { asked: number[][]; inFlight: number; most: number; release(): void; length: number } {
  const waiting: (() => void)[] = []
  const log = {
    asked: [] as number[][],
    inFlight: 0,
    most: 0,
    length: held,
    get: async (i: number) => (i < log.length ? Uint8Array.of(i & 0xff) : null),
    getMany(indexes: readonly number[]): Promise<(Uint8Array | null)[]> {
      log.asked.push([...indexes])
      log.inFlight++
      log.most = Math.max(log.most, log.inFlight)
      return new Promise((resolve) => waiting.push(() => {
        log.inFlight--
        resolve(indexes.map((i) => (i < log.length ? Uint8Array.of(i & 0xff) : null)))
      }))
    },
    release(): void {
      for (const w of waiting.splice(0)) w()
    },
  }
  return log
}

async function drain(log: ReturnType<typeof slowLog>, run: AsyncGenerator<[number, Uint8Array]>, onBlock?: (i: number) => void): Promise<number[]> {
  const out: number[] = []
  const timer = setInterval(() => log.release(), 1)
  try {
    for await (const [i] of run) {
      out.push(i)
      onBlock?.(i)
    }
  } finally {
    clearInterval(timer)
  }
  return out
}

describe('readRun', () => {
  it('keeps READ_AHEAD windows in flight and gives every block in order', async () => {
    const log = slowLog(READ_WINDOW * 10 + 5)
    const got = await drain(log, readRun(log, 0, () => log.length))
    expect(got).toEqual([...Array(READ_WINDOW * 10 + 5).keys()])
    expect(READ_AHEAD).toBeGreaterThan(1)
    expect(log.most).toBe(READ_AHEAD)
  })

  it('stops at the first block not held and asks nothing past the window holding it', async () => {
    const log = slowLog(1000)
    const end = READ_WINDOW * 20
    const got = await drain(log, readRun(log, 3, () => end))
    expect(got).toEqual([...Array(1000 - 3).keys()].map((i) => i + 3))
    const stopWindow = log.asked.findIndex((w) => w.includes(1000))
    expect(log.asked.length - 1 - stopWindow).toBeLessThan(READ_AHEAD)
  })

  it('leaves skipped indexes out and follows a log that grows while it is read', async () => {
    const log = slowLog(100)
    const skip = new Set([5, 6, 70])
    const got = await drain(log, readRun(log, 0, () => log.length, skip), (i) => {
      if (i === 50) log.length = 300
    })
    expect(got).toEqual([...Array(300).keys()].filter((i) => !skip.has(i)))
    expect(log.asked.flat().some((i) => skip.has(i))).toBe(false)
  })
})

describe('readRun over a log still arriving', () => {
  it('asks storage for no block past the first one not held', async () => {
    // Blocks 0–99 and 200–299 held; 100–199 still to come (a backfill half way).
    const log = slowLog(300)
    const held = (i: number): boolean => i < 100 || i >= 200
    log.get = async (i: number) => (held(i) ? Uint8Array.of(i & 0xff) : null)
    const run = readRun({ get: log.get, getMany: (ix) => (log.getMany as NonNullable<Readable['getMany']>)(ix), heldUntil: (from, end) => { let i = from; while (i < end && held(i)) i++; return i } }, 0, () => log.length)
    const got = await drain(log, run)
    expect(got).toEqual([...Array(100).keys()])
    // Without the bound, READ_AHEAD whole windows past block 100 were read (and each again by `get`).
    expect(Math.max(...log.asked.flat())).toBe(99)
  })
})
