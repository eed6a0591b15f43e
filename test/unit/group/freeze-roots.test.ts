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
import { PIECES_MAX, rootsOver, sharedRoots, underRoots } from '../../../core/group/freeze-roots.ts'
import type { HypercoreSession, KeyPair, ProofNode } from '../../../core/store/holepunch.ts'
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

describe('two pieces of evidence of one log', () => {
  /** Versions of one log under one key pair: each a list of blocks, in a Corestore of its own. */
  async function writer(): Promise<{ key: () => string; kp: KeyPair; rnd: ReturnType<typeof seededRandom>; version(blocks: Uint8Array[]): Promise<HypercoreSession> }> {
    const rnd = seededRandom(testSeed())
    const kp = fastProvider.signKeyPairFromSeed(rnd.bytes(32))
    let key = ''
    return {
      kp,
      rnd,
      key: () => key,
      version: async (blocks) => {
        const core = store().get({ manifest: { version: 1, signers: [{ publicKey: kp.publicKey }] } })
        await core.ready()
        for (const b of blocks) await core.append(b, { keyPair: kp })
        key = Buffer.from(core.key as Uint8Array).toString('hex')
        return core
      },
    }
  }

  it('contest each other when their shared roots are different nodes over the same blocks (node 3 against node 1)', async () => {
    const w = await writer()
    const A = Array.from({ length: 6 }, () => w.rnd.bytes(20))
    const C = Array.from({ length: 3 }, () => w.rnd.bytes(20))
    const [a1, a2] = [await w.version(A), await w.version([...A.slice(0, 5), w.rnd.bytes(20)])]
    const [c1, c2] = [await w.version(C), await w.version([...C.slice(0, 2), w.rnd.bytes(20)])]
    const mk = async (x: HypercoreSession, y: HypercoreSession, i: number): Promise<ForkEvidence> =>
      makeEvidence(w.key(), w.kp.publicKey, i, await readSignedState(x, null), await readSignedState(y, null), encodeSignedState) as ForkEvidence
    const honest = await mk(a1, a2, 4)
    const fabricated = await mk(c1, c2, 2)
    expect([!!checkEvidence(honest), !!checkEvidence(fabricated)], `seed ${testSeed()}`).toEqual([true, true])
    // Alone, each proves its own tree: node 3 (blocks 0..3) and node 1 (blocks 0..1).
    expect([sharedRoots(w.key(), [honest]).map((r) => r.index), sharedRoots(w.key(), [fabricated]).map((r) => r.index)]).toEqual([[3], [1]])
    // Together nothing: which tree honest copies hold cannot be told from the evidence.
    expect(sharedRoots(w.key(), [honest, fabricated])).toEqual([])
    expect(sharedRoots(w.key(), [fabricated, honest])).toEqual([])
  })

  it('count once however many copies of one body are carried, and past PIECES_MAX distinct bodies rescue nothing', async () => {
    const w = await writer()
    const A = Array.from({ length: 6 }, () => w.rnd.bytes(20))
    const [a1, a2] = [await w.version(A), await w.version([...A.slice(0, 5), w.rnd.bytes(20)])]
    const ev = makeEvidence(w.key(), w.kp.publicKey, 4, await readSignedState(a1, null), await readSignedState(a2, null), encodeSignedState) as ForkEvidence
    const one = sharedRoots(w.key(), [ev])
    expect(one.map((r) => r.index)).toEqual([3])
    // Thousands of copies (the writer can carry them in a log of her own) are one piece.
    expect(sharedRoots(w.key(), Array.from({ length: 4000 }, () => ({ ...ev })))).toEqual(one)
    // More distinct bodies than honest members would ever report of one log: nothing rescued.
    const others = Array.from({ length: PIECES_MAX }, (_, k) => ({ ...ev, index: ev.index + 1 + k }))
    expect(sharedRoots(w.key(), [ev, ...others.slice(1)]).map((r) => r.index)).toEqual([3])
    expect(sharedRoots(w.key(), [ev, ...others])).toEqual([])
  })
})
