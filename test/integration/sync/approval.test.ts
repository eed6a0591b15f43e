/**
 * Invites that need a facilitator's approval, across processes: a member who is not a
 * facilitator puts the request on record and the newcomer waits; a facilitator approves one
 * newcomer and declines another; asking again, the first is welcomed and the second told no.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()
const start = (dir: string, boot: string, name?: string) => scene.member(dir, boot, name ?? null)

describe('approval', () => {
  it('a newcomer waits, a facilitator approves or declines, and asking again gives the answer', async () => {
    const boot = await scene.testnet()
    const dirA = path.join(tempDir(), 'a')
    let a = await start(dirA, boot, 'Alder')
    const { id: groupId } = await a.ok('createGroup', { name: 'Circle' })
    const forC = await a.ok('createInvite', { groupId })
    // One use: approving Xan takes it, and members must still answer her when she comes back.
    const needsApproval = await a.ok('createInvite', { groupId, uses: 1, approval: true })
    const c = await start(path.join(tempDir(), 'c'), boot, 'Cedar')
    await c.ok('joinGroup', { code: forC.code, waitMs: 30_000 }, 40_000)
    await c.until(async () => (await c.ok('listInvites', { groupId })).some((i) => i.approval && i.live))
    await scene.stop(a)

    const x = await start(path.join(tempDir(), 'x'), boot, 'Xan')
    const y = await start(path.join(tempDir(), 'y'), boot, 'Yew')
    expect(await x.ok('joinGroup', { code: needsApproval.code, waitMs: 20_000 }, 30_000)).toEqual({ group: groupId, status: 'pending' })
    expect(await y.ok('joinGroup', { code: needsApproval.code, waitMs: 20_000 }, 30_000)).toEqual({ group: groupId, status: 'pending' })
    expect(await x.ok('listGroups', {})).toEqual([])
    // Cedar is not a facilitator: she may see the requests but not decide them.
    await c.until(async () => (await c.ok('listRequests', { groupId })).length === 2)
    const requests = await c.ok('listRequests', { groupId })
    const idOf = (n: string): string => requests.find((r) => r.pseudonym === n)?.id as string
    expect(await c.call('approveRequest', { groupId, id: idOf('Xan') })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })

    a = await start(dirA, boot)
    await a.until(async () => (await a.ok('listRequests', { groupId })).length === 2, 30_000)
    expect(await a.ok('approveRequest', { groupId, id: idOf('Xan') })).toMatchObject({ pseudonym: 'Xan', status: 'admitted' })
    expect(await a.ok('declineRequest', { groupId, id: idOf('Yew') })).toMatchObject({ pseudonym: 'Yew', status: 'declined' })

    expect(await x.ok('joinGroup', { code: needsApproval.code, waitMs: 20_000 }, 30_000)).toEqual({ group: groupId, status: 'admitted' })
    await x.until(async () => (await x.ok('members', { groupId })).some((m) => m.pseudonym === 'Xan' && m.me))
    expect(await y.call('joinGroup', { code: needsApproval.code, waitMs: 20_000 }, 30_000)).toMatchObject({ ok: false, error: { code: 'INVITE_DECLINED' } })
    expect(await y.ok('listGroups', {})).toEqual([])
  })
})
