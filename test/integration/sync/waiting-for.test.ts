/**
 * The sync status names whom a newcomer's history waits for (GroupStatus.arriving,
 * core/group/history-wait.ts; session 13's second review, R3), across processes on a loopback
 * testnet: Cedar asks to join on an invite that needs approval and goes away before Alder approves
 * her, so her device never writes. Birch joins later: her first sync cannot end while Cedar's log
 * has told no length (core/group/first-sync.ts), and her `groupStatus` says it waits for Cedar,
 * by name, with no blocks told, and Alder's members list marks Cedar (`nothingHere`). Once Alder
 * removes Cedar the wait ends: no `arriving`, the ordinary page.
 */
import path from 'node:path'
import { expect, it } from 'vitest'
import type { GroupStatus } from '../../../core/api.ts'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

quietAndHog('the sync status names whom a newcomer’s history waits for', () => {
  for (const order of ['host first', 'joiner first'] as const) {
    it(`names a member admitted who never wrote, until removed (${order})`, async () => {
      const boot = await scene.testnet()
      const root = tempDir()
      const early = order === 'joiner first' ? await scene.member(path.join(root, 'b'), boot, 'Birch') : null
      const a = await scene.member(path.join(root, 'a'), boot, 'Alder')
      const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
      for (let i = 0; i < 5; i++) await a.ok('post', { groupId, text: `post ${i}` })

      // Cedar asks, and is gone before Alder approves her: her device log never gets a block.
      const needsApproval = await a.ok('createInvite', { groupId, uses: 1, approval: true })
      const c = await scene.member(path.join(root, 'c'), boot, 'Cedar')
      expect(await c.ok('joinGroup', { code: needsApproval.code, waitMs: 30_000 }, 40_000)).toEqual({ group: groupId, status: 'pending' })
      await scene.stop(c)
      await a.until(async () => (await a.ok('listRequests', { groupId })).length === 1, 30_000)
      const [request] = await a.ok('listRequests', { groupId })
      const cedar = request?.id as string
      expect(await a.ok('approveRequest', { groupId, id: cedar })).toMatchObject({ pseudonym: 'Cedar', status: 'admitted' })
      // Alder's members list marks her: nothing she wrote has reached Alder's device.
      expect((await a.ok('members', { groupId })).map((m) => [m.pseudonym, m.nothingHere ?? false])).toEqual(expect.arrayContaining([['Alder', false], ['Cedar', true]]))

      const b = early ?? (await scene.member(path.join(root, 'b'), boot, 'Birch'))
      const invite = await a.ok('createInvite', { groupId })
      expect(await b.ok('joinGroup', { code: invite.code, waitMs: 60_000 }, 90_000)).toEqual({ group: groupId, status: 'admitted' })
      // Once Alder's log is read, Cedar alone holds Birch's history: named, no length told.
      let status: GroupStatus | null = null
      await b.until(async () => {
        status = await b.ok('groupStatus', { groupId })
        return status.arriving?.waitingFor.length === 1 && status.arriving.waitingFor[0]?.memberId === cedar
      }, 60_000)
      expect((status as GroupStatus | null)?.arriving).toEqual({ waitingFor: [{ memberId: cedar, name: 'Cedar' }], more: 0 })
      expect((await b.ok('feed', { groupId, limit: 20 })).preview).toBe(true)

      expect(await a.ok('removeMember', { groupId, member: cedar })).toEqual({ member: cedar, status: 'removed' })
      await b.until(async () => (await b.ok('groupStatus', { groupId })).arriving === undefined, 60_000)
      const page = await b.ok('feed', { groupId, limit: 20 })
      expect(page.preview).toBeFalsy()
      expect(page.posts.map((p) => p.text)).toEqual(expect.arrayContaining(['post 0', 'post 4']))
    }, 300_000)
  }
})
