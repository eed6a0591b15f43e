/**
 * Opening the profile's RocksDB-backed Corestore without ever making damage worse
 * (docs/decisions.md, 2026-12-06 "Damage never destroys"). Hearth builds the hypercore-storage
 * itself so it can choose RocksDB's options:
 *
 *   - createIfMissing is false whenever the profile already had a store (a `logs/` folder or an
 *     own-log record exists): a missing CURRENT or MANIFEST is an error, never a fresh empty
 *     database written over the real data files.
 *   - A new store is made in `logs.new/`, closed, and renamed to `logs/` only when RocksDB has
 *     written it whole. So a `logs/` folder always held a complete store, and the rule above
 *     never mistakes a first start cut off by a crash or power loss (found by the device-log
 *     crash test in CI: a kill between `mkdir logs` and RocksDB's first CURRENT left a profile
 *     that could never open again) for damage. A leftover `logs.new/` never returned from its
 *     open, so nothing in it was acknowledged; it is made again.
 *   - walRecoveryMode is ABSOLUTE_CONSISTENCY: a write-ahead log with a torn or altered record
 *     fails the open instead of being cut silently at the damage (RocksDB's default,
 *     POINT_IN_TIME, drops every later record and then deletes the file). Only then, and only
 *     after a byte copy of `logs/db` is kept in `<profile>/damaged-store-<time>/`, is the store
 *     opened point-in-time; the own-log record (log-lengths.ts) catches the blocks it lost.
 *   - allowBackup: Holepunch's device file (`logs/CORESTORE`) refuses any copy of the folder,
 *     with no way on. Hearth tells a copy from the original itself (the own-log record holds the
 *     inode of `logs/db`) and answers a copy by checking with peers before writing (log-store.ts).
 *     RocksDB's own LOCK file still keeps a second process out.
 *
 * A failed open changes nothing but RocksDB's diagnostic `LOG` file, which RocksDB rotates to
 * `LOG.old.<time>` on every attempt before it reads anything (it holds no group data).
 *
 * Permissions: the process umask is set to 077 before the store opens and left so, because
 * RocksDB keeps creating files (new tables, logs) for as long as it runs; files made earlier
 * (by older versions) are chmodded 0600 and folders 0700 at every open.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { errors, HearthError } from '../errors.ts'
import { Corestore, type CorestoreInstance } from './holepunch.ts'

const require = createRequire(import.meta.url)
const RocksDB = require('rocksdb-native') as new (dir: string, opts: Record<string, unknown>) => { ready(): Promise<void>; close(): Promise<void> }
const Storage = require('hypercore-storage') as new (dir: string, opts: Record<string, unknown>) => { close(): Promise<void> }
const CorestoreWith = Corestore as unknown as new (storage: object) => CorestoreInstance

/** rocksdb-native's constants.walRecoveryMode */
const ABSOLUTE_CONSISTENCY = 1
const POINT_IN_TIME = 2

export interface OpenedStore {
  store: CorestoreInstance
  /** Inode of `logs/db`: a copy of the profile has another. */
  storeId: string
  /** The store was made now (a new profile). */
  created: boolean
  /** The write-ahead log was damaged; the originals were kept at this path and the rest recovered. */
  recoveredFrom: string | null
}

export async function openStoreSafely(profileDir: string, dir: string, existing: boolean): Promise<OpenedStore> {
  ownerOnlyFromNowOn()
  const db = path.join(dir, 'db')
  if (existing) {
    await requireFolder(dir, 'logs')
    await requireFolder(db, 'logs/db')
    // Checked before RocksDB runs: without CURRENT it would make its LOCK and LOG files first.
    await requireFile(path.join(db, 'CURRENT'), 'logs/db/CURRENT')
    await ownerOnly(dir)
  } else {
    await createWhole(dir)
  }
  let failure: unknown
  try {
    const store = await open(dir, { createIfMissing: false, walRecoveryMode: ABSOLUTE_CONSISTENCY })
    await ownerOnly(dir)
    return { store, storeId: await storeId(db), created: !existing, recoveredFrom: null }
  } catch (e) {
    failure = e
  }
  if (!existing || !looksLikeWalDamage(failure)) throw openError(failure)
  // The strict open failed on damage in the write-ahead log: keep every byte, then recover.
  const kept = path.join(profileDir, `damaged-store-${new Date().toISOString().replace(/[:.]/g, '-')}`)
  try {
    await fs.cp(db, path.join(kept, 'db'), { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true })
  } catch (e) {
    await fs.rm(kept, { recursive: true, force: true }).catch(() => undefined)
    throw errors.LOG_CORRUPT(`${damaged}; a copy of it could not be kept first (${(e as Error).message}), so nothing was changed. Free some disk space and open the profile again`, { cause: failure })
  }
  try {
    const store = await open(dir, { createIfMissing: false, walRecoveryMode: POINT_IN_TIME })
    await ownerOnly(dir)
    await ownerOnly(kept)
    return { store, storeId: await storeId(db), created: false, recoveredFrom: kept }
  } catch (e) {
    await fs.rm(kept, { recursive: true, force: true }).catch(() => undefined)
    throw openError(e)
  }
}

/**
 * Makes an empty store at `dir` so that `dir` appears only once the store is complete. The staged
 * database is bare RocksDB with nothing written: hypercore-storage writes its first records on the
 * real open, as before, so a new store's files are the ones it always had (a record written in the
 * staged open would be recovered into an extra table at the next open, and with one table more
 * RocksDB starts compacting sooner).
 */
