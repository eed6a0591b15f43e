/**
 * Resting docs woken one state at a time (doc-set.ts). Applying the 20 doc states of a large group
 * in one synchronous step held the event loop for about a second quiet (5–8 s at load), so every
 * call after the kept first screen waited behind it. A wake in slices builds each doc aside in its
 * own macrotask; the set swaps them in at the end, all at once, so no read ever sees half of them.
 * A read that cannot wait finishes the rest at once (`finish`), from the same states.
 */
import * as Y from 'yjs'

export class DocWake {
  private readonly left: Iterator<[string, Uint8Array]>
  /** Docs built so far, by id. */
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

  /** Builds the next doc from its state. False once every doc is built. */
  step(): boolean {
    const next = this.left.next()
    if (next.done) return false
    const [id, state] = next.value
    const doc = new Y.Doc({ gc: true })
    Y.applyUpdate(doc, state, this.origin)
    this.docs.set(id, doc)
    return true
  }

  /** Builds every doc not built yet; returns them all. */
  finish(): Map<string, Y.Doc> {
    while (this.step());
    return this.docs
  }

  /** Builds one doc per macrotask while `mine()` says the wake is still wanted; resolves after the last. */
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
