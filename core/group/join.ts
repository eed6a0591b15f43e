/**
 * Joining, both sides (DESIGN.md §3.4), above the wire exchange (core/net/join-exchange.ts).
 *
 * Member side (`decideJoin`): verifies the joiner's proof against this connection's challenge and
 * checks the invite is live in governance (not revoked, not expired, uses left). Then it writes
 * `member.admit` carrying the proof (so every peer can check it) and answers with the welcome:
 * what the newcomer needs to read the group, sealed to the box key the proof names. With an
 * invite that needs approval, the answering member (a facilitator too) puts the request on record
 * (`join.request`) and answers "pending"; when the newcomer asks again after a facilitator
 * admitted the request, any member hands over the welcome, and after a decline, the refusal.
 * A member whose node cannot write now (its own log at its byte budget, or behind, or not
 * confirmed: CANNOT_WRITE) steps aside instead of refusing: the joiner goes on to another member,
 * who may admit them. A refusal is final for the joiner, and this one would not be the group's.
 *
 * Welcome, version 3 (canonical JSON, sealed box; versions 1 and 2 are still read):
 *   { v: 3, groupId, name, secret, epochs: [[n, key]], members: [memberId], logs: [logKey],
 *     checkpoints: [[logKey, start]], webrtc?: { signal, ice } }
 *   secret/keys hex; members and logs are who the admitting member knew, the newcomer's trust
 *   seed until it has read governance itself (core/group/group-online.ts). `checkpoints` (new in
 *   version 2) names, per log, where the latest shared checkpoint the member accepted starts
 *   (shared-checkpoint.ts): the newcomer reads those logs from there. A wrong start costs only
 *   time: the block there is judged like any other, and the log is read whole if it fails.
 *   `webrtc` (new in version 3, present when the group named servers: webrtc-settings.ts) is the
 *   group's WebRTC setting, so a newcomer on WebRTC alone can reach the members to read
 *   governance at all; governance's own setting replaces it once read (meeting-rooms.ts). A
 *   welcome without it is still sent as version 2, which every reader since 2026-12-06 reads.
 *   `keeper` (version 4, present exactly when the group has a keeper; `webrtc` optional there):
 *   { key, register } hex, the keeper `keeper.add` names, so a newcomer admitted while no member
 *   is online (through the keeper's mailbox, core/keeper/keeper-mailbox*.ts) reads the group from
 *   the keeper until governance, which then decides. Readers before version 4 refuse it.
 */
