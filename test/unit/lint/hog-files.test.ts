/**
 * The files that start a CPU hog run alone (vitest.config.ts, test/helpers/hog-files.ts). If a
 * file spoke of a hog the detector does not see (a new helper that wraps it, say), that file
 * would run beside two others and load them: this test names it instead.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NO_HOG_ENV } from '../../../scripts/soak/cpu-hog.ts'
import { HOG_TEST, hogFiles, QUIET_TEST, STARTS_HOG, testFiles } from '../../helpers/hog-files.ts'
import { pairTitles } from '../../helpers/under-hog.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')

function withoutComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

describe('tests that start a CPU hog are found, and so run alone', () => {
  it('finds every test file whose code speaks of a hog', () => {
    for (const dir of ['test/unit', 'test/integration', 'test/e2e']) {
      // Code, not comments: a test may explain that it was written after a failure under a hog.
      const code = (f: string): string => withoutComments(readFileSync(path.join(ROOT, f), 'utf8'))
      // Any name ending in "Hog" too (a helper that wraps the hog): such a file may say "hog" nowhere else.
      const speaks = testFiles(dir).filter((f) => /cpu.?hog|\bhog\b/i.test(code(f)) || /[a-z]Hog\b/.test(code(f)))
      expect(hogFiles(dir), dir).toEqual(speaks.filter((f) => f !== 'test/unit/lint/hog-files.test.ts'))
    }
  })

  it('knows each way a test starts one', () => {
    // Written in pieces, so this file's own source starts no hog in the detector's eyes.
    const calls = [['startCpuHog', '()'], ['cast.loadCpu', '()'], ['stopHog = cpuHog', '()'], ['runSoak({ seeds, hog:', ' true })'],
      ["quietAndHog", "('rendezvous', () => scenarios())"], ["describeUnderHog", "('x, CPU hog on every core', () => {"]]
    for (const call of calls.map((c) => c.join(''))) expect(STARTS_HOG.test(call), call).toBe(true)
    for (const quiet of ['runSoak({ seeds, hog: false })', 'const hog = null', '// no hog here']) expect(STARTS_HOG.test(quiet), quiet).toBe(false)
  })

  it('finds the hog files this suite has today', () => {
    expect(hogFiles('test/integration')).toEqual(expect.arrayContaining(['test/integration/net/rendezvous.test.ts', 'test/integration/net/soak.test.ts']))
  })

  it('tells a test under a hog by its name, and every other test of a hog file runs in the pool', () => {
    const hogged = ['rendezvous, CPU hog on every core > hog: A then B', "a post ('Birch first', 'CPU hog on both cores'): …", 'member first, under a CPU hog on both cores: …']
    const quiet = ['rendezvous, quiet machine > quiet: A then B', "a post ('newcomer first', 'quiet machine'): …", 'a hedgehog’s words (no busy cores)']
    for (const n of hogged) expect([HOG_TEST.test(n), QUIET_TEST.test(n)], n).toEqual([true, false])
    for (const n of quiet) expect([HOG_TEST.test(n), QUIET_TEST.test(n)], n).toEqual([false, true])
  })

  it('sends the helper pair’s halves to their projects by name, and refuses titles that would not', () => {
    const { quiet, hog } = pairTitles('forgive() over WebRTC')
    expect([HOG_TEST.test(quiet), QUIET_TEST.test(quiet)], quiet).toEqual([false, true])
    expect([HOG_TEST.test(hog), QUIET_TEST.test(hog)], hog).toEqual([true, false])
    expect(() => pairTitles('peers under a hog')).toThrow(/must not say "hog"/)
  })

  it('refuses to start a hog in the shared pool, so a hog test named as a quiet one fails instead of loading its neighbours', async () => {
    // vitest.config.ts sets this for every project whose files run three at a time, this one too.
    expect(process.env[NO_HOG_ENV]).toBe('1')
    const { startCpuHog: start } = await import('../../../scripts/soak/cpu-hog.ts')
    expect(() => start(1)).toThrow(/must say "hog" in its name/)
  })
})
