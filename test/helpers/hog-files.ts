/**
 * Which test files start a CPU hog (a busy process on every core). vitest.config.ts runs them one
 * at a time after every other file, so a hog never loads a neighbour and a neighbour never makes
 * a hog's "under load" harsher than the claim it tests. Found by what a file calls, so a new hog
 * test is kept alone without anyone listing it; test/unit/lint/hog-files.test.ts checks that
 * every file that speaks of a hog is found.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** A call that starts a hog: the shared helpers, process-cast's loadCpu, or the soak's `hog: true`. */
export const STARTS_HOG = /\b(startCpuHog|loadCpu|cpuHog)\s*\(|\bhog:\s*true\b/

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
