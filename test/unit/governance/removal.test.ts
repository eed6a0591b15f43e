/**
 * Removal, leave and role change with cut-offs (DESIGN.md §3.3), on real GroupSpaces over
 * in-memory logs: the cut-off is the author's causal context, blocks at or past it are refused
 * by every peer, and the author checks use the role at the carrying block.
 */
import { describe, expect, it } from 'vitest'
import { checkWrite } from '../../../core/model/write-rule.ts'
import { memberDocId, sharedDocId } from '../../../core/model/doc-id.ts'
import { RulesDoc } from '../../../core/model/rules-doc.ts'
import { changeRole, leaveGroup, removeMember } from '../../../core/group/membership.ts'
import { HearthError } from '../../../core/errors.ts'
import { MemberDoc } from '../../../core/model/member-doc.ts'
import { updateBlock, updateOn } from '../group/support.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { admit, founder, govState, now, post, pull, syncAll, texts } from './peers.ts'

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'OK'
  } catch (e) {
    if (e instanceof HearthError) return e.code
    throw e
  }
}

describe('removal with a cut-off', () => {
  it('refuses the removed member’s blocks from the cut-off on, keeps what came before, on every peer', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    const cat = await admit(rnd, fay, 'Cat')
    await syncAll([fay, bob, cat])
    await post(bob, 'bob before')
    await pull(fay, bob)
    const cut = bob.log.length

    expect(await removeMember(fay.space, bob.me, now)).toBe('removed')
    // Bob has not heard yet and keeps writing.
    await post(bob, 'bob after')
    await syncAll([fay, bob, cat])

    for (const p of [fay, cat]) {
      expect(p.space.governance.members.has(bob.me)).toBe(false)
      expect(p.space.governance.former.get(bob.me)?.reason).toBe('removed')
      expect(p.space.governance.memberForBlock(bob.log.key, cut - 1)).toBe(bob.me)
      expect(p.space.governance.memberForBlock(bob.log.key, cut)).toBeUndefined()
      expect(checkWrite(p.space.governance, bob.log.key, cut, memberDocId(bob.me)).ok).toBe(false)
      expect(texts(p)).toEqual(['bob before'])
    }
    expect(bob.space.membership).toBe('removed')
    // Bob's own node refuses to write any more, with a coded error.
    expect(await codeOf(post(bob, 'again'))).toBe('NOT_ALLOWED')
    expect(govState(cat)).toEqual(govState(fay))
  })

  it('makes a removed facilitator’s later governance events invalid, even written before they heard', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    await syncAll([fay, fin])
    await removeMember(fay.space, fin.me, now)
    // Fin, not knowing, admits a friend and rewrites the rules.
    const friend = await admit(rnd, fin, 'Friend')
    await fin.space.change(sharedDocId('rules'), (d) => new RulesDoc(d).set('new rules by Fin', fin.me, now()))
    await syncAll([fay, fin, friend])
    for (const p of [fay, fin]) {
      expect(p.space.governance.members.has(friend.me)).toBe(false)
      expect(p.space.docs.rules().current()).toBeNull()
    }
  })

  it('refuses removals by members, of the last facilitator, and by the removed', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, bob])
    expect(await codeOf(removeMember(bob.space, fay.me, now))).toBe('NOT_ALLOWED')
    expect(await codeOf(removeMember(fay.space, fay.me, now))).toBe('INVALID_INPUT')
    expect(await codeOf(changeRole(fay.space, fay.me, 'member', undefined, now))).toBe('NOT_ALLOWED')
    expect(await codeOf(leaveGroup(fay.space, now))).toBe('NOT_ALLOWED')
    // A hand-written removal of the last facilitator by a member is refused by governance too.
    await bob.space.writeGovernance({ v: 1, kind: 'member.remove', group: fay.space.groupId as string, author: bob.me, at: now(), seen: bob.space.seen(), body: { member: fay.me } })
    await syncAll([fay, bob])
    expect(fay.space.governance.members.has(fay.me)).toBe(true)
    expect(bob.space.governance.members.has(fay.me)).toBe(true)
  })

  it('with removalNeedsSecond waits for a second facilitator, and cuts at the second one’s context', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay', { removalNeedsSecond: true })
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, fin, bob])
    expect(await removeMember(fay.space, bob.me, now)).toBe('pending')
    expect(await codeOf(removeMember(fay.space, bob.me, now))).toBe('NOT_ALLOWED')
    await post(bob, 'while pending')
    await syncAll([fay, fin, bob])
    expect(fin.space.governance.pendingRemovals.get(bob.me)).toBe(fay.me)
    expect(await removeMember(fin.space, bob.me, now)).toBe('removed')
    await post(bob, 'after agreed')
    await syncAll([fay, fin, bob])
    for (const p of [fay, fin]) {
      expect(p.space.governance.former.get(bob.me)?.reason).toBe('removed')
      expect(texts(p)).toEqual(['while pending'])
    }
  })

  it('a removal left waiting when the rule is turned off can be finished by the facilitator who asked', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay', { removalNeedsSecond: true })
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, bob])
    expect(await removeMember(fay.space, bob.me, now)).toBe('pending')
    expect(await codeOf(removeMember(fay.space, bob.me, now))).toBe('NOT_ALLOWED')
    await fay.space.writeGovernance({
      v: 1, kind: 'settings', group: fay.space.groupId as string, author: fay.me, at: now(), seen: fay.space.seen(),
      body: { settings: { removalNeedsSecond: false } },
    })
    expect(await removeMember(fay.space, bob.me, now)).toBe('removed')
    await syncAll([fay, bob])
    expect(bob.space.governance.former.get(bob.me)?.reason).toBe('removed')
    expect(fay.space.governance.pendingRemovals.size).toBe(0)
  })
})

