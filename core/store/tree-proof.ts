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
 * Hashes and the signed message are Hypercore's own (hypercore-crypto, its `caps.treeSignable`
 * through its Verifier), taken from the pinned hypercore 11.37.1's own dependencies, so "signed"
 * means exactly what replication accepts. Only the roots and the path are checked here; the
 * signer's key must hash to the log key (a log's key is the hash of its manifest).
 */
import { createRequire } from 'node:module'
import { errors } from '../errors.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import type { HypercoreSession, ProofNode } from './holepunch.ts'
import { nodesToRoot, readNodes, writeNodes } from './log-proofs.ts'

const VERSION = 1
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
  flat: hcRequire('flat-tree') as { fullRoots(index: number): number[]; sibling(index: number): number; parent(index: number): number; children(index: number): [number, number] | null },
  caps: hcRequire('./lib/caps.js') as { treeSignable(manifestHash: Uint8Array, treeHash: Uint8Array, length: number, fork: number): Uint8Array },
  Verifier: hcRequire('./lib/verifier.js') as {
    fromManifest(m: { version: 1; signers: { publicKey: Uint8Array }[] }): {
      manifestHash: Uint8Array
      verify(batch: { length: number; fork: number; signable(ctx: Uint8Array): Uint8Array }, signature: Uint8Array): boolean
    }
  },
}

export interface SignedState {
  fork: number
  length: number
  roots: ProofNode[]
  signature: Uint8Array
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

export function encodeSignedState(s: SignedState): Uint8Array {
  const w = new ByteWriter().u8(VERSION).u32(s.fork).u32(s.length)
  writeNodes(w, s.roots)
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

/** Throws BLOCK_MALFORMED for anything that is not a version-1 signed state. */
export function decodeSignedState(bytes: Uint8Array): SignedState {
  const r = new ByteReader(bytes, bad)
  if (r.u8() !== VERSION) throw bad()
  const fork = r.u32()
  const length = r.u32()
  const roots = readNodes(r, MAX_NODES, bad)
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
  return { fork, length, roots, signature, block }
}

/**
 * Whether `s` is a state the owner of `logKey` (Hypercore signer `signer`) signed: the roots are
 * exactly the full roots of its length, their tree hash is signed for that length and fork, and
 * the block, if any, climbs through its path to one of those roots. Never throws.
 */
export function verifySignedState(logKey: Uint8Array, signer: Uint8Array, s: SignedState): boolean {
  try {
    const verifier = hc.Verifier.fromManifest({ version: 1, signers: [{ publicKey: buf(signer) }] })
    if (!buf(verifier.manifestHash).equals(buf(logKey))) return false
    const expected = s.length === 0 ? [] : hc.flat.fullRoots(2 * s.length)
    if (expected.length !== s.roots.length || expected.some((index, i) => s.roots[i]?.index !== index)) return false
    const treeHash = hc.crypto.tree(s.roots)
    const batch = { length: s.length, fork: s.fork, signable: (ctx: Uint8Array) => hc.caps.treeSignable(ctx, treeHash, s.length, s.fork) }
    if (!verifier.verify(batch, buf(s.signature))) return false
    if (!s.block) return true
    if (s.block.index >= s.length) return false
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
