/**
 * Canonical JSON is what governance signatures cover, so one value must have exactly one byte
 * form, and anything without an unambiguous form must be refused rather than normalised.
 */
import { describe, expect, it } from 'vitest'
import { canonicalBytes, canonicalJson } from '../../../core/group/canonical-json.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'

const rnd = seededRandom(testSeed())

function nest(depth: number, leaf: unknown, wrap: (v: unknown) => unknown): unknown {
  let v = leaf
  for (let i = 0; i < depth; i++) v = wrap(v)
  return v
}

/** A random JSON-safe value whose keys were inserted in random order. */
function randomValue(depth: number): unknown {
  const kind = depth > 3 ? rnd.int(0, 3) : rnd.int(0, 5)
  switch (kind) {
    case 0: return rnd.int(-1000, 1000)
    case 1: return rnd.pick(['', 'a', 'ä', '😀', '"\\\n', '\u0000'])
    case 2: return rnd.pick([true, false])
    case 3: return null
    case 4: return Array.from({ length: rnd.int(0, 3) }, () => randomValue(depth + 1))
    default: {
      const o: Record<string, unknown> = {}
      for (let i = rnd.int(0, 4); i > 0; i--) o[rnd.pick(['a', 'b', 'B', '10', '2', 'é', '😀', 'z'])] = randomValue(depth + 1)
      return o
    }
  }
}

function shuffledCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shuffledCopy)
  if (v && typeof v === 'object') {
    const entries = Object.entries(v)
    for (let i = entries.length - 1; i > 0; i--) {
      const j = rnd.int(0, i)
      ;[entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]]
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, shuffledCopy(x)]))
  }
  return v
}

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code unit at every depth and writes no whitespace', () => {
    const v = { b: 1, a: { z: [{ y: 1, x: 2 }], m: null }, '10': true, '2': 'two', B: 'upper' }
    expect(canonicalJson(v)).toBe('{"10":true,"2":"two","B":"upper","a":{"m":null,"z":[{"x":2,"y":1}]},"b":1}')
    // U+FFFF sorts after U+1F600 by code point but before it by UTF-16 code unit (0xD83D).
    expect(canonicalJson({ '\uffff': 1, '😀': 2 })).toBe('{"😀":2,"\uffff":1}')
  })

  it('writes scalars the way JSON.stringify does', () => {
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson(true)).toBe('true')
    expect(canonicalJson(0)).toBe('0')
    expect(canonicalJson(-17)).toBe('-17')
    expect(canonicalJson(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991')
    expect(canonicalJson('a"b\\c\n\u0001')).toBe(JSON.stringify('a"b\\c\n\u0001'))
    expect(canonicalJson('\ud800')).toBe('"\\ud800"')
    expect(canonicalJson([])).toBe('[]')
    expect(canonicalJson({})).toBe('{}')
  })

  it('gives the same bytes for the same value however its keys were inserted', () => {
    for (let i = 0; i < 200; i++) {
      const v = randomValue(0)
      const bytes = canonicalBytes(v)
      expect(canonicalBytes(shuffledCopy(v))).toEqual(bytes)
      expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(v)
      expect(canonicalJson(JSON.parse(canonicalJson(v)))).toBe(canonicalJson(v))
    }
  })

  it('encodes as UTF-8', () => {
    expect(Array.from(canonicalBytes('é'))).toEqual([0x22, 0xc3, 0xa9, 0x22])
  })

  class Point { constructor(readonly x = 1) {} }
  it.each([
    ['a float', 1.5],
    ['negative zero', -0],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 53],
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a bigint', 1n],
    ['a class instance', new Point()],
    ['a Map', new Map([['a', 1]])],
    ['a Set', new Set([1])],
    ['a Date', new Date(0)],
    ['a byte array', new Uint8Array([1])],
    ['a float inside an object', { a: { b: 0.1 } }],
    ['negative zero in an array', [1, -0]],
    ['undefined as an object value', { a: undefined }],
    ['undefined in an array', [undefined]],
    ['a function as an object value', { f: () => 1 }],
    ['a class instance in an array', [new Point()]],
    ['a Map deep inside', { a: [{ b: new Map() }] }],
  ])('refuses %s', (_what, v) => {
    expect(codeOf(() => canonicalJson(v))).toBe('INVALID_INPUT')
  })

  it('allows nesting to depth 32 and refuses anything deeper', () => {
    const arr = (v: unknown): unknown => [v]
    const obj = (v: unknown): unknown => ({ k: v })
    expect(codeOf(() => canonicalJson(nest(32, 0, arr)))).toBe('OK')
    expect(codeOf(() => canonicalJson(nest(33, 0, arr)))).toBe('INVALID_INPUT')
    expect(codeOf(() => canonicalJson(nest(32, 'x', obj)))).toBe('OK')
    expect(codeOf(() => canonicalJson(nest(33, 'x', obj)))).toBe('INVALID_INPUT')
    expect(codeOf(() => canonicalJson(nest(10_000, 0, arr)))).toBe('INVALID_INPUT')
  })

  it('refuses a cycle instead of overflowing the stack', () => {
    const o: Record<string, unknown> = {}
    o.self = o
    expect(codeOf(() => canonicalJson(o))).toBe('INVALID_INPUT')
  })
})