describe('leave and role change', () => {
  it('a member leaves: what they wrote before stays, nothing after counts, and the group rotates', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const bob = await admit(rnd, fay, 'Bob')
    await syncAll([fay, bob])
    await post(bob, 'hello')
    await leaveGroup(bob.space, now)
    expect(bob.space.membership).toBe('left')
    expect(await codeOf(post(bob, 'refused here'))).toBe('NOT_ALLOWED')
    // A modified client appends anyway: every peer refuses it.
    const update = updateOn(null, (d) => new MemberDoc(d, bob.me).addPost({ topic: 'story', text: 'after leaving', cw: null }, now()))
    await bob.log.append(updateBlock(bob.space.epochKey(bob.space.currentEpoch), memberDocId(bob.me), update, bob.space.currentEpoch))
    await syncAll([fay, bob])
    expect(fay.space.governance.former.get(bob.me)?.reason).toBe('left')
    expect(texts(fay)).toEqual(['hello'])
    // Fay saw that a departed member holds the current key and rotated (syncAll runs the repairs).
    const gov = fay.space.governance
    expect(gov.epochs.chain).toHaveLength(2)
    expect(gov.needsRotation()).toBe(false)
    expect(fay.space.currentEpoch).toBe(gov.epochs.current)
    expect(bob.space.holdsEpoch(gov.epochs.current)).toBe(false)
  })

  it('a demotion cuts the facilitator’s rights at the demoting facilitator’s context', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const fin = await admit(rnd, fay, 'Fin', 'facilitator')
    await syncAll([fay, fin])
    await fin.space.change(sharedDocId('rules'), (d) => new RulesDoc(d).set('rules v1', fin.me, now()))
    await pull(fay, fin)
    const cut = fin.log.length
    await changeRole(fay.space, fin.me, 'member', undefined, now)
    await fin.space.change(sharedDocId('rules'), (d) => new RulesDoc(d).set('rules v2', fin.me, now()))
    await syncAll([fay, fin])
    const gov = fay.space.governance
    expect(gov.roleForBlock(fin.log.key, cut - 1)).toBe('facilitator')
    expect(gov.roleForBlock(fin.log.key, cut)).toBe('member')
    expect(gov.memberForBlock(fin.log.key, cut)).toBe(fin.me)
    expect(fay.space.docs.rules().current()?.text).toBe('rules v1')
    expect(fin.space.docs.rules().current()?.text).toBe('rules v1')
    // and back: a promotion records its own cut-off
    await changeRole(fay.space, fin.me, 'facilitator', undefined, now)
    expect(fay.space.governance.members.get(fin.me)?.role).toBe('facilitator')
  })

  it('gives badges only to facilitators of facilitated groups', async () => {
    const rnd = seededRandom(testSeed())
    const led = await founder(rnd, 'Fay')
    const bob = await admit(rnd, led, 'Bob')
    expect(await codeOf(changeRole(led.space, bob.me, 'facilitator', 'counsellor', now))).toBe('INVALID_INPUT')
    await changeRole(led.space, bob.me, 'facilitator', undefined, now)
    expect(led.space.governance.members.get(bob.me)?.role).toBe('facilitator')
  })
})
