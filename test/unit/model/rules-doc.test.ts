/**
 * Ground rules: append-only versions, a current() that survives malformed entries from a rules
 * writer's doc, and convergence when two facilitators set rules at once.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { RulesDoc, rulesHash } from '../../../core/model/rules-doc.ts'
import { LIMITS } from '../../../core/model/vocabulary.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf, memberIds } from './support.ts'

const rnd = seededRandom(testSeed())
const [fay, gus] = memberIds(rnd, 2) as [string, string]

function exchange(a: Y.Doc, b: Y.Doc): void {
  const ua = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const ub = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, ua)
  Y.applyUpdate(a, ub)
}

describe('RulesDoc', () => {
  it('has no current rules before any were set', () => {
    expect(new RulesDoc(new Y.Doc()).current()).toBeNull()
  })

  it('appends versions numbered from 1 and keeps the old ones', () => {
    const r = new RulesDoc(new Y.Doc())
    expect(r.set('Be kind.', fay, 10)).toBe(1)
    expect(r.set('Be kind. Keep it here.', gus, 20)).toBe(2)
    expect(r.current()).toEqual({ version: 2, text: 'Be kind. Keep it here.', at: 20, by: gus, hash: rulesHash('Be kind. Keep it here.') })
    expect(r.versions.toArray()).toEqual([{ text: 'Be kind.', at: 10, by: fay }, { text: 'Be kind. Keep it here.', at: 20, by: gus }])
  })

  it('refuses empty and over-long rules without appending', () => {
    const r = new RulesDoc(new Y.Doc())
    expect(codeOf(() => r.set(' \n ', fay, 1))).toBe('INVALID_INPUT')
    expect(codeOf(() => r.set('x'.repeat(LIMITS.rulesText + 1), fay, 1))).toBe('INVALID_INPUT')
    expect(r.versions.length).toBe(0)
    expect(r.set('x'.repeat(LIMITS.rulesText), fay, 1)).toBe(1)
  })

  it('skips malformed entries in current() but keeps their numbers', () => {
    const r = new RulesDoc(new Y.Doc())
    r.set('Version one.', fay, 1)
    const bad: unknown[] = [
      null, 'a string', 42, [],
      { text: 7, at: 2, by: fay },
      { text: 'no time', by: fay },
      { text: 'NaN time', at: Number.NaN, by: fay },
      { text: 'infinite time', at: Number.POSITIVE_INFINITY, by: fay },
      { text: 'no author', at: 2 },
      { text: 'x'.repeat(LIMITS.rulesText + 1), at: 2, by: fay },
      new Y.Map(),
    ]
    for (const b of bad) {
      r.versions.push([b])
      expect(r.current()).toEqual({ version: 1, text: 'Version one.', at: 1, by: fay, hash: rulesHash('Version one.') })
    }
    r.versions.push([{ text: 'Version after the junk.', at: 3, by: fay }])
    expect(r.current()?.version).toBe(bad.length + 2)
  })

  it('is null when every entry is malformed', () => {
    const r = new RulesDoc(new Y.Doc())
    r.versions.push([{ text: 1 }, null])
    expect(r.current()).toBeNull()
  })

  it('converges on the same current rules after two facilitators set them at once', () => {
    for (let round = 0; round < 20; round++) {
      const a = new RulesDoc(new Y.Doc())
      a.set('Shared start.', fay, 1)
      const b = new RulesDoc(new Y.Doc())
      exchange(a.doc, b.doc)
      a.set(`Fay's rules ${round}`, fay, 2)
      b.set(`Gus's rules ${round}`, gus, 2)
      exchange(a.doc, b.doc)
      expect(a.current()).toEqual(b.current())
      expect(a.current()?.version).toBe(3)
      expect(a.versions.toJSON()).toEqual(b.versions.toJSON())
    }
  })
})

describe('acceptance names the words, not the number', () => {
  it('a writer who deletes and re-adds cannot make an old acceptance cover new text', () => {
    const r = new RulesDoc(new Y.Doc())
    r.set('Original rules the member read.', 'a'.repeat(64), 1)
    const accepted = r.current()?.hash
    r.versions.delete(0, 1)
    r.set('Different rules nobody accepted.', 'b'.repeat(64), 2)
    expect(r.current()?.version).toBe(1)
    expect(r.current()?.hash).not.toBe(accepted)
    expect(rulesHash('Original rules the member read.')).toBe(accepted)
  })
})
