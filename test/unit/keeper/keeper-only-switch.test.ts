/**
 * When keeper-only mode is in force (core/keeper/keeper-only-switch.ts): at once at start and on
 * the member's own choice; after a hand-over when a keeper is named while running (every
 * connected member holds our log); never without a keeper; off at once. The keeper here is a
 * stand-in with the three KeeperLink calls the switch uses (a unit test of the rule alone; the
 * real link is in test/integration/keeper/keeper-only.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { KeeperOnlySwitch } from '../../../core/keeper/keeper-only-switch.ts'
import type { KeeperLink } from '../../../core/keeper/keeper-link.ts'

function world(opts: { named: boolean; peers?: { remoteLength: number }[]; length?: number }) {
  const state = { named: opts.named, own: { length: opts.length ?? 3, peers: opts.peers ?? [] } }
  const keeperPeer = { remoteLength: 0 }
  const link = { connected: () => true, holds: () => false, isKeeperPeer: (p: object) => p === keeperPeer } as unknown as KeeperLink
  let rechecks = 0
  const make = (on: boolean): KeeperOnlySwitch => new KeeperOnlySwitch(on, () => state.named, () => link, () => state.own, () => { rechecks++ })
  return { state, keeperPeer, make, rechecks: () => rechecks }
}

describe('keeper-only switch', () => {
  it('is in force from the start where a keeper is named and the setting is on, and never without a keeper', () => {
    expect(world({ named: true }).make(true).quiet).toBe(true)
    expect(world({ named: true }).make(false).quiet).toBe(false)
    const none = world({ named: false }).make(true)
    expect(none.quiet).toBe(false)
    expect(none.update()).toBe(false)
  })

  it('waits for every connected member to hold our whole log before going quiet, the keeper aside', () => {
    const behind = { remoteLength: 2 }
    const w = world({ named: false, peers: [behind] })
    const s = w.make(true)
    w.state.named = true
    w.state.own.peers.push(w.keeperPeer)
    expect(s.update()).toBe(false)
    behind.remoteLength = 3
    expect(s.update()).toBe(true)
    s.close()
  })

  it('turning it on applies at once, even with members connected; off, or the keeper removed, ends it at once', () => {
    const w = world({ named: true, peers: [{ remoteLength: 0 }] })
    const s = w.make(false)
    s.set(true)
    expect(s.quiet).toBe(true)
    s.set(false)
    expect(s.quiet).toBe(false)
    s.set(true)
    w.state.named = false
    expect(s.update()).toBe(false)
  })
})
