/**
 * A child's start-up is guarded by its own CPU time, not by wall time (test/helpers/child.ts,
 * `waitForLine(…, { cpuMs })`). Under a CPU hog on a loaded machine the web host once missed a
 * 30-s wall guard on its ready line while doing 0.6 s of work (docs/decisions.md, 2026-12-06,
 * "The web host's ready line"). The guard must still catch a child that works and never says
 * ready, and must not fire on a child that is slow only because it is waiting.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cpuMsOf, spawnTs, type Child } from '../../helpers/child.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const children: Child[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.proc.kill('SIGKILL')
})

function script(body: string): Child {
  const file = path.join(tempDir(), 'child.mjs')
  writeFileSync(file, body)
  const child = spawnTs(file, [])
  children.push(child)
  return child
}

describe('a wait bounded by the child’s own CPU time', () => {
  it('ends a child that keeps working and never prints the line', async () => {
    const child = script('for (;;) {}')
    await expect(child.waitForLine((l) => l === 'ready', { cpuMs: 1_000 })).rejects.toThrow(/of the child's own CPU time/)
    expect(cpuMsOf(child.proc.pid)).toBeGreaterThan(1_000)
  })

  it('waits for a child that is idle past the budget, then prints the line', async () => {
    // Three seconds of waiting, far under a second of work: a wall bound of 1.5 s would fail here.
    const child = script("setTimeout(() => console.log('ready'), 3_000)")
    await expect(child.waitForLine((l) => l === 'ready', { cpuMs: 1_500 })).resolves.toBe('ready')
  })

  it('still ends the wait at once when the child exits without the line', async () => {
    const child = script("console.log('not it'); process.exit(3)")
    await expect(child.waitForLine((l) => l === 'ready', { cpuMs: 60_000 })).rejects.toThrow(/child exited/)
  })
})
