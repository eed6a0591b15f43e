/**
 * Canonical JSON for signed records: object keys sorted by UTF-16 code unit, no whitespace,
 * only strings, safe integers, booleans, null, arrays and plain objects. The same value always
 * gives the same bytes, so a signature over them means one thing on every peer. Floats, -0,
 * undefined and anything else are refused rather than silently normalised.
 */
import { errors } from '../errors.ts'

export type CanonicalValue = string | number | boolean | null | CanonicalValue[] | { [k: string]: CanonicalValue }

function write(v: unknown, out: string[], depth: number): void {
  if (depth > 32) throw errors.INVALID_INPUT('record is nested too deeply')
  if (v === null || typeof v === 'boolean' || typeof v === 'string') {
    out.push(JSON.stringify(v))
  } else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || Object.is(v, -0)) throw errors.INVALID_INPUT('records hold integers only')
    out.push(String(v))
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v)) throw errors.INVALID_INPUT('records hold no arrays with holes')
    out.push('[')
    v.forEach((x, i) => {
      if (i) out.push(',')
      write(x, out, depth + 1)
    })
    out.push(']')
  } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const keys = Object.keys(v as object).sort()
    out.push('{')
    keys.forEach((k, i) => {
      if (i) out.push(',')
      out.push(JSON.stringify(k), ':')
      write((v as Record<string, unknown>)[k], out, depth + 1)
    })
    out.push('}')
  } else {
    throw errors.INVALID_INPUT('record holds a value that has no canonical form')
  }
}

export function canonicalJson(v: unknown): string {
  const out: string[] = []
  write(v, out, 0)
  return out.join('')
}

export function canonicalBytes(v: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(v))
}
