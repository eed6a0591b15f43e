/**
 * Invites in governance (DESIGN.md §1 threat 4, §3.4): admissions with a joiner's proof for a
 * live invite, by any member; used-up, expired and revoked invites admit nobody; a proof cannot
 * admit anyone but the joiner who made it; over-use resolves the same way on every peer.
 */
import { describe, expect, it } from 'vitest'
import type { Identity } from '../../../core/crypto/identity.ts'
import { signEvent, type UnsignedEvent } from '../../../core/group/gov-event.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { inviteId, inviteKeyPair } from '../../../core/group/invite-keys.ts'
import { makeJoinProof, newJoinChallenge } from '../../../core/group/join-proof.ts'
import { BlockKind, encodeBlock } from '../../../core/store/block-codec.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { admitEvent, foundGroup, hex, identity, idOf, MemLog, type Founded } from '../group/support.ts'

interface Setup {
  g: Founded
  groupId: string
  member: Identity
  memberLog: MemLog
  rnd: SeededRandom
}

async function setup(settings: Parameters<typeof foundGroup>[1] = {}): Promise<Setup> {
  const rnd = seededRandom(testSeed())
  const g = await foundGroup(rnd, settings)
  const groupId = g.space.groupId as string
  const member = identity(rnd)
  const memberLog = new MemLog(hex(rnd.bytes(32)))
  await g.space.writeGovernance(admitEvent(groupId, g.me, member, memberLog.key))
  return { g, groupId, member, memberLog, rnd }
}

async function createInvite(s: Setup, opts: { uses?: number; expiresAt?: number; approval?: boolean } = {}) {
  const secret = s.rnd.bytes(16)
  const pk = inviteKeyPair(secret).publicKey
  const id = inviteId(pk)
  await s.g.space.writeGovernance({
    v: 1, kind: 'invite.create', group: s.groupId, author: s.g.me, at: 10, seen: {},
    body: { invite: { id, publicKey: hex(pk), expiresAt: opts.expiresAt ?? 2_000_000_000_000, uses: opts.uses ?? 1, role: 'member', approval: opts.approval ?? false } },
  })
  return { secret, id }
}

function joiner(s: Setup, invite: { secret: Uint8Array; id: string }, name: string) {
  const who = identity(s.rnd)
  const device = s.rnd.bytes(32)
  const proof = makeJoinProof({ groupId: s.groupId, inviteSecret: invite.secret, identity: who, device, pseudonym: name, challenge: newJoinChallenge() })
  const member = { id: idOf(who), boxKey: hex(who.boxPublicKey), device: hex(device), pseudonym: name }
  return { who, member, proof }
}

function admitWith(s: Setup, author: string, member: ReturnType<typeof joiner>['member'], inviteRef: { id: string; proof: object }, at = 20, seen?: Record<string, number>): UnsignedEvent {
  return {
    v: 1, kind: 'member.admit', group: s.groupId, author, at, seen: seen ?? { [s.g.log.key]: s.g.log.length },
    body: { member, role: 'member', invite: { id: inviteRef.id, proof: inviteRef.proof as Record<string, unknown> } },
  }
}

function governanceBlock(s: Setup, event: UnsignedEvent, by: Identity): Uint8Array {
  return encodeBlock({ epoch: 0, kind: BlockKind.Governance, docId: 'governance', payload: signEvent(event, by.signSecretKey).payload }, s.g.epochKey)
}

const isMember = (space: GroupSpace, id: string): boolean => space.governance.members.has(id)

