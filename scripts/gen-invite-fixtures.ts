/**
 * Writes test/fixtures/invite/v1.json, which pins invite code format v1, the v1 derivations from
 * the invite secret (core/group/invite-keys.ts) and join proof v1 (core/group/join-proof.ts).
 *
 *   npx tsx scripts/gen-invite-fixtures.ts
 *
 * Deterministic: fixed secrets, a fixed identity seed, and Ed25519 signatures, which are
 * deterministic. Run it only when adding a case or deliberately introducing a new version; the
 * unit tests recompute every value from its inputs and fail on any character that moves, which
 * is the point. Never regenerate v1 to make a test pass: people hold codes made by v1.
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { identityFromSeed } from '../core/crypto/identity.ts'
import { encodeInviteCode } from '../core/group/invite-code.ts'
import { inviteKeyPair, invitePublic } from '../core/group/invite-keys.ts'
import { encodeJoinProof, makeJoinProof, type JoinProof } from '../core/group/join-proof.ts'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const bytes = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'))

/** Not secrets: fixture values anyone can read, so anyone can check the fixtures. */
const SECRETS = [
  '00000000000000000000000000000000',
  '000102030405060708090a0b0c0d0e0f',
  'ffffffffffffffffffffffffffffffff',
  '8f3a5cd0e1b2479603fa6e5d4c3b2a19',
]

export interface InviteCase { secretHex: string; code: string; publicKeyHex: string; topicHex: string; id: string }
export interface JoinProofCase {
  inviteSecretHex: string
  identitySeedHex: string
  groupId: string
  deviceHex: string
  pseudonym: string
  challenge: string
  proof: JoinProof
  /** the canonical JSON on the wire, as UTF-8 text */
  wire: string
}
export interface InviteFixtures { format: 'hearth-invite'; version: 1; invites: InviteCase[]; joinProof: JoinProofCase }

export function buildInviteFixtures(): InviteFixtures {
  const invites = SECRETS.map((secretHex) => {
    const pub = invitePublic(inviteKeyPair(bytes(secretHex)).publicKey)
    return { secretHex, code: encodeInviteCode(bytes(secretHex)), publicKeyHex: hex(pub.publicKey), topicHex: hex(pub.topic), id: pub.id }
  })
  const input = {
    inviteSecretHex: SECRETS[3] as string,
    identitySeedHex: '42'.repeat(32),
    groupId: '0123456789abcdef0123456789abcdef',
    deviceHex: 'd0'.repeat(32),
    pseudonym: 'Wren ☂',
    challenge: 'c4'.repeat(32),
  }
  const proof = makeJoinProof({
    groupId: input.groupId, inviteSecret: bytes(input.inviteSecretHex), identity: identityFromSeed(bytes(input.identitySeedHex)),
    device: bytes(input.deviceHex), pseudonym: input.pseudonym, challenge: input.challenge,
  })
  const wire = new TextDecoder().decode(encodeJoinProof(proof))
  return { format: 'hearth-invite', version: 1, invites, joinProof: { ...input, proof, wire } }
}

const OUT = fileURLToPath(new URL('../test/fixtures/invite/v1.json', import.meta.url))

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.dirname(OUT), { recursive: true })
  writeFileSync(OUT, JSON.stringify(buildInviteFixtures(), null, 2) + '\n')
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`)
}
