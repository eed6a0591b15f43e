/**
 * "Held by the keeper" counts the blocks the keeper says it holds (its replication peer's remote
 * bitfield), never the log length it has heard of (core/store/holepunch.ts `heldBy`): a full
 * keeper may know our length without holding our words.
 */
import { describe, expect, it } from 'vitest'
import { heldBy } from '../../../core/store/holepunch.ts'

describe('what the keeper holds', () => {
  it('is its contiguous blocks, not the length it has heard of', () => {
    expect(heldBy({ remoteLength: 40, remoteContiguousLength: 12 })).toBe(12)
    expect(heldBy({ remoteLength: 40 })).toBe(0)
    expect(heldBy({})).toBe(0)
  })
})
