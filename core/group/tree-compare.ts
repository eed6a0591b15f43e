/**
 * Two versions of a device log at one length become evidence (issue 14, one history). The wire is
 * core/net/tree-exchange.ts: members compare each log's signed tree hash at the length they hold;
 * where two differ at one fork and length, the remote's signed state at that length arrives here.
 * It is checked against the log's signer (tree-proof.ts), set beside this device's own state at
 * the same length, and the pair goes to GroupSpace.reportFork as a `log.fork` event, the two-trees
 * rule of equivocation.ts: frozen at the first block of the leftmost root that differs, the same
 * on every honest peer. Hypercore alone would notice only once the writer appended again.
 *
 * Each state carries its block at the freeze index when its holder has it and it is at most
 * BLOCK_CARRY bytes (a larger one as its leaf), so the facilitators' review shows both versions.
 */
import type { HypercoreSession, ProofNode } from '../store/holepunch.ts'
import { decodeSignedState, encodeSignedState, leafOnly, readSignedStateAt, treeHashOf, verifySignedState, type SignedState } from '../store/tree-proof.ts'
import type { TreeDigest, TreeSide } from '../net/tree-exchange.ts'
import { makeEvidence, treesPart, type ForkEvidence } from './equivocation.ts'

/** Past this a block travels as its leaf: the evidence stays small and the review says "not carried". */
export const BLOCK_CARRY = 64 * 1024

export interface TreeCompareHost {
  /** The replication session of a log this device holds, if any. */
  session(log: string): HypercoreSession | undefined
  logs(): Iterable<string>
  report(evidence: ForkEvidence): Promise<unknown>
  refused?(code: string, sent: boolean): void
}

export class TreeCompare implements TreeSide {
  private readonly memo = new Map<string, { fork: number; length: number; roots: ProofNode[] }>()

  constructor(private readonly host: TreeCompareHost) {}

  logs(): Iterable<string> {
    return this.host.logs()
  }

  async digest(log: string): Promise<TreeDigest | null> {
    const s = this.open(log)
    if (!s || s.length === 0) return null
    const { fork, length } = s
    const roots = await this.roots(log, length)
    return roots ? { fork, length, hash: treeHashOf(roots) } : null
  }

  /** Our roots at `length` (kept per log for the length last asked: digests repeat it). */
  async roots(log: string, length: number): Promise<ProofNode[] | null> {
    const s = this.open(log)
    if (!s || length < 1 || s.length < length) return null
    const known = this.memo.get(log)
    if (known && known.fork === s.fork && known.length === length) return known.roots
    try {
      const up = await s.proof({ upgrade: { start: 0, length } })
      if (!up.upgrade) return null
      this.memo.set(log, { fork: up.fork, length, roots: up.upgrade.nodes })
      return up.upgrade.nodes
    } catch {
      return null
    }
  }

  async answer(log: string, length: number, theirRoots: ProofNode[]): Promise<Uint8Array | null> {
    const s = this.open(log)
    if (!s || s.length < length) return null
    try {
      const plain = await readSignedStateAt(s, length, null)
      const index = treesPart(plain, { ...plain, roots: theirRoots })
      return encodeSignedState(index === null ? plain : await this.withBlock(s, length, index, plain))
    } catch {
      return null
    }
  }

  async differs(log: string, length: number, bytes: Uint8Array): Promise<boolean> {
    let theirs: SignedState
    try {
      theirs = decodeSignedState(bytes)
    } catch {
      return false
    }
    const s = this.open(log)
    const signer = s?.manifest?.signers[0]?.publicKey
    if (!s || !signer) return true
    if ((theirs.at ?? theirs.length) !== length || !verifySignedState(Buffer.from(log, 'hex'), signer, theirs)) return false
    if (s.length < length) return true
    try {
      const plain = await readSignedStateAt(s, length, null)
      if (plain.fork !== theirs.fork) return true // a later fork: Hypercore's own reorg handles it
      const index = treesPart(plain, theirs)
      if (index === null) return true
      // The remote picked its block from roots we sent unsigned; one elsewhere proves nothing here.
      if (theirs.block && theirs.block.index !== index) theirs = { ...theirs, block: null }
      const ours = await this.withBlock(s, length, index, plain)
      const evidence = makeEvidence(log, signer, index, ours, theirs, encodeSignedState)
      if (evidence) await this.host.report(evidence)
      return true
    } catch {
      return true
    }
  }

  refused(code: string, sent: boolean): void {
    this.host.refused?.(code, sent)
  }

  private open(log: string): HypercoreSession | null {
    const s = this.host.session(log)
    return s && !s.closed ? s : null
  }

  /** The state carrying block `index` when held here, as its leaf past BLOCK_CARRY. */
  private async withBlock(s: HypercoreSession, length: number, index: number, plain: SignedState): Promise<SignedState> {
    if ((await s.get(index, { wait: false })) === null) return plain
    const st = await readSignedStateAt(s, length, index)
    return st.block && st.block.value.length > BLOCK_CARRY ? leafOnly(st) : st
  }
}
