/**
 * Blocks from logs governance does not know yet, held back in memory until it can judge them (an
 * admission may arrive after the newcomer's first words). Bounded against a flooding peer
 * (issue 14): at most PENDING_MAX_BLOCKS and PENDING_MAX_BYTES in all; past that a block is
 * dropped from memory and its index remembered, and once governance knows that log the group
 * space rebuilds, re-reading it from the log on disk.
 */
export const PENDING_MAX_BLOCKS = 4_096
export const PENDING_MAX_BYTES = 16 * 1024 * 1024

export interface HeldBlock {
  index: number
  docId: string
  update: Uint8Array
  /** Other indexes the rule must allow too (a shared checkpoint stands for a range). */
  also?: readonly number[]
}

export class HeldBlocks {
  private readonly pending = new Map<string, HeldBlock[]>()
  /** Per log, the lowest index dropped from memory. */
  private readonly dropped = new Map<string, number>()
  private blocks = 0
  private bytes = 0

  hold(logKey: string, block: HeldBlock): void {
    if (this.blocks >= PENDING_MAX_BLOCKS || this.bytes + block.update.length > PENDING_MAX_BYTES) {
      this.dropped.set(logKey, Math.min(block.index, this.dropped.get(logKey) ?? block.index))
      return
    }
    this.blocks++
    this.bytes += block.update.length
    const list = this.pending.get(logKey) ?? []
    list.push(block)
    this.pending.set(logKey, list)
  }

  /** The lowest index held back or dropped from a log, if any. */
  first(logKey: string): number | undefined {
    let first = this.dropped.get(logKey)
    for (const b of this.pending.get(logKey) ?? []) if (first === undefined || b.index < first) first = b.index
    return first
  }

  /** How many blocks are held in memory now (at most PENDING_MAX_BLOCKS). */
  get size(): number {
    return this.blocks
  }

  /** Whether any log with dropped blocks passes `known`: it must be read again from disk. */
  droppedFrom(known: (logKey: string) => boolean): boolean {
    for (const log of this.dropped.keys()) if (known(log)) return true
    return false
  }

  /** Everything held in memory, emptied; what was dropped stays remembered. */
  take(): [string, HeldBlock[]][] {
    const all = [...this.pending]
    this.pending.clear()
    this.blocks = 0
    this.bytes = 0
    return all
  }

  clear(): void {
    this.take()
    this.dropped.clear()
  }
}