async function createWhole(dir: string): Promise<void> {
  const staging = `${dir}.new`
  await fs.rm(staging, { recursive: true, force: true })
  await fs.mkdir(staging, { recursive: true, mode: 0o700 })
  const db = new RocksDB(path.join(staging, 'db'), { createIfMissing: true })
  await db.ready()
  await db.close()
  await fs.rename(staging, dir)
}

const damaged = 'the group store’s write-ahead log (logs/db/*.log) is damaged'

async function open(dir: string, opts: { createIfMissing: boolean; walRecoveryMode: number }): Promise<CorestoreInstance> {
  const storage = new Storage(dir, { allowBackup: true, ...opts })
  const store = new CorestoreWith(storage)
  try {
    await store.ready()
    return store
  } catch (e) {
    await store.close().catch(() => undefined)
    await storage.close().catch(() => undefined)
    throw e
  }
}

async function requireFolder(p: string, name: string): Promise<void> {
  let st
  try {
    st = await fs.stat(p)
  } catch {
    throw errors.LOG_CORRUPT(`the folder ${name} of this profile is missing. Put it back from where the profile came from (a backup, the old computer), or ask for help`)
  }
  if (!st.isDirectory()) throw errors.LOG_CORRUPT(`${name} in this profile is not a folder. Put the folder back from a backup`)
}

async function requireFile(p: string, name: string): Promise<void> {
  let st
  try {
    st = await fs.stat(p)
  } catch {
    throw errors.LOG_CORRUPT(`a file of the group store is missing (${name}). Put it back from where the profile came from, then open it again`)
  }
  if (!st.isFile()) throw errors.LOG_CORRUPT(`${name} in this profile is not a file. Put it back from a backup`)
}

/**
 * What tells this store folder from a copy of it: its inode AND its birth time. The inode alone
 * is not enough: a filesystem hands a freed inode number to the next folder it makes, so deleting
 * the profile and restoring a backup to the same place (the usual restore) very often gives the
 * new `logs/db` the old number, and the copy passed for the original (found by restored-backup's
 * "Birch first" run in CI). A birth time cannot be set from user space, so a restored or copied
 * folder always has a new one. Where the filesystem keeps no birth time Node reports 0 and the
 * inode stands alone, as before.
 */
export async function storeId(db: string): Promise<string> {
  const st = await fs.stat(db, { bigint: true })
  return `${st.ino}:${st.birthtimeNs}`
}

/**
 * Whether a strict open failed on something point-in-time recovery may get past: anything but a
 * named bookkeeping or table file, a lock, or the disk refusing. Trying is safe: the store is
 * copied whole first, and the copy is dropped again if the second open fails too.
 */
function looksLikeWalDamage(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e)
  return !/MANIFEST|CURRENT|OPTIONS|\.sst|\.blob|\bLOCK\b|lock hold|No locks available|ENOSPC|EACCES|EPERM|EROFS|No space|Permission denied|Read-only/i.test(m)
}

/** A RocksDB open failure in plain words, with what to do. */
export function openError(e: unknown): HearthError {
  if (e instanceof HearthError) return e
  const m = e instanceof Error ? e.message : String(e)
  if (/lock hold|No locks available|could not be locked|Resource temporarily unavailable/i.test(m)) {
    return errors.STORE_UNAVAILABLE('another Hearth is using this profile; close it first', { cause: e })
  }
  const file = /(CURRENT|MANIFEST-\d+|OPTIONS-\d+|\d+\.(?:sst|blob|log))/.exec(m)?.[1]
  if (/does not exist|No such file|not found/i.test(m)) {
    return errors.LOG_CORRUPT(`a file of the group store is missing${file ? ` (logs/db/${file})` : ''}. Put it back from where the profile came from, then open it again`, { cause: e })
  }
  if (/ENOSPC|EACCES|EPERM|EROFS|No space|Permission denied|Read-only/i.test(m)) {
    return errors.STORE_UNAVAILABLE(`the group store could not be opened (${m.slice(0, 200)}); nothing was changed`, { cause: e })
  }
  // Anything else RocksDB refuses in a store that exists is a damaged file (CURRENT without its
  // newline, a MANIFEST or table that does not parse, a folder where a file belongs).
  return errors.LOG_CORRUPT(`a file of the group store is damaged${file ? ` (logs/db/${file})` : ''} (${m.slice(0, 160)}). Put the profile back from a backup, or keep this one for help`, { cause: e })
}

let umaskSet = false
function ownerOnlyFromNowOn(): void {
  if (umaskSet || process.platform === 'win32') return
  try {
    process.umask(0o077)
    umaskSet = true
  } catch {
    // worker threads cannot set the umask: the chmod at every open still applies
  }
}

/** chmod 0700 every folder and 0600 every file under `dir` (links are left alone). */
export async function ownerOnly(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const walk = async (p: string): Promise<void> => {
    const st = await fs.lstat(p)
    if (st.isDirectory()) {
      if ((st.mode & 0o777) !== 0o700) await fs.chmod(p, 0o700)
      for (const name of await fs.readdir(p)) await walk(path.join(p, name))
    } else if (st.isFile() && (st.mode & 0o777) !== 0o600) {
      await fs.chmod(p, 0o600)
    }
  }
  await walk(dir).catch(() => undefined)
}
