/**
 * The first screen kept for unlock (issue 19, core/group/first-screen.ts), on real files: it is
 * shown at unlock exactly as the open group shows it and the group opens behind it (a change
 * event says so); it is NOT shown once it could be stale — a fellow member's block arrived after
 * it was kept, an older copy is put back, a log was truncated, the mute list changed, the file is
 * damaged — and the group then opens in full first; it gives way to the coded error when the
 * group cannot open behind it (and only then sends a change event); it is never kept from resting docs or
 * unwritten typing; it is sealed (canary scan). Through the service, the three calls of the
 * group screen answer from it, the same answers as once the group is open.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FirstScreens, FIRST_PAGE } from '../../../core/group/first-screen.ts'
import { info, memberViews } from '../../../core/group/group-info.ts'
import { GroupRegistry } from '../../../core/group/group-registry.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { readerSource } from '../../../core/group/reader-source.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { MUTE_DOC } from '../../../core/model/mute-list.ts'
import { feed } from '../../../core/model/views.ts'
import { firstScreenPath } from '../../../core/store/first-screen-file.ts'
import { Vault } from '../../../core/store/vault.ts'
import { createService, type HearthService } from '../../../core/service.ts'
import { makeCanary, scanForCanaries } from '../../helpers/canary.ts'
import { fellowGroup, ownPost, PASS, type FellowGroup } from '../../helpers/fellow-group.ts'
import { ok } from '../../helpers/service.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()

/** What the group screen's three calls read from an open space. */
const liveViews = (reg: GroupRegistry, space: GroupSpace) => ({
  info: info(space), members: memberViews(space), feed: feed(readerSource(space, reg.personal), { limit: FIRST_PAGE }),
})

/** A group with words from two members, its first screen kept, the profile locked. */
async function keptGroup(canary = 'words'): Promise<FellowGroup & { before: ReturnType<typeof liveViews> }> {
  const s = await fellowGroup(tempDir())
  await ownPost(s.space, `${canary}: mine`)
  await s.fellow.post(`${canary}: the fellow's`)
  await s.space.catchUp(s.fellow.log)
  expect(await s.reg.screens.keep(s.groupId, s.space)).toBe(true)
  return { ...s, before: JSON.parse(JSON.stringify(liveViews(s.reg, s.space))) as ReturnType<typeof liveViews> }
}

async function lock(s: FellowGroup): Promise<void> {
  await s.reg.lockNow()
  s.vault.lock()
}

/** Unlocks the profile again; `opened` resolves at the first change event of the group. */
async function unlock(s: FellowGroup): Promise<{ reg: GroupRegistry; opened: Promise<void> }> {
  const vault = new Vault(s.dir)
  await vault.unlock(PASS)
  let resolve = (): void => undefined
  const opened = new Promise<void>((r) => (resolve = r))
  const reg = await GroupRegistry.open(vault, (id) => id === s.groupId && resolve(), Date.now)
  return { reg, opened }
}

