/** Runs the real `hearth` command in its own process, as a user or a script would. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Child } from './child.ts'

const BIN = fileURLToPath(new URL('../../scripts/hearth.mjs', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  /** stdout parsed as JSON (for --json runs). */
  json: unknown
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, HEARTH_PASSPHRASE: '', HEARTH_NEW_PASSPHRASE: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const timer = setTimeout(() => {
      proc.kill('SIGKILL')
      reject(new Error(`hearth ${args.join(' ')} timed out; stdout: ${stdout}; stderr: ${stderr}`))
    }, timeoutMs)
    proc.on('exit', (code) => {
      clearTimeout(timer)
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
