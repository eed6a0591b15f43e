/**
 * A feed page's posts chosen without sorting the group (issue 19): the newest `k` posts past a
 * cursor, kept in a buffer of at most about 2k that is sorted and cut whenever it fills. A first
 * page of 20 in a group of 60,000 posts built, held and sorted an item for every post; now it
 * holds about 40, and posts older than the 20th kept are skipped before they are read at all
 * (`wants`). With `k` at least the number of posts (an export's one page of everything) it is
 * one sort of them all, as before. The order is total (time, then ref: refs are unique), so the
 * posts chosen are exactly the first `k` of the full sort.
 */

/** Where a post stands in the feed, and what a paging cursor names. */
export interface FeedPosition {
  createdAt: number
  ref: string
}

/** Newest first; equal times by ref, ascending. */
export const newerFirst = (a: FeedPosition, b: FeedPosition): number =>
  b.createdAt - a.createdAt || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)

export class Newest<T> {
  private kept: T[] = []
  /** The last of the `k` kept at the latest cut: nothing older can be chosen any more. */
  private floor: FeedPosition | null = null
  private readonly room: number

  constructor(private readonly k: number, private readonly at: (t: T) => FeedPosition) {
    this.room = k + Math.max(k, 64)
  }

  /** Whether a post made at `createdAt` could still be chosen (read it in full only then). */
  wants(createdAt: number): boolean {
    return this.floor === null || createdAt >= this.floor.createdAt
  }

  add(t: T): void {
    if (this.floor && newerFirst(this.floor, this.at(t)) < 0) return
    this.kept.push(t)
    if (this.kept.length >= this.room) this.cut()
  }

  /** The first `k` in feed order. */
  done(): T[] {
    this.cut()
    return this.kept
  }

  private cut(): void {
    this.kept.sort((a, b) => newerFirst(this.at(a), this.at(b)))
    if (!(this.kept.length >= this.k)) return // also a k that is not a number: nothing is cut
    this.kept.length = Math.max(0, Math.floor(this.k))
    this.floor = this.kept.length ? this.at(this.kept[this.kept.length - 1] as T) : null
  }
}
