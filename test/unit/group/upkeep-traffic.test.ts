/**
 * Upkeep waits for the network to be quiet too (core/group/traffic-clock.ts): a due checkpoint
 * and a due first screen do not run while blocks go out or come in, run once traffic has been
 * quiet for TRAFFIC_QUIET_MS, and run at their cap however long the traffic lasts. The first test
 * checks, on real Hypercores in real Corestores, the event the clock hangs on: a session that
 * listens for `upload` is told of each block a peer fetches from it (what a member serving a
 * newcomer does, and changes nothing in the group), and that the log store's replication sessions
 * tell the registry's hook of it. The schedule tests use fake timers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { CheckpointSchedule, CHECKPOINT_QUIET_MS } from '../../../core/group/checkpoint-schedule.ts'
import { FirstScreens, FIRST_SCREEN_QUIET_MS, FIRST_SCREEN_TRAFFIC_CAP_MS, type ScreenHost } from '../../../core/group/first-screen.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { TrafficClock, TRAFFIC_QUIET_MS } from '../../../core/group/traffic-clock.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { LogStore } from '../../../core/store/log-store.ts'
import { link, useCorestores } from '../../helpers/corestores.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

afterEach(() => void vi.useRealTimers())
const newStore = useCorestores()
const tempDir = useTempDirs()
const space = {} as GroupSpace

/** Blocks go out every 100 ms for `ms` (a newcomer being served). */
async function serve(clock: TrafficClock, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    clock.saw()
    await vi.advanceTimersByTimeAsync(100)
  }
}

describe('the traffic clock', () => {
  it('hears every block a peer fetches from a session, though nothing in the log changed', async () => {
    const kp = fastProvider.signKeyPairFromSeed(seededRandom(testSeed()).bytes(32))
    const writer = newStore().get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } }) as HypercoreSession & { append(b: Uint8Array, o: { keyPair: typeof kp }): Promise<unknown> }
    await writer.ready()
    for (let i = 0; i < 5; i++) await writer.append(Buffer.from(`block ${i}`), { keyPair: kp })
    const reader = newStore().get({ key: writer.key as Uint8Array })
    await reader.ready()
    let now = 0
    const clock = new TrafficClock(() => now)
    const uploads: number[] = []
    writer.on('upload', (i) => (uploads.push(i), clock.saw()))
    now = 5_000
    expect(clock.waitFor()).toBe(0)
    const cut = link(writer, reader)
    try {
      await reader.download({ start: 0, end: 5 }).done()
    } finally {
      cut()
    }
    expect(uploads.sort()).toEqual([0, 1, 2, 3, 4])
    expect(clock.waitFor()).toBe(TRAFFIC_QUIET_MS)
    now += TRAFFIC_QUIET_MS
    expect(clock.waitFor()).toBe(0)
  })
})

describe('the log store', () => {
  it('tells its traffic hook of each block a replication session serves', async () => {
    const store = await LogStore.open(tempDir(), new Uint8Array(32).fill(7))
    try {
      const own = await store.openDeviceLog('own')
      const groupKey = new Uint8Array(32).fill(9)
      for (let i = 0; i < 3; i++) await own.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: 'member/x', payload: Uint8Array.of(i) }, groupKey))
      const key = store.keyFor('own')
      let heard = 0
      store.onTraffic = () => void heard++
      const ours = await store.replicationSession(key)
      const reader = newStore().get({ key })
      await reader.ready()
      const cut = link(ours, reader)
      try {
        await reader.download({ start: 0, end: 3 }).done()
      } finally {
        cut()
      }
      expect(heard).toBeGreaterThanOrEqual(3)
    } finally {
      await store.close()
    }
  })
})

describe('a due checkpoint', () => {
  // Fake timers; a checkpoint just became due. `due` lists when it was sealed.
  function dueNow(): { clock: TrafficClock; due: number[]; schedule: CheckpointSchedule; start: number } {
    vi.useFakeTimers()
    const clock = new TrafficClock()
    const due: number[] = []
    const schedule = new CheckpointSchedule(() => due.push(Date.now()), clock)
    const start = Date.now()
    schedule.whenQuiet('g', space)
    return { clock, due, schedule, start }
  }

  it('waits while blocks are served, and is sealed once traffic has been quiet', async () => {
    const { clock, due, start } = dueNow()
    await serve(clock, 10_000)
    expect(due).toEqual([])
    await vi.advanceTimersByTimeAsync(TRAFFIC_QUIET_MS - 100 - 1)
    expect(due).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(due).toEqual([start + 10_000 + TRAFFIC_QUIET_MS - 100])
  })

  it('is sealed at its cap however long the serving goes on', async () => {
    const { clock, due, start } = dueNow()
    await serve(clock, 40_000)
    expect(due).toEqual([start + 30_000])
  })

  it('without traffic, is sealed once the group is quiet, as before', async () => {
    const { due, start } = dueNow()
    await vi.advanceTimersByTimeAsync(CHECKPOINT_QUIET_MS)
    expect(due).toEqual([start + CHECKPOINT_QUIET_MS])
  })

  it('a lock seals it at once, traffic or not, and nothing waits on after it', async () => {
    const { clock, due, schedule } = dueNow()
    await serve(clock, 5_000)
    const flushed: string[] = []
    schedule.flush((id) => flushed.push(id))
    expect(flushed).toEqual(['g'])
    // The traffic wait's timer went with the flush: no second seal after the lock.
    await vi.advanceTimersByTimeAsync(60_000)
    expect(due).toEqual([])
  })
})

describe('a due first screen', () => {
  // The host answers "not open", so a fired keep writes nothing: only its timing is looked at.
  // Fake timers; the group has just changed.
  function changed(): { clock: TrafficClock; opened: string[]; s: FirstScreens } {
    vi.useFakeTimers()
    const clock = new TrafficClock()
    const opened: string[] = []
    const s = new FirstScreens({ traffic: clock, isOpen: (id: string) => (opened.push(id), false) } as unknown as ScreenHost)
    s.changed('g', space)
    return { clock, opened, s }
  }

  it('waits while blocks come in, and is kept once traffic has been quiet', async () => {
    const { clock, opened, s } = changed()
    await serve(clock, 8_000)
    expect(s.pending('g')).toBe(true)
    expect(opened).toEqual([])
    await vi.advanceTimersByTimeAsync(TRAFFIC_QUIET_MS)
    expect(s.pending('g')).toBe(false)
    expect(opened).toEqual(['g'])
  })

  it('is kept at its cap however long the traffic lasts', async () => {
    const { clock, opened } = changed()
    await serve(clock, FIRST_SCREEN_QUIET_MS + FIRST_SCREEN_TRAFFIC_CAP_MS - 100)
    expect(opened).toEqual([])
    await serve(clock, 200)
    expect(opened).toEqual(['g'])
  })

  it('a change while it waits for quiet traffic starts its wait again', async () => {
    const { clock, opened, s } = changed()
    await serve(clock, 3_000)
    s.changed('g', space)
    await vi.advanceTimersByTimeAsync(FIRST_SCREEN_QUIET_MS - 1)
    expect(opened).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(opened).toEqual(['g'])
    expect(s.pending('g')).toBe(false)
  })
})
