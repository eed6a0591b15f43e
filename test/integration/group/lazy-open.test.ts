/**
 * The lazy open at unlock (issue 19, core/group/doc-rest.ts `openOn`), on real files: a group
 * opened from its local checkpoint — as going online opens every group at unlock — applies no doc
 * state and rests on that very checkpoint write; a block in its logs past the checkpoint, or one
 * arriving while it rests, is shown when a view first reads it; an older checkpoint put back
 * before that read is refused and the group read again from its logs. Its unread counts, kept
 * sealed with the checkpoint they were counted from, answer at unlock without waking it, unless
 * a block was read past that checkpoint (then that group alone wakes to count). Its kept first
 * screen answers while its docs rest, and the docs wake behind it. All of it sealed (canary scan).
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { everydayHandlers } from '../../../core/group/everyday-handlers.ts'
import { FIRST_PAGE } from '../../../core/group/first-screen.ts'
import { info, memberViews } from '../../../core/group/group-info.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { readerSource } from '../../../core/group/reader-source.ts'
import { unreadOf } from '../../../core/group/unread-of.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { feed } from '../../../core/model/views.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { checkpointPath, readCheckpointWrite } from '../../../core/store/checkpoint-file.ts'
import { unreadPath } from '../../../core/store/unread-file.ts'
import { Vault } from '../../../core/store/vault.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { fellowGroup, ownPost, PASS, texts, type FellowGroup } from '../../helpers/fellow-group.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()

/**
 * A group with words from two members whose docs rested (checkpoint and counts kept), the profile
 * locked; `keepScreen`: its first screen kept too (`views`: what it shows).
 */
async function restedGroup(canary = 'words', keepScreen = false): Promise<FellowGroup & { views: unknown }> {
  const s = await fellowGroup(tempDir())
  await ownPost(s.space, `${canary}: mine`)
  await s.fellow.post(`${canary}: the fellow's`)
  await s.space.catchUp(s.fellow.log)
  let views: unknown = null
  if (keepScreen) {
    expect(await s.reg.screens.keep(s.groupId, s.space)).toBe(true)
    views = JSON.parse(JSON.stringify({ info: info(s.space), members: memberViews(s.space), feed: feed(readerSource(s.space, s.reg.personal), { limit: FIRST_PAGE }) }))
  }
  expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
  await lock(s)
  return { ...s, views }
}

async function lock(s: { reg: GroupRegistry; vault: Vault }): Promise<void> {
  await s.reg.lockNow()
  s.vault.lock()
}

/** Unlocks the profile again and opens the group as going online does; `changed` counts its change events. */
async function unlock(s: FellowGroup): Promise<{ reg: GroupRegistry; vault: Vault; space: GroupSpace; changed: () => number }> {
  const vault = new Vault(s.dir)
  await vault.unlock(PASS)
  let changes = 0
  const reg = await GroupRegistry.open(vault, (id) => void (id === s.groupId && changes++), Date.now)
  return { reg, vault, space: await reg.space(s.groupId), changed: () => changes }
}

/** A post by the fellow member written into its log in this (reopened) store, as replication leaves it. */
async function fellowPost(reg: GroupRegistry, s: FellowGroup, text: string): Promise<void> {
  const log = await reg.store.openDeviceLog('m-fellow')
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => void updates.push(u))
  new MemberDoc(doc, s.fellow.id).addPost({ topic: 'check-in', text, cw: null }, Date.now())
  const key = reg.vault.get(`group/${s.groupId}/epoch/0`) as Uint8Array
  await log.append(encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: memberDocId(s.fellow.id), payload: Y.mergeUpdates(updates) }, key))
}

