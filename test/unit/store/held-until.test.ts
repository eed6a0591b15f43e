/**
 * Where a log still arriving stops being held (core/store/block-batch.ts `heldUntil`), on real
 * Corestores: the answer comes from the bitfield in memory and agrees with Hypercore's own
 * `has`; every block it calls held is read from storage; where it cannot tell it says `end`, so a
 * reader falls back to reading and seeing.
 */
import { describe, expect, it } from 'vitest'
import { getBlocks, heldUntil } from '../../../core/store/block-batch.ts'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { link, useCorestores } from '../../helpers/corestores.ts'

const store = useCorestores()
/** Hypercore's own answer (not in the typed surface Hearth uses). */
const has = (core: HypercoreSession, start: number, end?: number): Promise<boolean> => (core as unknown as { has(s: number, e?: number): Promise<boolean> }).has(start, end)

/** A writer's log of `n` blocks and a reader that holds only `ranges` of it. */
async function sparseReader(n: number, ranges: [number, number][]) {
  const ws = store()
  const kp = fastProvider.signKeyPairFromSeed(new Uint8Array(32).fill(9))
  const writer = ws.get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
  await writer.ready()
  for (let i = 0; i < n; i++) await writer.append(Buffer.from(`block ${i}`), { keyPair: kp })
  const rs = store()
  link(ws, rs)
  const reader = rs.get({ key: writer.key as Uint8Array })
  await reader.ready()
  for (const [start, end] of ranges) await reader.download({ start, end }).done()
  return reader
}

describe('heldUntil', () => {
  it('names the first block not held, as has() sees it, and every block before it reads', async () => {
    const reader = await sparseReader(300, [[0, 100], [150, 200]])
    expect(heldUntil(reader, 0, 300)).toBe(100)
    expect(heldUntil(reader, 100, 300)).toBe(100)
    expect(heldUntil(reader, 150, 300)).toBe(200)
    expect(heldUntil(reader, 0, 60)).toBe(60)
    expect(heldUntil(reader, 160, 180)).toBe(180)
    expect(await has(reader, 0, 100)).toBe(true)
    expect(await has(reader, 100)).toBe(false)
    expect(await has(reader, 150, 200)).toBe(true)
    expect(await has(reader, 200)).toBe(false)
    const blocks = await getBlocks(reader, Array.from({ length: 100 }, (_, i) => i))
    expect(blocks.every((b, i) => b !== null && Buffer.from(b).toString() === `block ${i}`)).toBe(true)
  })

  it('says the end where it cannot tell: a snapshot, or an empty range', async () => {
    const reader = await sparseReader(50, [[0, 10]])
    const snap = reader.snapshot()
    await snap.ready()
    try {
      expect(heldUntil(snap, 0, 50)).toBe(50)
    } finally {
      await snap.close()
    }
    expect(heldUntil(reader, 20, 20)).toBe(20)
    expect(heldUntil(reader, 0, 50)).toBe(10)
  })
})
