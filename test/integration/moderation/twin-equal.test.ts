/**
 * One log key on two machines, each writing ONE different block at the same index (issue 14,
 * two versions at one length; tree-exchange.ts). OS processes on a loopback testnet: Alder
 * (facilitator), Birch (an honest member), Mallory, whose profile folder is copied while locked
 * and run as two machines (twin-member.child.ts). The first machine meets only Birch, the second
 * only Alder; each posts once, so both versions have the same length and Hypercore, which compares
 * trees only when one side outgrows the other, would never notice. Then the honest members meet
 * (Birch comes back), with Cedar, a newcomer, joining before or after: the signed trees exchanged
 * on connect differ, the evidence travels, and all three end with the same feed and membership,
 * neither machine's words shown; Alder's review lists the evidence with both machines' words.
 */
import { cpSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useProcessCast } from '../../helpers/process-cast.ts'
import { has, machine as start, offline } from './twin-machines.ts'
import { converge, scene, tell, texts, type Order } from './rewrite-scene.ts'

const cast = useProcessCast()

describe('a member whose two machines each write one block at the same index', () => {
  const meet = async ({ order, hog }: { order: Order; hog: boolean }): Promise<void> => {
    if (hog) cast.loadCpu()
    const s = await scene(cast)
    await tell(s.mallory, 'post a post before anything happened', 'posted')
    for (const p of [s.alder, s.birch]) await has(p, s.groupId, 'a post before anything happened')
    await offline(s.mallory)
    const copyDir = path.join(cast.tempDir(), 'mallory-copy')
    cpSync(s.malloryDir, copyDir, { recursive: true })

    // The first machine meets only Birch.
    await cast.stop(s.alder)
    const first = await start(cast, s.malloryDir, s.boot, s.groupId)
    const [atFirst] = await tell(first, 'post words on the first machine', 'posted')
    await has(s.birch, s.groupId, 'words on the first machine')
    await cast.stop(s.birch)
    await offline(first)

    // The second meets only Alder, and writes at the same index: both versions are one length.
    const alder = await cast.start(s.alderDir, s.boot)
    const second = await start(cast, copyDir, s.boot, s.groupId)
    const [atSecond] = await tell(second, 'post words on the second machine', 'posted')
    expect(atSecond).toBe(atFirst)
    await has(alder, s.groupId, 'words on the second machine')
    await offline(second)

    // The honest members meet; nobody holding either machine is online.
    await converge(cast, { ...s, alder }, async (p) => {
      const feed = await texts(p, s.groupId)
      return !feed.some((x) => x.includes('machine'))
    }, order)
    // The split is at Mallory's third block; her first post is before it and stands everywhere.
    expect(await texts(alder, s.groupId)).toEqual(['a post before anything happened'])
    await alder.until(async () => (await alder.ok('rewrittenLogs', { groupId: s.groupId })).length === 1, 60_000)
    const review = await alder.ok('rewrittenLogs', { groupId: s.groupId })
    expect(review).toHaveLength(1)
    expect(review[0]).toMatchObject({ member: s.malloryId, memberName: 'Mallory' })
    expect(review[0]?.versions.map((v) => v.fork)).toEqual([0, 0])
    expect(review[0]?.reportedBy.length).toBeGreaterThan(0)
    // Both machines' words, carried by the evidence (the exchange sends the block where they part).
    expect(review[0]?.versions.map((v) => v.block?.texts).sort()).toEqual([['words on the first machine'], ['words on the second machine']])
  }
  const title = 'the honest members meet and end frozen alike; facilitators see both versions'

  it.each([
    { order: 'newcomer first' as Order, hog: false, load: 'quiet machine' },
    { order: 'Birch first' as Order, hog: false, load: 'quiet machine' },
    { order: 'newcomer first' as Order, hog: true, load: 'CPU hog on both cores' },
  ])(`($order, $load) ${title}`, { timeout: 480_000 }, meet)

  // 'Birch first' races a newcomer's copy frozen before it holds Mallory's blocks 0..1 (the
  // conflict reaching Cedar first): Cedar then gets them over the below-freeze channel
  // (core/net/below-freeze.ts; docs/decisions.md, session 14 twin and session 15 rescue;
  // test/unit/group/frozen-early.test.ts builds that order deterministically).
})
