/**
 * Where a group's members meet on a signaling server, and how what they tell each other there is
 * sealed, so the server (and anyone watching it) learns sizes and timing only.
 *
 * Derivation v2 (keyed by the group secret AND the group's current epoch key, never by a public
 * value; v1 used the group secret alone):
 *   room      = hex(BLAKE2b-256(key = groupSecret, "hearth/webrtc-room/v2" || epochKey))
 *   signalKey = BLAKE2b-256(key = groupSecret, "hearth/webrtc-signal/v2" || epochKey)
 * The epoch key changes at every rotation (a removal, a leave: core/group/epoch-keeper.ts) and a
 * removed member never gets the new one, so after the rotation it can neither name the room the
 * members meet in nor open what they say there. The group secret stays in the derivation so that
 * an epoch key alone (which seals blocks a keeper stores) names no room.
 *
 * Envelope v1: the `data` field of a y-webrtc `publish` frame (signal-protocol.ts) is a string,
 *   base64( secretbox(signalKey, JSON body) )            (secretbox.ts: nonce || box)
 * and the body is
 *   {"v":1, "from":PEER, "to"?:PEER, "kind":"hello"|"offer"|"answer"|"candidate",
 *    "sdp"?:string, "candidate"?:string, "mid"?:string}
 * PEER is 32 hex characters drawn at random per session: it names nobody, and changes each time.
 * SDP and candidates hold IP addresses; they only ever travel sealed.
 *
 * A sealed envelope can be replayed into the room by the server; replays of an old offer only make
 * a peer answer a connection that then fails member-auth.
 */
import { concatBytes } from '../../bytes.ts'
import { keyedHash } from '../../crypto/hash.ts'
import { errors } from '../../errors.ts'
import { openSecret, sealSecret } from '../../crypto/secretbox.ts'
import { wipe } from '../../crypto/wipe.ts'
import { requireGroupSecret } from '../topic.ts'

const ROOM_LABEL = new TextEncoder().encode('hearth/webrtc-room/v2')
const KEY_LABEL = new TextEncoder().encode('hearth/webrtc-signal/v2')
const EPOCH_KEY_BYTES = 32
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

function labelled(groupSecret: Uint8Array, label: Uint8Array, epochKey: Uint8Array): Uint8Array {
  requireGroupSecret(groupSecret)
  if (!(epochKey instanceof Uint8Array) || epochKey.length !== EPOCH_KEY_BYTES) throw errors.INVALID_INPUT(`an epoch key is ${EPOCH_KEY_BYTES} bytes`)
  // The joined copy holds the epoch key: wiped once hashed, so no stray copy outlives the call.
  const input = concatBytes([label, epochKey])
  try {
    return keyedHash(groupSecret, input)
  } finally {
    wipe(input)
  }
}

export function webrtcRoom(groupSecret: Uint8Array, epochKey: Uint8Array): string {
  return Buffer.from(labelled(groupSecret, ROOM_LABEL, epochKey)).toString('hex')
}

export function signalKey(groupSecret: Uint8Array, epochKey: Uint8Array): Uint8Array {
  return labelled(groupSecret, KEY_LABEL, epochKey)
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