describe('the kept first screen', () => {
  it('is shown at unlock as the open group shows it, sealed, and the group opens behind it', async () => {
    const canary = makeCanary('first-screen')
    const s = await keptGroup(canary)
    await lock(s)
    expect(scanForCanaries([s.dir], [canary])).toEqual([])

    const { reg, opened } = await unlock(s)
    const early = await reg.firstScreen(s.groupId)
    expect(early).toEqual(s.before)
    expect(early?.feed.posts.map((p) => p.text).sort()).toEqual([`${canary}: mine`, `${canary}: the fellow's`])
    // The open it started behind it (the same promise), then the live space answers, the same.
    const space = await reg.space(s.groupId)
    expect(await reg.firstScreen(s.groupId)).toBeNull()
    expect(JSON.parse(JSON.stringify(liveViews(reg, space)))).toEqual(s.before)
    // Nothing changed, so no change event (the desktop notifier would announce one).
    let announced = false
    void opened.then(() => (announced = true))
    await reg.lockNow()
    expect(announced).toBe(false)
  })

  it('is not shown once a block arrived after it was kept: the group opens in full and shows the block', async () => {
    const s = await keptGroup()
    // Replicated to disk after the screen was kept (the space had not read it at the lock).
    await s.fellow.post('arrived later')
    await lock(s)
    const { reg } = await unlock(s)
    expect(await reg.firstScreen(s.groupId)).toBeNull()
    const space = await reg.space(s.groupId)
    expect(feed(readerSource(space, reg.personal), { limit: FIRST_PAGE }).posts.map((p) => p.text)).toContain('arrived later')
    await reg.lockNow()
  })

  it('is not shown when an older copy is put back, the file is damaged, or the mute list changed', async () => {
    const s = await keptGroup()
    const file = firstScreenPath(s.dir, s.groupId)
    copyFileSync(file, `${file}.old`)
    await ownPost(s.space, 'newer')
    expect(await s.reg.screens.keep(s.groupId, s.space)).toBe(true)
    const newer = readFileSync(file)
    await lock(s)

    copyFileSync(`${file}.old`, file)
    let again = await unlock(s)
    expect(await again.reg.firstScreen(s.groupId)).toBeNull()
    await again.reg.lockNow()

    const damaged = Buffer.from(newer)
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] as number) ^ 1
    writeFileSync(file, damaged)
    again = await unlock(s)
    expect(await again.reg.firstScreen(s.groupId)).toBeNull()
    await again.reg.lockNow()

    writeFileSync(file, newer)
    again = await unlock(s)
    await again.reg.personal.write(MUTE_DOC, JSON.stringify({ v: 1, groups: { [s.groupId]: { [s.fellow.id]: 'mute' } } }), Date.now())
    expect(await again.reg.firstScreen(s.groupId)).toBeNull()
    await again.reg.lockNow()
  })

  it('is not shown when a log was truncated since (its fork id moved), even at the same length', async () => {
    const s = await keptGroup()
    await lock(s)
    const { reg } = await unlock(s)
    const screens = (forkShift: number): FirstScreens => new FirstScreens({
      file: (id) => firstScreenPath(s.dir, id), key: (id) => reg.vault.subkey(`first-screen/${id}`), isOpen: () => false,
      personal: reg.personal, logState: async (k) => {
        const st = await reg.store.logState(Buffer.from(k, 'hex'))
        return { length: st.length, fork: k === s.fellow.log.key ? st.fork + forkShift : st.fork }
      },
      count: () => { throw new Error('not counted here') },
    })
    expect(await screens(0).early(s.groupId, () => undefined)).toEqual(s.before)
    expect(await screens(1).early(s.groupId, () => undefined)).toBeNull()
    await reg.lockNow()
  })

  it('gives way to the coded error when the group cannot open behind it', async () => {
    const s = await keptGroup()
    await lock(s)
    const { reg, opened } = await unlock(s)
    await reg.vault.delete(`group/${s.groupId}/identity`) // a vault missing the group's identity
    expect(await reg.firstScreen(s.groupId)).toEqual(s.before)
    await opened // the failed open is announced, so the screen reads again and meets the error
    expect(await reg.firstScreen(s.groupId)).toBeNull()
    await expect(reg.space(s.groupId)).rejects.toMatchObject({ code: 'VAULT_CORRUPT' })
    await reg.lockNow()
  })

  it('is never kept from resting docs or from typing not yet written', async () => {
    const s = await fellowGroup(tempDir())
    await s.space.catchUp(s.fellow.log) // every log read to its end: only the typing, then the rest, stand in the way
    s.space.changeSoon(memberDocId(s.space.me), (doc) => void new MemberDoc(doc, s.space.me).addPost({ topic: 'check-in', text: 'typing', cw: null }, Date.now()))
    expect(await s.reg.screens.keep(s.groupId, s.space)).toBe(false)
    await s.space.flush()
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    expect(await s.reg.screens.keep(s.groupId, s.space)).toBe(false)
    expect(existsSync(firstScreenPath(s.dir, s.groupId))).toBe(false)
    await lock(s)
  })
})

describe('the group screen through the service', () => {
  it('answers info, members and the first page from the kept screen, as the open group does', async () => {
    const dir = path.join(tempDir(), 'profile')
    const a = createService({ profileDir: dir })
    await ok(a.createProfile({ passphrase: PASS, name: 'Wren' }))
    const { id: groupId } = await ok(a.createGroup({ name: 'Thursday circle', mode: 'facilitated' }))
    const first = await ok(a.post({ groupId, text: 'first words', cw: 'mentions a hard night' }))
    await ok(a.reply({ groupId, to: first.id, text: 'a reply' }))
    await ok(a.react({ groupId, to: first.id, kind: 'believe' }))
    await ok(a.setRules({ groupId, text: 'What is shared here stays here.' }))
    // Kept after two quiet seconds: wait for the file, not for a time.
    await until(() => existsSync(firstScreenPath(dir, groupId)))
    const before = await screen(a, groupId)
    await a.close()

    const b = createService({ profileDir: dir })
    await ok(b.unlock({ passphrase: PASS }))
    expect(await screen(b, groupId)).toEqual(before)
    await ok(b.groupStatus({ groupId })) // waits for the group's open
    expect(await screen(b, groupId)).toEqual(before)
    await b.close()
  })
})

async function screen(svc: HearthService, groupId: string) {
  const [i, m, f] = await Promise.all([ok(svc.groupInfo({ groupId })), ok(svc.members({ groupId })), ok(svc.feed({ groupId, limit: FIRST_PAGE, marks: true }))])
  return { info: i, members: m, feed: f }
}

/** Resolves once `done` holds (checked every 20 ms; no bound on how long it takes). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 20))
}
