/**
 * Invite code v1: round trips, the shape people see, what parsing forgives, the distinct coded
 * errors (malformed, typo, newer version), and that no typo of one or two symbols ever yields a
 * wrong secret.
 */
import { describe, expect, it } from 'vitest'
import {
  INVITE_CODE_VERSION, encodeInviteCode, generateInviteSecret, parseInviteCode,
} from '../../../core/group/invite-code.ts'
import { checkSymbols } from '../../../core/group/invite-checksum.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { ALPHABET, codeOf, compact, fixture, grouped, hex } from './support.ts'

const rnd = seededRandom(testSeed())
const secrets = Array.from({ length: 500 }, () => rnd.bytes(16))

/** A string with valid checks for any 27 leading symbols, whatever they mean. */
function withChecks(data: number[]): string {
  return grouped([...data, ...checkSymbols(data)].map((v) => ALPHABET[v]).join(''))
}

describe('round trip and shape', () => {
  it('parses back the secret of 500 seeded secrets, and a fresh random one', () => {
    for (const s of [...secrets, generateInviteSecret()]) {
      const code = encodeInviteCode(s)
      const parsed = parseInviteCode(code)
      expect(parsed.version).toBe(INVITE_CODE_VERSION)
      expect(hex(parsed.secret)).toBe(hex(s))
    }
  })

  it('is eight groups of four Crockford symbols, starting with the version', () => {
    for (const s of secrets.slice(0, 50)) {
      expect(encodeInviteCode(s)).toMatch(/^1[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/)
    }
  })

  it('matches the pinned v1 codes exactly', () => {
    for (const c of fixture.invites) {
      expect(encodeInviteCode(Uint8Array.from(Buffer.from(c.secretHex, 'hex')))).toBe(c.code)
      expect(hex(parseInviteCode(c.code).secret)).toBe(c.secretHex)
    }
  })

  it('refuses to encode a secret that is not 16 bytes', () => {
    for (const n of [0, 15, 17, 32]) expect(codeOf(() => encodeInviteCode(new Uint8Array(n)))).toBe('INVALID_INPUT')
    expect(codeOf(() => encodeInviteCode('secret' as unknown as Uint8Array))).toBe('INVALID_INPUT')
  })
})

describe('typos are caught, never read as another secret', () => {
  const sample = secrets.slice(0, 40).map((s) => compact(encodeInviteCode(s)))

  it('every single substitution of every symbol is INVITE_CHECKSUM', () => {
    for (const code of sample) {
      for (let i = 0; i < code.length; i++) {
        for (const ch of ALPHABET) {
          if (ch === code[i]) continue
          const typo = code.slice(0, i) + ch + code.slice(i + 1)
          expect(codeOf(() => parseInviteCode(grouped(typo))), `${code} @${i}→${ch}`).toBe('INVITE_CHECKSUM')
        }
      }
    }
  })

  it('every adjacent transposition of different symbols is INVITE_CHECKSUM, across dashes too', () => {
    for (const code of sample) {
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue
        const typo = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)
        expect(codeOf(() => parseInviteCode(grouped(typo))), `${code} swap @${i}`).toBe('INVITE_CHECKSUM')
      }
    }
  })

  it('two substitutions anywhere, and a jump transposition, are caught as well', () => {
    const r = seededRandom(testSeed() + 1)
    for (let n = 0; n < 3000; n++) {
      const code = [...r.pick(sample)]
      const before = code.join('')
      const i = r.int(1, 31)
      const j = r.int(1, 31)
      if (n % 2 === 0) {
        code[i] = r.pick([...ALPHABET])
        code[j] = r.pick([...ALPHABET])
      } else if (i + 2 < 32) {
        ;[code[i], code[i + 2]] = [code[i + 2] as string, code[i] as string]
      }
      const after = code.join('')
      expect(codeOf(() => parseInviteCode(after))).toBe(after === before ? 'OK' : 'INVITE_CHECKSUM')
    }
  })

  it('a typed U (never used) or stray punctuation is INVITE_MALFORMED', () => {
    const code = sample[0] as string
    for (let i = 0; i < code.length; i++) {
      for (const ch of ['U', 'u', '*', '#', 'é']) {
        expect(codeOf(() => parseInviteCode(code.slice(0, i) + ch + code.slice(i + 1)))).toBe('INVITE_MALFORMED')
      }
    }
  })
})

