/**
 * The byte budget per device log (issue 14, core/group/log-quota.ts). Block i speaks only while
 * its byte offset plus its size stays within Q, the offset taken from the writer's signed
 * Hypercore tree. Fay writes a long log holding a shared checkpoint; it is put in a real Hypercore
 * on a temp folder and replicated to readers with their own Corestores: one fetches it whole, one
 * from the checkpoint as a newcomer does. With Q past the checkpoint, and with Q before it, both
 * show exactly the blocks before the quota end E, and the block straddling Q is refused.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { assertRoom, QuotaBook, quotaEndFromSizes, TEST_QUOTA_ENV } from '../../../core/group/log-quota.ts'
import { decodeCheckpointPart, SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { feed } from '../../../core/model/views.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { decodeBlock } from '../../../core/store/block-codec.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { seekQuotaEnd } from '../../../core/store/quota-end.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { link, useCorestores } from '../../helpers/corestores.ts'
import { admitEvent, foundGroup, hex, identity, MemLog, type Founded } from './support.ts'

const store = useCorestores()
const rnd = seededRandom(testSeed())
afterEach(async () => {
  delete process.env[TEST_QUOTA_ENV]
})

const TAIL = 60

/** Fay's group, Bob admitted, Fay posting past her first shared checkpoint and TAIL posts on. */
async function fayWrites(): Promise<{ g: Founded; bob: ReturnType<typeof identity>; start: number; uncovered: number[] }> {
  const g = await foundGroup(rnd)
  const bob = identity(rnd)
  await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, bob, hex(rnd.bytes(32))))
  let start: number | undefined
  for (let i = 0; start === undefined || g.log.length < start + TAIL; i++) {
    await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `post ${i}`, cw: null }, 100 + i))
    await g.space.idle()
    start = g.space.sharedCheckpoints.get(g.log.key)
  }
  const first = decodeBlock(g.log.blocks[start] as Uint8Array, () => g.epochKey)
  return { g, bob, start, uncovered: decodeCheckpointPart(first.payload, start).uncovered }
}

/** Fay's log in a real Hypercore, and a reader's Corestore replicating it. */
async function inHypercore(blocks: Uint8Array[]): Promise<{ writer: HypercoreSession; reader: () => Promise<HypercoreSession> }> {
  const ws = store()
  const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
  const writer = ws.get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
  await writer.ready()
  for (const b of blocks) await writer.append(b, { keyPair: kp })
  return {
    writer,
    reader: async () => {
      const rs = store()
      link(ws, rs)
      const core = rs.get({ key: writer.key as Uint8Array })
      await core.ready()
      return core
    },
  }
}

function asReadLog(key: string, core: HypercoreSession): ReadLog {
  return { key, get length() { return core.length }, get byteLength() { return core.byteLength }, get: (i) => core.get(i, { wait: false }), quotaEnd: (q) => seekQuotaEnd(core, q) }
}

const readerSpace = (g: Founded, bob: ReturnType<typeof identity>): GroupSpace =>
  new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: bob, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.governance.groupId })

/** Fay's posts as a reader shows them. */
function shown(s: GroupSpace): string[] {
  const gov = s.governance
  return feed({ me: s.me, members: gov.members, docs: s.docs.memberDocs(), rules: null, authors: new Set(gov.members.keys()) }, { limit: 10_000 }).posts.map((p) => p.text).sort()
}


/** The byte offset where block `i` starts, summed from the sizes. */
const offsetOf = (blocks: Uint8Array[], i: number): number => blocks.slice(0, i).reduce((n, b) => n + b.length, 0)

describe('the quota end', () => {
  it('is the block that straddles Q; a block ending exactly at Q still speaks', () => {
    const sizes = [100, 200, 300, 400]
    expect(quotaEndFromSizes(sizes, 1_000)).toBe(Infinity)
    expect(quotaEndFromSizes(sizes, 600)).toBe(3) // block 2 ends at 600 exactly
    expect(quotaEndFromSizes(sizes, 599)).toBe(2) // block 2 straddles 599
    expect(quotaEndFromSizes(sizes, 50)).toBe(0)
    const book = new QuotaBook()
    book.set('a', 2)
    book.set('b', null)
    expect([book.allows('a', 1), book.allows('a', 2), book.allows('b', 0), book.allows('c', 9)]).toEqual([true, false, false, true])
    expect(book.unknown('b')).toBe(true)
    expect(book.reached()).toEqual(new Map([['a', 2], ['b', null]]))
  })

  it('from the signed tree matches the sizes, at a boundary and one byte inside a block', async () => {
    const blocks = Array.from({ length: 40 }, (_, i) => rnd.bytes(50 + i * 7))
    const { writer, reader } = await inHypercore(blocks)
    const r = await reader()
    await r.download({ start: 0, end: blocks.length }).done()
    for (const q of [offsetOf(blocks, 17), offsetOf(blocks, 17) - 1, offsetOf(blocks, 17) + 1, 1, offsetOf(blocks, 40) - 1]) {
      const expected = quotaEndFromSizes(blocks.map((b) => b.length), q)
      expect(await seekQuotaEnd(writer, q)).toBe(expected)
      expect(await seekQuotaEnd(r, q)).toBe(expected)
    }
    expect(await seekQuotaEnd(writer, offsetOf(blocks, 40))).toBe(Infinity)
  })
})

