/**
 * One log key on two machines (issue 14, two trees at one fork; DESIGN.md §1 item 2). OS
 * processes on a loopback testnet: Alder (facilitator), Birch (an honest member), Mallory, whose
 * profile folder is copied while locked and then run as two machines (twin-member.child.ts, each
 * its own process, never truncating), and Cedar, a newcomer. Only Birch reads the first machine's
 * words; only Alder and Cedar read the second's, which then grows past the first (Hypercore
 * notices two trees only when one outgrows the other). Birch comes back and meets the second
 * version: Hypercore reports a conflict, and the node that met it turns it into evidence. Cedar
 * is offline then ('Birch first', under a CPU hog on both cores) or online ('newcomer first').
 * All three end with the same feed and membership, neither machine's words shown, and Alder's
 * review lists the evidence with both machines' words (evidence-complete.ts).
 */
import { cpSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useProcessCast } from '../../helpers/process-cast.ts'
import { has, machine as start, offline } from './twin-machines.ts'
import { members, scene, tell, texts, type Order } from './rewrite-scene.ts'

const cast = useProcessCast()

describe('a member that runs one device log on two machines', () => {
  it.each([
    { order: 'newcomer first' as Order, hog: false, load: 'quiet machine' },
    { order: 'Birch first' as Order, hog: true, load: 'CPU hog on both cores' },
  ])('($order, $load) readers of either version end with one feed and membership; facilitators see the evidence', { timeout: 480_000 }, async ({ order, hog }) => {
    if (hog) cast.loadCpu()
    const s = await scene(cast)
    await tell(s.mallory, 'post a post before anything happened', 'posted')
    for (const p of [s.alder, s.birch]) await has(p, s.groupId, 'a post before anything happened')
    // Mallory's profile becomes two machines: locked, copied whole, each opened on its own.
    await offline(s.mallory)
    const copyDir = path.join(cast.tempDir(), 'mallory-copy')
    cpSync(s.malloryDir, copyDir, { recursive: true })

    // Only Birch reads the first machine's words.
    await cast.stop(s.alder)
    const first = await start(cast, s.malloryDir, s.boot, s.groupId)
    await tell(first, 'post words on the first machine', 'posted')
    await has(s.birch, s.groupId, 'words on the first machine')
    await cast.stop(s.birch)
    await offline(first)

    // Alder and Cedar, a newcomer, read only the second machine's, which then grows past the first.
    const alder = await cast.start(s.alderDir, s.boot)
    const second = await start(cast, copyDir, s.boot, s.groupId)
    await tell(second, 'post words on the second machine', 'posted')
    await has(alder, s.groupId, 'words on the second machine')
    const cedarDir = path.join(cast.tempDir(), 'cedar')
    let cedar = await cast.start(cedarDir, s.boot, 'Cedar')
    expect(await cedar.ok('joinGroup', { code: s.forCedar, waitMs: 60_000 }, 70_000)).toMatchObject({ status: 'admitted' })
    await has(cedar, s.groupId, 'words on the second machine')
    await tell(second, 'post more on the second machine', 'posted')
    await has(cedar, s.groupId, 'more on the second machine')
    if (order === 'Birch first') await cast.stop(cedar)

    // Birch comes back holding the first machine's version: someone meets both, and reports it.
    const birch = await cast.start(s.birchDir, s.boot)
    await alder.until(async () => (await alder.ok('rewrittenLogs', { groupId: s.groupId })).length === 1, 120_000)
    if (order === 'Birch first') cedar = await cast.start(cedarDir, s.boot)
    const honest = [alder, birch, cedar]
    const alderFeed = async (): Promise<string[]> => texts(alder, s.groupId)
    for (const p of honest) {
      await p.until(async () => {
        const [mine, hers] = [await texts(p, s.groupId), await alderFeed()]
        return !mine.some((x) => x.includes('machine')) && JSON.stringify(mine) === JSON.stringify(hers)
      }, 120_000)
    }
    const feeds = await Promise.all(honest.map((p) => texts(p, s.groupId)))
    const lists = await Promise.all(honest.map((p) => members(p, s.groupId)))
    for (const f of feeds) expect(f).toEqual(feeds[0])
    for (const l of lists) expect(l).toEqual(lists[0])
    // Block 0 and 1 are shared, the split is past them: the first post stands everywhere.
    expect(feeds[0]).toEqual(['a post before anything happened'])
    // The holder of each version adds its block where the other reporter's evidence lacks it.
    const words = async (): Promise<string> => JSON.stringify((await alder.ok('rewrittenLogs', { groupId: s.groupId }))[0]?.versions.map((v) => v.block?.texts).sort())
    await alder.until(async () => (await words()) === JSON.stringify([['words on the first machine'], ['words on the second machine']]), 60_000)
    const review = await alder.ok('rewrittenLogs', { groupId: s.groupId })
    expect(review[0]).toMatchObject({ member: s.malloryId, memberName: 'Mallory' })
    expect(review[0]?.versions.map((v) => v.fork)).toEqual([0, 0])
    expect(review[0]?.reportedBy.length).toBeGreaterThan(0)
    await offline(second)
  })
})