describe('parsing forgives what people do to codes', () => {
  const secret = fixture.invites[3]!.secretHex
  const code = fixture.invites[3]!.code // 1HWX-5SM7-1P93-SC0Z-TDSE-MRES-A34G-VKVW
  const forms = [
    code.toLowerCase(),
    compact(code),
    compact(code).toLowerCase(),
    code.replace(/-/g, ' '),
    code.replace(/-/g, ' - '),
    `   ${code}\n`,
    `\t${code}\r\n`,
    code.slice(0, 19) + '\r\n' + code.slice(19),
    code.slice(0, 14) + '\n  ' + code.slice(14),
    `"${code}"`,
    `'${code}'`,
    `“${code}”`,
    `  "${code.toLowerCase()}"  `,
    `"${code}`,
    `${code}'`,
    code.replace(/0/g, 'O'),
    code.replace(/0/g, 'o'),
    code.replace(/1/g, 'I'),
    code.replace(/1/g, 'l'),
    code.replace(/1/g, 'L').replace(/0/g, 'o'),
    code.replace(/-/g, '–'), // en dash from a word processor
    code.replace(/-/g, '\u00a0'), // no-break space
    code.replace(/-/g, '\u200b'), // zero-width space from a chat app
    code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // full-width forms
    '1HWX5-SM71P-93SC0-ZTDSE-MRESA-34GVK-VW', // regrouped by hand
  ]

  it.each(forms.map((f) => [JSON.stringify(f), f]))('%s', (_label, form) => {
    expect(hex(parseInviteCode(form).secret)).toBe(secret)
  })
})

describe('distinct coded errors', () => {
  const code = fixture.invites[3]!.code
  const symbols = compact(code)

  it('INVITE_MALFORMED: empty, blank, wrong length, foreign characters, too long, not text', () => {
    const cases: unknown[] = [
      '', '   ', '\n', '""', '-', '- -', '“”',
      code.slice(0, -1), code + 'X', symbols.slice(0, 20), '1',
      code.replace('W', '!'), `${code} thanks!`, 'https://example.org/join', '💜💜💜',
      code.repeat(20), ' '.repeat(5000),
      undefined, null, 42, {}, [code], Uint8Array.of(1, 2),
    ]
    for (const c of cases) expect(codeOf(() => parseInviteCode(c as string)), JSON.stringify(c)).toBe('INVITE_MALFORMED')
  })

  it('INVITE_MALFORMED when the front of the code was cut off or has something extra', () => {
    expect(codeOf(() => parseInviteCode(symbols.slice(1)))).toBe('INVITE_MALFORMED')
    for (const ch of ALPHABET) expect(codeOf(() => parseInviteCode(ch + symbols))).toBe('INVITE_MALFORMED')
  })

  it('INVITE_MALFORMED for a string that passes the checks but has padding set (not made by Hearth)', () => {
    const data = [1, ...[...symbols.slice(1, 27)].map((c) => ALPHABET.indexOf(c))]
    data[26] = (data[26] as number) | 1
    expect(codeOf(() => parseInviteCode(withChecks(data)))).toBe('INVITE_MALFORMED')
  })

  it('INVITE_VERSION for a newer version, whatever its length or check symbols', () => {
    const r = seededRandom(testSeed() + 2)
    for (let v = 2; v < 32; v++) {
      const data = [v, ...Array.from({ length: 26 }, () => r.int(0, 31))]
      expect(codeOf(() => parseInviteCode(withChecks(data))), `v${v} with v1-style checks`).toBe('INVITE_VERSION')
      const rest = Array.from({ length: r.int(10, 60) }, () => r.pick([...ALPHABET])).join('')
      expect(codeOf(() => parseInviteCode(ALPHABET[v] + rest)), `v${v}, ${rest.length + 1} symbols`).toBe('INVITE_VERSION')
    }
  })

  it('a version-0 string that is no slip of a v1 code is INVITE_MALFORMED, not a version', () => {
    expect(codeOf(() => parseInviteCode('0' + symbols.slice(1, 20)))).toBe('INVITE_MALFORMED')
  })
})
