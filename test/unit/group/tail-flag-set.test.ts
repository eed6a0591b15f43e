/**
 * The tail index's flag set written only when it changed (tail-index.ts, FLAGS_SAME; the writer:
 * tail-index-writer.ts): an index whose writer's set is its latest carrier's names that carrier,
 * which every later index lists; a newcomer, which takes the set of its LATEST index whatever
 * index it starts from, follows the name to the carrier, far behind the newest blocks, and its
 * preview hides what the set hides; a name that is not a carrier's gives no page from that log.
 * Real GroupSpaces, real Yjs, real sealed blocks; Fay's log held as a newcomer holds it.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import type { ReadLog } from '../../../core/group/group-reading.ts'
import { readerFeed } from '../../../core/group/reader-source.ts'
import { SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { decodeTailIndex, encodeTailIndex, FLAGS_SAME, listedBlocks, TAIL_INDEX_EVERY, TAIL_INDEX_WINDOW, type TailIndex } from '../../../core/group/tail-index.ts'
import { HearthError } from '../../../core/errors.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { setFlag, type Flag } from '../../../core/model/flags.ts'
import { TailIndexWriter } from '../../../core/group/tail-index-writer.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../../../core/store/block-codec.ts'
import { admitEvent, hex, identity, idOf, foundGroup, type MemLog } from './support.ts'
import { bobsSpace, carriersIn, checkpointAt, nobody, reader, rnd, sparse } from './tail-fixture.ts'

const codeOf = (f: () => unknown): string => {
  try {
    f()
    return 'OK'
  } catch (e) {
    return e instanceof HearthError ? e.code : 'UNCODED'
  }
}
const POST = 'bob, dated ahead, flagged by Fay before her checkpoint'
const SECOND = 'bob, dated ahead, flagged by Fay in her tail'
const texts = (s: GroupSpace): string[] => readerFeed(s, nobody, { limit: 2000 }).posts.map((p) => p.text)

describe('FLAGS_SAME in the format', () => {
  const ok: TailIndex = { start: 1000, end: 1003, at: 1100, ranges: [[1003, 2], [1010, 1], [1099, 1]], flags: { carrier: 1004 } }

  it('names a carrier of its tail, before it and listed, in four bytes', () => {
    const b = encodeTailIndex(ok)
    expect(b.length).toBe(15 + 8 * 3 + 2 + 4)
    expect(new DataView(b.buffer).getUint16(15 + 8 * 3, true)).toBe(FLAGS_SAME)
    expect(decodeTailIndex(b, 1100)).toEqual(ok)
    // Not listed, before the checkpoint's end, at or past itself: refused both ways.
    for (const carrier of [1005, 1002, 1100, 1200]) {
      expect(codeOf(() => encodeTailIndex({ ...ok, flags: { carrier } })), String(carrier)).toBe('BLOCK_MALFORMED')
      const raw = b.slice()
      new DataView(raw.buffer).setUint32(15 + 8 * 3 + 2, carrier, true)
      expect(codeOf(() => decodeTailIndex(raw, 1100)), String(carrier)).toBe('BLOCK_MALFORMED')
    }
    // Short or long: the length must be exactly four more.
    expect(codeOf(() => decodeTailIndex(b.subarray(0, b.length - 1), 1100))).toBe('BLOCK_MALFORMED')
    expect(codeOf(() => decodeTailIndex(Uint8Array.of(...b, 0), 1100))).toBe('BLOCK_MALFORMED')
  })
})

/**
 * Fay (threshold 1); Bob's two posts dated far ahead. Fay flags the first BEFORE her checkpoint
 * (so no tail block holds that flag: only her set does), the second early in her tail (after her
 * first index), then writes two windows of posts: her latest index names the carrier written
 * right after the second flag, far behind her newest blocks.
 */