describe('invites in governance', () => {
  it('any member admits a joiner with a proof for a live invite, once', async () => {
    const s = await setup()
    const inv = await createInvite(s)
    const x = joiner(s, inv, 'Wren')
    s.memberLog.blocks.push(governanceBlock(s, admitWith(s, idOf(s.member), x.member, { id: inv.id, proof: x.proof }), s.member))
    await s.g.space.catchUp(s.memberLog)
    expect(isMember(s.g.space, x.member.id)).toBe(true)
    expect(s.g.space.governance.invites.get(inv.id)?.used).toBe(1)
  })

  it('a used-up, expired or revoked invite admits nobody', async () => {
    const s = await setup()
    const used = await createInvite(s, { uses: 1 })
    const first = joiner(s, used, 'First')
    await s.g.space.writeGovernance(admitWith(s, s.g.me, first.member, { id: used.id, proof: first.proof }))
    const second = joiner(s, used, 'Second')
    await s.g.space.writeGovernance(admitWith(s, s.g.me, second.member, { id: used.id, proof: second.proof }))

    const expired = await createInvite(s, { expiresAt: 15 })
    const late = joiner(s, expired, 'Late')
    await s.g.space.writeGovernance(admitWith(s, s.g.me, late.member, { id: expired.id, proof: late.proof }, 20))

    const revoked = await createInvite(s)
    await s.g.space.writeGovernance({ v: 1, kind: 'invite.revoke', group: s.groupId, author: s.g.me, at: 30, seen: {}, body: { inviteId: revoked.id } })
    const withdrawn = joiner(s, revoked, 'Withdrawn')
    await s.g.space.writeGovernance(admitWith(s, s.g.me, withdrawn.member, { id: revoked.id, proof: withdrawn.proof }, 31))

    expect(isMember(s.g.space, first.member.id)).toBe(true)
    for (const nobody of [second, late, withdrawn]) expect(isMember(s.g.space, nobody.member.id)).toBe(false)
  })

  it('a captured proof admits nobody but the joiner who made it', async () => {
    const s = await setup()
    const inv = await createInvite(s, { uses: 5 })
    const x = joiner(s, inv, 'Wren')
    const intruder = joiner(s, inv, 'Wren')
    // The intruder's own fields with Wren's proof: the proof names Wren, not the intruder.
    await s.g.space.writeGovernance(admitWith(s, s.g.me, intruder.member, { id: inv.id, proof: x.proof }))
    expect(isMember(s.g.space, intruder.member.id)).toBe(false)
    expect(s.g.space.governance.invites.get(inv.id)?.used).toBe(0)
  })

  it('an invite that needs approval admits only through a facilitator', async () => {
    const s = await setup()
    const inv = await createInvite(s, { uses: 2, approval: true })
    const a = joiner(s, inv, 'A')
    s.memberLog.blocks.push(governanceBlock(s, admitWith(s, idOf(s.member), a.member, { id: inv.id, proof: a.proof }), s.member))
    await s.g.space.catchUp(s.memberLog)
    expect(isMember(s.g.space, a.member.id)).toBe(false)
    await s.g.space.writeGovernance(admitWith(s, s.g.me, a.member, { id: inv.id, proof: a.proof }))
    expect(isMember(s.g.space, a.member.id)).toBe(true)
  })

  it('in a facilitated group a plain member cannot create invites', async () => {
    const s = await setup({ inviters: ['facilitator'] })
    const pk = inviteKeyPair(s.rnd.bytes(16)).publicKey
    const ev: UnsignedEvent = {
      v: 1, kind: 'invite.create', group: s.groupId, author: idOf(s.member), at: 10, seen: { [s.g.log.key]: s.g.log.length },
      body: { invite: { id: inviteId(pk), publicKey: hex(pk), expiresAt: 2_000_000_000_000, uses: 1, role: 'member', approval: false } },
    }
    s.memberLog.blocks.push(governanceBlock(s, ev, s.member))
    await s.g.space.catchUp(s.memberLog)
    expect(s.g.space.governance.invites.size).toBe(0)
  })

  it('two members racing to use a one-use invite: exactly one joiner is in, the same on every peer', async () => {
    const s = await setup()
    const inv = await createInvite(s, { uses: 1 })
    const x = joiner(s, inv, 'X')
    const y = joiner(s, inv, 'Y')
    const seen = { [s.g.log.key]: s.g.log.length }
    // Concurrent: each admitting member has seen the invite, neither has seen the other's admission.
    s.memberLog.blocks.push(governanceBlock(s, admitWith(s, idOf(s.member), x.member, { id: inv.id, proof: x.proof }, 20, seen), s.member))
    const creatorsLog = s.g.log
    await s.g.space.writeGovernance(admitWith(s, s.g.me, y.member, { id: inv.id, proof: y.proof }, 21, seen))
    await s.g.space.catchUp(s.memberLog)

    const inHere = [x, y].filter((j) => isMember(s.g.space, j.member.id)).map((j) => j.member.pseudonym)
    expect(inHere).toHaveLength(1)

    const peer = new GroupSpace(new MemLog(hex(s.rnd.bytes(32))), { identity: identity(s.rnd), epochs: new Map([[0, s.g.epochKey.slice()]]), current: 0 }, { groupId: s.groupId })
    await peer.catchUp(s.memberLog)
    await peer.catchUp(creatorsLog)
    expect([x, y].filter((j) => isMember(peer, j.member.id)).map((j) => j.member.pseudonym)).toEqual(inHere)
    expect([...peer.governance.grants()].sort()).toEqual([...s.g.space.governance.grants()].sort())
    // The loser may hold the keys its welcome carried: every peer agrees the epoch must rotate.
    expect(s.g.space.governance.needsRotation()).toBe(true)
    expect(peer.governance.needsRotation()).toBe(true)
  })

  it('a single admission within the invite\'s uses asks for no rotation', async () => {
    const s = await setup()
    const inv = await createInvite(s, { uses: 1 })
    const x = joiner(s, inv, 'X')
    await s.g.space.writeGovernance(admitWith(s, s.g.me, x.member, { id: inv.id, proof: x.proof }, 21, { [s.g.log.key]: s.g.log.length }))
    expect(isMember(s.g.space, x.member.id)).toBe(true)
    expect(s.g.space.governance.needsRotation()).toBe(false)
  })
})

