/**
 * Unread counts of resting groups (issue 19, core/group/unread-rest.ts), on real files through the
 * real `unread` handler: counting every group does not wake resting ones, and gives what the awake
 * docs give; a post arriving in one resting group wakes that group alone and is counted; marking a
 * group read, or muting someone, counts it again from its docs.
 */
import { describe, expect, it } from 'vitest'
import { everydayHandlers } from '../../../core/group/everyday-handlers.ts'
import { unreadOf } from '../../../core/group/unread-of.ts'
import { lastReadDocName, serializeLastRead } from '../../../core/model/last-read.ts'
import { MUTE_DOC } from '../../../core/model/mute-list.ts'
import { fellowGroup, ownPost } from '../../helpers/fellow-group.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()

/** One profile, two groups: the first with a fellow member who posts, the second the profile's own. */
async function twoGroups() {
  const s = await fellowGroup(tempDir())
  await ownPost(s.space, 'mine')
  await s.fellow.post('the fellow says hello')
  await s.space.catchUp(s.fellow.log)
  const other = await s.reg.create({ name: 'Friday circle', mode: 'survivor-led', pseudonym: 'Fay' })
  await ownPost(other, 'in the other group')
  const unread = everydayHandlers({ registry: () => s.reg, now: Date.now }).unread
  const total = async (): Promise<Record<string, number>> => Object.fromEntries((await unread({})).map((u) => [u.groupId, u.total]))
  const rest = async (): Promise<void> => {
    expect(await s.reg.rest.now(s.groupId, s.space)).toBe(true)
    expect(await s.reg.rest.now(other.governance.groupId, other)).toBe(true)
  }
  return { ...s, other, otherId: other.governance.groupId, total, rest }
}

describe('unread counts while groups rest', () => {
  it('counts resting groups without waking them, as their docs count', async () => {
    const g = await twoGroups()
    const awake = { [g.groupId]: unreadOf(g.space, g.reg, Date.now()).total, [g.otherId]: unreadOf(g.other, g.reg, Date.now()).total }
    expect(awake[g.groupId]).toBe(1) // the fellow's post; my own words never count
    await g.rest()
    expect(await g.total()).toEqual(awake)
    expect(g.space.docs.isResting).toBe(true)
    expect(g.other.docs.isResting).toBe(true)
    await g.reg.lockNow()
  })

  it('wakes only the group a post arrived in, and counts the post', async () => {
    const g = await twoGroups()
    await g.rest()
    await g.fellow.post('a new post while resting')
    await g.space.catchUp(g.fellow.log)
    expect(g.space.docs.isResting).toBe(true)
    expect((await g.total())[g.groupId]).toBe(2)
    expect(g.space.docs.isResting).toBe(false)
    expect(g.other.docs.isResting).toBe(true)
    await g.reg.lockNow()
  })

  it('counts again from the docs once the group is marked read or someone is muted', async () => {
    const g = await twoGroups()
    await g.rest()
    await g.reg.personal.write(lastReadDocName(g.groupId), serializeLastRead({ conversations: Date.now() }), Date.now())
    expect((await g.total())[g.groupId]).toBe(0)
    expect(g.space.docs.isResting).toBe(false)

    expect(await g.reg.rest.now(g.groupId, g.space)).toBe(true)
    await g.reg.personal.write(lastReadDocName(g.groupId), serializeLastRead({}), Date.now())
    await g.reg.personal.write(MUTE_DOC, JSON.stringify({ v: 1, groups: { [g.groupId]: { [g.fellow.id]: 'mute' } } }), Date.now())
    expect((await g.total())[g.groupId]).toBe(0) // a muted member's words do not count
    expect(g.space.docs.isResting).toBe(false)
    expect(g.other.docs.isResting).toBe(true)
    await g.reg.lockNow()
  })
})
