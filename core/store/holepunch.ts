/**
 * The slice of Corestore 7 / Hypercore 11 that Hearth uses, typed (the packages are CommonJS and
 * ship no types). Loaded with require, as ../crypto/sodium.ts loads sodium-native. Listing
 * exactly what we call keeps an upgrade's blast radius visible: anything not here is unused.
 *
 * What Hearth deliberately does NOT use: Corestore's `primaryKey` option and `get({ name })`.
 * Corestore writes its primary key ("seed") into its RocksDB head record in plaintext, and a core
 * opened with a key pair stores the pair's secret key in its auth record. See log-store.ts.
 */
import { createRequire } from 'node:module'

export interface KeyPair {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

/** A single-signer Hypercore manifest; its hash is the log's key. */
export interface Manifest {
  version: 1
  signers: { publicKey: Uint8Array }[]
}

/** A Merkle tree node in a Hypercore proof. */
export interface ProofNode {
  index: number
  size: number
  hash: Uint8Array
}

/** Hypercore's proof object (its replication message), as proof() gives and applyProof() takes. */
export interface TreeProof {
  fork: number
  block: { index: number; value: Uint8Array | null; nodes: ProofNode[] } | null
  hash: null
  seek: null
  upgrade: { start: number; length: number; nodes: ProofNode[]; additionalNodes: ProofNode[]; signature: Uint8Array } | null
  manifest: null
}

export interface HypercoreSession {
  readonly key: Uint8Array | null
  readonly discoveryKey: Uint8Array | null
  readonly length: number
  /** The signed length in bytes: the sum of every block's size (core/group/log-quota.ts). */
  readonly byteLength: number
  /** The block holding byte `bytes`, and where in it; null when not found without waiting. */
  seek(bytes: number, opts?: { wait?: boolean; timeout?: number }): Promise<[number, number] | null>
  /** Bumped by every truncation of the log (core/group/fork-watch.ts). */
  readonly fork: number
  readonly closed: boolean
  ready(): Promise<void>
  /** Resolves once the batch is written to the store's write-ahead log (see log-store.ts). */
  append(block: Uint8Array, opts: { keyPair: KeyPair }): Promise<{ length: number; byteLength: number }>
  /** With `wait: false`, resolves null instead of asking peers for a block we do not hold. */
  get(index: number, opts: { wait: false }): Promise<Uint8Array | null>
  close(): Promise<void>
  /** Blocks held from index 0 without a gap. */
  readonly contiguousLength: number
  /** The manifest the log's key is the hash of (its signer's public key). */
  readonly manifest: { signers: { publicKey: Uint8Array }[] } | null
  /** A proof of blocks or of the signed length (core/store/log-proofs.ts); never storage access. */
  proof(opts: { upgrade: { start: number; length: number } } | { block: { index: number; nodes: number } }): Promise<TreeProof>
  applyProof(proof: TreeProof): Promise<boolean>
  /**
   * Attaches this core, and only this core, to a connection's Protomux (core/net/group-swarm.ts
   * says why Hearth never replicates a whole Corestore).
   */
  replicate(stream: object): unknown
  /** Peers this core replicates with; `remoteLength` is how much of the log each says it holds. */
  readonly peers: readonly { readonly remoteLength: number }[]
  /**
   * Fetches blocks from peers as they are offered; `end: -1` keeps following the log as it grows.
   * With `blocks`, fetches just those indexes; `done()` resolves once they are all held.
   */
  download(range: { start: number; end: number } | { blocks: number[] }): { destroy(): void; done(): Promise<void> }
  on(event: 'download', listener: (index: number, byteLength: number) => void): unknown
  on(event: 'upload', listener: (index: number, byteLength: number) => void): unknown
  on(event: 'append', listener: () => void): unknown
  /** The log lost blocks from `to` on (a truncation by its writer, replicated as a reorg). */
  on(event: 'truncate', listener: (to: number, fork: number) => void): unknown
  /**
   * Two signed trees of the log at one fork met while replicating: Hypercore froze its stored
   * copy and closes every session after this (core/group/fork-watch.ts). `proof.upgrade` is the
   * other side's upgrade from 0 to `length`.
   */
  on(event: 'conflict', listener: (length: number, fork: number, proof: TreeProof) => void): unknown
  on(event: 'close', listener: () => void): unknown
  once(event: 'close', listener: () => void): unknown
  /** A session that keeps reading the log as it is now, even after a truncation drops blocks. */
  snapshot(): HypercoreSession
  /**
   * The stored copy's header; `frozen` once a conflict froze it (hypercore 11.37 lib/core.js): it
   * then neither asks for blocks nor serves them, for good (core/group/frozen-rescue.ts).
   */
  readonly core?: { readonly header: { readonly frozen: boolean } } | null
  off(event: 'download' | 'append', listener: (...args: never[]) => void): unknown
}

export interface CorestoreInstance {
  ready(): Promise<void>
  get(opts: { manifest: Manifest } | { key: Uint8Array }): HypercoreSession
  close(): Promise<void>
}

type CorestoreCtor = new (dir: string) => CorestoreInstance

const require = createRequire(import.meta.url)
export const Corestore = require('corestore') as CorestoreCtor
/** `key(manifest)`: the log's public identifier, a hash of its manifest (not the signer's key). */
export const Hypercore = require('hypercore') as { key(manifest: Manifest): Uint8Array }

/**
 * Blocks a replication peer has told us it holds from index 0 (Hypercore's remote bitfield), not
 * its `remoteLength`: that is the log length it has heard of, which a peer may know without
 * holding the blocks (a keeper past its quota, a member that has not fetched them yet).
 */
export function heldBy(peer: object): number {
  return (peer as { remoteContiguousLength?: number }).remoteContiguousLength ?? 0
}
