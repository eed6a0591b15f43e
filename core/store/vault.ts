/**
 * The profile vault: the one place a profile's secrets live (identities, group secrets, epoch
 * keys), sealed under a random master key that is itself sealed under a key derived from the
 * user's passphrase. File layout: ./vault-format.ts.
 *
 * Lifecycle: create → unlocked; lock drops and wipes every key and entry in memory; unlock
 * checks the passphrase (with back-off after repeated failures); changePassphrase re-wraps the
 * master key; destroy overwrites and deletes the file, then the whole profile folder.
 *
 * Every change is one atomic file replacement, and changes run one at a time, so a crash leaves
 * the vault as it was before or after the change, never between.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { errors, HearthError } from '../errors.ts'
import { keyedHash } from '../crypto/hash.ts'
import { deriveKey, KDF_DEFAULTS, KDF_SALT_BYTES, checkKdfParams, type KdfParams } from '../crypto/kdf.ts'
import { randomBytes } from '../crypto/random.ts'
import { openSecret, sealSecret } from '../crypto/secretbox.ts'
import { copyBytes, wipe } from '../crypto/wipe.ts'
import { readFileOrNull, removeStaleTemps, syncDir, writeFileAtomic } from './atomic-file.ts'
import { UnlockBackoff, retryAfterMs } from './unlock-backoff.ts'
import { profileRemnants } from './profile-remnants.ts'
import { decodeEntries, decodeVaultFile, encodeEntries, encodeVaultFile, type VaultFile } from './vault-format.ts'

export const VAULT_FILE = 'vault.hearth'
export const MIN_PASSPHRASE_CHARS = 8
export const MAX_PASSPHRASE_CHARS = 1024

export interface VaultOptions {
  /** Clock for the back-off; tests pass their own. */
  now?: () => number
  /** argon2id cost for new wrappers. Only tests lower it; files record their own parameters. */
  kdf?: KdfParams
}

interface Unlocked {
  file: VaultFile
  masterKey: Uint8Array
  entries: Map<string, Uint8Array>
}

export function checkNewPassphrase(passphrase: string): void {
  const chars = [...passphrase.normalize('NFC')].length
  if (chars < MIN_PASSPHRASE_CHARS) throw errors.WEAK_PASSPHRASE(`use at least ${MIN_PASSPHRASE_CHARS} characters`)
  if (chars > MAX_PASSPHRASE_CHARS) throw errors.INVALID_INPUT(`a passphrase may have at most ${MAX_PASSPHRASE_CHARS} characters`)
}

