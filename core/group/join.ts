/**
 * Joining, both sides (DESIGN.md §3.4), above the wire exchange (core/net/join-exchange.ts).
 *
 * Member side (`decideJoin`): verifies the joiner's proof against this connection's challenge and
 * checks the invite is live in governance (not revoked, not expired, uses left). Then it writes
 * `member.admit` carrying the proof (so every peer can check it) and answers with the welcome:
 * what the newcomer needs to read the group, sealed to the box key the proof names. With an
 * invite that needs approval, a member who is not a facilitator puts the request on record
 * (`join.request`) and answers "pending"; when the newcomer asks again after a facilitator
 * admitted the request, any member hands over the welcome, and after a decline, the refusal.
 *
 * Welcome, version 1 (canonical JSON, sealed box):
 *   { v: 1, groupId, name, secret, epochs: [[n, key]], members: [memberId], logs: [logKey] }
 *   secret/keys hex; members and logs are who the admitting member knew, the newcomer's trust
 *   seed until it has read governance itself (core/group/group-online.ts).
 */
import { z } from 'zod'
import { errors, HearthError } from '../errors.ts'
import { openSealed, sealTo } from '../crypto/sealedbox.ts'
import type { JoinAnswer } from '../net/join-exchange.ts'
import { canonicalBytes } from './canonical-json.ts'
import type { GroupSpace } from './group-space.ts'
import { decodeJoinProof, verifyJoinProof } from './join-proof.ts'
import type { InviteState } from './governance.ts'

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`))
const welcomeSchema = z.object({
  v: z.literal(1),
  groupId: hex(32),
  name: z.string().min(1).max(200),
  secret: hex(64),
  epochs: z.array(z.tuple([z.number().int().min(0), hex(64)])).min(1).max(10_000),
  members: z.array(hex(64)).max(10_000),
  logs: z.array(hex(64)).max(10_000),
}).strict()
export type Welcome = z.infer<typeof welcomeSchema>

export function isLive(invite: InviteState, now: number): string | null {
  if (invite.revoked) return 'INVITE_REVOKED'
  if (now > invite.expiresAt) return 'INVITE_EXPIRED'
  if (invite.used >= invite.uses) return 'INVITE_USED_UP'
  return null
}

/**
 * Whether members announce an invite's topic: while it is live, and also — until it expires or
 * is withdrawn — while a newcomer it brought was approved and may still come back for the welcome
 * (approving can take an invite's last use).
 */
export function shouldAnnounce(invite: InviteState, requests: Iterable<{ inviteId: string; status: string }>, now: number): boolean {
  if (isLive(invite, now) === null) return true
  if (invite.revoked || now > invite.expiresAt) return false
  for (const r of requests) if (r.inviteId === invite.id && r.status === 'admitted') return true
  return false
}

export interface JoinHostContext {
  space: GroupSpace
  now(): number
  /** The welcome's secrets: the group secret and every epoch key this device holds. */
  secrets(): { secret: Uint8Array; epochs: [number, Uint8Array][] }
}

/** Member side: never throws; every failure is a refusal with a code the joiner can show. */
export async function decideJoin(ctx: JoinHostContext, proofBytes: Uint8Array, challenge: string): Promise<JoinAnswer> {
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
    const dead = isLive(invite, ctx.now())
    if (dead) return { status: 'refused', code: dead }
    if (invite.approval && gov.members.get(space.me)?.role !== 'facilitator') {
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
    return { status: 'refused', code: e instanceof HearthError ? e.code : 'INTERNAL' }
  }
}

/** The welcome for an admitted newcomer, sealed to the box key their proof named. */
function welcomeFor(ctx: JoinHostContext, boxKey: string): JoinAnswer {
  const gov = ctx.space.governance
  const { secret, epochs } = ctx.secrets()
  const welcome: Welcome = {
    v: 1, groupId: gov.groupId, name: gov.name, secret: Buffer.from(secret).toString('hex'),
    epochs: epochs.map(([n, k]) => [n, Buffer.from(k).toString('hex')]),
    members: [...gov.members.keys()], logs: gov.deviceLogs(),
  }
  return { status: 'admitted', sealed: sealTo(canonicalBytes(welcome), Buffer.from(boxKey, 'hex')) }
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
  if (!w.success || w.data.groupId !== expectedGroupId) throw errors.PEER_REJECTED('the welcome from the group is malformed')
  return w.data
}

/** A refusal code from a member, as the coded error the joiner sees. */
export function refusalError(code: string): HearthError {
  const known = ['INVITE_EXPIRED', 'INVITE_REVOKED', 'INVITE_USED_UP', 'INVITE_DECLINED'] as const
  const k = known.find((c) => c === code)
  return k ? errors[k]() : errors.PEER_REJECTED(`the member refused the request (${code})`)
}
