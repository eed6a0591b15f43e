/**
 * Shared test helpers for the crypto suite: hex, bit flips, coded-error matching, and a tiny
 * big-integer model of edwards25519 used only to check constants independently of either library.
 */
import { expect } from 'vitest'
import { isHearthError } from '../../../core/errors.ts'
import type { ErrorCode } from '../../../core/api.ts'

export function hex(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'))
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex')
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) { out.set(p, at); at += p.length }
  return out
}

export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = Uint8Array.from(bytes)
  out[bit >> 3] = (out[bit >> 3] as number) ^ (1 << (bit & 7))
  return out
}

/** Every bit position, or `count` distinct positions drawn with `int` when there are more. */
export function bitPositions(totalBits: number, count: number, int: (min: number, max: number) => number): number[] {
  if (totalBits <= count) return Array.from({ length: totalBits }, (_, i) => i)
  const picked = new Set<number>()
  while (picked.size < count) picked.add(int(0, totalBits - 1))
  return [...picked]
}

export function expectCode(fn: () => unknown, code: ErrorCode): void {
  let thrown: unknown
  try { fn() } catch (e) { thrown = e }
  expect(isHearthError(thrown), `expected HearthError ${code}, got ${String(thrown)}`).toBe(true)
  expect((thrown as { code: string }).code).toBe(code)
}

export function leToBig(b: Uint8Array): bigint {
  let x = 0n
  for (let i = b.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(b[i] as number)
  return x
}

export function bigToLe(x: bigint, n = 32): Uint8Array {
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i++) { out[i] = Number(x & 0xffn); x >>= 8n }
  return out
}

export const p = 2n ** 255n - 19n
export const L = 2n ** 252n + 27742317777372353535851937790883648493n

const mod = (a: bigint): bigint => ((a % p) + p) % p
function pow(b: bigint, e: bigint): bigint {
  let r = 1n
  b = mod(b)
  while (e > 0n) { if (e & 1n) r = mod(r * b); b = mod(b * b); e >>= 1n }
  return r
}
const inv = (a: bigint): bigint => pow(a, p - 2n)
const d = mod(-121665n * inv(121666n))
const sqrtM1 = pow(2n, (p - 1n) / 4n)

export interface Pt { x: bigint; y: bigint }
export const IDENTITY: Pt = { x: 0n, y: 1n }

/** RFC 8032 §5.1.3 decoding, but reducing y mod p instead of refusing y ≥ p (libraries that accept it do this). */
export function decodeLoose(enc: Uint8Array): Pt | null {
  const sign = (enc[31] as number) >> 7
  const y = mod(leToBig(enc) & ((1n << 255n) - 1n))
  const x2 = mod((y * y - 1n) * inv(d * y * y + 1n))
  if (x2 === 0n) return { x: 0n, y }
  let x = pow(x2, (p + 3n) / 8n)
  if (mod(x * x - x2) !== 0n) x = mod(x * sqrtM1)
  if (mod(x * x - x2) !== 0n) return null
  if (Number(x & 1n) !== sign) x = mod(-x)
  return { x, y }
}

export function encode(P: Pt): Uint8Array {
  const out = bigToLe(P.y)
  out[31] = (out[31] as number) | (Number(P.x & 1n) << 7)
  return out
}

export function add(P: Pt, Q: Pt): Pt {
  const t = mod(d * P.x * Q.x * P.y * Q.y)
  return {
    x: mod((P.x * Q.y + P.y * Q.x) * inv(1n + t)),
    y: mod((P.y * Q.y + P.x * Q.x) * inv(1n - t)),
  }
}

export function mul(k: bigint, P: Pt): Pt {
  let R = IDENTITY
  let A = P
  while (k > 0n) { if (k & 1n) R = add(R, A); A = add(A, A); k >>= 1n }
  return R
}

export const same = (P: Pt, Q: Pt): boolean => P.x === Q.x && P.y === Q.y

/** Montgomery u of an Edwards point: u = (1 + y) / (1 - y). */
export function edwardsToU(P: Pt): bigint {
  return mod((1n + P.y) * inv(1n - P.y))
}
