/**
 * The symbols every code a person copies is written in: invite codes (invite-code.ts) and keeper
 * codes (core/keeper/keeper-code.ts), so people meet one kind of code.
 *
 * Crockford base32 (0123456789ABCDEFGHJKMNPQRSTVWXYZ, 5 bits each; no I, L, O or U, so nothing
 * reads two ways), shown in groups of four joined by '-'. Bytes are packed big-endian, the last
 * symbol padded with zero bits.
 *
 * Reading forgives what people do to codes: any case, spaces, dashes and line breaks anywhere
 * (Unicode dashes, no-break and zero-width spaces, full-width forms via NFKC), surrounding quotes
 * and whitespace, and O for 0, I or L for 1. Errors come from the caller's own factory, and their
 * messages never echo the input, which may be a secret.
 */
import type { HearthError } from '../errors.ts'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const GROUP = 4

const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]))
VALUE.set('O', 0).set('I', 1).set('L', 1)

const EDGES = /^[\s"'`“”‘’‚„«»‹›]+|[\s"'`“”‘’‚„«»‹›]+$/gu
const SEPARATORS = /[\s\u00ad\u200b-\u200d\u2060\-‐‑‒–—―−]/gu

/** Symbol values (0–31) as the text people see: groups of four joined by '-'. */
export function showSymbols(values: number[]): string {
  const text = values.map((v) => ALPHABET[v]).join('')
  const groups: string[] = []
  for (let i = 0; i < text.length; i += GROUP) groups.push(text.slice(i, i + GROUP))
  return groups.join('-')
}

/** The symbol values of what a person typed or pasted; anything else throws `malformed(why)`. */
export function readSymbols(text: unknown, maxChars: number, malformed: (why: string) => HearthError): number[] {
  if (typeof text !== 'string') throw malformed('it is not text')
  if (text.length > maxChars) throw malformed('it is far too long')
  const compact = text.normalize('NFKC').replace(EDGES, '').replace(SEPARATORS, '')
  if (compact === '') throw malformed('it is empty')
  const out: number[] = []
  for (const ch of compact.replace(/[a-z]/g, (c) => c.toUpperCase())) {
    const v = VALUE.get(ch)
    if (v === undefined) throw malformed('codes use only digits and letters, and never U')
    out.push(v)
  }
  return out
}

/** Bytes as 5-bit symbols, big-endian; the last symbol's spare bits are zero. */
export function bytesToSymbols(bytes: Uint8Array): number[] {
  const out: number[] = []
  let acc = 0
  let bits = 0
  for (const byte of bytes) {
    acc = (acc << 8) | byte
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out.push((acc >> bits) & 31)
    }
    acc &= (1 << bits) - 1
  }
  if (bits > 0) out.push((acc << (5 - bits)) & 31)
  return out
}

/** `length` bytes back from their symbols; null when the count is wrong or a padding bit is set
 * (well formed, but not a code Hearth writes). */
export function symbolsToBytes(symbols: number[], length: number): Uint8Array | null {
  if (symbols.length !== Math.ceil((length * 8) / 5)) return null
  const out = new Uint8Array(length)
  let acc = 0
  let bits = 0
  let n = 0
  for (const v of symbols) {
    acc = (acc << 5) | v
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out[n++] = (acc >> bits) & 0xff
    }
    acc &= (1 << bits) - 1
  }
  return acc === 0 && n === length ? out : null
}
