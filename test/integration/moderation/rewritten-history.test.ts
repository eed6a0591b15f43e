/**
 * One history across processes (issue 14, found 1; DESIGN.md §1 item 2). Four OS processes on a
 * loopback testnet: Alder (facilitator), Birch (an honest member who saw the original), Mallory
 * (rewrite-member.child.ts, rewriting her own real device log: truncate by one, then something
 * else at the same index) and Cedar (a newcomer who joins after the rewrite and never held the
 * original). Birch is offline while Mallory rewrites and comes back after, holding the original.
 *
 * Afterwards every honest node shows the same feed and the same membership — neither version of
 * the rewritten block counts — and Alder's review shows the evidence with both versions. For a
 * post (the newcomer first, then Birch back; and Birch first, then the newcomer, under a CPU hog
 * on both cores), and for a governance event (a role change rewritten as a removal).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { spawnTs, type Child } from '../../helpers/child.ts'
import type { Peer } from '../../helpers/peer.ts'
import { useProcessCast } from '../../helpers/process-cast.ts'

const cast = useProcessCast()
const { tempDir, start, stop } = cast
const CHILD = fileURLToPath(new URL('./rewrite-member.child.ts', import.meta.url))
let mallory: Child | null = null

const texts = async (p: Peer, groupId: string): Promise<string[]> => (await p.ok('feed', { groupId, limit: 100 })).posts.map((x) => x.text).sort()
const members = async (p: Peer, groupId: string): Promise<string[]> => (await p.ok('members', { groupId })).map((m) => `${m.pseudonym}:${m.role}`).sort()

/** Mallory's answer to one command. */
async function tell(cmd: string, answer: string): Promise<string[]> {
  const seen = mallory?.lines.length ?? 0
  mallory?.proc.stdin?.write(`${cmd}\n`)
  const fresh = (l: string, i?: number): boolean => (i ?? 0) >= seen && (l.startsWith(`${answer} `) || l.startsWith('error '))
  const line = await (mallory as Child).waitForLine(fresh, 60_000)
  if (line.startsWith('error ')) throw new Error(line)
  return line.split(' ').slice(1)
}

interface Scene {
  boot: string
  groupId: string
  alder: Peer
  birch: Peer
  birchDir: string
  malloryId: string
  forCedar: string
}

async function scene(): Promise<Scene> {
  const boot = await cast.testnet()
  const alder = await start(path.join(tempDir(), 'alder'), boot, 'Alder')
  const { id: groupId } = await alder.ok('createGroup', { name: 'Circle' })
  const forBirch = await alder.ok('createInvite', { groupId })
  const forMallory = await alder.ok('createInvite', { groupId })
  const forCedar = await alder.ok('createInvite', { groupId })
  const birchDir = path.join(tempDir(), 'birch')
  const birch = await start(birchDir, boot, 'Birch')
  expect(await birch.ok('joinGroup', { code: forBirch.code, waitMs: 30_000 }, 40_000)).toMatchObject({ status: 'admitted' })
  mallory = cast.hostile(spawnTs(CHILD, [path.join(tempDir(), 'mallory'), boot, forMallory.code], {}, { stdin: true }))
  const malloryId = (await mallory.waitForLine((l) => l.startsWith('joined '), 90_000)).slice('joined '.length)
  return { boot, groupId, alder, birch, birchDir, malloryId, forCedar: forCedar.code }
}

type Order = 'newcomer first' | 'Birch first'

