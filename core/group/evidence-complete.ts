/**
 * The other version's words for the facilitators' review (issue 14). A Hypercore `conflict`
 * (fork-watch.ts) hands its reporter the other side's signed tree but never its block, so that
 * evidence carries one version's block and the review says the other is "not carried". A peer
 * that holds the other version at the freeze index adds it: its own signed state with its block
 * there, set beside the carried one, is evidence under the two-blocks rule (equivocation.ts),
 * which GroupSpace.reportFork takes as the report that adds both blocks. The freeze does not move
 * (the index is the same); only the review gains the words.
 *
 * Looked at when governance changed, again for a log only when a report was added since its last
 * verdict; nothing is written when this device holds only the carried blocks, or none there.
 */
import type { HypercoreSession } from '../store/holepunch.ts'
import { encodeSignedState, leafOnly, readSignedState, type SignedState } from '../store/tree-proof.ts'
import { bothBlocks, checkEvidence, makeEvidence } from './equivocation.ts'
import type { GroupSpace } from './group-space.ts'
import { BLOCK_CARRY } from './tree-compare.ts'

const same = (x: Uint8Array, y: Uint8Array): boolean => Buffer.from(x).equals(Buffer.from(y))

export class EvidenceCompletion {
  /** log → how many reports it had when decided: a later report (another version) is looked at again. */
  private readonly done = new Map<string, number>()
  private running = false
  private again = false

  /** `open`: a fresh session on this device's stored copy of a log (it may have been frozen). */
  constructor(private readonly space: GroupSpace, private readonly open: (log: string) => Promise<HypercoreSession>) {}

  async check(): Promise<void> {
    if (this.running) {
      // Governance moved while a look was under way: look once more when it ends.
      this.again = true
      return
    }
    this.running = true
    try {
      do {
        this.again = false
        await this.look()
      } while (this.again)
    } finally {
      this.running = false
    }
  }

  private async look(): Promise<void> {
    const gov = this.space.groupId ? this.space.governance : null
    if (!gov) return
    for (const [log, index] of gov.frozen) {
      const reports = gov.forkReports.filter((r) => r.log === log && r.index === index)
      if (this.done.get(log) === reports.length || log === this.space.own.key) continue
      // Every block the reports carry there, whole: each reporter carries its own version's.
      const carried = reports.flatMap((r) => {
        const c = checkEvidence(r)
        return c ? [c.a, c.b] : []
      }).filter((st) => st.block?.index === index && !st.block.leaf)
      if (!carried.length || reports.some((r) => bothBlocks(r)) || (await this.add(log, index, carried))) this.done.set(log, reports.length)
    }
  }

  /** True once decided (added, or nothing to add); false while this device lacks the block. */
  private async add(log: string, index: number, carried: SignedState[]): Promise<boolean> {
    const s = await this.open(log)
    try {
      const mine = s.length > index ? await s.get(index, { wait: false }) : null
      const signer = s.manifest?.signers[0]?.publicKey
      if (!mine || !signer) return false
      // A block unlike ours: the other version (when two reporters each carried their own, ours is among them).
      const other = carried.find((st) => st.block && !same(mine, st.block.value))
      if (!other) return true
      const own = await readSignedState(s, index)
      const evidence = makeEvidence(log, signer, index, other, mine.length > BLOCK_CARRY ? leafOnly(own) : own, encodeSignedState)
      if (evidence) await this.space.reportFork(evidence)
      return true
    } finally {
      await s.close().catch(() => undefined)
    }
  }
}
