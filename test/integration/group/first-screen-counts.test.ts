/**
 * The unread counts kept with the first screen (issue 19, core/group/first-screen.ts `counts`), on
 * real files. At unlock the groups screen asks for every group's counts; a group opened resting
 * on its checkpoint with no counts file of its own answers from its kept first screen, without
 * waking its docs, while that screen is current and was counted against the same last-read
 * positions. A fellow's block since, or a last-read position moved since, makes it count from
 * its docs again (and wake). Marking read keeps the screen again once quiet, so the next unlock
 * needs no wake. The sync line the group screen polls reads no doc while no peer is shown, and a
 * read that wakes the docs while the kept screen is being read waits until the screen has answered.
 */
import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { everydayHandlers } from '../../../core/group/everyday-handlers.ts'
import { lastReadHash } from '../../../core/group/first-screen.ts'
import { groupHandlers } from '../../../core/group/group-handlers.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { unreadOf } from '../../../core/group/unread-of.ts'
import { lastReadDocName, markRead, serializeLastRead } from '../../../core/model/last-read.ts'
import { firstScreenPath, readFirstScreen } from '../../../core/store/first-screen-file.ts'
import { unreadPath } from '../../../core/store/unread-file.ts'
import { Vault } from '../../../core/store/vault.ts'
import { fellowGroup, ownPost, PASS, texts, type FellowGroup } from '../../helpers/fellow-group.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()

/** A group with a checkpoint and its first screen kept (and no counts file), the profile locked; its counts then. `after` runs before the lock. */
async function keptGroup(after?: (s: FellowGroup) => Promise<void>): Promise<FellowGroup & { counts: ReturnType<typeof unreadOf> }> {
  const s = await fellowGroup(tempDir())
  await ownPost(s.space, 'mine')
  await s.fellow.post("the fellow's")
  await s.space.catchUp(s.fellow.log)
  await s.reg.checkpoint(s.groupId, s.space)
  expect(await s.reg.screens.keep(s.groupId, s.space)).toBe(true)
  const counts = unreadOf(s.space, s.reg, Date.now())
  expect(counts.total).toBe(1)
  await after?.(s)
  await lock(s)
  rmSync(unreadPath(s.dir, s.groupId), { force: true }) // the counts kept as docs rest: not these
  return { ...s, counts }
}

async function lock(s: { reg: GroupRegistry; vault: Vault }): Promise<void> {
  await s.reg.lockNow()
  s.vault.lock()
}

/** Unlocks and opens the group as going online does (resting on its checkpoint). */
async function unlock(s: FellowGroup): Promise<{ reg: GroupRegistry; vault: Vault; space: GroupSpace }> {
  const vault = new Vault(s.dir)
  await vault.unlock(PASS)
  const reg = await GroupRegistry.open(vault, () => undefined, Date.now)
  const space = await reg.space(s.groupId)
  expect(space.docs.isResting).toBe(true)
  return { reg, vault, space }
}

const unread = (reg: GroupRegistry) => everydayHandlers({ registry: () => reg, now: Date.now })

describe('the unread counts kept with the first screen', () => {
  it('answer at unlock without waking the group, equal to a count from its docs', async () => {
    const s = await keptGroup()
    const u = await unlock(s)
    expect(await unread(u.reg).unread({})).toEqual([s.counts])
    expect(u.space.docs.isResting).toBe(true)
    expect(unreadOf(u.space, u.reg, Date.now())).toEqual(s.counts) // wakes it: the same
    await lock(u)
  })

  it('are not used after a fellow block arrived since they were kept: the group counts it', async () => {
    const s = await keptGroup(async (g) => g.fellow.post('written after the screen was kept'))
    const u = await unlock(s)
    const [counts] = await unread(u.reg).unread({})
    expect(counts?.total).toBe(2)
    expect(u.space.docs.isResting).toBe(false)
    await lock(u)
  })

  it('are not used once a last-read position moved since, and marking read keeps them again', async () => {
    const s = await keptGroup()
    let u = await unlock(s)
    // Moved without the handler, as if the screen had not been kept again since.
    await u.reg.personal.write(lastReadDocName(s.groupId), serializeLastRead(markRead({}, Date.now() + 1)), Date.now())
    const [counts] = await unread(u.reg).unread({})
    expect(u.space.docs.isResting).toBe(false)
    expect(counts?.total).toBe(0)
    await lock(u)

    u = await unlock(s)
    const key = (): Uint8Array => u.vault.subkey(`first-screen/${s.groupId}`)
    unreadOf(u.space, u.reg, Date.now()) // wakes the docs
    // Whatever the open scheduled has run; marking read schedules the screen to be kept again.
    await expect.poll(() => u.reg.screens.pending(s.groupId), { timeout: 15_000 }).toBe(false)
    await unread(u.reg).markRead({ groupId: s.groupId })
    expect(u.reg.screens.pending(s.groupId)).toBe(true)
    const now = lastReadHash(u.reg.personal, s.groupId)
    await expect.poll(async () => (await readFirstScreen(firstScreenPath(s.dir, s.groupId), key()))?.counts?.lastRead, { timeout: 15_000 }).toEqual(now)
    await lock(u)
    u = await unlock(s)
    expect((await unread(u.reg).unread({}))[0]?.total).toBe(0)
    expect(u.space.docs.isResting).toBe(true)
    await lock(u)
  })

  it('leave the sync line of a resting group with no peer online reading no doc', async () => {
    const s = await keptGroup()
    const u = await unlock(s)
    const handlers = groupHandlers({ registry: () => u.reg, now: Date.now, groupsChanged: () => undefined, defaultName: () => null })
    expect(await handlers.groupStatus({ groupId: s.groupId })).toMatchObject({ online: false, peers: [], docsResting: true })
    expect(u.space.docs.isResting).toBe(true)
    await lock(u)
  })

  it('answer the kept screen before a read that wakes the docs, when both are asked at once', async () => {
    const s = await keptGroup()
    const u = await unlock(s)
    const early = u.reg.firstScreen(s.groupId).then((views) => ({ views, resting: u.space.docs.isResting }))
    const woken = u.reg.space(s.groupId).then((space) => texts(space))
    expect((await early).views?.feed.posts).toHaveLength(2)
    expect((await early).resting).toBe(true)
    expect(await woken).toEqual(['mine', "the fellow's"])
    await lock(u)
  })
})
