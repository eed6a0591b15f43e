/**
 * The parent side of the net integration tests: a loopback testnet, children that are always
 * stopped after each test, and the children's JSON lines.
 */
import { createRequire } from 'node:module'
import { afterEach } from 'vitest'
import type { DhtNodeAddress } from '../../../core/net/holepunch-net.ts'
import { endChild, spawnTs, type Child } from '../../helpers/child.ts'
import { untilFair } from '../../helpers/fair-time.ts'
import type { Line } from './net-fixture.ts'

export interface Testnet {
  bootstrap: DhtNodeAddress[]
  destroy(): Promise<void>
}

/**
 * A DHT of `size` nodes on 127.0.0.1 (DESIGN.md §4: never `bootstrap: false`, which is the public
 * DHT). Three is enough while every peer is on 127.0.0.1: hyperdht sees both ends on one host and
 * connects them directly. Peers on different loopback addresses (127.0.0.2, …) are hole-punched
 * like peers on the internet, and a punch needs the server's NAT sampler to hear from 3 DHT nodes
 * (hyperdht lib/nat.js); with 2 in its table it aborts. Such tests ask for MANY_HOST_TESTNET.
 */
export async function startTestnet(size = 3): Promise<Testnet> {
  const createTestnet = createRequire(import.meta.url)('hyperdht/testnet') as (size: number, opts: { host: string }) => Promise<Testnet>
  return createTestnet(size, { host: '127.0.0.1' })
}

/** Nodes for a testnet whose peers bind different loopback addresses: 5 in each peer's table, so a punch's sampler has 3 answers with 2 to spare. */
export const MANY_HOST_TESTNET = 6

/** Parses a child's lines; non-JSON lines are ignored. */
export function events(child: Child): Line[] {
  const out: Line[] = []
  for (const l of child.lines) {
    try {
      const v = JSON.parse(l) as Line
      if (v && typeof v.ev === 'string') out.push(v)
    } catch {
      // not ours
    }
  }
  return out
}

/**
 * The child's first event line that matches. `budgetMs` is fair-share time (test/helpers/fair-time.ts):
 * an event comes from the child's work with other processes over the network, which wall time on a
 * loaded machine does not measure; a wall-time hang guard ends the wait too.
 */
export function waitForEvent(child: Child, match: (e: Line) => boolean, budgetMs = 15_000): Promise<Line> {
  return child.waitForLine((l) => {
    try {
      const v = JSON.parse(l) as Line
      return typeof v.ev === 'string' && match(v)
    } catch {
      return false
    }
  }, { fairMs: budgetMs }).then((l) => JSON.parse(l) as Line)
}

/** Spawns children that are stopped (SIGTERM, then SIGKILL) after each test. */
export function useChildren(): (file: string, config: unknown) => Child {
  const running: Child[] = []
  afterEach(async () => {
    await Promise.all(running.splice(0).map(stopChild))
  })
  return (file, config) => {
    const child = startChild(file, config)
    running.push(child)
    return child
  }
}

export function startChild(file: string, config: unknown): Child {
  return spawnTs(file, [JSON.stringify(config)])
}

/** SIGTERM, then the exit; SIGKILL only past the hang guard (test/helpers/child.ts endChild). */
export function stopChild(child: Child): Promise<void> {
  return endChild(child, () => child.proc.kill('SIGTERM'))
}

/** Polls `condition` every 25 ms; rejects with `what` past `budgetMs` of fair-share time (fair-time.ts) or the wall-time hang guard. */
export function waitUntil(condition: () => boolean, what: string, budgetMs = 15_000): Promise<void> {
  return untilFair(condition, budgetMs, `waiting for ${what}`, { everyMs: 25, retry: false })
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The reasons a member child has logged for refusing peers, oldest first. */
export function rejections(child: Child): string[] {
  return events(child).filter((e) => e.ev === 'log' && e.code === 'PEER_REJECTED').map((e) => String(e.reason))
}
