/**
 * The keeper's mailboxes, v1 (docs/formats.md "Keeper mailbox"): joins through the keeper while
 * no member is online. A Protomux channel "hearth/keeper-mailbox/v1", id null, one raw message
 * type; every message opens with version 0x01 and a kind byte:
 *
 *   1 OPEN     member → keeper   M (32) T (32) gate (32) expiresAt (8, ms, u64 BE) greeting (56)
 *   2 CLOSE    member → keeper   M (32)
 *   3 ASK      newcomer → keeper M (32)
 *   4 LEAVE    newcomer → keeper M (32) requestId (16) signature (64) request (≤ MAX_REQUEST)
 *   5 REQUEST  keeper → member   M (32) requestId (16) request
 *   6 REPLY    member → keeper   M (32) requestId (16) answer (≤ MAX_ANSWER)
 *   7 RESULT   keeper → either   M (32) requestId (16, zero where none) result (1) body
 *
 * Everything is derived from the invite's public key P (in `invite.create`, so every member has
 * it; the newcomer derives it from the code), each a BLAKE2b-256 keyed by P:
 *   M    = "hearth/keeper-mailbox/v1/id"     the mailbox's name at the keeper
 *   T    = "hearth/keeper-mailbox/v1/topic"  the DHT topic the keeper announces for it
 *   K    = "hearth/keeper-mailbox/v1/key"    secretbox key of greeting, request and answer
 *   gate = Ed25519 public key from seed "hearth/keeper-mailbox/v1/gate"
 * The keeper gets M, T and the gate key, none of which leads back to P, so it can open nothing.
 *   greeting  = secretbox_K(group id, 16 bytes): the newcomer needs it to make its join proof
 *   requestId = BLAKE2b-128(key = K, the newcomer's identity key): one request per newcomer
 *   request   = secretbox_K(join proof, join-proof.ts, challenge = challengeFor(requestId))
 *   answer    = secretbox_K(a join answer as join-exchange.ts encodes it)
 *   signature = Ed25519 by the gate key over "hearth/keeper-mailbox/v1/leave" || M || requestId
 *               || BLAKE2b-256(request): the keeper refuses a request made without P.
 * Secretbox is XSalsa20-Poly1305 with a random 24-byte nonce in front (secretbox.ts).
 */
import { hash, keyedHash } from '../crypto/hash.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import type { KeyPair } from '../crypto/provider.ts'
import { sign, verifySignature } from '../crypto/sign.ts'
import { concatBytes } from '../bytes.ts'

export const MAILBOX_PROTOCOL = 'hearth/keeper-mailbox/v1'
const VERSION = 1
export const KIND = { OPEN: 1, CLOSE: 2, ASK: 3, LEAVE: 4, REQUEST: 5, REPLY: 6, RESULT: 7 } as const
/** A join proof (4,096) sealed, with room to spare. */
export const MAX_REQUEST = 4_608
/** A join answer (1 + 65,536) sealed. */
export const MAX_ANSWER = 65_600
export const GREETING_BYTES = 56
const ZERO_ID = new Uint8Array(16)

/** What the keeper says back; codes 16 and above are refusals, named on the wire by these words. */
export const RESULT = {
  OPENED: 0, GREETING: 1, WAITING: 2, ANSWERED: 3, REPLY_HELD: 4,
  MAILBOX_UNKNOWN: 16, MAILBOX_FULL: 17, REQUEST_TOO_LARGE: 18, MAILBOX_NOT_PROVED: 19, MAILBOX_NO_ACCESS: 20, MAILBOX_MALFORMED: 21,
  MAILBOX_OVER_QUOTA: 22, MAILBOX_NOT_KEPT: 23,
} as const
export type ResultName = keyof typeof RESULT

const te = new TextEncoder()
const L = { id: te.encode('hearth/keeper-mailbox/v1/id'), topic: te.encode('hearth/keeper-mailbox/v1/topic'), key: te.encode('hearth/keeper-mailbox/v1/key'), gate: te.encode('hearth/keeper-mailbox/v1/gate'), leave: te.encode('hearth/keeper-mailbox/v1/leave'), challenge: te.encode('hearth/keeper-join/v1') }

export interface MailboxKeys {
  id: Uint8Array
  topic: Uint8Array
  key: Uint8Array
  gate: KeyPair
}

/** Every value of one invite's mailbox, from the invite's public key. */
export function mailboxKeys(invitePublicKey: Uint8Array): MailboxKeys {
  if (invitePublicKey.length !== 32) throw new RangeError('an invite public key is 32 bytes')
  return {
    id: keyedHash(invitePublicKey, L.id), topic: keyedHash(invitePublicKey, L.topic), key: keyedHash(invitePublicKey, L.key),
    gate: fastProvider.signKeyPairFromSeed(keyedHash(invitePublicKey, L.gate)),
  }
}

