/**
 * A fellow member's log as this device reads it, through Hypercore's close of a log whose writer
 * signed two trees at one fork (core/group/fork-watch.ts).
 *
 * Hypercore then freezes its stored copy, emits `conflict` to the sessions listening for it, and
 * closes every session of the log. The stored copy still reads, so the log is opened again. But a
 * session says length 0 from the moment its close begins (Hypercore's `opened` goes false before
 * `close` is emitted), and the new session is ready only some storage reads later. A read of the
 * length in that gap took the log for an empty one: a rebuild's catch-up (the evidence's freeze
 * asks for one, and it may land right then) read nothing of the log, swapped in docs without any
 * of its posts below the freeze, and nothing read the log again, since a frozen copy no longer
 * replicates and no append comes to say so (docs/decisions.md, session 14, twin).
 *
 * So from the conflict until the new session is ready, the log says the length and byte length
 * its session held at the conflict, and every read waits for the new session. Freezing keeps the
 * stored blocks, so the new session says the same length. A close with no conflict before it is
 * the store's own: the reopen is refused, and the log reads as the closed session does.
 */
import { storeError } from './device-log.ts'
import { getBlocks, heldUntil } from './block-batch.ts'
import { seekQuotaEnd } from './quota-end.ts'
import type { HypercoreSession, ProofNode } from './holepunch.ts'

/** A fellow member's log as this store holds it: read-only, possibly not complete. */
export interface PeerLog {
  /** hex */
  readonly key: string
  readonly length: number
  get(index: number): Promise<Uint8Array | null>
  /** The blocks at `indexes` in one storage read (block-batch.ts), each as `get` gives it. */
  getMany?(indexes: readonly number[]): Promise<(Uint8Array | null)[]>
  /** The first index in [from, end) not held, from memory (block-batch.ts); `end` when it cannot tell. */
  heldUntil?(from: number, end: number): number
  /** The signed length in bytes, and where a byte budget ends the log (core/group/log-quota.ts). */
  readonly byteLength?: number
  quotaEnd?(budget: number): Promise<number | null>
  /** True between a conflict (or close) and the new session: `heldUntil` answers `end` then, and cannot tell. */
  readonly reopening?: boolean
  /**
   * The tree nodes from held block `index` up `depth` levels (its path to the tree node there),
   * as Hypercore proves it; null when the block is not held. A frozen copy still gives them.
   */
  path?(index: number, depth: number): Promise<ProofNode[] | null>
  /**
   * How far from 0 the log reads below a freeze outside Hypercore (core/group/frozen-rescue.ts):
   * the blocks held from 0 (copy and rescue store together), or, for a copy that cannot fetch
   * them, up to where the evidence's shared roots prove the log reaches (a block not here yet is
   * read when it comes).
   */
  readonly rescued?: number
  /** Hypercore froze this copy at a conflict: it neither asks for blocks nor serves them. */
  readonly frozen?: boolean
  /** The roots of the copy's signed tree at its length; null when it has no signed length. */
  roots?(): Promise<ProofNode[] | null>
}

/** Between a session's conflict or close and the new session: what it held, and when the new one is ready. */
interface Gap {
  length: number
  byteLength: number
  ready: Promise<void>
}

/**
 * `first`, a session on the log; `reopen`, a new session on the stored copy (it throws once the
 * store is closing: the log then reads as the closed session does, and reads fail with a coded error).
 */
export function peerLog(key: Uint8Array, first: HypercoreSession, reopen: () => Promise<HypercoreSession>, reopened?: () => void): PeerLog {
  let core = first
  let gap: Gap | null = null
  const begin = (c: HypercoreSession): void => {
    if (c !== core || gap) return
    let done = (): void => undefined
    gap = { length: c.length, byteLength: c.byteLength, ready: new Promise<void>((resolve) => (done = resolve)) }
    const next = (): void =>
      void reopen()
        .then((n) => {
          core = n
          follow(n)
        }, () => undefined)
        .finally(() => {
          gap = null
          done()
          // A guard that could not tell during the gap (`reopening`) asks again now.
          reopened?.()
        })
    // `closed` is already true when `close` is emitted.
    if (c.closed) next()
    else c.once('close', next)
  }
  const follow = (c: HypercoreSession): void => {
    // Listening for `conflict` is what makes Hypercore tell this session before it closes it.
    c.on('conflict', () => begin(c))
    c.once('close', () => begin(c))
  }
  follow(first)
  // A read the close overtakes (begun just before the conflict) is made again on the new session.
  const read = async <T>(what: string, fn: (c: HypercoreSession) => Promise<T>): Promise<T> => {
    for (;;) {
      while (gap) await gap.ready
      const c = core
      try {
        return await fn(c)
      } catch (e) {
        if (c === core && !gap) throw storeError(e, what)
      }
    }
  }
  return {
    key: Buffer.from(key).toString('hex'),
    get length() {
      return gap ? gap.length : core.length
    },
    get byteLength() {
      return gap ? gap.byteLength : core.byteLength
    },
    get reopening() {
      return gap !== null
    },
    get frozen() {
      return core.core?.header.frozen === true
    },
    roots: () =>
      read('read the signed roots', async (c) => {
        const length = c.length
        return length ? ((await c.proof({ upgrade: { start: 0, length } })).upgrade?.nodes ?? null) : null
      }),
    quotaEnd: (budget) => read('read the log length', (c) => seekQuotaEnd(c, budget)),
    get: (index) => read(`read block ${index}`, (c) => c.get(index, { wait: false })),
    heldUntil: (from, end) => (gap ? end : heldUntil(core, from, end)),
    path: (index, depth) =>
      read(`read the path of block ${index}`, async (c) => {
        if ((await c.get(index, { wait: false })) === null) return null
        const p = await c.proof({ block: { index, nodes: depth } })
        return p.block?.nodes ?? null
      }),
    getMany: (indexes) => read(`read blocks ${indexes[0]}–${indexes[indexes.length - 1]}`, (c) => getBlocks(c, indexes)),
  }
}
