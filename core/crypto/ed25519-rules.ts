/**
 * The one Ed25519 acceptance rule, applied before either library does any curve arithmetic.
 *
 * Why: governance validity must come out the same on every peer, whichever provider it runs.
 * tweetnacl's verifier accepts signatures that libsodium's refuses (test/unit/crypto proves each):
 *   - S ≥ L: S and S + L verify alike, so anyone can make a second valid signature (malleation);
 *   - a public key of small order, or encoded with y ≥ p: such a key "signs" messages nobody wrote;
 *   - R of small order: lets a key's owner craft signatures that only some verifiers accept.
 * These are plain byte comparisons on public data, so they need no constant-time care.
 *
 * Encodings (RFC 8032 §5.1.2): 32 bytes, little-endian y with the sign of x in the top bit.
 * p = 2^255 - 19, L = 2^252 + 27742317777372353535851937790883648493 (the prime group order).
 */

export const ED25519_POINT_BYTES = 32
export const ED25519_SIGNATURE_BYTES = 64

/** L, little-endian. */
const L = hex('edd3f55c1a631258d69cf7a2def9de14' + '00'.repeat(15) + '10')

/** p, little-endian. */
const P = hex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')

/**
 * The y-coordinates (sign bit cleared) of the eight points of order dividing 8, plus the two
 * non-canonical spellings y = p and y = p + 1 that decode to two of them. The test suite checks
 * with independent big-integer arithmetic that each really has small order.
 */
const SMALL_ORDER_Y: readonly Uint8Array[] = [
  hex('0000000000000000000000000000000000000000000000000000000000000000'), // y = 0: order 4
  hex('0100000000000000000000000000000000000000000000000000000000000000'), // y = 1: the identity
  hex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'), // y = p - 1: order 2
  hex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'), // order 8
  hex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'), // p minus the above: order 8
  hex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'), // y = p ≡ 0
  hex('eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'), // y = p + 1 ≡ 1
]

export type SignatureFault =
  | 'key-length'
  | 'key-non-canonical'
  | 'key-small-order'
  | 'signature-length'
  | 'r-non-canonical'
  | 'r-small-order'
  | 's-not-reduced'

export type KeyFault = Extract<SignatureFault, `key-${string}`>

/** a < b for 32-byte little-endian numbers, looking at the top bit of a only if `withTopBit`. */
function lessThan(a: Uint8Array, b: Uint8Array, withTopBit: boolean): boolean {
  for (let i = 31; i >= 0; i--) {
    const x = i === 31 && !withTopBit ? (a[i] as number) & 0x7f : (a[i] as number)
    const y = b[i] as number
    if (x !== y) return x < y
  }
  return false
}

export function isReducedScalar(s: Uint8Array): boolean {
  return s.length === 32 && lessThan(s, L, true)
}

/** y < p. The sign bit is not part of y; an x = 0 point with the sign bit set is caught as small order. */
export function isCanonicalPoint(encoding: Uint8Array): boolean {
  return encoding.length === ED25519_POINT_BYTES && lessThan(encoding, P, false)
}

export function isSmallOrderPoint(encoding: Uint8Array): boolean {
  if (encoding.length !== ED25519_POINT_BYTES) return false
  return SMALL_ORDER_Y.some((y) => {
    for (let i = 0; i < 31; i++) if (encoding[i] !== y[i]) return false
    return ((encoding[31] as number) & 0x7f) === y[31]
  })
}

export function publicKeyFault(publicKey: Uint8Array): KeyFault | null {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_POINT_BYTES) return 'key-length'
  if (!isCanonicalPoint(publicKey)) return 'key-non-canonical'
  if (isSmallOrderPoint(publicKey)) return 'key-small-order'
  return null
}

/** null when the rule admits the pair and only the curve equation is left to check. */
export function signatureFault(signature: Uint8Array, publicKey: Uint8Array): SignatureFault | null {
  const keyFault = publicKeyFault(publicKey)
  if (keyFault) return keyFault
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_BYTES) return 'signature-length'
  const r = signature.subarray(0, 32)
  if (!isCanonicalPoint(r)) return 'r-non-canonical'
  if (isSmallOrderPoint(r)) return 'r-small-order'
  if (!isReducedScalar(signature.subarray(32, 64))) return 's-not-reduced'
  return null
}

function hex(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, 'hex'))
}