describe('the lazy open at unlock', () => {
  it('opens a group from its checkpoint without applying a doc state; the first read shows everything', async () => {
    const s = await restedGroup()
    const u = await unlock(s)
    expect(u.space.docs.isResting).toBe(true)
    expect(texts(u.space)).toEqual(["words: mine", "words: the fellow's"])
    expect(u.space.docs.isResting).toBe(false)
    await lock(u)
  })

  it('shows a block read past the checkpoint at the open, and one arriving while it rests, once woken', async () => {
    const s = await restedGroup()
    let u = await unlock(s)
    await fellowPost(u.reg, s, 'written while the profile was away')
    await lock(u)
    // Read at the open, past the checkpoint: kept, not applied.
    u = await unlock(s)
    expect(u.space.docs.isResting).toBe(true)
    // Arriving while it rests, never woken in between.
    await fellowPost(u.reg, s, 'arrived while resting')
    await u.space.catchUp(u.space.logs.get(s.fellow.log.key) as NonNullable<ReturnType<typeof u.space.logs.get>>)
    expect(u.space.docs.isResting).toBe(true)
    expect(u.changed()).toBeGreaterThan(0)
    expect(texts(u.space)).toEqual(['arrived while resting', "words: mine", "words: the fellow's", 'written while the profile was away'])
    await lock(u)
  })

  it('refuses an older checkpoint put back before the first read, and reads the group again from its logs', async () => {
    const s = await fellowGroup(tempDir())
    await ownPost(s.space, 'first')
    await s.reg.checkpoint(s.groupId, s.space)
    const file = checkpointPath(s.dir, s.groupId)
    copyFileSync(file, `${file}.old`)
    await ownPost(s.space, 'second')
    await s.reg.checkpoint(s.groupId, s.space)
    await lock(s)
    const u = await unlock(s)
    expect(u.space.docs.isResting).toBe(true)
    copyFileSync(`${file}.old`, file)
    const before = u.changed()
    expect(() => texts(u.space)).toThrow(expect.objectContaining({ code: 'PROFILE_BUSY' }))
    await expect.poll(() => u.changed() > before && !u.space.local).toBe(true)
    expect(texts(u.space)).toEqual(['first', 'second'])
    await lock(u)
  })

  it('answers the unread counts at unlock from those kept with its checkpoint, without waking it', async () => {
    const s = await fellowGroup(tempDir())
    await ownPost(s.space, 'mine')
    await s.fellow.post('the fellow says hello')
    await s.space.catchUp(s.fellow.log)
    const other = await s.reg.create({ name: 'Friday circle', mode: 'survivor-led', pseudonym: 'Fay' })
    const otherId = other.governance.groupId
    await ownPost(other, 'in the other group')
    const awake = { [s.groupId]: unreadOf(s.space, s.reg, Date.now()), [otherId]: unreadOf(other, s.reg, Date.now()) }
    expect(awake[s.groupId]?.total).toBe(1)
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    expect(await s.reg.rest.now(otherId, other)).toBe(true)
    await lock(s)

    // Both opened as at unlock; counting answers from the kept counts, and neither wakes.
    let u = await unlock(s)
    const otherSpace = await u.reg.space(otherId)
    const unread = (reg: GroupRegistry) => everydayHandlers({ registry: () => reg, now: Date.now }).unread({})
    expect(Object.fromEntries((await unread(u.reg)).map((v) => [v.groupId, v]))).toEqual(awake)
    expect(u.space.docs.isResting).toBe(true)
    expect(otherSpace.docs.isResting).toBe(true)
    // A block past the checkpoint (written here, read at the next open): that group alone wakes to count it.
    await fellowPost(u.reg, s, 'a new post')
    await lock(u)
    u = await unlock(s)
    const other2 = await u.reg.space(otherId)
    const counts = Object.fromEntries((await unread(u.reg)).map((v) => [v.groupId, v.total]))
    expect(counts).toEqual({ [s.groupId]: 2, [otherId]: 0 })
    expect(u.space.docs.isResting).toBe(false)
    expect(other2.docs.isResting).toBe(true)
    await lock(u)
  })

  it('does not use counts kept with an older checkpoint than the one it opens on', async () => {
    const s = await fellowGroup(tempDir())
    await s.fellow.post('one')
    await s.space.catchUp(s.fellow.log)
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true) // counts kept with this checkpoint: 1
    expect(texts(s.space)).toEqual(['one'])
    await s.fellow.post('two')
    await s.space.catchUp(s.fellow.log)
    await s.reg.checkpoint(s.groupId, s.space) // a newer checkpoint, holding the second post
    await lock(s)
    const u = await unlock(s)
    const counts = await everydayHandlers({ registry: () => u.reg, now: Date.now }).unread({ groupId: s.groupId })
    expect(counts[0]?.total).toBe(2)
    await lock(u)
  })

  it('ignores damaged kept counts and counts from the docs', async () => {
    const s = await restedGroup()
    const file = unreadPath(s.dir, s.groupId)
    const bytes = readFileSync(file)
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0x5a
    writeFileSync(file, bytes)
    const u = await unlock(s)
    const counts = await everydayHandlers({ registry: () => u.reg, now: Date.now }).unread({ groupId: s.groupId })
    expect(counts[0]?.total).toBe(1)
    expect(u.space.docs.isResting).toBe(false)
    await lock(u)
  })

  it('answers the group screen from the kept first screen while the docs rest, and wakes them behind it', async () => {
    const s = await restedGroup('words', true)
    const u = await unlock(s)
    expect(u.space.docs.isResting).toBe(true)
    expect(JSON.parse(JSON.stringify(await u.reg.firstScreen(s.groupId)))).toEqual(s.views)
    expect(u.space.docs.isResting).toBe(true)
    await expect.poll(() => u.space.docs.isResting).toBe(false)
    expect(await u.reg.firstScreen(s.groupId)).toBeNull() // awake: the live views answer
    await lock(u)
  })

  it('wakes the docs behind the kept screen a state per turn; a call made meanwhile waits for them', async () => {
    const s = await restedGroup('words', true)
    const u = await unlock(s)
    const shown = u.reg.firstScreen(s.groupId)
    const asked = u.reg.space(s.groupId) // as the app's next call: answered after the screen and the wake
    let turns = 0
    const count = (): void => {
      if (u.space.docs.woken) turns++
      if (u.space.docs.isResting) setImmediate(count)
    }
    setImmediate(count)
    expect(await shown).not.toBeNull()
    expect(await asked).toBe(u.space)
    // The call waited for the whole wake (not finished it at once by its first read) ...
    expect(u.space.docs.isResting).toBe(false)
    // ... which left the loop free between its slices.
    expect(turns).toBeGreaterThan(0)
    expect(texts(u.space)).toEqual(["words: mine", "words: the fellow's"])
    await lock(u)
  })

  it('wakes behind a kept screen from the states its open read, not from the file read and opened again', async () => {
    for (const wakeNext of [true, false]) {
      const s = await fellowGroup(tempDir())
      await ownPost(s.space, 'words: mine')
      await s.fellow.post("words: the fellow's")
      await s.space.catchUp(s.fellow.log)
      await s.reg.checkpoint(s.groupId, s.space)
      const file = checkpointPath(s.dir, s.groupId)
      const read = await readCheckpointWrite(file, s.reg.keeping.checkpointKey(s.groupId))
      if (!read) throw new Error('no checkpoint written')
      s.reg.rest.openOn(s.groupId, s.space, read.checkpoint, read.head, wakeNext)
      expect(s.space.docs.isResting).toBe(true)
      // Gone from disk after the open read it: only a wake that reads it again notices.
      rmSync(file)
      if (wakeNext) expect(texts(s.space)).toEqual(["words: mine", "words: the fellow's"])
      else expect(() => texts(s.space)).toThrow(/read again from its logs/)
      await lock(s)
    }
  })

  it('does not answer from the kept first screen once a block arrived while the docs rest', async () => {
    const s = await restedGroup('words', true)
    const u = await unlock(s)
    expect(u.space.docs.isResting).toBe(true)
    await fellowPost(u.reg, s, 'arrived after the screen was kept')
    await u.space.catchUp(u.space.logs.get(s.fellow.log.key) as NonNullable<ReturnType<typeof u.space.logs.get>>)
    expect(u.changed()).toBeGreaterThan(0)
    expect(u.space.docs.isResting).toBe(true)
    expect(await u.reg.firstScreen(s.groupId)).toBeNull()
    expect(texts(u.space)).toEqual(['arrived after the screen was kept', 'words: mine', "words: the fellow's"])
    await lock(u)
  })

  it('keeps the counts and what rests sealed (canary scan)', async () => {
    const canary = makeCanary('lazy')
    const s = await restedGroup(canary)
    const u = await unlock(s)
    expect(u.space.docs.isResting).toBe(true)
    await lock(u)
    // The counts' own words (JSON keys) and every post's text: nowhere in the clear.
    expect(scanForCanaries([s.dir], [canary, 'repliesToMe', 'conversations'])).toEqual([])
  })
})
