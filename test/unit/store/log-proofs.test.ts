/**
 * Device logs moved between two real stores through their proofs (core/store/log-proofs.ts), as
 * an archive moves them: the upgrade proof, then block proofs carrying only the nodes the
 * planner asked for, applied PROOF_WINDOW at a time. Every block arrives intact, for tree shapes
 * around the window size and for a log held only in part; a changed block is refused.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { randomBytes } from '../../../core/crypto/random.ts'
import { LogStore } from '../../../core/store/log-store.ts'
import { applyProof, blockProof, decodeBlock, decodeUpgrade, nodesToRoot, PROOF_WINDOW, ProofPlanner, upgradeProof } from '../../../core/store/log-proofs.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'

const tempDir = useTempDirs()
const key = randomBytes(32)

async function copy(length: number, count: number, tamper?: number): Promise<Uint8Array[]> {
  const root = tempDir()
  const a = await LogStore.open(path.join(root, 'a'), randomBytes(32))
  const b = await LogStore.open(path.join(root, 'b'), randomBytes(32))
  try {
    const log = await a.openDeviceLog('m-test')
    const blocks: Uint8Array[] = []
    for (let i = 0; i < length; i++) {
      const block = encodeBlock({ epoch: 0, kind: BlockKind.YjsUpdate, docId: 'member/x', payload: Uint8Array.of(i & 0xff, i >> 8) }, key)
      blocks.push(block)
      await log.append(block)
    }
    const src = await a.replicationSession(log.key)
    const signer = src.manifest?.signers[0]?.publicKey as Uint8Array
    const dst = await b.importSession(signer, log.key)
    await applyProof(dst, decodeUpgrade(await upgradeProof(src, length)))
    const planner = new ProofPlanner(length)
    for (let s = 0; s < count; s += PROOF_WINDOW) {
      const indexes = Array.from({ length: Math.min(PROOF_WINDOW, count - s) }, (_, k) => s + k)
      const nodes = planner.window(indexes)
      const proofs = await Promise.all(indexes.map(async (i, k) => {
        const p = decodeBlock(await blockProof(src, i, length, nodes[k]))
        const value = p.block.value as Uint8Array
        if (i === tamper) value[40] = (value[40] as number) ^ 1
        return p
      }))
      await Promise.all(proofs.map((p) => applyProof(dst, p)))
    }
    expect(dst.length).toBe(length)
    expect(dst.contiguousLength).toBe(count)
    const out: Uint8Array[] = []
    for (let i = 0; i < count; i++) out.push(new Uint8Array((await dst.get(i, { wait: false })) as Uint8Array))
    expect(out).toEqual(blocks.slice(0, count))
    return out
  } finally {
    await a.close()
    await b.close()
  }
}

describe('log proofs', () => {
  it.each([1, 2, 3, 7, 127, 128, 129, 300, 1000])('copies a log of %i blocks with planned proofs', async (n) => {
    expect(await copy(n, n)).toHaveLength(n)
  }, 30_000)

  it('copies a log held only in part (its signed length, its first blocks)', async () => {
    expect(await copy(300, 131)).toHaveLength(131)
  })

  it('plans fewer nodes than full proofs carry, never more', () => {
    const length = 16_711
    const planner = new ProofPlanner(length)
    let planned = 0
    let full = 0
    for (let s = 0; s < length; s += PROOF_WINDOW) {
      const indexes = Array.from({ length: Math.min(PROOF_WINDOW, length - s) }, (_, k) => s + k)
      planner.window(indexes).forEach((c, k) => {
        const all = nodesToRoot(indexes[k] as number, length)
        expect(c).toBeLessThanOrEqual(all)
        planned += c
        full += all
      })
    }
    expect(planned).toBeLessThan(full * 0.6)
  })

  it('refuses a changed block', async () => {
    await expect(copy(200, 200, 150)).rejects.toMatchObject({ code: 'ARCHIVE_CORRUPT' })
  })
})
