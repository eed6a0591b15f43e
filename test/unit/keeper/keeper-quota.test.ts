/** The keeper's quota (core/keeper/keeper-quota.ts) and its status message (keeper-status.ts). */
import { describe, expect, it } from 'vitest'
import { parseSize, QuotaBook } from '../../../core/keeper/keeper-quota.ts'
import { decodeStatus, encodeStatus } from '../../../core/keeper/keeper-status.ts'

describe('--quota SIZE', () => {
  it('reads decimal and binary units, any case, with or without a space', () => {
    expect(parseSize('500MB')).toBe(500_000_000)
    expect(parseSize('2GB')).toBe(2_000_000_000)
    expect(parseSize('2 gb')).toBe(2_000_000_000)
    expect(parseSize('1.5GiB')).toBe(1.5 * 1024 ** 3)
    expect(parseSize('64KiB')).toBe(65_536)
    expect(parseSize('4096')).toBe(4096)
    expect(parseSize('1TB')).toBe(1e12)
  })

  it('refuses anything else with INVALID_INPUT', () => {
    for (const bad of ['', 'MB', '-5MB', '0', '0MB', '5XB', '5 M B', '1e9', 'two GB', '5MB5', '0.0001B', '99999999999TB']) {
      expect(() => parseSize(bad), bad).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    }
  })
})

describe('the quota book', () => {
  it('says full once a group reaches the quota, exactly once, and keeps counting', () => {
    const book = new QuotaBook(100)
    expect(book.charge('g', 60)).toBe(false)
    expect(book.full('g')).toBe(false)
    expect(book.charge('g', 40)).toBe(true)
    expect(book.full('g')).toBe(true)
    expect(book.charge('g', 10)).toBe(false)
    expect(book.held('g')).toBe(110)
    // Each group has its own count against the same quota.
    expect(book.full('other')).toBe(false)
  })

  it('is never full without a quota', () => {
    const book = new QuotaBook(null)
    expect(book.charge('g', Number.MAX_SAFE_INTEGER)).toBe(false)
    expect(book.full('g')).toBe(false)
  })

  it('follows a group to its successor’s access key, so a rotation never resets the count', () => {
    const book = new QuotaBook(100)
    book.charge('old', 100)
    book.move('old', 'next')
    expect(book.full('next')).toBe(true)
    expect(book.held('next')).toBe(100)
    expect(book.held('old')).toBe(0)
    expect(book.charge('next', 1)).toBe(false) // already full: not "made full" a second time
  })
})

describe('the keeper status message', () => {
  it('round-trips', () => {
    for (const s of [{ full: true, heldBytes: 123_456_789_012, quota: 2e9 }, { full: false, heldBytes: 0, quota: null }]) {
      expect(decodeStatus(encodeStatus(s))).toEqual(s)
    }
  })

  it('ignores anything malformed', () => {
    const good = encodeStatus({ full: true, heldBytes: 5, quota: 10 })
    expect(decodeStatus(good.subarray(0, 17))).toBeNull()
    expect(decodeStatus(Uint8Array.of(...good, 0))).toBeNull()
    expect(decodeStatus(Uint8Array.of(2, ...good.subarray(1)))).toBeNull()
    expect(decodeStatus(Uint8Array.of(1, 2, ...good.subarray(2)))).toBeNull()
    const huge = good.slice()
    huge.fill(0xff, 2, 10)
    expect(decodeStatus(huge)).toBeNull()
  })
})
