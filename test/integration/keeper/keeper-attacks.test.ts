/**
 * Attacks on the keeper (issue 15, slice 1), one OS process per node on a loopback testnet:
 *  - a stock Hyperswarm client that knows the keeper's key and the keys of the logs it keeps
 *    gets no block (it never proves the group's access, and the keeper attaches no log before that);
 *  - a client that knows only the keeper's key and speaks the keeper protocol for a group of its
 *    own cannot make the keeper take that group on (no registration secret): no group slot used;
 *  - a client that was given the keeper's code (a member of another group) registers a group of
 *    its own, asks the keeper to keep the other group's logs, is refused them and gets no block,
 *    while a member arriving at the same time is served them (so the refusals are not just a
 *    keeper that serves nobody).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { parseKeeperCode } from '../../../core/keeper/keeper-code.ts'
import { events, useChildren, waitForEvent } from '../net/net-harness.ts'
import { usePeerScene } from '../sync/peer-scene.ts'
import { startKeeper, type KeeperProcess } from './keeper-process.ts'

const STRANGER = fileURLToPath(new URL('./stranger.child.ts', import.meta.url))
const tempDir = useTempDirs()
const child = useChildren()
const scene = usePeerScene({ readyMs: 90_000 })
const peer = scene.member
let keeper: KeeperProcess | null = null

afterEach(async () => {
  await keeper?.stop().catch(() => undefined)
  keeper = null
})

const lineOf = (k: KeeperProcess, key: 'kept' | 'refused' | 'unregistered'): string[] =>
  k.child.lines.flatMap((l) => {
    try {
      const v = JSON.parse(l) as Record<string, unknown>
      return typeof v[key] === 'string' ? [v[key] as string] : []
    } catch {
      return []
    }
  })

describe('the keeper serves a group’s logs to that group’s members only', () => {
  it('a stock Hyperswarm peer and a forged group get no block of a kept log; a member does', async () => {
    const boot = await scene.testnet()
    const dirs = { a: path.join(tempDir(), 'a'), b: path.join(tempDir(), 'b'), k: path.join(tempDir(), 'k'), s: tempDir() }
    keeper = await startKeeper(dirs.k, boot)
    const k = keeper
    const a = await peer(dirs.a, boot, 'Alder')
    const b0 = await peer(dirs.b, boot, 'Birch')
    const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
    const invite = await a.ok('createInvite', { groupId })
    await b0.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
    await b0.until(async () => (await b0.ok('members', { groupId })).length === 2, 30_000)
    await a.ok('addKeeper', { groupId, code: k.code })
    await b0.until(async () => (await b0.ok('groupStatus', { groupId })).keeper?.connected === true, 60_000)
    await scene.stop(b0)
    const post = await a.ok('post', { groupId, text: 'for members only' })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).keeper?.holdsMine === true, 30_000)
    const kept = lineOf(k, 'kept')
    expect(kept.length).toBeGreaterThanOrEqual(2)
    await scene.stop(a)

    const parsed = parseKeeperCode(k.code)
    const keeperKey = Buffer.from(parsed.key).toString('hex')
    const [host = '', port = ''] = boot.split(':')
    const bootstrap = [{ host, port: Number(port) }]
    // A stock peer: the keeper drops it once it has not proved access in time; nothing flowed.
    const stock = child(STRANGER, { bootstrap, dir: path.join(dirs.s, 'stock'), keeper: keeperKey, keys: kept, mode: 'stock' })
    await waitForEvent(stock, (e) => e.ev === 'connection', 30_000)
    await waitForEvent(stock, (e) => e.ev === 'closed', 30_000)

    // Knowing only the key, a stranger cannot make the keeper take a group on: no slot is used.
    const guess = child(STRANGER, { bootstrap, dir: path.join(dirs.s, 'guess'), keeper: keeperKey, keys: kept, mode: 'forged' })
    await waitForEvent(guess, (e) => e.ev === 'forged-sent', 30_000)
    await k.child.waitForLine(() => lineOf(k, 'unregistered').length >= 1, 30_000)
    await waitForEvent(guess, (e) => e.ev === 'closed', 30_000)
    expect(lineOf(k, 'refused')).toEqual([])

    // Given the code, a forged group is taken on, and asks for the real group's logs: each is refused.
    const forged = child(STRANGER, { bootstrap, dir: path.join(dirs.s, 'forged'), keeper: keeperKey, keys: kept, mode: 'forged', register: Buffer.from(parsed.register).toString('hex') })
    await waitForEvent(forged, (e) => e.ev === 'forged-sent', 30_000)
    await k.child.waitForLine(() => kept.every((log) => lineOf(k, 'refused').includes(log)), 30_000)

    // Meanwhile a member is served: B, online alone with the keeper, reads A's post.
    const b = await peer(dirs.b, boot, null)
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === post.id), 60_000)
    expect(events(stock).filter((e) => e.ev === 'block')).toEqual([])
    expect(events(forged).filter((e) => e.ev === 'block')).toEqual([])
    expect(events(guess).filter((e) => e.ev === 'block')).toEqual([])
    // The stranger dials again and again (joinPeer); each time it is the same unregistered group.
    expect(new Set(lineOf(k, 'unregistered')).size).toBe(1)
  }, 240_000)
})
