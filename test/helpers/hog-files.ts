/**
 * Which test files start a CPU hog (a busy process on every core), and which of their tests run
 * under it. vitest.config.ts runs those tests one file at a time after every other file, so a hog
 * never loads a neighbour and a neighbour never makes a hog's "under load" harsher than the claim
 * it tests; the same files' other tests run in the shared pool. Files are found by what they call,
 * so a new hog test is kept alone without anyone listing it; test/unit/lint/hog-files.test.ts
 * checks that every file that speaks of a hog is found.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * A call that starts a hog: the shared helpers, the describe blocks that wrap one (under-hog.ts),
 * process-cast's loadCpu, or the soak's `hog: true`.
 */
export const STARTS_HOG = /\b(startCpuHog|loadCpu|cpuHog|describeUnderHog|quietAndHog)\s*\(|\bhog:\s*true\b/

/**
 * A test runs under a hog when its full name (describe blocks and title) says "hog": "…, CPU hog
 * on every core". A hog started by a test not so named throws in the pool (scripts/soak/cpu-hog.ts
 * NO_HOG_ENV), so the name cannot silently lie.
 */
export const HOG_TEST = /\bhog\b/i
/** Every other test of a hog file. */
export const QUIET_TEST = new RegExp(`^(?!.*${HOG_TEST.source})`, HOG_TEST.flags)

const ROOT = path.resolve(import.meta.dirname, '..', '..')

/** Every `*.test.ts` under `dir`, both relative to the repository root, with forward slashes. */
export function testFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .sort()
}

export function hogFiles(dir: string): string[] {
  return testFiles(dir).filter((f) => STARTS_HOG.test(readFileSync(path.join(ROOT, f), 'utf8')))
}
