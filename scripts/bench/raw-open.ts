/**
 * The work a newcomer cannot avoid once a block is here, with no Hearth code: the second anchor of
 * scripts/bench/sync.ts's whole history (raw-net.ts `rawFetchOpen` runs it in its fetching process).
 * Plain libraries only: sodium-native's secretbox and Yjs. The two layouts it reads are restated
 * here from their specs, not imported, so the anchor cannot pick up Hearth's own code paths:
 *
 *   block (core/store/block-codec.ts, v1)   version(1) epoch(4, u32 LE) nonce(24) secretbox(plaintext)
 *   plaintext                               kind(1) docIdLength(1) docId payload
 *   checkpoint part payload (kind 3,        version(1) start(4) part(2) parts(2) U(4) uncovered(4U) chunk
 *     core/group/shared-checkpoint.ts, v1)  (the chunks of parts 0..parts-1, joined, are one Yjs update)
 *
 * Per log, given where its latest shared checkpoint starts (the welcome tells a newcomer so):
 *   - the checkpoint's parts: decrypted, joined, applied to a plain Y.Doc (the doc's state);
 *   - the tail after them: decrypted, each update applied in log order after the state;
 *   - the blocks before the checkpoint (the backfill): decrypted only. For an honest writer its
 *     state holds each of them whole, and Hearth then applies none of them (held-whole.ts); the
 *     few that are not updates of that doc (governance, older checkpoints) are decrypted only too.
 * A log without a checkpoint has every update applied in log order.
 *
 * What it leaves out, because it is Hearth's own work and not what the data demands: the write
 * rule and governance (signatures, roles), the held-whole check itself, the preview's second apply
 * of the tails, storage of the docs, the feed. What it keeps that a plain reader must pay too:
 * one read of each block back from Hypercore's storage (its `download` event carries no bytes),
 * done as cheaply as Hypercore 11 allows: the blocks that arrived in one turn of the event loop in
 * one storage read batch (`readBack`), as its own `get` does for one block.
 */
import { createRequire } from 'node:module'
import * as Y from 'yjs'

interface Sodium { crypto_secretbox_open_easy(m: Uint8Array, c: Uint8Array, n: Uint8Array, k: Uint8Array): boolean }
const sodium = createRequire(import.meta.url)('sodium-native') as Sodium

const HEADER = 29
const NONCE = 24
const MAC = 16
const KIND_UPDATE = 1
const KIND_CHECKPOINT = 3

/**
 * The process's CPU time (ms) spent opening blocks and placing them (joining parts, applying
 * updates), summed over every batch: CPU, not wall time, which a loaded machine inflates.
 */
export const spent = { openMs: 0, applyMs: 0 }
const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Where a log's latest shared checkpoint starts and how many parts it has; null: read from block 0. */
export type LogPlan = { start: number; parts: number } | null

/** Plain secretbox open of one block; throws on a bad MAC or an unknown epoch (the data is the bench's own). */
export function openBlock(bytes: Uint8Array, keys: Map<number, Uint8Array>): { kind: number; payload: Uint8Array } {
  const epoch = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1, true)
  const key = keys.get(epoch)
  if (!key) throw new Error(`anchor: no key for epoch ${epoch}`)
  const plain = new Uint8Array(bytes.length - HEADER - MAC)
  if (!sodium.crypto_secretbox_open_easy(plain, bytes.subarray(HEADER), bytes.subarray(HEADER - NONCE, HEADER), key)) throw new Error('anchor: a block failed to open')
  const idLength = plain[1] as number
  return { kind: plain[0] as number, payload: plain.subarray(2 + idLength) }
}

/** One log's work, fed its blocks in any order as they are read back. */
export class LogWork {
  readonly doc = new Y.Doc()
  applied = 0
  opened = 0
  private readonly chunks: (Uint8Array | undefined)[] = []
  private chunksHere = 0
  private stateIn: boolean
  /** Tail updates opened but not applied yet: index → payload (applied in log order). */
  private readonly waiting = new Map<number, Uint8Array>()
  private next: number

  constructor(private readonly plan: LogPlan, private readonly length: number) {
    this.stateIn = plan === null
    this.next = plan === null ? 0 : plan.start + plan.parts
  }

  get done(): boolean {
    return this.opened === this.length && this.stateIn && this.next >= this.length
  }

  /** Blocks read back together: all opened, then each placed (timed per batch, not per block). */
  addBatch(indexes: readonly number[], blocks: readonly Uint8Array[], keys: Map<number, Uint8Array>): void {
    const t0 = cpuMs()
    const opened = blocks.map((b) => openBlock(b, keys))
    this.opened += opened.length
    const t1 = cpuMs()
    spent.openMs += t1 - t0
    try {
      for (const [k, o] of opened.entries()) this.place(indexes[k] as number, o.kind, o.payload)
    } finally {
      spent.applyMs += cpuMs() - t1
    }
  }

  private place(index: number, kind: number, payload: Uint8Array): void {
    const p = this.plan
    if (p && index < p.start) return
    if (p && index < p.start + p.parts) {
      if (kind !== KIND_CHECKPOINT) throw new Error('anchor: the plan names a block that is not a checkpoint part')
      const dv = new DataView(payload.buffer, payload.byteOffset, payload.byteLength)
      const part = dv.getUint16(5, true)
      const uncovered = dv.getUint32(9, true)
      this.chunks[part] = payload.subarray(13 + 4 * uncovered)
      if (++this.chunksHere === p.parts) {
        const state = Buffer.concat(this.chunks as Uint8Array[])
        this.chunks.length = 0
        Y.applyUpdate(this.doc, state)
        this.stateIn = true
      }
    } else {
      this.waiting.set(index, kind === KIND_UPDATE ? payload : new Uint8Array(0))
    }
    if (!this.stateIn || !this.waiting.has(this.next)) return
    // The run of updates ready in log order, in one transaction (Yjs cleans up once per transaction).
    this.doc.transact(() => {
      for (let u = this.waiting.get(this.next); u !== undefined; u = this.waiting.get(this.next)) {
        this.waiting.delete(this.next++)
        if (u.length === 0) continue
        Y.applyUpdate(this.doc, u)
        this.applied++
      }
    })
  }
}

interface StorageRead { getBlock(index: number): Promise<Uint8Array | null>; tryFlush(): void }
/** The part of a Hypercore 11 session that its own `get` reads a stored block through. */
interface WithStorage { state?: { storage?: { read?: () => StorageRead } } | null; get(index: number): Promise<Uint8Array> }

/**
 * Reads these stored blocks of one core in one RocksDB read batch (Hypercore 11's `get` opens one
 * per block); any not found, or a Hypercore without that call, through `get`.
 */
export async function readBack(core: WithStorage, indexes: number[]): Promise<Uint8Array[]> {
  const read = core.state?.storage?.read
  if (typeof read !== 'function') return Promise.all(indexes.map((i) => core.get(i)))
  const rx = read.call(core.state?.storage)
  const reads = indexes.map((i) => rx.getBlock(i))
  rx.tryFlush()
  const got = await Promise.all(reads)
  return Promise.all(got.map((b, k) => b ?? core.get(indexes[k] as number)))
}
