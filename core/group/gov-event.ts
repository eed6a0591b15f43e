/**
 * Governance events (DESIGN.md §3.3), record version 1. A governance event travels as the
 * payload of a kind-2 block (core/store/block-codec.ts), sealed under the epoch key like any
 * other block, and is also signed by its author's member identity so that it is attributable
 * whichever log carries it.
 *
 * Payload: canonical JSON (core/group/canonical-json.ts) of
 *   { v: 1, kind, group, author, at, seen, body, sig }
 *     kind    event kind: "genesis", "invite.create", "invite.revoke", "member.admit",
 *             "join.request", "join.decline", "settings", "member.remove", "member.leave",
 *             "role.change", "epoch.rotate", "epoch.share", "device.add", "log.fork", "log.thaw",
 *             "keeper.add", "keeper.remove", "webrtc.set"
 *     group   the group id; "" in genesis, which defines it
 *     author  member id: the author's ed25519 public key, lowercase hex
 *     at      the author's clock, ms (informational: order comes from `seen`, never from clocks)
 *     seen    causal context: device log key (hex) → that log's length as the author saw it
 *     body    the kind's fields
 *     sig     ed25519 over "hearth/gov/v1\n" || canonical JSON of every field but sig, hex
 *
 * Bodies of the membership and epoch kinds (added to record version 1; older readers refuse them
 * as malformed, which only means they do not follow the group past them):
 *   member.remove  { member }                      a facilitator removes a member
 *   member.leave   {}                              the author leaves
 *   role.change    { member, role, badge? }        badge "counsellor" | "advocate", facilitated
 *                                                  groups only, facilitators only
 *   epoch.rotate   { epoch, check, lockboxes }     a new epoch key: epoch is its non-zero u32 id,
 *                                                  check = BLAKE2b-256("hearth/epoch-key/v1\n" ||
 *                                                  key) hex, lockboxes = member id → hex sealed box
 *                                                  (core/crypto/sealedbox.ts) of the 32-byte key
 *                                                  to that member's box key
 *   epoch.share    { epoch, check, lockboxes }     the same key handed to members who lack it
 *   member.admit may carry `epochs`: the epoch ids the welcome handed over.
 *   log.fork       { log, signer, index, a, b }    evidence that a device log was rewritten:
 *                                                  two signed states that disagree at `index`, or
 *                                                  two trees of one fork parting there
 *                                                  (core/group/equivocation.ts has the rule)
 *   log.thaw       { log, resume }                 facilitators lift a freeze: the log speaks
 *                                                  again from `resume` on, for the evidence whose
 *                                                  versions both end at or before it (freeze-book.ts)
 *   keeper.add     { keeper, register }            facilitators give the group a keeper: its public
 *                                                  key (hex) and its registration secret (16 bytes,
 *                                                  hex), read from its checked code; one at a time
 *   keeper.remove  { keeper }                      facilitators take it away (core/group/keeper-rules.ts)
 *   webrtc.set     { signal, ice }                 facilitators name the signaling and ICE servers
 *                                                  (core/group/webrtc-settings.ts has the layout)
 * The cut-off of a removal, leave or role change is the event's own `seen`: for each device log
 * of the affected member, blocks at index >= seen[log] (0 when absent) no longer speak for the
 * member, or speak with the new role (core/group/governance.ts).
 *
 * The event id is BLAKE2b-256 of those signed bytes: events are deduplicated by content, never by
 * signature bytes (a signature is not unique to its message under every implementation).
 * A group's id is the first 16 bytes of its genesis event id, in hex.
 */
import { concatBytes } from '../bytes.ts'
import { z } from 'zod'
import { errors } from '../errors.ts'
import { hash } from '../crypto/hash.ts'
import { sign, verifySignature, admitPublicKey } from '../crypto/sign.ts'
import { canonicalBytes } from './canonical-json.ts'
import { LIMITS, TOPIC_ID } from '../model/vocabulary.ts'
import { webrtcSetBody } from './webrtc-settings.ts'

const DOMAIN = new TextEncoder().encode('hearth/gov/v1\n')
const hex32 = z.string().regex(/^[0-9a-f]{64}$/)
const role = z.enum(['facilitator', 'member'])

