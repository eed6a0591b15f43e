/**
 * Reading a run of blocks from a log in windows of concurrent reads. One `get` at a time leaves
 * the main thread idle on storage for a third of a long replay; READ_WINDOW reads in flight at
 * once (and the next window asked for while this one is handled) read the same blocks in about a
 * third of the time (docs/benchmarks.md). Blocks come out in index order, and a run stops at the
 * first block not held, as one read at a time would.
 */

export const READ_WINDOW = 64

export interface Readable {
  get(index: number): Promise<Uint8Array | null>
  /** The same answers as `get` for each index, read together (one storage batch: core/store/block-batch.ts). */
  getMany?(indexes: readonly number[]): Promise<(Uint8Array | null)[]>
}

function readWindow(log: Readable, indexes: readonly number[]): Promise<(Uint8Array | null)[]> {
  return log.getMany ? log.getMany(indexes) : Promise.all(indexes.map((i) => log.get(i)))
}

/**
 * The blocks at indexes `from` up to `end()` (re-read per window, so a log that grows meanwhile
 * is followed), leaving out those in `skip`, until the first one not held.
 */
export async function* readRun(log: Readable, from: number, end: () => number, skip?: ReadonlySet<number>): AsyncGenerator<[number, Uint8Array]> {
  const window = (start: number): { stop: number; indexes: number[]; blocks: Promise<(Uint8Array | null)[]> } | null => {
    const stop = Math.min(end(), start + READ_WINDOW)
    if (start >= stop) return null
    const indexes: number[] = []
    for (let i = start; i < stop; i++) if (!skip?.has(i)) indexes.push(i)
    const blocks = readWindow(log, indexes)
    // A window read ahead and then not needed (the run stopped) must not fail unhandled.
    blocks.catch(() => undefined)
    return { stop, indexes, blocks }
  }
  let current = window(from)
  while (current) {
    const blocks = await current.blocks
    const ahead = blocks.includes(null) ? null : window(current.stop)
    for (let j = 0; j < blocks.length; j++) {
      const b = blocks[j]
      if (b === null || b === undefined) return
      yield [current.indexes[j] as number, b]
    }
    current = ahead
  }
}

/** The blocks at `indexes`, read READ_WINDOW at a time; null when any is not held. */
export async function readAll(log: Readable, indexes: readonly number[]): Promise<Uint8Array[] | null> {
  const out: Uint8Array[] = []
  for (let i = 0; i < indexes.length; i += READ_WINDOW) {
    const blocks = await readWindow(log, indexes.slice(i, i + READ_WINDOW))
    for (const b of blocks) {
      if (b === null) return null
      out.push(b)
    }
  }
  return out
}
