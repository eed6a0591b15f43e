/**
 * A group's unread counts, kept for the next unlock: `<profile>/checkpoints/<groupId>.unread`,
 * format version 1. Counted from the group's docs in the step that sealed its local checkpoint
 * as the docs went to rest (core/group/unread-rest.ts), so the groups screen can show them at the
 * next unlock without loading any doc, while that checkpoint is still the one on disk and
 * nothing was read past it.
 *
 * File:
 *   0   8   magic "HEARTHUC"
 *   8   1   version (1)
 *   9   …   secretbox(plaintext) under the profile subkey "unread/<groupId>" (nonce 24 || box)
 *
 * Plaintext:
 *   33      head of the checkpoint write they were counted from (checkpoint-file.ts WRITE_HEAD:
 *           magic, version and its random nonce)
 *   32      hash of what they were counted against: this group's last-read positions and its
 *           entries in the mute list then
 *   u32 n, then n bytes of UTF-8 JSON: the UnreadView
 *
 * Never replicated; holds only counts this device showed. A damaged or unreadable file is ignored
 * (the group's docs are then loaded to count, as without it). Nonce rule: random per write.
 */
import path from 'node:path'
import type { UnreadView } from '../api.ts'
import { errors } from '../errors.ts'
import { readFileOrNull } from './atomic-file.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import { WRITE_HEAD } from './checkpoint-file.ts'
import { openSealedFile, sealFile } from './sealed-file.ts'

const MAGIC = new TextEncoder().encode('HEARTHUC')
const VERSION = 1
const HASH = 32

export interface KeptCounts {
  /** head of the checkpoint write counted from */
  head: Uint8Array
  /** hash of the last-read positions and mutes counted against */
  basis: Uint8Array
  view: UnreadView
}

export function unreadPath(profileDir: string, groupId: string): string {
  return path.join(profileDir, 'checkpoints', `${groupId}.unread`)
}

export function encodeCounts(c: KeptCounts, key: Uint8Array): Uint8Array {
  if (c.head.length !== WRITE_HEAD || c.basis.length !== HASH) throw errors.INTERNAL('a checkpoint head is 33 bytes and a basis hash 32')
  const plain = new ByteWriter().raw(c.head).raw(c.basis).bytes32(new TextEncoder().encode(JSON.stringify(c.view))).done()
  const out = sealFile(MAGIC, VERSION, plain, key)
  plain.fill(0)
  return out
}

/** Throws LOG_CORRUPT for anything but counts this key sealed. */
export function decodeCounts(bytes: Uint8Array, key: Uint8Array): KeptCounts {
  const opened = openSealedFile(bytes, MAGIC, [VERSION], key)
  if (opened === 'unreadable') throw errors.LOG_CORRUPT('not readable unread counts')
  if (opened === 'closed') throw errors.LOG_CORRUPT('unread counts do not open')
  const r = new ByteReader(opened.plain, () => errors.LOG_CORRUPT('unread counts are malformed'))
  const head = r.raw(WRITE_HEAD)
  const basis = r.raw(HASH)
  const json = r.bytes32()
  r.end()
  let view: unknown
  try {
    view = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json))
  } catch {
    throw errors.LOG_CORRUPT('unread counts are malformed')
  }
  const v = view as Partial<UnreadView> | null
  if (!v || typeof v.groupId !== 'string' || typeof v.total !== 'number' || typeof v.sections !== 'object' || v.sections === null) throw errors.LOG_CORRUPT('unread counts are malformed')
  return { head, basis, view: v as UnreadView }
}

/** The kept counts, or null when there are none or they cannot be used. */
export async function readCounts(file: string, key: Uint8Array): Promise<KeptCounts | null> {
  try {
    const bytes = await readFileOrNull(file)
    return bytes ? decodeCounts(bytes, key) : null
  } catch {
    return null // unreadable or damaged: the group is counted from its docs, as without it
  }
}
