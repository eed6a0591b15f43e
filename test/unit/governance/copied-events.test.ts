/**
 * A hostile member copies a signed governance event into their own log (governance-log.ts,
 * "Carriers"). The copy is not the author's, so it is judged nowhere, and the rightful carrier
 * decides, whichever log a peer reads first: every peer ends with the same governance. Real
 * GroupSpaces over in-memory logs, real block codec, seeded keys.
 */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { removeMember } from '../../../core/group/membership.ts'
import { seededRandom, testSeed, type SeededRandom } from '../../helpers/seeded-random.ts'
import { hex, identity, MemLog } from '../group/support.ts'
import { admit, founder, govState, keysOf, now, post, syncAll, texts, type Peer } from './peers.ts'

/** A reader holding the group's keys that reads copies of these logs, in this order. */
async function readIn(rnd: SeededRandom, keysFrom: Peer, logs: MemLog[]): Promise<GroupSpace> {
  const space = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: keysOf(keysFrom), current: keysFrom.space.currentEpoch }, { groupId: keysFrom.space.groupId })
  for (const log of logs) {
    const copy = new MemLog(log.key)
    for (const b of log.blocks) copy.blocks.push(b.slice())
    await space.catchUp(copy)
  }
  return space
}

describe('a governance event copied into another member’s log', () => {
  it('a member who copies their own removal into their log stays removed for a peer that reads it first', async () => {
    const rnd = seededRandom(testSeed())
    const fay = await founder(rnd, 'Fay')
    const mal = await admit(rnd, fay, 'Mal')
    const cat = await admit(rnd, fay, 'Cat')
    await syncAll([fay, mal, cat])
    await post(mal, 'mal before')
    await syncAll([fay, mal, cat])
    const at = fay.log.length
    expect(await removeMember(fay.space, mal.me, now)).toBe('removed')
    // Mal's client writes the removal's block, byte for byte, into Mal's own log, then more words.
    await mal.log.append(fay.log.blocks[at] as Uint8Array)
    await post(mal, 'mal after')

    const orders = [[mal.log, fay.log, cat.log], [fay.log, cat.log, mal.log], [cat.log, mal.log, fay.log]]
    const states = []
    for (const order of orders) {
      const space = await readIn(rnd, fay, order)
      expect(space.governance.members.has(mal.me), 'Mal removed').toBe(false)
      expect(space.governance.former.get(mal.me)?.reason).toBe('removed')
      states.push(govState({ ...fay, space }))
      expect(texts({ ...fay, space })).toEqual(['mal before'])
    }
    expect(states[1]).toEqual(states[0])
    expect(states[2]).toEqual(states[0])
    expect(states[0]).toEqual(govState(fay))
  })
})
