/**
 * Evidence and shared checkpoints (issue 14): a newcomer that reads a rewritten log from a shared
 * checkpoint holds one version only and cannot make evidence itself, yet ends in the same state as
 * the honest member who saw the other version and reported it, whatever it learns first. Why: a
 * shared checkpoint is a block of the same log as the words it stands for (a member checkpoints
 * only their own doc), so it is judged at its own index like any block.
 *   - A checkpoint at or past the freeze speaks for nobody: the write rule refuses it and the log
 *     is read from block 0, where only the blocks before the freeze count.
 *   - A checkpoint before the freeze is a block both versions share, standing for blocks both
 *     versions share (versions agree up to the first index where they part, and the freeze is the
 *     smallest such index any evidence shows), so it stands for exactly what every peer applies.
 * Mallory's log is a real Hypercore she truncates and writes again (fork-support.ts); her
 * checkpoints are made of her own doc as her node holds it, so the one in the rewritten range
 * carries both versions' words.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { GroupSpace, type ReadLog } from '../../../core/group/group-space.ts'
import { CheckpointAssembly, decodeCheckpointPart, encodeCheckpointParts, type CheckpointPart } from '../../../core/group/shared-checkpoint.ts'
import { memberDocId } from '../../../core/model/doc-id.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { BlockKind, decodeBlock, encodeBlock } from '../../../core/store/block-codec.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { govState, keysOf, texts, type Peer } from '../governance/peers.ts'
import { hex, identity, idOf, MemLog } from './support.ts'
import { postText, useForkFixtures, type CoreLog, type Forked } from './fork-support.ts'

const { forkedGroup } = useForkFixtures()

/** Mallory's node shares a checkpoint of her own doc, as it holds it now, at the end of her log. */
async function shareCheckpoint(m: GroupSpace, me: string, log: CoreLog): Promise<number> {
  await m.idle()
  const epoch = m.currentEpoch
  const start = log.length
  const uncovered: number[] = []
  for (let i = 0; i < start; i++) {
    if (decodeBlock((await log.get(i)) as Uint8Array, (e) => m.epochKey(e)).docId !== memberDocId(me)) uncovered.push(i)
  }
  const state = Y.encodeStateAsUpdate(m.docs.doc(memberDocId(me)))
  for (const payload of encodeCheckpointParts(memberDocId(me), start, uncovered, state)) {
    await log.append(encodeBlock({ epoch, kind: BlockKind.Checkpoint, docId: memberDocId(me), payload }, m.epochKey(epoch)))
  }
  return start
}

const copyOf = (key: string, blocks: Uint8Array[]): MemLog => {
  const c = new MemLog(key)
  c.blocks.push(...blocks.map((b) => b.slice()))
  return c
}

/** The log as a newcomer that planned from a checkpoint holds it: the listed blocks, the checkpoint on, or all once asked. */
function sparse(log: MemLog, start: number, listed: number[], whole: () => boolean): ReadLog {
  return { key: log.key, get length() { return log.length }, get: async (i) => (whole() || i >= start || listed.includes(i) ? (log.blocks[i] ?? null) : null) }
}

function newcomer(rnd: SeededRandom, f: Forked): Peer {
  const id = identity(rnd)
  const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: id, epochs: keysOf(f.alder), current: f.alder.space.currentEpoch }, { groupId: f.alder.space.groupId })
  return { name: 'newcomer', space, log: new MemLog(''), id, me: idOf(id) }
}

/** Alder saw the first version, reported the rewrite, then met the second (as Hypercore hands it over). */
async function honestAlder(f: Forked): Promise<void> {
  const key = f.mallory.log.key
  await f.alder.space.catchUp(copyOf(key, f.first))
  expect(await f.alder.space.reportFork(f.evidence)).toBe(true)
  await f.alder.space.catchUp(copyOf(key, f.second))
}

type Order = 'evidence first' | 'log first'

