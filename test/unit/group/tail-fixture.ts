/**
 * A planned newcomer's space (test fixtures shared by the tail-preview and arriving-reads tests):
 * Fay's log past a shared checkpoint with a tail holding new posts, a hide, an edit and a removal;
 * Bob's own log; the newcomer's sparse view of a log while the checkpoint's parts are on their way.
 * Real GroupSpaces and real sealed blocks.
 */
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { decodeCheckpointPart, SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { BlockKind, decodeBlock } from '../../../core/store/block-codec.ts'
import { carriesFlags, decodeTailIndex } from '../../../core/group/tail-index.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog, type Founded } from './support.ts'

export const rnd = seededRandom(testSeed())
export const nobody = { read: (): null => null }

/** Fay posts past her first checkpoint, then a tail: new posts, one hidden, an old one edited and one deleted. */
export async function groupWithTail(): Promise<{ g: Founded; start: number; parts: number; listed: number[]; hidden: string; bobLog: string; bob: ReturnType<typeof identity> }> {
  const g = await foundGroup(rnd)
  const bob = identity(rnd)
  const bobLog = hex(rnd.bytes(32))
  await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, bob, bobLog))
  const old: string[] = []
  for (let i = 0; g.log.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) {
    await g.space.change(memberDocId(g.me), (d) => void old.push(new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `old ${i}`, cw: null }, 100 + i)))
  }
  await g.space.idle()
  const start = g.space.sharedCheckpoints.get(g.log.key) as number
  const first = decodeCheckpointPart(decodeBlock(g.log.blocks[start] as Uint8Array, () => g.epochKey).payload, start)
  let hidden = ''
  const mine = (fn: (m: MemberDoc) => void): Promise<void> => g.space.change(memberDocId(g.me), (d) => fn(new MemberDoc(d, g.me)))
  for (let i = 0; i < 30; i++) await mine((m) => void m.addPost({ topic: 'check-in', text: `new ${i}`, cw: null }, 10_000 + i))
  await mine((m) => void (hidden = m.addPost({ topic: 'check-in', text: 'hidden by a facilitator', cw: null }, 10_100)))
  // Two posts the checkpoint holds: one edited in the tail, one deleted there.
  await mine((m) => m.edit(old[0] as string, { text: 'an old post edited in the tail' }, 10_101))
  await mine((m) => m.remove(old[1] as string, 10_102))
  await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: hidden, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 10_103 }))
  await g.space.idle()
  return { g, start, parts: first.parts, listed: first.uncovered, hidden, bobLog, bob }
}

/** Bob's own space, having read Fay's log (governance: his admission). */
export async function bobsSpace(g: Founded, bobLog: string, bobId: ReturnType<typeof identity>): Promise<GroupSpace> {
  const space = new GroupSpace(new MemLog(bobLog), { identity: bobId, epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.governance.groupId })
  await space.catchUp(g.log)
  return space
}

/** Bob posts later than all of Fay's words, past a checkpoint of his own, then a short tail. */
export async function pastCheckpoint(bobSpace: GroupSpace, bobId: ReturnType<typeof identity>): Promise<{ bob: MemLog; bobStart: number }> {
  const bobDoc = memberDocId(idOf(bobId))
  const bob = bobSpace.own as MemLog
  for (let i = 0; bob.blocks.length < SHARED_CHECKPOINT_MIN + 5; i++) {
    await bobSpace.change(bobDoc, (d) => void new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: `bob ${i}`, cw: null }, 20_000 + i))
  }
  await bobSpace.idle()
  for (let i = 0; i < 5; i++) await bobSpace.change(bobDoc, (d) => void new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: `bob late ${i}`, cw: null }, 40_000 + i))
  await bobSpace.idle()
  return { bob, bobStart: bobSpace.sharedCheckpoints.get(bob.key) as number }
}

export const reader = (g: Founded): GroupSpace =>
  new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.governance.groupId })

/** The log as a newcomer holds it while the checkpoint's later parts are still on their way. */
export const sparse = (log: MemLog, held: (i: number) => boolean): ReadLog => ({ key: log.key, get length() { return log.length }, get: async (i) => (held(i) ? log.blocks[i] ?? null : null) })

