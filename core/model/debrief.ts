/**
 * The facilitators' debrief space, `shared/debrief` (Yjs; only facilitators write it), layout
 * version 1. Every block is already sealed under the group's epoch key, which every member holds;
 * debrief entries are sealed a second time under a debrief key that only current facilitators
 * hold:
 *
 *   keys     Y.Array of { v: 1, keyId: 16 hex, by: memberId, at: ms,
 *                         lockboxes: { <memberId>: base64 sealed box (core/crypto/sealedbox.ts)
 *                                      of the 32-byte key, to that member's box key } }
 *   entries  Y.Array of { v: 1, id: 16 hex, keyId, sealed: base64 secretbox (nonce || box) of
 *                         UTF-8 JSON { by: memberId, at: ms, text } }
 *
 * The current key is the last well-formed record in array order, which Yjs makes the same on
 * every peer. Whenever a facilitator's node finds that the current key's holders are not exactly
 * the current facilitators, it writes a new key for exactly them before writing anything, so a
 * member who stopped facilitating cannot open what is written after that, and a new facilitator
 * cannot open what was written before. Two facilitators rotating at once both write a record;
 * each entry names its key, so every entry stays readable by that key's holders.
 */
import type * as Y from 'yjs'
import { errors } from '../errors.ts'
import { randomBytes } from '../crypto/random.ts'
import { openSealed, sealTo } from '../crypto/sealedbox.ts'
import { openSecret, sealSecret } from '../crypto/secretbox.ts'
import { wipe } from '../crypto/wipe.ts'
import { SUPPORT_LIMITS } from './support-vocabulary.ts'
import { arrayEntries, type WriterOf } from './shared-writers.ts'

export interface KeyRecord {
  keyId: string
  by: string
  at: number
  lockboxes: Record<string, string>
}

export interface DebriefEntry {
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

/** Whether a key's holders are exactly these facilitators (member id → box key, hex). */
export function holdersMatch(record: KeyRecord | null, facilitators: ReadonlyMap<string, string>): boolean {
  if (!record) return false
  const holders = Object.keys(record.lockboxes)
  return holders.length === facilitators.size && holders.every((id) => facilitators.has(id))
}

/** Writes a new key for exactly `facilitators`; returns it (the caller wipes it). */
export function rotateKey(doc: Y.Doc, facilitators: ReadonlyMap<string, string>, by: string, now: number): { record: KeyRecord; key: Uint8Array } {
  const key = randomBytes(32)
  const lockboxes: Record<string, string> = {}
  for (const [id, boxKey] of facilitators) lockboxes[id] = b64(sealTo(key, Buffer.from(boxKey, 'hex')))
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

export function addEntry(doc: Y.Doc, record: KeyRecord, key: Uint8Array, e: Omit<DebriefEntry, 'id'>): string {
  if (!e.text.trim()) throw errors.INVALID_INPUT('the entry is empty')
  if (e.text.length > SUPPORT_LIMITS.debriefText) throw errors.INVALID_INPUT('the entry is too long')
  const id = newId()
  const sealed = sealSecret(key, new TextEncoder().encode(JSON.stringify({ by: e.by, at: e.at, text: e.text })))
  doc.getArray<unknown>('entries').push([{ v: 1, id, keyId: record.keyId, sealed: b64(sealed) }])
  return id
}

/** Every entry I can open, oldest first, and how many I cannot. */
/** With `writerOf`, an entry's `by` is the facilitator whose signed block wrote it (shared-writers.ts). */
export function readEntries(doc: Y.Doc, me: Holder, writerOf?: WriterOf): { entries: DebriefEntry[]; sealed: number } {
  const records = new Map(keyRecords(doc).map((r) => [r.keyId, r]))
  const keys = new Map<string, Uint8Array | null>()
  const entries: DebriefEntry[] = []
  let sealed = 0
  try {
    for (const { value: v, client } of arrayEntries(doc.getArray<unknown>('entries'))) {
      const e = v as { v?: unknown; id?: unknown; keyId?: unknown; sealed?: unknown } | null
      if (!e || e.v !== 1 || typeof e.id !== 'string' || typeof e.keyId !== 'string' || typeof e.sealed !== 'string') continue
      if (!keys.has(e.keyId)) {
        const r = records.get(e.keyId)
        keys.set(e.keyId, r ? openKey(r, me) : null)
      }
      const key = keys.get(e.keyId)
      const opened = key ? openEntry(key, e.sealed) : null
      const by = writerOf ? writerOf(client) : opened?.by
      if (opened && by !== undefined) entries.push({ id: e.id, ...opened, by })
      else sealed++
    }
  } finally {
    for (const k of keys.values()) if (k) wipe(k)
  }
  return { entries, sealed }
}

function openEntry(key: Uint8Array, sealed: string): Omit<DebriefEntry, 'id'> | null {
  try {
    const p = JSON.parse(new TextDecoder().decode(openSecret(key, unb64(sealed)))) as Record<string, unknown>
    if (typeof p.by !== 'string' || typeof p.at !== 'number' || typeof p.text !== 'string') return null
    return { by: p.by, at: p.at, text: p.text }
  } catch {
    return null
  }
}
