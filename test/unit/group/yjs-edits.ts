/**
 * Seeded edits of every kind of content Yjs writes (update-clocks.test.ts, update-pieces.test.ts):
 * text with emoji, formats and embeds, maps of every `any` value, nested and XML types, sub-docs,
 * deletions.
 */
import * as Y from 'yjs'
import type { SeededRandom } from '../../helpers/seeded-random.ts'

export const anyValues = (g: SeededRandom): unknown[] => [
  undefined, null, g.int(-1e9, 1e9), -7, 3.25, 2 ** 40, BigInt(g.int(0, 1e6)) * 1_000_000_007n, true, false,
  'plain', 'é ✓ 👩🏽‍🦰 \u{1F600}', { a: 1, b: ['x', { c: null }] }, [1, 'two', [3]], g.bytes(g.int(0, 40)),
]

export function edit(doc: Y.Doc, g: SeededRandom): void {
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
