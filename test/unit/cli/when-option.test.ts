/** `--closes`, `--from`, `--until`: a local date and time, or a time from now; anything else is a coded refusal. */
import { describe, expect, it } from 'vitest'
import { HearthError } from '../../../core/errors.ts'
import { whenOption } from '../../../scripts/cli/moderation-commands.ts'
import type { CommandContext } from '../../../scripts/cli/commands.ts'

const ctx = (v: string): CommandContext => ({ options: { at: v }, positionals: [], profileDir: '/x', served: false, service: null as never })
const NOW = Date.UTC(2026, 10, 24, 12, 0)

describe('whenOption', () => {
  it('reads times from now and local dates', () => {
    expect(whenOption(ctx('90m'), 'at', NOW)).toBe(NOW + 90 * 60_000)
    expect(whenOption(ctx('24h'), 'at', NOW)).toBe(NOW + 86_400_000)
    expect(whenOption(ctx('7d'), 'at', NOW)).toBe(NOW + 7 * 86_400_000)
    expect(whenOption(ctx('2026-12-01T18:00'), 'at', NOW)).toBe(new Date(2026, 11, 1, 18, 0).getTime())
    expect(whenOption(ctx('2026-12-01'), 'at', NOW)).toBe(new Date(2026, 11, 1).getTime())
    expect(whenOption(ctx('2026-12-01T18:00Z'), 'at', NOW)).toBe(Date.UTC(2026, 11, 1, 18, 0))
  })

  it('refuses anything else with INVALID_INPUT', () => {
    for (const bad of ['', 'tomorrow', 'next week', '3 weeks', '-2d', '2026-13-45T99:99', '1e3h', '12']) {
      let code = 'OK'
      try {
        whenOption(ctx(bad), 'at', NOW)
      } catch (e) {
        code = e instanceof HearthError ? e.code : 'UNCODED'
      }
      expect(code, bad).toBe('INVALID_INPUT')
    }
  })
})
