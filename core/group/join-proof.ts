/**
 * Join proof, version 1 (DESIGN.md §3.4 step 3): what a joiner sends to whichever member answers
 * on the invite topic, to show it holds the invite code and to bind the request to itself.
 *
 * Exchange: the admitting member sends a fresh challenge (newJoinChallenge) first; the joiner
 * answers with this proof; the member verifies it against the group, the invite public key from
 * `invite.create`, and the challenge it sent. A challenge answers one request only: the member
 * keeps it for that one connection and forgets it after one verification.
 *
 * Wire: canonical JSON (core/group/canonical-json.ts), UTF-8, at most MAX_JOIN_PROOF_BYTES:
 *   { v, groupId, invitePublicKey, joiner: { id, boxKey, device, pseudonym }, challenge, sig, joinerSig }
 *     v                1
 *     groupId          the group id, 32 lowercase hex characters
 *     invitePublicKey  Ed25519 public key derived from the invite secret (./invite-keys.ts), hex
 *     joiner.id        the joiner's Ed25519 identity public key for this group (its member id), hex
 *     joiner.boxKey    its X25519 box public key, hex: lockboxes are sealed to it
 *     joiner.device    its device log key (the Hypercore key), hex
 *     joiner.pseudonym 1 … LIMITS.pseudonym UTF-16 units
 *     challenge        32 random bytes chosen by the admitting member, hex
 *     sig              Ed25519 by the invite secret key over SIGNED, hex
 *     joinerSig        Ed25519 by joiner.id over SIGNED, hex
 *   SIGNED = "hearth/join-proof/v1\n" || canonical JSON of { v, groupId, invitePublicKey, joiner, challenge }
 *
 * Why two signatures over the same bytes:
 *   - sig shows the sender holds the code, and covers the joiner's fields, the group and the
 *     challenge: changing any of them, or answering another member's challenge, breaks it. A
 *     captured proof is worthless to anyone without the code, since the next challenge differs.
 *   - joinerSig shows the sender holds the identity key it names, and is the identity's
 *     attestation of its device log (§3.1). Somebody who does hold the code still cannot submit
 *     another person's identity, box key or device as their own: they cannot make that person's
 *     signature, and swapping in their own identity breaks the invite signature they replayed.
 * The verifier rebuilds SIGNED from the values it expects, not the ones the proof names, so a
 * missed comparison could not let a proof for another group, invite or challenge through.
 *
 * Errors: INVALID_INPUT for anything malformed (JSON, shape, hex, lengths, an unacceptable key)
 * and CRYPTO_BAD_SIGNATURE for a proof that does not prove this join.
 */
import { concatBytes } from '../bytes.ts'
import { z } from 'zod'
import { admitBoxPublicKey } from '../crypto/box.ts'
import { equalBytes } from '../crypto/hash.ts'
import { randomBytes } from '../crypto/random.ts'
import { admitPublicKey, sign, verifySignature } from '../crypto/sign.ts'
import { errors } from '../errors.ts'
import { LIMITS } from '../model/vocabulary.ts'
import { canonicalBytes } from './canonical-json.ts'
import { inviteKeyPair, wipeInviteKeys } from './invite-keys.ts'

export const JOIN_PROOF_VERSION = 1 as const
export const JOIN_CHALLENGE_BYTES = 32
export const MAX_JOIN_PROOF_BYTES = 4096

