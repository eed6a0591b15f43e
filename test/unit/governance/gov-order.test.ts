import { describe, expect, it } from 'vitest'
import { governanceOrder, type Placed } from '../../../core/group/gov-order.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const ev = (id: string, logKey: string, index: number, seen: Record<string, number> = {}): Placed => ({ id, logKey, index, seen })

function shuffled<T>(xs: T[], rnd: ReturnType<typeof seededRandom>): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

describe('governance order', () => {
  it('puts an event after everything its author saw, and after earlier events of its own log', () => {
    const genesis = ev('ff', 'A', 0)
    const admitB = ev('ee', 'A', 1)
    const bFirst = ev('00', 'B', 0, { A: 2 })
    const aLater = ev('01', 'A', 2, { B: 1 })
    expect(governanceOrder([aLater, bFirst, admitB, genesis]).map((e) => e.id)).toEqual(['ff', 'ee', '00', '01'])
  })

  it('orders concurrent events by id', () => {
    const g = ev('99', 'A', 0)
    const x = ev('b0', 'B', 0, { A: 1 })
    const y = ev('a0', 'C', 0, { A: 1 })
    expect(governanceOrder([x, y, g]).map((e) => e.id)).toEqual(['99', 'a0', 'b0'])
  })

  it('gives every peer the same order whatever the arrival order', () => {
    const rnd = seededRandom(testSeed())
    const logs = ['A', 'B', 'C', 'D']
    const events: Placed[] = []
    const lengths: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 }
    for (let n = 0; n < 60; n++) {
      const log = rnd.pick(logs)
      const seen: Record<string, number> = {}
      for (const other of logs) if (other !== log && rnd.next() < 0.5) seen[other] = rnd.int(0, lengths[other] as number)
      events.push(ev(Buffer.from(rnd.bytes(8)).toString('hex'), log, lengths[log] as number, seen))
      lengths[log] = (lengths[log] as number) + 1
    }
    const reference = governanceOrder(events).map((e) => e.id)
    expect(reference).toHaveLength(60)
    for (let i = 0; i < 20; i++) expect(governanceOrder(shuffled(events, rnd)).map((e) => e.id), `seed ${rnd.seed}`).toEqual(reference)
    const pos = new Map(reference.map((id, i) => [id, i]))
    for (const b of events) {
      for (const a of events) {
        const causal = (a.logKey === b.logKey && a.index < b.index) || (b.seen[a.logKey] ?? 0) > a.index
        if (causal) expect(pos.get(a.id) as number).toBeLessThan(pos.get(b.id) as number)
      }
    }
  })

  it('keeps duplicates once and is not stalled by a forged cycle or a claim to have seen the future', () => {
    const a = ev('0a', 'A', 0, { B: 1 })
    const b = ev('0b', 'B', 0, { A: 1 })
    const future = ev('0c', 'C', 0, { A: 99 })
    const out = governanceOrder([a, b, future, a]).map((e) => e.id)
    expect(out.sort()).toEqual(['0a', '0b', '0c'])
  })

  it('puts an event that cuts a log before every event that log carries at or past the cut-off', () => {
    const g = ev('99', 'A', 0)
    const victimBefore = ev('01', 'B', 0, { A: 1 })
    const victimAfter = ev('00', 'B', 1, { A: 1 })
    const cutter: Placed = { ...ev('ff', 'A', 1, { B: 1 }), cuts: { B: 1 } }
    expect(governanceOrder([victimAfter, cutter, victimBefore, g]).map((e) => e.id)).toEqual(['99', '01', 'ff', '00'])
    // without the cut the concurrent event with the smaller id would go first
    expect(governanceOrder([victimAfter, { ...cutter, cuts: {} }, victimBefore, g]).map((e) => e.id)).toEqual(['99', '01', '00', 'ff'])
  })

  it('breaks a cycle of mutual cut-offs by id, never releasing an event before what its author saw', () => {
    const g = ev('99', 'A', 0)
    const aCutsB: Placed = { ...ev('b0', 'A', 1, { B: 0 }), cuts: { B: 0 } }
    const bCutsA: Placed = { ...ev('a0', 'B', 0, { A: 1 }), cuts: { A: 1 } }
    // A third member saw both removals; its id is the smallest of all.
    const later = ev('00', 'C', 0, { A: 2, B: 1 })
    for (const order of [[later, aCutsB, bCutsA, g], [g, bCutsA, later, aCutsB]]) {
      expect(governanceOrder(order).map((e) => e.id)).toEqual(['99', 'a0', 'b0', '00'])
    }
  })
})
