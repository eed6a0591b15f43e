/**
 * Where a group's members meet on a signaling server, and how what they tell each other there is
 * sealed, so the server (and anyone watching it) learns sizes and timing only.
 *
 * Derivation v1 (like topic.ts, keyed by the group secret, never by a public value):
 *   room      = hex(BLAKE2b-256(key = groupSecret, "hearth/webrtc-room/v1"))
 *   signalKey = BLAKE2b-256(key = groupSecret, "hearth/webrtc-signal/v1")
 *
 * Envelope v1: the `data` field of a y-webrtc `publish` frame (signal-protocol.ts) is a string,
 *   base64( secretbox(signalKey, JSON body) )            (secretbox.ts: nonce || box)
 * and the body is
 *   {"v":1, "from":PEER, "to"?:PEER, "kind":"hello"|"offer"|"answer"|"candidate",
 *    "sdp"?:string, "candidate"?:string, "mid"?:string}
 * PEER is 32 hex characters drawn at random per session: it names nobody, and changes each time.
 * SDP and candidates hold IP addresses; they only ever travel sealed.
 *
 * Limits of v1 (docs/decisions.md, 2026-12-06 "WebRTC, first slice"): the room and key come from
 * the group secret, which does not rotate when a member is removed; the next slice keys both by
 * the current epoch. A sealed envelope can be replayed into the room by the server; replays of an
 * old offer only make a peer answer a connection that then fails member-auth.
 */
import { keyedHash } from '../../crypto/hash.ts'
import { openSecret, sealSecret } from '../../crypto/secretbox.ts'
import { requireGroupSecret } from '../topic.ts'

const ROOM_LABEL = new TextEncoder().encode('hearth/webrtc-room/v1')
const KEY_LABEL = new TextEncoder().encode('hearth/webrtc-signal/v1')
const PEER_RE = /^[0-9a-f]{32}$/
/** SDP and candidates are a few KiB at most; a larger field is not one of ours. */
const MAX_FIELD_CHARS = 16 * 1024

export type SignalKind = 'hello' | 'offer' | 'answer' | 'candidate'
export interface SignalBody {
  v: 1
  from: string
  to?: string
  kind: SignalKind
  sdp?: string
  candidate?: string
  mid?: string
}

export function webrtcRoom(groupSecret: Uint8Array): string {
  requireGroupSecret(groupSecret)
  return Buffer.from(keyedHash(groupSecret, ROOM_LABEL)).toString('hex')
}

export function signalKey(groupSecret: Uint8Array): Uint8Array {
  requireGroupSecret(groupSecret)
  return keyedHash(groupSecret, KEY_LABEL)
}

export function sealSignal(key: Uint8Array, body: SignalBody): string {
  return Buffer.from(sealSecret(key, new TextEncoder().encode(JSON.stringify(body)))).toString('base64')
}

const optionalText = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length <= MAX_FIELD_CHARS)

/** The body, or null for anything not sealed under this key or not of this shape. Never throws. */
export function openSignal(key: Uint8Array, data: unknown): SignalBody | null {
  if (typeof data !== 'string' || data.length > 4 * MAX_FIELD_CHARS) return null
  let body: unknown
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(openSecret(key, Buffer.from(data, 'base64'))))
  } catch {
    return null
  }
  if (typeof body !== 'object' || body === null) return null
  const b = body as Record<string, unknown>
  const kindOk = b.kind === 'hello' || b.kind === 'offer' || b.kind === 'answer' || b.kind === 'candidate'
  if (b.v !== 1 || !kindOk || typeof b.from !== 'string' || !PEER_RE.test(b.from)) return null
  if (b.to !== undefined && (typeof b.to !== 'string' || !PEER_RE.test(b.to))) return null
  if (!optionalText(b.sdp) || !optionalText(b.candidate) || !optionalText(b.mid)) return null
  return b as unknown as SignalBody
}
