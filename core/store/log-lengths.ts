/**
 * The own-log record: `<profile>/log-lengths.hearth`, format version 1. How long each of this
 * profile's own device logs is known to be, kept OUTSIDE the log store, so a store that lost its
 * tail (a damaged or deleted write-ahead log) is caught before this device writes again and
 * contradicts blocks its peers already hold (docs/decisions.md, 2026-12-06 "Damage never destroys").
 *
 * File:
 *   0   8   magic "HEARTHLL"
 *   8   1   version (1)
 *   9   …   secretbox(plaintext) under keyedHash(log secret, "hearth/log-lengths/v1") (nonce 24 || box)
 *
 * Plaintext:
 *   ascii8  store id: "<inode>:<birth time in ns>" of `logs/db` when written (store-open.ts
 *           storeId); a copy of the profile (moved, restored from a file backup, even to the
 *           same place after the original was deleted) has another, which is how a copy is told
 *           from the original. Records written before the birth time was added hold the inode
 *           alone; they no longer match, so such a profile asks once for a peer's confirmation.
 *   u32 N, then N × { log key 32, u32 length, u8 flags }   flags bit 0: not yet confirmed by a peer
 *
 * Written with writeFileAtomic (fsync, rename, fsync of the folder) right after every append of a
 * published log, coalesced: one write in flight, the next covers every length noted meanwhile.
 * It covers every block a person was told is written (a service call waits for `durable`); it may
 * trail the log only by appends not yet acknowledged to anyone (see own-log-guard.ts afterAppend).
 * Nonce rule: random per write. The key never leaves this profile.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { errors } from '../errors.ts'
import { keyedHash } from '../crypto/hash.ts'
import { writeFileAtomic } from './atomic-file.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import { openSealedFile, sealFile } from './sealed-file.ts'

export const LOG_LENGTHS_FILE = 'log-lengths.hearth'
const MAGIC = new TextEncoder().encode('HEARTHLL')
const VERSION = 1
const UNCONFIRMED = 1

export interface OwnLogRecord {
  length: number
  /** Not yet seen a peer's copy of this log since the profile was moved or its record was lost. */
  unconfirmed: boolean
}

export interface LogLengthsFile {
  storeId: string
  logs: Map<string, OwnLogRecord>
}

export function logLengthsKey(logSecret: Uint8Array): Uint8Array {
  return keyedHash(logSecret, new TextEncoder().encode('hearth/log-lengths/v1'))
}

export function encodeLogLengths(f: LogLengthsFile, key: Uint8Array): Uint8Array {
  const w = new ByteWriter().ascii8(f.storeId).u32(f.logs.size)
  for (const [k, r] of f.logs) w.hex32(k).u32(r.length).u8(r.unconfirmed ? UNCONFIRMED : 0)
  return sealFile(MAGIC, VERSION, w.done(), key)
}

/** Throws LOG_CORRUPT for anything but a record this key sealed. */
export function decodeLogLengths(bytes: Uint8Array, key: Uint8Array): LogLengthsFile {
  const opened = openSealedFile(bytes, MAGIC, [VERSION], key)
  if (opened === 'unreadable') throw errors.LOG_CORRUPT('the record of this device’s log lengths is not readable')
  if (opened === 'closed') throw errors.LOG_CORRUPT('the record of this device’s log lengths does not open')
  const r = new ByteReader(opened.plain, () => errors.LOG_CORRUPT('the record of this device’s log lengths is malformed'))
  const storeId = r.ascii8()
  const logs = new Map<string, OwnLogRecord>()
  for (let i = r.u32(); i > 0; i--) logs.set(r.hex32(), { length: r.u32(), unconfirmed: (r.u8() & UNCONFIRMED) !== 0 })
  r.end()
  return { storeId, logs }
}

export type ReadResult =
  | { state: 'none' }
  | { state: 'ok'; file: LogLengthsFile }
  /** Present but unreadable (damaged, a folder, another key): moved aside to `keptAs`, never deleted. */
  | { state: 'damaged'; keptAs: string | null }

/** Reads the record. A damaged one is renamed aside (its bytes kept) so the next write cannot overwrite it. */
export async function readLogLengths(profileDir: string, key: Uint8Array): Promise<ReadResult> {
  const file = path.join(profileDir, LOG_LENGTHS_FILE)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await fs.readFile(file))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' }
    return { state: 'damaged', keptAs: await keepAside(file) }
  }
  try {
    return { state: 'ok', file: decodeLogLengths(bytes, key) }
  } catch {
    return { state: 'damaged', keptAs: await keepAside(file) }
  }
}

async function keepAside(file: string): Promise<string | null> {
  const aside = `${file}.damaged-${Date.now()}`
  try {
    await fs.rename(file, aside)
    return aside
  } catch {
    return null
  }
}

/** The live record: lengths noted after appends, written durably and coalesced. */
export class LogLengths {
  private writing: Promise<void> | null = null
  private dirty = false
  /** The last write failed (disk full, the path is a folder); the next note tries again. */
  failed = false
  /** How many notes changed the record: a service call that moved it wrote to an own log. */
  changes = 0

  constructor(
    private readonly file: string,
    private readonly key: Uint8Array,
    readonly state: LogLengthsFile,
  ) {}

  static at(profileDir: string, key: Uint8Array, state: LogLengthsFile): LogLengths {
    return new LogLengths(path.join(profileDir, LOG_LENGTHS_FILE), key, state)
  }

  get(logKey: string): OwnLogRecord | undefined {
    return this.state.logs.get(logKey)
  }

  /** Records a log's length (never lowers it) and resolves once a write covering it is durable. */
  note(logKey: string, length: number, unconfirmed?: boolean): Promise<void> {
    const prev = this.state.logs.get(logKey)
    const next = { length: Math.max(length, prev?.length ?? 0), unconfirmed: unconfirmed ?? prev?.unconfirmed ?? false }
    if (prev && prev.length === next.length && prev.unconfirmed === next.unconfirmed && !this.failed) return this.writing ?? Promise.resolve()
    this.state.logs.set(logKey, next)
    this.changes++
    return this.flush()
  }

  /**
   * Resolves once every length noted so far is in a write that reached the disk: what a person is
   * told is done waits for this (core/service.ts). Rejects with STORE_UNAVAILABLE when that write
   * failed; a failed record is tried once more first.
   */
  async durable(): Promise<void> {
    await (this.writing ?? (this.failed ? this.flush() : null))
    if (this.failed) throw errors.STORE_UNAVAILABLE(`the record ${LOG_LENGTHS_FILE} in the profile folder could not be written`)
  }

  /** Writes the record as it is now (after a move, to take the new store id). */
  flush(): Promise<void> {
    this.dirty = true
    if (!this.writing) this.writing = this.drain().finally(() => (this.writing = null))
    // A write already in flight may have sealed the state before this change: wait for the next.
    return this.writing
  }

  /** Waits for the last write, then wipes the key (the store is closing). */
  async close(): Promise<void> {
    await this.writing?.catch(() => undefined)
    this.key.fill(0)
  }

  private async drain(): Promise<void> {
    while (this.dirty) {
      this.dirty = false
      try {
        await writeFileAtomic(this.file, encodeLogLengths(this.state, this.key))
        this.failed = false
      } catch {
        this.failed = true
        return
      }
    }
  }
}
