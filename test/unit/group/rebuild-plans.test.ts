/**
 * A rebuild while a newcomer still waits for checkpoints (checkpoint-reading.ts `planLike`,
 * `adopt`; tail-preview.ts `adopt`). Any member can start a rebuild at will: one update Yjs cannot
 * read, in its own log, marks the docs damaged. The rebuild used to carry over only the
 * checkpoints already applied, so a log still planned was read from block 0 up to its first gap
 * and then neither planned nor fetched whole: once its parts came, the feed went on without its
 * tail, and a hide in it was lost. Real GroupSpaces and sealed blocks (tail-fixture.ts).
 */
import { describe, expect, it } from 'vitest'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { bobsSpace, groupWithTail, nobody, reader, sparse, tailHeld } from './tail-fixture.ts'
import { idOf, updateBlock, type MemLog } from './support.ts'

async function hiddenThenRebuilt(rebuild: 'garbage' | 'direct'): Promise<{ shown: boolean; preview: boolean | undefined; planned: boolean; posts: number }> {
  const { g, start, parts, listed, bobLog, bob: bobId } = await groupWithTail()
  const bobSpace = await bobsSpace(g, bobLog, bobId)
  let post = ''
  await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, hidden by Fay', cw: null }, 20_000)))
  await bobSpace.idle()
  const bob = bobSpace.own as MemLog
  await g.space.catchUp(bob)
  // Fay hides Bob's post in her tail, after her checkpoint.
  await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: post, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 20_001 }))
  await g.space.idle()
  const n = reader(g)
  const at = { start, parts, listed }
  n.planCheckpoint(g.log.key, start)
  await n.catchUp(sparse(g.log, tailHeld(at)))
  await n.catchUp(bob)
  expect(n.planned).toBe(true)
  if (rebuild === 'garbage') {
    // Bob appends an update Yjs cannot read: the batch marks the docs damaged, a rebuild runs.
    await bob.append(updateBlock(g.epochKey, memberDocId(idOf(bobId)), new Uint8Array([1, 2, 3, 250, 251, 252, 7, 7, 7, 7])))
    await n.catchUp(bob)
  } else {
    await (n as unknown as { rebuild(): Promise<void> }).rebuild()
  }
  // The plan waits on through the rebuild.
  const planned = n.planned
  // Then the parts come (everything but the covered blocks).
  await n.catchUp(sparse(g.log, (i) => tailHeld(at)(i) || i >= start))
  await n.catchUp(bob)
  const f = readerFeed(n, nobody, { limit: 100 })
  return { shown: f.posts.some((p) => p.id === post), preview: f.preview, planned, posts: f.posts.length }
}

describe('a rebuild while a newcomer waits for a checkpoint', () => {
  it('keeps the plan, so the tail and its hide are read once the parts come', async () => {
    const r = await hiddenThenRebuilt('direct')
    expect(r.planned).toBe(true)
    expect(r.shown).toBe(false)
    expect(r.posts).toBeGreaterThan(1)
  })

  it('started by a member’s unreadable update: the hidden post stays hidden', async () => {
    const r = await hiddenThenRebuilt('garbage')
    expect(r.planned).toBe(true)
    expect(r.shown).toBe(false)
    expect(r.posts).toBeGreaterThan(1)
  })
})
