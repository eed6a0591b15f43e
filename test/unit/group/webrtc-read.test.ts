/** A peer reading a group whose governance names WebRTC servers (webrtc.set) replays it like any other event. */
import { describe, expect, it } from 'vitest'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { foundGroup, hex, identity, MemLog } from './support.ts'

const rnd = seededRandom(testSeed())

describe('reading webrtc.set from a log', () => {
  it('a peer reading the facilitator’s log learns the setting', async () => {
    const g = await foundGroup(rnd)
    await g.space.writeGovernance({ v: 1, kind: 'webrtc.set', group: g.space.groupId as string, author: g.me, at: 1, seen: g.space.seen(), body: { signal: ['ws://127.0.0.1:4444'], ice: [] } })
    const peer = new GroupSpace(new MemLog(hex(rnd.bytes(32))), { identity: identity(rnd), epochs: new Map([[0, g.epochKey.slice()]]), current: 0 }, { groupId: g.space.groupId })
    await peer.catchUp(g.log)
    expect(peer.groupId).toBe(g.space.groupId)
    expect(peer.governance.webrtc.current.signal).toEqual(['ws://127.0.0.1:4444'])
  })
})
