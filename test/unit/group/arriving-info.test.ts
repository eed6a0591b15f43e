/**
 * `groupInfo` says the history is still arriving (GroupInfo.arriving, session 15): while a
 * newcomer's first sync is incomplete, the members, decisions and group info are read from
 * governance and the docs only as far as they have arrived, so the info carries `arriving: true`
 * and a screen opened before the feed can say so. Not once the history has arrived, and not from
 * the first screen kept for unlock (kept only when nothing was arriving: first-screen.ts).
 *
 * The real handlers over a real registry, vault and log store on a temp folder, no network
 * (newcomer-profile.ts: Fay is admitted and her log is empty, so the first sync waits for her).
 */
import { describe, expect, it } from 'vitest'
import { groupHandlers } from '../../../core/group/group-handlers.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { closeAndReadMark, newcomerProfile, openProfile } from './newcomer-profile.ts'

const tempDir = useTempDirs()

function calls(p: Awaited<ReturnType<typeof openProfile>>): ReturnType<typeof groupHandlers> {
  return groupHandlers({ registry: () => p.reg, now: Date.now, groupsChanged: () => undefined, defaultName: () => null })
}

describe('groupInfo while a newcomer\'s history arrives', () => {
  it('carries arriving during the first sync, the first call before any feed call included, and not after', async () => {
    const n = await newcomerProfile(tempDir(), seededRandom(testSeed()))
    const first = await openProfile(n.dir)
    const api = calls(first)
    // The first call of the open: no feed call has run, and the info already says it.
    const during = await api.groupInfo({ groupId: n.groupId })
    expect(during.arriving).toBe(true)
    expect((await first.reg.space(n.groupId)).arriving).toBe(true)
    // The other views keep their shapes: the members are the list read so far.
    const members = await api.members({ groupId: n.groupId })
    expect(Array.isArray(members)).toBe(true)
    expect(members.filter((m) => m.me)).toHaveLength(1)
    expect((await api.feed({ groupId: n.groupId })).preview).toBe(true)

    // Fay's words arrive and the open space catches her log up: the first sync ends.
    const space = await first.reg.space(n.groupId)
    await n.fayWrites(first.reg.store)
    await space.catchUp(await first.reg.store.openPeerLog(Buffer.from(n.fayKey, 'hex')))
    expect(space.arriving).toBe(false)
    const after = await api.groupInfo({ groupId: n.groupId })
    expect(after).not.toHaveProperty('arriving')
    expect((await api.feed({ groupId: n.groupId })).preview).toBeUndefined()
    expect(await closeAndReadMark(first, n.groupId)).toBe(false)

    // After a restart, whether answered from the kept first screen or the opened space: not arriving.
    const second = await openProfile(n.dir)
    expect(await calls(second).groupInfo({ groupId: n.groupId })).not.toHaveProperty('arriving')
    expect((await second.reg.space(n.groupId)).arriving).toBe(false)
    expect(await calls(second).groupInfo({ groupId: n.groupId })).not.toHaveProperty('arriving')
    await second.reg.lockNow()
  })

  it('carries arriving again after a restart while the first sync is still incomplete', async () => {
    const n = await newcomerProfile(tempDir(), seededRandom(testSeed() + 1))
    const first = await openProfile(n.dir)
    expect((await calls(first).groupInfo({ groupId: n.groupId })).arriving).toBe(true)
    expect(await closeAndReadMark(first, n.groupId)).toBe(true)
    const second = await openProfile(n.dir)
    expect((await calls(second).groupInfo({ groupId: n.groupId })).arriving).toBe(true)
    await second.reg.lockNow()
  })
})
