/**
 * Back-off after wrong passphrases, kept in `<profile>/unlock-attempts` so quitting and reopening
 * the app does not reset it. The count is not secret (it is the only plain file in a profile).
 *
 * The real defence against guessing is argon2id; this file only slows someone sitting at the
 * device. Somebody who can edit the profile folder can reset it, and we say so in docs/decisions.md.
 *
 * File layout, version 1, JSON: { "v": 1, "failures": n, "lastFailureAt": epoch ms }
 */
import path from 'node:path'
import { rename } from 'node:fs/promises'
import { readFileOrNull, writeFileAtomic } from './atomic-file.ts'

export const FREE_ATTEMPTS = 3
export const MAX_DELAY_MS = 5 * 60_000

export interface AttemptState {
  failures: number
  lastFailureAt: number
}

/** 0 for the first three failures, then 1 s, 2 s, 4 s … up to five minutes. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0
  return Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS)
}

export function retryAfterMs(state: AttemptState, now: number): number {
  const wait = state.lastFailureAt + delayAfter(state.failures) - now
  return wait > 0 ? Math.min(wait, MAX_DELAY_MS) : 0
}

export class UnlockBackoff {
  private readonly file: string

  constructor(profileDir: string) {
    this.file = path.join(profileDir, 'unlock-attempts')
  }

  async read(now: number): Promise<AttemptState> {
    let raw: Uint8Array | null
    try {
      raw = await readFileOrNull(this.file)
    } catch {
      raw = new Uint8Array(0) // a folder or an unreadable file in its place: damaged
    }
    if (!raw) return { failures: 0, lastFailureAt: 0 }
    try {
      const j = JSON.parse(new TextDecoder().decode(raw)) as Partial<AttemptState> & { v?: number }
      if (Number.isSafeInteger(j.failures) && Number.isSafeInteger(j.lastFailureAt)) {
        return { failures: j.failures as number, lastFailureAt: j.lastFailureAt as number }
      }
    } catch {
      // fall through: a damaged counter must not become a way to skip the wait
    }
    const penalty = { failures: FREE_ATTEMPTS, lastFailureAt: now }
    // The damaged file is kept aside, not written over (damage never destroys, issue 14).
    await rename(this.file, `${this.file}.damaged-${now}`).catch(() => undefined)
    await this.write(penalty)
    return penalty
  }

  /**
   * Recorded before the passphrase is checked, so killing the app mid-check cannot skip counting.
   * A correct passphrase then clears it.
   */
  async recordAttempt(state: AttemptState, now: number): Promise<AttemptState> {
    const next = { failures: state.failures + 1, lastFailureAt: now }
    await this.write(next)
    return next
  }

  async clear(): Promise<void> {
    await this.write({ failures: 0, lastFailureAt: 0 })
  }

  private async write(s: AttemptState): Promise<void> {
    await writeFileAtomic(this.file, new TextEncoder().encode(JSON.stringify({ v: 1, ...s })))
  }
}
