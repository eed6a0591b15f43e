/** `hearth group status` in words: a member not heard from is named as such, and still connected (core/net/peer-hearing.ts). */
import { describe, expect, it } from 'vitest'
import type { GroupStatus } from '../../../core/api.ts'
import { joinProgressLine, netCommands } from '../../../scripts/cli/net-commands.ts'

const human = netCommands['group status']!.human as (v: GroupStatus) => string
const base: GroupStatus = { online: true, peers: [], lastSeen: {}, writesHeld: false, blocks: 0 }

describe('group status text', () => {
  it('names a member heard from as connected, and one not heard from with how long', () => {
    const out = human({ ...base, peers: [{ memberId: 'a', name: 'Alder', since: 0 }, { memberId: 'b', name: 'Birch', since: 0, notHeardSince: Date.now() - 4_000 }] })
    expect(out).toContain('connected: Alder, Birch (not heard from for 4 s; still connected)')
  })

  it('names a member whose device reached the group’s byte budget (core/group/log-quota.ts)', () => {
    const out = human({ ...base, quotaReached: [{ memberId: 'm', name: 'Mallory', blocks: 109 }] })
    expect(out).toContain('A device of Mallory has reached the group’s limit')
    expect(human(base)).not.toContain('limit')
  })

  it('names whom a newcomer’s history waits for, and how far each is here when told (core/group/history-wait.ts)', () => {
    const out = human({ ...base, arriving: { waitingFor: [{ memberId: 'c', name: 'Cedar' }, { memberId: 'f', name: 'Fay', blocks: { read: 12, of: 40 } }], more: 2 } })
    expect(out).toContain('waiting for what these wrote: Cedar (no length told yet), Fay (12 of 40 blocks here), 2 more.')
    expect(human({ ...base, online: false, arriving: { waitingFor: [], more: 0 } })).toContain('still arriving.')
    expect(human(base)).not.toContain('arriving')
  })

  it('says which member is connected over WebRTC, and through which signaling server (issue 16)', () => {
    const out = human({ ...base, peers: [{ memberId: 'a', name: 'Alder', since: 0, transport: 'hyperswarm' }, { memberId: 'b', name: 'Birch', since: 0, transport: 'webrtc' }], webrtc: { server: 'ws://127.0.0.1:4444', from: 'group', signaling: true } })
    expect(out).toContain('connected: Alder, Birch (over WebRTC)')
    expect(out).toContain('WebRTC through ws://127.0.0.1:4444: reached.')
  })

  it('says how the WebRTC meeting went, counts only, in the status and when a join ends before the group arrived', () => {
    const webrtc = { server: 'ws://127.0.0.1:4444', from: 'group' as const, signaling: true, meeting: { rooms: 1, heard: 0, tried: 0, opened: 0, lost: 0, held: 0, refused: 0 } }
    const meeting = 'WebRTC through ws://127.0.0.1:4444: reached; in 1 room, heard 0 other devices there; connections: 0 tried, 0 opened, 0 lost, 0 refused here, 0 held apart now.'
    expect(human({ ...base, webrtc })).toContain(meeting)
    const line = joinProgressLine({ state: 'unsynced', looks: 2, peers: 0, webrtc })
    expect(line).toMatch(/^JOIN_NOT_SYNCED: let in, but the group has not arrived yet \(connected to 0 member devices\)/)
    expect(line).toContain(meeting)
    expect(joinProgressLine({ state: 'unsynced', looks: 2, peers: 1 })).not.toContain('WebRTC')
  })
})
