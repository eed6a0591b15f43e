import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import { HOG_TEST, hogFiles, QUIET_TEST } from './test/helpers/hog-files.ts'
import { NO_HOG_ENV } from './scripts/soak/cpu-hog.ts'

/**
 * How many files run at once, for every file that starts no CPU hog (unit, integration and e2e
 * share this pool). Most integration and browser time is waiting on child processes, the
 * loopback DHT and timers, so three files at a time keep two cores busy without starving any
 * one; docs/decisions.md (2026-12-06, "The test run's wall time") says how this was chosen.
 */
const WORKERS = 3

/**
 * A project's own name filter. Vitest 4.1 applies a project's `testNamePattern` to that project's
 * files (checked: the hog and quiet tests of one file each run in their own project) but does not
 * type it as a project option. Were a later Vitest to ignore it, every hog test would also run in
 * the pool and throw there (NO_HOG_ENV): a loud failure, never a silent hog beside other files.
 */
function tests(pattern: RegExp): object {
  return { testNamePattern: pattern }
}

/**
 * A suite's tests that run under a CPU hog run in a project of their own, one file at a time:
 * Vitest runs a project without file parallelism (and without a group order of its own) last,
 * alone. A hog file's other tests (the quiet machine, the other start orders) claim nothing about
 * being alone, so they run in the shared pool (`<suite>-quiet`), and only the hog's minutes stay
 * serial. Which tests are which is said by their names (HOG_TEST); a hog started outside the hog
 * project throws (NO_HOG_ENV), so a misnamed hog test fails instead of loading its neighbours.
 */
function suite(name: string, dir: string, own: NonNullable<TestProjectInlineConfiguration['test']>): TestProjectInlineConfiguration[] {
  const hogs = hogFiles(dir)
  // Every suite first builds the child processes' code (test/build-setup.ts; nothing is built
  // when the last build is current), so no child loads core through tsx.
  const test = { ...own, globalSetup: ['test/build-setup.ts', ...[own.globalSetup ?? []].flat()] }
  const pooled = { ...test, maxWorkers: WORKERS, env: { ...own.env, [NO_HOG_ENV]: '1' } }
  const projects: TestProjectInlineConfiguration[] = [
    { test: { ...pooled, name, include: [`${dir}/**/*.test.ts`], exclude: hogs } },
  ]
  if (hogs.length > 0) {
    projects.push({ test: { ...pooled, name: `${name}-quiet`, include: hogs, ...tests(QUIET_TEST) } })
    projects.push({ test: { ...test, name: `${name}-hog`, include: hogs, ...tests(HOG_TEST), fileParallelism: false } })
  }
  return projects
}

// Four suites, one runner. `npm test` runs them all; each can run alone with --project
// (`--project 'integration*'`: a suite with its hog files).
export default defineConfig({
  test: {
    projects: [
      // Vitest's default 5-s test limit is no claim of any unit test; CPU-bound ones (argon2id,
      // ESLint runs, exhaustive code checks) ran past it three at a time at load 11–13.
      ...suite('unit', 'test/unit', { environment: 'node', testTimeout: 30_000 }),
      // Every wait in an integration test is bounded on its own (`until(…, 30_000)`, a join's
      // `waitMs`): those are the claims. The test limit is a hang guard above their sum on a
      // loaded machine; at 120 s it cut five long tests at load 12–22 (docs/decisions.md).
      ...suite('integration', 'test/integration', { environment: 'node', testTimeout: 300_000, hookTimeout: 60_000 }),
      // Real Chromium against a real web host per test (test/e2e/support). Every UI wait is
      // bounded on its own (10 s, 30 s where the network is involved): those are the claims. The
      // test limit only catches a hung process, so it sits well above a whole test's sum of waits
      // on a loaded machine; at 60 s it cut long tests on a loaded machine, and a CI-only retry
      // had hidden that (docs/decisions.md, 2026-12-06, "The test run's wall time").
      ...suite('e2e', 'test/e2e', {
        environment: 'node',
        globalSetup: ['test/e2e/global-setup.ts'],
        testTimeout: 180_000,
        hookTimeout: 60_000,
      }),
    ],
  },
})
