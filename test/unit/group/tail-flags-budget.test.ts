/**
 * An honest flag held in a flagger's checkpoint, her byte budget ending at her latest tail index
 * (session 14 review, F1). A full read (same budget) counts the checkpoint's flag and hides Bob's
 * post. The preview used to take an index its writer may not write as "no flag set", so the
 * checkpoint's flag was not counted and the post showed; now that log gives no page until its
 * checkpoint is read (tail-preview.ts `flagsOf`).
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { decodeTailIndex, TAIL_INDEX_WINDOW } from '../../../core/group/tail-index.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { setFlag } from '../../../core/model/flags.ts'
import { BlockKind, decodeBlock } from '../../../core/store/block-codec.ts'
import type { ReadLog } from '../../../core/group/group-reading.ts'
import { admitEvent, hex, identity, idOf, foundGroup, type MemLog } from './support.ts'
import { bobsSpace, carriersIn, checkpointAt, nobody, reader, rnd, sparse } from './tail-fixture.ts'

const POST = 'bob, dated ahead, flagged by fay before her checkpoint'
const texts = (s: GroupSpace): string[] => readerFeed(s, nobody, { limit: 2000 }).posts.map((p) => p.text)

describe('a checkpoint-held flag, budget ending at the latest index', () => {
  it('preview must not show what the full read (same budget) hides', async () => {
    const g = await foundGroup(rnd, { flagThreshold: 1 })
    const bobId = identity(rnd)
    const bobLog = hex(rnd.bytes(32))
    await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, bobId, bobLog))
    const bobSpace = await bobsSpace(g, bobLog, bobId)
    let post = ''
    await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: POST, cw: null }, 9_000_000_000_000)))
    await bobSpace.idle()
    const bob = bobSpace.own as MemLog
    await g.space.catchUp(bob)
    const fay = (fn: (m: MemberDoc) => void): Promise<void> => g.space.change(memberDocId(g.me), (d) => fn(new MemberDoc(d, g.me)))
    await fay((m) => setFlag(m, post, { reason: 'other', rules: null }, 50_000))
    for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) await fay((m) => void m.addPost({ topic: 'check-in', text: `old ${i}`, cw: null }, 60_000 + i))
    await g.space.idle()
    for (let i = 0; i < 2 * TAIL_INDEX_WINDOW; i++) await fay((m) => void m.addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 70_000 + i))
    await g.space.idle()
    const at = checkpointAt(g, g.log, g.space.sharedCheckpoints.get(g.log.key) as number)
    let latest = -1
    for (let i = g.log.length - 1; i >= 0 && latest < 0; i--) {
      const b = decodeBlock(g.log.blocks[i] as Uint8Array, () => g.epochKey)
      if (b.kind === BlockKind.TailIndex) latest = i
    }
    // The budget ends at the latest index: it and everything after it are past it.
    expect(decodeTailIndex(decodeBlock(g.log.blocks[latest] as Uint8Array, () => g.epochKey).payload, latest)).not.toBeNull()
    const quotaEnd = latest
    // The full read with the same budget.
    const wholeLog: ReadLog = { ...sparse(g.log, () => true), key: g.log.key, get length() { return g.log.length }, quotaEnd: () => Promise.resolve(quotaEnd) }
    const whole = reader(g)
    await whole.catchUp(wholeLog)
    await whole.catchUp(bob)
    const { start, parts, listed } = at
    const end = start + parts
    const carriers = carriersIn(g, g.log)
    const held = (i: number): boolean => i === start || listed.includes(i) || i >= Math.max(end, g.log.length - TAIL_INDEX_WINDOW) || carriers.has(i)
    const log: ReadLog = { ...sparse(g.log, held), key: g.log.key, get length() { return g.log.length }, quotaEnd: () => Promise.resolve(quotaEnd) }
    const n = reader(g)
    n.planCheckpoint(g.log.key, start)
    await n.catchUp(log)
    await n.catchUp(bob)
    await n.catchUp(log)
    const page = readerFeed(n, nobody, { limit: 2000 })
    expect(texts(whole)).not.toContain(POST)
    expect(page.posts.map((p) => p.text)).not.toContain(POST)
  })
})