const DOMAIN = new TextEncoder().encode('hearth/join-proof/v1\n')
const hexOf = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes * 2} lowercase hex characters`)
const groupIdSchema = hexOf(16)
const key = hexOf(32)

const joinerSchema = z.object({
  id: key,
  boxKey: key,
  device: key,
  pseudonym: z.string().min(1, 'must not be empty').max(LIMITS.pseudonym, `must be at most ${LIMITS.pseudonym} characters`),
}).strict()

const proofSchema = z.object({
  v: z.literal(JOIN_PROOF_VERSION, `version must be ${JOIN_PROOF_VERSION}`),
  groupId: groupIdSchema,
  invitePublicKey: key,
  joiner: joinerSchema,
  challenge: key,
  sig: hexOf(64),
  joinerSig: hexOf(64),
}).strict()

export type JoinProof = z.infer<typeof proofSchema>
/** The joiner as verified: exactly the member fields of a `member.admit` body. */
export type VerifiedJoiner = z.infer<typeof joinerSchema>

export interface JoinProofInput {
  groupId: string
  /** 16 bytes, from parseInviteCode; left untouched */
  inviteSecret: Uint8Array
  /** The joiner's identity for this group (core/crypto/identity.ts) */
  identity: { signPublicKey: Uint8Array; signSecretKey: Uint8Array; boxPublicKey: Uint8Array }
  /** The joiner's device log key, 32 bytes */
  device: Uint8Array
  pseudonym: string
  /** As received from the admitting member */
  challenge: string
}

export interface JoinExpectation {
  groupId: string
  /** From the `invite.create` record, hex */
  invitePublicKey: string
  /** The challenge this member sent on this connection */
  challenge: string
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))

/** A fresh challenge for one join request. */
export function newJoinChallenge(): string {
  return hex(randomBytes(JOIN_CHALLENGE_BYTES))
}

export function makeJoinProof(input: JoinProofInput): JoinProof {
  const invite = inviteKeyPair(input.inviteSecret)
  try {
    const joiner = check(joinerSchema, {
      id: hexIfBytes(input.identity?.signPublicKey), boxKey: hexIfBytes(input.identity?.boxPublicKey),
      device: hexIfBytes(input.device), pseudonym: input.pseudonym,
    }, 'joiner')
    const body = {
      v: JOIN_PROOF_VERSION,
      groupId: check(groupIdSchema, input.groupId, 'groupId'),
      invitePublicKey: hex(invite.publicKey),
      joiner,
      challenge: check(key, input.challenge, 'challenge'),
    }
    // A proof naming one identity and signed by another would only ever be refused; say so here.
    const own = input.identity.signSecretKey
    if (!(own instanceof Uint8Array) || own.length !== 64 || !equalBytes(own.subarray(32), input.identity.signPublicKey)) {
      throw errors.CRYPTO_BAD_KEY('the identity secret key does not belong to its public key')
    }
    const signed = signedBytes(body)
    return { ...body, sig: hex(sign(signed, invite.secretKey)), joinerSig: hex(sign(signed, input.identity.signSecretKey)) }
  } finally {
    wipeInviteKeys(invite)
  }
}

export function encodeJoinProof(proof: JoinProof): Uint8Array {
  return canonicalBytes(check(proofSchema, proof, 'join proof'))
}

/** Parses a proof off the wire. Throws INVALID_INPUT; verifyJoinProof does the rest. */
export function decodeJoinProof(wire: Uint8Array): JoinProof {
  if (!(wire instanceof Uint8Array)) throw errors.INVALID_INPUT('join proof must be bytes')
  if (wire.length > MAX_JOIN_PROOF_BYTES) throw errors.INVALID_INPUT('join proof is too large')
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(wire))
  } catch {
    throw errors.INVALID_INPUT('join proof is not JSON')
  }
  return check(proofSchema, raw, 'join proof')
}

/**
 * Checks a proof (parsed object, or wire bytes) against what this member expects, and returns the
 * joiner it proves. Throws INVALID_INPUT or CRYPTO_BAD_SIGNATURE; never admits on a throw.
 */
export function verifyJoinProof(proof: unknown, expected: JoinExpectation): VerifiedJoiner {
  const p = proof instanceof Uint8Array ? decodeJoinProof(proof) : check(proofSchema, proof, 'join proof')
  const groupId = check(groupIdSchema, expected?.groupId, 'expected groupId')
  const invitePublicKey = check(key, expected?.invitePublicKey, 'expected invitePublicKey')
  const challenge = check(key, expected?.challenge, 'expected challenge')
  if (p.groupId !== groupId) throw errors.CRYPTO_BAD_SIGNATURE('join proof is for another group')
  if (p.invitePublicKey !== invitePublicKey) throw errors.CRYPTO_BAD_SIGNATURE('join proof was made with another invite')
  if (p.challenge !== challenge) throw errors.CRYPTO_BAD_SIGNATURE('join proof answers another challenge')
  // An identity anyone with the code could sign for would be nobody's identity.
  if (p.joiner.id === invitePublicKey) throw errors.INVALID_INPUT('joiner.id is the invite key')
  const joinerKey = bytes(p.joiner.id)
  admit(() => admitPublicKey(joinerKey), 'joiner.id')
  admit(() => admitBoxPublicKey(bytes(p.joiner.boxKey)), 'joiner.boxKey')
  const signed = signedBytes({ v: JOIN_PROOF_VERSION, groupId, invitePublicKey, joiner: p.joiner, challenge })
  if (!verifySignature(bytes(p.sig), signed, bytes(invitePublicKey))) {
    throw errors.CRYPTO_BAD_SIGNATURE('the invite signature on the join proof does not verify')
  }
  if (!verifySignature(bytes(p.joinerSig), signed, joinerKey)) {
    throw errors.CRYPTO_BAD_SIGNATURE("the joiner's own signature on the join proof does not verify")
  }
  return { ...p.joiner }
}

function signedBytes(body: Omit<JoinProof, 'sig' | 'joinerSig'>): Uint8Array {
  return concatBytes([DOMAIN, canonicalBytes(body)])
}

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const where = [what, ...(issue?.path ?? []).map(String)].join('.')
  throw errors.INVALID_INPUT(`${where}: ${issue?.message ?? 'malformed'}`)
}

function admit(fn: () => void, what: string): void {
  try {
    fn()
  } catch (cause) {
    throw errors.INVALID_INPUT(`${what} is not an acceptable key`, { cause })
  }
}

/** Lets a wrong-length or missing key reach the schema, which names the field. */
function hexIfBytes(v: unknown): unknown {
  return v instanceof Uint8Array ? hex(v) : v
}
