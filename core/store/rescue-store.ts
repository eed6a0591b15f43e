/**
 * Blocks of a frozen log rescued from peers (core/net/below-freeze.ts), kept where the log's
 * Hypercore copy cannot take them: a copy frozen by a conflict takes no block, and Hearth never
 * writes into Hypercore's storage. One append-only file per log, in the profile's `rescued`
 * folder (never inside the Corestore's folder, whose unknown files hypercore-storage moves).
 *
 * Format, version 1 (little-endian):
 *   header   magic "HRBF" (4 bytes), version u8 = 1, log key 32 bytes
 *   records  index u32, valueLen u32, value, path (log-proofs.ts writeNodes: u32 count, nodes)
 * `value` is the block exactly as the log holds it, sealed with the group's keys (block-codec.ts),
 * so the file holds nothing in plaintext, as the Corestore does not; `path` is the public tree
 * nodes that prove it (the serving side sends them on). Records are appended in the order blocks
 * arrive, a whole message's blocks in one write.
 *
 * Nothing on disk is trusted: on open every record is checked again against the evidence
 * (the caller's `check`). A file that does not parse or a record that does not check is damage:
 * the file is set aside whole (`.damaged`, or `.damaged-2`… beside an earlier one), the store starts empty and says so with LOG_CORRUPT,
 * and the blocks are fetched again. Nothing is lost: the Hypercore copy is never touched, and the
 * damaged file is kept. A torn last record (the app killed mid-write) is damage the same way.
 * Blocks and their paths are read from the file by offset, so memory holds offsets, not blocks:
 * nothing kept is a view into the file read at open or into a message received (which would keep
 * those whole buffers alive; session 15 review, F9).
 */
