/**
 * Runs a TypeScript entry point as a separate Node process. If build/ holds a current build of it
 * (scripts/build/node-build.ts; every Vitest run makes one first, test/build-setup.ts), the built
 * file runs in plain Node with source maps; otherwise the source runs through tsx's loader, in the
 * same process (not the tsx CLI, which would put a second process between us and a SIGKILL).
 * Loading core through tsx costs each child about 0.75 s of CPU; the build is how a suite that
 * starts hundreds of children stays within its time on two cores.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { builtEntry } from '../../scripts/build/built-entry.mjs'
import { FairClock } from './fair-time.ts'

const tsxLoader = createRequire(import.meta.url).resolve('tsx')

/**
 * Node's arguments to run `file`: the current build of it, or the source through tsx
 * (HEARTH_RUN_SOURCES=1 asks for the source even when a build is current: for comparisons).
 */
export function nodeArgsFor(file: string): string[] {
  const built = process.env.HEARTH_RUN_SOURCES === '1' ? null : builtEntry(file)
  return built ? ['--enable-source-maps', built] : ['--import', tsxLoader, file]
}

export interface Child {
  proc: ChildProcess
  /** Every stdout line so far. */
  lines: string[]
  /**
   * Resolves with the first line that satisfies `match` (rejects on exit or timeout). The bound
   * is wall time (ms); or `{ cpuMs }`: the CPU time the child spends during the wait, for a wait
   * that is all the child's own work (a start-up, a call's answer), which wall time on a loaded
   * machine does not measure; or `{ fairMs }`: fair-share time (fair-time.ts), for a wait on the
   * child's progress with others (the network, other processes). Both also end at
   * LINE_HANG_GUARD_MS of wall time (a fair budget's guard is at least twice the budget), for a
   * child that waits on nothing and spends nothing. Without a bound, only the hang guard.
   */
  waitForLine(match: (line: string) => boolean, bound?: LineBound): Promise<string>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr(): string
}

/** How long a wait for a line may last: wall ms, the child's own CPU ms during the wait, or fair-share ms. */
export type LineBound = number | { cpuMs: number } | { fairMs: number }

export function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv = {}, opts: { stdin?: boolean } = {}): Child {
  const proc = spawn(process.execPath, [...nodeArgsFor(file), ...args], {
    env: { ...process.env, ...env },
    stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let err = ''
  let partial = ''
  const waiters = new Set<() => void>()
  proc.stdout?.on('data', (d: Buffer) => {
    partial += d.toString('utf8')
    const parts = partial.split('\n')
    partial = parts.pop() ?? ''
    lines.push(...parts)
    for (const w of waiters) w()
  })
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      for (const w of waiters) w()
      resolve({ code, signal })
    }),
  )
  function waitForLine(match: (line: string) => boolean, bound: LineBound = LINE_HANG_GUARD_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      const fair = typeof bound === 'object' && 'fairMs' in bound ? new FairClock(bound.fairMs) : null
      const wallMs = typeof bound === 'number' ? bound : fair ? fair.guardMs : LINE_HANG_GUARD_MS
      const timer = setTimeout(() => done(new Error(`no line after ${wallMs} ms of wall time; stderr: ${err}`)), wallMs)
      // The child's CPU time is counted from the wait's start: a call's answer waits on its own work, not on what came before.
      const cpuFrom = cpuMsOf(proc.pid) ?? 0
      const look = (): void => {
        if (fair?.over()) return done(new Error(`no line within ${fair.describe()}; stderr: ${err}`))
        if (typeof bound !== 'object' || !('cpuMs' in bound)) return
        const used = (cpuMsOf(proc.pid) ?? cpuFrom) - cpuFrom
        if (used > bound.cpuMs) done(new Error(`no line after ${used} ms of the child's own CPU time; stderr: ${err}`))
      }
      const cpuTimer = typeof bound === 'number' ? undefined : setInterval(look, CPU_LOOK_MS)
      const check = (): void => {
        const hit = lines.find(match)
        if (hit !== undefined) done(null, hit)
        else if (proc.exitCode !== null || proc.signalCode !== null) done(new Error(`child exited; stderr: ${err}`))
      }
      function done(e: Error | null, line?: string): void {
        clearTimeout(timer)
        clearInterval(cpuTimer)
        waiters.delete(check)
        if (e) reject(e)
        else resolve(line as string)
      }
      waiters.add(check)
      check()
    })
  }
  return { proc, lines, waitForLine, exited, stderr: () => err }
}

/**
 * A hang guard, not a claim: how long a wait for a child's line may last in wall time before it
 * fails with the child's stderr (the test's own limit would fail it too, but without the stderr).
 * Generous on purpose: on two cores shared by a whole suite (load 10–30) a child's start-up takes
 * 4–7 s of wall time at load 13 for under a second of its own CPU, and a 20-s wall bound that was
 * the default here fired on nothing but load. A wait whose time is a test's claim says so with its
 * own bound: the child's CPU time (`{ cpuMs }`) for its own work.
 */
export const LINE_HANG_GUARD_MS = 120_000

/**
 * A hang guard, not a claim: how long a child asked to stop may take to close and exit. Peers and
 * nodes close by flushing what they acknowledged, writing their checkpoints and leaving the swarm
 * (30–110 ms measured at load 5–9, 2026-12-07); a fixed kill a few seconds in cut that short on a
 * loaded machine, so what a restart or the next test found depended on the load. Below the
 * integration suite's 60-s hook limit, so a stuck close fails here, with the child's stderr, and
 * the child is killed rather than left running.
 */
export const CLOSE_HANG_GUARD_MS = 45_000

/**
 * Asks a child to stop (`ask`: end its stdin, send SIGTERM) and waits for its exit, the real
 * signal that it closed. Past the hang guard (CLOSE_HANG_GUARD_MS; a test of this helper passes
 * a short one) it is killed and the stop fails.
 */
export async function endChild(child: Child, ask: () => void, guardMs = CLOSE_HANG_GUARD_MS): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return
  let hung = false
  const guard = setTimeout(() => {
    hung = true
    child.proc.kill('SIGKILL')
  }, guardMs)
  ask()
  await child.exited
  clearTimeout(guard)
  if (hung) throw new Error(`a child did not exit within ${guardMs} ms of being asked to stop (a hang guard) and was killed; stderr: ${child.stderr()}`)
}

/** How often a CPU-bounded wait reads the child's CPU time. */
const CPU_LOOK_MS = 250
/** Linux reports a process's times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICK_MS = 10

/**
 * A process's own CPU time so far (user + system, ms), from /proc/PID/stat; null where there is
 * no /proc (not Linux) or the process is gone. Fields 14 and 15 (utime, stime) follow the
 * command name, which is in parentheses and may itself hold spaces.
 */
export function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return null
  }
}
