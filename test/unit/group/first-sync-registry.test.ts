/**
 * The first-sync mark at the registry (group-registry.ts, session 13's review, R5b): a group meta
 * that carries `firstSync` opens a space whose history counts as arriving until the first sync is
 * complete (first-sync.ts); the mark leaves the vault when the space says FIRST_SYNC_ENDED, or when
 * the open's own catch-ups end it, and not before; a restart with the mark still there begins the
 * guard again.
 *
 * A real profile on disk (vault, log store, registry), no network. The newcomer's store holds the
 * host's log and Fay's as replication leaves them (device logs of the same store, read by key as
 * peer logs, as test/helpers/fellow-group.ts does): the host founds the group, admits the newcomer
 * and Fay, and posts. Fay's log is named and empty, so it has told no length (review finding A)
 * until she writes. The profile is built by newcomer-profile.ts.
 */
import { describe, expect, it } from 'vitest'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { seededRandom } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { closeAndReadMark, newcomerProfile as build, openProfile } from './newcomer-profile.ts'

const tempDir = useTempDirs()
const nobody = { read: (): null => null }
const rnd = seededRandom(0x1457)
const newcomerProfile = (): ReturnType<typeof build> => build(tempDir(), rnd)

const ARRIVING = { posts: [], next: null, preview: true }

describe('the first-sync mark at the registry', () => {
  it('opens arriving until complete and keeps the mark; a restart begins again; the open that completes it clears it', async () => {
    const n = await newcomerProfile()
    const first = await openProfile(n.dir)
    const space = await first.reg.space(n.groupId)
    // The host's log is read, Fay's is named and has told nothing: not complete.
    expect(space.governance.knowsLog(space.own.key)).toBe(true)
    expect(space.firstSync).toBe(true)
    expect(space.arriving).toBe(true)
    expect(readerFeed(space, nobody, { limit: 20 })).toEqual(ARRIVING)
    expect(await closeAndReadMark(first, n.groupId)).toBe(true)

    // A restart with the mark still there: the guard begins again.
    const second = await openProfile(n.dir)
    const again = await second.reg.space(n.groupId)
    expect(again.firstSync).toBe(true)
    expect(again.arriving).toBe(true)
    expect(readerFeed(again, nobody, { limit: 20 })).toEqual(ARRIVING)
    expect(await closeAndReadMark(second, n.groupId)).toBe(true)

    // Fay's words arrive in the store while the profile is locked.
    const writing = await openProfile(n.dir)
    await n.fayWrites(writing.reg.store)
    expect(await closeAndReadMark(writing, n.groupId)).toBe(true)
    const third = await openProfile(n.dir)
    const s = await third.reg.space(n.groupId)
    // The open's own catch-ups read Fay's log: the first sync ended in the open, and the open clears the mark.
    expect(s.firstSync).toBe(false)
    expect(s.arriving).toBe(false)
    expect(readerFeed(s, nobody, { limit: 20 }).posts.map((p) => p.text).sort()).toEqual(['host 0', 'host 1', 'host 2'])
    expect(await closeAndReadMark(third, n.groupId)).toBe(false)

    // Cleared for good: the next open holds nothing.
    const fourth = await openProfile(n.dir)
    const settled = await fourth.reg.space(n.groupId)
    expect(settled.firstSync).toBe(false)
    expect(settled.arriving).toBe(false)
    await fourth.reg.lockNow()
  })

  it('clears the mark when a catch-up after the open says FIRST_SYNC_ENDED, and not before', async () => {
    const n = await newcomerProfile()
    const p = await openProfile(n.dir)
    const space = await p.reg.space(n.groupId)
    expect(space.arriving).toBe(true)
    const fay = await p.reg.store.openPeerLog(Buffer.from(n.fayKey, 'hex'))
    // Caught up while empty: still nothing told, nothing ends, nothing is said.
    await space.catchUp(fay)
    expect(space.firstSync).toBe(true)
    expect(p.changes).toEqual([])
    expect(p.mark(n.groupId)).toBe(true)
    // Fay's words arrive (as replication brings them) and the open space catches her log up.
    await n.fayWrites(p.reg.store)
    expect(fay.length).toBeGreaterThan(0)
    await space.catchUp(fay)
    expect(space.firstSync).toBe(false)
    expect(space.arriving).toBe(false)
    expect(p.changes).toContain(n.groupId)
    expect(readerFeed(space, nobody, { limit: 20 }).posts.map((x) => x.text).sort()).toEqual(['host 0', 'host 1', 'host 2'])
    expect(await closeAndReadMark(p, n.groupId)).toBe(false)
  })
})
