/**
 * Keeper codes, format v1: what a keeper prints when it starts and a facilitator pastes to add it
 * (issue 15). It names the keeper's 32-byte public key, the key members dial it by.
 *
 * Shown as 64 Crockford base32 symbols in sixteen groups of four, joined by '-'. Two blocks of 32
 * symbols, each one an invite-code-style codeword (core/group/invite-checksum.ts):
 *
 *   block 1, symbols  0 … 31:  version (1), key symbols 0 … 25, five check symbols
 *   block 2, symbols 32 … 63:  key symbols 26 … 51, one zero symbol, five check symbols
 *   key symbols: the 256-bit key big-endian, 5 bits each, then 4 zero bits (52 × 5 = 260)
 *
 * Why the invite checksum, twice, and not hypercore-id-encoding's z32: z32 has no check at all, so
 * one mistyped letter names another key, and the member's node would dial a stranger. The invite
 * code's parity check over GF(32) catches every error confined to five symbols with certainty,
 * but it is defined for 32 positions, so a 256-bit key takes two blocks. An error touching at most
 * five symbols of the whole code touches at most five of each block, so it is caught; random text
 * passes both blocks with probability 2^-50. Same alphabet, same forgiving parser rules (case,
 * dashes, spaces, O for 0, I or L for 1) as invite codes, so people meet one kind of code.
 *
 * A keeper's key is public (it is dialled on the DHT), so messages may echo nothing but are not
 * secret; the parser still never repeats its input, since a member might paste the wrong thing.
 */
import { errors } from '../errors.ts'
import { checkSymbols, checksumHolds } from '../group/invite-checksum.ts'
import { bytesToSymbols, readSymbols, showSymbols, symbolsToBytes } from '../group/code-symbols.ts'

export const KEEPER_CODE_VERSION = 1
export const KEEPER_KEY_BYTES = 32
export const KEEPER_CODE_SYMBOLS = 64

const BLOCK_DATA = 27
const MAX_INPUT_CHARS = 600

export function encodeKeeperCode(key: Uint8Array): string {
  if (!(key instanceof Uint8Array) || key.length !== KEEPER_KEY_BYTES) throw errors.INVALID_INPUT(`a keeper key is ${KEEPER_KEY_BYTES} bytes`)
  const k = bytesToSymbols(key)
  const first = [KEEPER_CODE_VERSION, ...k.slice(0, 26)]
  const second = [...k.slice(26), 0]
  return showSymbols([...first, ...checkSymbols(first), ...second, ...checkSymbols(second)])
}

/** The keeper's public key; throws KEEPER_CODE_MALFORMED or KEEPER_CODE_CHECKSUM only. */
export function parseKeeperCode(text: unknown): Uint8Array {
  const s = toSymbols(text)
  if (s.length !== KEEPER_CODE_SYMBOLS) {
    throw errors.KEEPER_CODE_MALFORMED(s.length === 32 ? 'it is as long as an invite code; a keeper code is twice as long' : s.length < KEEPER_CODE_SYMBOLS ? 'it is too short' : 'it is too long')
  }
  const first = s.slice(0, 32)
  const second = s.slice(32)
  if (!checksumHolds(first) || !checksumHolds(second)) throw errors.KEEPER_CODE_CHECKSUM()
  if (first[0] !== KEEPER_CODE_VERSION) throw errors.KEEPER_CODE_MALFORMED('it was made by a newer version of Hearth')
  if (second[26] !== 0) throw errors.KEEPER_CODE_MALFORMED('it was not made by Hearth')
  const key = symbolsToBytes([...first.slice(1, BLOCK_DATA), ...second.slice(0, 26)], KEEPER_KEY_BYTES)
  if (!key) throw errors.KEEPER_CODE_MALFORMED('it was not made by Hearth')
  return key
}

function toSymbols(text: unknown): number[] {
  return readSymbols(text, MAX_INPUT_CHARS, (why) => errors.KEEPER_CODE_MALFORMED(why))
}
