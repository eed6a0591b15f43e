/**
 * A member who cannot write the admission steps aside (issue 14, log-quota.ts and join.ts). A
 * node at its byte budget that answers a joiner used to refuse them with LOG_QUOTA_REACHED, a
 * refusal the joiner takes as final, even where another member could admit them. Now it stops
 * announcing invites, and a request that reaches it anyway gets no answer: the connection closes
 * and the joiner goes on looking (invite-swarm.ts). Another member, with room, admits them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { inviteId, inviteKeyPair } from '../../../core/group/invite-keys.ts'
import { decideJoin } from '../../../core/group/join.ts'
import { encodeJoinProof, makeJoinProof, newJoinChallenge } from '../../../core/group/join-proof.ts'
import { roomToAdmit, TEST_QUOTA_ENV } from '../../../core/group/log-quota.ts'
import { hostJoin, requestJoin } from '../../../core/net/join-exchange.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admit, founder, keysOf, now, syncAll, type Peer } from '../governance/peers.ts'
import { noisePair } from '../net/noise-pair.ts'
import { hex, identity, idOf } from './support.ts'

afterEach(() => void delete process.env[TEST_QUOTA_ENV])

const host = (p: Peer) => ({ space: p.space, now, secrets: () => ({ secret: new Uint8Array(32).fill(1), epochs: [...keysOf(p)] }) })

describe('a member at its byte budget and a joiner', () => {
  it('steps aside instead of refusing; a member with room admits', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    const secret = rnd.bytes(16)
    const pk = inviteKeyPair(secret).publicKey
    const groupId = fay.space.groupId as string
    await fay.space.writeGovernance({
      v: 1, kind: 'invite.create', group: groupId, author: fay.me, at: now(), seen: fay.space.seen(),
      body: { invite: { id: inviteId(pk), publicKey: hex(pk), expiresAt: now() + 1e9, uses: 1, role: 'member', approval: false } },
    })
    await syncAll([fay, bob])
    const cedar = identity(rnd)
    const ask = (): { proof: Uint8Array; challenge: string } => {
      const challenge = newJoinChallenge()
      return { proof: encodeJoinProof(makeJoinProof({ groupId, inviteSecret: secret, identity: cedar, device: rnd.bytes(32), pseudonym: 'Cedar', challenge })), challenge }
    }

    // Fay's log is at the budget: she announces no invite and answers nothing.
    process.env[TEST_QUOTA_ENV] = String((fay.space.own.byteLength ?? 0) + 10)
    expect(roomToAdmit(fay.space.own)).toBe(false)
    const toFay = ask()
    expect(await decideJoin(host(fay), toFay.proof, toFay.challenge)).toBeNull()
    expect(fay.space.governance.members.has(idOf(cedar))).toBe(false)

    // Bob has room, and admits Cedar.
    delete process.env[TEST_QUOTA_ENV]
    expect(roomToAdmit(bob.space.own)).toBe(true)
    const toBob = ask()
    expect(await decideJoin(host(bob), toBob.proof, toBob.challenge)).toMatchObject({ status: 'admitted' })
    expect(bob.space.governance.members.has(idOf(cedar))).toBe(true)
  })

  it('a withdrawn invite gets no answer, not a refusal: the code finds nobody (invite-announce.ts)', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const secret = rnd.bytes(16)
    const pk = inviteKeyPair(secret).publicKey
    const groupId = fay.space.groupId as string
    const id = inviteId(pk)
    await fay.space.writeGovernance({
      v: 1, kind: 'invite.create', group: groupId, author: fay.me, at: now(), seen: fay.space.seen(),
      body: { invite: { id, publicKey: hex(pk), expiresAt: now() + 1e9, uses: 1, role: 'member', approval: false } },
    })
    await fay.space.writeGovernance({ v: 1, kind: 'invite.revoke', group: groupId, author: fay.me, at: now(), seen: fay.space.seen(), body: { inviteId: id } })
    expect(fay.space.governance.invites.get(id)?.revoked).toBe(true)
    const challenge = newJoinChallenge()
    const proof = encodeJoinProof(makeJoinProof({ groupId, inviteSecret: secret, identity: identity(rnd), device: rnd.bytes(32), pseudonym: 'Cedar', challenge }))
    expect(await decideJoin(host(fay), proof, challenge)).toBeNull()
  })

  it('on the wire, stepping aside closes the connection with no answer: the joiner is not refused', async () => {
    const [m, j] = noisePair()
    const hosted = hostJoin(m, { groupId: '0'.repeat(32), challenge: newJoinChallenge(), decide: async () => null })
    const asked = requestJoin(j, { proofFor: () => Uint8Array.of(1, 2, 3) })
    expect(await hosted).toBe('aside')
    expect(await asked).toEqual({ ok: false, reason: 'closed' })
  })
})
