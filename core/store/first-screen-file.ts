/**
 * A group's first screen, kept: `<profile>/checkpoints/<groupId>.first`, format version 2 (1 is
 * still read: it has no counts). What the group's screen showed at its last quiet moment (header,
 * members, newest feed page) and its unread counts, with what they were read from, so unlocking
 * can show them before the group's docs are loaded (core/group/first-screen.ts).
 *
 * File:
 *   0   8   magic "HEARTHFS"
 *   8   1   version (1)
 *   9   …   secretbox(plaintext) under the profile subkey "first-screen/<groupId>" (nonce 24 || box)
 *
 * Plaintext:
 *   u32 L, then L × { log key 32, u32 length, u32 fork }   every log of the group, read to its end
 *   32      hash of this group's entries in the profile's mute list then (core/model/mute-list.ts)
 *   32      (v2) hash of this group's last-read positions then (core/model/last-read.ts)
 *   u32 n, then n bytes of UTF-8 JSON: { info: GroupInfo, members: MemberView[], feed: FeedPage,
 *           unread: UnreadView (v2) }
 *
 * Like a local checkpoint it is never replicated and holds only what this device already showed;
 * sealed under a key only this profile has. A damaged or unreadable file is ignored (the group is
 * then opened in full first, as before). Nonce rule: random per write.
 */
import path from 'node:path'
import type { FeedPage, GroupInfo, MemberView, UnreadView } from '../api.ts'
import { errors } from '../errors.ts'
import { readFileOrNull } from './atomic-file.ts'
import { ByteReader, ByteWriter } from './bytes.ts'
import { openSealedFile, sealFile } from './sealed-file.ts'

const MAGIC = new TextEncoder().encode('HEARTHFS')
const VERSION = 2
const HASH = 32

export interface ScreenViews {
  info: GroupInfo
  members: MemberView[]
  feed: FeedPage
}

export interface LogState {
  length: number
  /** bumped by every truncation of the log */
  fork: number
}

export interface KeptScreen {
  /** log key (hex) → its length and fork id when the screen was read; each was read to its end */
  logs: Map<string, LogState>
  /** hash of this group's mutes the feed was filtered with */
  mutes: Uint8Array
  views: ScreenViews
  /** (v2) the group's unread counts then, and a hash of the last-read positions they were counted against */
  counts?: { view: UnreadView; lastRead: Uint8Array }
}

export function firstScreenPath(profileDir: string, groupId: string): string {
  return path.join(profileDir, 'checkpoints', `${groupId}.first`)
}

export function encodeFirstScreen(s: KeptScreen, key: Uint8Array): Uint8Array {
  if (s.mutes.length !== HASH || !s.counts || s.counts.lastRead.length !== HASH) throw errors.INTERNAL('a first screen holds its counts and two 32-byte hashes')
  const w = new ByteWriter().u32(s.logs.size)
  for (const [k, n] of s.logs) w.hex32(k).u32(n.length).u32(n.fork)
  const plain = w.raw(s.mutes).raw(s.counts.lastRead).bytes32(new TextEncoder().encode(JSON.stringify({ ...s.views, unread: s.counts.view }))).done()
  const out = sealFile(MAGIC, VERSION, plain, key)
  plain.fill(0)
  return out
}

/** Throws LOG_CORRUPT for anything but a first screen this key sealed. */
export function decodeFirstScreen(bytes: Uint8Array, key: Uint8Array): KeptScreen {
  const opened = openSealedFile(bytes, MAGIC, [1, VERSION], key)
  if (opened === 'unreadable') throw errors.LOG_CORRUPT('not a readable first screen')
  if (opened === 'closed') throw errors.LOG_CORRUPT('first screen does not open')
  const r = new ByteReader(opened.plain, () => errors.LOG_CORRUPT('first screen is malformed'))
  const logs = new Map<string, LogState>()
  for (let i = r.u32(); i > 0; i--) logs.set(r.hex32(), { length: r.u32(), fork: r.u32() })
  const mutes = r.raw(HASH).slice()
  const lastRead = opened.version >= 2 ? r.raw(HASH).slice() : null
  const json = r.bytes32()
  r.end()
  let views: unknown
  try {
    views = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json))
  } catch {
    throw errors.LOG_CORRUPT('first screen is malformed')
  } finally {
    opened.plain.fill(0)
    json.fill(0)
  }
  const v = views as (Partial<ScreenViews> & { unread?: UnreadView }) | null
  if (!v || typeof v.info !== 'object' || !Array.isArray(v.members) || !Array.isArray(v.feed?.posts)) throw errors.LOG_CORRUPT('first screen is malformed')
  const { unread, ...screen } = v
  if (lastRead && (typeof unread !== 'object' || unread === null || typeof unread.total !== 'number')) throw errors.LOG_CORRUPT('first screen is malformed')
  return { logs, mutes, views: screen as ScreenViews, ...(lastRead && unread ? { counts: { view: unread, lastRead } } : {}) }
}

/** The kept screen, or null when there is none or it cannot be used. */
export async function readFirstScreen(file: string, key: Uint8Array): Promise<KeptScreen | null> {
  try {
    const bytes = await readFileOrNull(file)
    return bytes ? decodeFirstScreen(bytes, key) : null
  } catch {
    return null // unreadable or damaged: the group opens in full, as without it
  }
}
