/**
 * The check symbols' guarantee, tested directly rather than through the parser: the field is
 * what it claims, and no error touching five or fewer symbols of a valid code goes unnoticed.
 */
import { describe, expect, it } from 'vitest'
import { CHECK_SYMBOLS, CODE_SYMBOLS, checkSymbols, checksumHolds } from '../../../core/group/invite-checksum.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const rnd = seededRandom(testSeed())
const randomData = (): number[] => Array.from({ length: CODE_SYMBOLS - CHECK_SYMBOLS }, () => rnd.int(0, 31))

describe('invite check symbols', () => {
  it('completes any 27 data symbols to a valid code, and only that completion is valid', () => {
    for (let n = 0; n < 500; n++) {
      const data = randomData()
      const checks = checkSymbols(data)
      expect(checks.every((c) => Number.isInteger(c) && c >= 0 && c < 32)).toBe(true)
      expect(checksumHolds([...data, ...checks])).toBe(true)
      const other = [...checks]
      other[n % CHECK_SYMBOLS] = ((other[n % CHECK_SYMBOLS] as number) + 1 + (n % 31)) % 32
      expect(checksumHolds([...data, ...other])).toBe(false)
    }
  })

  it('catches every error pattern of weight 1 to 5 (20,000 seeded patterns)', () => {
    for (let n = 0; n < 20_000; n++) {
      const data = randomData()
      const code = [...data, ...checkSymbols(data)]
      const weight = 1 + (n % 5)
      const positions = new Set<number>()
      while (positions.size < weight) positions.add(rnd.int(0, CODE_SYMBOLS - 1))
      for (const p of positions) code[p] = (code[p] as number) ^ rnd.int(1, 31)
      expect(checksumHolds(code)).toBe(false)
    }
  })

  it('lets roughly 1 in 2^25 random strings through, so none of 20,000', () => {
    let passed = 0
    for (let n = 0; n < 20_000; n++) if (checksumHolds(Array.from({ length: CODE_SYMBOLS }, () => rnd.int(0, 31)))) passed++
    expect(passed).toBe(0)
  })

  it('is not fooled by the wrong number of symbols', () => {
    expect(checksumHolds([])).toBe(false)
    expect(checksumHolds(new Array(31).fill(0))).toBe(false)
    expect(checksumHolds(new Array(33).fill(0))).toBe(false)
    expect(() => checkSymbols(new Array(26).fill(0))).toThrow(RangeError)
  })
})