describe('a whole-log reader and a reader from a shared checkpoint', () => {
  for (const where of ['after the checkpoint', 'before the checkpoint'] as const) {
    it(`show the same blocks, none from the one straddling Q on (Q ${where})`, async () => {
      const { g, bob, start, uncovered } = await fayWrites()
      const blocks = g.log.blocks.map((b) => b.slice())
      // Q falls inside a block: TAIL/2 blocks past the checkpoint, or 20 blocks before it.
      const straddling = where === 'after the checkpoint' ? start + TAIL / 2 : start - 20
      const q = offsetOf(blocks, straddling) + 3
      const { reader } = await inHypercore(blocks)
      // Governance names Fay's device by her MemLog's key: the readers call the Hypercore by it.
      const key = g.log.key
      process.env[TEST_QUOTA_ENV] = String(q)

      const wholeCore = await reader()
      await wholeCore.download({ start: 0, end: blocks.length }).done()
      const whole = readerSpace(g, bob)
      await whole.catchUp(asReadLog(key, wholeCore))

      const sparseCore = await reader()
      await sparseCore.download({ start, end: blocks.length }).done()
      await sparseCore.download({ blocks: uncovered }).done()
      const sparse = readerSpace(g, bob)
      sparse.planCheckpoint(key, start)
      await sparse.catchUp(asReadLog(key, sparseCore))
      if (sparse.quota.unknown(key)) {
        // The tree nodes on the way to byte Q are not held: asked of the writer, as GroupOnline does.
        expect(await seekQuotaEnd(sparseCore, q, true)).toBe(straddling)
        await sparse.catchUp(asReadLog(key, sparseCore))
      }
      // Past Q, the checkpoint speaks for nobody: the log is fetched and read whole instead.
      expect(sparse.needsFull.has(key)).toBe(where === 'before the checkpoint')
      if (sparse.needsFull.has(key)) {
        await sparseCore.download({ start: 0, end: blocks.length }).done()
        await sparse.catchUp(asReadLog(key, sparseCore))
      }

      // Fay's own view (she wrote under the default Q) has every post; the readers stop at the
      // straddling block: every post before it, and nothing from it on.
      const all = shown(g.space)
      expect(shown(whole)).toEqual(shown(sparse))
      expect(whole.quota.reached()).toEqual(new Map([[key, straddling]]))
      expect(sparse.quota.reached()).toEqual(new Map([[key, straddling]]))
      expect(whole.next.get(key)).toBe(straddling)
      // Every post Fay wrote in a block before `straddling`, and none after.
      const shownNow = new Set(shown(whole))
      const expected = expectedPosts(g, straddling)
      expect([...shownNow].sort()).toEqual(expected)
      expect(shownNow.size).toBeLessThan(all.length)
      expect(start).toBeGreaterThanOrEqual(SHARED_CHECKPOINT_MIN)
    })
  }
})

/** The posts a reader of blocks [0, end) shows: `post 0`, `post 1`, … one a block (end before the checkpoint or the posts after it count alike). */
function expectedPosts(g: Founded, end: number): string[] {
  let n = 0
  for (let i = 0; i < end; i++) {
    const b = decodeBlock(g.log.blocks[i] as Uint8Array, () => g.epochKey)
    if (b.kind === 1 && b.docId === memberDocId(g.me)) n++
  }
  // Each of Fay's member-doc blocks before her checkpoint is one post.
  return Array.from({ length: n }, (_, i) => `post ${i}`).sort()
}

describe('the writer', () => {
  it('refuses a write past Q with LOG_QUOTA_REACHED: nothing appended, nothing shown', async () => {
    const g = await foundGroup(rnd)
    await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: 'within the budget', cw: null }, 1))
    process.env[TEST_QUOTA_ENV] = String(g.log.byteLength + 40)
    const length = g.log.length
    await expect(g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: 'past the budget', cw: null }, 2))).rejects.toMatchObject({ code: 'LOG_QUOTA_REACHED' })
    expect(g.log.length).toBe(length)
    expect(shown(g.space)).toEqual(['within the budget'])
    expect(() => assertRoom(100, 1, 100)).toThrow(expect.objectContaining({ code: 'LOG_QUOTA_REACHED' }))
    expect(() => assertRoom(99, 1, 100)).not.toThrow()
  })
})
