/**
 * Honest status within 2 s of a silent leave (issue 13, Build 3; core/net/peer-hearing.ts).
 * Two members, one OS process each, on a loopback testnet, on a quiet machine and under a CPU hog
 * on every core. Each in turn is frozen with SIGSTOP (what a closed lid does) while the other
 * watches its own `groupStatus`:
 *  - within 2 s (plus the poll of the wait) the frozen member is "not heard from", and still
 *    connected: the same connection (`since` unchanged), nothing dropped;
 *  - a post written meanwhile reaches it after SIGCONT, and it is heard again at once (same bound),
 *    on the same connection;
 *  - the frozen node, once continued, does not report the watcher as gone: its own stall is not
 *    the watcher's silence.
 * Both orders (A watches B, then B watches A) run in each pass.
 */
import path from 'node:path'
import { expect, it } from 'vitest'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { usePeerScene } from '../sync/peer-scene.ts'
import { entryOf, ownId } from './status-probe.ts'

/** The bound for status, plus the poll interval of Peer.until (test/helpers/peer.ts). */
const STATUS_MS = 2_000 + 100
/** A silent member must stay connected: well under group-swarm.ts IDLE_MS (10 s). */
const CONNECT_MS = 10_000
/** Profile creation and a join on a loaded machine: set-up, not the claim. */
const SLOW = 90_000

const tempDir = useTempDirs()
const scene = usePeerScene({ readyMs: SLOW })

async function silentLeaves(): Promise<void> {
  const boot = await scene.testnet()
  const a = await scene.member(path.join(tempDir(), 'a'), boot, 'Alder')
  const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
  const { code } = await a.ok('createInvite', { groupId })
  const b = await scene.member(path.join(tempDir(), 'b'), boot, 'Birch')
  expect(await b.ok('joinGroup', { code, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
  const ids = new Map([[a, await ownId(a, groupId)], [b, await ownId(b, groupId)]])
  const idOf = (p: Peer): string => ids.get(p) ?? ''
  const heard = (watcher: Peer, other: Peer) => async (): Promise<boolean> => {
    const e = await entryOf(watcher, groupId, idOf(other))
    return e !== undefined && e.notHeardSince === undefined
  }
  await Promise.all([a.until(heard(a, b), CONNECT_MS), b.until(heard(b, a), CONNECT_MS)])

  for (const [watcher, silent] of [[a, b], [b, a]] as const) {
    const before = await entryOf(watcher, groupId, idOf(silent))
    expect(before?.notHeardSince).toBeUndefined()
    silent.child.proc.kill('SIGSTOP')
    try {
      await watcher.until(async () => (await entryOf(watcher, groupId, idOf(silent)))?.notHeardSince !== undefined, STATUS_MS)
      const quiet = await entryOf(watcher, groupId, idOf(silent))
      // Still the same connection: not dropped, not redialled.
      expect(quiet?.since).toBe(before?.since)
      expect(quiet?.notHeardSince).toBeLessThanOrEqual(Date.now())
    } finally {
      silent.child.proc.kill('SIGCONT')
    }
    // Frozen past QUIET_MS itself, the continued node must not call the watcher gone.
    expect((await entryOf(silent, groupId, idOf(watcher)))?.notHeardSince).toBeUndefined()
    await watcher.until(heard(watcher, silent), STATUS_MS)
    expect((await entryOf(watcher, groupId, idOf(silent)))?.since).toBe(before?.since)
  }

  // Nothing queued was lost: a post written while the other was frozen reaches it.
  b.child.proc.kill('SIGSTOP')
  let post: { id: string }
  try {
    await a.until(async () => (await entryOf(a, groupId, idOf(b)))?.notHeardSince !== undefined, STATUS_MS)
    post = await a.ok('post', { groupId, text: 'written while B was not heard from' })
  } finally {
    b.child.proc.kill('SIGCONT')
  }
  await b.until(async () => (await b.ok('feed', { groupId, limit: 20 })).posts.some((x) => x.id === post.id), CONNECT_MS)
  expect((await entryOf(a, groupId, idOf(b)))?.since).toBeDefined()
}

quietAndHog('not heard from', (hogged) => {
  it('a frozen member shows as not heard from within 2 s, stays connected, and is heard again at once', silentLeaves, hogged ? 300_000 : 240_000)
})
