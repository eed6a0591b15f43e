/**
 * Who wrote an entry of a shared doc, from the signed block that carried it, never from a `by`
 * field its writer filled in (issue 14). Version 1:
 *
 *   writer client id of device log L = first 4 bytes, little-endian, of
 *                                      BLAKE2b-256("hearth/yjs-client/v1\n" || L's 32-byte key)
 *
 * - A device writes shared docs only under its log's writer client id (group-space.ts sets it
 *   for the length of the local transaction).
 * - The write rule refuses a shared-doc update carrying any item of another client id, or from a
 *   log whose client id an earlier-attested log already owns (a ground key collision gains
 *   nothing); in an append-only doc it also refuses any deletion of another client's items.
 * - So every item of a shared doc was carried by the log its client id names, and "who wrote
 *   this entry" is a pure function of the doc and governance: the same on every peer, after a
 *   rebuild, from a checkpoint (whose states hold the same item ids), whoever relayed it. Yjs
 *   drops an item whose id it already holds; only the owning log can write that id, so a
 *   duplicate can only be that log contradicting itself.
 */
import { concatBytes } from '../bytes.ts'
import * as Y from 'yjs'
import { hash } from '../crypto/hash.ts'

const LABEL = new TextEncoder().encode('hearth/yjs-client/v1\n')
const memo = new Map<string, number>()

export function writerClientId(logKey: string): number {
  let id = memo.get(logKey)
  if (id === undefined) {
    const key = Buffer.from(logKey, 'hex')
    id = Buffer.from(hash(concatBytes([LABEL, key]), 32)).readUInt32LE(0)
    if (memo.size > 100_000) memo.clear()
    memo.set(logKey, id)
  }
  return id
}

/** Client id → the member whose log owns it; the first log attested (governance order) owns a shared id. */
export function clientOwners(logs: readonly string[], ownerOf: (log: string) => string | undefined): Map<number, { log: string; member: string }> {
  const out = new Map<number, { log: string; member: string }>()
  for (const log of logs) {
    const id = writerClientId(log)
    const member = ownerOf(log)
    if (member !== undefined && !out.has(id)) out.set(id, { log, member })
  }
  return out
}

/** Why a shared-doc update from `logKey` must be refused, or null. */
export function sharedUpdateProblem(update: Uint8Array, logKey: string, owner: string | undefined, appendOnly: boolean): string | null {
  if (owner !== logKey) return "the log's writer id belongs to another log"
  const me = writerClientId(logKey)
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return 'not a valid update'
  }
  for (const s of decoded.structs) if (s.id.client !== me) return 'items written under another writer id'
  if (appendOnly) for (const client of decoded.ds.clients.keys()) if (client !== me) return "deletes another writer's entry"
  return null
}

/** The live entries of a Y.Array with the client id of the item holding each, in array order. */
export function arrayEntries(arr: Y.Array<unknown>): { value: unknown; client: number }[] {
  const out: { value: unknown; client: number }[] = []
  for (let item = arr._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    for (const value of item.content.getContent()) out.push({ value, client: item.id.client })
  }
  return out
}

/** The client id of the item that last set `key` in a Y.Map, or undefined. */
export function mapWriter(map: Y.Map<unknown>, key: string): number | undefined {
  const item = map._map.get(key)
  return item && !item.deleted ? item.id.client : undefined
}

/** Maps a client id to the member who signed it; undefined when no known log owns it. */
export type WriterOf = (client: number) => string | undefined
