/**
 * The member-auth message: one per direction on every group connection, proving "I am member M
 * of this group, on this very connection" before any replication (DESIGN.md §4).
 *
 * Wire layout v1 (exactly 137 bytes; pinned by test/unit/net/auth-message.test.ts):
 *   offset  size  field
 *   0       1     version = 0x01                        in clear, so a v2 peer can say why it fails
 *   1       24    nonce, random                         in clear
 *   25      112   XSalsa20-Poly1305 box under K of:
 *                   memberId   (32)  the member's per-group Ed25519 public key
 *                   signature  (64)  Ed25519 by memberId over SIGNED
 *
 *   authKey = BLAKE2b-256(key = groupSecret, "hearth/member-auth/v1/key")
 *   K       = BLAKE2b-256(key = authKey, "hearth/member-auth/v1/seal" || role || handshakeHash)
 *   SIGNED  = "hearth/member-auth/v1/sign" || role || handshakeHash (64) || groupId
 *   role    = 0x00 if the SENDER is the connection's initiator, 0x01 if it is the responder
 *
 * Why each part:
 *   - handshakeHash (the Noise handshake hash, the same on both ends and unique per connection):
 *     a proof cannot be carried into another connection (relay).
 *   - role: both ends sign the same handshake hash, so without it a peer could send a member's
 *     own proof straight back to them and pass as that member (reflection). A member's second
 *     device has the same member id, so "refuse my own id" is not an option.
 *   - groupId: a proof for one group never counts in another.
 *   - the seal: only holders of the group secret can read the member id. A stranger or a stock
 *     Hyperswarm peer that reaches this channel cannot even learn which member is online.
 *
 * Nonces are random per message; K is also unique per connection and direction, so even a
 * repeated nonce could not reuse a key. authKey lives as long as the group secret it comes from.
 */
import { concatBytes } from '../bytes.ts'
import { keyedHash } from '../crypto/hash.ts'
import { sealSecret, openSecret } from '../crypto/secretbox.ts'
import { sign, verifySignature } from '../crypto/sign.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { wipe } from '../crypto/wipe.ts'
import { errors } from '../errors.ts'
import { requireGroupSecret } from './topic.ts'

export const AUTH_VERSION = 1
export const AUTH_MESSAGE_BYTES = 137
export const HANDSHAKE_HASH_BYTES = 64
const MEMBER_ID_BYTES = 32
const SIGNATURE_BYTES = 64

const te = new TextEncoder()
const KEY_LABEL = te.encode('hearth/member-auth/v1/key')
const SEAL_LABEL = te.encode('hearth/member-auth/v1/seal')
const SIGN_LABEL = te.encode('hearth/member-auth/v1/sign')

/** Why a message was refused before membership was even asked about. */
export type AuthMessageFault = 'oversize' | 'malformed' | 'version' | 'wrong-group' | 'bad-signature'

/** What both ends of one connection share. */
export interface AuthContext {
  /** memberAuthKey(groupSecret) */
  readonly authKey: Uint8Array
  readonly groupId: Uint8Array
  readonly handshakeHash: Uint8Array
}

export interface AuthProof {
  memberId: Uint8Array
  signature: Uint8Array
}

export function memberAuthKey(groupSecret: Uint8Array): Uint8Array {
  requireGroupSecret(groupSecret)
  return keyedHash(groupSecret, KEY_LABEL)
}

/** The proof a member sends; `senderIsInitiator` is the sender's own role on this connection. */
export function encodeAuthMessage(
  ctx: AuthContext, senderIsInitiator: boolean, member: { signPublicKey: Uint8Array; signSecretKey: Uint8Array },
): Uint8Array {
  const signature = sign(signedBytes(ctx, senderIsInitiator), member.signSecretKey, fastProvider)
  return sealAuthProof(ctx, senderIsInitiator, { memberId: member.signPublicKey, signature })
}

/** Never throws on peer bytes: every way a message can be wrong comes back as a fault. */
export function decodeAuthMessage(
  ctx: AuthContext, senderIsInitiator: boolean, message: Uint8Array,
): { ok: true; memberId: Uint8Array } | { ok: false; fault: AuthMessageFault } {
  const opened = openAuthProof(ctx, senderIsInitiator, message)
  if (!('memberId' in opened)) return { ok: false, fault: opened.fault }
  const valid = verifySignature(opened.signature, signedBytes(ctx, senderIsInitiator), opened.memberId)
  return valid ? { ok: true, memberId: opened.memberId } : { ok: false, fault: 'bad-signature' }
}

/** Seals a proof as is, signature unchecked: the encoder's second half, and a tool for tests. */
export function sealAuthProof(ctx: AuthContext, senderIsInitiator: boolean, proof: AuthProof): Uint8Array {
  if (proof.memberId.length !== MEMBER_ID_BYTES || proof.signature.length !== SIGNATURE_BYTES) {
    throw errors.INTERNAL('an auth proof is a 32-byte member id and a 64-byte signature')
  }
  const plain = concatBytes([proof.memberId, proof.signature])
  const key = sealKey(ctx, senderIsInitiator)
  try {
    const sealed = sealSecret(key, plain, fastProvider)
    return concatBytes([Uint8Array.of(AUTH_VERSION), sealed])
  } finally {
    wipe(key)
  }
}

/** Opens a message without checking its signature; never throws on peer bytes. */
export function openAuthProof(
  ctx: AuthContext, senderIsInitiator: boolean, message: Uint8Array,
): AuthProof | { fault: AuthMessageFault } {
  if (!(message instanceof Uint8Array)) return { fault: 'malformed' }
  if (message.length > AUTH_MESSAGE_BYTES) return { fault: 'oversize' }
  if (message.length >= 1 && message[0] !== AUTH_VERSION) return { fault: 'version' }
  if (message.length !== AUTH_MESSAGE_BYTES) return { fault: 'malformed' }
  const key = sealKey(ctx, senderIsInitiator)
  let plain: Uint8Array
  try {
    plain = openSecret(key, message.subarray(1), fastProvider)
  } catch {
    return { fault: 'wrong-group' }
  } finally {
    wipe(key)
  }
  return { memberId: plain.slice(0, MEMBER_ID_BYTES), signature: plain.slice(MEMBER_ID_BYTES) }
}

function roleByte(isInitiator: boolean): number {
  return isInitiator ? 0 : 1
}

function signedBytes(ctx: AuthContext, senderIsInitiator: boolean): Uint8Array {
  requireContext(ctx)
  return concatBytes([SIGN_LABEL, Uint8Array.of(roleByte(senderIsInitiator)), ctx.handshakeHash, ctx.groupId])
}

function sealKey(ctx: AuthContext, senderIsInitiator: boolean): Uint8Array {
  requireContext(ctx)
  return keyedHash(ctx.authKey, concatBytes([SEAL_LABEL, Uint8Array.of(roleByte(senderIsInitiator)), ctx.handshakeHash]))
}

function requireContext(ctx: AuthContext): void {
  if (ctx.authKey.length !== 32) throw errors.INTERNAL('the member-auth key is 32 bytes')
  if (ctx.handshakeHash.length !== HANDSHAKE_HASH_BYTES) throw errors.INTERNAL('a handshake hash is 64 bytes')
  if (ctx.groupId.length === 0 || ctx.groupId.length > 64) throw errors.INTERNAL('a group id is 1–64 bytes')
}
