/**
 * A signed state of a device log, checked with no store at all: the writer's signature over the
 * roots of its Hypercore Merkle tree at one length and fork, and optionally one block with the
 * tree nodes from that block up to one of those roots. Two such states of one log that disagree
 * about a block are what core/group/equivocation.ts calls evidence.
 *
 * Encoding, version 1 (little-endian; a node is index u64, size u64, hash 32 bytes = 48 bytes,
 * a u64 as two u32, low first; as core/store/log-proofs.ts):
 *   v u8 = 1, fork u32, length u32, n u32, n root nodes, sigLen u32, signature,
 *   hasBlock u8 (0 | 1 | 2), then
 *     if 1 (the block whole): index u32, valueLen u32, value, m u32, m path nodes
 *     if 2 (the block's leaf only, for blocks too large to carry): index u32, size u32,
 *           leaf hash 32 bytes (Hypercore's hash of the block), m u32, m path nodes
 * The leaf form proves the same thing — the path climbs from the leaf either way — but cannot
 * show the words; two versions differ when their leaves (size and hash) differ. Readers from
 * before the leaf form refuse it as malformed.
 *
 * Encoding, version 2: the state as a Hypercore upgrade proof from 0 to a shorter length `at`
 * (what Hypercore's `conflict` event carries): the roots at `at`, the additional nodes that grow
 * them to the signed length, and the signature at the signed length.
 *   v u8 = 2, fork u32, length u32 (signed), at u32 (1 ≤ at ≤ length), n u32, n roots at `at`,
 *   k u32, k additional nodes, sigLen u32, signature, hasBlock u8 (0 | 1 | 2) and the block as
 *   in version 1, its path climbing to one of the roots at `at`.
 * A state whose `at` is its length and that has no additional nodes is written as version 1, so
 * evidence made before version 2 keeps its bytes. The additional nodes are checked with
 * Hypercore's own upgrade check (`MerkleTree.verifyFullyRemote`, as its `checkConflict` does).
 *
 * Hashes and the signed message are Hypercore's own (hypercore-crypto, its `caps.treeSignable`
 * through its Verifier), taken from the pinned hypercore 11.37.1's own dependencies, so "signed"
 * means exactly what replication accepts. Only the roots and the path are checked here; the
 * signer's key must hash to the log key (a log's key is the hash of its manifest).
 */
import { createRequire } from 'node:module'
import { errors } from '../errors.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import type { HypercoreSession, ProofNode, TreeProof } from './holepunch.ts'
import { nodesToRoot, readNodes, writeNodes } from './log-proofs.ts'

const VERSION = 1
const VERSION_AT = 2
/** Hearth blocks are at most 1 MiB; a tree of 2^32 leaves has at most 32 roots and 32 path nodes. */
const MAX_VALUE = 1024 * 1024
const MAX_NODES = 64

const hcRequire = createRequire(createRequire(import.meta.url).resolve('hypercore'))
const hc = {
  crypto: hcRequire('hypercore-crypto') as {
    data(value: Uint8Array): Uint8Array
    parent(a: ProofNode, b: ProofNode): Uint8Array
    tree(roots: ProofNode[]): Uint8Array
  },
  flat: hcRequire('flat-tree') as { fullRoots(index: number): number[]; leftSpan(index: number): number; rightSpan(index: number): number; sibling(index: number): number; parent(index: number): number; children(index: number): [number, number] | null },
  caps: hcRequire('./lib/caps.js') as { treeSignable(manifestHash: Uint8Array, treeHash: Uint8Array, length: number, fork: number): Uint8Array },
  merkle: hcRequire('./lib/merkle-tree.js') as {
    MerkleTree: { verifyFullyRemote(session: object, proof: object): { length: number; roots: ProofNode[] } }
  },
  Verifier: hcRequire('./lib/verifier.js') as {
    fromManifest(m: { version: 1; signers: { publicKey: Uint8Array }[] }): {
      manifestHash: Uint8Array
      verify(batch: { length: number; fork: number; signable(ctx: Uint8Array): Uint8Array }, signature: Uint8Array): boolean
    }
  },
}