describe('join requests', () => {
  it('are recorded only for approval invites, decided only by facilitators, and a decline stops the admission', async () => {
    const s = await setup()
    const plain = await createInvite(s)
    const approval = await createInvite(s, { uses: 2, approval: true })
    const a = joiner(s, plain, 'A')
    const b = joiner(s, approval, 'B')
    const seen = (): Record<string, number> => ({ [s.g.log.key]: s.g.log.length })
    const request = (who: ReturnType<typeof joiner>, inv: { id: string }): UnsignedEvent => ({
      v: 1, kind: 'join.request', group: s.groupId, author: idOf(s.member), at: 40, seen: seen(), body: { invite: { id: inv.id, proof: who.proof as unknown as Record<string, unknown> } },
    })
    s.memberLog.blocks.push(governanceBlock(s, request(a, plain), s.member))
    s.memberLog.blocks.push(governanceBlock(s, request(b, approval), s.member))
    s.memberLog.blocks.push(governanceBlock(s, { v: 1, kind: 'join.decline', group: s.groupId, author: idOf(s.member), at: 41, seen: seen(), body: { joinerId: b.member.id } }, s.member))
    await s.g.space.catchUp(s.memberLog)
    const gov = (): ReturnType<typeof s.g.space.governance.requests.get> => s.g.space.governance.requests.get(b.member.id)
    expect(s.g.space.governance.requests.has(a.member.id)).toBe(false)
    expect(gov()?.status).toBe('pending')

    await s.g.space.writeGovernance({ v: 1, kind: 'join.decline', group: s.groupId, author: s.g.me, at: 42, seen: s.g.space.seen(), body: { joinerId: b.member.id } })
    expect(gov()?.status).toBe('declined')
    await s.g.space.writeGovernance(admitWith(s, s.g.me, b.member, { id: approval.id, proof: b.proof }, 43, s.g.space.seen()))
    expect(isMember(s.g.space, b.member.id)).toBe(false)
  })
})

describe('settings', () => {
  it('only a facilitator renames the group or changes its settings', async () => {
    const s = await setup()
    s.memberLog.blocks.push(governanceBlock(s, { v: 1, kind: 'settings', group: s.groupId, author: idOf(s.member), at: 50, seen: { [s.g.log.key]: s.g.log.length }, body: { name: 'Taken over' } }, s.member))
    await s.g.space.catchUp(s.memberLog)
    expect(s.g.space.governance.name).not.toBe('Taken over')
    await s.g.space.writeGovernance({ v: 1, kind: 'settings', group: s.groupId, author: s.g.me, at: 51, seen: s.g.space.seen(), body: { name: 'Thursday circle', settings: { flagThreshold: 5 } } })
    expect(s.g.space.governance.name).toBe('Thursday circle')
    expect(s.g.space.governance.settings.flagThreshold).toBe(5)
    expect(s.g.space.governance.settings.topics.length).toBeGreaterThan(0)
  })
})
