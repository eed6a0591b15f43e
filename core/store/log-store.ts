/**
 * The profile's log store: one Corestore in `<profile>/logs` holding this profile's device logs
 * (DESIGN.md §3.1, §5). Nothing else may live in that folder: on first open hypercore-storage
 * moves unknown files in it into its `db/` folder.
 *
 * Key material. Corestore 7.12.5 cannot keep its primary key off disk: `_open()` calls
 * `storage.setSeed(primaryKey || randomBytes(32))`, which writes the 32 bytes into the RocksDB
 * head record (the write-ahead log first, later SST files). A core opened by `name` (or with a
 * `keyPair`) also stores the ed25519 secret key in its auth record. Both would break §5 (every
 * byte in the profile is ciphertext or public), so Hearth uses neither:
 *   - each device log's key pair is derived here, in memory, from the vault subkey the caller
 *     passes (`vault.subkey(LOG_STORE_KEY_PURPOSE)`): seed = BLAKE2b keyed by it over
 *     "hearth/device-log/v1/<name>", then ed25519 from that seed;
 *   - the core is opened from its manifest (public key only), and the pair is given per append.
 * Corestore still writes a random seed of its own. It derives nothing Hearth uses, but it is a
 * plaintext secret-shaped value on disk; the fix belongs upstream (an option not to persist it).
 *
 * Durability. hypercore-storage writes each append as one RocksDB batch with default write
 * options (no `sync`), so an acknowledged append is in the write-ahead log via write(2): safe
 * against the app being killed, not against power loss. rocksdb-native exposes no sync option.
 *
 * Damage. A damaged MANIFEST or CURRENT file is LOG_CORRUPT, and the store is left as it was.
 * Damage inside the write-ahead log is NOT detected here: RocksDB's point-in-time recovery keeps
 * the records before it and silently drops the rest, and a deleted `db/` opens empty. Catching
 * that needs each log's acknowledged length recorded outside the store, by the caller.
 *
 * Names. A log is opened by a caller-chosen name, and the name alone fixes its key. Use one name
 * per membership, never per group: a member removed and later re-admitted needs a fresh log,
 * because everyone rejects the old log's blocks past its cut-off (§3.3).
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { errors } from '../errors.ts'
import { keyedHash } from '../crypto/hash.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { wipe } from '../crypto/wipe.ts'
import { DeviceLog, storeError } from './device-log.ts'
import { Corestore, Hypercore, type CorestoreInstance, type HypercoreSession, type KeyPair, type Manifest } from './holepunch.ts'

export const LOG_STORE_DIR = 'logs'
export const LOG_STORE_KEY_PURPOSE = 'device-logs'
const NAME_RE = /^[a-zA-Z0-9_.:-]{1,128}$/

export class LogStore {
  readonly dir: string
  private readonly store: CorestoreInstance
  private readonly logSecret: Uint8Array
  private readonly logs = new Map<string, Promise<DeviceLog>>()
  private readonly peers = new Set<HypercoreSession>()
  private closing: Promise<void> | null = null

  private constructor(dir: string, store: CorestoreInstance, logSecret: Uint8Array) {
    this.dir = dir
    this.store = store
    this.logSecret = logSecret
  }

  /**
   * Opens (or creates) `<profileDir>/logs`. `logSecret` is `vault.subkey(LOG_STORE_KEY_PURPOSE)`;
   * the store keeps its own copy and wipes it on close.
   */
  static async open(profileDir: string, logSecret: Uint8Array): Promise<LogStore> {
    if (!(logSecret instanceof Uint8Array) || logSecret.length !== 32) throw errors.INTERNAL('the log secret must be 32 bytes')
    const dir = path.join(profileDir, LOG_STORE_DIR)
    let store: CorestoreInstance | null = null
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 })
      store = new Corestore(dir)
      await store.ready()
    } catch (e) {
      await store?.close().catch(() => undefined)
      throw storeError(e, 'open the group store')
    }
    return new LogStore(dir, store, logSecret.slice())
  }

  /** The key (public identifier) the log `name` has, without opening it. */
  keyFor(name: string): Uint8Array {
    const kp = this.keyPairFor(name)
    wipe(kp.secretKey)
    return Hypercore.key(manifestFor(kp.publicKey))
  }

  /** Opens this profile's writable device log `name`; the same name gives the same open log. */
  openDeviceLog(name: string): Promise<DeviceLog> {
    if (this.closing) return Promise.reject(errors.STORE_UNAVAILABLE('the group store is closed'))
    const open = this.logs.get(name)
    if (open) return open
    const opening = this.openLog(name)
    this.logs.set(name, opening)
    opening.catch(() => this.logs.delete(name))
    return opening
  }

  /**
   * Opens another device's log by its key, read-only: the copy this store holds of a fellow
   * member's log. A block not held yet reads as null (replication fills it in).
   */
  async openPeerLog(key: Uint8Array): Promise<PeerLog> {
    const core = await this.session(key, 'open a member log')
    return {
      key: Buffer.from(key).toString('hex'),
      get length() {
        return core.length
      },
      get: async (index) => {
        try {
          return await core.get(index, { wait: false })
        } catch (e) {
          throw storeError(e, `read block ${index}`)
        }
      },
    }
  }

  /**
   * A Hypercore session on a log of this store (ours or a fellow member's) for replication: the
   * network layer attaches it to authenticated connections one by one (core/net/group-swarm.ts).
   */
  replicationSession(key: Uint8Array): Promise<HypercoreSession> {
    return this.session(key, 'open a log for replication')
  }

  /** One of this profile's own open device logs, by key, or null (core/group/device-proof.ts). */
  async ownLog(key: Uint8Array): Promise<DeviceLog | null> {
    for (const opening of this.logs.values()) {
      const log = await opening.catch(() => null)
      if (log && Buffer.from(log.key).equals(Buffer.from(key))) return log
    }
    return null
  }

  /**
   * A fellow member's log to be filled from an archive (core/store/log-proofs.ts): opened from its
   * signer's public key, which must hash to `key`. ARCHIVE_CORRUPT when it does not.
   */
  async importSession(signer: Uint8Array, key: Uint8Array): Promise<HypercoreSession> {
    if (this.closing) throw errors.STORE_UNAVAILABLE('the group store is closed')
    const manifest = manifestFor(signer)
    if (!Buffer.from(Hypercore.key(manifest)).equals(Buffer.from(key))) throw errors.ARCHIVE_CORRUPT('a log does not match its signer')
    const core = this.store.get({ manifest })
    try {
      await core.ready()
    } catch (e) {
      await core.close().catch(() => undefined)
      throw storeError(e, 'open a member log')
    }
    this.peers.add(core)
    return core
  }

  /** A session on the core with this key, closed with the store. */
  private async session(key: Uint8Array, what: string): Promise<HypercoreSession> {
    if (this.closing) throw errors.STORE_UNAVAILABLE('the group store is closed')
    if (!(key instanceof Uint8Array) || key.length !== 32) throw errors.INVALID_INPUT('a log key is 32 bytes')
    const core = this.store.get({ key })
    try {
      await core.ready()
    } catch (e) {
      await core.close().catch(() => undefined)
      throw storeError(e, what)
    }
    this.peers.add(core)
    return core
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = (async () => {
        for (const core of this.peers) await core.close().catch(() => undefined)
        const logs = await Promise.allSettled(this.logs.values())
        for (const l of logs) if (l.status === 'fulfilled') await l.value.close()
        await this.store.close().catch(() => undefined)
        wipe(this.logSecret)
      })()
    }
    return this.closing
  }

  private async openLog(name: string): Promise<DeviceLog> {
    const keyPair = this.keyPairFor(name)
    const core = this.store.get({ manifest: manifestFor(keyPair.publicKey) })
    try {
      await core.ready()
    } catch (e) {
      wipe(keyPair.secretKey)
      await core.close().catch(() => undefined)
      throw storeError(e, 'open a group log')
    }
    return new DeviceLog(name, core, keyPair, () => this.logs.delete(name))
  }

  private keyPairFor(name: string): KeyPair {
    if (typeof name !== 'string' || !NAME_RE.test(name)) throw errors.INVALID_INPUT('a log name is 1–128 of [A-Za-z0-9_.:-]')
    if (this.closing) throw errors.STORE_UNAVAILABLE('the group store is closed')
    const seed = keyedHash(this.logSecret, new TextEncoder().encode(`hearth/device-log/v1/${name}`))
    const keyPair = fastProvider.signKeyPairFromSeed(seed)
    wipe(seed)
    return keyPair
  }
}

/** A fellow member's log as this store holds it: read-only, possibly not complete. */
export interface PeerLog {
  /** hex */
  readonly key: string
  readonly length: number
  get(index: number): Promise<Uint8Array | null>
}

/** The key of the log whose Hypercore signer is `signer`. */
export function logKeyOf(signer: Uint8Array): Uint8Array {
  return Hypercore.key(manifestFor(signer))
}

/** Pinned: a log's key is the hash of this manifest, so changing it would orphan every log. */
function manifestFor(publicKey: Uint8Array): Manifest {
  return { version: 1, signers: [{ publicKey }] }
}