export const settingsSchema = z.object({
  topics: z.array(z.object({ id: z.string().regex(TOPIC_ID), label: z.string().min(1).max(LIMITS.topicLabel) }).strict()).min(1).max(LIMITS.topics),
  rulesWriters: z.array(role).min(1),
  inviters: z.array(role).min(1),
  flagThreshold: z.number().int().min(1).max(50),
  /** When true, a removal takes effect only once a second facilitator writes the same removal. */
  removalNeedsSecond: z.boolean().optional(),
  /**
   * Who may invite (issue 17): "facilitators", "members-approved" (members invite, a facilitator
   * approves each newcomer) or "members". Absent in groups made before it existed: they keep the
   * rule `inviters` gave them (governance.ts invitePolicy), so no old admission turns invalid.
   */
  invitePolicy: z.enum(['facilitators', 'members-approved', 'members']).optional(),
  /** Who may save the group's words as a readable file; absent means facilitators only. */
  groupExport: z.enum(['facilitators', 'members']).optional(),
}).strict()
export type GroupSettings = z.infer<typeof settingsSchema>

const genesisBody = z.object({
  name: z.string().min(1).max(LIMITS.groupName),
  mode: z.enum(['survivor-led', 'facilitated']),
  settings: settingsSchema,
  creator: z.object({ pseudonym: z.string().min(1).max(LIMITS.pseudonym), boxKey: hex32, device: hex32 }).strict(),
}).strict()
export type GenesisBody = z.infer<typeof genesisBody>

const hex16 = z.string().regex(/^[0-9a-f]{32}$/)

/**
 * An invite (DESIGN.md §3.4): its public key (derived from the code's secret, core/group/
 * invite-keys.ts) and id, when it expires, how many may join with it, the role it gives, and
 * whether a facilitator must approve each request.
 */
const inviteCreateBody = z.object({
  invite: z.object({
    id: hex16, publicKey: hex32, expiresAt: z.number().int().min(0),
    uses: z.number().int().min(1).max(100), role, approval: z.boolean(),
  }).strict(),
}).strict()
export type InviteRecord = z.infer<typeof inviteCreateBody>['invite']

const inviteRevokeBody = z.object({ inviteId: hex16 }).strict()

/**
 * A newcomer asked to join with an invite that needs a facilitator's approval, and a member
 * (any) put the request on record, proof and all, so every facilitator can see and decide it.
 */
const joinRequestBody = z.object({ invite: z.object({ id: hex16, proof: z.record(z.string(), z.unknown()) }).strict() }).strict()
/** A facilitator changes the group's name or settings; fields left out stay as they were. */
const settingsBody = z.object({
  name: z.string().min(1).max(LIMITS.groupName).optional(),
  settings: settingsSchema.partial().optional(),
}).strict()

/** A facilitator said no to a request (`joinerId` is the newcomer's member id). */
const joinDeclineBody = z.object({ joinerId: hex32 }).strict()

/**
 * A newcomer: their member id, box key, first device log and pseudonym, and the role given. With
 * `invite`, the joiner's proof (core/group/join-proof.ts) travels inside, so every peer can check
 * the admission itself; without it, only a facilitator may admit (a direct admission).
 */
const admitBody = z.object({
  member: z.object({ id: hex32, boxKey: hex32, device: hex32, pseudonym: z.string().min(1).max(LIMITS.pseudonym) }).strict(),
  role,
  invite: z.object({ id: hex16, proof: z.record(z.string(), z.unknown()) }).strict().optional(),
  /** The epoch ids whose keys the welcome handed over; absent means every epoch known so far. */
  epochs: z.array(z.number().int().min(0).max(0xffff_ffff)).max(10_000).optional(),
}).strict()
export type AdmitBody = z.infer<typeof admitBody>

/** A facilitator removes a member. */
const removeBody = z.object({ member: hex32 }).strict()
/** The author leaves the group. */
const leaveBody = z.object({}).strict()
export const BADGES = ['counsellor', 'advocate'] as const
export type Badge = (typeof BADGES)[number]
/** A facilitator makes a member a facilitator or a member; a badge says a facilitator's profession. */
const roleChangeBody = z.object({ member: hex32, role, badge: z.enum(BADGES).optional() }).strict()
/** A new epoch key (or one handed on): its id, a check of the key, and one lockbox per member. */
const epochBody = z.object({
  epoch: z.number().int().min(1).max(0xffff_ffff),
  check: hex32,
  lockboxes: z.record(hex32, z.string().regex(/^[0-9a-f]{160}$/)),
}).strict()
/**
 * A member speaks through a further device log (a restore from an archive, core/archive/): the
 * event is signed by the member identity and must be block 0 of the log it names, so the log
 * attests itself and no other log can hand a device to someone.
 */
