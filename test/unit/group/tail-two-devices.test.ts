/**
 * A member with two device logs while a newcomer waits for one's checkpoint (tail-preview.ts,
 * reader-source.ts): the preview shows the planned log's pane as the member's doc, so what the
 * OTHER device wrote to that doc (read whole, in the real doc) is not in what is shown. A deletion
 * or an edit from the other device of a post the pane shows must not leave the old words on the
 * page. Real GroupSpaces, real Yjs, real sealed blocks; the planned log held as a newcomer holds it.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { TAIL_INDEX_WINDOW } from '../../../core/group/tail-index.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { foundGroup, hex, MemLog } from './support.ts'
import { carriersIn, checkpointAt, nobody, reader, rnd, sparse } from './tail-fixture.ts'

const texts = (s: GroupSpace): string[] => readerFeed(s, nobody, { limit: 2000 }).posts.map((p) => p.text)

describe('a member with two devices, one planned', () => {
  it('a post the planned log holds, deleted or edited from the device read whole, is not shown with its old words', async () => {
    const g = await foundGroup(rnd)
    const fay = (fn: (m: MemberDoc) => void): Promise<void> => g.space.change(memberDocId(g.me), (d) => fn(new MemberDoc(d, g.me)))
    for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) await fay((m) => void m.addPost({ topic: 'check-in', text: `old ${i}`, cw: null }, 60_000 + i))
    await g.space.idle()
    const refs: string[] = []
    for (let i = 0; i < 2 * TAIL_INDEX_WINDOW; i++) await fay((m) => void refs.push(m.addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 70_000 + i)))
    await g.space.idle()
    const at = checkpointAt(g, g.log, g.space.sharedCheckpoints.get(g.log.key) as number)
    const end = at.start + at.parts
    // Her second device reads her log, then deletes her newest post and edits the one before.
    const second = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: g.creator, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.governance.groupId })
    await second.catchUp(g.log)
    await second.writeGovernance({ v: 1, kind: 'device.add', group: g.space.governance.groupId, author: g.me, at: 80_000, seen: {}, body: { device: second.own.key } })
    await second.change(memberDocId(g.me), (d) => new MemberDoc(d, g.me).remove(refs.at(-1) as string, 80_001))
    await second.change(memberDocId(g.me), (d) => new MemberDoc(d, g.me).edit(refs.at(-2) as string, { text: 'edited from the second device' }, 80_002))
    await second.idle()
    const secondLog = second.own as MemLog
    const whole = reader(g)
    for (const log of [g.log, secondLog]) await whole.catchUp(log)
    const full = texts(whole)
    expect(full).not.toContain(`after ${refs.length - 1}`)
    expect(full).not.toContain(`after ${refs.length - 2}`)
    expect(full).toContain('edited from the second device')
    const carriers = carriersIn(g, g.log)
    const held = (i: number): boolean => i === at.start || at.listed.includes(i) || i >= Math.max(end, g.log.length - TAIL_INDEX_WINDOW) || carriers.has(i)
    const n = reader(g)
    n.planCheckpoint(g.log.key, at.start)
    await n.catchUp(sparse(g.log, held))
    await n.catchUp(secondLog)
    await n.catchUp(sparse(g.log, held))
    const page = readerFeed(n, nobody, { limit: 2000 })
    // The old words of the deleted and the edited post are not on the page: there is none yet.
    expect(page.posts.map((p) => p.text)).not.toContain(`after ${refs.length - 1}`)
    expect(page.posts.map((p) => p.text)).not.toContain(`after ${refs.length - 2}`)
    expect(page).toEqual({ posts: [], next: null, preview: true })
    // Without the second device's log, the same newcomer's page is the pane's (the rule is what holds it).
    const alone = reader(g)
    alone.planCheckpoint(g.log.key, at.start)
    await alone.catchUp(sparse(g.log, held))
    await alone.catchUp(sparse(g.log, held))
    expect(readerFeed(alone, nobody, { limit: 2000 }).posts.map((p) => p.text)).toContain(`after ${refs.length - 1}`)
    await n.catchUp(g.log)
    expect(texts(n)).toEqual(full)
  })

  it('two planned logs of one member: no page until one of their checkpoints is read', async () => {
    const g = await foundGroup(rnd)
    const fay = (s: GroupSpace, fn: (m: MemberDoc) => void): Promise<void> => s.change(memberDocId(g.me), (d) => fn(new MemberDoc(d, g.me)))
    for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) await fay(g.space, (m) => void m.addPost({ topic: 'check-in', text: `old ${i}`, cw: null }, 60_000 + i))
    await g.space.idle()
    let last = ''
    // Dated after everything the second device writes, so the line leaves the first pane's posts on the page.
    for (let i = 0; i < 2 * TAIL_INDEX_WINDOW; i++) await fay(g.space, (m) => void (last = m.addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 200_000 + i)))
    await g.space.idle()
    const second = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: g.creator, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.governance.groupId })
    await second.catchUp(g.log)
    await second.writeGovernance({ v: 1, kind: 'device.add', group: g.space.governance.groupId, author: g.me, at: 80_000, seen: {}, body: { device: second.own.key } })
    // The second device deletes the first's newest post, then writes past a checkpoint of its own.
    await fay(second, (m) => m.remove(last, 80_001))
    const secondLog = second.own as MemLog
    for (let i = 0; secondLog.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) await fay(second, (m) => void m.addPost({ topic: 'check-in', text: `second ${i}`, cw: null }, 90_000 + i))
    for (let i = 0; i < 2 * TAIL_INDEX_WINDOW; i++) await fay(second, (m) => void m.addPost({ topic: 'check-in', text: `second after ${i}`, cw: null }, 95_000 + i))
    await second.idle()
    const whole = reader(g)
    for (const log of [g.log, secondLog]) await whole.catchUp(log)
    expect(texts(whole)).not.toContain(`after ${2 * TAIL_INDEX_WINDOW - 1}`)
    const n = reader(g)
    const plans = [g.log, secondLog].map((log) => {
      const at = checkpointAt(g, log, (log === g.log ? g.space : second).sharedCheckpoints.get(log.key) as number)
      const carriers = carriersIn(g, log)
      const held = (i: number): boolean => i === at.start || at.listed.includes(i) || i >= Math.max(at.start + at.parts, log.length - TAIL_INDEX_WINDOW) || carriers.has(i)
      n.planCheckpoint(log.key, at.start)
      return sparse(log, held)
    })
    for (const log of [...plans, ...plans]) await n.catchUp(log)
    expect(n.planOf(g.log.key)).toBeDefined()
    expect(n.planOf(secondLog.key)).toBeDefined()
    expect(readerFeed(n, nobody, { limit: 2000 })).toEqual({ posts: [], next: null, preview: true })
    for (const log of [g.log, secondLog]) await n.catchUp(log)
    expect(texts(n)).toEqual(texts(whole))
  })
})
