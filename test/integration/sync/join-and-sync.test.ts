/**
 * Joining and syncing across processes on a loopback testnet (sync issue, "Must show"): A creates
 * a group and an invite; B, in another process with its own profile, joins by the code; posts,
 * replies and reactions from each reach the other. A used-up code then gets its own refusal
 * (members go on announcing it for a grace period, core/group/invite-announce.ts), while a withdrawn
 * code reaches nobody: members stop announcing it at once, so it cannot even locate them.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Peer } from '../../helpers/peer.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { usePeerScene } from './peer-scene.ts'

const tempDir = useTempDirs()
const scene = usePeerScene()

const peer = (name: string, bootstrap: string): Promise<Peer> => scene.member(path.join(tempDir(), name), bootstrap, name)

describe('join by invite code and sync', () => {
  it('B joins A’s group by code; their words reach each other; the used code is refused as used up, a withdrawn one finds nobody', async () => {
    const boot = await scene.testnet()
    const a = await peer('Alder', boot)
    const b = await peer('Birch', boot)
    const { id: groupId } = await a.ok('createGroup', { name: 'Thursday circle' })
    await a.ok('setRules', { groupId, text: 'Be gentle.' })
    const first = await a.ok('post', { groupId, text: 'welcome, whoever comes' })
    const invite = await a.ok('createInvite', { groupId })
    // Honest status: alone, A's words are held nowhere else yet.
    await a.until(async () => (await a.ok('groupStatus', { groupId })).online)
    expect(await a.ok('groupStatus', { groupId })).toMatchObject({ online: true, peers: [], writesHeld: false })
    expect(invite.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)

    const joined = await b.ok('joinGroup', { code: invite.code.toLowerCase(), waitMs: 30_000 }, 40_000)
    expect(joined).toEqual({ group: groupId, status: 'admitted' })
    await b.until(async () => (await b.ok('feed', { groupId })).posts.some((p) => p.id === first.id))

    // Rules first: B must accept before posting.
    expect(await b.call('post', { groupId, text: 'too early' })).toMatchObject({ ok: false, error: { code: 'RULES_NOT_ACCEPTED' } })
    await b.ok('acceptRules', { groupId, version: 1 })
    const bPost = await b.ok('post', { groupId, text: 'glad to be here' })
    await b.ok('reply', { groupId, to: first.id, text: 'thank you' })
    await b.ok('react', { groupId, to: first.id, kind: 'thanks' })

    await a.until(async () => {
      const feed = await a.ok('feed', { groupId })
      const mine = feed.posts.find((p) => p.id === first.id)
      return feed.posts.some((p) => p.id === bPost.id) && mine?.replyCount === 1 && mine.reactions.thanks === 1
    })
    await a.ok('reply', { groupId, to: bPost.id, text: 'glad you came' })
    await b.until(async () => (await b.ok('feed', { groupId })).posts.find((p) => p.id === bPost.id)?.replyCount === 1)

    const members = await a.ok('members', { groupId })
    expect(members.map((m) => m.pseudonym).sort()).toEqual(['Alder', 'Birch'])
    expect((await a.ok('groupStatus', { groupId })).peers.map((p) => p.name)).toContain('Birch')
    await b.until(async () => (await b.ok('groupStatus', { groupId })).writesHeld)
    const aId = members.find((m) => m.pseudonym === 'Alder')?.id as string
    expect((await b.ok('groupStatus', { groupId })).lastSeen[aId]).toBeGreaterThan(0)

    const c = await peer('Cedar', boot)
    expect(await c.call('joinGroup', { code: invite.code, waitMs: 15_000 }, 25_000)).toMatchObject({ ok: false, error: { code: 'INVITE_USED_UP' } })
    const withdrawn = await a.ok('createInvite', { groupId })
    await a.ok('revokeInvite', { groupId, id: withdrawn.id })
    // B must have read the withdrawal too: a member that has not yet heard of it still admits.
    await b.until(async () => (await b.ok('listInvites', { groupId })).some((i) => i.id === withdrawn.id && !i.live))
    expect(await c.call('joinGroup', { code: withdrawn.code, waitMs: 4_000 }, 15_000)).toMatchObject({ ok: false, error: { code: 'NO_MEMBER_REACHABLE' } })
    expect(await c.ok('listGroups', {})).toEqual([])
  })
})
