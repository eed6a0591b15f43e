/**
 * Shared checkpoints (core/group/shared-checkpoint.ts): the part format v1, pinned by
 * test/fixtures/shared-checkpoint/v1.json and read by hand here; the policy of when a log is due
 * one; and GroupSpace writing them, reading them in full, and reading a log sparsely from one —
 * with the write rule deciding, so a checkpoint of somebody else's doc changes nothing and sends
 * the reader back to the whole log.
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import {
  decodeCheckpointPart, encodeCheckpointParts, sharedCheckpointDue, SHARED_CHECKPOINT_MIN, CheckpointAssembly, FIRST_PART_STATE,
} from '../../../core/group/shared-checkpoint.ts'
import { BlockKind, decodeBlock, encodeBlock, MAX_BLOCK_BYTES } from '../../../core/store/block-codec.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import { feed, type ViewSource } from '../../../core/model/views.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { codeOf } from '../model/support.ts'
import { admitEvent, backfillsLeft, foundGroup, hex, identity, idOf, MemLog, type Founded } from './support.ts'

const rnd = seededRandom(testSeed())
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/shared-checkpoint/v1.json', import.meta.url), 'utf8')) as {
  docId: string; start: number; uncovered: number[]; stateHex: string; parts: string[]
}

describe('part format v1', () => {
  it('encodes the fixture byte for byte and decodes it back', () => {
    const state = Buffer.from(fixture.stateHex, 'hex')
    const parts = encodeCheckpointParts(fixture.docId, fixture.start, fixture.uncovered, state)
    expect(parts.map(hex)).toEqual(fixture.parts)
    const p = decodeCheckpointPart(Buffer.from(fixture.parts[0] as string, 'hex'), fixture.start)
    expect({ ...p, chunk: hex(p.chunk) }).toEqual({ start: 1500, part: 0, parts: 1, uncovered: [0, 3, 1200], chunk: fixture.stateHex })
  })

  it('lays the fields out as documented (read by hand, without the codec)', () => {
    const b = Buffer.from(fixture.parts[0] as string, 'hex')
    expect(b[0]).toBe(1)
    expect(b.readUInt32LE(1)).toBe(1500)
    expect(b.readUInt16LE(5)).toBe(0)
    expect(b.readUInt16LE(7)).toBe(1)
    expect(b.readUInt32LE(9)).toBe(3)
    expect([b.readUInt32LE(13), b.readUInt32LE(17), b.readUInt32LE(21)]).toEqual([0, 3, 1200])
    expect(b.subarray(25).toString('hex')).toBe(fixture.stateHex)
  })

  it('cuts a state larger than a block into consecutive parts that fit and join up again, part 0 small', () => {
    const state = rnd.bytes(2 * MAX_BLOCK_BYTES + 12_345)
    const docId = memberDocId('ab'.repeat(32))
    const parts = encodeCheckpointParts(docId, 10, [1, 2], state)
    // Part 0 holds the list and FIRST_PART_STATE bytes at most, so a newcomer reads it (and the tail) first.
    expect(parts.length).toBe(4)
    expect(decodeCheckpointPart(parts[0] as Uint8Array, 10).chunk.length).toBe(FIRST_PART_STATE)
    const key = rnd.bytes(32)
    for (const p of parts) expect(encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId, payload: p }, key).length).toBeLessThanOrEqual(MAX_BLOCK_BYTES)
    const decoded = parts.map((p, i) => decodeCheckpointPart(p, 10 + i))
    expect(decoded.map((d) => [d.part, d.parts, d.uncovered])).toEqual([[0, 4, [1, 2]], [1, 4, []], [2, 4, []], [3, 4, []]])
    const a = new CheckpointAssembly(decoded[0] as never)
    expect(a.done()).toBeNull()
    expect(a.add(decoded[2] as never)).toBe(false)
    expect(a.add(decoded[1] as never) && a.add(decoded[2] as never) && a.add(decoded[3] as never)).toBe(true)
    expect(hex(a.done() as Uint8Array)).toBe(hex(state))
  })

  it('refuses parts that are out of place, malformed or of a newer version', () => {
    const good = Buffer.from(fixture.parts[0] as string, 'hex')
    const edit = (at: number, f: (b: Buffer) => void): Buffer => { const b = Buffer.from(good); f(b); return b }
    expect(codeOf(() => decodeCheckpointPart(good, 1501))).toBe('BLOCK_MALFORMED') // not where it says it starts
    expect(codeOf(() => decodeCheckpointPart(edit(0, (b) => (b[0] = 2)), 1500))).toBe('BLOCK_VERSION')
    expect(codeOf(() => decodeCheckpointPart(edit(0, (b) => b.writeUInt16LE(0, 7)), 1500))).toBe('BLOCK_MALFORMED') // zero parts
    expect(codeOf(() => decodeCheckpointPart(edit(0, (b) => b.writeUInt32LE(1500, 21)), 1500))).toBe('BLOCK_MALFORMED') // uncovered ≥ start
    expect(codeOf(() => decodeCheckpointPart(edit(0, (b) => b.writeUInt32LE(3, 13)), 1500))).toBe('BLOCK_MALFORMED') // not ascending
    expect(codeOf(() => decodeCheckpointPart(edit(0, (b) => b.writeUInt32LE(9999, 9)), 1500))).toBe('BLOCK_MALFORMED') // list past the end
    expect(codeOf(() => decodeCheckpointPart(good.subarray(0, 25), 1500))).toBe('BLOCK_MALFORMED') // no state
    expect(codeOf(() => decodeCheckpointPart(good.subarray(0, 12), 1500))).toBe('BLOCK_MALFORMED')
    expect(codeOf(() => encodeCheckpointParts('member/x', 5, [5], Uint8Array.of(1)))).toBe('BLOCK_MALFORMED')
  })

  it('is due at SHARED_CHECKPOINT_MIN blocks, then when the blocks since reach half of what the last covered', () => {
    expect(sharedCheckpointDue(SHARED_CHECKPOINT_MIN - 1, null)).toBe(false)
    expect(sharedCheckpointDue(SHARED_CHECKPOINT_MIN, null)).toBe(true)
    expect(sharedCheckpointDue(1999, 1000)).toBe(false)
    expect(sharedCheckpointDue(2000, 1000)).toBe(true)
    expect(sharedCheckpointDue(4499, 3000)).toBe(false)
    expect(sharedCheckpointDue(4500, 3000)).toBe(true)
  })
})

function source(space: GroupSpace): ViewSource {
  return { me: space.me, members: space.governance.members, docs: space.docs.memberDocs(), rules: space.docs.rules().current() }
}
/** What anyone would see, leaving out `mine` (it differs between viewers). */
const view = (s: GroupSpace): string => JSON.stringify(feed(source(s), { limit: 5000 }), (k, v: unknown) => (k === 'mine' ? undefined : v))