export class Vault {
  readonly dir: string
  readonly file: string
  private readonly now: () => number
  private readonly kdf: KdfParams
  private readonly backoff: UnlockBackoff
  private state: Unlocked | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dir: string, opts: VaultOptions = {}) {
    this.dir = dir
    this.file = path.join(dir, VAULT_FILE)
    this.now = opts.now ?? Date.now
    this.kdf = opts.kdf ?? KDF_DEFAULTS
    checkKdfParams(this.kdf)
    this.backoff = new UnlockBackoff(dir)
  }

  get unlocked(): boolean {
    return this.state !== null
  }

  async exists(): Promise<boolean> {
    try {
      return (await readFileOrNull(this.file)) !== null
    } catch {
      return true // there, but not a readable file (a folder in its place): opening says VAULT_CORRUPT
    }
  }

  /** A lost vault's data in the folder, when there is no vault file (profile-remnants.ts). */
  async remnants(): Promise<string[]> {
    return (await this.exists()) ? [] : profileRemnants(this.dir)
  }

  async retryAfterMs(): Promise<number> {
    if (!(await this.exists())) return 0
    return retryAfterMs(await this.backoff.read(this.now()), this.now())
  }

  create(passphrase: string): Promise<void> {
    return this.serial(async () => {
      checkNewPassphrase(passphrase)
      await fs.mkdir(this.dir, { recursive: true, mode: 0o700 })
      if (await this.exists()) throw errors.PROFILE_EXISTS()
      // Never a fresh vault beside data of a lost one (profile-remnants.ts).
      const left = await this.remnants()
      if (left.length) throw errors.VAULT_MISSING(`found ${left.join(', ')}`)
      const masterKey = randomBytes(32)
      const entries = new Map<string, Uint8Array>()
      const file = await this.wrap(passphrase, masterKey, sealSecret(masterKey, encodeEntries(entries)))
      await writeFileAtomic(this.file, encodeVaultFile(file))
      this.state = { file, masterKey, entries }
    })
  }

  unlock(passphrase: string): Promise<void> {
    return this.serial(async () => {
      if (this.state) return
      const file = await this.readFile()
      await removeStaleTemps(this.file)
      const masterKey = await this.checkPassphrase(file, passphrase)
      let plain: Uint8Array
      try {
        plain = openSecret(masterKey, file.body)
      } catch {
        wipe(masterKey)
        throw errors.VAULT_CORRUPT('the contents do not match the key')
      }
      const entries = decodeEntries(plain)
      wipe(plain)
      this.state = { file, masterKey, entries }
    })
  }

  /**
   * Checks a passphrase against the file on disk, with the same back-off as unlock, without
   * unlocking or locking anything: for a running node asked to prove a caller knows it.
   */
  verifyPassphrase(passphrase: string): Promise<void> {
    return this.serial(async () => {
      wipe(await this.checkPassphrase(await this.readFile(), passphrase))
    })
  }

  /** Synchronous on purpose: quick exit must not wait on disk or on a queued change. */
  lock(): void {
    const s = this.state
    this.state = null
    if (!s) return
    wipe(s.masterKey)
    for (const v of s.entries.values()) wipe(v)
    s.entries.clear()
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return this.serial(async () => {
      checkNewPassphrase(next)
      const s = this.requireUnlocked()
      const onDisk = await this.readFile()
      const masterKey = await this.checkPassphrase(onDisk, current)
      wipe(masterKey)
      const file = await this.wrap(next, s.masterKey, s.file.body)
      await writeFileAtomic(this.file, encodeVaultFile(file))
      s.file = file
    })
  }

  /** The stored value, or undefined. Do not keep it: lock() wipes it in place. */
  get(name: string): Uint8Array | undefined {
    return this.requireUnlocked().entries.get(name)
  }

  names(): string[] {
    return [...this.requireUnlocked().entries.keys()]
  }

  /** Stores a copy of `value` and resolves once it is durable on disk. */
  set(name: string, value: Uint8Array): Promise<void> {
    return this.mutate((entries) => {
      entries.set(name, copyBytes(value))
    })
  }

  /** Stores several entries in one durable write: all of them land, or none. */
  setMany(entries: [string, Uint8Array][]): Promise<void> {
    return this.mutate((map) => {
      // One copy per name (the last given wins): a first copy of a name given twice would be in
      // neither the old entries nor the new, and never wiped.
      for (const [name, value] of new Map(entries)) map.set(name, copyBytes(value))
    })
  }

  delete(name: string): Promise<void> {
    return this.mutate((entries) => {
      entries.delete(name)
    })
  }

  /** A 32-byte key for one purpose, derived from the master key (BLAKE2b keyed by it). */
  subkey(purpose: string): Uint8Array {
    return keyedHash(this.requireUnlocked().masterKey, new TextEncoder().encode(`hearth/subkey/v1/${purpose}`))
  }

  /**
   * Panic wipe. Overwrites the vault file with random bytes before deleting everything, so the
   * wrapped keys are gone even where deletion only unlinks. On flash storage an overwrite may land
   * elsewhere; the old blocks still need the passphrase, and docs/decisions.md says so plainly.
   */
  async destroy(): Promise<void> {
    this.lock()
    await this.queue.catch(() => undefined)
    const size = (await fs.stat(this.file).catch(() => null))?.size ?? 0
    if (size > 0) {
      const fh = await fs.open(this.file, 'r+')
      try {
        await fh.write(randomBytes(size), 0, size, 0)
        await fh.sync()
      } finally {
        await fh.close()
      }
    }
    await fs.rm(this.dir, { recursive: true, force: true })
    await syncDir(path.dirname(this.dir)).catch(() => undefined)
  }

  private requireUnlocked(): Unlocked {
    if (!this.state) throw errors.PROFILE_LOCKED()
    return this.state
  }

  /**
   * A change is made on a copy of the entries and swapped in once durable. The values it replaces
   * or deletes are wiped only after the swap: until then `get` still returns them (a read during
   * the write, e.g. of a group's meta while the registry rewrites it, must not see zeros), and a
   * write that fails leaves them as they were.
   */
  private mutate(change: (entries: Map<string, Uint8Array>) => void): Promise<void> {
    return this.serial(async () => {
      const s = this.requireUnlocked()
      const before = s.entries
      const entries = new Map(before)
      change(entries)
      const plain = encodeEntries(entries)
      const file: VaultFile = { ...s.file, body: sealSecret(s.masterKey, plain) }
      wipe(plain)
      try {
        await writeFileAtomic(this.file, encodeVaultFile(file))
      } catch (e) {
        for (const [name, v] of entries) if (before.get(name) !== v) wipe(v)
        throw e
      }
      if (this.state !== s) {
        // locked while the write was in flight: the new copies must not outlive the lock
        for (const v of entries.values()) wipe(v)
        return
      }
      s.entries = entries
      s.file = file
      for (const [name, v] of before) if (entries.get(name) !== v) wipe(v)
    })
  }

  private async readFile(): Promise<VaultFile> {
    let bytes: Uint8Array | null
    try {
      bytes = await readFileOrNull(this.file)
    } catch (e) {
      throw errors.VAULT_CORRUPT(`${VAULT_FILE} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, { cause: e })
    }
    if (!bytes) {
      const left = await this.remnants()
      throw left.length ? errors.VAULT_MISSING(`found ${left.join(', ')}`) : errors.PROFILE_NOT_FOUND()
    }
    return decodeVaultFile(bytes)
  }

  private async wrap(passphrase: string, masterKey: Uint8Array, body: Uint8Array): Promise<VaultFile> {
    const salt = randomBytes(KDF_SALT_BYTES)
    const kek = await deriveKey(passphrase, salt, this.kdf)
    const wrappedKey = sealSecret(kek, masterKey)
    wipe(kek)
    return { kdf: { ...this.kdf }, salt, wrappedKey, body }
  }

  /** Returns the master key if `passphrase` opens `file`; applies and records the back-off. */
  private async checkPassphrase(file: VaultFile, passphrase: string): Promise<Uint8Array> {
    const now = this.now()
    const attempts = await this.backoff.read(now)
    const wait = retryAfterMs(attempts, now)
    if (wait > 0) throw errors.TOO_MANY_ATTEMPTS(undefined, { retryAfterMs: wait })
    try {
      checkKdfParams(file.kdf)
    } catch {
      throw errors.VAULT_CORRUPT('key-derivation parameters are out of range')
    }
    await this.backoff.recordAttempt(attempts, now)
    const kek = await deriveKey(passphrase, file.salt, file.kdf)
    try {
      const masterKey = openSecret(kek, file.wrappedKey)
      await this.backoff.clear()
      return masterKey
    } catch (e) {
      if (e instanceof HearthError && e.code === 'CRYPTO_OPEN_FAILED') throw errors.WRONG_PASSPHRASE()
      throw e
    } finally {
      wipe(kek)
    }
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op)
    this.queue = run.catch(() => undefined)
    return run
  }
}
