/**
 * One web host per test, as its own OS process with its own temp profile folder. `stop()` ends
 * it with SIGTERM (the clean path a developer's Ctrl+C takes) and waits for its exit, and removes
 * the profile folder. A host that has not exited by the close hang guard (CLOSE_HANG_GUARD_MS,
 * test/helpers/child.ts) is killed and the stop fails: a fixed 10-s kill cut a correct but slow
 * close on a loaded machine, and a test that opens the same profile again (integrity.test.ts)
 * then found what the kill left, not what the host wrote.
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import { endChild, spawnTs, type Child } from '../../helpers/child.ts'
import { makeTempDir } from '../../helpers/temp-dir.ts'

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..')
const READY = /^Hearth web host: (http:\/\/127\.0\.0\.1:(\d+)\/)#token=([0-9a-f]{64})$/
/**
 * The hang guard for the ready line, in the host's OWN CPU time. Before that line the host only
 * loads its code, makes the service (no unlock, no network) and listens on loopback: about 0.6 s
 * of CPU (measured 0.51–0.61 s, docs/decisions.md 2026-12-06 "The web host's ready line"). Its
 * wall time is that divided by the host's share of the cores: 3–8 s at load 23, 22–27 s at nice
 * 15, so a 30-s wall guard measured the machine's load, not the host. Twenty times the work is a
 * host that is broken; a host that waits on nothing and spends no CPU is left to the test's limit.
 */
const READY_CPU_MS = 12_000

export interface Host {
  /** The full URL with the token, as printed. */
  url: string
  origin: string
  port: number
  token: string
  profileDir: string
  child: Child
  /** Resolves with the exit code once the host has exited; rejects if it had to be killed (child.ts endChild). */
  stop(): Promise<number | null>
}

/**
 * `bootstrap` (a loopback testnet, support/testnet.ts) puts the node online; without it, it stays off the network.
 * `args`: more web host arguments (`--transport webrtc --signal URL`).
 * `profileDir`: open this folder instead of a new one; the caller owns it, so `stop()` leaves it in place.
 */
export async function startHost(opts: { bootstrap?: string; profileDir?: string; args?: string[] } = {}): Promise<Host> {
  const owned = opts.profileDir === undefined
  const profileDir = opts.profileDir ?? makeTempDir('hearth-e2e-profile-')
  const args = ['--profile', profileDir, '--renderer', inject('rendererDir'), '--shim', inject('shimFile'), ...(opts.bootstrap ? ['--bootstrap', opts.bootstrap] : []), ...(opts.args ?? [])]
  const child = spawnTs(path.join(ROOT, 'scripts', 'web-host.ts'), args)
  let line: string
  try {
    line = await child.waitForLine((l) => l.startsWith('Hearth web host: '), { cpuMs: READY_CPU_MS })
  } catch (e) {
    child.proc.kill('SIGKILL')
    if (owned) rmSync(profileDir, { recursive: true, force: true })
    throw e
  }
  const m = READY.exec(line)
  if (!m) throw new Error(`unexpected ready line: ${line}`)
  let stopped: Promise<number | null> | null = null
  return {
    url: line.slice('Hearth web host: '.length),
    origin: (m[1] as string).replace(/\/$/, ''),
    port: Number(m[2]),
    token: m[3] as string,
    profileDir,
    child,
    stop() {
      stopped ??= (async () => {
        try {
          await endChild(child, () => child.proc.kill('SIGTERM'))
        } finally {
          if (owned) rmSync(profileDir, { recursive: true, force: true })
        }
        return (await child.exited).code
      })()
      return stopped
    },
  }
}