/** Fay's group with Bob admitted, rules set, and Fay posting until her log holds a checkpoint. */
async function groupWithCheckpoint(): Promise<{ g: Founded; bob: ReturnType<typeof identity>; bobLog: MemLog; start: number }> {
  const g = await foundGroup(rnd)
  const bob = identity(rnd)
  const bobLog = new MemLog(hex(rnd.bytes(32)))
  await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, bob, bobLog.key))
  await g.space.change('shared/rules', (d) => new RulesDoc(d).set('Be kind.', g.me, 5))
  for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) {
    await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `post ${i}`, cw: null }, 100 + i))
  }
  await g.space.idle()
  const start = g.space.sharedCheckpoints.get(g.log.key) as number
  return { g, bob, bobLog, start }
}

const reader = (g: Founded, who = identity(rnd)): GroupSpace =>
  new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: who, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.governance.groupId })

/** Fay's log as a newcomer holds it: only the blocks it fetched. */
function sparse(log: MemLog, held: (i: number) => boolean): ReadLog {
  return { key: log.key, get length() { return log.length }, get: async (i) => (held(i) ? log.blocks[i] ?? null : null) }
}

describe('a member writing checkpoints', () => {
  it('appends one of its own member doc when due, listing exactly the blocks it does not cover', async () => {
    const { g, start } = await groupWithCheckpoint()
    expect(start).toBe(SHARED_CHECKPOINT_MIN)
    const b = decodeBlock(g.log.blocks[start] as Uint8Array, () => g.epochKey)
    expect(b.kind).toBe(BlockKind.Checkpoint)
    expect(b.docId).toBe(memberDocId(g.me))
    const part = decodeCheckpointPart(b.payload, start)
    // genesis, the admission and the rules; the profile and the posts are Fay's own doc
    const kinds = part.uncovered.map((i) => decodeBlock(g.log.blocks[i] as Uint8Array, () => g.epochKey).docId)
    expect(kinds).toEqual(['governance', 'governance', 'shared/rules'])
    const whole = new CheckpointAssembly(part)
    for (let i = 1; i < part.parts; i++) whole.add(decodeCheckpointPart(decodeBlock(g.log.blocks[start + i] as Uint8Array, () => g.epochKey).payload, start + i))
    const state = new Y.Doc()
    Y.applyUpdate(state, whole.done() as Uint8Array)
    // Every post in the blocks before it (after genesis, the admission and the rules), and maybe
    // one made while it was being sealed: still Fay's own words, at the checkpoint's place.
    const posts = new MemberDoc(state, g.me).posts.size
    expect(posts).toBeGreaterThanOrEqual(start - 3)
    expect(posts).toBeLessThanOrEqual(new MemberDoc(g.space.docs.doc(memberDocId(g.me)), g.me).posts.size)
    // not due again right away
    const firsts = g.log.blocks.map((x, i) => [decodeBlock(x, () => g.epochKey), i] as const)
      .filter(([b, i]) => b.kind === BlockKind.Checkpoint && decodeCheckpointPart(b.payload, i).part === 0)
    expect(firsts.length).toBe(1)
  })
})

