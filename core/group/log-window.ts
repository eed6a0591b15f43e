/**
 * Reading a run of blocks from a log in windows of concurrent reads. One `get` at a time leaves
 * the main thread idle on storage for a third of a long replay; READ_WINDOW reads in flight at
 * once (and READ_AHEAD windows asked for while this one is handled) read the same blocks in about
 * a third of the time (docs/benchmarks.md). Blocks come out in index order, and a run stops at the
 * first block not held, as one read at a time would.
 */

export const READ_WINDOW = 64
/** Windows asked for before the one being handled is done (see readRun). */
export const READ_AHEAD = 4

export interface Readable {
  get(index: number): Promise<Uint8Array | null>
  /** The same answers as `get` for each index, read together (one storage batch: core/store/block-batch.ts). */
  getMany?(indexes: readonly number[]): Promise<(Uint8Array | null)[]>
  /**
   * The first index in [from, end) not held, from memory (core/store/block-batch.ts `heldUntil`);
   * `end` when all are held or it cannot tell. A run reads no further: a log still arriving is
   * not asked for windows of blocks that are not here.
   */
  heldUntil?(from: number, end: number): number
  /**
   * True while the store opens the log again after Hypercore closed it on a conflict
   * (core/store/peer-log.ts): `heldUntil` then answers `end` so reads go on (they wait for the
   * new session), which a guard must not take for "held" (session 14 review, F2).
   */
  readonly reopening?: boolean
}

function readWindow(log: Readable, indexes: readonly number[]): Promise<(Uint8Array | null)[]> {
  return log.getMany ? log.getMany(indexes) : Promise.all(indexes.map((i) => log.get(i)))
}

/** One window of a run: the indexes read and their blocks, every one held. */
export interface RunWindow {
  indexes: readonly number[]
  blocks: readonly Uint8Array[]
}

/**
 * The blocks at indexes `from` up to `end()` (re-read per window, so a log that grows meanwhile
 * is followed), leaving out those in `skip`, until the first one not held; a window at a time, so
 * a long replay awaits once per window rather than once per block.
 *
 * READ_AHEAD windows are asked for before the first is handled, and one more each time one is
 * handed out: with a single window ahead the main thread still waited on storage for two of a
 * full replay's five seconds of CPU, since handling 64 blocks takes about as long as a storage
 * round trip and a Yjs batch applied meanwhile left only one window read (docs/decisions.md).
 */
export async function* readWindows(log: Readable, from: number, end: () => number, skip?: ReadonlySet<number>): AsyncGenerator<RunWindow> {
  const window = (start: number): { stop: number; indexes: number[]; blocks: Promise<(Uint8Array | null)[]> } | null => {
    const until = Math.min(end(), start + READ_WINDOW)
    const stop = log.heldUntil ? log.heldUntil(start, until) : until
    if (start >= stop) return null
    const indexes: number[] = []
    for (let i = start; i < stop; i++) if (!skip?.has(i)) indexes.push(i)
    const blocks = readWindow(log, indexes)
    // A window read ahead and then not needed (the run stopped) must not fail unhandled.
    blocks.catch(() => undefined)
    return { stop, indexes, blocks }
  }
  const ahead: NonNullable<ReturnType<typeof window>>[] = []
  let asked = from
  const askMore = (): void => {
    while (ahead.length < READ_AHEAD) {
      const w = window(asked)
      if (!w) return
      ahead.push(w)
      asked = w.stop
    }
  }
  askMore()
  for (let current = ahead.shift(); current; current = ahead.shift()) {
    const blocks = await current.blocks
    // A block not held ends the run here: nothing past it is asked for.
    const held = blocks.findIndex((b) => b === null || b === undefined)
    if (held === -1) {
      askMore()
      yield { indexes: current.indexes, blocks: blocks as Uint8Array[] }
      continue
    }
    ahead.length = 0
    if (held > 0) yield { indexes: current.indexes.slice(0, held), blocks: blocks.slice(0, held) as Uint8Array[] }
    return
  }
}

/** As readWindows, one block at a time. */
export async function* readRun(log: Readable, from: number, end: () => number, skip?: ReadonlySet<number>): AsyncGenerator<[number, Uint8Array]> {
  for await (const w of readWindows(log, from, end, skip)) for (let j = 0; j < w.blocks.length; j++) yield [w.indexes[j] as number, w.blocks[j] as Uint8Array]
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
