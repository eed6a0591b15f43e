/**
 * A CPU hog: one busy process per core, so networking tests and the soak also run on a machine
 * that has no time to spare (DESIGN.md §7, the project's rule 2). Stopped with stop().
 *
 * Each busy process also ends by itself once its parent is gone (it looks about every few
 * milliseconds of its own work): a test run cut short (Ctrl+C, a CI timeout, a killed worker)
 * must not leave busy loops behind that load every later run on the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'

export interface CpuHog {
  /** The busy processes' ids. */
  pids: number[]
  stop(): Promise<void>
}

/**
 * Spins; every ten million turns, exits if the process that started it no longer exists. That
 * process's id comes as an argument, not from process.ppid: a parent killed before the busy
 * process has started would leave it reading the id of whatever adopted it.
 */
const BUSY = 'const parent = Number(process.argv[1]); for (let i = 1; ; i++) if (i % 10_000_000 === 0) { try { process.kill(parent, 0) } catch { process.exit(0) } }'

/**
 * Set (to "1") where no hog may start: vitest.config.ts sets it for the test pool, where files run
 * three at a time and a hog would load the neighbours, whose claims do not include one. Unset by
 * default, as for the soak script and the hog tests, which run alone.
 */
export const NO_HOG_ENV = 'HEARTH_NO_CPU_HOG'

export function startCpuHog(cores = os.availableParallelism()): CpuHog {
  if (process.env[NO_HOG_ENV] === '1') {
    throw new Error(`a CPU hog was started where files run side by side (${NO_HOG_ENV}=1): a test under a hog must say "hog" in its name, so that it runs alone (test/helpers/hog-files.ts)`)
  }
  const procs: ChildProcess[] = []
  for (let i = 0; i < cores; i++) procs.push(spawn(process.execPath, ['-e', BUSY, String(process.pid)], { stdio: 'ignore' }))
  return {
    pids: procs.map((p) => p.pid as number),
    async stop() {
      await Promise.all(procs.map((p) => new Promise<void>((resolve) => {
        if (p.exitCode !== null || p.signalCode !== null) return resolve()
        p.once('exit', () => resolve())
        p.kill('SIGKILL')
      })))
    },
  }
}