/** Cedar joins now (admitted by Alder) and Birch comes back, in `order`; all three must agree. */
async function converge(s: Scene, agree: (p: Peer) => Promise<boolean>, order: Order = 'newcomer first'): Promise<Peer[]> {
  const birchBack = (): Promise<Peer> => start(s.birchDir, s.boot)
  const early = order === 'Birch first' ? await birchBack() : null
  const cedar = await start(path.join(tempDir(), 'cedar'), s.boot, 'Cedar')
  expect(await cedar.ok('joinGroup', { code: s.forCedar, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
  const birch = early ?? (await birchBack())
  const honest = [s.alder, birch, cedar]
  const settled = async (p: Peer): Promise<boolean> => (await agree(p)) && (await members(p, s.groupId)).includes('Cedar:member')
  for (const p of honest) await p.until(() => settled(p), 120_000)
  const feeds = await Promise.all(honest.map((p) => texts(p, s.groupId)))
  const lists = await Promise.all(honest.map((p) => members(p, s.groupId)))
  for (const f of feeds) expect(f).toEqual(feeds[0])
  for (const l of lists) expect(l).toEqual(lists[0])
  return honest
}

describe('a member that rewrites its own signed history', () => {
  it.each([
    { order: 'newcomer first' as Order, hog: false },
    { order: 'Birch first' as Order, hog: true },
  ])('a post ($order, CPU hog: $hog): the honest member who saw the original and the newcomer who did not end with one feed; facilitators see both versions', { timeout: 360_000 }, async ({ order, hog }) => {
    if (hog) cast.loadCpu()
    const s = await scene()
    await tell('post a post before anything happened', 'posted')
    const [index] = await tell('post the original words', 'posted')
    for (const p of [s.alder, s.birch]) await p.until(async () => (await texts(p, s.groupId)).includes('the original words'), 45_000)
    await stop(s.birch)

    const [again, fork] = await tell(`rewrite-post ${index} the rewritten words`, 'rewritten')
    expect([again, fork]).toEqual([index, '1'])

    const frozen = async (p: Peer): Promise<boolean> => {
      const t = await texts(p, s.groupId)
      return t.includes('a post before anything happened') && !t.includes('the original words') && !t.includes('the rewritten words')
    }
    const [alder] = await converge(s, frozen, order)
    expect(await texts(alder as Peer, s.groupId)).toEqual(['a post before anything happened'])
    const review = await s.alder.ok('rewrittenLogs', { groupId: s.groupId })
    expect(review).toHaveLength(1)
    expect(review[0]).toMatchObject({ member: s.malloryId, memberName: 'Mallory', index: Number(index) })
    expect(review[0]?.versions.map((v) => [v.fork, v.block?.texts])).toEqual([[0, ['the original words']], [1, ['the rewritten words']]])
    expect(review[0]?.reportedBy.length).toBeGreaterThan(0)
  })

  it('a governance event: a role change rewritten as a removal leaves one membership everywhere', { timeout: 240_000 }, async () => {
    const s = await scene()
    await s.alder.ok('setRole', { groupId: s.groupId, member: s.malloryId, role: 'facilitator' })
    const birchId = (await s.birch.ok('groupInfo', { groupId: s.groupId })).me
    // Valid whenever Mallory writes it: replay orders her event after the promotion that cuts her log.
    const [index] = await tell(`promote ${birchId}`, 'wrote')
    const promoted = async (p: Peer): Promise<boolean> => (await members(p, s.groupId)).includes('Birch:facilitator')
    for (const p of [s.alder, s.birch]) await p.until(() => promoted(p), 45_000)
    await stop(s.birch)

    const [again] = await tell(`rewrite-remove ${index} ${birchId}`, 'rewritten')
    expect(again).toBe(index)

    const oneMembership = async (p: Peer): Promise<boolean> => (await members(p, s.groupId)).includes('Birch:member')
    await converge(s, oneMembership)
    expect(await members(s.alder, s.groupId)).toEqual(['Alder:facilitator', 'Birch:member', 'Cedar:member', 'Mallory:facilitator'])
    const review = await s.alder.ok('rewrittenLogs', { groupId: s.groupId })
    expect(review[0]?.versions.map((v) => v.block?.texts)).toEqual([['role.change Birch'], ['member.remove Birch']])
  })
})
