/**
 * Real temp folders for tests, removed after each test. Call `useTempDirs()` once at the top of
 * a test file; it returns a function that makes a fresh folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

export function makeTempDir(prefix = 'hearth-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

export function useTempDirs(): (prefix?: string) => string {
  const made: string[] = []
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true })
  })
  return (prefix) => {
    const d = makeTempDir(prefix)
    made.push(d)
    return d
  }
}
