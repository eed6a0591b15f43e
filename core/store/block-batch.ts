/**
 * Many blocks of one local Hypercore in one storage read (the replay of a long log).
 *
 * Hypercore 11's `get` opens a RocksDB read batch for each block, reads one key and flushes it:
 * for 100,000 blocks that per-batch work cost about a second of CPU in the replay profile
 * (docs/benchmarks.md, "Full replay near the Yjs floor"). Hypercore 11.37, our pin, has no public
 * call that reads several blocks at once (`createReadStream` calls `get` once per block, and
 * `download` is for peers), so this opens one read batch of the session's own storage — exactly what its
 * `get` does for one block — asks for every index in it, and flushes it once.
 *
 * The answers are those `get(i, { wait: false })` gives: the stored block, or null when it is not
 * held. A block the batch did not find is asked for again through `get`, which also looks where
 * a block that has just landed may be. Where the storage call is absent (another Hypercore
 * version) or the session is closing, every block goes through `get`, so nothing depends on it.
 */
import type { HypercoreSession } from './holepunch.ts'

interface StorageRead {
  getBlock(index: number): Promise<Uint8Array | null>
  tryFlush(): void
}

/** The part of a Hypercore 11 session's internals this reads (its `_get` uses the same). */
interface WithStorage {
  readonly opened?: boolean
  readonly closing?: unknown
  readonly state?: { readonly storage?: { read?: () => StorageRead }; isDefault?: () => boolean } | null
  /** The core's in-memory bitfield, what its own `has(start, end)` reads. */
  readonly core?: { readonly bitfield?: { firstUnset?: (from: number) => number } | null } | null
}

/**
 * The first index in [from, end) this session does not hold, from the bitfield in memory (no
 * storage read), or `end` when it holds them all or cannot tell. Hypercore sets a bit only after
 * the block is flushed to storage, so a block it calls held can be read; one that lands after
 * the look is read by the next catch-up (every arrival schedules one).
 *
 * Why: a catch-up reading a log that is still arriving asked storage for whole windows ahead
 * (log-window.ts) and each block not held yet again through `get`: in the newcomer's backfill
 * that was 5× the group's blocks read and 2.2× more single-block batches (docs/decisions.md,
 * session 10). Hypercore's `has(start, end)` answers only yes or no; this reads the same bitfield.
 */
export function heldUntil(core: HypercoreSession, from: number, end: number): number {
  const inner = core as unknown as WithStorage
  const bits = inner.core?.bitfield
  if (from >= end || inner.opened !== true || inner.state?.isDefault?.() !== true || typeof bits?.firstUnset !== 'function') return end
  const i = bits.firstUnset(from)
  return i === -1 ? end : Math.min(Math.max(i, from), end)
}

export async function getBlocks(core: HypercoreSession, indexes: readonly number[]): Promise<(Uint8Array | null)[]> {
  const inner = core as unknown as WithStorage
  const storage = inner.state?.storage
  if (inner.opened !== true || (inner.closing ?? null) !== null || typeof storage?.read !== 'function') {
    return Promise.all(indexes.map((i) => core.get(i, { wait: false })))
  }
  const rx = storage.read()
  const reads = indexes.map((i) => rx.getBlock(i))
  rx.tryFlush()
  const blocks = await Promise.all(reads)
  const missing: number[] = []
  for (let j = 0; j < blocks.length; j++) if (blocks[j] === null) missing.push(j)
  if (missing.length) {
    const again = await Promise.all(missing.map((j) => core.get(indexes[j] as number, { wait: false })))
    missing.forEach((j, n) => (blocks[j] = again[n] ?? null))
  }
  return blocks
}
