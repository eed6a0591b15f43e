/**
 * The keeper bench's second part (scripts/bench/keeper.ts): the initial sync of a large group
 * from a member and from the keeper alone, and the keeper's footprint (RSS, disk).
 *
 * Both newcomers are admitted by A, the group's creator (a join is direct: decisions.md, slice 3).
 * From a member: N1 joins while A stays online and there is no keeper. From the keeper: A adds
 * the keeper and waits until it holds every block; N2 joins, and A stops as soon as N2 is
 * admitted, so the rest comes from the keeper alone. N2 is keeper-only (the default).
 * Measured 2026-12-06: the join call returns with N2's `blocks` already at the group's count
 * (the initial sync from its admitter is part of the join), so what the keeper alone serves
 * here is the older history (the backfill); docs/benchmarks.md.
 */
import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startPeer, type Peer } from '../../test/helpers/peer.ts'
import type { KeeperProcess } from '../../test/helpers/keeper-process.ts'
import { buildBigGroup } from './big-group.ts'
import { until } from './bench-util.ts'

export const PASS = 'benchmark passphrase, not secret'
export interface Footprint { rss: number; disk: number }
export interface Newcomer { initialMs: number; wholeMs: number; blocksWhenAlone: number }
export interface InitialSync { blocks: number; member: Newcomer; keeper: Newcomer; keeperFillMs: number }

/** The keeper process's resident memory (bytes, /proc) and its profile folder's size on disk. */
export function keeperFootprint(keeper: KeeperProcess, dir: string): Footprint {
  const status = readFileSync(`/proc/${keeper.child.proc.pid}/status`, 'utf8')
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024
  const disk = Number(execSync(`du -sb ${JSON.stringify(dir)}`).toString().split('\t')[0])
  return { rss, disk }
}

export interface Opts { root: string; boot: string; keeper: KeeperProcess; updates: number; peers: Peer[]; footprint: { when: string; at: Footprint }[] }

/** Starts and stops member processes in the bench's folder, kept in `o.peers` so the bench stops what is left. */
export function peerProcesses(o: Opts): { start(dir: string): Promise<Peer>; stop(p: Peer): Promise<void> } {
  return {
    async start(dir) {
      // A 100,000-update run outlives a peer process's default life (300 s).
      const p = await startPeer(path.join(o.root, dir), o.boot, { HEARTH_PEER_LIFETIME_MS: '7200000' }, { readyMs: 90_000 })
      o.peers.push(p)
      return p
    },
    async stop(p) {
      o.peers.splice(o.peers.indexOf(p), 1)
      await p.stop()
    },
  }
}

export async function initialSyncBench(o: Opts): Promise<InitialSync> {
  const { groupId } = await buildBigGroup(path.join(o.root, 'big'), PASS, o.updates, 20)
  const { start, stop } = peerProcesses(o)
  const a = await start('big')
  await a.ok('unlock', { passphrase: PASS }, 90_000)
  await a.until(async () => (await a.ok('groupStatus', { groupId })).online, 120_000)
  const blocks = (await a.ok('groupStatus', { groupId })).blocks

  /** A newcomer joins by A's invite; `alone` runs once its node knows what it needs, and returns the blocks it held then. */
  const newcomer = async (dir: string, alone: (n: Peer) => Promise<number>): Promise<Newcomer> => {
    const n = await start(dir)
    await n.ok('createProfile', { passphrase: PASS, name: dir }, 90_000)
    const { code } = await a.ok('createInvite', { groupId })
    const t0 = performance.now()
    await n.ok('joinGroup', { code, waitMs: 120_000 }, 130_000)
    const blocksWhenAlone = await alone(n)
    await until(async () => (await n.ok('groupStatus', { groupId })).blocks >= blocks, 900_000)
    const initialMs = performance.now() - t0
    await until(async () => (await n.ok('groupStatus', { groupId })).historyLeft === 0, 1_200_000)
    const wholeMs = performance.now() - t0
    await stop(n)
    return { initialMs, wholeMs, blocksWhenAlone }
  }

  const member = await newcomer('n1', async () => 0)
  // A keeps meeting members on the topic, so it can still answer N2's invite (a keeper-only member hosts none).
  await a.ok('setKeeperOnly', { on: false })
  const t = performance.now()
  await a.ok('addKeeper', { groupId, code: o.keeper.code })
  await until(async () => ((await a.ok('groupStatus', { groupId })).keeper?.blocksHeld ?? 0) >= blocks, 1_200_000)
  const keeperFillMs = performance.now() - t
  o.footprint.push({ when: `and the ${o.updates.toLocaleString()}-update group (${blocks.toLocaleString()} blocks)`, at: keeperFootprint(o.keeper, path.join(o.root, 'k')) })
  // A leaves the moment N2 is admitted: what N2 reads after that comes from the keeper, which it
  // learns of from the governance it read to see its own admission. (Waiting for N2's status to
  // name the keeper first let N2 read its whole initial sync from A on a loaded machine.)
  const kept = await newcomer('n2', async (n) => {
    await stop(a)
    return (await n.ok('groupStatus', { groupId })).blocks
  })
  return { blocks, member, keeper: kept, keeperFillMs }
}
