/**
 * Evidence of a rewrite whose two blocks are too large to carry whole (equivocation.ts,
 * FULL_EVIDENCE_MAX): it carries their leaves only, still proves the rewrite, and fits in one
 * governance event. Mallory's log is a real Hypercore in a real Corestore (fork-support.ts) and
 * she rewrites a block near the 1 MiB limit.
 */
import { describe, expect, it } from 'vitest'
import { checkEvidence, FULL_EVIDENCE_MAX } from '../../../core/group/equivocation.ts'
import { rewrittenLogs } from '../../../core/group/rewrite-view.ts'
import { BlockKind, encodeBlock, maxPayloadBytes } from '../../../core/store/block-codec.ts'
import { decodeSignedState, encodeSignedState } from '../../../core/store/tree-proof.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { useForkFixtures } from './fork-support.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'

const { forkedGroup } = useForkFixtures()

describe('evidence of a rewrite of very large blocks', () => {
  it('carries leaves only, verifies, fits in a governance event and freezes the log', async () => {
    const rnd = seededRandom(testSeed())
    const big = (m: GroupSpace): (() => Promise<void>) => async () => {
      const epoch = m.currentEpoch
      const payload = rnd.bytes(maxPayloadBytes('m') - 16)
      await m.own.append(encodeBlock({ epoch, kind: BlockKind.YjsUpdate, docId: 'm', payload }, m.epochKey(epoch)))
    }
    const f = await forkedGroup(rnd, 'member', (m) => big(m)(), (m) => big(m)())
    const a = decodeSignedState(Buffer.from(f.evidence.a, 'base64'))
    const b = decodeSignedState(Buffer.from(f.evidence.b, 'base64'))
    expect(a.block?.leaf).toBeDefined()
    expect(b.block?.leaf).toBeDefined()
    expect(f.evidence.a.length + f.evidence.b.length).toBeLessThan(20_000)
    expect(checkEvidence(f.evidence)?.index).toBe(f.index)

    // Carried whole, the two blocks alone would pass what one governance event can hold.
    expect((f.first[f.index] as Uint8Array).length + (f.second[f.index] as Uint8Array).length).toBeGreaterThan(FULL_EVIDENCE_MAX)

    // A changed leaf hash, or the same leaf twice, proves nothing.
    const tampered = decodeSignedState(Buffer.from(f.evidence.a, 'base64'))
    tampered.block?.leaf?.hash.set([(tampered.block.leaf.hash[0] as number) ^ 1], 0)
    expect(checkEvidence({ ...f.evidence, a: Buffer.from(encodeSignedState(tampered)).toString('base64') })).toBeNull()
    expect(checkEvidence({ ...f.evidence, b: f.evidence.a })).toBeNull()

    expect(await f.alder.space.reportFork(f.evidence)).toBe(true)
    expect(f.alder.space.governance.frozen.get(f.mallory.log.key)).toBe(f.index)
    const [view] = rewrittenLogs(f.alder.space)
    expect(view?.versions.map((v) => v.block?.notCarried)).toEqual([true, true])
  })
})
