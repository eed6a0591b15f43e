/**
 * Shared checkpoints as they sit in a device log (format: shared-checkpoint.ts): finding what a
 * checkpoint needs fetched, reading its parts back into one state, and listing the blocks of our
 * own log a new checkpoint does not cover. No judging here: GroupSpace applies the write rule.
 */
import { HearthError } from '../errors.ts'
import { BlockKind, type Block } from '../store/block-codec.ts'
import { readAll, readRun, type Readable } from './log-window.ts'
import { CheckpointAssembly, decodeCheckpointPart, type CheckpointPart } from './shared-checkpoint.ts'

/** Decrypts and decodes one block of the group (throws coded errors). */
export type OpenBlock = (raw: Uint8Array) => Block

export interface FirstPart {
  docId: string
  part: CheckpointPart
}


/** Part 0 of a checkpoint at `start`, or null when that block is anything else. */
export function firstPart(raw: Uint8Array, start: number, open: OpenBlock): FirstPart | null {
  try {
    const b = open(raw)
    if (b.kind !== BlockKind.Checkpoint) return null
    const part = decodeCheckpointPart(b.payload, start)
    return part.part === 0 ? { docId: b.docId, part } : null
  } catch (e) {
    if (!(e instanceof HearthError)) throw e
    return null
  }
}

/** What to fetch once part 0 is here: the blocks it lists and its other parts; where the log goes on. */
export function checkpointNeeds(first: FirstPart): { blocks: number[]; end: number; docId: string } {
  const { start, parts, uncovered } = first.part
  return { blocks: [...uncovered, ...Array.from({ length: parts - 1 }, (_, i) => start + 1 + i)], end: start + parts, docId: first.docId }
}

/**
 * The whole state of a checkpoint whose part 0 is `first`: 'missing' while a part is not held,
 * 'refused' when a part is damaged, of another doc, or out of order.
 */
export async function readCheckpoint(log: Readable, first: FirstPart, open: OpenBlock): Promise<Uint8Array | 'missing' | 'refused'> {
  const assembly = new CheckpointAssembly(first.part)
  const indexes = Array.from({ length: assembly.lastIndex - first.part.start }, (_, k) => first.part.start + 1 + k)
  const blocks = await readAll(log, indexes)
  if (blocks === null) return 'missing'
  for (const [k, raw] of blocks.entries()) {
    const i = indexes[k] as number
    try {
      const b = open(raw)
      if (b.kind !== BlockKind.Checkpoint || b.docId !== first.docId || !assembly.add(decodeCheckpointPart(b.payload, i))) return 'refused'
    } catch (e) {
      if (!(e instanceof HearthError)) throw e
      return 'refused'
    }
  }
  return assembly.done() as Uint8Array
}

/** The blocks of our own log before `end` a checkpoint of `docId` does not stand for. */
export async function uncoveredBlocks(own: Readable, end: number, docId: string, open: OpenBlock): Promise<number[]> {
  const out: number[] = []
  let i = 0
  for await (const [index, raw] of readRun(own, 0, () => end)) {
    // Our own log holds every block; one missing stops the run, and the rest count as uncovered.
    for (; i < index; i++) out.push(i)
    i = index + 1
    let covered = false
    try {
      const b = raw && open(raw)
      covered = !!b && b.docId === docId && (b.kind === BlockKind.YjsUpdate || b.kind === BlockKind.Checkpoint || b.kind === BlockKind.TailIndex)
    } catch {
      // a block we cannot read ourselves is left for every reader to judge
    }
    if (!covered) out.push(index)
  }
  for (; i < end; i++) out.push(i)
  return out
}
