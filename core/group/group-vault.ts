/**
 * A group's entries in the profile vault (all sealed inside the vault):
 *   group/<id>            JSON { v: 1, id, log, createdAt }  (log = this membership's device-log name; group-meta.ts)
 *   group/<id>/identity   32-byte identity seed (the per-group pseudonymous identity)
 *   group/<id>/secret     32-byte group secret (the swarm topic derives from it)
 *   group/<id>/epoch/<n>  32-byte epoch keys
 *   group/<id>/summary    JSON { v: 1, name, mode, role }: what the groups screen shows, kept
 *                         whenever governance changes it, so listing groups opens none of them
 * Reading and writing them is this module's one concept; the lifecycle of an open space is
 * group-registry.ts.
 */
import type { GroupSummary } from '../api.ts'
import { errors } from '../errors.ts'
import type { Vault } from '../store/vault.ts'
import type { GroupSpace } from './group-space.ts'
import { json, type GroupMeta } from './group-meta.ts'

/** Every group id this vault holds. */
export function groupIds(vault: Vault): string[] {
  return vault.names().filter((n) => /^group\/[0-9a-f]{32}$/.test(n)).map((n) => n.slice('group/'.length))
}

/** The meta entry of a group. Throws GROUP_NOT_FOUND. */
export function groupMeta(vault: Vault, groupId: string): GroupMeta {
  const raw = vault.get(`group/${groupId}`)
  if (!raw) throw errors.GROUP_NOT_FOUND()
  return JSON.parse(new TextDecoder().decode(raw)) as GroupMeta
}

/** The identity seed of this membership. Throws VAULT_CORRUPT when missing. */
export function identitySeed(vault: Vault, groupId: string): Uint8Array {
  const seed = vault.get(`group/${groupId}/identity`)
  if (!seed) throw errors.VAULT_CORRUPT('a group identity is missing')
  return seed
}

/** The group secret. Throws VAULT_CORRUPT when missing. */
export function groupSecret(vault: Vault, groupId: string): Uint8Array {
  const secret = vault.get(`group/${groupId}/secret`)
  if (!secret) throw errors.VAULT_CORRUPT('a group secret is missing')
  return secret
}

/** Every epoch key kept for a group, as [epoch id, key]. */
export function epochKeys(vault: Vault, groupId: string): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = []
  for (const name of vault.names()) {
    const m = /^group\/[0-9a-f]{32}\/epoch\/(\d+)$/.exec(name)
    if (m && name.startsWith(`group/${groupId}/`)) out.push([Number(m[1]), vault.get(name) as Uint8Array])
  }
  return out
}

/** The entries that make a new membership, to write in one `setMany`. */
export function newGroupEntries(meta: GroupMeta, keys: { identity: Uint8Array; secret: Uint8Array; epochs: [number, Uint8Array][] }): [string, Uint8Array][] {
  const id = meta.id
  return [
    [`group/${id}/identity`, keys.identity],
    [`group/${id}/secret`, keys.secret],
    ...keys.epochs.map(([n, k]): [string, Uint8Array] => [`group/${id}/epoch/${n}`, k]),
    [`group/${id}`, json(meta)],
  ]
}

/** Epoch-key entries for keys opened from lockboxes (or made for a rotation). */
export function epochEntries(groupId: string, added: [number, Uint8Array][]): [string, Uint8Array][] {
  return added.map(([n, k]): [string, Uint8Array] => [`group/${groupId}/epoch/${n}`, k])
}

/** What the groups screen shows of an open space. */
export function spaceSummary(space: GroupSpace): GroupSummary {
  const gov = space.governance
  return { id: gov.groupId, name: gov.name, mode: gov.mode, role: gov.members.get(space.me)?.role ?? 'member' }
}

/** A kept summary, or null when there is none or it is not one (the group is then opened). */
export function keptSummary(vault: Vault, groupId: string): Omit<GroupSummary, 'id'> | null {
  const raw = vault.get(`group/${groupId}/summary`)
  if (!raw) return null
  try {
    const v = JSON.parse(new TextDecoder().decode(raw)) as Record<string, unknown>
    const { name, mode, role } = v
    if (v.v !== 1 || typeof name !== 'string' || (mode !== 'survivor-led' && mode !== 'facilitated') || (role !== 'facilitator' && role !== 'member')) return null
    return { name, mode, role }
  } catch {
    return null
  }
}

/** The summary entry to write for an open space, or null when the kept one says the same. */
export function summaryEntry(vault: Vault, space: GroupSpace): [string, Uint8Array] | null {
  const groupId = space.groupId
  if (!groupId) return null
  const { id: _id, ...now } = spaceSummary(space)
  const kept = keptSummary(vault, groupId)
  if (kept && kept.name === now.name && kept.mode === now.mode && kept.role === now.role) return null
  return [`group/${groupId}/summary`, json({ v: 1, ...now })]
}