async function flaggedEarly() {
  const g = await foundGroup(rnd, { flagThreshold: 1 })
  const bobId = identity(rnd)
  const bobLog = hex(rnd.bytes(32))
  await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, bobId, bobLog))
  const bobSpace = await bobsSpace(g, bobLog, bobId)
  const bobPost = async (text: string): Promise<string> => {
    let ref = ''
    await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (ref = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text, cw: null }, 9_000_000_000_000)))
    await bobSpace.idle()
    return ref
  }
  const post = await bobPost(POST)
  const second = await bobPost(SECOND)
  const bob = bobSpace.own as MemLog
  await g.space.catchUp(bob)
  const fay = (fn: (m: MemberDoc) => void): Promise<void> => g.space.change(memberDocId(g.me), (d) => fn(new MemberDoc(d, g.me)))
  await fay((m) => setFlag(m, post, { reason: 'other', rules: null }, 50_000))
  for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) await fay((m) => void m.addPost({ topic: 'check-in', text: `old ${i}`, cw: null }, 60_000 + i))
  await g.space.idle()
  const at = checkpointAt(g, g.log, g.space.sharedCheckpoints.get(g.log.key) as number)
  const end = at.start + at.parts
  for (let i = 0; i < 3; i++) await fay((m) => void m.addPost({ topic: 'check-in', text: `early ${i}`, cw: null }, 65_000 + i))
  await fay((m) => setFlag(m, second, { reason: 'other', rules: null }, 66_000))
  for (let i = 0; i < 2 * TAIL_INDEX_WINDOW + 10; i++) await fay((m) => void m.addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 70_000 + i))
  await g.space.idle()
  const whole = reader(g)
  await whole.catchUp(g.log)
  await whole.catchUp(bob)
  return { g, bob, post, second, at, end, whole }
}

type Flagged = Awaited<ReturnType<typeof flaggedEarly>>

/** Fay's indexes: position → decoded. */
function indexesIn(t: Flagged): Map<number, TailIndex> {
  const out = new Map<number, TailIndex>()
  t.g.log.blocks.forEach((raw, i) => {
    const b = decodeBlock(raw, () => t.g.epochKey)
    if (b.kind === BlockKind.TailIndex) out.set(i, decodeTailIndex(b.payload, i))
  })
  return out
}

/**
 * What the fetch brings before the first page (checkpoint-fetch.ts) but the newest blocks: the
 * blocks Fay's indexes list (the one a reader starts from lists those before it; those after it
 * are among the newest), her carriers among them.
 */
function listedByIndexes(t: Flagged): Set<number> {
  const out = new Set<number>()
  for (const x of indexesIn(t).values()) for (const i of listedBlocks(x)) out.add(i)
  return out
}

/** A newcomer holding Fay's part 0, what it lists, her newest blocks and `more`; Bob's log whole. */
async function newcomer(t: Flagged, more: (i: number) => boolean): Promise<{ n: GroupSpace; log: ReadLog }> {
  const held = (i: number): boolean => i === t.at.start || t.at.listed.includes(i) || i >= Math.max(t.end, t.g.log.length - TAIL_INDEX_WINDOW) || more(i)
  const log = sparse(t.g.log, held)
  const n = reader(t.g)
  n.planCheckpoint(t.g.log.key, t.at.start)
  await n.catchUp(log)
  await n.catchUp(t.bob)
  await n.catchUp(log)
  return { n, log }
}

const aboveLine = (whole: GroupSpace, n: GroupSpace): string[] => {
  const since = n.reading.previewView()?.since ?? Infinity
  return readerFeed(whole, nobody, { limit: 2000 }).posts.filter((p) => p.createdAt > since).map((p) => p.text)
}

