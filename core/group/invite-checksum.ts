/**
 * The check symbols of an invite code (./invite-code.ts): a parity check over GF(32), one field
 * element per Crockford base32 symbol.
 *
 * Construction (v1): a code is 32 symbols c_0 … c_31, each a value 0…31 read as an element of
 * GF(2^5) = GF(2)[x] / (x^5 + x^2 + 1). Position j is given the field element whose bit pattern
 * is j, so the 32 positions get 32 distinct elements a_j (a_0 = 0). A code is valid when
 *     for i = 0 … 4:   Σ_j c_j · a_j^i = 0        (0^0 = 1)
 * The last five symbols are chosen to make that hold (a 5×5 Vandermonde system, solved with a
 * fixed inverse built once at load).
 *
 * Why this and not BLAKE2b or Crockford's mod-37 symbol:
 *   - Any five columns of that parity matrix form a Vandermonde matrix on distinct elements, which
 *     is invertible, so no non-zero error touching 5 or fewer symbols can satisfy the checks.
 *     Every single substitution (1 symbol) and every adjacent transposition (2 symbols) is caught
 *     with certainty, as are two typos at once, a jump transposition, and so on.
 *   - Anything worse than that (a garbled line, a code from elsewhere) passes with probability
 *     32^-5 = 2^-25, because the five checks map codes evenly onto GF(32)^5.
 *   - A truncated hash gives the 2^-25 but no certainty: some codes would have a one-letter typo
 *     that slips through. Mod 37 gives certainty for one typo but needs five extra symbols
 *     (* ~ $ = U) that are awkward to say aloud, and catches random errors only 36 times in 37.
 */

/** Symbols in a v1 code, and how many of them are check symbols. */
export const CODE_SYMBOLS = 32
export const CHECK_SYMBOLS = 5
const DATA_SYMBOLS = CODE_SYMBOLS - CHECK_SYMBOLS

/** x^5 + x^2 + 1, primitive: the powers of x run through all 31 non-zero elements. */
const MODULUS = 0b100101

const EXP = new Uint8Array(62)
const LOG = new Uint8Array(32)
for (let i = 0, v = 1; i < 31; i++) {
  EXP[i] = EXP[i + 31] = v
  LOG[v] = i
  v <<= 1
  if (v & 32) v ^= MODULUS
}

function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : (EXP[(LOG[a] as number) + (LOG[b] as number)] as number)
}

function gfInv(a: number): number {
  return EXP[(31 - (LOG[a] as number)) % 31] as number
}

function gfPow(a: number, e: number): number {
  if (e === 0) return 1
  return a === 0 ? 0 : (EXP[((LOG[a] as number) * e) % 31] as number)
}

/** POWERS[i][j] = a_j^i: row i of the parity-check matrix. */
const POWERS: readonly Uint8Array[] = Array.from({ length: CHECK_SYMBOLS }, (_, i) =>
  Uint8Array.from({ length: CODE_SYMBOLS }, (_, j) => gfPow(j, i)))

/** Inverse of the 5×5 block of the parity matrix on the check positions, by Gauss-Jordan. */
const SOLVE: readonly Uint8Array[] = (() => {
  const m: Uint8Array[] = Array.from({ length: CHECK_SYMBOLS }, (_, i) => {
    const row = new Uint8Array(2 * CHECK_SYMBOLS)
    for (let k = 0; k < CHECK_SYMBOLS; k++) row[k] = (POWERS[i] as Uint8Array)[DATA_SYMBOLS + k] as number
    row[CHECK_SYMBOLS + i] = 1
    return row
  })
  for (let col = 0; col < CHECK_SYMBOLS; col++) {
    const pivot = m.findIndex((r, i) => i >= col && r[col] !== 0)
    const p = m[pivot] as Uint8Array
    m[pivot] = m[col] as Uint8Array
    m[col] = p
    const scale = gfInv(p[col] as number)
    for (let k = 0; k < p.length; k++) p[k] = gfMul(p[k] as number, scale)
    for (const r of m) {
      if (r === p || r[col] === 0) continue
      const f = r[col] as number
      for (let k = 0; k < r.length; k++) r[k] = (r[k] as number) ^ gfMul(f, p[k] as number)
    }
  }
  return m.map((r) => r.slice(CHECK_SYMBOLS))
})()

/** The five sums; all zero exactly when the checks hold. Positions past `symbols.length` count as 0. */
function syndromes(symbols: ArrayLike<number>): Uint8Array {
  const s = new Uint8Array(CHECK_SYMBOLS)
  for (let i = 0; i < CHECK_SYMBOLS; i++) {
    const row = POWERS[i] as Uint8Array
    let acc = 0
    for (let j = 0; j < symbols.length; j++) acc ^= gfMul(symbols[j] as number, row[j] as number)
    s[i] = acc
  }
  return s
}

/** The five check symbols for 27 data symbols (version, then the secret). */
export function checkSymbols(data: ArrayLike<number>): number[] {
  if (data.length !== DATA_SYMBOLS) throw new RangeError(`expected ${DATA_SYMBOLS} data symbols`)
  const s = syndromes(data)
  // Over GF(2^k) subtraction is addition, so the checks need Σ check_k · a^i = s_i.
  return SOLVE.map((row) => {
    let acc = 0
    for (let i = 0; i < CHECK_SYMBOLS; i++) acc ^= gfMul(row[i] as number, s[i] as number)
    return acc
  })
}

/** True when all 32 symbols satisfy the checks. */
export function checksumHolds(symbols: ArrayLike<number>): boolean {
  return symbols.length === CODE_SYMBOLS && syndromes(symbols).every((x) => x === 0)
}
