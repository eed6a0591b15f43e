/**
 * The keeper protocol, v2: what a member and a keeper say on one connection before and beside
 * replication (docs/formats.md "Keeper protocol"). A Protomux channel "hearth/keeper/v2", id null:
 *
 *   message 0, access (member → keeper), exactly 129 bytes (access version 3):
 *     0    1   version = 0x03
 *     1   32   access public key: the group's key pair for THIS keeper and epoch (keeperAccess below)
 *     33  64   Ed25519 signature by it over
 *                "hearth/keeper-access/v2/sign" || role (0x00) || handshakeHash (64) || keeperKey (32)
 *     97  32   registration proof: BLAKE2b-256(key = the keeper's registration secret (16 bytes,
 *                from its code), "hearth/keeper-register/v1" || handshakeHash (64)), or 32 zero
 *                bytes: "do not take this group on if you do not know it" (keeper-succession.ts)
 *   message 1, keep (member → keeper): 1 … 64 device log keys, 32 bytes each, nothing else
 *   message 2, succeed (member → keeper) and message 3, answer (keeper → member): keeper-succession.ts
 *
 * Several access messages may be sent on one connection until one is served (at most
 * MAX_ACCESS_TRIES): a member walks back through its epochs' keys to find the one the keeper
 * knows, or follows a retired key to its successor.
 *
 * The access key pair: seed = BLAKE2b-256(key = the group's CURRENT EPOCH KEY,
 * "hearth/keeper-access/v2" || keeperKey). Every member can make it; the removal's rotation
 * changes it, and the removed member gets no lockbox of the new epoch, so it cannot make the new
 * one. The keeper only ever sees its public key, which opens nothing (a one-way function of the
 * epoch key, under a label no block key uses), lets it into no topic and passes no member-auth.
 * Keyed by the keeper's key, so two keepers of one group cannot link it. Signing the Noise
 * handshake hash binds the proof to this connection (no replay, no relay); the role byte is the
 * sender's, kept so a future keeper→member proof can never be a reflected member proof.
 *
 * The registration secret: the first 16 bytes of BLAKE2b-256(key = the keeper's seed,
 * "hearth/keeper-register/v1/secret"); it travels only inside the keeper's code and the group's
 * sealed `keeper.add`. The keeper checks the proof only for an access key it holds no group for:
 * a group is taken on only by someone who was given the code.
 *
 * Version 1 (access version 2, keyed by the group secret) is gone: a node of either version meets
 * the other's channel and refuses it with KEEPER_OLD_VERSION / KEEPER_NEWER_VERSION (keeper-version.ts).
 */
import { concatBytes } from '../bytes.ts'
import { equalBytes, keyedHash } from '../crypto/hash.ts'
import { fastProvider } from '../crypto/provider-sodium.ts'
import { sign, verifySignature } from '../crypto/sign.ts'
import { wipe } from '../crypto/wipe.ts'

export const KEEPER_PROTOCOL = 'hearth/keeper/v2'
export const ACCESS_VERSION = 3
export const MAX_ACCESS_TRIES = 32
export const ACCESS_BYTES = 129
export const REGISTER_BYTES = 16
export const MAX_KEEP_KEYS = 64
const LOG_KEY_BYTES = 32

const te = new TextEncoder()
const SEED_LABEL = te.encode('hearth/keeper-access/v2')
const SIGN_LABEL = te.encode('hearth/keeper-access/v2/sign')
const REGISTER_LABEL = te.encode('hearth/keeper-register/v1')
const REGISTER_SECRET_LABEL = te.encode('hearth/keeper-register/v1/secret')

export interface AccessKeyPair {
  publicKey: Uint8Array
  secretKey: Uint8Array
}

/** The seed of the group's access key pair for one keeper in one epoch; only holders of the epoch key make it. */
export function accessSeed(epochKey: Uint8Array, keeperKey: Uint8Array): Uint8Array {
  if (!(epochKey instanceof Uint8Array) || epochKey.length !== 32) throw new RangeError('an epoch key is 32 bytes')
  if (!(keeperKey instanceof Uint8Array) || keeperKey.length !== 32) throw new RangeError('a keeper key is 32 bytes')
  return keyedHash(epochKey, concatBytes([SEED_LABEL, keeperKey]))
}

