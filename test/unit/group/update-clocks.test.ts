/**
 * update-clocks.ts must give exactly Y.parseUpdateMeta's `to` for every update Yjs reads, and
 * null (never a smaller clock: that would skip a checkpoint's own content) for bytes Yjs cannot
 * read. Docs are built from a seeded schedule of every kind of content Yjs writes: text with
 * emoji, formats and embeds, maps of every `any` value, nested and XML types, sub-docs, deletions
 * with and without GC, several writers, and merged updates with gaps (Skip structs).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateEnds, updateReach } from '../../../core/group/update-clocks.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { edit } from './yjs-edits.ts'

const seed = testSeed()
console.log(`update-clocks: HEARTH_TEST_SEED=${seed}`)
const r = seededRandom(seed)

/** The update `fn` makes to a doc holding one map entry. */
function updateOn(fn: (d: Y.Doc) => void): Uint8Array {
  const d = new Y.Doc()
  d.getMap('m').set('k', 1)
  const before = Y.encodeStateVector(d)
  fn(d)
  return Y.encodeStateAsUpdate(d, before)
}

function metaTo(update: Uint8Array): Map<number, number> | 'throws' {
  try {
    return Y.parseUpdateMeta(update).to
  } catch {
    return 'throws'
  }
}

/** Y.decodeUpdate's delete set as flat (client, clock, length) triples, in the order it is written. */
function yjsDeletes(update: Uint8Array): number[] {
  const out: number[] = []
  for (const [client, items] of Y.decodeUpdate(update).ds.clients) for (const d of items) out.push(client, d.clock, d.len)
  return out
}

describe('how far an update reaches, per client', () => {
  it('is what Y.parseUpdateMeta says, for whole states, single edits and merges with gaps', () => {
    for (let round = 0; round < 12; round++) {
      const docs = [0, 1, 2].map(() => new Y.Doc({ gc: round % 2 === 0 }))
      const edits: Uint8Array[] = []
      docs[0]?.on('update', (u: Uint8Array) => edits.push(u))
      for (let step = 0; step < 60; step++) {
        const d = r.pick(docs)
        edit(d, r)
        if (r.int(0, 4) === 0) for (const other of docs) if (other !== d) Y.applyUpdate(other, Y.encodeStateAsUpdate(d))
      }
      const updates = [
        ...docs.map((d) => Y.encodeStateAsUpdate(d)),
        ...edits,
        Y.mergeUpdates(edits.filter((_, i) => i % 3 !== 1)), // gaps: Skip structs
        Y.diffUpdate(Y.encodeStateAsUpdate(docs[1] as Y.Doc), Y.encodeStateVector(docs[2] as Y.Doc)),
      ]
      for (const u of updates) expect(updateEnds(u), `round ${round}`).toEqual(metaTo(u))
      for (const u of updates) expect(updateReach(u)?.deletes, `round ${round}`).toEqual(yjsDeletes(u))
    }
  })

  it('is null for bytes Yjs cannot read, never a smaller reach', () => {
    const doc = new Y.Doc()
    for (let step = 0; step < 40; step++) edit(doc, r)
    const whole = Y.encodeStateAsUpdate(doc)
    for (let n = 0; n < whole.length; n++) {
      const cut = whole.subarray(0, n)
      const yjs = metaTo(cut)
      expect(updateEnds(cut), `cut at ${n}`).toEqual(yjs === 'throws' ? null : yjs)
    }
    for (let i = 0; i < 300; i++) {
      const bad = Uint8Array.from(whole)
      bad[r.int(0, bad.length - 1)] = r.int(0, 255)
      const mine = updateEnds(bad)
      const yjs = metaTo(bad)
      if (yjs === 'throws') continue // either answer is safe: the update is applied through Yjs, which refuses it
      if (mine === null) continue // Yjs itself then judges the update
      for (const [client, clock] of yjs) expect(mine.get(client) ?? -1, `byte flip ${i}`).toBeGreaterThanOrEqual(clock)
    }
    expect(updateEnds(Uint8Array.of(1, 1, 5, 0, 4, 3, 0xff, 0xfe, 0x41))).toBeNull() // not UTF-8
    expect(updateEnds(Uint8Array.of(1, 1, 5, 0, 31))).toBeNull() // no such content
    // a delete set cut short: the reach is unknown, so nothing is taken as held (held-whole.ts)
    const ds = updateOn((d) => d.getMap('m').delete('k'))
    expect(updateReach(ds)?.deletes.length).toBe(3)
    for (let n = 0; n < ds.length; n++) expect(updateReach(ds.subarray(0, n)), `cut at ${n}`).toBeNull()
  })
})
