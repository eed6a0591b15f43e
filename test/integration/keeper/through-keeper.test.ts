/**
 * Through the keeper (issue 15): one OS process per node on a loopback testnet. A facilitator
 * gives the group a keeper (governance); member A posts and leaves; member B, never online at the
 * same time as A after that, comes online and reads A's words from the keeper alone. Started in more than one order, and with the keeper
 * restarted in between (SIGTERM loses nothing). The keeper's profile holds no plaintext.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { usePeerScene } from '../sync/peer-scene.ts'
import { keeperOpensNothing, startKeeper, type KeeperProcess } from './keeper-process.ts'
import { startCpuHog, type CpuHog } from '../../helpers/cpu-hog.ts'

const tempDir = useTempDirs()
const scene = usePeerScene({ readyMs: 90_000 })
const peer = scene.member
const stop = scene.stop
const keepers: KeeperProcess[] = []
let hog: CpuHog | null = null

afterEach(async () => {
  await hog?.stop()
  hog = null
  await Promise.all(keepers.splice(0).map((k) => k.stop().catch(() => undefined)))
})

async function keeper(dir: string, boot: string): Promise<KeeperProcess> {
  const k = await startKeeper(dir, boot)
  keepers.push(k)
  return k
}

async function stopKeeper(k: KeeperProcess): Promise<void> {
  keepers.splice(keepers.indexOf(k), 1)
  await k.stop()
}

/**
 * A and B in one group; A (a facilitator) gives it the keeper, B's node follows governance to it;
 * B then leaves. Returns the group id.
 */
async function groupOfTwo(boot: string, dirs: { a: string; b: string }, keeperCode: string): Promise<{ a: Peer; groupId: string }> {
  const a = await peer(dirs.a, boot, 'Alder')
  const b = await peer(dirs.b, boot, 'Birch')
  const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
  await a.ok('setRules', { groupId, text: 'Be gentle.' })
  const invite = await a.ok('createInvite', { groupId })
  expect(await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'admitted' })
  await b.until(async () => (await b.ok('members', { groupId })).length === 2, 30_000)
  const added = await a.ok('addKeeper', { groupId, code: keeperCode.toLowerCase() })
  expect(added).toMatchObject([{ code: keeperCode, current: true, addedBy: { name: 'Alder' } }])
  // B follows the group's keeper from governance: its link is open once it read the event.
  await b.until(async () => (await b.ok('groupStatus', { groupId })).keeper?.connected === true, 60_000)
  await stop(b)
  return { a, groupId }
}

describe('members who are never online together sync through the keeper', () => {
  it('keeper first: A posts while the keeper is online and leaves; B arrives later and reads it from the keeper alone', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), k: path.join(tempDir(), 'k') }
    const k = await keeper(dirs.k, boot)
    expect(k.code).toMatch(/^([0-9A-Z]{4}-){23}[0-9A-Z]{4}$/)
    expect(k.groups).toEqual([])
    const { a, groupId } = await groupOfTwo(boot, dirs, k.code)

    const secret = makeCanary('keeper-post')
    const post = await a.ok('post', { groupId, text: `while you were away ${secret}` })
    // Held by the keeper: nobody but the keeper is connected, and it says it holds A's whole log.
    await a.until(async () => {
      const s = await a.ok('groupStatus', { groupId })
      return s.peers.length === 0 && s.keeper?.holdsMine === true
    }, 30_000)
    // Honest status: the keeper is not "another member".
    expect(await a.ok('groupStatus', { groupId })).toMatchObject({ writesHeld: false, keeper: { connected: true, holdsMine: true, lastReached: expect.any(Number) } })
    await stop(a)

    const b = await peer(dirs.b, boot, null)
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === post.id), 60_000)
    expect((await b.ok('groupStatus', { groupId })).peers).toEqual([])
    await stopKeeper(k)
    expect(scanForCanaries([dirs.k], [secret, 'Thursday circle', 'Be gentle.', 'Alder', 'Birch'])).toEqual([])
    expect(await keeperOpensNothing(dirs.k)).toBeGreaterThan(0)
  }, 240_000)

  it('under a CPU hog on both cores: B, arriving after A left, reads A through the keeper', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), k: path.join(tempDir(), 'k') }
    const k = await keeper(dirs.k, boot)
    const { a, groupId } = await groupOfTwo(boot, dirs, k.code)
    hog = startCpuHog()
    const post = await a.ok('post', { groupId, text: 'busy machine, still here' })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.holdsMine === true, 90_000)
    await stop(a)
    const b = await peer(dirs.b, boot, null)
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === post.id), 120_000)
  }, 400_000)

  it('keeper restarted in between: A posts while no keeper runs, syncs to it when it is back, leaves; the keeper restarts; B reads A from it', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), k: path.join(tempDir(), 'k') }
    const k0 = await keeper(dirs.k, boot)
    const { a, groupId } = await groupOfTwo(boot, dirs, k0.code)
    await stopKeeper(k0)
    const post = await a.ok('post', { groupId, text: 'written while no keeper ran' })
    const k1 = await keeper(dirs.k, boot)
    expect(k1.code).toBe(k0.code)
    await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.holdsMine === true, 60_000)
    const list = await a.ok('keepers', { groupId })
    expect(list[0]?.reach).toMatchObject({ connected: true, holdsMine: true })
    expect(list[0]?.reach?.blocksHeld).toBeGreaterThan(0)
    await stop(a)
    await stopKeeper(k1)

    const k2 = await keeper(dirs.k, boot)
    expect(k2.groups).toHaveLength(1)
    const b = await peer(dirs.b, boot, null)
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === post.id), 60_000)
  }, 240_000)
})
