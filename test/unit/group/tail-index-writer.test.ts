/**
 * The tail index writer fed at append time (core/group/tail-index.ts, group-space.ts): the write
 * path tells it of each block it appends, with what it made of the plaintext before sealing, so
 * it reads back only the blocks it was not told of (appended by another path), and never skips
 * one; the indexes it writes are byte for byte those a read-back of the same log gives; after a
 * restart its read-back runs off the write chain, so posts do not wait for it.
 * Real GroupSpaces, real Yjs, real sealed blocks (array-backed logs: support.ts).
 */
import { describe, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { decodeCheckpointPart, SHARED_CHECKPOINT_MIN } from '../../../core/group/shared-checkpoint.ts'
import { decodeTailIndex, listedBlocks, TAIL_INDEX_EVERY } from '../../../core/group/tail-index.ts'
import { MAX_NOTES, noteOf, TailIndexWriter } from '../../../core/group/tail-index-writer.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { setFlag, type Flag } from '../../../core/model/flags.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { ModerationDoc } from '../../../core/model/moderation-doc.ts'
import { BlockKind, decodeBlock } from '../../../core/store/block-codec.ts'
import { admitEvent, foundGroup, hex, identity, updateBlock, updateOn, type Founded, type MemLog } from './support.ts'
import { rnd } from './tail-fixture.ts'

/** The flag set an index written at `i` speaks for, its own or its carrier's (`due` takes it from the doc in memory; these tests judge the list). */
const flagsOf = (g: Founded, payload: Uint8Array, i: number) => (): Flag[] => {
  const f = decodeTailIndex(payload, i).flags
  if (!Array.isArray(f) && f !== 'over') return flagsOf(g, openOf(g)(g.log.blocks[f.carrier] as Uint8Array).payload, f.carrier)()
  return f === 'over' ? [] : f
}

/** A writer past its first shared checkpoint; `mine` changes its member doc and waits for any index that follows. */
async function pastCheckpoint(): Promise<{ g: Founded; start: number; end: number; docId: string; mine: (fn: (m: MemberDoc) => void) => Promise<void> }> {
  const g = await foundGroup(rnd)
  const docId = memberDocId(g.me)
  const mine = async (fn: (m: MemberDoc) => void): Promise<void> => {
    await g.space.change(docId, (d) => fn(new MemberDoc(d, g.me)))
    await g.space.indexed()
  }
  for (let i = 0; g.log.length < SHARED_CHECKPOINT_MIN + 5; i++) await mine((m) => void m.addPost({ topic: 'check-in', text: `old ${i}`, cw: null }, 100 + i))
  const start = g.space.sharedCheckpoints.get(g.log.key) as number
  const end = start + decodeCheckpointPart(decodeBlock(g.log.blocks[start] as Uint8Array, () => g.epochKey).payload, start).parts
  return { g, start, end, docId, mine }
}

const openOf = (g: Founded) => (raw: Uint8Array): ReturnType<typeof decodeBlock> => decodeBlock(raw, () => g.epochKey)

/** The log as it stood at `length`: what a writer reading it back then read. */
const upTo = (log: MemLog, length: number) => ({ length, get: (i: number): Promise<Uint8Array | null> => (i < length ? log.get(i) : Promise.resolve(null)) })

/** The positions of the log's tail indexes from `from` on. */
function indexesFrom(g: Founded, from: number): number[] {
  const out: number[] = []
  for (let i = from; i < g.log.length; i++) if (openOf(g)(g.log.blocks[i] as Uint8Array).kind === BlockKind.TailIndex) out.push(i)
  return out
}

/** Records every block of the log read from now on; `until`, when given, holds the reads it names back until released. */
function watchReads(log: MemLog, until?: (i: number) => boolean): { reads: number[]; release: () => void } {
  const reads: number[] = []
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const get = log.get.bind(log)
  log.get = async (i: number) => {
    reads.push(i)
    if (until?.(i)) await released
    return get(i)
  }
  return { reads, release }
}

describe('a tail index writer told of each block as it is appended', () => {
  it('writes the indexes a read-back of the same log writes, byte for byte, reading back only the blocks it was not told of', async () => {
    const { g, start, end, docId, mine } = await pastCheckpoint()
    const { reads } = watchReads(g.log)
    const posts: string[] = []
    const behind: number[] = []
    // Every kind of block a tail holds: posts, flags given, withdrawn and given again, edits,
    // hides (a shared doc), governance events; and blocks appended behind the space's back (by
    // another path), a shared-doc update and a flag, of which the writer is not told (after its
    // first index: one in the first tail would send it to its own latest index, as after a restart).
    // Four indexes at least, the last written after the third block appended behind its back.
    const enough = (): boolean => {
      const at = indexesFrom(g, end)
      return at.length >= 4 && behind.length >= 3 && (at.at(-1) as number) > (behind[2] as number)
    }
    for (let i = 0; !enough(); i++) {
      const target = posts[posts.length - 3] ?? posts[0]
      if (i % 16 === 3 && target) await mine((m) => setFlag(m, target, { reason: 'other', rules: null }, 5_000 + i))
      else if (i % 16 === 7 && target) await mine((m) => setFlag(m, target, null, 5_000 + i))
      else if (i % 16 === 9 && target) await mine((m) => m.edit(target, { text: `edited ${i}` }, 5_000 + i))
      else if (i % 16 === 11 && target) {
        await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: target, action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 5_000 + i }))
        await g.space.indexed()
      } else if (i % 32 === 13) {
        await g.space.writeGovernance(admitEvent(g.space.governance.groupId, g.me, identity(rnd), hex(rnd.bytes(32))))
        await g.space.indexed()
      } else if (i % 40 === 20 && i > TAIL_INDEX_EVERY) {
        const flag = updateOn(null, (d) => setFlag(new MemberDoc(d, g.me), target ?? 'x', { reason: 'other', rules: null }, 5_000 + i))
        behind.push(await g.log.append(updateBlock(g.epochKey, i % 80 === 20 ? 'shared/moderation' : docId, flag)))
      } else await mine((m) => void posts.push(m.addPost({ topic: 'check-in', text: `new ${i}`, cw: null }, 5_000 + i)))
    }
    const at = indexesFrom(g, end)
    // The first index right after the checkpoint (it carries the writer's flags: tail-index.ts).
    expect(at[0]).toBe(end + 1)
    expect(behind.length).toBeGreaterThan(2)
    // Only the blocks it was not told of: nothing it appended, not even its own checkpoint's part 0.
    expect(reads).toEqual(behind)
    for (const i of at) {
      const written = openOf(g)(g.log.blocks[i] as Uint8Array).payload
      // Read back whole by a writer that knows nothing (on from its latest index, as after a restart).
      expect(await new TailIndexWriter().due(upTo(g.log, i), start, docId, openOf(g), flagsOf(g, written, i))).toEqual(written)
      // And by one that does not even see its earlier indexes: the whole tail read back.
      const blind = (raw: Uint8Array): ReturnType<typeof decodeBlock> => {
        const b = openOf(g)(raw)
        return b.kind === BlockKind.TailIndex ? { ...b, kind: BlockKind.Checkpoint } : b
      }
      // It sees no carrier, so it lists none and spells every set out: the same blocks otherwise, the same set.
      const spelled = decodeTailIndex(await new TailIndexWriter().due(upTo(g.log, i), start, docId, blind, flagsOf(g, written, i)) as Uint8Array, i)
      expect(listedBlocks(spelled)).toEqual(listedBlocks(decodeTailIndex(written, i)).filter((j) => !at.includes(j)))
      expect(spelled.flags).toEqual(flagsOf(g, written, i)())
    }
    // The blocks behind its back are listed by the next index: read back, not skipped.
    const last = decodeTailIndex(openOf(g)(g.log.blocks[at.at(-1) as number] as Uint8Array).payload, at.at(-1) as number)
    for (const i of behind.filter((b) => b < last.at)) expect(listedBlocks(last)).toContain(i)
  })

  it('after a restart, reads back what it was not told of off the write chain: posts do not wait, and the index follows', async () => {
    const { g, start, end, docId, mine } = await pastCheckpoint()
    // Posts until 60 blocks follow the latest index: four more make the next one due.
    for (let i = 0; ; i++) {
      const last = indexesFrom(g, end).at(-1)
      if (last !== undefined && g.log.length - (last + 1) === TAIL_INDEX_EVERY - 4) break
      await mine((m) => void m.addPost({ topic: 'check-in', text: `before ${i}`, cw: null }, 5_000 + i))
    }
    // The app restarts: a new space on the same log and keys, read whole.
    const fresh = new GroupSpace(g.log, { identity: identityFromSeed(g.creator.seed), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 })
    await fresh.catchUp(g.log)
    expect(fresh.sharedCheckpoints.get(g.log.key)).toBe(start)
    const restart = g.log.length
    // Every read of the tail before the restart is held back. Were the read-back on the write
    // chain, the second post would never be durable (the test would time out).
    const { reads, release } = watchReads(g.log, (i) => i >= end && i < restart)
    for (let i = 0; i < 8; i++) await fresh.change(docId, (d) => void new MemberDoc(d, g.me).addPost({ topic: 'check-in', text: `after ${i}`, cw: null }, 9_000 + i))
    await fresh.idle()
    // Eight posts written and durable while the read-back waits; no index yet, though one is due.
    expect(g.log.length).toBe(restart + 8)
    expect(indexesFrom(g, restart)).toEqual([])
    expect(reads.some((i) => i >= end && i < restart)).toBe(true)
    release()
    await fresh.indexed()
    // The index follows at once, and is the one a read-back of the same log gives.
    expect(indexesFrom(g, restart)).toEqual([restart + 8])
    // What it was told of since the restart was not read back.
    expect(reads.filter((i) => i >= restart)).toEqual([])
    const written = openOf(g)(g.log.blocks[restart + 8] as Uint8Array).payload
    expect(await new TailIndexWriter().due(upTo(g.log, restart + 8), start, docId, openOf(g), flagsOf(g, written, restart + 8))).toEqual(written)
  })

  it('past MAX_NOTES notes drops them and reads those blocks back: a bound on memory, never a skip', async () => {
    const { g, start, end, docId, mine } = await pastCheckpoint()
    for (let i = 0; indexesFrom(g, end).length < 1; i++) await mine((m) => void m.addPost({ topic: 'check-in', text: `new ${i}`, cw: null }, 5_000 + i))
    await g.space.change('shared/moderation', (d) => new ModerationDoc(d).add({ item: 'x', action: 'hide', reason: 'other', rules: null, note: null, covers: [], seen: null, by: g.me, at: 6_000 }))
    for (let i = 0; indexesFrom(g, end).length < 2; i++) await mine((m) => void m.addPost({ topic: 'check-in', text: `more ${i}`, cw: null }, 7_000 + i))
    const [first, second] = indexesFrom(g, end) as [number, number]
    const w = new TailIndexWriter()
    await w.prepare(upTo(g.log, first + 1), start, docId, openOf(g))
    // Told of every block up to the second index, then of so many more (far past it) that the notes are dropped.
    for (let i = first + 1; i < second; i++) {
      const b = openOf(g)(g.log.blocks[i] as Uint8Array)
      w.told(i, noteOf(b.kind, b.docId, b.payload, docId))
    }
    for (let i = 0; i < MAX_NOTES; i++) w.told(second + 1_000 + i, noteOf(BlockKind.YjsUpdate, docId, new Uint8Array(0), docId))
    const { reads } = watchReads(g.log)
    const again = await w.due(upTo(g.log, second), start, docId, openOf(g), flagsOf(g, openOf(g)(g.log.blocks[second] as Uint8Array).payload, second))
    expect(again).toEqual(openOf(g)(g.log.blocks[second] as Uint8Array).payload)
    expect(listedBlocks(decodeTailIndex(again as Uint8Array, second)).length).toBeGreaterThan(0)
    expect(reads).toEqual(Array.from({ length: second - first - 1 }, (_, k) => first + 1 + k))
  })
})