import { open, readFile, rename, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { errors, type HearthError } from '../errors.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import type { ProofNode } from './holepunch.ts'
import { readNodes, writeNodes } from './log-proofs.ts'

const MAGIC = Buffer.from('HRBF', 'latin1')
const VERSION = 1
const HEADER = 4 + 1 + 32
const MAX_VALUE = 1024 * 1024
const MAX_PATH = 64

export interface RescuedBlock {
  index: number
  value: Uint8Array
  path: ProofNode[]
}

/** Whether a block checks against the evidence (core/group/freeze-roots.ts `underRoots`). */
export type BlockCheck = (index: number, value: Uint8Array, path: readonly ProofNode[]) => boolean

/** Where a record's value starts, its length, and how many path nodes follow it. */
interface Where {
  offset: number
  length: number
  nodes: number
}

export const RESCUE_DIR = 'rescued'

/** `name`, or `name-2`, `name-3`…: the first not taken, so an earlier damaged file is never overwritten. */
async function unused(name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`
    if (!(await stat(candidate).then(() => true, () => false))) return candidate
  }
}

/** The profile's rescue folder, beside the log store's folder `logStoreDir`. */
export function rescueDirOf(logStoreDir: string): string {
  return path.join(path.dirname(logStoreDir), RESCUE_DIR)
}

/**
 * Whether blocks of log `key` (hex) were rescued here (a file holding a record): an archive
 * cannot carry them yet (core/archive/archive-export.ts refuses rather than lack them).
 */
export async function hasRescued(logStoreDir: string, key: string): Promise<boolean> {
  const size = await stat(path.join(rescueDirOf(logStoreDir), `${key}.rescued`)).then((s) => s.size, () => 0)
  return size > HEADER
}

export class RescueStore {
  private readonly where = new Map<number, Where>()
  /** Every block in [0, held) is here. */
  private held = 0
  private size: number
  private writes: Promise<void> = Promise.resolve()

  private constructor(readonly file: string, private readonly key: string, size: number) {
    this.size = size
  }

  /**
   * The store of log `key` (hex) in `dir`. `damaged` is LOG_CORRUPT when a file was there and did
   * not read whole or did not check; it was set aside and the store is empty.
   */
  static async open(dir: string, key: string, check: BlockCheck, end = Infinity): Promise<{ store: RescueStore; damaged: HearthError | null }> {
    if (!/^[0-9a-f]{64}$/.test(key)) throw errors.INTERNAL('a rescued log needs its key')
    await mkdir(dir, { recursive: true })
    const file = path.join(dir, `${key}.rescued`)
    let bytes: Buffer
    try {
      bytes = await readFile(file)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { store: new RescueStore(file, key, 0), damaged: null }
      throw errors.STORE_UNAVAILABLE('the rescued blocks could not be read', { cause: e })
    }
    const store = new RescueStore(file, key, bytes.length)
    try {
      store.load(bytes, check, end)
      return { store, damaged: null }
    } catch (e) {
      await rename(file, await unused(`${file}.damaged`))
      const damaged = errors.LOG_CORRUPT(`the rescued blocks of a frozen log were damaged and set aside; they will be fetched again (${(e as Error).message})`)
      return { store: new RescueStore(file, key, 0), damaged }
    }
  }

  /** Records at or past `end` (a freeze lowered by later evidence) are left in the file, not loaded. */
  private load(bytes: Buffer, check: BlockCheck, end: number): void {
    const bad = (): HearthError => errors.LOG_CORRUPT('the file does not parse')
    if (bytes.length < HEADER || !bytes.subarray(0, 4).equals(MAGIC)) throw bad()
    if (bytes[4] !== VERSION) throw new Error(`version ${bytes[4]}`)
    if (bytes.subarray(5, HEADER).toString('hex') !== this.key) throw new Error('another log’s file')
    const r = new ByteReader(bytes.subarray(HEADER), bad)
    let at = HEADER
    while (at < bytes.length) {
      const index = r.u32()
      const length = r.u32()
      if (length > MAX_VALUE) throw bad()
      const value = r.raw(length)
      const p = readNodes(r, MAX_PATH, bad)
      if (index < end) {
        if (!check(index, value, p)) throw new Error(`block ${index} does not check`)
        this.where.set(index, { offset: at + 8, length, nodes: p.length })
      }
      at += 8 + length + 4 + 48 * p.length
    }
    this.held = this.heldUntil(0, Infinity)
  }

  /** How many blocks from 0 are here without a gap: the log is at least this long (each one checked). */
  get contiguous(): number {
    return this.held
  }

  has(index: number): boolean {
    return this.where.has(index)
  }

  /** The first index in [from, end) not held here, or `end`. */
  heldUntil(from: number, end: number): number {
    let i = from
    while (i < end && this.where.has(i)) i++
    return i
  }

  /** The block and its path, or null when not held here. */
  async get(index: number): Promise<RescuedBlock | null> {
    const w = this.where.get(index)
    if (!w) return null
    const fh = await open(this.file, 'r')
    try {
      const record = Buffer.alloc(w.length + 4 + 48 * w.nodes)
      const { bytesRead } = await fh.read(record, 0, record.length, w.offset)
      const bad = (): HearthError => errors.LOG_CORRUPT('a rescued block is cut short')
      if (bytesRead !== record.length) throw bad()
      const r = new ByteReader(record.subarray(w.length), bad)
      return { index, value: record.subarray(0, w.length), path: readNodes(r, MAX_PATH, bad) }
    } finally {
      await fh.close()
    }
  }

  /** Appends checked blocks (ones held already are skipped), in one write, synced. */
  put(blocks: readonly RescuedBlock[]): Promise<void> {
    const run = this.writes.then(() => this.append(blocks))
    this.writes = run.catch(() => undefined)
    return run
  }

  private async append(blocks: readonly RescuedBlock[]): Promise<void> {
    const fresh = blocks.filter((b, i) => !this.where.has(b.index) && blocks.findIndex((o) => o.index === b.index) === i)
    if (!fresh.length) return
    const w = new ByteWriter()
    if (this.size === 0) w.raw(MAGIC).u8(VERSION).hex32(this.key)
    const at: [number, number][] = []
    let offset = this.size + (this.size === 0 ? HEADER : 0)
    for (const b of fresh) {
      w.u32(b.index).u32(b.value.length).raw(b.value)
      writeNodes(w, b.path)
      at.push([offset + 8, b.value.length])
      offset += 8 + b.value.length + 4 + 48 * b.path.length
    }
    const bytes = w.done()
    const fh = await open(this.file, 'a')
    try {
      // A write that failed part way (ENOSPC, a crash of the disk rather than the app) may have
      // left bytes past what is recorded here: cut them first, or every offset after would be wrong.
      if ((await fh.stat()).size !== this.size) await fh.truncate(this.size)
      await fh.write(bytes)
      await fh.datasync()
    } finally {
      await fh.close()
    }
    this.size += bytes.length
    fresh.forEach((b, i) => this.where.set(b.index, { offset: (at[i] as [number, number])[0], length: b.value.length, nodes: b.path.length }))
    this.held = this.heldUntil(this.held, Infinity)
  }
}
