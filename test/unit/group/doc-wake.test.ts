/**
 * Resting docs woken in slices (doc-set.ts `wakeInSlices`, doc-wake.ts): one doc state per
 * macrotask, the docs still resting (nothing half-woken to read) until all come back at once, an
 * update kept meanwhile applied after them, and a read in the middle finishing the wake from the
 * same states. Real DocSet and Y.Docs; the write authority is a stub (this is the doc set alone).
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { DocSet } from '../../../core/group/doc-set.ts'
import { WAKE_SLICE_BYTES } from '../../../core/group/doc-wake.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import type { WriteAuthority } from '../../../core/model/write-rule.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { hex } from './support.ts'

const rnd = seededRandom(testSeed())
const ids = Array.from({ length: 6 }, () => hex(rnd.bytes(32)))
const log = hex(rnd.bytes(32))
/** Every log speaks for the member whose doc it writes: the rule passes, the doc set is what is tested. */
const auth = (member: string): WriteAuthority => ({ knowsLog: () => true, memberForBlock: () => member, roleForBlock: () => 'member', writersOf: () => [] })
const turn = (): Promise<void> => new Promise((r) => setImmediate(r))

/** A doc set holding a few words in each member's doc, let go onto its own states. */
function restingSet(): { set: DocSet; states: Map<string, Uint8Array>; reads: () => number } {
  const set = new DocSet()
  for (const id of ids) set.doc(memberDocId(id)).getText('t').insert(0, `words of ${id.slice(0, 6)} `.repeat(50))
  const states = set.snapshot()
  let reads = 0
  expect(set.rest(() => (reads++, states))).toBe(true)
  return { set, states, reads: () => reads }
}

const contents = (set: DocSet): string[] => ids.map((id) => set.doc(memberDocId(id)).getText('t').toString())

describe('a wake in slices', () => {
  it('builds one doc per turn while the docs still rest, then gives them all back with what was kept', async () => {
    const { set, states } = restingSet()
    const late = new Y.Doc()
    Y.applyUpdate(late, states.get(memberDocId(ids[0] as string)) as Uint8Array)
    const before = Y.encodeStateVector(late)
    late.getText('t').insert(0, 'kept while resting. ')
    expect(set.applyBlock(auth(ids[0] as string), log, 7, memberDocId(ids[0] as string), Y.encodeStateAsUpdate(late, before))).not.toBeNull()

    let restingTurns = 0
    let done = false
    const waking = set.wakeInSlices().then(() => (done = true))
    expect(set.woken).not.toBeNull()
    while (!done) {
      if (set.isResting) restingTurns++
      await turn()
    }
    await waking
    // One turn at least per doc state: no single task applied them all.
    expect(restingTurns).toBeGreaterThanOrEqual(states.size)
    expect(set.isResting).toBe(false)
    expect(set.woken).toBeNull()
    expect(contents(set)[0]).toMatch(/^kept while resting\. words of/)
    for (const [id, state] of states) if (id !== memberDocId(ids[0] as string)) expect(Y.encodeStateAsUpdate(set.doc(id))).toEqual(state)
  })

  it('is finished at once by a read in the middle, from the same states', async () => {
    const { set, states, reads } = restingSet()
    const { set: other } = restingSet()
    const waking = set.wakeInSlices()
    await turn()
    await turn()
    expect(set.isResting).toBe(true)
    // A read that cannot wait: every doc at once, from the states the wake already read.
    const text = contents(set)
    expect(set.isResting).toBe(false)
    await waking
    other.wake()
    expect(text).toEqual(contents(other))
    expect([...states.keys()].every((id) => set.has(id))).toBe(true)
    expect(reads()).toBe(1)
  })

  it('never rejects: a wake that cannot read its states leaves the docs resting and damaged', async () => {
    const set = new DocSet()
    set.doc(memberDocId(ids[0] as string)).getText('t').insert(0, 'x')
    set.rest(() => {
      throw new Error('the checkpoint changed')
    })
    await expect(set.wakeInSlices()).resolves.toBeUndefined()
    expect(set.isResting).toBe(true)
    expect(set.damaged).toBe(true)
  })

  it('stops when the set is let go meanwhile', async () => {
    const { set } = restingSet()
    const waking = set.wakeInSlices()
    await turn()
    set.destroy()
    await waking
    expect(set.isResting).toBe(false)
    expect(set.has(memberDocId(ids[0] as string))).toBe(false)
  })

  it('applies a large doc state over several turns, the doc whole only once all are in', async () => {
    const set = new DocSet()
    const id = memberDocId(ids[0] as string)
    const words = set.doc(id).getMap<string>('words')
    set.doc(id).transact(() => {
      for (let i = 0; i < 3000; i++) words.set(i.toString(16).padStart(16, '0'), `post ${i} `.repeat(30))
    })
    const states = set.snapshot()
    expect(states.get(id)?.length).toBeGreaterThan(3 * WAKE_SLICE_BYTES)
    set.rest(() => states)
    let restingTurns = 0
    let done = false
    const waking = set.wakeInSlices().then(() => (done = true))
    while (!done) {
      if (set.isResting) restingTurns++
      await turn()
    }
    await waking
    // At least three pieces of one doc, each in a turn of its own.
    expect(restingTurns).toBeGreaterThanOrEqual(3)
    expect(Buffer.from(Y.encodeStateAsUpdate(set.doc(id))).equals(states.get(id) as Uint8Array)).toBe(true)
  })
})
