/**
 * Resting docs woken a slice at a time (doc-set.ts). Applying the 20 doc states of a large group
 * in one synchronous step held the event loop for about a second quiet (5–8 s at load), so every
 * call after the kept first screen waited behind it; one doc state per slice still held it 150 ms
 * for one member doc of 1.3 MB. A slice now applies at most about WAKE_SLICE_BYTES of one doc's
 * state (update-pieces.ts cuts a state into updates that build the same doc), each doc built
 * aside; the set swaps them in at the end, all at once, so no read ever sees half of them. A read
 * that cannot wait finishes the rest at once (`finish`), from the same states.
 */
import * as Y from 'yjs'
import { updatePieces } from './update-pieces.ts'

/** What one slice applies at most (one struct more, at most): about 5 ms of Yjs on a quiet machine. */
export const WAKE_SLICE_BYTES = 256 * 1024

export class DocWake {
  private readonly left: Iterator<[string, Uint8Array]>
  /** The doc being built and the pieces of its state still to apply. */
  private building: { doc: Y.Doc; pieces: Iterator<Uint8Array> } | null = null
  /** A piece Yjs refused: the wake cannot end with that doc whole, so it does not end at all. */
  private failed: unknown = null
  /** Docs built (or being built) so far, by id. */
  readonly docs = new Map<string, Y.Doc>()

  constructor(states: ReadonlyMap<string, Uint8Array>, private readonly origin: unknown) {
    this.left = states[Symbol.iterator]()
  }

  /** A wake of the states `read` gives, or null when they cannot be read (the set says why). */
  static of(read: () => ReadonlyMap<string, Uint8Array>, origin: unknown): DocWake | null {
    try {
      return new DocWake(read(), origin)
    } catch {
      return null
    }
  }

  /** Applies the next piece of a doc state. False once every doc is built; throws (then and ever after) if Yjs refuses a piece. */
  step(): boolean {
    if (this.failed !== null) throw this.failed
    if (!this.building) {
      const next = this.left.next()
      if (next.done) return false
      const [id, state] = next.value
      const doc = new Y.Doc({ gc: true })
      this.docs.set(id, doc)
      this.building = { doc, pieces: updatePieces(state, WAKE_SLICE_BYTES) }
    }
    const { doc, pieces } = this.building
    const piece = pieces.next()
    if (piece.done) this.building = null
    else {
      try {
        Y.applyUpdate(doc, piece.value, this.origin)
      } catch (e) {
        this.failed = e
        throw e
      }
    }
    return true
  }

  /** Builds every doc not built yet; returns them all. */
  finish(): Map<string, Y.Doc> {
    while (this.step());
    return this.docs
  }

  /** Applies one piece per macrotask while `mine()` says the wake is still wanted; resolves after the last. */
  async inSlices(mine: () => boolean): Promise<void> {
    do await nextTurn()
    while (mine() && this.step())
  }

  /** The wake was given up (the set was let go or rebuilt meanwhile). */
  destroy(): void {
    for (const d of this.docs.values()) d.destroy()
    this.docs.clear()
  }
}

/** One macrotask later: lets every call and event waiting on the loop run between two slices. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
