/**
 * The newcomer's backfill (checkpoint-reading.ts `backfill`, held-whole.ts): a block a shared
 * checkpoint stood for is not applied again when the doc holds it whole already, and everything a
 * checkpoint left out still lands — a deletion (a reaction taken back is a delete set alone) and a
 * hide (a block of another doc the checkpoint did not list). Each hostile case reads Fay's log as a
 * newcomer from a checkpoint she wrote by hand, and compares the page after the backfill with that
 * of a reader of the whole log. Real GroupSpaces and real sealed blocks.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import { heldWhole } from '../../../core/group/held-whole.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { CheckpointAssembly, decodeCheckpointPart, encodeCheckpointParts, SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../../../core/store/block-codec.ts'
import { foundGroup, type Founded } from './support.ts'
import { nobody, reader, rnd, sparse } from './tail-fixture.ts'

/** Fay posts until her log holds an honest checkpoint; the blocks it lists, and her first post. */
async function fayPastCheckpoint(): Promise<{ g: Founded; start: number; listed: number[]; post: string }> {
  const g = await foundGroup(rnd)
  let post = ''
  for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) {
    await mine(g, (m) => {
      const ref = m.addPost({ topic: 'check-in', text: `post ${i}`, cw: null }, 100 + i)
      post ||= ref
    })
  }
  await g.space.idle()
  const start = g.space.sharedCheckpoints.get(g.log.key) as number
  return { g, start, listed: decodeCheckpointPart(decodeBlock(g.log.blocks[start] as Uint8Array, () => g.epochKey).payload, start).uncovered, post }
}

const mine = (g: Founded, fn: (m: MemberDoc) => void): Promise<void> => g.space.change(memberDocId(g.me), (d) => fn(new MemberDoc(d, g.me)))

/** Fay appends a checkpoint of her member doc holding `state`, listing `listed` as the blocks it does not cover. */
async function handCheckpoint(g: Founded, state: Uint8Array, listed: readonly number[]): Promise<number> {
  const start = g.log.length
  for (const payload of encodeCheckpointParts(memberDocId(g.me), start, listed, state)) {
    await g.log.append(encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId: memberDocId(g.me), payload }, g.epochKey))
  }
  return start
}

/** A newcomer reads Fay's log from the checkpoint at `start`; `backfill()` brings the blocks it stood for. */
async function newcomer(g: Founded, start: number, listed: readonly number[]): Promise<{ n: GroupSpace; backfill(): Promise<void> }> {
  let all = false
  const log = sparse(g.log, (i) => all || i >= start || listed.includes(i))
  const n = reader(g)
  n.planCheckpoint(g.log.key, start)
  await n.catchUp(log)
  return {
    n,
    backfill: async () => {
      all = true
      await n.catchUp(log)
      expect(n.historyLeft()).toBe(0)
    },
  }
}

async function wholeReader(g: Founded): Promise<GroupSpace> {
  const whole = reader(g)
  await whole.catchUp(g.log)
  return whole
}

/** What any other member sees (`mine` left out: it is the viewer's own reactions). */
const page = (s: GroupSpace): string => JSON.stringify(readerFeed(s, nobody, { limit: 5000 }), (k, v: unknown) => (k === 'mine' ? undefined : v))

describe('the backfill', () => {
  it('finds every covered update of an honest log held whole by its checkpoint, and reads the same group', async () => {
    const { g, start, listed } = await fayPastCheckpoint()
    const first = decodeCheckpointPart(decodeBlock(g.log.blocks[start] as Uint8Array, () => g.epochKey).payload, start)
    const whole = new CheckpointAssembly(first)
    for (let i = 1; i < first.parts; i++) whole.add(decodeCheckpointPart(decodeBlock(g.log.blocks[start + i] as Uint8Array, () => g.epochKey).payload, start + i))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, whole.done() as Uint8Array)
    let covered = 0
    for (let i = 0; i < start; i++) {
      if (listed.includes(i)) continue
      const b = decodeBlock(g.log.blocks[i] as Uint8Array, () => g.epochKey)
      expect(b.kind).toBe(BlockKind.YjsUpdate)
      expect(heldWhole(doc, b.payload), `block ${i}`).toBe(true)
      covered++
    }
    expect(covered).toBeGreaterThan(start - listed.length - 2)
    const { n, backfill } = await newcomer(g, start, listed)
    await backfill()
    expect(page(n)).toBe(page(await wholeReader(g)))
    expect(n.docs.rejected).toEqual([])
  })

  it('applies a deletion the checkpoint left out: a reaction taken back shows to nobody once the backfill is read', async () => {
    const { g, listed, post } = await fayPastCheckpoint()
    await mine(g, (m) => m.react(post, 'believe', true, 60_000))
    const stillReacting = Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me)))
    await mine(g, (m) => m.react(post, 'believe', false, 60_001)) // a delete set alone: no struct
    // Fay's own checkpoint after that block, holding the doc as it was before it.
    const start = await handCheckpoint(g, stillReacting, listed)
    const whole = await wholeReader(g)
    const reactions = (s: GroupSpace): unknown => readerFeed(s, nobody, { limit: 5000 }).posts.find((p) => p.id === post)?.reactions
    expect(reactions(whole)).toEqual({})
    const { n, backfill } = await newcomer(g, start, listed)
    expect(reactions(n)).toEqual({ believe: 1 }) // the checkpoint's word, until the blocks it stood for are read
    await backfill()
    expect(reactions(n)).toEqual({})
    expect(page(n)).toBe(page(whole))
  })

  it('applies a hide the checkpoint did not list: the post is hidden once the backfill is read', async () => {
    const { g, listed } = await fayPastCheckpoint()
    let hidden = ''
    await mine(g, (m) => void (hidden = m.addPost({ topic: 'check-in', text: 'hidden by a facilitator', cw: null }, 60_000)))
    await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: hidden, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 60_001 }))
    // A checkpoint of her whole doc that lists the same blocks as before: not the hide's.
    const start = await handCheckpoint(g, Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me))), listed)
    const whole = await wholeReader(g)
    const texts = (s: GroupSpace): string[] => readerFeed(s, nobody, { limit: 5000 }).posts.map((p) => p.text)
    expect(texts(whole)).not.toContain('hidden by a facilitator')
    const { n, backfill } = await newcomer(g, start, listed)
    expect(texts(n)).toContain('hidden by a facilitator') // the hide is in a block the checkpoint stood for
    await backfill()
    expect(texts(n)).not.toContain('hidden by a facilitator')
    expect(page(n)).toBe(page(whole))
  })
})
