/**
 * Keeper codes (core/keeper/keeper-code.ts): round trip, a pinned example, what people do to codes,
 * and that no typo of up to five symbols ever names another key.
 */
import { describe, expect, it } from 'vitest'
import { encodeKeeperCode as encodeCode, parseKeeperCode, KEEPER_CODE_SYMBOLS } from '../../../core/keeper/keeper-code.ts'
import { encodeInviteCode } from '../../../core/group/invite-code.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const seed = testSeed()
const rnd = seededRandom(seed)
/** A code for `key` with a registration secret from the same seeded stream. */
const encodeKeeperCode = (key: Uint8Array, register: Uint8Array = rnd.bytes(16)): string => encodeCode({ key, register })
const keyOf = (text: unknown): Uint8Array => parseKeeperCode(text).key
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const code = (err: () => unknown): string | undefined => {
  try {
    err()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return undefined
}

describe(`keeper codes (seed ${seed})`, () => {
  it('round-trips any key and registration secret, in 24 groups of 4', () => {
    for (let n = 0; n < 300; n++) {
      const key = rnd.bytes(32)
      const register = rnd.bytes(16)
      const text = encodeKeeperCode(key, register)
      expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){23}[0-9A-HJKMNP-TV-Z]{4}$/)
      const back = parseKeeperCode(text)
      expect(Buffer.from(back.key).equals(Buffer.from(key))).toBe(true)
      expect(Buffer.from(back.register).equals(Buffer.from(register))).toBe(true)
    }
  })

  it('is pinned: v2 of the all-0xff key and secret; a v1 code is refused in plain words', () => {
    // Changing this string is a format change: every code a keeper ever printed would stop working.
    const text = encodeKeeperCode(new Uint8Array(32).fill(0xff), new Uint8Array(16).fill(0xff))
    expect(text).toBe(PINNED)
    expect(code(() => parseKeeperCode(PINNED_V1))).toBe('KEEPER_CODE_MALFORMED')
  })

  it('forgives case, spaces, dashes, line breaks, quotes and O/I/L', () => {
    const key = rnd.bytes(32)
    const text = encodeKeeperCode(key)
    const messy = `  “${text.toLowerCase().replace(/-/g, ' – ').replace(/0/g, 'o').replace(/1/g, 'l')}”\n`
    expect(Buffer.from(keyOf(messy)).equals(Buffer.from(key))).toBe(true)
  })

  it('catches every error touching up to five symbols (5,000 seeded patterns)', () => {
    for (let n = 0; n < 5000; n++) {
      const key = rnd.bytes(32)
      const symbols = [...encodeKeeperCode(key).replace(/-/g, '')]
      const weight = 1 + (n % 5)
      const positions = new Set<number>()
      while (positions.size < weight) positions.add(rnd.int(0, KEEPER_CODE_SYMBOLS - 1))
      for (const p of positions) {
        const old = ALPHABET.indexOf(symbols[p] as string)
        symbols[p] = ALPHABET[(old + rnd.int(1, 31)) % 32] as string
      }
      expect(code(() => parseKeeperCode(symbols.join('')))).toBe('KEEPER_CODE_CHECKSUM')
    }
  })

  it('catches every adjacent transposition of two different symbols', () => {
    const symbols = [...encodeKeeperCode(rnd.bytes(32)).replace(/-/g, '')]
    for (let i = 0; i + 1 < symbols.length; i++) {
      if (symbols[i] === symbols[i + 1]) continue
      const t = [...symbols]
      ;[t[i], t[i + 1]] = [t[i + 1] as string, t[i] as string]
      expect(code(() => parseKeeperCode(t.join('')))).toBe('KEEPER_CODE_CHECKSUM')
    }
  })

  it('refuses non-codes with a coded error that never echoes the input', () => {
    const invite = encodeInviteCode(rnd.bytes(16))
    for (const bad of ['', '   ', 'hello', invite, encodeKeeperCode(rnd.bytes(32)) + 'A', 'U'.repeat(96), 'x'.repeat(801), 42, null]) {
      let err: { code?: string; message?: string } = {}
      try {
        parseKeeperCode(bad)
      } catch (e) {
        err = e as typeof err
      }
      expect(['KEEPER_CODE_MALFORMED', 'KEEPER_CODE_CHECKSUM']).toContain(err.code)
      if (typeof bad === 'string' && bad.trim().length > 3) expect(err.message).not.toContain(bad.trim().slice(0, 8))
    }
    expect(code(() => parseKeeperCode(invite))).toBe('KEEPER_CODE_MALFORMED')
  })

  it('refuses a key that is not 32 bytes, or a secret that is not 16', () => {
    expect(code(() => encodeKeeperCode(new Uint8Array(31)))).toBe('INVALID_INPUT')
    expect(code(() => encodeKeeperCode(new Uint8Array(32), new Uint8Array(15)))).toBe('INVALID_INPUT')
  })
})

const PINNED_V1 = '1ZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZA-XGMJ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZG0F-0FZG'
const PINNED = '2ZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZH-A3CP-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZY-000P-PH2J'
