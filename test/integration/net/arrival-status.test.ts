/**
 * Honest status within 2 s of a peer arriving or leaving (issue 13, Build 3), the arrival and the
 * two ways of leaving that not-heard.test.ts (a frozen peer) does not cover. Two members, one OS
 * process each, on a loopback testnet, quiet and under a CPU hog on every core; each member in
 * turn is the one who comes and goes, so both orders run in each pass:
 *  - arrival: the returning member is restarted and unlocked while the other polls its own
 *    `groupStatus`; from the moment the first of the two sees the other, the second must see it
 *    within 2 s. A connection both ends have authenticated is one event: neither end may lag.
 *  - a clean leave (the node closes, as on quit): gone from the other's status within 2 s;
 *  - a crash (SIGKILL, so no goodbye reaches anyone): "not heard from" within 2 s.
 */
import path from 'node:path'
import { expect, it } from 'vitest'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { usePeerScene } from '../sync/peer-scene.ts'
import { entryOf, ownId } from './status-probe.ts'

/** The bound for status, plus the poll interval below. */
const STATUS_MS = 2_000 + 100
/** Two members online find each other within 10 s (issue 13, Build 1): the wait for the first sight. */
const CONNECT_MS = 10_000
/** Profile creation, unlock and a join on a loaded machine: set-up, not the claim. */
const SLOW = 90_000

const tempDir = useTempDirs()
const scene = usePeerScene({ readyMs: SLOW })

/** Polls both sides every 100 ms until each sees the other heard from; the time each first did. */
async function firstSights(x: Peer, xSees: string, y: Peer, ySees: string, groupId: string): Promise<[number, number]> {
  const sight = async (p: Peer, other: string): Promise<number> => {
    const deadline = Date.now() + CONNECT_MS + STATUS_MS
    while (Date.now() < deadline) {
      const e = await entryOf(p, groupId, other).catch(() => undefined)
      if (e && e.notHeardSince === undefined) return Date.now()
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the two members did not meet in time')
  }
  return Promise.all([sight(x, xSees), sight(y, ySees)])
}

async function comingAndGoing(): Promise<void> {
  const boot = await scene.testnet()
  const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b') }
  let a = await scene.member(dirs.a, boot, 'Alder')
  const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
  const { code } = await a.ok('createInvite', { groupId })
  let b = await scene.member(dirs.b, boot, 'Birch')
  expect(await b.ok('joinGroup', { code, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
  const ids = { a: await ownId(a, groupId), b: await ownId(b, groupId) }
  await firstSights(a, ids.b, b, ids.a, groupId)

  for (const mover of ['b', 'a'] as const) {
    const stayer = mover === 'b' ? a : b
    const stayerId = mover === 'b' ? ids.a : ids.b
    let moving = mover === 'b' ? b : a

    // A clean leave: the node closes its connections on the way out.
    await scene.stop(moving)
    await stayer.until(async () => (await entryOf(stayer, groupId, ids[mover])) === undefined, STATUS_MS)

    // Arrival: restarted and unlocked; both ends must agree within the bound.
    moving = await scene.member(dirs[mover], boot, null)
    const [stayerSaw, moverSaw] = await firstSights(stayer, ids[mover], moving, stayerId, groupId)
    expect(Math.abs(stayerSaw - moverSaw), `${mover} arriving: one end saw the other ${Math.abs(stayerSaw - moverSaw)} ms after the first`).toBeLessThanOrEqual(STATUS_MS)

    // A crash: no goodbye; the silence shows within the bound, before the 10-s drop.
    moving.child.proc.kill('SIGKILL')
    await moving.child.exited
    await stayer.until(async () => (await entryOf(stayer, groupId, ids[mover]))?.notHeardSince !== undefined || (await entryOf(stayer, groupId, ids[mover])) === undefined, STATUS_MS)
    await scene.stop(moving)

    // Back for the next order.
    moving = await scene.member(dirs[mover], boot, null)
    await firstSights(stayer, ids[mover], moving, stayerId, groupId)
    if (mover === 'b') b = moving
    else a = moving
  }
}

quietAndHog('arrival and leaving', (hogged) => {
  it('an arrival shows on both ends within 2 s of each other; a clean leave and a crash show within 2 s', comingAndGoing, hogged ? 400_000 : 300_000)
})
