/**
 * Which roots a block below a freeze is checked against (core/group/freeze-roots.ts), for the
 * evidence kind whose two states have different lengths: a later fork that took a block back.
 * A real Hypercore in a real Corestore on a temp folder: six blocks signed at fork 0, then the
 * last taken back (fork 1, length 5). The roots at 6 are nodes 3 (blocks 0..3) and 9 (4..5), at 5
 * nodes 3 and 8 (block 4): only node 3 is carried by both, so blocks 0..3 are rescued and block 4,
 * below the freeze at 5 but under a root one state carries alone, is not (a stated limit).
 */
import { describe, expect, it } from 'vitest'
import { fastProvider } from '../../../core/crypto/provider-sodium.ts'
import { checkEvidence, makeEvidence, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { rootsOver, sharedRoots, underRoots } from '../../../core/group/freeze-roots.ts'
import type { KeyPair, ProofNode } from '../../../core/store/holepunch.ts'
import { encodeSignedState, readSignedState } from '../../../core/store/tree-proof.ts'
import { useCorestores } from '../../helpers/corestores.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'

const store = useCorestores()

describe('the roots a block below a freeze climbs to', () => {
  it('are those both states carry alike, when a later fork took a block back', async () => {
    const seed = testSeed()
    const rnd = seededRandom(seed)
    const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
    const core = store().get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
    await core.ready()
    const blocks = Array.from({ length: 6 }, () => rnd.bytes(40))
    for (const b of blocks) await core.append(b, { keyPair: kp })
    const paths: ProofNode[][] = []
    for (let i = 0; i < 5; i++) paths.push((await core.proof({ block: { index: i, nodes: i < 4 ? 2 : 1 } })).block?.nodes as ProofNode[])
    const a = await readSignedState(core, 5)
    await (core as unknown as { truncate(n: number, o: { keyPair: KeyPair }): Promise<void> }).truncate(5, { keyPair: kp })
    const b = await readSignedState(core, null)
    const key = Buffer.from(core.key as Uint8Array).toString('hex')
    const ev = makeEvidence(key, kp.publicKey, 5, a, b, encodeSignedState) as ForkEvidence
    expect(checkEvidence(ev), `seed ${seed}`).not.toBeNull()

    const roots = sharedRoots(key, [ev])
    expect(roots.map((r) => r.index), `seed ${seed}`).toEqual([3])
    for (let i = 0; i < 4; i++) {
      expect(rootsOver(i, roots)[0]?.index, `seed ${seed}`).toBe(3)
      expect(underRoots(i, blocks[i] as Uint8Array, paths[i] as ProofNode[], roots), `seed ${seed} block ${i}`).toBe(true)
    }
    // Block 4 is the same in both versions, and its path is true, but it climbs to node 8 (or 9):
    // a root one state carries alone.
    expect(rootsOver(4, roots), `seed ${seed}`).toEqual([])
    expect(underRoots(4, blocks[4] as Uint8Array, paths[4] as ProofNode[], roots), `seed ${seed}`).toBe(false)
    // Another log's evidence gives no roots for this one.
    expect(sharedRoots('00'.repeat(32), [ev]), `seed ${seed}`).toEqual([])
  })
})
