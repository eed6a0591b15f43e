/**
 * A CPU hog for networking tests (the project's rule: start peers under load on both cores too):
 * one busy child process per core, each spinning until stopped. Stopped by its own pid only.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'

export interface CpuHog {
  stop(): Promise<void>
}

export function startCpuHog(cores = os.availableParallelism()): CpuHog {
  const children: ChildProcess[] = []
  for (let i = 0; i < cores; i++) children.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
  return {
    async stop() {
      await Promise.all(children.map((c) => new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve()
        c.once('exit', () => resolve())
        c.kill('SIGKILL')
      })))
    },
  }
}
