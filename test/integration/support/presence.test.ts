/**
 * Presence privacy (issue 17), two processes on a loopback testnet: Birch chooses not to show as
 * connected. Alder's node then leaves Birch out of "connected now" while the two still sync both
 * ways (and Alder's unread count moves as Birch posts); Birch choosing to show again puts Birch
 * back. In two start orders, one under load.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { startPeer } from '../../helpers/peer.ts'
import { PASS, useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir } = cast

describe('not showing as connected', () => {
  it.each([
    ['started in order', false, false],
    ['started in reverse, under a CPU hog on every core', true, true],
  ])('hides the member from others’ "connected now" while the words still sync (%s)', async (_name, reverse, loaded) => {
    const boot = await cast.testnet()
    if (loaded) cast.loadCpu()
    const b0 = reverse ? await startPeer(path.join(tempDir(), 'birch'), boot) : null
    const a = await startPeer(path.join(tempDir(), 'alder'), boot)
    const b = b0 ?? (await startPeer(path.join(tempDir(), 'birch'), boot))
    cast.add(a, b)
    await a.ok('createProfile', { passphrase: PASS, name: 'Alder' })
    await b.ok('createProfile', { passphrase: PASS, name: 'Birch' })
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const invite = await a.ok('createInvite', { groupId })
    await b.ok('joinGroup', { code: invite.code, waitMs: 30_000 }, 40_000)
    const birchId = (await b.ok('groupInfo', { groupId })).me
    const shown = async (): Promise<boolean> => (await a.ok('groupStatus', { groupId })).peers.some((p) => p.memberId === birchId)
    // Control: before the choice, Alder sees Birch connected.
    await a.until(shown)

    await b.ok('setPresence', { groupId, hidden: true })
    await a.until(async () => !(await shown()))
    // Still connected underneath: words travel both ways, and Alder's unread count moves with them.
    await a.ok('markRead', { groupId })
    expect((await a.ok('unread', { groupId }))[0]?.sections.conversations).toBe(0)
    await b.ok('post', { groupId, text: 'quietly here', topic: 'story' })
    await a.until(async () => (await a.ok('feed', { groupId })).posts.some((p) => p.text === 'quietly here'))
    const [unread] = await a.ok('unread', { groupId })
    expect(unread).toMatchObject({ total: 1, sections: { conversations: 1 }, topics: { story: 1 } })
    expect((await a.ok('feed', { groupId, marks: true })).posts.find((p) => p.text === 'quietly here')?.isNew).toBe(true)
    expect((await a.ok('markRead', { groupId })).total).toBe(0)
    await a.ok('post', { groupId, text: 'hello' })
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.text === 'hello'))
    expect(await shown()).toBe(false)
    expect((await b.ok('groupInfo', { groupId })).presenceHidden).toBe(true)

    await b.ok('setPresence', { groupId, hidden: false })
    await a.until(shown)
  }, 240_000)
})
