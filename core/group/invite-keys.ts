/**
 * What an invite's secret (./invite-code.ts) derives, derivation v1. Pinned by
 * test/fixtures/invite/v1.json.
 *
 *   seed      = BLAKE2b-256(key = secret (16 bytes), message = "hearth/invite/v1/sign")
 *   keypair   = Ed25519 from seed (RFC 8032 §5.1.5)
 *   topic     = BLAKE2b-256(key = "hearth/invite/v1/topic", message = public key)
 *   id        = BLAKE2b-128(key = "hearth/invite/v1/id", message = public key), lowercase hex
 *
 * Why each is derived the way it is:
 *   - keypair: from the secret, so holding the code is what lets a joiner sign a join proof
 *     (./join-proof.ts). Only the public key goes into `invite.create`, so the governance log,
 *     which every member and every later member can read, never holds anything that admits.
 *     The secret is the BLAKE2b key and the label the message, as in core/crypto/identity.ts.
 *   - topic: from the public key, not the secret, so every member who can read the invite record
 *     can compute it and announce it, and can admit the newcomer while the inviter is offline
 *     (§3.4). Someone outside the group sees neither the record nor the code, so cannot find it.
 *   - id: also from the public key, so every member computes the same id for lists and for
 *     `invite.revoke`. It is a separate hash rather than a slice of the topic, so an id seen in a
 *     screenshot or CLI output does not lead anyone to the invite's swarm topic. 128 bits (32 hex
 *     characters, the length of a group id) keeps it collision-resistant: nobody can make two
 *     invites share an id (2^64 work), so "revoke this id" never means two invites.
 * The labels differ from every other Hearth label, so no derived value can be replayed as another.
 *
 * Key lifetime: the secret and the derived secret key are as strong as the invite itself and are
 * wiped by the caller once the proof is signed (wipeInviteKeys); the seed is wiped here.
 */
import { keyedHash } from '../crypto/hash.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import type { KeyPair } from '../crypto/provider.ts'
import { wipe } from '../crypto/wipe.ts'
import { errors } from '../errors.ts'
import { INVITE_SECRET_BYTES } from './invite-code.ts'

export const INVITE_TOPIC_BYTES = 32
export const INVITE_ID_BYTES = 16

const label = (s: string): Uint8Array => new TextEncoder().encode(s)
const SIGN_LABEL = label('hearth/invite/v1/sign')
const TOPIC_KEY = label('hearth/invite/v1/topic')
const ID_KEY = label('hearth/invite/v1/id')

export interface InvitePublic {
  /** Ed25519, 32 bytes: what `invite.create` records */
  publicKey: Uint8Array
  /** 32 bytes: the Hyperswarm topic a joiner and the group's members meet on */
  topic: Uint8Array
  /** 32 lowercase hex characters: names the invite in lists and revocations */
  id: string
}

/** The invite's Ed25519 keypair (NaCl layout: seed || public key). The secret is left untouched. */
export function inviteKeyPair(secret: Uint8Array): KeyPair {
  if (!(secret instanceof Uint8Array) || secret.length !== INVITE_SECRET_BYTES) {
    throw errors.INVALID_INPUT(`an invite secret is ${INVITE_SECRET_BYTES} bytes`)
  }
  const seed = keyedHash(secret, SIGN_LABEL)
  try {
    return fastProvider.signKeyPairFromSeed(seed)
  } finally {
    wipe(seed)
  }
}

export function inviteTopic(publicKey: Uint8Array): Uint8Array {
  return keyedHash(TOPIC_KEY, publicBytes(publicKey), INVITE_TOPIC_BYTES)
}

export function inviteId(publicKey: Uint8Array): string {
  return Buffer.from(keyedHash(ID_KEY, publicBytes(publicKey), INVITE_ID_BYTES)).toString('hex')
}

/** Everything public about an invite, from its public key. */
export function invitePublic(publicKey: Uint8Array): InvitePublic {
  return { publicKey: Uint8Array.from(publicBytes(publicKey)), topic: inviteTopic(publicKey), id: inviteId(publicKey) }
}

/** Zeroes the invite's secret key in place. */
export function wipeInviteKeys(keyPair: KeyPair): void {
  wipe(keyPair.secretKey)
}

function publicBytes(publicKey: Uint8Array): Uint8Array {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) {
    throw errors.INVALID_INPUT('an invite public key is 32 bytes')
  }
  return publicKey
}