export function requestIdFor(k: MailboxKeys, identityKey: Uint8Array): Uint8Array {
  return keyedHash(k.key, identityKey, 16)
}

/** The join challenge for a mailbox request: never equal to a live member's random one. */
export function challengeFor(requestId: Uint8Array): string {
  return Buffer.from(hash(concatBytes([L.challenge, requestId]))).toString('hex')
}

function leaveSigned(id: Uint8Array, requestId: Uint8Array, request: Uint8Array): Uint8Array {
  return concatBytes([L.leave, id, requestId, hash(request)])
}

export function signLeave(k: MailboxKeys, requestId: Uint8Array, request: Uint8Array): Uint8Array {
  return sign(leaveSigned(k.id, requestId, request), k.gate.secretKey, fastProvider)
}

export function leaveProved(gate: Uint8Array, id: Uint8Array, requestId: Uint8Array, signature: Uint8Array, request: Uint8Array): boolean {
  try {
    return verifySignature(signature, leaveSigned(id, requestId, request), gate)
  } catch {
    return false
  }
}

export type MailboxMessage =
  | { kind: 'open'; id: Uint8Array; topic: Uint8Array; gate: Uint8Array; expiresAt: number; greeting: Uint8Array }
  | { kind: 'close'; id: Uint8Array }
  | { kind: 'ask'; id: Uint8Array }
  | { kind: 'leave'; id: Uint8Array; requestId: Uint8Array; signature: Uint8Array; request: Uint8Array }
  | { kind: 'request'; id: Uint8Array; requestId: Uint8Array; request: Uint8Array }
  | { kind: 'reply'; id: Uint8Array; requestId: Uint8Array; answer: Uint8Array }
  | { kind: 'result'; id: Uint8Array; requestId: Uint8Array; result: ResultName; body: Uint8Array }

export function encodeMailbox(m: MailboxMessage): Uint8Array {
  const head = (kind: number): Uint8Array => Uint8Array.of(VERSION, kind)
  switch (m.kind) {
    case 'open': {
      const at = new Uint8Array(8)
      new DataView(at.buffer).setBigUint64(0, BigInt(m.expiresAt))
      return concatBytes([head(KIND.OPEN), m.id, m.topic, m.gate, at, m.greeting])
    }
    case 'close': return concatBytes([head(KIND.CLOSE), m.id])
    case 'ask': return concatBytes([head(KIND.ASK), m.id])
    case 'leave': return concatBytes([head(KIND.LEAVE), m.id, m.requestId, m.signature, m.request])
    case 'request': return concatBytes([head(KIND.REQUEST), m.id, m.requestId, m.request])
    case 'reply': return concatBytes([head(KIND.REPLY), m.id, m.requestId, m.answer])
    case 'result': return concatBytes([head(KIND.RESULT), m.id, m.requestId, Uint8Array.of(RESULT[m.result]), m.body])
  }
}

/** Null for anything malformed or oversized. Never throws on peer bytes. */
export function decodeMailbox(b: Uint8Array): MailboxMessage | null {
  if (!(b instanceof Uint8Array) || b.length < 34 || b[0] !== VERSION) return null
  const id = b.slice(2, 34)
  const rest = b.subarray(34)
  const rid = rest.slice(0, 16)
  switch (b[1]) {
    case KIND.OPEN: {
      if (rest.length !== 32 + 32 + 8 + GREETING_BYTES) return null
      const at = new DataView(rest.buffer, rest.byteOffset + 64, 8).getBigUint64(0)
      if (at > BigInt(Number.MAX_SAFE_INTEGER)) return null
      return { kind: 'open', id, topic: rest.slice(0, 32), gate: rest.slice(32, 64), expiresAt: Number(at), greeting: rest.slice(72) }
    }
    case KIND.CLOSE: return rest.length === 0 ? { kind: 'close', id } : null
    case KIND.ASK: return rest.length === 0 ? { kind: 'ask', id } : null
    case KIND.LEAVE: return rest.length > 80 && rest.length <= 80 + MAX_REQUEST ? { kind: 'leave', id, requestId: rid, signature: rest.slice(16, 80), request: rest.slice(80) } : null
    case KIND.REQUEST: return rest.length > 16 && rest.length <= 16 + MAX_REQUEST ? { kind: 'request', id, requestId: rid, request: rest.slice(16) } : null
    case KIND.REPLY: return rest.length > 16 && rest.length <= 16 + MAX_ANSWER ? { kind: 'reply', id, requestId: rid, answer: rest.slice(16) } : null
    case KIND.RESULT: {
      const name = (Object.keys(RESULT) as ResultName[]).find((n) => RESULT[n] === rest[16])
      if (rest.length < 17 || !name || rest.length > 17 + MAX_ANSWER) return null
      return { kind: 'result', id, requestId: rid, result: name, body: rest.slice(17) }
    }
    default: return null
  }
}

export const noRequest = (): Uint8Array => ZERO_ID.slice()
