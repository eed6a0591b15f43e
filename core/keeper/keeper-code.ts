/**
 * Keeper codes, format v2: what a keeper prints when it starts and a facilitator pastes to add it
 * (issue 15). It names the keeper's 32-byte public key, the key members dial it by, and its
 * 16-byte registration secret, without which the keeper takes on no new group (keeper-wire.ts).
 *
 * Shown as 96 Crockford base32 symbols in 24 groups of four, joined by '-'. Three blocks of 32
 * symbols, each one an invite-code-style codeword (core/group/invite-checksum.ts):
 *
 *   block 1, symbols  0 … 31:  version (2), data symbols 0 … 25, five check symbols
 *   block 2, symbols 32 … 63:  data symbols 26 … 52, five check symbols
 *   block 3, symbols 64 … 95:  data symbols 53 … 76, three zero symbols, five check symbols
 *   data symbols: key (32 bytes) || registration secret (16 bytes), big-endian, 5 bits each,
 *                 then one zero bit (77 × 5 = 385)
 *
 * Version 1 (two blocks, the key alone) is refused with a plain word: a keeper prints v2 since
 * the registration secret exists, and no group was deployed with a v1 code.
 *
 * Why the invite checksum, per block, and not hypercore-id-encoding's z32: z32 has no check at
 * all, so one mistyped letter names another key, and the member's node would dial a stranger. The
 * invite code's parity check over GF(32) catches every error confined to five symbols with
 * certainty, but it is defined for 32 positions, so 48 bytes take three blocks. An error touching
 * at most five symbols of the whole code touches at most five of each block, so it is caught;
 * random text passes all three blocks with probability 2^-75. Same alphabet, same forgiving parser
 * rules (case, dashes, spaces, O for 0, I or L for 1) as invite codes, so people meet one kind of code.
 *
 * The code is no longer public: its registration secret lets whoever holds it make the keeper hold
 * a group. Facilitators paste it into `keeper.add`, which is sealed like all governance, so the
 * group's members can read it and nobody else; the parser never repeats its input.
 */
import { errors } from '../errors.ts'
import { checkSymbols, checksumHolds } from '../group/invite-checksum.ts'
import { bytesToSymbols, readSymbols, showSymbols, symbolsToBytes } from '../group/code-symbols.ts'

export const KEEPER_CODE_VERSION = 2
export const KEEPER_KEY_BYTES = 32
export const KEEPER_REGISTER_BYTES = 16
export const KEEPER_CODE_SYMBOLS = 96

const BLOCK = 32
const DATA_SYMBOLS = 77
const MAX_INPUT_CHARS = 800

export interface KeeperCode {
  /** the keeper's public key */
  key: Uint8Array
  /** its registration secret: what lets a group be taken on (keeper-wire.ts) */
  register: Uint8Array
}

export function encodeKeeperCode(code: KeeperCode): string {
  const { key, register } = code
  if (!(key instanceof Uint8Array) || key.length !== KEEPER_KEY_BYTES) throw errors.INVALID_INPUT(`a keeper key is ${KEEPER_KEY_BYTES} bytes`)
  if (!(register instanceof Uint8Array) || register.length !== KEEPER_REGISTER_BYTES) throw errors.INVALID_INPUT(`a keeper registration secret is ${KEEPER_REGISTER_BYTES} bytes`)
  const d = bytesToSymbols(Uint8Array.from([...key, ...register]))
  const blocks = [[KEEPER_CODE_VERSION, ...d.slice(0, 26)], d.slice(26, 53), [...d.slice(53), 0, 0, 0]]
  return showSymbols(blocks.flatMap((b) => [...b, ...checkSymbols(b)]))
}

/** The keeper's key and registration secret; throws KEEPER_CODE_MALFORMED or KEEPER_CODE_CHECKSUM only. */
export function parseKeeperCode(text: unknown): KeeperCode {
  const s = toSymbols(text)
  if (s.length !== KEEPER_CODE_SYMBOLS) {
    const why = s.length === 32 ? 'it is as long as an invite code; a keeper code is three times as long'
      : s.length === 64 ? 'it was made by an older version of Hearth; ask the keeper’s operator for its code again'
        : s.length < KEEPER_CODE_SYMBOLS ? 'it is too short' : 'it is too long'
    throw errors.KEEPER_CODE_MALFORMED(why)
  }
  const blocks = [s.slice(0, BLOCK), s.slice(BLOCK, 2 * BLOCK), s.slice(2 * BLOCK)]
  if (!blocks.every((b) => checksumHolds(b))) throw errors.KEEPER_CODE_CHECKSUM()
  const [first = [], second = [], third = []] = blocks
  if (first[0] !== KEEPER_CODE_VERSION) throw errors.KEEPER_CODE_MALFORMED(first[0] === 1 ? 'it was made by an older version of Hearth' : 'it was made by a newer version of Hearth')
  if (third.slice(24, 27).some((v) => v !== 0)) throw errors.KEEPER_CODE_MALFORMED('it was not made by Hearth')
  const data = [...first.slice(1, 27), ...second.slice(0, 27), ...third.slice(0, 24)]
  const bytes = data.length === DATA_SYMBOLS ? symbolsToBytes(data, KEEPER_KEY_BYTES + KEEPER_REGISTER_BYTES) : null
  if (!bytes) throw errors.KEEPER_CODE_MALFORMED('it was not made by Hearth')
  return { key: bytes.slice(0, KEEPER_KEY_BYTES), register: bytes.slice(KEEPER_KEY_BYTES) }
}

function toSymbols(text: unknown): number[] {
  return readSymbols(text, MAX_INPUT_CHARS, (why) => errors.KEEPER_CODE_MALFORMED(why))
}
