/**
 * Moving a device log between stores without the network: Hypercore's own proofs, written out
 * and applied again. An archive (core/archive/) carries a log as one upgrade proof (the signed
 * tree roots at the log's length) and one proof per block (the block with the tree nodes up to
 * its root). Applying them on another computer checks every block against the log owner's
 * signature, so an archive cannot slip a forged block into a fellow member's log.
 *
 * Encoding, version 1 (little-endian; a node is index u64, size u64, hash 32 bytes = 48 bytes,
 * a u64 as two u32, low first):
 *   upgrade: fork u32, start u32, length u32, n u32, n nodes, m u32, m nodes, sigLen u32, signature
 *   block:   fork u32, index u32, valueLen u32, value, n u32, n nodes
 *
 * Hypercore's proof objects are its replication messages (hypercore 11.37.1, pinned); only
 * `proof()` and `applyProof()` of a session are used, never its storage.
 */
import { errors } from '../errors.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import type { HypercoreSession, ProofNode, TreeProof } from './holepunch.ts'

const bad = (): ReturnType<typeof errors.ARCHIVE_CORRUPT> => errors.ARCHIVE_CORRUPT('a log proof is malformed')
const TWO32 = 2 ** 32
/** Hypercore's storage layer expects Buffers. */
const buf = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.length)

/** A list of tree nodes: u32 count, then count × { u64 index, u64 size (each as two u32, low first), hash 32 }. */
export function writeNodes(w: ByteWriter, nodes: ProofNode[]): void {
  w.u32(nodes.length)
  for (const n of nodes) w.u32(n.index % TWO32).u32(Math.floor(n.index / TWO32)).u32(n.size % TWO32).u32(Math.floor(n.size / TWO32)).raw(n.hash)
}

/** Reads what writeNodes wrote; more than `max` nodes is `fail()`, as is a short read (the reader's own). */
export function readNodes(r: ByteReader, max = 128, fail: () => Error = bad): ProofNode[] {
  const count = r.u32()
  if (count > max) throw fail()
  const out: ProofNode[] = []
  for (let i = 0; i < count; i++) {
    const index = r.u32() + r.u32() * TWO32
    const size = r.u32() + r.u32() * TWO32
    out.push({ index, size, hash: buf(r.raw(32)) })
  }
  return out
}

/**
 * Block proofs are applied PROOF_WINDOW at a time, windows aligned at block 0, each window only
 * once the one before it is stored (and after the upgrade proof): a proof need only climb to a
 * node stored by then. ProofPlanner counts, for each block, how many nodes its proof must carry,
 * assuming no more is stored than the tree's roots and what earlier windows' proofs brought, so
 * it never asks too few (a proof with more nodes than needed verifies just the same).
 */
export const PROOF_WINDOW = 128

export class ProofPlanner {
  private readonly stored = new Set<number>()
  private readonly head: number

  constructor(length: number) {
    this.head = 2 * length
    // The roots of a tree of `length` leaves: one full subtree per set bit, left to right.
    let offset = 0
    for (let size = 2 ** Math.floor(Math.log2(Math.max(length, 1))); size >= 1; size /= 2) {
      if (length - offset >= size) {
        this.stored.add(2 * offset + size - 1)
        offset += size
      }
    }
  }

  /** Node counts for the blocks of one window, in order; then what they store counts as stored. */
  window(indexes: number[]): number[] {
    const adds: number[] = []
    const counts = indexes.map((i) => {
      let n = 2 * i
      let c = 0
      while (!this.stored.has(n)) {
        if (contains(n, this.head) && c > 0) throw new RangeError('proof planning climbed past a root')
        adds.push(n, sibling(n))
        n = parent(n)
        c++
      }
      return c
    })
    for (const n of adds) this.stored.add(n)
    for (const n of adds) this.stored.add(parent(n))
    return counts
  }
}

function sibling(n: number): number {
  const d = depthOf(n)
  const offset = Math.floor(n / 2 ** (d + 1))
  return (1 + 2 * (offset % 2 === 0 ? offset + 1 : offset - 1)) * 2 ** d - 1
}

/** How many tree nodes lie between block `index`'s leaf and its root in a log of `length`. */
export function nodesToRoot(index: number, length: number): number {
  const head = 2 * length
  let n = 2 * index
  for (let c = 0; ; c++) {
    n = parent(n)
    if (contains(n, head)) return c
  }
}

function depthOf(n: number): number {
  let d = 0
  while (Math.floor(n / 2 ** d) % 2 === 1) d++
  return d
}

function parent(n: number): number {
  const d = depthOf(n)
  const offset = Math.floor(n / 2 ** (d + 1))
  return (1 + 2 * Math.floor(offset / 2)) * 2 ** (d + 1) - 1
}

function contains(n: number, x: number): boolean {
  const d = depthOf(n)
  const left = Math.floor(n / 2 ** (d + 1)) * 2 ** (d + 1)
  return x >= left && x <= left + 2 ** (d + 1) - 2
}

export async function upgradeProof(core: HypercoreSession, length: number): Promise<Uint8Array> {
  const p = await core.proof({ upgrade: { start: 0, length } })
  const u = p.upgrade
  if (!u) throw errors.INTERNAL('the log gave no upgrade proof')
  const w = new ByteWriter().u32(p.fork).u32(u.start).u32(u.length)
  writeNodes(w, u.nodes)
  writeNodes(w, u.additionalNodes)
  return w.bytes32(u.signature).done()
}

/** `nodes`: how many tree nodes to carry (ProofPlanner), by default all of them up to the root. */
export async function blockProof(core: HypercoreSession, index: number, length: number, nodes = nodesToRoot(index, length)): Promise<Uint8Array> {
  const p = await core.proof({ block: { index, nodes } })
  const b = p.block
  if (!b || !b.value) throw errors.INTERNAL(`the log gave no proof for block ${index}`)
  const w = new ByteWriter().u32(p.fork).u32(b.index).bytes32(b.value)
  writeNodes(w, b.nodes)
  return w.done()
}

export function decodeUpgrade(bytes: Uint8Array): TreeProof {
  const r = new ByteReader(bytes, bad)
  const fork = r.u32()
  const start = r.u32()
  const length = r.u32()
  const nodes = readNodes(r)
  const additionalNodes = readNodes(r)
  const signature = buf(r.bytes32())
  r.end()
  return { fork, block: null, hash: null, seek: null, upgrade: { start, length, nodes, additionalNodes, signature }, manifest: null }
}

export function decodeBlock(bytes: Uint8Array): TreeProof & { block: NonNullable<TreeProof['block']> } {
  const r = new ByteReader(bytes, bad)
  const fork = r.u32()
  const index = r.u32()
  const value = buf(r.bytes32())
  const nodes = readNodes(r)
  r.end()
  return { fork, block: { index, value, nodes }, hash: null, seek: null, upgrade: null, manifest: null }
}

/** Applies one decoded proof; a proof Hypercore refuses (bad signature, wrong hash) is ARCHIVE_CORRUPT. */
export async function applyProof(core: HypercoreSession, proof: TreeProof): Promise<void> {
  let ok: boolean
  try {
    ok = await core.applyProof(proof)
  } catch (e) {
    throw errors.ARCHIVE_CORRUPT('a log block does not match its owner’s signature', { cause: e })
  }
  if (!ok) throw errors.ARCHIVE_CORRUPT('a log block does not match its owner’s signature')
}
