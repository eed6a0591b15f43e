/**
 * The keeper's quota (issue 15, `hearth keeper serve --quota SIZE`), one OS process per node
 * (keeper, member A) on a loopback testnet. A keeper with a small quota takes A's group until it
 * is full, then asks for no more of its blocks and tells A, who sees "full"; restarted with the
 * same quota it takes nothing new; restarted with room it fetches the rest. Nothing it held is
 * lost at any step, and its folder holds no plaintext. Keeper first, and member first under a
 * CPU hog on both cores.
 *
 * The protections attacked: if the keeper kept downloading past the quota (keeper-node.ts
 * `charge`, or `open` on a restart), the second count below would reach A's whole history; if the
 * member's side took the keeper's length for what it holds (keeper-link.ts `holds`), A would be
 * told "held by the keeper" while it is full.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { spawnTs } from '../../helpers/child.ts'
import { startCpuHog, type CpuHog } from '../../helpers/cpu-hog.ts'
import { usePeerScene } from '../sync/peer-scene.ts'
import { keeperBlocks, startKeeper, KEEPER_PASS, type KeeperProcess } from './keeper-process.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const tempDir = useTempDirs()
const scene = usePeerScene({ readyMs: 90_000 })
let keeper: KeeperProcess | null = null
let hog: CpuHog | null = null

afterEach(async () => {
  await hog?.stop()
  hog = null
  await keeper?.stop().catch(() => undefined)
  keeper = null
})

/**
 * Keeper and A. Keeper first: it runs while A writes and fills on the way. Member first: A adds
 * the keeper by its code and writes everything while it is not running; it arrives to a history
 * past its quota.
 */
async function fillAndRefuse(order: { keeperFirst: boolean }): Promise<void> {
  const boot = await scene.testnet()
  const dirs = { a: path.join(tempDir(), 'a'), k: path.join(tempDir(), 'k') }
  const secret = makeCanary('quota')
  keeper = await startKeeper(dirs.k, boot, ['--quota', '16KB'])
  const code = keeper.code
  if (!order.keeperFirst) {
    await keeper.stop()
    keeper = null
  }
  const a = await scene.member(dirs.a, boot, 'Alder')
  const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
  await a.ok('addKeeper', { groupId, code })
  // About 30 KB of posts: the keeper fills up on the way, or on arrival, and says so.
  const long = (n: number): string => `${secret} post ${n} `.padEnd(3000, '·')
  if (order.keeperFirst) await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.connected === true, 60_000)
  for (let n = 0; n < 10; n++) await a.ok('post', { groupId, text: long(n) })
  keeper ??= await startKeeper(dirs.k, boot, ['--quota', '16KB'])
  await keeper.child.waitForLine((l) => l.startsWith('{"full":'), 120_000)
  await a.until(async () => (await a.ok('keepers', { groupId }))[0]?.reach?.full === true, 90_000)
  // Blocks asked for before it filled up may all have arrived (a keeper arriving to the whole
  // backlog asks for it at once), so "holds mine" may still be true here; not after the next posts.
  expect((await a.ok('groupStatus', { groupId })).keeper).toMatchObject({ full: true })

  // Written after it was full: never asked for, even across a restart with the same quota.
  for (let n = 10; n < 14; n++) await a.ok('post', { groupId, text: long(n) })
  expect((await a.ok('groupStatus', { groupId })).keeper).toMatchObject({ full: true, holdsMine: false })
  const total = (await a.ok('groupStatus', { groupId })).blocks
  await keeper.stop()
  const heldFull = await keeperBlocks(dirs.k)
  expect(heldFull).toBeGreaterThan(0)
  keeper = await startKeeper(dirs.k, boot, ['--quota', '16KB'])
  await keeper.child.waitForLine((l) => l.startsWith('{"full":'), 60_000)
  // Full again at once, and reconnected far enough that its holdings reached A (replication attached).
  await a.until(async () => {
    const r = (await a.ok('keepers', { groupId }))[0]?.reach
    return r?.full === true && r.connected && r.blocksHeld > 0
  }, 90_000)
  await keeper.stop()
  const heldAgain = await keeperBlocks(dirs.k)
  expect(heldAgain).toBe(heldFull)
  expect(heldAgain).toBeLessThan(total)

  // With room, the same keeper fetches the rest: the blocks were there to take all along.
  keeper = await startKeeper(dirs.k, boot, ['--quota', '1GB'])
  await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.holdsMine === true, 120_000)
  expect((await a.ok('keepers', { groupId }))[0]?.reach?.full).toBeUndefined()
  await scene.stop(a)
  await keeper.stop()
  keeper = null
  expect(await keeperBlocks(dirs.k)).toBeGreaterThan(heldAgain)
  expect(scanForCanaries([dirs.k], [secret, 'Thursday circle', 'Alder'])).toEqual([])
}

describe('the keeper’s quota', () => {
  it('keeper first: past the quota it refuses new blocks, the member sees "full", nothing held is lost', async () => {
    await fillAndRefuse({ keeperFirst: true })
  }, 400_000)

  it('member first, under a CPU hog on both cores: a keeper that arrives to more than its quota fills, refuses, loses nothing', async () => {
    hog = startCpuHog()
    await fillAndRefuse({ keeperFirst: false })
  }, 500_000)

  it('refuses a size it cannot read with a coded error, before touching the profile', async () => {
    const dir = path.join(tempDir(), 'k')
    const child = spawnTs(HEARTH, ['keeper', 'serve', '--profile', dir, '--bootstrap', '127.0.0.1:1', '--json', '--quota', 'lots'], { HEARTH_PASSPHRASE: KEEPER_PASS })
    const { code } = await child.exited
    expect(code).not.toBe(0)
    const said = child.lines.join('\n') + child.stderr()
    expect(said).toContain('INVALID_INPUT')
    expect(said).toContain('--quota wants a size such as 500MB')
    expect(existsSync(dir)).toBe(false)
  }, 60_000)
})
