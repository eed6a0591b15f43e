/**
 * Which keeper a newcomer follows while governance is read part way (keeper-follow.ts
 * `keeperToFollow`, used by group-online.ts), on real GroupSpaces over in-memory logs: with only the
 * group's first event read, governance names no keeper yet and the newcomer keeps the one its
 * welcome named; once governance knows its own device, governance alone decides, including a
 * removal. Reverting to "governance as soon as genesis is read" fails the first expectation.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import type { UnsignedEvent } from '../../../core/group/gov-event.ts'
import { keeperToFollow } from '../../../core/keeper/keeper-follow.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { hex, identity, idOf, MemLog } from '../group/support.ts'
import { founder, keysOf, now, type Peer } from '../governance/peers.ts'

const seed = testSeed()

async function keeperEvent(p: Peer, kind: 'keeper.add' | 'keeper.remove', keeper: string, register: string): Promise<void> {
  const body = kind === 'keeper.add' ? { keeper, register } : { keeper }
  await p.space.writeGovernance({ v: 1, kind, group: p.space.governance.groupId, author: p.me, at: now(), seen: p.space.seen(), body } as UnsignedEvent)
}

describe(`the keeper a newcomer follows (seed ${seed})`, () => {
  it('the welcome’s keeper until governance knows its own device; then governance’s, removal included', async () => {
    const rnd = seededRandom(seed)
    const fay = await founder(rnd, 'Fay')
    const keeper = { key: hex(rnd.bytes(32)), register: hex(rnd.bytes(16)) }
    await keeperEvent(fay, 'keeper.add', keeper.key, keeper.register)
    // Nell is admitted through the keeper's mailbox; her welcome names the keeper.
    const nell = identity(rnd)
    const nellLog = new MemLog(hex(rnd.bytes(32)))
    const groupId = fay.space.governance.groupId
    await fay.space.writeGovernance({
      v: 1, kind: 'member.admit', group: groupId, author: fay.me, at: now(), seen: fay.space.seen(),
      body: { member: { id: idOf(nell), boxKey: hex(nell.boxPublicKey), device: nellLog.key, pseudonym: 'Nell' }, role: 'member', epochs: fay.space.heldEpochs() },
    })
    const space = new GroupSpace(nellLog, { identity: nell, epochs: keysOf(fay), current: fay.space.currentEpoch }, { groupId })
    const welcome = { ...keeper }
    expect(keeperToFollow(null, nellLog.key, welcome)).toEqual(welcome)
    expect(keeperToFollow(null, nellLog.key, undefined)).toBeUndefined()

    // Fay's log read up to genesis only: governance exists, names no keeper and not Nell's device.
    const copy = new MemLog(fay.log.key)
    copy.blocks.push((fay.log.blocks[0] as Uint8Array).slice())
    await space.catchUp(copy)
    expect(space.governance.groupId).toBe(groupId)
    expect(space.governance.keepers.current).toBeNull()
    expect(space.governance.knowsLog(nellLog.key)).toBe(false)
    expect(keeperToFollow(space.governance, nellLog.key, welcome)).toEqual(welcome)

    // The rest read: governance knows her device and names the same keeper.
    for (const b of fay.log.blocks.slice(1)) copy.blocks.push(b.slice())
    await space.catchUp(copy)
    expect(space.governance.knowsLog(nellLog.key)).toBe(true)
    expect(keeperToFollow(space.governance, nellLog.key, welcome)).toEqual(keeper)

    // From then on governance alone decides: a removal drops the welcome's keeper too.
    await keeperEvent(fay, 'keeper.remove', keeper.key, '')
    for (const b of fay.log.blocks.slice(copy.blocks.length)) copy.blocks.push(b.slice())
    await space.catchUp(copy)
    expect(keeperToFollow(space.governance, nellLog.key, welcome)).toBeNull()
  })
})
