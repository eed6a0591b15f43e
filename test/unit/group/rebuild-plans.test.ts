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
import { bobHiddenByFay, nobody, reader, sparse, tailHeld } from './tail-fixture.ts'
import { idOf, updateBlock } from './support.ts'

async function hiddenThenRebuilt(rebuild: 'garbage' | 'direct'): Promise<{ shown: boolean; preview: boolean | undefined; planned: boolean; posts: number }> {
  // Fay hides Bob's post in her tail, after her checkpoint.
  const { g, start, parts, listed, bob, bobId, post } = await bobHiddenByFay()
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