describe('a reader', () => {
  it('reading the whole log applies the checkpoint like an update and ends where its writer is', async () => {
    const { g, bob } = await groupWithCheckpoint()
    const r = reader(g, bob)
    await r.catchUp(g.log)
    expect(view(r)).toBe(view(g.space))
    expect(r.sharedCheckpoints.get(g.log.key)).toBe(g.space.sharedCheckpoints.get(g.log.key))
    expect(r.docs.rejected).toEqual([])
  })

  it('planned from the checkpoint, reads only the blocks it lists, the checkpoint and the tail, and sees the same group', async () => {
    const { g, bob, start } = await groupWithCheckpoint()
    const part = decodeCheckpointPart(decodeBlock(g.log.blocks[start] as Uint8Array, () => g.epochKey).payload, start)
    const log = sparse(g.log, (i) => i >= start || part.uncovered.includes(i))
    const r = reader(g, bob)
    r.planCheckpoint(g.log.key, start)
    await r.catchUp(log)
    expect(view(r)).toBe(view(g.space))
    expect(r.docs.rules().current()?.text).toBe('Be kind.')
    expect(r.governance.members.has(idOf(bob))).toBe(true)
    expect(r.next.get(g.log.key)).toBe(g.log.length)
    expect(r.blocksRead).toBe(part.uncovered.length + (g.log.length - start))
    // what the checkpoint stood for is left for the background (backfill)
    expect(backfillsLeft(r)).toEqual(new Map([[g.log.key, start]]))
    expect(r.planOf(g.log.key)).toBeUndefined()
    expect(r.needsFull.size).toBe(0)
    // the local checkpoint remembers it, so a rebuild can read the log the same way again, and
    // what is left to backfill, so a restart does not forget it
    const saved = r.checkpoint()
    expect(saved.shared?.get(g.log.key)).toBe(start)
    expect(saved.backfill?.get(g.log.key)).toEqual({ next: part.uncovered.length, end: start }) // the listed blocks come first
    const again = reader(g, bob)
    again.restore(saved)
    expect(backfillsLeft(again)).toEqual(new Map([[g.log.key, start]]))
    await again.catchUp(g.log)
    expect(backfillsLeft(again).size).toBe(0)
    expect(view(again)).toBe(view(g.space))
  })

  it('waits, plan kept, while a block it needs is not here yet', async () => {
    const { g, bob, start } = await groupWithCheckpoint()
    let tail = false
    const log = sparse(g.log, (i) => i === start || tail)
    const r = reader(g, bob)
    r.planCheckpoint(g.log.key, start)
    await r.catchUp(log)
    expect(r.planOf(g.log.key)).toBe(start)
    expect(r.next.get(g.log.key) ?? 0).toBe(0)
    tail = true
    await r.catchUp(log)
    expect(view(r)).toBe(view(g.space))
  })

  it('refuses a checkpoint of another member’s doc: nothing of it shows, and the log is read whole instead', async () => {
    const { g, bob, bobLog } = await groupWithCheckpoint()
    // Bob writes a "checkpoint" of Fay's doc holding a post she never wrote, then one real post.
    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me))))
    new MemberDoc(forged, g.me).addPost({ topic: 'check-in', text: 'words Fay never wrote', cw: null }, 9_999)
    for (const payload of encodeCheckpointParts(memberDocId(g.me), 0, [], Y.encodeStateAsUpdate(forged))) {
      await bobLog.append(encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId: memberDocId(g.me), payload }, g.epochKey))
    }
    const carol = reader(g)
    await carol.catchUp(g.log)
    const before = view(carol)
    carol.planCheckpoint(bobLog.key, 0)
    await carol.catchUp(bobLog)
    expect(carol.needsFull.has(bobLog.key)).toBe(true)
    expect(carol.planOf(bobLog.key)).toBeUndefined()
    expect(view(carol)).toBe(before)
    expect(view(carol)).not.toContain('never wrote')
    // read whole, the same block is refused under the write rule
    expect(carol.docs.rejected.some((x) => x.logKey === bobLog.key && x.index === 0)).toBe(true)
    expect(idOf(bob)).not.toBe(g.me)
  })

  it('content only a checkpoint carries reaches whole-log readers and newcomers alike', async () => {
    const { g, bob } = await groupWithCheckpoint()
    // Fay's device writes a second checkpoint by hand holding a post no update carries.
    const extra = new Y.Doc()
    Y.applyUpdate(extra, Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me))))
    new MemberDoc(extra, g.me).addPost({ topic: 'check-in', text: 'only in the checkpoint', cw: null }, 50_000)
    const start = g.log.length
    const uncovered = decodeCheckpointPart(decodeBlock(g.log.blocks[g.space.sharedCheckpoints.get(g.log.key) as number] as Uint8Array, () => g.epochKey).payload, g.space.sharedCheckpoints.get(g.log.key) as number).uncovered
    for (const payload of encodeCheckpointParts(memberDocId(g.me), start, uncovered, Y.encodeStateAsUpdate(extra))) {
      await g.log.append(encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId: memberDocId(g.me), payload }, g.epochKey))
    }
    const whole = reader(g, bob)
    await whole.catchUp(g.log)
    const newcomer = reader(g, bob)
    newcomer.planCheckpoint(g.log.key, start)
    await newcomer.catchUp(sparse(g.log, (i) => i >= start || uncovered.includes(i)))
    expect(view(whole)).toContain('only in the checkpoint')
    expect(view(newcomer)).toBe(view(whole))
  })

  it('a checkpoint read in a run is applied even while another log is read at the same time', async () => {
    const { g, bob } = await groupWithCheckpoint()
    const extra = new Y.Doc()
    Y.applyUpdate(extra, Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me))))
    new MemberDoc(extra, g.me).addPost({ topic: 'check-in', text: 'only in the checkpoint', cw: null }, 50_000)
    const start = g.log.length
    for (const payload of encodeCheckpointParts(memberDocId(g.me), start, [], Y.encodeStateAsUpdate(extra))) {
      await g.log.append(encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId: memberDocId(g.me), payload }, g.epochKey))
    }
    // Reads that yield to the event loop, so the two runs interleave window by window.
    const slow = (log: MemLog): ReadLog => ({ key: log.key, get length() { return log.length }, get: (i) => new Promise((r) => setImmediate(() => r(log.blocks[i] ?? null))) })
    const other = new MemLog(hex(rnd.bytes(32)))
    for (let i = 0; i < 300; i++) other.blocks.push(rnd.bytes(64))
    const whole = reader(g, bob)
    await Promise.all([whole.catchUp(slow(other)), whole.catchUp(slow(g.log))])
    expect(view(whole)).toContain('only in the checkpoint')
    expect(whole.sharedCheckpoints.get(g.log.key)).toBe(start)
  })

  it('backfill: once the blocks a checkpoint stood for arrive, words and governance it left out reach the newcomer', async () => {
    const { g, bob } = await groupWithCheckpoint()
    const honest = g.space.sharedCheckpoints.get(g.log.key) as number
    const listed = decodeCheckpointPart(decodeBlock(g.log.blocks[honest] as Uint8Array, () => g.epochKey).payload, honest).uncovered
    // Fay admits Carol and posts, then writes a checkpoint that leaves both out.
    const before = Y.encodeStateAsUpdate(g.space.docs.doc(memberDocId(g.me)))
    const carol = identity(rnd)
    await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, carol, hex(rnd.bytes(32))))
    await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: 'words the checkpoint leaves out', cw: null }, 60_000))
    const start = g.log.length
    for (const payload of encodeCheckpointParts(memberDocId(g.me), start, listed, before)) {
      await g.log.append(encodeBlock({ epoch: 0, kind: BlockKind.Checkpoint, docId: memberDocId(g.me), payload }, g.epochKey))
    }
    const whole = reader(g, bob)
    await whole.catchUp(g.log)
    let all = false
    const log = sparse(g.log, (i) => all || i >= start || listed.includes(i))
    const newcomer = reader(g, bob)
    newcomer.planCheckpoint(g.log.key, start)
    await newcomer.catchUp(log)
    expect(view(newcomer)).not.toContain('words the checkpoint leaves out')
    expect(newcomer.governance.members.has(idOf(carol))).toBe(false)
    expect(backfillsLeft(newcomer)).toEqual(new Map([[g.log.key, start]]))
    // What is left past the listed blocks it read already: nearly all the checkpoint stood for.
    expect(newcomer.historyLeft()).toBeGreaterThan(start - listed.length - 1)
    expect(newcomer.historyLeft()).toBeLessThanOrEqual(start)
    all = true
    await newcomer.catchUp(log)
    expect(view(newcomer)).toContain('words the checkpoint leaves out')
    expect(newcomer.governance.members.has(idOf(carol))).toBe(true)
    expect(view(newcomer)).toBe(view(whole))
    expect(backfillsLeft(newcomer).size).toBe(0)
    expect(newcomer.historyLeft()).toBe(0)
  })

  it('reads a log whole when the planned block is not a checkpoint', async () => {
    const { g, bob } = await groupWithCheckpoint()
    const r = reader(g, bob)
    r.planCheckpoint(g.log.key, 3)
    await r.catchUp(g.log)
    expect(r.needsFull.has(g.log.key)).toBe(true)
    expect(view(r)).toBe(view(g.space))
  })
})

describe('locking while a checkpoint is being written', () => {
  it('writes no checkpoint at all once the keys are dropped, and nothing under a wiped key', async () => {
    const g = await foundGroup(rnd)
    for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN - 1; i++) {
      await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `post ${i}`, cw: null }, 100 + i))
    }
    const before = g.log.blocks.length
    // This write makes the log due; the checkpoint starts reading our log, and the lock comes meanwhile.
    await g.space.change(memberDocId(g.me), (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: 'the last one', cw: null }, 99_999))
    g.space.dropKeys()
    await g.space.idle()
    expect(g.log.blocks.length).toBe(before + 1)
    const zero = new Uint8Array(32)
    for (const b of g.log.blocks) {
      expect(decodeBlock(b, () => g.epochKey).kind).not.toBe(BlockKind.Checkpoint)
      expect(codeOf(() => decodeBlock(b, () => zero))).toBe('BLOCK_MALFORMED')
    }
  })
})
