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
 * Damage. ./store-open.ts opens the store so that damage is never made worse: no fresh database
 * over an existing profile, a damaged write-ahead log kept whole before anything is recovered.
 * What a damaged store lost is caught by ./log-lengths.ts (each own log's length, kept outside
 * the store) and ./own-log-guard.ts, which refuses writes that could contradict a block this
 * device already published until peers have given the lost blocks back.
 *
 * Names. A log is opened by a caller-chosen name, and the name alone fixes its key. Use one name
 * per membership, never per group: a member removed and later re-admitted needs a fresh log,
 * because everyone rejects the old log's blocks past its cut-off (§3.3).
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { errors } from '../errors.ts'
import { keyedHash } from '../crypto/hash.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { copyBytes, wipe } from '../crypto/wipe.ts'
import { DeviceLog, storeError } from './device-log.ts'
import { peerLog, type PeerLog } from './peer-log.ts'
import { Hypercore, type CorestoreInstance, type HypercoreSession, type KeyPair, type Manifest } from './holepunch.ts'
import { LogLengths, logLengthsKey, readLogLengths, LOG_LENGTHS_FILE } from './log-lengths.ts'
import { OwnLogGuard, type OwnLogState } from './own-log-guard.ts'
import { openStoreSafely } from './store-open.ts'

export type { PeerLog } from './peer-log.ts'

export const LOG_STORE_DIR = 'logs'
export const LOG_STORE_KEY_PURPOSE = 'device-logs'
/** Own logs that are never replicated, so no peer can hold a block of theirs (core/store/personal-docs.ts). */
const UNPUBLISHED = new Set(['personal'])

/** How the store was found when it opened; the front ends say so (docs/decisions.md). */
export interface StoreHealth {
  /** The write-ahead log was damaged: its files were kept here whole before the rest was recovered (now or at an earlier open). */
  recoveredFrom: string | null
  /** A copy of the profile (moved, restored from a backup): own logs wait for a peer before writing. */
  moved: boolean
  /** The own-log record was missing or damaged (kept aside as this path, when it could be). */
  recordLost: boolean
}
const NAME_RE = /^[a-zA-Z0-9_.:-]{1,128}$/

export class LogStore {
  readonly dir: string
  private readonly store: CorestoreInstance
  private readonly logSecret: Uint8Array
  private readonly logs = new Map<string, Promise<DeviceLog>>()
  private readonly peers = new Set<HypercoreSession>()
  private closing: Promise<void> | null = null

  private constructor(
    dir: string,
    store: CorestoreInstance,
    logSecret: Uint8Array,
    private readonly lengths: LogLengths,
    /** Own logs not in the record start unconfirmed (the record was lost, or this is a copy). */
    private readonly doubtful: boolean,
    readonly health: StoreHealth,
  ) {
    this.dir = dir
    this.store = store
    this.logSecret = logSecret
  }

  /**
   * Opens `<profileDir>/logs`, creating it only for a new profile. `logSecret` is
   * `vault.subkey(LOG_STORE_KEY_PURPOSE)`; the store keeps its own copy and wipes it on close.
   * `mustExist`: the caller knows this profile has had a store (its vault names groups), so a
   * missing one is damage, not a new profile.
   */
  static async open(profileDir: string, logSecret: Uint8Array, opts: { mustExist?: boolean } = {}): Promise<LogStore> {
    if (!(logSecret instanceof Uint8Array) || logSecret.length !== 32) throw errors.INTERNAL('the log secret must be 32 bytes')
    const dir = path.join(profileDir, LOG_STORE_DIR)
    const key = logLengthsKey(logSecret)
    const hadRecord = await exists(path.join(profileDir, LOG_LENGTHS_FILE))
    const existing = hadRecord || (await exists(dir)) || opts.mustExist === true
    const opened = await openStoreSafely(profileDir, dir, existing)
    // Read after a successful open only: a store that cannot open changes no file of ours either.
    const rec = hadRecord ? await readLogLengths(profileDir, key) : ({ state: 'none' } as const)
    const moved = rec.state === 'ok' && rec.file.storeId !== opened.storeId
    const recordLost = !opened.created && rec.state !== 'ok'
    const logs = rec.state === 'ok' ? rec.file.logs : new Map()
    if (moved) for (const r of logs.values()) r.unconfirmed = true
    const lengths = LogLengths.at(profileDir, key, { storeId: opened.storeId, logs })
    const health: StoreHealth = { recoveredFrom: opened.recoveredFrom ?? (await keptCopy(profileDir)), moved, recordLost }
    try {
      if (opened.created || moved || recordLost) await lengths.flush()
      if (lengths.failed) throw errors.STORE_UNAVAILABLE(`the record ${LOG_LENGTHS_FILE} in the profile folder could not be written`)
    } catch (e) {
      await opened.store.close().catch(() => undefined)
      wipe(key)
      throw e
    }
    return new LogStore(dir, opened.store, copyBytes(logSecret), lengths, moved || recordLost, health)
  }

