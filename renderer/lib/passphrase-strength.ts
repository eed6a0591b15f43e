/**
 * A gentle strength hint for a new passphrase. It only advises; the rule that counts is core's
 * (at least 8 characters). Length and separate words matter most, so that is what it measures:
 * symbol rules make passphrases harder to remember, not harder to guess.
 */
export const MIN_CHARS = 8

export interface Strength {
  /** 0 too short · 1 weak · 2 fair · 3 strong */
  level: 0 | 1 | 2 | 3
  /** Which case it is, for screens that word it in the reader's language. */
  verdict: 'short' | 'common' | 'strong' | 'fair' | 'weak'
  label: string
  hint: string
}

const COMMON = ['password', 'passphrase', '12345678', 'qwertyui', 'iloveyou', 'letmein']

export function passphraseStrength(passphrase: string): Strength {
  const chars = [...passphrase.normalize('NFC')].length
  const words = passphrase.trim().split(/\s+/).filter((w) => w.length >= 3).length
  const distinct = new Set(passphrase.toLowerCase()).size
  const lower = passphrase.toLowerCase()

  if (chars < MIN_CHARS) {
    return { level: 0, verdict: 'short', label: 'Too short', hint: `Use at least ${MIN_CHARS} characters.` }
  }
  if (distinct < 5 || COMMON.some((c) => lower.includes(c))) {
    return { level: 1, verdict: 'common', label: 'Easy to guess', hint: 'Avoid common words and repeated characters.' }
  }
  if (chars >= 20 || words >= 4) {
    return { level: 3, verdict: 'strong', label: 'Strong', hint: 'Good. Make sure it is something only you would think of.' }
  }
  if (chars >= 14 || words >= 3) {
    return { level: 2, verdict: 'fair', label: 'Fair', hint: 'Adding another unrelated word makes it much stronger.' }
  }
  return { level: 1, verdict: 'weak', label: 'Weak', hint: 'Longer is stronger: try three or four unrelated words.' }
}