export interface SignedState {
  fork: number
  /** The signed length. */
  length: number
  /** The roots at `at` (at the signed length when `at` is absent). */
  roots: ProofNode[]
  signature: Uint8Array
  /** Version 2: the length whose roots are carried, and the nodes from there to the signed length. */
  at?: number
  additional?: ProofNode[]
  /** `leaf` set: the leaf-only form, `value` is then empty (not carried). */
  block: { index: number; value: Uint8Array; leaf?: { size: number; hash: Uint8Array }; nodes: ProofNode[] } | null
}

const buf = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.length)

/** The signed state of `core` at its own length now, with block `index` and its path if given. */
export async function readSignedState(core: HypercoreSession, index: number | null): Promise<SignedState> {
  const length = core.length
  const up = await core.proof({ upgrade: { start: 0, length } })
  if (!up.upgrade || up.upgrade.additionalNodes.length) throw errors.INTERNAL('the log gave no plain upgrade proof')
  const state: SignedState = { fork: up.fork, length, roots: up.upgrade.nodes, signature: up.upgrade.signature, block: null }
  if (index === null) return state
  const p = await core.proof({ block: { index, nodes: nodesToRoot(index, length) } })
  if (!p.block?.value || p.fork !== up.fork) throw errors.INTERNAL(`the log gave no proof for block ${index}`)
  state.block = { index, value: p.block.value, nodes: p.block.nodes }
  return state
}

/**
 * The signed state of `core` (its signed length now) carrying its roots at `at`: the form to set
 * beside the other side of a Hypercore conflict, whose proof holds the roots at that length.
 */
export async function readSignedStateAt(core: HypercoreSession, at: number, index: number | null): Promise<SignedState> {
  const up = await core.proof({ upgrade: { start: 0, length: at } })
  if (!up.upgrade) throw errors.INTERNAL('the log gave no upgrade proof')
  const state: SignedState = { fork: up.fork, length: core.length, roots: up.upgrade.nodes, signature: up.upgrade.signature, at, additional: up.upgrade.additionalNodes, block: null }
  if (index === null) return state
  const p = await core.proof({ block: { index, nodes: nodesToRoot(index, at) } })
  if (!p.block?.value || p.fork !== up.fork) throw errors.INTERNAL(`the log gave no proof for block ${index}`)
  state.block = { index, value: p.block.value, nodes: p.block.nodes }
  return state
}

/**
 * The other side of a Hypercore `conflict` event (its proof's upgrade from 0), as a state, or null
 * when it is not one. Its signed length is found by growing its roots with the additional nodes.
 */
export function stateFromUpgrade(proof: TreeProof): SignedState | null {
  const up = proof.upgrade
  if (!up || up.start !== 0 || up.length < 1 || !up.signature) return null
  const s: SignedState = { fork: proof.fork, length: up.length, roots: up.nodes, signature: up.signature, at: up.length, additional: up.additionalNodes, block: null }
  const full = grown(s)
  return full ? { ...s, length: full.length } : null
}

/** The roots at the signed length, grown from the roots at `at` by Hypercore's own upgrade check; null when they do not fit. */
function grown(s: SignedState): { length: number; roots: ProofNode[] } | null {
  const at = s.at ?? s.length
  const expected = at === 0 ? [] : hc.flat.fullRoots(2 * at)
  if (expected.length !== s.roots.length || expected.some((index, i) => s.roots[i]?.index !== index)) return null
  if (!s.additional?.length) return { length: at, roots: s.roots }
  if (at === 0) return null
  const empty = { fork: 0, roots: [], length: 0, signature: null, byteLength: 0, prologue: null, storage: null }
  const proof = { fork: s.fork, block: null, hash: null, seek: null, manifest: null, upgrade: { start: 0, length: at, nodes: s.roots, additionalNodes: s.additional, signature: s.signature } }
  const batch = hc.merkle.MerkleTree.verifyFullyRemote(empty, proof)
  return { length: batch.length, roots: batch.roots }
}

