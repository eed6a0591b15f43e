/**
 * An index's flag set counts only where its writer may write (tail-preview.ts `begin`: the write
 * rule and the byte budget asked at the index's own position, `host.mayWrite`), and only under
 * the pane's own doc id (tail-index.ts `findTailIndex`). Fay, threshold 1, never flags Bob's post,
 * which he dates far ahead (so it stands above any line); her latest index says she does. Where
 * that index may speak, the preview hides the post (the set counts); past her byte budget, or
 * under another doc id, it adds nothing, and the page is the full read's, the post on it.
 * Real GroupSpaces, real Yjs, real sealed blocks; Fay's log held as a newcomer holds it (with
 * the carrier of her set, which her indexes list: tail-index.ts).
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { decodeTailIndex, encodeTailIndex, TAIL_INDEX_WINDOW, type TailIndex } from '../../../core/group/tail-index.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../../../core/store/block-codec.ts'
import type { ReadLog } from '../../../core/group/group-reading.ts'
import { admitEvent, hex, identity, idOf, foundGroup, type MemLog } from './support.ts'
import { bobsSpace, carriersIn, checkpointAt, nobody, reader, rnd, sparse, type CheckpointAt } from './tail-fixture.ts'

const POST = 'bob, dated ahead, flagged by nobody'
const texts = (s: GroupSpace): string[] => readerFeed(s, nobody, { limit: 2000 }).posts.map((p) => p.text)

/** Fay past her checkpoint and two windows of posts; Bob's post dated far ahead; a space that read both whole. */
async function setup() {
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
  const fay = (text: string, at: number): Promise<void> => g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text, cw: null }, at))
  for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) await fay(`old ${i}`, 60_000 + i)
  await g.space.idle()
  for (let i = 0; i < 2 * TAIL_INDEX_WINDOW; i++) await fay(`after ${i}`, 70_000 + i)
  await g.space.idle()
  const at = checkpointAt(g, g.log, g.space.sharedCheckpoints.get(g.log.key) as number)
  const whole = reader(g)
  await whole.catchUp(g.log)
  await whole.catchUp(bob)
  return { g, bob, post, at, whole }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** Fay's latest honest index, as the log holds it. */
function latestIndex(t: Setup): TailIndex {
  for (let i = t.g.log.length - 1; i >= 0; i--) {
    const b = decodeBlock(t.g.log.blocks[i] as Uint8Array, () => t.g.epochKey)
    if (b.kind === BlockKind.TailIndex) return decodeTailIndex(b.payload, i)
  }
  throw new Error('no index')
}

/** A latest index Fay signs under `docId`, saying she flagged Bob's post: what a dishonest Fay could write. */
async function lyingIndex(t: Setup, docId = memberDocId(t.g.me)): Promise<number> {
  const idx = latestIndex(t)
  const at = t.g.log.length
  const payload = encodeTailIndex({ ...idx, at, flags: [{ target: t.post, reason: 'other', rules: null, at: 50_000 }] })
  return t.g.log.append(encodeBlock({ epoch: 0, kind: BlockKind.TailIndex, docId, payload }, t.g.epochKey))
}

/** A newcomer holding Fay's part 0, what it lists and her newest blocks, her byte budget ending at `quotaEnd`; Bob's log whole. */
async function newcomer(t: Setup, quotaEnd = Infinity): Promise<GroupSpace> {
  const { start, parts, listed }: CheckpointAt = t.at
  const end = start + parts
  const carriers = carriersIn(t.g, t.g.log)
  const held = (i: number): boolean => i === start || listed.includes(i) || i >= Math.max(end, t.g.log.length - TAIL_INDEX_WINDOW) || carriers.has(i)
  const log: ReadLog = { ...sparse(t.g.log, held), key: t.g.log.key, get length() { return t.g.log.length }, quotaEnd: () => Promise.resolve(quotaEnd) }
  const n = reader(t.g)
  n.planCheckpoint(t.g.log.key, start)
  await n.catchUp(log)
  await n.catchUp(t.bob)
  await n.catchUp(log)
  return n
}

/** The full read's posts above the line the newcomer's preview gives: what its page must be. */
const aboveLine = (whole: GroupSpace, n: GroupSpace): string[] => {
  const since = n.reading.previewView()?.since ?? Infinity
  return readerFeed(whole, nobody, { limit: 2000 }).posts.filter((p) => p.createdAt > since).map((p) => p.text)
}

describe('an index’s flags count only where its writer may write', () => {
  it('within the byte budget a lying latest index hides the post; past it, no page until the checkpoint', async () => {
    const t = await setup()
    const at = await lyingIndex(t)
    expect(texts(t.whole)).toContain(POST)
    // Where the index may speak, its set counts (her own flags are hers to claim): the post is hidden.
    const within = await newcomer(t)
    const page = readerFeed(within, nobody, { limit: 2000 })
    expect(page.preview).toBe(true)
    expect(page.posts.map((p) => p.text)).not.toContain(POST)
    // Her budget ends at that index: it does not speak, and its flag set is not known, so her log
    // gives no page until her checkpoint is read: the flags her checkpoint holds still count in a
    // full read, and a page without them could show a post they hide (session 14 review, F1).
    const past = await newcomer(t, at)
    const shown = readerFeed(past, nobody, { limit: 2000 })
    expect(shown.preview).toBe(true)
    expect(shown.posts).toEqual([])
  })

  it('an index under another member’s doc id adds no flag, in that member’s name or its writer’s', async () => {
    const t = await setup()
    await lyingIndex(t, memberDocId(t.g.me.replace(/^./, (c) => (c === '0' ? '1' : '0'))))
    const n = await newcomer(t)
    const page = readerFeed(n, nobody, { limit: 2000 })
    expect(page.preview).toBe(true)
    expect(page.posts.map((p) => p.text)).toContain(POST)
    expect(page.posts.map((p) => p.text)).toEqual(aboveLine(t.whole, n))
  })
})
