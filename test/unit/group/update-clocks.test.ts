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
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'

const seed = testSeed()
console.log(`update-clocks: HEARTH_TEST_SEED=${seed}`)
const r = seededRandom(seed)

const anyValues = (g: SeededRandom): unknown[] => [
  undefined, null, g.int(-1e9, 1e9), -7, 3.25, 2 ** 40, BigInt(g.int(0, 1e6)) * 1_000_000_007n, true, false,
  'plain', 'é ✓ 👩🏽‍🦰 \u{1F600}', { a: 1, b: ['x', { c: null }] }, [1, 'two', [3]], g.bytes(g.int(0, 40)),
]

function edit(doc: Y.Doc, g: SeededRandom): void {
  const text = doc.getText('text')
  const map = doc.getMap('map')
  const arr = doc.getArray<unknown>('arr')
  const xml = doc.getXmlFragment('xml')
  switch (g.int(0, 9)) {
    case 0: text.insert(g.int(0, text.length), g.pick(['a', 'hé', '👍🏾 ok', '\u{10FFFF}', 'long '.repeat(g.int(1, 30))])); break
    case 1: if (text.length > 2) text.delete(g.int(0, text.length - 2), g.int(1, 2)); break
    case 2: if (text.length > 1) text.format(0, g.int(1, text.length), { bold: g.int(0, 1) === 1 }); text.insertEmbed(g.int(0, text.length), { image: 'x.png' }); break
    case 3: map.set(`k${g.int(0, 5)}`, g.pick(anyValues(g))); break
    case 4: arr.insert(arr.length, anyValues(g).filter((v) => v !== undefined && typeof v !== 'bigint' && g.int(0, 2) === 0)); break // Yjs arrays take neither undefined nor bigint
    case 5: { const inner = new Y.Map<unknown>(); inner.set('t', new Y.Text('nested')); arr.push([inner, new Y.Array()]); break }
    case 6: { const el = new Y.XmlElement('p'); el.insert(0, [new Y.XmlText('hi 👋')]); el.setAttribute('class', 'c'); xml.insert(0, [el, new Y.XmlHook('hook') as unknown as Y.XmlElement]); break } // a hook: a fragment child Yjs writes (its typings omit it)
    case 7: map.set('sub', new Y.Doc({ guid: `g${g.int(0, 9)}`, meta: { m: 1 } })); break
    case 8: if (arr.length > 1) arr.delete(0, 1); break
    case 9: map.delete(`k${g.int(0, 5)}`); break
  }
}

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
