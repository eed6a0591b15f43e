/**
 * Who may invite (issue 17), enforced in governance replay: an invite the group's setting forbids
 * is refused by every peer, whatever a member's node wrote, and an invite of a member that needs
 * a facilitator's approval admits nobody through a member. A group made before the setting keeps
 * the rule it was made with, so no past admission turns invalid.
 */
import { describe, expect, it } from 'vitest'
import type { InvitePolicy } from '../../../core/api.ts'
import { inviteId, inviteKeyPair } from '../../../core/group/invite-keys.ts'
import { makeJoinProof, newJoinChallenge } from '../../../core/group/join-proof.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { hex, identity, idOf } from '../group/support.ts'
import { admit, founder, govState, now, syncAll, type Peer } from './peers.ts'

async function group(rnd: SeededRandom, invitePolicy?: InvitePolicy): Promise<[Peer, Peer, Peer]> {
  const fay = await founder(rnd, 'Fay', { inviters: ['facilitator', 'member'], ...(invitePolicy ? { invitePolicy } : {}) })
  const bob = await admit(rnd, fay, 'Bob')
  const cat = await admit(rnd, fay, 'Cat')
  await syncAll([fay, bob, cat])
  return [fay, bob, cat]
}

/** `by` writes invite.create as any node could, bypassing the service's own checks. */
async function invite(rnd: SeededRandom, by: Peer, approval: boolean): Promise<{ id: string; secret: Uint8Array }> {
  const secret = rnd.bytes(16)
  const pk = inviteKeyPair(secret).publicKey
  const id = inviteId(pk)
  await by.space.writeGovernance({
    v: 1, kind: 'invite.create', group: by.space.groupId as string, author: by.me, at: now(), seen: by.space.seen(),
    body: { invite: { id, publicKey: hex(pk), expiresAt: now() + 1e9, uses: 3, role: 'member', approval } },
  })
  return { id, secret }
}

/** `by` admits a fresh joiner with the invite's proof; returns the joiner's member id. */
async function admitWith(rnd: SeededRandom, by: Peer, inv: { id: string; secret: Uint8Array }, name: string): Promise<string> {
  const who = identity(rnd)
  const device = rnd.bytes(32)
  const groupId = by.space.groupId as string
  const proof = makeJoinProof({ groupId, inviteSecret: inv.secret, identity: who, device, pseudonym: name, challenge: newJoinChallenge() })
  await by.space.writeGovernance({
    v: 1, kind: 'member.admit', group: groupId, author: by.me, at: now(), seen: by.space.seen(),
    body: { member: { id: idOf(who), boxKey: hex(who.boxPublicKey), device: hex(device), pseudonym: name }, role: 'member', invite: { id: inv.id, proof: proof as unknown as Record<string, unknown> } },
  })
  return idOf(who)
}

async function setPolicy(fay: Peer, invitePolicy: InvitePolicy): Promise<void> {
  await fay.space.writeGovernance({ v: 1, kind: 'settings', group: fay.space.groupId as string, author: fay.me, at: now(), seen: fay.space.seen(), body: { settings: { invitePolicy } } })
}

describe('who may invite', () => {
  it('"members, with approval": a member’s invite without approval is refused by every peer; with approval only a facilitator admits', async () => {
    const rnd = seededRandom(testSeed())
    const [fay, bob, cat] = await group(rnd, 'members-approved')
    const forbidden = await invite(rnd, bob, false)
    const asked = await invite(rnd, bob, true)
    await syncAll([fay, bob, cat])
    for (const p of [fay, bob, cat]) {
      expect(p.space.governance.invites.has(forbidden.id)).toBe(false)
      expect(p.space.governance.invites.get(asked.id)?.by).toBe(bob.me)
    }
    const viaBob = await admitWith(rnd, bob, asked, 'Wren')
    await syncAll([fay, bob, cat])
    for (const p of [fay, bob, cat]) expect(p.space.governance.members.has(viaBob)).toBe(false)
    const viaFay = await admitWith(rnd, fay, asked, 'Ash')
    await syncAll([fay, bob, cat])
    for (const p of [fay, bob, cat]) expect(p.space.governance.members.has(viaFay)).toBe(true)
    expect(govState(cat)).toEqual(govState(fay))
    expect(govState(bob)).toEqual(govState(fay))
  })

  it('"facilitators only": a member’s invite is refused by every peer, a facilitator’s stands', async () => {
    const rnd = seededRandom(testSeed())
    const [fay, bob, cat] = await group(rnd, 'facilitators')
    const byBob = await invite(rnd, bob, true)
    const byFay = await invite(rnd, fay, false)
    await syncAll([fay, bob, cat])
    for (const p of [fay, bob, cat]) {
      expect(p.space.governance.invites.has(byBob.id)).toBe(false)
      expect(p.space.governance.invites.has(byFay.id)).toBe(true)
      expect(p.space.governance.needsApproval(p.space.governance.invites.get(byFay.id)!)).toBe(false)
    }
  })

  it('"any member": a member invites and admits without a facilitator', async () => {
    const rnd = seededRandom(testSeed())
    const [fay, bob, cat] = await group(rnd, 'members')
    const inv = await invite(rnd, bob, false)
    await syncAll([fay, bob, cat])
    const joiner = await admitWith(rnd, cat, inv, 'Wren')
    await syncAll([fay, bob, cat])
    for (const p of [fay, bob, cat]) expect(p.space.governance.members.has(joiner)).toBe(true)
  })

  it('a group made before the setting keeps its rule, and tightening it holds back a member’s open invite', async () => {
    const rnd = seededRandom(testSeed())
    const [fay, bob, cat] = await group(rnd)
    expect(fay.space.governance.invitePolicy()).toBe('members')
    expect(fay.space.governance.settings.invitePolicy).toBeUndefined()
    const inv = await invite(rnd, bob, false)
    await syncAll([fay, bob, cat])
    const early = await admitWith(rnd, cat, inv, 'Early')
    await syncAll([fay, bob, cat])
    await setPolicy(fay, 'members-approved')
    await syncAll([fay, bob, cat])
    const late = await admitWith(rnd, cat, inv, 'Late')
    await syncAll([fay, bob, cat])
    for (const p of [fay, bob, cat]) {
      const gov = p.space.governance
      expect(gov.members.has(early)).toBe(true)
      expect(gov.members.has(late)).toBe(false)
      expect(gov.needsApproval(gov.invites.get(inv.id)!)).toBe(true)
    }
  })

  it('control: with the rule switched off, the same member invite stands (the refusal above is the setting’s doing)', async () => {
    const rnd = seededRandom(testSeed())
    const [fay, bob, cat] = await group(rnd, 'members')
    const inv = await invite(rnd, bob, false)
    await syncAll([fay, bob, cat])
    expect(cat.space.governance.invites.has(inv.id)).toBe(true)
  })

  it('only a facilitator changes who may invite', async () => {
    const rnd = seededRandom(testSeed())
    const [fay, bob, cat] = await group(rnd, 'members-approved')
    await bob.space.writeGovernance({ v: 1, kind: 'settings', group: bob.space.groupId as string, author: bob.me, at: now(), seen: bob.space.seen(), body: { settings: { invitePolicy: 'members' } } })
    await syncAll([fay, bob, cat])
    for (const p of [fay, bob, cat]) expect(p.space.governance.invitePolicy()).toBe('members-approved')
  })
})
