/**
 * The networking tests' rule (start peers on a quiet machine and under load on both cores) as
 * two describe blocks: one whose name says "quiet machine", one whose name says "CPU hog on every
 * core" and whose tests run with a hog started before the first and stopped after the last.
 * vitest.config.ts runs the second in the hog project, alone, by that name (hog-files.ts HOG_TEST);
 * hog-files.ts STARTS_HOG knows these calls, so a file using them is found as a hog file.
 */
import { afterAll, beforeAll, describe } from 'vitest'
import { startCpuHog, type CpuHog } from './cpu-hog.ts'
import { HOG_TEST } from './hog-files.ts'

/** The two titles of quietAndHog; throws where the name filter would send a test to the wrong project. */
export function pairTitles(title: string): { quiet: string; hog: string } {
  // A title that said "hog" would send the quiet tests to the hog project and none to the pool.
  if (HOG_TEST.test(title)) throw new Error(`the quiet half's title must not say "hog": ${title}`)
  return { quiet: `${title}, quiet machine`, hog: `${title}, CPU hog on every core` }
}

/** A describe block whose tests run under a CPU hog on every core. Its title must say "hog". */
export function describeUnderHog(title: string, body: () => void): void {
  if (!HOG_TEST.test(title)) throw new Error(`a describe under a CPU hog must say "hog" in its title: ${title}`)
  describe(title, () => {
    let hog: CpuHog | null = null
    beforeAll(() => {
      hog = startCpuHog()
    })
    afterAll(async () => {
      await hog?.stop()
    })
    body()
  })
}

/** The same tests twice: "<title>, quiet machine", then "<title>, CPU hog on every core". */
export function quietAndHog(title: string, body: (hogged: boolean) => void): void {
  const titles = pairTitles(title)
  describe(titles.quiet, () => body(false))
  describeUnderHog(titles.hog, () => body(true))
}
