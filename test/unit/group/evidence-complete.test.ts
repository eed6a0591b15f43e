/**
 * The other version's words join the evidence (evidence-complete.ts). Evidence that carries one
 * version's block, as a Hypercore conflict leaves it (two trees at one fork, the other side's
 * block never received), is completed by a peer holding the other version: it reports its own
 * block beside the carried one, the freeze index stays, and the report carries both blocks, so
 * the facilitators' review shows both. A peer holding the carried version adds nothing. Real
 * Hypercores in real Corestores; the space is a stand-in that keeps what is reported.
 */
import { describe, expect, it } from 'vitest'
import { bothBlocks, checkEvidence, freezes, makeEvidence, treesPart, type ForkEvidence } from '../../../core/group/equivocation.ts'
import { EvidenceCompletion } from '../../../core/group/evidence-complete.ts'
import type { GroupSpace } from '../../../core/group/group-space.ts'
import type { HypercoreSession } from '../../../core/store/holepunch.ts'
import { encodeSignedState, readSignedState } from '../../../core/store/tree-proof.ts'
import { useTwinCores } from './twin-cores.ts'

const { twins } = useTwinCores()

/** A space that knows one frozen log and its reports, and keeps what this peer reports. */
function spaceWith(ev: ForkEvidence | ForkEvidence[], reported: ForkEvidence[]): GroupSpace {
  const reports = Array.isArray(ev) ? ev : [ev]
  return {
    groupId: 'g', own: { key: 'f'.repeat(64) },
    governance: { frozen: freezes(reports), forkReports: reports },
    reportFork: async (e: ForkEvidence) => void reported.push(e),
  } as unknown as GroupSpace
}

/** A session that the completion may close without closing the reader the test keeps. */
const sessionOf = (r: HypercoreSession) => async (): Promise<HypercoreSession> => {
  const s = r.snapshot()
  await s.ready()
  return s
}

describe('evidence with one version’s block', () => {
  it('is completed by a holder of the other version, and by no one else', async () => {
    // Four shared blocks: the fifth, where they part, is a root of its own, so the freeze is there.
    const t = await twins(4)
    const plainB = await readSignedState(t.rb, null)
    const index = treesPart(await readSignedState(t.ra, null), plainB) as number
    const withA = await readSignedState(t.ra, index)
    const ev = makeEvidence(t.key, t.kp.publicKey, index, withA, plainB, encodeSignedState) as ForkEvidence
    expect(bothBlocks(ev)).toBe(false)

    const fromB: ForkEvidence[] = []
    await new EvidenceCompletion(spaceWith(ev, fromB), sessionOf(t.rb)).check()
    expect(fromB).toHaveLength(1)
    const added = fromB[0] as ForkEvidence
    expect(bothBlocks(added)).toBe(true)
    expect(freezes([added]).get(t.key)).toBe(index)
    const c = checkEvidence(added)
    expect([c?.a.block?.value, c?.b.block?.value].map((v) => Buffer.from(v ?? []).toString()).sort()).toEqual([
      Buffer.from((await t.ra.get(index, { wait: false })) ?? []).toString(),
      Buffer.from((await t.rb.get(index, { wait: false })) ?? []).toString(),
    ].sort())

    const fromA: ForkEvidence[] = []
    await new EvidenceCompletion(spaceWith(ev, fromA), sessionOf(t.ra)).check()
    expect(fromA).toEqual([])

    // Two reporters, each carrying its own version's block: a holder of either joins them, also
    // when it looked before the second report arrived (its own was the only one then).
    const withB = makeEvidence(t.key, t.kp.publicKey, index, await readSignedState(t.ra, null), await readSignedState(t.rb, index), encodeSignedState) as ForkEvidence
    const joined: ForkEvidence[] = []
    const reports = [ev]
    const space = spaceWith(reports, joined)
    const completion = new EvidenceCompletion(space, sessionOf(t.ra))
    await completion.check()
    expect(joined).toEqual([])
    reports.push(withB)
    ;(space.governance as unknown as { forkReports: ForkEvidence[] }).forkReports = reports
    await completion.check()
    expect(joined.map((e) => bothBlocks(e))).toEqual([true])
  })

  it('adds nothing where the freeze comes a root early and both hold the same block there', async () => {
    const t = await twins(5) // roots [0..3] and [4, 5]: frozen at 4, which both versions share
    const plainB = await readSignedState(t.rb, null)
    const index = treesPart(await readSignedState(t.ra, null), plainB) as number
    expect(index).toBe(4)
    const ev = makeEvidence(t.key, t.kp.publicKey, index, await readSignedState(t.ra, index), plainB, encodeSignedState) as ForkEvidence
    const fromB: ForkEvidence[] = []
    await new EvidenceCompletion(spaceWith(ev, fromB), sessionOf(t.rb)).check()
    expect(fromB).toEqual([])
  })
})
