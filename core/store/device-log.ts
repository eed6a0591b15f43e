/**
 * One device log: this profile's signed, append-only Hypercore for one group membership
 * (DESIGN.md §3.1). It stores encoded blocks (./block-codec.ts) and nothing else; it never sees a
 * plaintext or an epoch key.
 *
 * The signing key pair lives only in memory. The core is opened from its manifest (public key
 * only), and the key pair is handed to each append, so Hypercore never writes the secret key into
 * its auth record. close() wipes it.
 *
 * Durability: append() resolves after RocksDB has written the block to its write-ahead log, in
 * the kernel's hands. That survives `kill -9` of the app; it is not an fsync, so it does not
 * promise to survive power loss or a kernel crash (log-store.ts says why and what would).
 */
import { errors, HearthError } from '../errors.ts'
import { wipe } from '../crypto/wipe.ts'
import { sign } from '../crypto/sign.ts'
import { peekBlockHeader } from './block-codec.ts'
import type { HypercoreSession, KeyPair } from './holepunch.ts'
import type { OwnLogGuard, OwnLogState } from './own-log-guard.ts'
import { seekQuotaEnd } from './quota-end.ts'
import { getBlocks } from './block-batch.ts'

export interface LogEntry {
  index: number
  block: Uint8Array
}

export class DeviceLog {
  readonly name: string
  private readonly core: HypercoreSession
  private readonly keyPair: KeyPair
  private readonly onClose: () => void
  private closing: Promise<void> | null = null
  /** Appends not yet acknowledged: close waits for them, since they sign with the key it wipes. */
  private readonly inFlight = new Set<Promise<unknown>>()

  /** Use LogStore.openDeviceLog; the core must be ready. `guard`: null for a log never published. */
  constructor(name: string, core: HypercoreSession, keyPair: KeyPair, onClose: () => void, private readonly guard: OwnLogGuard | null = null) {
    this.name = name
    this.core = core
    this.keyPair = keyPair
    this.onClose = onClose
  }

  /** Whether this log may take new blocks now (own-log-guard.ts). */
  state(): OwnLogState {
    return this.guard ? this.guard.state(this.core) : { state: 'ok', length: this.core.length }
  }

  /**
   * Whether a connected peer has told its length of this log (Hypercore's first sync message on
   * it): a profile written at no one's asking waits for one (group/owed-profile.ts).
   */
  answered(): boolean {
    return (this.core.peers as readonly { remoteSynced?: boolean }[]).some((p) => p.remoteSynced === true)
  }

  /** The log's key: the hash of its manifest, which the identity signs into the membership (§3.1). */
  get key(): Uint8Array {
    return this.core.key as Uint8Array
  }

  /**
   * Signs with the log's own Hypercore key pair: proof that whoever holds this log's key pair
   * says `message` (the device announcement, core/group/device-proof.ts). The key pair never leaves.
   */
  signAsLog(message: Uint8Array): { signer: Uint8Array; sig: Uint8Array } {
    this.requireOpen()
    return { signer: this.keyPair.publicKey.slice(), sig: sign(message, this.keyPair.secretKey) }
  }

  get discoveryKey(): Uint8Array {
    return this.core.discoveryKey as Uint8Array
  }

  get length(): number {
    return this.core.length
  }

  get byteLength(): number {
    return this.core.byteLength
  }

  /** Where a byte budget ends this log (core/group/log-quota.ts); every block is local, so no wait. */
  quotaEnd(budget: number): Promise<number | null> {
    return seekQuotaEnd(this.core, budget)
  }

  get closed(): boolean {
    return this.closing !== null
  }

  /** Appends one encoded block; resolves with its index once the write is acknowledged. */
  async append(block: Uint8Array): Promise<number> {
    this.requireOpen()
    peekBlockHeader(block)
    this.guard?.beforeAppend(this.core)
    const write = this.core.append(block, { keyPair: this.keyPair })
    this.inFlight.add(write)
    try {
      const { length } = await write
      // Noted at once, not waited for here: an fsync pair per append would slow bulk writes many
      // times over. A write a person is told is done waits for the record (core/service.ts).
      this.guard?.afterAppend(length)
      return length - 1
    } catch (e) {
      throw storeError(e, 'append')
    } finally {
      this.inFlight.delete(write)
    }
  }

  /** The block at `index`. Every block of our own log is local, so a missing one is damage. */
  async get(index: number): Promise<Uint8Array> {
    this.requireOpen()
    if (!Number.isInteger(index) || index < 0 || index >= this.core.length) {
      throw errors.INVALID_INPUT(`no block ${index} in a log of length ${this.core.length}`)
    }
    let block: Uint8Array | null
    try {
      block = await this.core.get(index, { wait: false })
    } catch (e) {
      throw storeError(e, `read block ${index}`)
    }
    if (block === null) throw errors.LOG_CORRUPT(`block ${index} of ${this.core.length} is missing`)
    return block
  }

  /** The blocks at `indexes`, read in one storage batch (block-batch.ts); the same checks as `get`. */
  async getMany(indexes: readonly number[]): Promise<Uint8Array[]> {
    this.requireOpen()
    for (const index of indexes) {
      if (!Number.isInteger(index) || index < 0 || index >= this.core.length) {
        throw errors.INVALID_INPUT(`no block ${index} in a log of length ${this.core.length}`)
      }
    }
    let blocks: (Uint8Array | null)[]
    try {
      blocks = await getBlocks(this.core, indexes)
    } catch (e) {
      throw storeError(e, `read blocks ${indexes[0]}–${indexes[indexes.length - 1]}`)
    }
    const missing = blocks.indexOf(null)
    if (missing >= 0) throw errors.LOG_CORRUPT(`block ${indexes[missing]} of ${this.core.length} is missing`)
    return blocks as Uint8Array[]
  }

  /** Blocks from `from` up to the length at the time of the call. */
  async *read(from = 0): AsyncGenerator<LogEntry> {
    const end = this.core.length
    for (let index = Math.max(0, from); index < end; index++) yield { index, block: await this.get(index) }
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.onClose()
      this.closing = (async () => {
        await Promise.allSettled(this.inFlight)
        await this.core.close().catch(() => undefined)
        wipe(this.keyPair.secretKey)
      })()
    }
    return this.closing
  }

  private requireOpen(): void {
    if (this.closing) throw errors.STORE_UNAVAILABLE('this group log is closed')
  }
}

/** Maps a Corestore, Hypercore or RocksDB failure to our codes: damage is LOG_CORRUPT. */
export function storeError(e: unknown, what: string): HearthError {
  if (e instanceof HearthError) return e
  const message = e instanceof Error ? e.message : String(e)
  if (/could not be locked|lock hold|No locks available/i.test(message)) return errors.STORE_UNAVAILABLE(`${what}: another Hearth is using this profile`, { cause: e })
  if (/closed|ENOSPC|No space|EACCES|EPERM|EROFS|Permission denied|Read-only/i.test(message)) return errors.STORE_UNAVAILABLE(`${what} (${message.slice(0, 120)})`, { cause: e })
  // Anything else the store throws while reading what it holds is a damaged file (a table or
  // blob cut short, altered or gone): said as damage, with RocksDB's own words.
  return errors.LOG_CORRUPT(`${what} (${message.slice(0, 120)})`, { cause: e })
}
