/**
 * A removed member can no longer pull from the keeper (issue 15), one OS process per node
 * (keeper, A, B, C, and C's stand-in after removal) on a loopback testnet. A facilitator gives
 * the group a keeper; B and C follow it; both leave. A removes C: the rotation changes the
 * group's access key for the keeper, and A's node moves the keeper on to it at once (a
 * successor with a sealed box per remaining member); the old key is retired. A posts and leaves.
 *  - C, with everything it kept (its old epoch key, the keeper's code, the logs' keys), replays
 *    its old proof, proves its old key and sends a successor of its own: it gets no block at all.
 *  - B, offline through the rotation, comes back, meets only the keeper, proves its old key, is
 *    handed the successor, opens its box, and reads A's post written after the rotation.
 * The protection attacked: with the retirement switched off (keeper-node.ts onAccess serving a
 * retired key), C's old key is served and its stand-in downloads blocks.
 * Started keeper first and members first, and under a CPU hog on both cores.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { startCpuHog, type CpuHog } from '../../helpers/cpu-hog.ts'
import { events, useChildren, waitForEvent } from '../net/net-harness.ts'
import { usePeerScene, PASS } from '../sync/peer-scene.ts'
import { keeperOpensNothing, startKeeper, type KeeperProcess } from './keeper-process.ts'
import { parseKeeperCode } from '../../../core/keeper/keeper-code.ts'
import { Vault } from '../../../core/store/vault.ts'
import { epochKeys } from '../../../core/group/group-vault.ts'

const REMOVED = fileURLToPath(new URL('./removed-member.child.ts', import.meta.url))
const tempDir = useTempDirs()
const child = useChildren()
const scene = usePeerScene({ readyMs: 90_000 })
const peer = scene.member
let keeper: KeeperProcess | null = null
let hog: CpuHog | null = null

afterEach(async () => {
  await hog?.stop()
  hog = null
  await keeper?.stop().catch(() => undefined)
  keeper = null
})

const jsonLines = (k: KeeperProcess, key: string): Record<string, unknown>[] =>
  k.child.lines.flatMap((l) => {
    try {
      const v = JSON.parse(l) as Record<string, unknown>
      return key in v ? [v] : []
    } catch {
      return []
    }
  })

/** The epoch keys a member's profile keeps for a group (read once its process stopped), as hex. */
async function heldEpochKeys(dir: string, groupId: string): Promise<string[]> {
  const vault = new Vault(dir)
  await vault.unlock(PASS)
  try {
    return epochKeys(vault, groupId).map(([, k]) => Buffer.from(k).toString('hex'))
  } finally {
    vault.lock()
  }
}

async function scenario(order: 'keeper first' | 'members first', busy: boolean): Promise<void> {
  const boot = await scene.testnet()
  const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), c: path.join(tempDir(), 'c'), k: path.join(tempDir(), 'k'), s: tempDir() }
  if (order === 'keeper first') keeper = await startKeeper(dirs.k, boot)
  const a = await peer(dirs.a, boot, 'Alder')
  const b = await peer(dirs.b, boot, 'Birch')
  const c = await peer(dirs.c, boot, 'Cedar')
  const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
  for (const p of [b, c]) {
    const invite = await a.ok('createInvite', { groupId })
    await p.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
  }
  await a.until(async () => (await a.ok('members', { groupId })).length === 3, 60_000)
  if (order === 'members first') keeper = await startKeeper(dirs.k, boot)
  const k = keeper as KeeperProcess
  await a.ok('addKeeper', { groupId, code: k.code })
  for (const p of [b, c]) await p.until(async () => (await p.ok('groupStatus', { groupId })).keeper?.connected === true, 90_000)
  const cId = (await a.ok('members', { groupId })).find((m) => m.pseudonym === 'Cedar')?.id as string
  await scene.stop(b)
  await scene.stop(c)
  const cKeys = await heldEpochKeys(dirs.c, groupId)
  expect(cKeys.length).toBeGreaterThan(0)

  if (busy) hog = startCpuHog()
  expect(await a.ok('removeMember', { groupId, member: cId })).toEqual({ member: cId, status: 'removed' })
  // A's node moves the keeper on to the new epoch's access key; the old one is retired.
  await k.child.waitForLine(() => jsonLines(k, 'succeeded').length === 1, 120_000)
  const secret = makeCanary('after-removal')
  const post = await a.ok('post', { groupId, text: `for those still here ${secret}` })
  await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.holdsMine === true, 120_000)
  await scene.stop(a)

  // C, with everything it kept, tries its old proof, its old key and a successor of its own.
  const kept = jsonLines(k, 'kept').map((v) => v.kept as string)
  const parsed = parseKeeperCode(k.code)
  const [host = '', port = ''] = boot.split(':')
  const removed = child(REMOVED, { bootstrap: [{ host, port: Number(port) }], dir: dirs.s, keeper: Buffer.from(parsed.key).toString('hex'), keys: kept, epochKey: cKeys[0], register: Buffer.from(parsed.register).toString('hex') })
  await waitForEvent(removed, (e) => e.ev === 'closed' && e.n === 1, 60_000)
  await waitForEvent(removed, (e) => e.ev === 'answer' && e.n === 2, 60_000)
  await waitForEvent(removed, (e) => e.ev === 'closed' && e.n === 2, 60_000)

  // B, offline through the rotation, meets only the keeper and reads A's post written after it.
  const b2 = await peer(dirs.b, boot, null)
  await b2.until(async () => (await b2.ok('feed', { groupId })).posts.some((p) => p.id === post.id), 180_000)
  expect((await b2.ok('groupStatus', { groupId })).peers).toEqual([])

  // It dials again and again (joinPeer); every answer is the same: retired, never served.
  expect(new Set(events(removed).filter((e) => e.ev === 'answer').map((e) => e.kind))).toEqual(new Set(['retired']))
  expect(events(removed).filter((e) => e.ev === 'block')).toEqual([])
  // The keeper took no successor but A's, and names the group by the new key only.
  expect(jsonLines(k, 'succeeded')).toHaveLength(1)
  await scene.stop(b2)
  await k.stop()
  keeper = null
  const aKeys = await heldEpochKeys(dirs.a, groupId)
  expect(aKeys.length).toBe(cKeys.length + 1)
  expect(scanForCanaries([dirs.k], [secret, 'Thursday circle', 'Alder', 'Birch', 'Cedar', ...aKeys])).toEqual([])
  expect(await keeperOpensNothing(dirs.k)).toBeGreaterThan(0)
}

describe('a removed member gets nothing more from the keeper; a member offline through the rotation does', () => {
  it('keeper first', () => scenario('keeper first', false), 600_000)
  it('members first', () => scenario('members first', false), 600_000)
  it('under a CPU hog on both cores', () => scenario('keeper first', true), 900_000)
})
