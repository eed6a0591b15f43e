/**
 * A space sealed to a set of members inside a replicated Y.Doc, layout version 1: the key rule
 * the facilitators' debrief (debrief.ts) and each member's private line to the facilitators
 * (private-line.ts) share. Every block is already sealed under the group's epoch key, which every
 * member holds; entries here are sealed a second time under a key only the holders have:
 *
 *   keys     Y.Array of { v: 1, keyId: 16 hex, by: memberId, at: ms,
 *                         lockboxes: { <memberId>: base64 sealed box (core/crypto/sealedbox.ts)
 *                                      of the 32-byte key, to that member's box key } }
 *   entries  Y.Array of { v: 1, id: 16 hex, keyId, sealed: base64 secretbox (nonce || box) of
 *                         UTF-8 JSON { by: memberId, at: ms, text, ...fields of the space } }
 *
 * The current key is the last well-formed record in array order, which Yjs makes the same on
 * every peer. A writer whose node finds the current key's holders are not exactly the wanted set
 * writes a new key for exactly them before writing anything, so someone who left the set cannot
 * open what is written after that, and someone new cannot open what came before. Two writers
 * rotating at once both write a record; each entry names its key, so every entry stays readable
 * by that key's holders. Keys are fresh random bytes, one nonce per entry (secretbox.ts draws it
 * at random), opened inside core and wiped after use.
 */
import type * as Y from 'yjs'
import { randomBytes } from '../crypto/random.ts'
import { openSealed, sealTo } from '../crypto/sealedbox.ts'
import { openSecret, sealSecret } from '../crypto/secretbox.ts'
import { wipe } from '../crypto/wipe.ts'

export interface KeyRecord {
  keyId: string
  by: string
  at: number
  lockboxes: Record<string, string>
}

/** What every sealed entry carries; a space may add fields of its own. */
export interface SealedEntry {
  id: string
  by: string
  at: number
  text: string
}

/** Who I am, for opening lockboxes: my member id and box keypair. */
export interface Holder {
  id: string
  boxPublicKey: Uint8Array
  boxSecretKey: Uint8Array
}

const HEX16 = /^[0-9a-f]{16}$/
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64')
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'))
const newId = (): string => Buffer.from(randomBytes(8)).toString('hex')

function readKey(v: unknown): KeyRecord | null {
  const r = v as Record<string, unknown> | null
  if (!r || typeof r !== 'object' || r.v !== 1 || typeof r.keyId !== 'string' || !HEX16.test(r.keyId)) return null
  if (typeof r.by !== 'string' || typeof r.at !== 'number' || !r.lockboxes || typeof r.lockboxes !== 'object') return null
  const lockboxes: Record<string, string> = {}
  for (const [id, box] of Object.entries(r.lockboxes as Record<string, unknown>)) if (typeof box === 'string') lockboxes[id] = box
  return { keyId: r.keyId, by: r.by, at: r.at, lockboxes }
}

export function keyRecords(doc: Y.Doc): KeyRecord[] {
  return doc.getArray<unknown>('keys').toArray().map(readKey).filter((r): r is KeyRecord => r !== null)
}

export function currentKey(doc: Y.Doc): KeyRecord | null {
  return keyRecords(doc).at(-1) ?? null
}

/** Whether a key's holders are exactly `wanted` (member id → box key, hex). */
export function holdersMatch(record: KeyRecord | null, wanted: ReadonlyMap<string, string>): boolean {
  if (!record) return false
  const holders = Object.keys(record.lockboxes)
  return holders.length === wanted.size && holders.every((id) => wanted.has(id))
}

/** Writes a new key for exactly `holders`; returns it (the caller wipes it). */
export function rotateKey(doc: Y.Doc, holders: ReadonlyMap<string, string>, by: string, now: number): { record: KeyRecord; key: Uint8Array } {
  const key = randomBytes(32)
  const lockboxes: Record<string, string> = {}
  for (const [id, boxKey] of holders) lockboxes[id] = b64(sealTo(key, Buffer.from(boxKey, 'hex')))
  const record: KeyRecord = { keyId: newId(), by, at: now, lockboxes }
  doc.getArray<unknown>('keys').push([{ v: 1, ...record }])
  return { record, key }
}

/** Opens my lockbox of a key; null when I hold none or it does not open. */
export function openKey(record: KeyRecord, me: Holder): Uint8Array | null {
  const box = record.lockboxes[me.id]
  if (!box) return null
  try {
    const key = openSealed(unb64(box), me.boxPublicKey, me.boxSecretKey)
    return key.length === 32 ? key : null
  } catch {
    return null
  }
}

/** Seals one entry under `key` (named by `record`) and appends it; returns its id. */
export function sealEntry(doc: Y.Doc, record: KeyRecord, key: Uint8Array, fields: Omit<SealedEntry, 'id'> & Record<string, unknown>): string {
  const id = newId()
  const sealed = sealSecret(key, new TextEncoder().encode(JSON.stringify(fields)))
  doc.getArray<unknown>('entries').push([{ v: 1, id, keyId: record.keyId, sealed: b64(sealed) }])
  return id
}

/**
 * Every entry I can open, oldest first (array order), and how many I cannot. `check` turns an
 * opened payload into the space's entry, or null when it is not well formed (counted as sealed).
 */
export function openEntries<E extends SealedEntry>(doc: Y.Doc, me: Holder, check: (id: string, p: Record<string, unknown>) => E | null): { entries: E[]; sealed: number } {
  const records = new Map(keyRecords(doc).map((r) => [r.keyId, r]))
  const keys = new Map<string, Uint8Array | null>()
  const entries: E[] = []
  let sealed = 0
  try {
    for (const v of doc.getArray<unknown>('entries').toArray()) {
      const e = v as { v?: unknown; id?: unknown; keyId?: unknown; sealed?: unknown } | null
      if (!e || e.v !== 1 || typeof e.id !== 'string' || typeof e.keyId !== 'string' || typeof e.sealed !== 'string') continue
      if (!keys.has(e.keyId)) {
        const r = records.get(e.keyId)
        keys.set(e.keyId, r ? openKey(r, me) : null)
      }
      const key = keys.get(e.keyId)
      const payload = key ? openPayload(key, e.sealed) : null
      const entry = payload && typeof payload.by === 'string' && typeof payload.at === 'number' && typeof payload.text === 'string' ? check(e.id, payload) : null
      if (entry) entries.push(entry)
      else sealed++
    }
  } finally {
    for (const k of keys.values()) if (k) wipe(k)
  }
  return { entries, sealed }
}

function openPayload(key: Uint8Array, sealed: string): Record<string, unknown> | null {
  try {
    const p: unknown = JSON.parse(new TextDecoder().decode(openSecret(key, unb64(sealed))))
    return p && typeof p === 'object' ? (p as Record<string, unknown>) : null
  } catch {
    return null
  }
}