import { z } from 'zod'
import { errors, HearthError } from '../errors.ts'
import { openSealed, sealTo } from '../crypto/sealedbox.ts'
import type { JoinAnswer } from '../net/join-exchange.ts'
import { canonicalBytes } from './canonical-json.ts'
import type { GroupSpace } from './group-space.ts'
import { decodeJoinProof, verifyJoinProof } from './join-proof.ts'
import type { InviteState } from './invite-rules.ts'
import { checkNameFor } from './member-names.ts'
import { webrtcSetBody } from './webrtc-settings.ts'

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`))
const welcomeSchema = z.object({
  v: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  groupId: hex(32),
  name: z.string().min(1).max(200),
  secret: hex(64),
  epochs: z.array(z.tuple([z.number().int().min(0), hex(64)])).min(1).max(10_000),
  members: z.array(hex(64)).max(10_000),
  logs: z.array(hex(64)).max(10_000),
  checkpoints: z.array(z.tuple([hex(64), z.number().int().min(0).max(0xffff_ffff)])).max(10_000).optional(),
  webrtc: webrtcSetBody.optional(),
  keeper: z.object({ key: hex(64), register: hex(32) }).strict().optional(),
}).strict()
export type Welcome = z.infer<typeof welcomeSchema>
/** Plaintext room for a welcome inside a join answer's 64 KiB, after the sealed box's overhead and framing. */
const WELCOME_ROOM = 60_000

export function isLive(invite: InviteState, now: number): string | null {
  if (invite.revoked) return 'INVITE_REVOKED'
  if (now > invite.expiresAt) return 'INVITE_EXPIRED'
  if (invite.used >= invite.uses) return 'INVITE_USED_UP'
  return null
}

export interface JoinHostContext {
  space: GroupSpace
  now(): number
  /** The welcome's secrets: the group secret and every epoch key this device holds. */
  secrets(): { secret: Uint8Array; epochs: [number, Uint8Array][] }
}

/** Why this device cannot write now; none of them says anything about the joiner. */
const CANNOT_WRITE: ReadonlySet<string> = new Set(['LOG_QUOTA_REACHED', 'LOG_BEHIND', 'LOG_UNCONFIRMED'])

/**
 * Member side: never throws; every failure is a refusal with a code the joiner can show, but
 * for this device being unable to write (CANNOT_WRITE) and a withdrawn invite: null, no answer.
 */
export async function decideJoin(ctx: JoinHostContext, proofBytes: Uint8Array, challenge: string): Promise<JoinAnswer | null> {
  try {
    const space = ctx.space
    const gov = space.governance
    const proof = decodeJoinProof(proofBytes)
    const invite = [...gov.invites.values()].find((i) => i.publicKey === proof.invitePublicKey)
    if (!invite) return { status: 'refused', code: 'INVITE_REVOKED' }
    const joiner = verifyJoinProof(proof, { groupId: gov.groupId, invitePublicKey: invite.publicKey, challenge })
    const asked = gov.requests.get(joiner.id)
    const ref = { id: invite.id, proof: proof as unknown as Record<string, unknown> }
    // Approved meanwhile (a facilitator admitted the request): hand over the welcome.
    if (gov.members.has(joiner.id) && gov.members.get(joiner.id)?.devices.has(joiner.device)) return welcomeFor(ctx, joiner.boxKey)
    if (asked?.status === 'declined') return { status: 'refused', code: 'INVITE_DECLINED' }
    // A withdrawn code finds nobody (invite-announce.ts): a member who has read the withdrawal stays
    // silent on it, also while its topic is still being left or an old announcement points here.
    if (invite.revoked) return null
    const dead = isLive(invite, ctx.now())
    if (dead) return { status: 'refused', code: dead }
    // The name is signed into the proof, so a refused one is refused whole: the joiner asks again with another.
    if (checkNameFor(space, joiner.id, joiner.pseudonym) !== joiner.pseudonym) return { status: 'refused', code: 'NAME_NOT_ALLOWED' }
    // Approval is a person's decision, so even a facilitator's node only puts the request on record.
    if (gov.needsApproval(invite)) {
      if (!asked) await space.writeGovernance({ v: 1, kind: 'join.request', group: gov.groupId, author: space.me, at: ctx.now(), seen: space.seen(), body: { invite: ref } })
      return { status: 'pending' }
    }
    // The admission records which epoch keys the welcome hands over, so a key rotated
    // concurrently is handed on later (core/group/epoch-keeper.ts).
    await space.writeGovernance({
      v: 1, kind: 'member.admit', group: gov.groupId, author: space.me, at: ctx.now(), seen: space.seen(),
      body: { member: joiner, role: invite.role, invite: ref, epochs: ctx.secrets().epochs.map(([n]) => n) },
    })
    if (!space.governance.members.has(joiner.id)) return { status: 'refused', code: 'INVITE_USED_UP' }
    return welcomeFor(ctx, joiner.boxKey)
  } catch (e) {
    if (e instanceof HearthError && CANNOT_WRITE.has(e.code)) return null
    return { status: 'refused', code: e instanceof HearthError ? e.code : 'INTERNAL' }
  }
}

/** The welcome for an admitted newcomer, sealed to the box key their proof named. */
function welcomeFor(ctx: JoinHostContext, boxKey: string): JoinAnswer {
  const gov = ctx.space.governance
  const { secret, epochs } = ctx.secrets()
  const where = gov.webrtc.current
  const named = where.signal.length > 0 || where.ice.length > 0
  const keeper = gov.keepers.current
  const welcome: Welcome = {
    v: keeper ? 4 : named ? 3 : 2, groupId: gov.groupId, name: gov.name, secret: Buffer.from(secret).toString('hex'),
    epochs: epochs.map(([n, k]) => [n, Buffer.from(k).toString('hex')]),
    members: [...gov.members.keys()], logs: gov.deviceLogs(), checkpoints: [...ctx.space.sharedCheckpoints],
    ...(named ? { webrtc: { signal: where.signal, ice: where.ice } } : {}),
    ...(keeper ? { keeper: { key: keeper.key, register: keeper.register } } : {}),
  }
  let bytes = canonicalBytes(welcome)
  // The answer carries at most 64 KiB (join-exchange.ts); without checkpoints the newcomer only reads more.
  if (bytes.length > WELCOME_ROOM) bytes = canonicalBytes({ ...welcome, checkpoints: [] })
  return { status: 'admitted', sealed: sealTo(bytes, Buffer.from(boxKey, 'hex')) }
}

/** Joiner side: opens and checks the welcome sealed to our box key. */
export function openWelcome(sealed: Uint8Array, boxPublicKey: Uint8Array, boxSecretKey: Uint8Array, expectedGroupId: string): Welcome {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(openSealed(sealed, boxPublicKey, boxSecretKey)))
  } catch {
    throw errors.PEER_REJECTED('the welcome from the group could not be read')
  }
  const w = welcomeSchema.safeParse(parsed)
  const d = w.success ? w.data : null
  if (!d || d.groupId !== expectedGroupId || (d.v === 1) !== (d.checkpoints === undefined) || (d.v < 3 && d.webrtc !== undefined) || (d.v === 3 && d.webrtc === undefined) || (d.v === 4) !== (d.keeper !== undefined)) throw errors.PEER_REJECTED('the welcome from the group is malformed')
  return d
}

/** Whether a welcome opens and checks out; a member's made-up bytes do not (net/join-answers.ts). */
export function opensWelcome(sealed: Uint8Array, boxPublicKey: Uint8Array, boxSecretKey: Uint8Array, expectedGroupId: string): boolean {
  try {
    openWelcome(sealed, boxPublicKey, boxSecretKey, expectedGroupId)
    return true
  } catch {
    return false
  }
}

/** A refusal code from a member, as the coded error the joiner sees. */
export function refusalError(code: string): HearthError {
  const known = ['INVITE_EXPIRED', 'INVITE_REVOKED', 'INVITE_USED_UP', 'INVITE_DECLINED', 'NAME_NOT_ALLOWED', 'NAME_TAKEN', 'JOIN_ANSWERS_DIFFER'] as const
  const k = known.find((c) => c === code)
  return k ? errors[k]() : errors.PEER_REJECTED(`the member refused the request (${code})`)
}
