/** Shared helpers for the invite suite: coded-error capture, hex, and the pinned v1 fixture. */
import { readFileSync } from 'node:fs'
import { HearthError } from '../../../core/errors.ts'
import type { InviteFixtures } from '../../../scripts/gen-invite-fixtures.ts'

/** The code a call throws, or 'OK'. Anything thrown that is not a HearthError fails the test. */
export function codeOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    if (e instanceof HearthError) return e.code
    throw new Error(`uncoded error: ${String(e)}`, { cause: e })
  }
  return 'OK'
}

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
export const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** The code without its dashes. */
export const compact = (code: string): string => code.replace(/-/g, '')

/** Back into groups of four, as encodeInviteCode shows them. */
export const grouped = (symbols: string): string => symbols.match(/.{1,4}/g)?.join('-') ?? ''

export const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/invite/v1.json', import.meta.url), 'utf8'),
) as InviteFixtures
