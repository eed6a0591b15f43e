/**
 * What a block below a freeze is checked against when it comes from a peer rather than through
 * Hypercore (core/net/below-freeze.ts): the roots both signed states of a piece of accepted
 * evidence (equivocation.ts) carry alike.
 *
 * Why those roots. A root node's hash covers every block under it, and the evidence's signature
 * covers its roots. A root both versions carry alike (same tree index, size and hash) covers the
 * same blocks in both, so a block that climbs to it is the one every honest copy holds, whichever
 * version it took: the sender is not trusted, and Mallory cannot slip in a third version there
 * (a new block would need a new tree hash, which no signed state in the evidence carries).
 *   - Two trees at one fork (what a conflict leaves): both states carry their roots at one length
 *     and the evidence's index is the first block of the leftmost root that differs, so the equal
 *     roots cover exactly the blocks below the index.
 *   - One block against another, or a later fork that took it back: the two states may be of
 *     different lengths, whose roots are different tree nodes; only roots present in both count.
 *     Blocks under a root one of them carries alone are not rescued (a signed root of one version
 *     alone would let that version's writer choose what a newcomer gets).
 * Only blocks below the log's freeze are ever asked for or served, whatever a root covers.
 *
 * What the evidence does not prove: that honest copies hold either of its versions (its writer
 * signed both; validity is the body alone). So a root two pieces of evidence of one log call
 * shared over the same blocks with different trees counts for neither (`sharedRoots`), and the
 * asker checks a block against its own copy's signed tree too, where it has one (frozen-rescue.ts).
 */
import type { ProofNode } from '../store/holepunch.ts'
import { climb, firstLeaf, lastLeaf } from '../store/tree-proof.ts'
import { checkEvidence, type ForkEvidence } from './equivocation.ts'

/** Distinct pieces of evidence of one log past which nothing of it is rescued (see sharedRoots). */
export const PIECES_MAX = 16

const same = (x: ProofNode, y: ProofNode): boolean => x.index === y.index && x.size === y.size && Buffer.from(x.hash).equals(Buffer.from(y.hash))

/**
 * The roots both states of every valid piece of evidence of `log` carry alike, deduplicated; but
 * not a root that overlaps a shared root of another piece of evidence without being the same node.
 * Evidence is valid by its body alone, so the log's writer can sign two more versions that agree
 * with each other over blocks no honest copy holds and get that pair replayed too: two pieces of
 * evidence then each call a different tree "shared" over the same blocks, and nothing here can
 * tell which one honest copies hold. Such a contested range rescues nothing (fail safe: the
 * newcomer waits, as before the exchange, rather than take a history no other member has).
 */
export function sharedRoots(log: string, reports: Iterable<ForkEvidence>): ProofNode[] {
  // Copies of one body are one piece: the writer can carry thousands, and the comparison below is
  // quadratic in the pieces. Honest members report one or two distinct pairs of a log; more than
  // PIECES_MAX is a writer signing pairs on purpose, and rescues nothing (fail safe).
  const bodies = new Map<string, ForkEvidence>()
  for (const ev of reports) if (ev.log === log) bodies.set(`${ev.index}|${ev.a}|${ev.b}`, ev)
  if (bodies.size > PIECES_MAX) return []
  const each: ProofNode[][] = []
  for (const ev of bodies.values()) {
    const c = checkEvidence(ev)
    if (c) each.push(c.a.roots.filter((r) => c.b.roots.some((o) => same(r, o))))
  }
  const out: ProofNode[] = []
  each.forEach((mine, i) => {
    for (const r of mine) {
      const contested = each.some((other, j) => j !== i && other.some((o) => overlaps(r, o) && !same(r, o)))
      if (!contested && !out.some((o) => same(r, o))) out.push(r)
    }
  })
  return out
}

/** Whether two tree nodes cover a block in common. */
function overlaps(x: ProofNode, y: ProofNode): boolean {
  return firstLeaf(x.index) <= lastLeaf(y.index) && firstLeaf(y.index) <= lastLeaf(x.index)
}

/**
 * Where the log is proven to reach from block 0 by `roots`: the end of the run of blocks from 0
 * that they cover without a gap (both signed states of the evidence hold those blocks).
 */
export function provenEnd(roots: readonly ProofNode[]): number {
  let end = 0
  for (;;) {
    const next = roots.find((r) => firstLeaf(r.index) === end)
    if (!next) return end
    end = lastLeaf(next.index) + 1
  }
}

/** Whether block `index` (bytes `value`, sibling path `path`) climbs to one of `roots`. */
export function underRoots(index: number, value: Uint8Array, path: readonly ProofNode[], roots: readonly ProofNode[]): boolean {
  const top = climb(index, value, path)
  return top !== null && roots.some((r) => same(r, top))
}

/** The shared roots over block `index`: the nodes its path may climb to (one, unless roots repeat a span). */
export function rootsOver(index: number, roots: readonly ProofNode[]): ProofNode[] {
  return roots.filter((r) => firstLeaf(r.index) <= index && index <= lastLeaf(r.index))
}