/** Where a log's shared checkpoint starts, how many parts it has, and the blocks its part 0 lists. */
export interface CheckpointAt {
  start: number
  parts: number
  listed: readonly number[]
}

/** Where the shared checkpoint at `start` of `log` ends and what its part 0 lists. */
export function checkpointAt(g: Founded, log: MemLog, start: number): CheckpointAt {
  const first = decodeCheckpointPart(decodeBlock(log.blocks[start] as Uint8Array, () => g.epochKey).payload, start)
  return { start, parts: first.parts, listed: first.uncovered }
}

/** Fay's and Bob's logs each past a shared checkpoint (groupWithTail, pastCheckpoint), and a space that read both whole. */
export async function twoPastCheckpoints(): Promise<{ g: Founded; start: number; parts: number; listed: number[]; bob: MemLog; bobStart: number; whole: GroupSpace }> {
  const { g, start, parts, listed, bobLog, bob: bobId } = await groupWithTail()
  const bobSpace = await bobsSpace(g, bobLog, bobId)
  const { bob, bobStart } = await pastCheckpoint(bobSpace, bobId)
  const whole = reader(g)
  await whole.catchUp(g.log)
  await whole.catchUp(bob)
  return { g, start, parts, listed, bob, bobStart, whole }
}

/** What a newcomer holds of a log fetched tail first: part 0, the blocks it lists, and the tail. */
export const tailHeld = ({ start, parts, listed }: CheckpointAt) => (i: number): boolean => listed.includes(i) || i === start || i >= start + parts

/** A newcomer plans `log` on its checkpoint and reads what it holds (by default: tailHeld). */
export async function readSparsely(n: GroupSpace, log: MemLog, at: CheckpointAt, held: (i: number) => boolean = tailHeld(at)): Promise<void> {
  n.planCheckpoint(log.key, at.start)
  await n.catchUp(sparse(log, held))
}

/** Bob posts; Fay reads it and hides it: the hide is the last block of her tail. */
export async function bobHiddenByFay(): Promise<{ g: Founded; start: number; parts: number; listed: number[]; bob: MemLog; bobId: ReturnType<typeof identity>; post: string }> {
  const { g, start, parts, listed, bobLog, bob: bobId } = await groupWithTail()
  const bobSpace = await bobsSpace(g, bobLog, bobId)
  let post = ''
  await bobSpace.change(memberDocId(idOf(bobId)), (d) => void (post = new MemberDoc(d, idOf(bobId)).addPost({ topic: 'check-in', text: 'bob, hidden by Fay', cw: null }, 20_000)))
  await bobSpace.idle()
  const bob = bobSpace.own as MemLog
  await g.space.catchUp(bob)
  await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: post, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 20_001 }))
  await g.space.idle()
  return { g, start, parts, listed, bob, bobId, post }
}

/**
 * A newcomer waiting for Fay's checkpoint, with Bob's log read whole: Bob's post, hidden by Fay in
 * the last block of her tail, which is not here yet. `rest()` brings that block.
 */
export async function hiddenWhileWaiting(): Promise<{ n: GroupSpace; whole: GroupSpace; post: string; rest(): Promise<void> }> {
  const { g, start, parts, listed, bob, post } = await bobHiddenByFay()
  const whole = reader(g)
  await whole.catchUp(g.log)
  await whole.catchUp(bob)
  const n = reader(g)
  const last = g.log.length - 1
  await readSparsely(n, g.log, { start, parts, listed }, (i) => tailHeld({ start, parts, listed })(i) && i !== last)
  await n.catchUp(bob)
  return { n, whole, post, rest: () => n.catchUp(g.log) }
}

/**
 * Where a log's CARRIERS sit: its tail indexes that spell out a set of one flag or more. Every later index of
 * the tail lists them (tail-index.ts), so a newcomer holds them with the blocks the index it
 * starts from lists, which the fetch asks for before the first page (checkpoint-fetch.ts).
 */
export function carriersIn(g: Founded, log: MemLog): Set<number> {
  const out = new Set<number>()
  log.blocks.forEach((raw, i) => {
    try {
      const b = decodeBlock(raw, () => g.epochKey)
      if (b.kind === BlockKind.TailIndex && carriesFlags(decodeTailIndex(b.payload, i))) out.add(i)
    } catch {
      // a forged or damaged block: not a carrier
    }
  })
  return out
}
