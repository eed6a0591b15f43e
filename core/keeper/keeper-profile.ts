/**
 * A keeper's own profile folder (never a member's): a vault sealed by the operator's passphrase,
 * holding the keeper's key seed and its record of groups, and a Corestore of the groups' logs.
 *
 *   <dir>/vault.hearth   vault entries: "keeper/seed" (32 bytes), "keeper/groups" (JSON, below)
 *   <dir>/logs/          Corestore (store-open.ts): the device logs, as the ciphertext members wrote
 *
 * The groups record, v1: { "v": 1, "groups": { <access public key hex>: { "logs": [<log key hex>] } } }.
 * It is public-shaped data (keys that open nothing), sealed anyway: which logs a keeper holds for
 * how many groups is nobody's business who finds the computer. No byte in the folder is
 * readable group content: the keeper never has a key that would make one (keeper-wire.ts).
 *
 * A folder whose vault has no "keeper/seed" is a member's profile, and is refused: running a
 * keeper on it would mix a member's keys into an always-on machine's duties.
 */
import { access } from 'node:fs/promises'
import path from 'node:path'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { randomBytes } from '../crypto/random.ts'
import { errors } from '../errors.ts'
import { Vault } from '../store/vault.ts'
import type { CorestoreInstance } from '../store/holepunch.ts'
import { openStoreSafely } from '../store/store-open.ts'
import { registrationSecret } from './keeper-wire.ts'

const SEED = 'keeper/seed'
const GROUPS = 'keeper/groups'

export interface KeeperProfile {
  readonly keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }
  /** The registration secret its code carries (keeper-wire.ts): what lets a group be taken on. */
  readonly register: Uint8Array
  readonly store: CorestoreInstance
  /** access public key hex → the log keys (hex) kept for that group */
  readonly groups: Map<string, Set<string>>
  /** Writes the groups record; calls are queued so the last one wins. */
  saveGroups(): Promise<void>
  close(): Promise<void>
}

export async function openKeeperProfile(dir: string, passphrase: string): Promise<KeeperProfile> {
  const vault = new Vault(dir)
  if (await vault.exists()) await vault.unlock(passphrase)
  else {
    await vault.create(passphrase)
    await vault.set(SEED, randomBytes(32))
  }
  const seed = vault.get(SEED)
  if (!seed) {
    vault.lock()
    throw errors.INVALID_INPUT('this folder holds a member’s profile, not a keeper’s; give the keeper a folder of its own with --profile')
  }
  const groups = readGroups(vault.get(GROUPS))
  const keyPair = fastProvider.signKeyPairFromSeed(seed)
  const register = registrationSecret(seed)
  const logsDir = path.join(dir, 'logs')
  const existing = await access(logsDir).then(() => true, () => false)
  let store: CorestoreInstance
  try {
    store = (await openStoreSafely(dir, logsDir, existing)).store
  } catch (e) {
    vault.lock()
    throw e
  }
  let saving: Promise<void> = Promise.resolve()
  return {
    keyPair,
    register,
    store,
    groups,
    saveGroups() {
      const bytes = writeGroups(groups)
      saving = saving.catch(() => undefined).then(() => vault.set(GROUPS, bytes))
      return saving
    },
    async close() {
      await saving.catch(() => undefined)
      await store.close().catch(() => undefined)
      vault.lock()
    },
  }
}

function readGroups(bytes: Uint8Array | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  if (!bytes) return out
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    throw errors.VAULT_CORRUPT('the keeper’s record of groups cannot be read')
  }
  const groups = (parsed as { v?: unknown; groups?: unknown }).groups
  if ((parsed as { v?: unknown }).v !== 1 || typeof groups !== 'object' || groups === null) throw errors.VAULT_CORRUPT('the keeper’s record of groups is not version 1')
  for (const [access, g] of Object.entries(groups as Record<string, { logs?: unknown }>)) {
    const logs = Array.isArray(g.logs) ? g.logs.filter((k): k is string => typeof k === 'string' && /^[0-9a-f]{64}$/.test(k)) : []
    if (/^[0-9a-f]{64}$/.test(access)) out.set(access, new Set(logs))
  }
  return out
}

function writeGroups(groups: Map<string, Set<string>>): Uint8Array {
  const obj: Record<string, { logs: string[] }> = {}
  for (const [access, logs] of groups) obj[access] = { logs: [...logs] }
  return new TextEncoder().encode(JSON.stringify({ v: 1, groups: obj }))
}
