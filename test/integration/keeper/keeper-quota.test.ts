/**
 * The keeper's quota (issue 15, `hearth keeper serve --quota SIZE`), one OS process per node
 * (keeper, member A) on a loopback testnet. A keeper with a small quota takes A's group until it
 * is full, then asks for no more of its blocks and tells A, who sees "full"; restarted with the
 * same quota it takes nothing new; restarted with room it fetches the rest. Nothing it held is
 * lost at any step, and its folder holds no plaintext.
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
import { usePeerScene } from '../sync/peer-scene.ts'
import { startKeeper, KEEPER_PASS, type KeeperProcess } from './keeper-process.ts'
import { openKeeperProfile } from '../../../core/keeper/keeper-profile.ts'

const HEARTH = fileURLToPath(new URL('../../../scripts/hearth.ts', import.meta.url))
const tempDir = useTempDirs()
const scene = usePeerScene({ readyMs: 90_000 })
let keeper: KeeperProcess | null = null

afterEach(async () => {
  await keeper?.stop().catch(() => undefined)
  keeper = null
})

/** Blocks the keeper's store holds, all logs together, gaps counted (read once it stopped). */
async function keeperBlocks(dir: string): Promise<number> {
  const profile = await openKeeperProfile(dir, KEEPER_PASS)
  let n = 0
  try {
    for (const logs of profile.groups.values()) for (const key of logs) {
      const core = profile.store.get({ key: Buffer.from(key, 'hex') })
      await core.ready()
      for (let i = 0; i < core.length; i++) if (await core.get(i, { wait: false })) n++
      await core.close()
    }
  } finally {
    await profile.close()
  }
  return n
}

describe('the keeper’s quota', () => {
  it('past it the keeper refuses new blocks, the member sees "full", nothing held is lost', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), k: path.join(tempDir(), 'k') }
    const secret = makeCanary('quota')
    keeper = await startKeeper(dirs.k, boot, ['--quota', '16KB'])
    const a = await scene.member(dirs.a, boot, 'Alder')
    const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
    await a.ok('addKeeper', { groupId, code: keeper.code })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.connected === true, 60_000)

    // About 30 KB of posts: the keeper fills up on the way and says so.
    const long = (n: number): string => `${secret} post ${n} `.padEnd(3000, '·')
    for (let n = 0; n < 10; n++) await a.ok('post', { groupId, text: long(n) })
    await keeper.child.waitForLine((l) => l.startsWith('{"full":'), 120_000)
    await a.until(async () => (await a.ok('keepers', { groupId }))[0]?.reach?.full === true, 60_000)
    expect((await a.ok('groupStatus', { groupId })).keeper).toMatchObject({ full: true, holdsMine: false })

    // Written after it was full: never asked for, even across a restart with the same quota.
    for (let n = 10; n < 14; n++) await a.ok('post', { groupId, text: long(n) })
    const total = (await a.ok('groupStatus', { groupId })).blocks
    await keeper.stop()
    const heldFull = await keeperBlocks(dirs.k)
    expect(heldFull).toBeGreaterThan(0)
    keeper = await startKeeper(dirs.k, boot, ['--quota', '16KB'])
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
  }, 400_000)

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
