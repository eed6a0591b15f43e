/**
 * The short connectivity soak inside `npm test` (issue 13): 3 seeds of scripts/soak/connectivity.ts,
 * 5 nodes each, beside a CPU hog on every core. HEARTH_TEST_SEED=<n> runs seeds n, n+1, n+2; the
 * long run (100 seeds) is the script itself, recorded in docs/benchmarks.md.
 */
import { describe, expect, it } from 'vitest'
import { passed, runSoak, table } from '../../../scripts/soak/connectivity.ts'
import { testSeed } from '../../helpers/seeded-random.ts'

const FROM = testSeed(1)

describe('connectivity soak, CPU hog on every core', () => {
  it('3 seeds: online pairs connect, no acknowledged post is lost, due joins are admitted, all converge', async () => {
    console.log(`connectivity soak: HEARTH_TEST_SEED=${FROM}`)
    const results = await runSoak({ seeds: [FROM, FROM + 1, FROM + 2], peers: 5, scheduleMs: 20_000, hog: true })
    console.log(table(results))
    expect(results.filter((r) => !passed(r)).map((r) => r.seed)).toEqual([])
  }, 180_000)
})
