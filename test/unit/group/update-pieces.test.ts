/**
 * A doc state cut into pieces (update-pieces.ts) builds, applied piece by piece in order, the doc
 * the whole state builds: the same content, the same state bytes, nothing left pending; for every
 * kind of content Yjs writes, several writers (structs whose origins are another writer's),
 * deletions with and without GC, and budgets from one byte to more than the state. Bytes the
 * cutter cannot walk are given whole, for Yjs to judge as before.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updatePieces } from '../../../core/group/update-pieces.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { edit } from './yjs-edits.ts'

const seed = testSeed()
console.log(`update-pieces: HEARTH_TEST_SEED=${seed}`)
const r = seededRandom(seed)

function built(pieces: Iterable<Uint8Array>, gc: boolean): Y.Doc {
  const doc = new Y.Doc({ gc })
  for (const p of pieces) Y.applyUpdate(doc, p)
  return doc
}

/** A map's entries by key (the order a Y.Map iterates in follows integration), a sub-doc as its guid. */
const json = (m: Y.Map<unknown>): string => JSON.stringify(Object.entries(m.toJSON()).sort(([a], [b]) => (a < b ? -1 : 1)), (_, v: unknown) => (v instanceof Y.Doc ? `doc ${v.guid}` : typeof v === 'bigint' ? `${v}n` : v))

/** What Yjs makes of updates given in order: the state it ends with, and whether one was refused. */
function outcome(updates: Iterable<Uint8Array>): { refused: boolean; state: Uint8Array } {
  const doc = new Y.Doc()
  try {
    for (const u of updates) Y.applyUpdate(doc, u)
    return { refused: false, state: Y.encodeStateAsUpdate(doc) }
  } catch {
    return { refused: true, state: new Uint8Array(0) }
  }
}

describe('a doc state in pieces', () => {
  it('builds the doc the whole state builds, for any budget', () => {
    let cut = 0
    for (let round = 0; round < 16; round++) {
      const gc = round % 2 === 0
      const docs = [0, 1, 2].map(() => new Y.Doc({ gc }))
      for (let step = 0; step < 80; step++) {
        const d = r.pick(docs)
        edit(d, r)
        if (r.int(0, 3) === 0) for (const other of docs) if (other !== d) Y.applyUpdate(other, Y.encodeStateAsUpdate(d))
      }
      const state = Y.encodeStateAsUpdate(docs[0] as Y.Doc)
      const whole = built([state], gc)
      for (const budget of [1, 7, 64, 300, 4096, state.length + 1]) {
        const pieces = [...updatePieces(state, budget)]
        if (pieces.length > 1) cut++
        const doc = built(pieces, gc)
        const at = `round ${round} budget ${budget}`
        expect(doc.store.pendingStructs, at).toBeNull()
        expect(doc.store.pendingDs, at).toBeNull()
        expect(Y.encodeStateAsUpdate(doc), at).toEqual(Y.encodeStateAsUpdate(whole))
        expect(doc.getText('text').toDelta(), at).toEqual(whole.getText('text').toDelta())
        expect(json(doc.getMap('map')), at).toEqual(json(whole.getMap('map')))
        expect(doc.getArray('arr').toJSON(), at).toEqual(whole.getArray('arr').toJSON())
        expect(doc.getXmlFragment('xml').toString(), at).toEqual(whole.getXmlFragment('xml').toString())
        // No piece holds much more than the budget: one struct past it at most.
        if (budget >= 300) for (const p of pieces.slice(0, -1)) expect(p.length, at).toBeLessThan(budget + 2048)
      }
    }
    expect(cut).toBeGreaterThan(50)
  })

  it('cuts a member doc of a thousand posts into pieces near the budget', () => {
    const doc = new Y.Doc()
    const posts = doc.getMap<Y.Map<unknown>>('posts')
    for (let i = 0; i < 1000; i++) doc.transact(() => {
      const m = new Y.Map<unknown>()
      posts.set(i.toString(16).padStart(16, '0'), m)
      m.set('text', `post ${i} ${'words '.repeat(i % 40)}`)
      m.set('createdAt', i)
    })
    posts.delete((7).toString(16).padStart(16, '0'))
    const state = Y.encodeStateAsUpdate(doc)
    const pieces = [...updatePieces(state, 16 * 1024)]
    expect(pieces.length).toBeGreaterThanOrEqual(Math.floor(state.length / (16 * 1024)))
    expect(Y.encodeStateAsUpdate(built(pieces, true))).toEqual(state)
  })

  it('gives bytes it cannot walk whole, for Yjs to judge', () => {
    const doc = new Y.Doc()
    for (let step = 0; step < 40; step++) edit(doc, r)
    const state = Y.encodeStateAsUpdate(doc)
    const unknownContent = Uint8Array.of(1, 1, 5, 0, 31)
    expect([...updatePieces(unknownContent, 1)]).toEqual([unknownContent])
    for (let n = 0; n < state.length; n += 3) {
      const short = state.subarray(0, n)
      const pieces = [...updatePieces(short, 50)]
      // Cut short in the structs: given whole after the pieces walked. In the delete set: the
      // structs in pieces, the delete set as it is. Either way Yjs refuses what it refused whole.
      expect(outcome(pieces).refused, `cut at ${n}`).toBe(outcome([short]).refused)
    }
  })
})
