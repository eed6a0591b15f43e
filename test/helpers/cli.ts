/** Runs the real `hearth` command in its own process, as a user or a script would. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { cpuMsOf, LINE_HANG_GUARD_MS, type Child } from './child.ts'

const BIN = fileURLToPath(new URL('../../scripts/hearth.mjs', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  /** stdout parsed as JSON (for --json runs). */
  json: unknown
}

/**
 * A run's default bound: the CPU time the command spends. A command is its own work (load its
 * code, argon2id, open the store, read or write, print): 0.6–1.5 s of its own CPU, but many
 * seconds of wall time at load 10–30, where the 30-s wall default measured the load. Twenty times
 * the work is a broken command. One that spends nothing (waits on the network) is ended by the
 * wall-time hang guard (LINE_HANG_GUARD_MS); a run that waits on peers gives its own bound.
 */
export const CLI_CPU = { cpuMs: 30_000 }

/** Runs `hearth <args>`; `bound` is wall ms, or the command's own CPU ms (default CLI_CPU, with the wall-time hang guard). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, bound: number | { cpuMs: number } = CLI_CPU): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, HEARTH_PASSPHRASE: '', HEARTH_NEW_PASSPHRASE: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const fail = (why: string): void => {
      clearTimeout(timer)
      clearInterval(cpuTimer)
      proc.kill('SIGKILL')
      reject(new Error(`hearth ${args.join(' ')} ${why}; stdout: ${stdout}; stderr: ${stderr}`))
    }
    const wallMs = typeof bound === 'number' ? bound : LINE_HANG_GUARD_MS
    const timer = setTimeout(() => fail(`timed out (${wallMs} ms of wall time)`), wallMs)
    const cpuTimer = typeof bound === 'number'
      ? undefined
      : setInterval(() => {
        const used = cpuMsOf(proc.pid)
        if (used !== null && used > bound.cpuMs) fail(`spent ${used} ms of its own CPU time without ending`)
      }, 250)
    proc.on('exit', (code) => {
      clearTimeout(timer)
      clearInterval(cpuTimer)
      let json: unknown
      try {
        json = JSON.parse(stdout)
      } catch {
        json = undefined
      }
      resolve({ code, stdout, stderr, json })
    })
  })
}

/**
 * Up to its `{"serving"…}` line a `hearth serve` node does only its own work (load its code,
 * argon2id, open the store, listen on its socket; the swarm is joined after): 0.6–0.8 s of its
 * own CPU, 4–7 s of wall time at load 13 (measured 2026-12-07). A wall bound on it measured the
 * machine's load (20 s fired at load ~20 beside other runs), so the bound is the node's own CPU
 * time: twenty times the work is a broken node. One that waits on nothing and spends nothing is
 * caught by the wall-time hang guard (LINE_HANG_GUARD_MS, test/helpers/child.ts).
 */
export const SERVE_READY = { cpuMs: 12_000 }

/** Waits for a `hearth serve --json` child's serving line; its groups and socket. */
export async function untilServing(child: Child): Promise<{ serving: string[]; socket: string | null }> {
  return JSON.parse(await child.waitForLine((l) => l.startsWith('{"serving"'), SERVE_READY)) as { serving: string[]; socket: string | null }
}