/** The newcomer reads Mallory's second version planned from `start`, and Alder's log, in `order`; fetches whole what it is told to. */
async function newcomerReads(rnd: SeededRandom, f: Forked, start: number, order: Order): Promise<Peer> {
  const n = newcomer(rnd, f)
  const key = f.mallory.log.key
  const second = copyOf(key, f.second)
  const listed = decodeCheckpointPart(decodeBlock(f.second[start] as Uint8Array, (e) => keysOf(f.alder).get(e) as Uint8Array).payload, start).uncovered
  let whole = false
  const log = sparse(second, start, listed, () => whole)
  const alderLog = copyOf(f.alder.log.key, f.alder.log.blocks)
  n.space.planCheckpoint(key, start)
  if (order === 'evidence first') await n.space.catchUp(alderLog)
  await n.space.catchUp(log)
  if (order === 'log first') await n.space.catchUp(alderLog)
  // As GroupOnline does: a planned log that waited for governance is read again once governance
  // changed; a log whose checkpoint was refused is fetched whole and read again.
  await n.space.catchUp(log)
  if (n.space.needsFull.has(key)) {
    whole = true
    await n.space.catchUp(log)
  }
  return n
}

describe('evidence and shared checkpoints', () => {
  for (const order of ['evidence first', 'log first'] as const) {
    it(`a checkpoint in the rewritten range is refused and the newcomer ends as the honest member did (${order})`, async () => {
      const rnd = seededRandom(testSeed())
      let start = -1
      let logOf: CoreLog | null = null
      const f = await forkedGroup(rnd, 'member', postText('the original words'), async (m, me) => {
        await postText('the rewritten words')(m, me)
        start = await shareCheckpoint(m, me, logOf as CoreLog)
        await postText('after the checkpoint')(m, me)
      }, {}, async (_m, _me, log) => void (logOf = log))
      // The hostile checkpoint carries both versions' words (her node applied both).
      const partAt = (i: number): CheckpointPart => decodeCheckpointPart(decodeBlock(f.second[i] as Uint8Array, (e) => keysOf(f.alder).get(e) as Uint8Array).payload, i)
      const whole = new CheckpointAssembly(partAt(start))
      for (let i = 1; i < whole.first.parts; i++) whole.add(partAt(start + i))
      const state = new Y.Doc()
      Y.applyUpdate(state, whole.done() as Uint8Array)
      expect([...new MemberDoc(state, f.mallory.me).posts.values()].map((p) => String(p.get('text'))).sort()).toEqual(['mallory before the fork', 'the original words', 'the rewritten words'])
      expect(start).toBeGreaterThan(f.index)

      await honestAlder(f)
      const n = await newcomerReads(rnd, f, start, order)
      expect(texts(f.alder)).toEqual(['mallory before the fork'])
      expect(texts(n)).toEqual(texts(f.alder))
      expect(govState(n)).toEqual(govState(f.alder))
      expect(n.space.sharedCheckpoints.has(f.mallory.log.key)).toBe(false)
    })

    it(`a checkpoint before the freeze stands for what both versions share, and is kept (${order})`, async () => {
      const rnd = seededRandom(testSeed())
      let start = -1
      const f = await forkedGroup(rnd, 'member', postText('the original words'), postText('the rewritten words'), {}, async (m, me, log) => {
        await postText('covered by the checkpoint')(m, me)
        start = await shareCheckpoint(m, me, log)
        await postText('after the checkpoint, before the fork')(m, me)
      })
      expect(start).toBeLessThan(f.index)
      expect(f.first[start]).toEqual(f.second[start])

      await honestAlder(f)
      const n = await newcomerReads(rnd, f, start, order)
      expect(texts(f.alder)).toEqual(['after the checkpoint, before the fork', 'covered by the checkpoint', 'mallory before the fork'])
      expect(texts(n)).toEqual(texts(f.alder))
      expect(govState(n)).toEqual(govState(f.alder))
      expect(n.space.sharedCheckpoints.get(f.mallory.log.key)).toBe(start)
    })
  }
})
