/**
 * A restore that meets another version of a log: this store already holds a copy of the log
 * (left by an earlier restore of the same group) whose blocks disagree with the archive's. Both
 * versions are signed by the log's writer, so together they are evidence of a rewrite
 * (core/group/equivocation.ts), which the restore writes as `log.fork` rather than failing.
 *
 * The copy's version is read from a snapshot taken before any of the archive's proofs were
 * applied (Hypercore may reorganise the copy to the archive's later fork). The archive's version
 * is its signed upgrade (roots, length, fork, signature) and the block where they part, with its
 * Merkle path computed from the archive's own blocks of the log (the block proofs an archive
 * carries are trimmed to what a reader applying them in order lacks, core/store/log-proofs.ts).
 */
import type { HypercoreSession, TreeProof } from '../store/holepunch.ts'
import { encodeSignedState, pathFromBlocks, readSignedState, type SignedState } from '../store/tree-proof.ts'
import { makeEvidence, type ForkEvidence } from '../group/equivocation.ts'

const same = (x: Uint8Array, y: Uint8Array): boolean => Buffer.from(x).equals(Buffer.from(y))

/** The archive's signed state of a log, with block `index` if it holds one. Null if the upgrade is not a plain one. */
function archiveState(upgrade: TreeProof, blocks: readonly Uint8Array[], index: number): SignedState | null {
  const u = upgrade.upgrade
  if (!u || u.start !== 0 || u.additionalNodes.length || u.length !== blocks.length) return null
  const block = index < blocks.length ? { index, value: blocks[index] as Uint8Array, nodes: pathFromBlocks(blocks, index) } : null
  return { fork: upgrade.fork, length: u.length, roots: u.nodes, signature: u.signature, block }
}

/**
 * Evidence that `held` (a snapshot of the store's copy from before the restore touched it) and
 * the archive's version of log `key` disagree, or null when one is a prefix of the other.
 */
export async function archiveFork(key: string, signer: Uint8Array, held: HypercoreSession, upgrade: TreeProof, blocks: readonly Uint8Array[]): Promise<ForkEvidence | null> {
  const shared = Math.min(held.length, blocks.length)
  let index = -1
  for (let i = 0; i < shared && index < 0; i++) {
    const mine = await held.get(i, { wait: false }).catch(() => null)
    if (mine && !same(mine, blocks[i] as Uint8Array)) index = i
  }
  // No block differs: a version that is shorter and of a later fork took the rest back.
  if (index < 0) index = shared
  if (index >= held.length && index >= blocks.length) return null
  const theirs = archiveState(upgrade, blocks, index)
  if (!theirs) return null
  const mine = await readSignedState(held, index < held.length ? index : null).catch(() => null)
  if (!mine) return null
  return makeEvidence(key, signer, index, mine, theirs, encodeSignedState)
}