/** The access key pair from its seed (from an epoch key, or opened from a successor's sealed box). */
export function accessFromSeed(seed: Uint8Array): AccessKeyPair {
  if (seed.length !== 32) throw new RangeError('an access seed is 32 bytes')
  return fastProvider.signKeyPairFromSeed(seed)
}

/** The group's access key pair for one keeper in one epoch. */
export function keeperAccess(epochKey: Uint8Array, keeperKey: Uint8Array): AccessKeyPair {
  const seed = accessSeed(epochKey, keeperKey)
  try {
    return accessFromSeed(seed)
  } finally {
    wipe(seed)
  }
}

/** The keeper's registration secret, from its seed (what its code carries besides its key). */
export function registrationSecret(keeperSeed: Uint8Array): Uint8Array {
  const full = keyedHash(keeperSeed, REGISTER_SECRET_LABEL)
  const out = full.slice(0, REGISTER_BYTES)
  wipe(full)
  return out
}

function registrationProof(register: Uint8Array, handshakeHash: Uint8Array): Uint8Array {
  if (register.length !== REGISTER_BYTES || handshakeHash.length !== 64) throw new RangeError('bad keeper-register context')
  return keyedHash(register, concatBytes([REGISTER_LABEL, handshakeHash]))
}

/** An access message; `register` null sends no registration proof (zeros): "only if you know this group". */
export function encodeAccess(access: AccessKeyPair, handshakeHash: Uint8Array, keeperKey: Uint8Array, register: Uint8Array | null): Uint8Array {
  const signature = sign(signed(handshakeHash, keeperKey), access.secretKey, fastProvider)
  const proof = register ? registrationProof(register, handshakeHash) : new Uint8Array(32)
  return concatBytes([Uint8Array.of(ACCESS_VERSION), access.publicKey, signature, proof])
}

/**
 * What a valid access message proves: the group's access public key (hex), whether it also
 * proves the registration secret (`register`, the keeper's own), and whether it asked to be
 * taken on at all (`asks`: a proof that is not all zeros). Null if the signature fails.
 * Never throws on peer bytes.
 */
export function verifyAccess(message: Uint8Array, handshakeHash: Uint8Array, keeperKey: Uint8Array, register: Uint8Array): { group: string; registered: boolean; asks: boolean } | null {
  if (!(message instanceof Uint8Array) || message.length !== ACCESS_BYTES || message[0] !== ACCESS_VERSION) return null
  const publicKey = message.subarray(1, 33)
  try {
    if (!verifySignature(message.subarray(33, 97), signed(handshakeHash, keeperKey), publicKey)) return null
    return { group: Buffer.from(publicKey).toString('hex'), registered: equalBytes(message.subarray(97), registrationProof(register, handshakeHash)), asks: message.subarray(97).some((b) => b !== 0) }
  } catch {
    return null
  }
}

/** The log keys of a keep message, or null if it is not one. */
export function decodeKeep(message: Uint8Array): Uint8Array[] | null {
  if (!(message instanceof Uint8Array) || message.length === 0 || message.length % LOG_KEY_BYTES !== 0) return null
  if (message.length / LOG_KEY_BYTES > MAX_KEEP_KEYS) return null
  const out: Uint8Array[] = []
  for (let i = 0; i < message.length; i += LOG_KEY_BYTES) out.push(message.slice(i, i + LOG_KEY_BYTES))
  return out
}

/** Keep messages for any number of keys, MAX_KEEP_KEYS per message. */
export function encodeKeep(keys: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < keys.length; i += MAX_KEEP_KEYS) out.push(concatBytes(keys.slice(i, i + MAX_KEEP_KEYS)))
  return out
}

function signed(handshakeHash: Uint8Array, keeperKey: Uint8Array): Uint8Array {
  if (handshakeHash.length !== 64 || keeperKey.length !== 32) throw new RangeError('bad keeper-access context')
  return concatBytes([SIGN_LABEL, Uint8Array.of(0), handshakeHash, keeperKey])
}

