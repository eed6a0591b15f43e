/** What the multi-process sync benchmarks share: a percentile, a fast poll, and the machine's load line. */
import { execSync } from 'node:child_process'

/** The p-th percentile of `xs` (nearest rank). */
export const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number

/** Polls `probe` every 2 ms (a call to a peer process takes longer than that) until it holds. */
export async function until(probe: () => Promise<boolean>, timeoutMs = 30_000, everyMs = 2): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error('timed out')
}

/** `uptime`'s line: the load before and after a run goes beside its figures. */
export const uptime = (): string => execSync('uptime').toString().trim()
