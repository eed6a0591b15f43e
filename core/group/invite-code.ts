/**
 * Invite codes (DESIGN.md §3.4), format v1: what a member reads aloud, pastes or shows as a QR code.
 *
 * Shown as 32 Crockford base32 symbols (0123456789ABCDEFGHJKMNPQRSTVWXYZ, 5 bits each) in eight
 * groups of four, joined by '-':            1HWX-5SM7-1P93-SC0Z-TDSE-MRES-A34G-VKVW
 *
 *   symbol   0        version: 1
 *   symbols  1 … 26   the 128-bit secret, big-endian, then 2 zero bits (26 × 5 = 130 bits)
 *   symbols 27 … 31   check symbols over symbols 0 … 26 (./invite-checksum.ts): any error
 *                     confined to five symbols is caught, so every single substitution and every
 *                     adjacent transposition is; random text passes with probability 2^-25
 *
 * Rule for every version: the alphabet is the same and symbol 0 is the version. A reader can
 * therefore tell "made by a newer Hearth" (INVITE_VERSION) from "typo" (INVITE_CHECKSUM) before
 * it knows the rest of the layout, which a newer version is free to change. The one catch is a
 * typo in symbol 0 itself, which would look like a new version: an unknown version is reported as
 * a v1 mistake when one edit at the front (a wrong, swapped, missing or extra first symbol) makes
 * it a valid v1 code. A future version must never produce a string for which that holds.
 *
 * No "HRTH" or other brand prefix: codes travel in text messages on phones an abuser may check,
 * and a string that names the app says what it is for. Groups of four are short enough to read
 * aloud and hold in mind; Crockford's alphabet drops I, L, O and U so nothing reads two ways.
 *
 * Parsing forgives what people do to codes: any case, spaces, dashes and line breaks anywhere
 * (including Unicode dashes, no-break and zero-width spaces, full-width forms via NFKC),
 * surrounding quotes and whitespace, and O for 0, I or L for 1. It throws only HearthErrors
 * INVITE_MALFORMED, INVITE_CHECKSUM or INVITE_VERSION, and messages never echo the input, which
 * may be a secret (a whole code, or a passphrase pasted into the wrong box).
 *
 * Key lifetime: the secret is as powerful as the invite until the invite is used up, expires or
 * is revoked. Strings cannot be wiped, so the code string lives as briefly as the UI allows.
 */
import { errors, type HearthError } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { CODE_SYMBOLS, checkSymbols, checksumHolds } from './invite-checksum.ts'
import { bytesToSymbols, readSymbols, showSymbols, symbolsToBytes } from './code-symbols.ts'

export const INVITE_CODE_VERSION = 1
export const INVITE_SECRET_BYTES = 16
export const INVITE_CODE_SYMBOLS = CODE_SYMBOLS

const SECRET_SYMBOLS = 26
/** Far longer than any code with generous spacing; bounds the work done on hostile input. */
const MAX_INPUT_CHARS = 400

export interface ParsedInvite {
  version: typeof INVITE_CODE_VERSION
  /** 16 bytes */
  secret: Uint8Array
}

/** A fresh secret from the OS random source. */
export function generateInviteSecret(): Uint8Array {
  return randomBytes(INVITE_SECRET_BYTES)
}

export function encodeInviteCode(secret: Uint8Array): string {
  if (!(secret instanceof Uint8Array) || secret.length !== INVITE_SECRET_BYTES) {
    throw errors.INVALID_INPUT(`an invite secret is ${INVITE_SECRET_BYTES} bytes`)
  }
  const data = [INVITE_CODE_VERSION, ...bytesToSymbols(secret)]
  return showSymbols([...data, ...checkSymbols(data)])
}

export function parseInviteCode(text: string): ParsedInvite {
  const symbols = toSymbols(text)
  if (symbols[0] !== INVITE_CODE_VERSION) throw notVersionOne(symbols)
  if (symbols.length !== CODE_SYMBOLS) {
    throw errors.INVITE_MALFORMED(symbols.length < CODE_SYMBOLS ? 'it is too short' : 'it is too long')
  }
  if (!checksumHolds(symbols)) throw errors.INVITE_CHECKSUM()
  const secret = symbolsToBytes(symbols.slice(1, 1 + SECRET_SYMBOLS), INVITE_SECRET_BYTES)
  // Unreachable by typing: the checks passed, so this string was built to fool them.
  if (!secret) throw errors.INVITE_MALFORMED('it was not made by Hearth')
  return { version: INVITE_CODE_VERSION, secret }
}

function toSymbols(text: unknown): number[] {
  return readSymbols(text, MAX_INPUT_CHARS, (why) => errors.INVITE_MALFORMED(why))
}

/** Version 0 never existed; anything else is newer, unless it is a v1 code with a slip at the front. */
function notVersionOne(symbols: number[]): HearthError {
  const [first = 0, second = 0, ...rest] = symbols
  const candidates = [
    [INVITE_CODE_VERSION, second, ...rest], // first symbol mistyped
    [second, first, ...rest], // first two swapped
    [INVITE_CODE_VERSION, ...symbols], // first symbol lost in copying
    [second, ...rest], // a stray symbol in front
  ]
  for (const c of candidates) {
    if (c[0] === INVITE_CODE_VERSION && checksumHolds(c)) {
      return symbols.length === CODE_SYMBOLS
        ? errors.INVITE_CHECKSUM('check the first characters')
        : errors.INVITE_MALFORMED('check the start of the code was copied exactly')
    }
  }
  if (first === 0) return errors.INVITE_MALFORMED('it does not start like an invite code')
  return errors.INVITE_VERSION(`version ${first}`)
}
