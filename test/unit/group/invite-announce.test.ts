/**
 * Which invites members announce (core/group/invite-announce.ts): live ones; used-up and expired
 * ones for a grace period only, so a late newcomer hears the matching refusal and an old code
 * later finds nobody; withdrawn ones never; and the moments the answer changes by time alone.
 */
import { describe, expect, it } from 'vitest'
import type { InviteState } from '../../../core/group/invite-rules.ts'
import { DEAD_INVITE_GRACE_MS, nextAnnounceChange, shouldAnnounce } from '../../../core/group/invite-announce.ts'

const T = 1_700_000_000_000
const invite = (over: Partial<InviteState> = {}): InviteState => ({
  id: 'a'.repeat(32), publicKey: 'b'.repeat(64), expiresAt: T + 1_000, uses: 1, role: 'member', approval: false,
  by: 'c'.repeat(64), byRole: 'facilitator', at: T, used: 0, revoked: false, ...over,
})

describe('announcing invites', () => {
  it('announces a live invite', () => {
    expect(shouldAnnounce(invite(), [], T)).toBe(true)
  })

  it('announces a used-up invite for the grace period after its last use, then not', () => {
    const used = invite({ used: 1, usedUpAt: T + 100 })
    expect(shouldAnnounce(used, [], T + 200)).toBe(true)
    expect(shouldAnnounce(used, [], T + 100 + DEAD_INVITE_GRACE_MS)).toBe(true)
    expect(shouldAnnounce(invite({ used: 1, usedUpAt: T - DEAD_INVITE_GRACE_MS - 1 }), [], T)).toBe(false)
    // no record of when: not announced (an old state, or an over-used invite's losers)
    expect(shouldAnnounce(invite({ used: 1 }), [], T)).toBe(false)
  })

  it('announces an expired invite for the grace period after its expiry, then not', () => {
    expect(shouldAnnounce(invite(), [], T + 1_001)).toBe(true)
    expect(shouldAnnounce(invite(), [], T + 1_000 + DEAD_INVITE_GRACE_MS)).toBe(true)
    expect(shouldAnnounce(invite(), [], T + 1_001 + DEAD_INVITE_GRACE_MS)).toBe(false)
  })

  it('never announces a withdrawn invite, live or within any grace', () => {
    expect(shouldAnnounce(invite({ revoked: true }), [], T)).toBe(false)
    expect(shouldAnnounce(invite({ revoked: true, used: 1, usedUpAt: T }), [{ inviteId: 'a'.repeat(32), status: 'admitted' }], T + 1)).toBe(false)
  })

  it('keeps announcing an approval invite whose approved newcomer may come back, until it expires', () => {
    const approved = invite({ approval: true, used: 1, usedUpAt: T - 2 * DEAD_INVITE_GRACE_MS, expiresAt: T + 10 })
    const requests = [{ inviteId: 'a'.repeat(32), status: 'admitted' }]
    expect(shouldAnnounce(approved, requests, T)).toBe(true)
    expect(shouldAnnounce(approved, [{ inviteId: 'a'.repeat(32), status: 'pending' }], T)).toBe(false)
  })

  it('names the next moment the answer changes by time alone', () => {
    expect(nextAnnounceChange([invite()], T)).toBe(T + 1_001)
    expect(nextAnnounceChange([invite()], T + 1_001)).toBe(T + 1_001 + DEAD_INVITE_GRACE_MS)
    expect(nextAnnounceChange([invite({ used: 1, usedUpAt: T, expiresAt: T + 10 * DEAD_INVITE_GRACE_MS })], T + 5)).toBe(T + DEAD_INVITE_GRACE_MS + 1)
    expect(nextAnnounceChange([invite({ revoked: true })], T)).toBeNull()
    expect(nextAnnounceChange([invite()], T + 2 * DEAD_INVITE_GRACE_MS)).toBeNull()
  })
})
