/**
 * A CPU hog: one busy process per core, so networking tests and the soak also run on a machine
 * that has no time to spare (DESIGN.md §7, the project's rule 2). Stopped with stop().
 */
import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'

export interface CpuHog {
  stop(): Promise<void>
}

export function startCpuHog(cores = os.availableParallelism()): CpuHog {
  const procs: ChildProcess[] = []
  for (let i = 0; i < cores; i++) procs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
  return {
    async stop() {
      await Promise.all(procs.map((p) => new Promise<void>((resolve) => {
        if (p.exitCode !== null || p.signalCode !== null) return resolve()
        p.once('exit', () => resolve())
        p.kill('SIGKILL')
      })))
    },
  }
}
