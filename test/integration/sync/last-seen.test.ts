/**
 * Last seen survives a restart (sync status, DESIGN.md §4): A sees B connect and leave; A's
 * process stops and starts again on the same profile, and still says when B was last seen —
 * from the sealed personal doc, the same value, while B stays away. B's member id, which that
 * doc names, appears nowhere in A's profile in readable form (the canary rule, DESIGN.md §5).
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { scanForCanaries } from '../../helpers/canary.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { PASS, usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

const { start, stop } = scene

describe('last seen', () => {
  it('is kept across a restart', async () => {
    const boot = await scene.testnet()
    const aDir = path.join(tempDir(), 'a')
    let a = await start(aDir, boot)
    const b = await start(path.join(tempDir(), 'b'), boot)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const { code } = await a.ok('createInvite', { groupId })
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online)
    await b.ok('joinGroup', { code, waitMs: 30_000 }, 40_000)
    await a.until(async () => (await a.ok('groupStatus', { groupId })).peers.length > 0)
    const birch = (await a.ok('members', { groupId })).find((m) => m.pseudonym === 'Birch')?.id as string

    await stop(b)
    await a.until(async () => (await a.ok('groupStatus', { groupId })).peers.length === 0)
    const seen = (await a.ok('groupStatus', { groupId })).lastSeen[birch] as number
    expect(seen).toBeGreaterThan(Date.now() - 60_000)

    await stop(a)
    expect(scanForCanaries([aDir], [birch])).toEqual([])
    a = await start(aDir, boot)
    await a.ok('unlock', { passphrase: PASS })
    expect((await a.ok('groupStatus', { groupId })).lastSeen[birch]).toBe(seen)
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online)
    expect((await a.ok('groupStatus', { groupId })).lastSeen[birch]).toBe(seen)
  }, 90_000)
})
