/**
 * A CPU hog outlives no test run: when the process that started it dies without stopping it (a
 * run cut short, a killed worker), each busy process ends by itself. Once, a test run stopped
 * mid-file left two busy loops spinning on this machine for a quarter of an hour, loading every
 * run after it.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const HOG = fileURLToPath(new URL('../../../scripts/soak/cpu-hog.ts', import.meta.url))
// The parent starts a one-core hog, prints the busy process's id, and waits to be killed.
const PARENT = `const { startCpuHog } = await import(${JSON.stringify(HOG)}); console.log(startCpuHog(1).pids.join(' ')); setInterval(() => {}, 1000)`

/** Still running: a process that exited but was not yet reaped (a zombie, state Z on Linux) is not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : ''
  return !/^\d+ \(.*\) Z /.test(stat)
}

describe('the CPU hog', () => {
  it('ends by itself once the process that started it is killed', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PARENT], { stdio: ['ignore', 'pipe', 'inherit'] })
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())))
      parent.once('exit', () => reject(new Error('the parent exited before starting the hog')))
    })
    expect(alive(pid)).toBe(true)
    parent.kill('SIGKILL')
    const end = Date.now() + 20_000
    while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50))
    const still = alive(pid)
    if (still) process.kill(pid, 'SIGKILL')
    expect(still).toBe(false)
  }, 30_000)
})