describe('a flag set written only when it changed', () => {
  it('is spelled out at the first index and where it changed, named after that, and every carrier is listed by the indexes after it', async () => {
    const t = await flaggedEarly()
    const idx = [...indexesIn(t)]
    const carriers = idx.filter(([, x]) => Array.isArray(x.flags)).map(([i]) => i)
    // The first index (the checkpoint's flag) and the one after the tail's flag (both); every other names one of them.
    expect(carriers).toHaveLength(2)
    expect(carriers[0]).toBe(t.end + 1)
    expect(idx.find(([i]) => i === carriers[0])?.[1].flags).toEqual([{ target: t.post, reason: 'other', rules: null, at: 50_000 }])
    expect(idx.find(([i]) => i === carriers[1])?.[1].flags).toHaveLength(2)
    for (const [i, x] of idx) {
      if (i > (carriers[1] as number)) expect(x.flags).toEqual({ carrier: carriers[1] })
      for (const c of carriers) if (c < i) expect(listedBlocks(x)).toContain(c)
    }
    // Bytes: the set is written twice, not once per index (67 bytes a flag every TAIL_INDEX_EVERY blocks).
    expect(idx.length - carriers.length).toBeGreaterThanOrEqual((2 * TAIL_INDEX_WINDOW) / TAIL_INDEX_EVERY - 1)
    // A writer that knows nothing (after a restart) goes on from the index before, reads the
    // carrier it names back, and writes the same bytes.
    const open = (raw: Uint8Array): ReturnType<typeof decodeBlock> => decodeBlock(raw, () => t.g.epochKey)
    const both = (idx.find(([i]) => i === carriers[1])?.[1].flags ?? []) as Flag[]
    for (const [i] of idx.filter(([i]) => i > (carriers[1] as number))) {
      const upTo = { length: i, get: (j: number): Promise<Uint8Array | null> => (j < i ? t.g.log.get(j) : Promise.resolve(null)) }
      const written = open(t.g.log.blocks[i] as Uint8Array).payload
      expect(await new TailIndexWriter().due(upTo, t.at.start, memberDocId(t.g.me), open, () => both)).toEqual(written)
    }
  })

  it('a newcomer follows its latest index to the carrier, far behind the newest blocks, and its preview hides the posts', async () => {
    const t = await flaggedEarly()
    expect(texts(t.whole)).not.toContain(POST)
    expect(texts(t.whole)).not.toContain(SECOND)
    const named = Math.max(...carriersIn(t.g, t.g.log))
    // The carrier is outside the newest blocks: only the listed blocks bring it.
    expect(named).toBeLessThan(t.g.log.length - TAIL_INDEX_WINDOW)
    const listed = listedByIndexes(t)
    expect(listed.has(named)).toBe(true)
    const { n } = await newcomer(t, (i) => listed.has(i))
    const page = readerFeed(n, nobody, { limit: 2000 })
    expect(page.preview).toBe(true)
    // The checkpoint's flag: in no block the newcomer holds, only in the set the carrier spells out.
    expect(page.posts.map((p) => p.text)).not.toContain(POST)
    expect(page.posts.map((p) => p.text)).not.toContain(SECOND)
    expect(page.posts.length).toBeGreaterThanOrEqual(TAIL_INDEX_EVERY)
    expect(page.posts.map((p) => p.text)).toEqual(aboveLine(t.whole, n))
    await n.catchUp(t.g.log)
    expect(texts(n)).toEqual(texts(t.whole))
  })

  it('no page while the carrier is not here; then the page', async () => {
    const t = await flaggedEarly()
    const named = Math.max(...carriersIn(t.g, t.g.log))
    const listed = listedByIndexes(t)
    let arrived = false
    const { n, log } = await newcomer(t, (i) => (listed.has(i) && i !== named) || (i === named && arrived))
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
    arrived = true
    await n.catchUp(log)
    const page = readerFeed(n, nobody, { limit: 2000 })
    expect(page.preview).toBe(true)
    expect(page.posts.map((p) => p.text)).not.toContain(POST)
    expect(page.posts.length).toBeGreaterThanOrEqual(TAIL_INDEX_EVERY)
    expect(page.posts.map((p) => p.text)).toEqual(aboveLine(t.whole, n))
  })

  it('a latest index naming a block that is not a carrier of this tail: no page from that log until its checkpoint', async () => {
    const t = await flaggedEarly()
    const listed = listedByIndexes(t)
    const idx = [...indexesIn(t)]
    const [lastAt, last] = idx.at(-1) as [number, TailIndex]
    // Dishonest Fay: a latest index naming an index that itself names a carrier (no chains).
    const notCarrier = lastAt
    const forged = encodeTailIndex({ ...last, at: t.g.log.length, ranges: [...last.ranges, [notCarrier, 1]], flags: { carrier: notCarrier } })
    await t.g.log.append(encodeBlock({ epoch: 0, kind: BlockKind.TailIndex, docId: memberDocId(t.g.me), payload: forged }, t.g.epochKey))
    const { n } = await newcomer(t, (i) => listed.has(i))
    expect(readerFeed(n, nobody, { limit: 20 })).toEqual({ posts: [], next: null, preview: true })
    await n.catchUp(t.g.log)
    expect(texts(n)).toEqual(texts(t.whole))
    expect(texts(n)).not.toContain(POST)
  })
})