/** Hypercore's hash of a tree by its roots: what a signature at that length signs (with the length and fork). */
export function treeHashOf(roots: ProofNode[]): Uint8Array {
  return hc.crypto.tree(roots)
}

/** The first block under a tree node: where the range a root covers starts. */
export function firstLeaf(node: number): number {
  return hc.flat.leftSpan(node) / 2
}

export function encodeSignedState(s: SignedState): Uint8Array {
  const at = s.at ?? s.length
  const v2 = at !== s.length || (s.additional?.length ?? 0) > 0
  const w = new ByteWriter().u8(v2 ? VERSION_AT : VERSION).u32(s.fork).u32(s.length)
  if (v2) w.u32(at)
  writeNodes(w, s.roots)
  if (v2) writeNodes(w, s.additional ?? [])
  w.bytes32(s.signature).u8(s.block ? (s.block.leaf ? 2 : 1) : 0)
  if (s.block?.leaf) {
    w.u32(s.block.index).u32(s.block.leaf.size).raw(s.block.leaf.hash)
    writeNodes(w, s.block.nodes)
  } else if (s.block) {
    w.u32(s.block.index).bytes32(s.block.value)
    writeNodes(w, s.block.nodes)
  }
  return w.done()
}

/** The leaf of a state's block, whole or leaf-only: Hypercore's size and hash of it. */
export function leafOf(block: NonNullable<SignedState['block']>): { size: number; hash: Uint8Array } {
  return block.leaf ?? { size: block.value.length, hash: hc.crypto.data(block.value) }
}

/** The same state with its block as a leaf only (hasBlock 2): a few hundred bytes whatever the block's size. */
export function leafOnly(s: SignedState): SignedState {
  if (!s.block) return s
  return { ...s, block: { index: s.block.index, value: new Uint8Array(0), leaf: leafOf(s.block), nodes: s.block.nodes } }
}

/**
 * The tree nodes from block `index` up to its root, computed from every block of the log (an
 * archive holds them all, core/archive/archive-fork.ts): the same path Hypercore's own proof
 * would give for a log of `values.length` blocks.
 */
export function pathFromBlocks(values: readonly Uint8Array[], index: number): ProofNode[] {
  const roots = new Set(hc.flat.fullRoots(2 * values.length))
  const memo = new Map<number, ProofNode>()
  const node = (i: number): ProofNode => {
    const known = memo.get(i)
    if (known) return known
    const kids = i % 2 === 0 ? null : hc.flat.children(i)
    let n: ProofNode
    if (!kids) {
      const v = values[i / 2] as Uint8Array
      n = { index: i, size: v.length, hash: hc.crypto.data(v) }
    } else {
      const [l, r] = [node(kids[0]), node(kids[1])]
      n = { index: i, size: l.size + r.size, hash: hc.crypto.parent(l, r) }
    }
    memo.set(i, n)
    return n
  }
  const path: ProofNode[] = []
  for (let cur = 2 * index; !roots.has(cur); cur = hc.flat.parent(cur)) path.push(node(hc.flat.sibling(cur)))
  return path
}

const bad = (): ReturnType<typeof errors.BLOCK_MALFORMED> => errors.BLOCK_MALFORMED('a signed log state is malformed')

