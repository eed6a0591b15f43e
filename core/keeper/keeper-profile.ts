/**
 * A keeper's own profile folder (never a member's): a vault sealed by the operator's passphrase,
 * holding the keeper's key seed and its record of groups, and a Corestore of the groups' logs.
 *
 *   <dir>/vault.hearth   vault entries: "keeper/seed" (32 bytes), "keeper/groups" (JSON, below)
 *   <dir>/logs/          Corestore (store-open.ts): the device logs, as the ciphertext members wrote
 *   <dir>/mailboxes/     join requests and answers waiting (keeper-mailbox-file.ts), sealed under
 *                        the vault's subkey "keeper-mailboxes"
 *
 * The groups record, v2: { "v": 2, "groups": { <access public key hex>: { "logs": [<log key hex>] } },
 *   "retired": { <retired access public key hex>: <its succeed message hex (keeper-succession.ts)> } }.
 * v1 (no "retired") is read as v2 with none retired.
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
import { MailboxFiles } from './keeper-mailbox-file.ts'

const SEED = 'keeper/seed'
const GROUPS = 'keeper/groups'

export interface KeeperProfile {
  readonly keyPair: { publicKey: Uint8Array; secretKey: Uint8Array }
  /** The registration secret its code carries (keeper-wire.ts): what lets a group be taken on. */
  readonly register: Uint8Array
  readonly store: CorestoreInstance
  /** access public key hex → the log keys (hex) kept for that group */
  readonly groups: Map<string, Set<string>>
  /** retired access public key hex → the succeed message that retired it (keeper-succession.ts) */
  readonly retired: Map<string, Uint8Array>
  /** The mailboxes' sealed files (keeper-mailbox-file.ts). */
  readonly mailboxFiles: MailboxFiles
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
  const { groups, retired } = readGroups(vault.get(GROUPS))
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
  const mailboxFiles = new MailboxFiles(path.join(dir, 'mailboxes'), vault.subkey('keeper-mailboxes'))
  return {
    keyPair,
    register,
    store,
    groups,
    retired,
    mailboxFiles,
    saveGroups() {
      const bytes = writeGroups(groups, retired)
      saving = saving.catch(() => undefined).then(() => vault.set(GROUPS, bytes))
      return saving
    },
    async close() {
      await Promise.all([saving.catch(() => undefined), mailboxFiles.flush()])
      await store.close().catch(() => undefined)
      vault.lock()
    },
  }
}

type Record2 = { groups: Map<string, Set<string>>; retired: Map<string, Uint8Array> }
const HEX64 = /^[0-9a-f]{64}$/

function readGroups(bytes: Uint8Array | undefined): Record2 {
  const out = new Map<string, Set<string>>()
  const retired = new Map<string, Uint8Array>()
  if (!bytes) return { groups: out, retired }
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    throw errors.VAULT_CORRUPT('the keeper’s record of groups cannot be read')
  }
  const { v, groups, retired: gone } = parsed as { v?: unknown; groups?: unknown; retired?: unknown }
  if ((v !== 1 && v !== 2) || typeof groups !== 'object' || groups === null) throw errors.VAULT_CORRUPT('the keeper’s record of groups is not version 1 or 2')
  for (const [access, g] of Object.entries(groups as Record<string, { logs?: unknown }>)) {
    const logs = Array.isArray(g.logs) ? g.logs.filter((k): k is string => typeof k === 'string' && /^[0-9a-f]{64}$/.test(k)) : []
    if (HEX64.test(access)) out.set(access, new Set(logs))
  }
  if (v === 2 && typeof gone === 'object' && gone !== null) {
    for (const [access, m] of Object.entries(gone as Record<string, unknown>)) if (HEX64.test(access) && typeof m === 'string' && /^([0-9a-f]{2})+$/.test(m)) retired.set(access, Uint8Array.from(Buffer.from(m, 'hex')))
  }
  return { groups: out, retired }
}

function writeGroups(groups: Map<string, Set<string>>, retired: Map<string, Uint8Array>): Uint8Array {
  const obj: Record<string, { logs: string[] }> = {}
  for (const [access, logs] of groups) obj[access] = { logs: [...logs] }
  const gone: Record<string, string> = {}
  for (const [access, m] of retired) gone[access] = Buffer.from(m).toString('hex')
  return new TextEncoder().encode(JSON.stringify({ v: 2, groups: obj, retired: gone }))
}
