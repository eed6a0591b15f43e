/**
 * forgive() over WebRTC (group-swarm.ts, webrtc/webrtc-side.ts): a peer member-auth refused over
 * WebRTC is held apart by its session for the cooldown, not banned, and the admission that makes
 * it a member here must lift that hold as it lifts a Hyperswarm ban. Two swarms in this process
 * (GroupSwarm's own contract, as in group-swarm.test.ts), a real SignalServer and node-datachannel
 * on loopback; both start orders, on a quiet machine and under a CPU hog on every core.
 */
import { afterEach, expect, it } from 'vitest'
import { identityFromSeed } from '../../../core/crypto/identity.ts'
import { GroupSwarm, type NetLogEntry } from '../../../core/net/group-swarm.ts'
import { SignalServer } from '../../../core/net/webrtc/signal-server.ts'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { GROUP_ID, GROUP_SECRET } from './group-fixture.ts'
import { hex, seedOf } from './net-fixture.ts'
import { waitUntil } from './net-harness.ts'

const ALICE = identityFromSeed(seedOf(1))
const BOB = identityFromSeed(seedOf(2))
/** Far past the waits below: only forgive() can bring the two together in time. */
const COOLDOWN = 600_000

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

function scenarios(): void {
  it.each([['Alice first'], ['Bob first']])('forgive() lifts a refusal over WebRTC at once, long before its hold would end (%s)', async (order) => {
    const server = await SignalServer.listen()
    cleanup.push(() => server.close())
    const webrtc = { url: server.url, epochKeys: [seedOf(77)], bindAddress: '127.0.0.1' }
    const aliceKnows = new Set([hex(ALICE.signPublicKey)])
    const refusals: NetLogEntry[] = []
    const open = async (identity: typeof ALICE, members: Set<string>, log?: (e: NetLogEntry) => void): Promise<GroupSwarm> => {
      const swarm = await GroupSwarm.open({
        groupSecret: GROUP_SECRET, groupId: GROUP_ID, identity, isMember: (id) => members.has(id),
        rejectCooldownMs: COOLDOWN, transport: 'webrtc', webrtc, ...(log ? { log } : {}),
      })
      cleanup.push(() => swarm.close())
      return swarm
    }
    const openAlice = (): Promise<GroupSwarm> => open(ALICE, aliceKnows, (e) => refusals.push(e))
    const openBob = (): Promise<GroupSwarm> => open(BOB, new Set([hex(ALICE.signPublicKey), hex(BOB.signPublicKey)]))
    const first = order === 'Alice first' ? await openAlice() : await openBob()
    const second = order === 'Alice first' ? await openBob() : await openAlice()
    const [a, b] = order === 'Alice first' ? [first, second] : [second, first]
    await waitUntil(() => refusals.some((e) => e.reason === 'not-member'), 'Alice to refuse Bob over WebRTC', 60_000)
    expect(a.peers()).toEqual([])
    // Bob's admission reaches Alice: governance now lists him, and the registry forgives.
    aliceKnows.add(hex(BOB.signPublicKey))
    a.forgive()
    await waitUntil(() => a.peers().length === 1 && b.peers().length === 1, 'both peers up over WebRTC after forgive()', 60_000)
    expect(a.peers()[0]).toMatchObject({ memberId: hex(BOB.signPublicKey), transport: 'webrtc' })
  }, 150_000)
}

quietAndHog('forgive() over WebRTC', () => scenarios())
