/** `hearth join`'s result line: "waiting" (the request is with the group's keeper) in plain words, not as an error. */
import { describe, expect, it } from 'vitest'
import { joinedLine } from '../../../scripts/cli/net-commands.ts'

describe('hearth join result', () => {
  it('says each status in plain words', () => {
    expect(joinedLine({ group: 'g1', status: 'admitted' })).toBe('Joined (g1).')
    expect(joinedLine({ group: 'g1', status: 'pending' })).toBe('Waiting for a facilitator to approve.')
    expect(joinedLine({ group: 'g1', status: 'waiting' })).toMatch(/^Your request is waiting with the group's keeper; you will be let in the next time a member is online\./)
  })
})