  /** How many times the own-log record changed: a call that moved it appended to an own log. */
  get recordChanges(): number {
    return this.lengths.changes
  }

  /** Resolves once the own-log record covers every append so far (log-lengths.ts `durable`). */
  recorded(): Promise<void> {
    return this.lengths.durable()
  }

  /** "Continue here": the member says this copy is the only one in use (api.ts `continueHere`). */
  async continueHere(name: string): Promise<void> {
    const log = await this.openDeviceLog(name)
    if (log.state().state === 'unconfirmed') await this.lengths.note(Buffer.from(log.key).toString('hex'), log.length, false)
  }

  /** Where this profile's own log `name` stands: whether it may write (own-log-guard.ts). */
  async ownLogState(name: string): Promise<OwnLogState> {
    const log = await this.openDeviceLog(name)
    return log.state()
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
  async openPeerLog(key: Uint8Array, reopened?: () => void): Promise<PeerLog> {
    // Hypercore closes every session of a log whose writer signed two trees at one fork, after
    // freezing its stored copy (core/group/fork-watch.ts). That copy still reads: peer-log.ts
    // opens it again, so the blocks before the freeze keep being read (a rebuild reads every log
    // again), and says what the log held until then; `reopened` is told once the new session is ready.
    return peerLog(key, await this.session(key, 'open a member log'), () => this.session(key, 'open a member log'), reopened)
  }

  /**
   * A Hypercore session on a log of this store (ours or a fellow member's) for replication: the
   * network layer attaches it to authenticated connections one by one (core/net/group-swarm.ts).
   */
  async replicationSession(key: Uint8Array): Promise<HypercoreSession> {
    const session = await this.session(key, 'open a log for replication')
    const heard = this.onTraffic
    if (heard) {
      session.on('upload', heard)
      session.on('download', heard)
    }
    return session
  }

  /**
   * Told of every block a replication session sends to a peer or receives from one: the
   * registry's traffic clock (core/group/traffic-clock.ts), so upkeep waits while this device serves.
   */
  onTraffic: (() => void) | null = null

  /** A log's length and fork id as this store holds it now, without keeping it open (core/group/first-screen.ts). */
  async logState(key: Uint8Array): Promise<{ length: number; fork: number }> {
    const core = await this.session(key, 'read a log length')
    try {
      return { length: core.length, fork: core.fork }
    } finally {
      this.peers.delete(core)
      await core.close().catch(() => undefined)
    }
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
        await this.lengths.close()
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
    let guard: OwnLogGuard | null = null
    if (!UNPUBLISHED.has(name)) {
      const key = Buffer.from(core.key as Uint8Array).toString('hex')
      // An empty log the record does not know is a new one (a group made or joined here): nobody
      // can hold a block of it. A peer that does hold some still stops its writes (rule 2).
      if (this.doubtful && !this.lengths.get(key) && core.length > 0) await this.lengths.note(key, core.length, true)
      guard = new OwnLogGuard(this.lengths, key)
    }
    return new DeviceLog(name, core, keyPair, () => this.logs.delete(name), guard)
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

/** The key of the log whose Hypercore signer is `signer`. */
export function logKeyOf(signer: Uint8Array): Uint8Array {
  return Hypercore.key(manifestFor(signer))
}

/** The newest whole copy of a damaged store kept in the profile by an earlier open, if any. */
async function keptCopy(profileDir: string): Promise<string | null> {
  const names = (await readdir(profileDir).catch(() => [] as string[])).filter((n) => n.startsWith('damaged-store-')).sort()
  const last = names[names.length - 1]
  return last ? path.join(profileDir, last) : null
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT'
  }
}

/** Pinned: a log's key is the hash of this manifest, so changing it would orphan every log. */
function manifestFor(publicKey: Uint8Array): Manifest {
  return { version: 1, signers: [{ publicKey }] }
}
