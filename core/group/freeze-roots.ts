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
 */
import type { ProofNode } from '../store/holepunch.ts'
import { climb, firstLeaf, lastLeaf } from '../store/tree-proof.ts'
import { checkEvidence, type ForkEvidence } from './equivocation.ts'

const same = (x: ProofNode, y: ProofNode): boolean => x.index === y.index && x.size === y.size && Buffer.from(x.hash).equals(Buffer.from(y.hash))

/** The roots both states of every valid piece of evidence of `log` carry alike, deduplicated. */
export function sharedRoots(log: string, reports: Iterable<ForkEvidence>): ProofNode[] {
  const out: ProofNode[] = []
  for (const ev of reports) {
    if (ev.log !== log) continue
    const c = checkEvidence(ev)
    if (!c) continue
    for (const r of c.a.roots) if (c.b.roots.some((o) => same(r, o)) && !out.some((o) => same(r, o))) out.push(r)
  }
  return out
}

/** Whether block `index` (bytes `value`, sibling path `path`) climbs to one of `roots`. */
export function underRoots(index: number, value: Uint8Array, path: readonly ProofNode[], roots: readonly ProofNode[]): boolean {
  const top = climb(index, value, path)
  return top !== null && roots.some((r) => same(r, top))
}

/** The shared root over block `index`, if any: the node its path must climb to. */
export function rootOver(index: number, roots: readonly ProofNode[]): ProofNode | null {
  return roots.find((r) => firstLeaf(r.index) <= index && index <= lastLeaf(r.index)) ?? null
}