/** Throws BLOCK_MALFORMED for anything that is not a version-1 or version-2 signed state. */
export function decodeSignedState(bytes: Uint8Array): SignedState {
  const r = new ByteReader(bytes, bad)
  const v = r.u8()
  if (v !== VERSION && v !== VERSION_AT) throw bad()
  const fork = r.u32()
  const length = r.u32()
  const at = v === VERSION_AT ? r.u32() : length
  if (v === VERSION_AT && (at < 1 || at > length)) throw bad()
  const roots = readNodes(r, MAX_NODES, bad)
  const additional = v === VERSION_AT ? readNodes(r, MAX_NODES, bad) : []
  const signature = buf(r.bytes32())
  const has = r.u8()
  if (has > 2) throw bad()
  let block: SignedState['block'] = null
  if (has === 1) {
    const index = r.u32()
    const value = buf(r.bytes32())
    if (value.length > MAX_VALUE) throw bad()
    block = { index, value, nodes: readNodes(r, MAX_NODES, bad) }
  } else if (has === 2) {
    const index = r.u32()
    const size = r.u32()
    const hash = buf(r.raw(32))
    block = { index, value: new Uint8Array(0), leaf: { size, hash }, nodes: readNodes(r, MAX_NODES, bad) }
  }
  r.end()
  return v === VERSION_AT ? { fork, length, roots, signature, at, additional, block } : { fork, length, roots, signature, block }
}

/**
 * Whether `s` is a state the owner of `logKey` (Hypercore signer `signer`) signed: the roots are
 * exactly the full roots of `at` (its length in version 1), they grow through the additional
 * nodes to the full roots of its signed length, whose tree hash is signed for that length and
 * fork, and the block, if any, climbs through its path to one of the roots at `at`. Never throws.
 */
export function verifySignedState(logKey: Uint8Array, signer: Uint8Array, s: SignedState): boolean {
  try {
    const verifier = hc.Verifier.fromManifest({ version: 1, signers: [{ publicKey: buf(signer) }] })
    if (!buf(verifier.manifestHash).equals(buf(logKey))) return false
    const full = grown(s)
    if (!full || full.length !== s.length) return false
    const treeHash = hc.crypto.tree(full.roots)
    const batch = { length: s.length, fork: s.fork, signable: (ctx: Uint8Array) => hc.caps.treeSignable(ctx, treeHash, s.length, s.fork) }
    if (!verifier.verify(batch, buf(s.signature))) return false
    if (!s.block) return true
    if (s.block.index >= (s.at ?? s.length)) return false
    const leaf = leafOf(s.block)
    let node: ProofNode = { index: 2 * s.block.index, size: leaf.size, hash: leaf.hash }
    for (const sib of s.block.nodes) {
      if (sib.index !== hc.flat.sibling(node.index)) return false
      node = { index: hc.flat.parent(node.index), size: node.size + sib.size, hash: hc.crypto.parent(node, sib) }
    }
    const root = s.roots.find((r) => r.index === node.index)
    return root !== undefined && root.size === node.size && buf(root.hash).equals(buf(node.hash))
  } catch {
    return false
  }
}

/**
 * The tree node reached by climbing from block `index` (its bytes `value`) through `path`, each
 * node the sibling of the one before, with Hypercore's hashes; null when a node is not that
 * sibling. What core/net/below-freeze.ts checks a block against (a root of signed evidence).
 */
export function climb(index: number, value: Uint8Array, path: readonly ProofNode[]): ProofNode | null {
  let node: ProofNode = { index: 2 * index, size: value.length, hash: hc.crypto.data(value) }
  for (const sib of path) {
    if (sib.index !== hc.flat.sibling(node.index)) return null
    node = { index: hc.flat.parent(node.index), size: node.size + sib.size, hash: hc.crypto.parent(node, sib) }
  }
  return node
}

/** How many path nodes lie between a leaf and the tree node `root` above it (its depth). */
export function depthOf(root: number): number {
  let d = 0
  while (Math.floor(root / 2 ** d) % 2 === 1) d++
  return d
}

/** The last block under a tree node. */
export function lastLeaf(node: number): number {
  return hc.flat.rightSpan(node) / 2
}