const deviceAddBody = z.object({ device: hex32 }).strict()
/** Evidence of a rewritten device log (core/group/equivocation.ts); two signed states in base64. */
const signedState = z.string().max(1_500_000).regex(/^[A-Za-z0-9+/]*={0,2}$/)
const logForkBody = z.object({ log: hex32, signer: hex32, index: z.number().int().min(0).max(0xffff_ffff), a: signedState, b: signedState }).strict()
/** Facilitators lift a freeze from `resume` on (core/group/freeze-book.ts). */
const logThawBody = z.object({ log: hex32, resume: z.number().int().min(1).max(0xffff_ffff) }).strict()
/** Facilitators add or remove the group's keeper (core/group/keeper-rules.ts). */
const keeperAddBody = z.object({ keeper: hex32, register: hex16 }).strict()
const keeperRemoveBody = z.object({ keeper: hex32 }).strict()

const envelope = {
  v: z.literal(1),
  group: z.string().regex(/^([0-9a-f]{32})?$/),
  author: hex32,
  at: z.number().int().min(0),
  seen: z.record(hex32, z.number().int().min(0)),
  sig: z.string().regex(/^[0-9a-f]{128}$/),
}
const eventSchema = z.discriminatedUnion('kind', [
  z.object({ ...envelope, kind: z.literal('genesis'), body: genesisBody }).strict(),
  z.object({ ...envelope, kind: z.literal('member.admit'), body: admitBody }).strict(),
  z.object({ ...envelope, kind: z.literal('invite.create'), body: inviteCreateBody }).strict(),
  z.object({ ...envelope, kind: z.literal('invite.revoke'), body: inviteRevokeBody }).strict(),
  z.object({ ...envelope, kind: z.literal('join.request'), body: joinRequestBody }).strict(),
  z.object({ ...envelope, kind: z.literal('join.decline'), body: joinDeclineBody }).strict(),
  z.object({ ...envelope, kind: z.literal('settings'), body: settingsBody }).strict(),
  z.object({ ...envelope, kind: z.literal('member.remove'), body: removeBody }).strict(),
  z.object({ ...envelope, kind: z.literal('member.leave'), body: leaveBody }).strict(),
  z.object({ ...envelope, kind: z.literal('role.change'), body: roleChangeBody }).strict(),
  z.object({ ...envelope, kind: z.literal('epoch.rotate'), body: epochBody }).strict(),
  z.object({ ...envelope, kind: z.literal('epoch.share'), body: epochBody }).strict(),
  z.object({ ...envelope, kind: z.literal('device.add'), body: deviceAddBody }).strict(),
  z.object({ ...envelope, kind: z.literal('log.fork'), body: logForkBody }).strict(),
  z.object({ ...envelope, kind: z.literal('log.thaw'), body: logThawBody }).strict(),
  z.object({ ...envelope, kind: z.literal('keeper.add'), body: keeperAddBody }).strict(),
  z.object({ ...envelope, kind: z.literal('keeper.remove'), body: keeperRemoveBody }).strict(),
  z.object({ ...envelope, kind: z.literal('webrtc.set'), body: webrtcSetBody }).strict(),
])

export type SignedEvent = z.infer<typeof eventSchema>
export type UnsignedEvent = Omit<SignedEvent, 'sig'>

function signedBytes(e: UnsignedEvent): Uint8Array {
  return concatBytes([DOMAIN, canonicalBytes(e)])
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

export function eventId(e: UnsignedEvent): string {
  return hex(hash(signedBytes(e)))
}

export function groupIdOf(genesis: SignedEvent): string {
  return eventId(stripSig(genesis)).slice(0, 32)
}

function stripSig(e: SignedEvent): UnsignedEvent {
  const { sig: _sig, ...rest } = e
  return rest
}

export function signEvent(e: UnsignedEvent, secretKey: Uint8Array): { event: SignedEvent; payload: Uint8Array } {
  const event = { ...e, sig: hex(sign(signedBytes(e), secretKey)) } as SignedEvent
  return { event, payload: canonicalBytes(event) }
}

/** Parses and verifies a governance payload from any log. Throws BLOCK_MALFORMED or CRYPTO_BAD_SIGNATURE. */
export function openEvent(payload: Uint8Array): { event: SignedEvent; id: string } {
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload))
  } catch {
    throw errors.BLOCK_MALFORMED('governance event is not JSON')
  }
  const parsed = eventSchema.safeParse(raw)
  if (!parsed.success) throw errors.BLOCK_MALFORMED('governance event has the wrong shape')
  const event = parsed.data
  const author = Buffer.from(event.author, 'hex')
  try {
    admitPublicKey(author)
  } catch {
    throw errors.CRYPTO_BAD_SIGNATURE('governance event author key is not acceptable')
  }
  const unsigned = stripSig(event)
  if (!verifySignature(Buffer.from(event.sig, 'hex'), signedBytes(unsigned), author)) {
    throw errors.CRYPTO_BAD_SIGNATURE('governance event signature does not verify')
  }
  return { event, id: eventId(unsigned) }
}
