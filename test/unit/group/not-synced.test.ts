/**
 * "Not synced yet" is not damage (issue 14). A newcomer's space before it has read the group's
 * first event (genesis) answers NOT_SYNCED_YET, with plain words that say nothing is damaged;
 * LOG_CORRUPT stays for real damage. Through the API: the feed says NOT_SYNCED_YET, and status
 * answers as usual. Once genesis is read the same calls work.
 */
import { describe, expect, it } from 'vitest'
import { isHearthError } from '../../../core/errors.ts'
import { GroupSpace } from '../../../core/group/group-space.ts'
import { groupHandlers } from '../../../core/group/group-handlers.ts'
import type { GroupRegistry } from '../../../core/group/group-registry.ts'
import { seededRandom, testSeed } from '../../helpers/seeded-random.ts'
import { foundGroup, hex, identity, MemLog } from './support.ts'

function codeOf(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (e) {
    return isHearthError(e) ? e.code : 'not coded'
  }
}

/** The group's API over one space, the registry reduced to what feed and status read. */
function api(s: GroupSpace) {
  const reg = {
    space: async () => s,
    onlineOf: async () => null,
    storedLastSeen: () => new Map(),
    ownLogStatus: async () => undefined,
    firstScreen: async () => null,
    personal: { read: () => null, names: () => [] },
  }
  return groupHandlers({ registry: () => reg as unknown as GroupRegistry, now: () => 1, groupsChanged: () => undefined } as unknown as Parameters<typeof groupHandlers>[0])
}

describe('a group whose first event has not arrived', () => {
  it('says NOT_SYNCED_YET, not LOG_CORRUPT, and answers once genesis is read', async () => {
    const rnd = seededRandom(testSeed())
    const founded = await foundGroup(rnd)
    const log = new MemLog(hex(rnd.bytes(32)))
    const newcomer = new GroupSpace(log, { identity: identity(rnd), epochs: new Map([[0, founded.epochKey.slice()]]), current: 0 }, {})
    expect(newcomer.groupId).toBeNull()
    expect(codeOf(() => newcomer.governance)).toBe('NOT_SYNCED_YET')
    const calls = api(newcomer)
    await expect(calls.feed({ groupId: 'g' })).rejects.toMatchObject({ code: 'NOT_SYNCED_YET' })
    // Status answers: it is what the sync line polls while the history arrives.
    await expect(calls.groupStatus({ groupId: 'g' })).resolves.toMatchObject({ online: false })
    // The founder's log arrives: genesis is read, and the same space answers.
    await newcomer.catchUp(founded.log)
    expect(newcomer.groupId).toBe(founded.space.groupId)
    expect(codeOf(() => newcomer.governance)).toBeNull()
  })
})
