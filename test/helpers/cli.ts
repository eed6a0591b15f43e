/** Runs the real `hearth` command in its own process, as a user or a script would. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

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
