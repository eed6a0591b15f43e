/**
 * The cast of a multi-process networking test: one loopback testnet, peers each in their own OS
 * process (startPeer), and at most one hostile child process (spawnTs, stdin piped). Call
 * `useProcessCast()` once at the top of a test file; after each test it ends the hostile child
 * (closing its stdin, SIGKILL if it has not exited within 10 s), stops the CPU hog, runs the file's
 * own clean-ups, stops every running peer, then destroys the testnet.
 */
import { afterEach } from 'vitest'
import type { Child } from './child.ts'
import { startCpuHog, type CpuHog } from './cpu-hog.ts'
import { PROFILE_CALL_MS, startPeer, type Peer } from './peer.ts'
import { useTempDirs } from './temp-dir.ts'
import { startTestnet, type Testnet } from '../integration/net/net-harness.ts'

export const PASS = 'correct horse battery staple'

export interface ProcessCast {
  tempDir: (prefix?: string) => string
  /** Starts the testnet; returns its bootstrap as `host:port`. */
  testnet(): Promise<string>
  /** Starts a peer on `dir`: creates a profile named `create`, or else unlocks the one there. */
  start(dir: string, boot: string, create?: string): Promise<Peer>
  stop(p: Peer): Promise<void>
  /** Peers the test started itself, to be stopped after it. */
  add(...ps: Peer[]): void
  /** Stops every running peer now. */
  stopAll(): Promise<void>
  /** The hostile child, ended after the test. */
  hostile(child: Child): Child
  /** Starts a CPU hog on every core, stopped after the test. */
  loadCpu(): void
  /** Runs after the hostile child ends and before the peers stop. */
  cleanup(fn: () => Promise<void> | void): void
}

export function useProcessCast(): ProcessCast {
  const tempDir = useTempDirs()
  let testnet: Testnet | null = null
  const running = new Set<Peer>()
  let child: Child | null = null
  const cleanups: (() => Promise<void> | void)[] = []
  let hog: CpuHog | null = null
  const stopAll = async (): Promise<void> => {
    const ps = [...running]
    running.clear()
    await Promise.all(ps.map((p) => p.stop()))
  }

  afterEach(async () => {
    const c = child
    child = null
    c?.proc.stdin?.end()
    if (c) {
      const t = setTimeout(() => c.proc.kill('SIGKILL'), 10_000)
      await c.exited
      clearTimeout(t)
    }
    await hog?.stop()
    hog = null
    for (const fn of cleanups) await fn()
    await stopAll()
    await testnet?.destroy()
    testnet = null
  })

  return {
    tempDir,
    async testnet() {
      testnet = await startTestnet()
      return `${testnet.bootstrap[0]?.host}:${testnet.bootstrap[0]?.port}`
    },
    async start(dir, boot, create) {
      const p = await startPeer(dir, boot)
      running.add(p)
      if (create) await p.ok('createProfile', { passphrase: PASS, name: create }, PROFILE_CALL_MS)
      else await p.ok('unlock', { passphrase: PASS }, PROFILE_CALL_MS)
      return p
    },
    async stop(p) {
      running.delete(p)
      await p.stop()
    },
    add(...ps) {
      for (const p of ps) running.add(p)
    },
    stopAll,
    hostile(c) {
      child = c
      return c
    },
    loadCpu() {
      hog = startCpuHog()
    },
    cleanup(fn) {
      cleanups.push(fn)
    },
  }
}
