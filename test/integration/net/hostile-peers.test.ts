/**
 * Threat model line 1 (DESIGN.md §1) on a loopback testnet, one OS process per peer: whoever
 * reaches Alice's group topic without proving membership on that very connection gets no block,
 * not even ciphertext, and is disconnected with a coded reason in Alice's log. Alice survives all
 * of it and still serves a real member afterwards.
 *
 * Every hostile process also asks for Alice's log key the moment it connects.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Child } from '../../helpers/child.ts'
import { quietAndHog } from '../../helpers/under-hog.ts'
import { testSeed } from '../../helpers/seeded-random.ts'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { groupTopic } from '../../../core/net/topic.ts'
import type { AttackerConfig, AttackMode } from './attacker.child.ts'
import { ALICE, BOB, GROUP_ID, GROUP_SECRET, MALLORY, memberConfig } from './group-fixture.ts'
import { hex } from './net-fixture.ts'
import { events, rejections, sleep, startChild, startTestnet, stopChild, useChildren, waitForEvent, waitUntil, type Testnet } from './net-harness.ts'

const MEMBER = fileURLToPath(new URL('./member-peer.child.ts', import.meta.url))
const STOCK = fileURLToPath(new URL('./stock-peer.child.ts', import.meta.url))
const ATTACKER = fileURLToPath(new URL('./attacker.child.ts', import.meta.url))
const AUTH_TIMEOUT_MS = 2_500
/** After a refusal: long enough for a leaked block to have crossed loopback many times over. */
const LEAK_WINDOW_MS = 500
/**
 * Starting an attacker process (tsx, Corestore, one DHT node per mode) took more than the whole
 * refusal wait under a CPU hog on both cores, so each wait below starts from an attacker event,
 * never from the spawn; this bounds only that start.
 */
const ATTACKER_START_MS = 60_000
/**
 * Hyperswarm dials a peer whose connection closed again about 1 s later, then about 5 s after
 * that; Alice's cooldown is 30 s (group-swarm.ts REJECT_COOLDOWN_MS), so the second dial falls
 * well inside it. This bounds only the wait for that dial on a loaded machine.
 */
const REDIAL_MS = 25_000

const tempDir = useTempDirs()
const spawn = useChildren()

let testnet: Testnet
let alice: Child
beforeAll(async () => {
  testnet = await startTestnet()
  alice = startChild(MEMBER, memberConfig(ALICE, testnet.bootstrap, tempDir(), { append: ['a0'], authTimeoutMs: AUTH_TIMEOUT_MS }))
  await waitForEvent(alice, (e) => e.ev === 'ready')
})
afterAll(async () => {
  if (alice) await stopChild(alice)
  await testnet?.destroy()
})

/** Waits for `count` new refusals in Alice's log and returns their reasons. */
async function refusals(from: number, count: number): Promise<string[]> {
  await waitUntil(() => rejections(alice).length >= from + count, `${count} refusals by Alice`, AUTH_TIMEOUT_MS + 10_000)
  return rejections(alice).slice(from)
}

function blocks(child: Child): unknown[] {
  return events(child).filter((e) => e.ev === 'block')
}

/** Starts an attacker and returns once its swarms have joined the topic. */
async function attack(modes: AttackMode[], on: Testnet = testnet): Promise<Child> {
  const config: AttackerConfig = {
    bootstrap: on.bootstrap, dir: tempDir(), groupSecret: hex(GROUP_SECRET), groupId: hex(GROUP_ID),
    modes, memberSeed: hex(BOB.identitySeed), keys: [ALICE.logKey], seed: testSeed(),
  }
  const attacker = spawn(ATTACKER, config)
  await waitForEvent(attacker, (e) => e.ev === 'ready', ATTACKER_START_MS)
  return attacker
}

describe('peers who are not members get nothing', () => {
  it('a stock Hyperswarm peer on the topic gets no block and is disconnected', async () => {
    const from = rejections(alice).length
    const stock = spawn(STOCK, { bootstrap: testnet.bootstrap, dir: tempDir(), topic: hex(groupTopic(GROUP_SECRET)), keys: [ALICE.logKey] })
    await waitForEvent(stock, (e) => e.ev === 'closed')
    const reasons = await refusals(from, 1)
    expect(new Set(reasons)).toEqual(new Set(['refused']))
    await sleep(LEAK_WINDOW_MS)
    expect(blocks(stock)).toEqual([])
  })

  it('a valid identity that governance does not list is refused (PEER_REJECTED not-member) and gets no data', async () => {
    const from = rejections(alice).length
    const mallory = spawn(MEMBER, memberConfig(MALLORY, testnet.bootstrap, tempDir(), {
      members: [ALICE.memberId, MALLORY.memberId], peerLogs: [ALICE.logKey],
    }))
    expect(await refusals(from, 1)).toEqual(['not-member'])
    await sleep(LEAK_WINDOW_MS)
    expect(blocks(mallory)).toEqual([])
  })

  it('a member signature over another handshake hash is refused', async () => {
    const from = rejections(alice).length
    const attacker = await attack(['wrong-hh'])
    expect(await refusals(from, 1)).toEqual(['bad-signature'])
    await sleep(LEAK_WINDOW_MS)
    expect(blocks(attacker)).toEqual([])
  })

  it('a proof relayed from another connection, or reflected back to its maker, is refused', async () => {
    const from = rejections(alice).length
    const attacker = await attack(['reflect', 'relay'])
    await waitUntil(() => events(attacker).filter((e) => e.ev === 'sent').length >= 3, 'three forged proofs sent')
    expect(await refusals(from, 3)).toEqual(['bad-signature', 'bad-signature', 'bad-signature'])
    await sleep(LEAK_WINDOW_MS)
    expect(blocks(attacker)).toEqual([])
  })

  // The ordering test: this peer holds the connection open for the whole auth window, asking
  // for Alice's log all along. (Replicating before auth fails here, whereas peers refused at
  // once may be gone before a block could travel.)
  it('nothing replicates while auth is pending: a silent peer gets no block and is dropped at the timeout', async () => {
    const from = rejections(alice).length
    const attacker = await attack(['silent'])
    await waitForEvent(attacker, (e) => e.ev === 'connection')
    await waitUntil(() => rejections(alice).slice(from).includes('timeout'), 'the timeout refusal', AUTH_TIMEOUT_MS + 10_000)
    // A 'closed' beside it is another stream of this same attacker that ended before auth (seen
    // once beside a heavy test; Hyperswarm keeps one of two streams from one key): never a pass.
    expect(rejections(alice).slice(from).filter((r) => r !== 'closed')).toEqual(['timeout'])
    expect(blocks(attacker)).toEqual([])
  })

  it('garbage, oversized, empty and unsealed auth messages are refused without a crash; a member still syncs after', async () => {
    const from = rejections(alice).length
    const modes: AttackMode[] = ['garbage', 'oversize', 'empty', 'wrong-group', 'frame-garbage']
    const attacker = await attack(modes)
    // Each mode is its own swarm, so each has its own connection; wait until Alice has closed
    // every one of them (frame-garbage only at the auth timeout), then read her refusals.
    for (const mode of modes) await waitForEvent(attacker, (e) => e.ev === 'closed' && e.mode === mode)
    const reasons = await refusals(from, modes.length)
    // At least one refusal per mode, not exactly one: under a hog a refused attacker was once
    // seen dialling again within the cooldown and being refused again (cause open; see the
    // 2026-12-06 load-flakes section in docs/decisions.md). The ban needs its own test.
    expect(reasons.length).toBeGreaterThanOrEqual(modes.length)
    for (const r of ['oversize', 'malformed', 'wrong-group']) expect(reasons).toContain(r)
    for (const r of reasons) expect(['oversize', 'malformed', 'version', 'wrong-group', 'timeout', 'closed']).toContain(r)
    await sleep(LEAK_WINDOW_MS)
    expect(blocks(attacker)).toEqual([])

    expect(alice.proc.exitCode).toBeNull()
    const bob = spawn(MEMBER, memberConfig(BOB, testnet.bootstrap, tempDir(), { peerLogs: [ALICE.logKey] }))
    await waitForEvent(bob, (e) => e.ev === 'block' && e.text === 'a0')
    expect(alice.stderr()).toBe('')
  })

})

/**
 * A refusal holds for the cooldown (GroupSwarm's own `refused` keys, consulted by its firewall):
 * each mode below is refused for a reason that bans, and the attacker's Hyperswarm dials again
 * about 1 s after its connection closed; that dial must end at the handshake, not in a second
 * auth exchange. So the test waits until every mode has dialled again and that dial has ended,
 * then expects exactly one refusal per mode. (frame-garbage is left out: garbage below Protomux
 * can end the stream before auth, a 'closed' that bans nobody by design, see member-auth.ts.)
 * Each run has its own Alice, so the cooldown and Hyperswarm's records start empty.
 */
function bansHold(): void {
  it('a refused peer cannot reach member-auth again within the cooldown: one refusal per mode', async () => {
    // Its own testnet too: the attacker must meet this Alice only.
    const own = await startTestnet()
    try {
      await holds(own)
    } finally {
      await own.destroy()
    }
  }, 180_000)
}

async function holds(own: Testnet): Promise<void> {
  const host = spawn(MEMBER, memberConfig(ALICE, own.bootstrap, tempDir(), { append: ['a0'], authTimeoutMs: AUTH_TIMEOUT_MS, lifetimeMs: 240_000 }))
  await waitForEvent(host, (e) => e.ev === 'ready', ATTACKER_START_MS)
  const modes: AttackMode[] = ['garbage', 'oversize', 'empty', 'wrong-group']
  const attacker = await attack(modes, own)
  for (const mode of modes) await waitForEvent(attacker, (e) => e.ev === 'closed' && e.mode === mode, ATTACKER_START_MS)
  for (const mode of modes) {
    await waitForEvent(attacker, (e) => e.ev === 'dials' && e.mode === mode && Number(e.attempted) >= 2 && Number(e.ended) >= Number(e.attempted), REDIAL_MS)
  }
  const all = rejections(host)
  const seen = JSON.stringify({ refusals: all, attacker: events(attacker).filter((e) => e.ev !== 'block') })
  const banning = all.filter((r) => r !== 'closed')
  expect(banning, seen).toHaveLength(modes.length)
  for (const r of ['oversize', 'malformed', 'wrong-group']) expect(banning, seen).toContain(r)
  // One auth exchange per refusal that bans; a 'closed' one (a stream that died before auth,
  // not seen so far in these modes) may be followed by one more, and is counted so.
  expect(events(attacker).filter((e) => e.ev === 'connection'), seen).toHaveLength(modes.length + (all.length - banning.length))
  expect(blocks(attacker)).toEqual([])
  expect(host.stderr()).toBe('')
}

quietAndHog('a refusal holds', () => bansHold())
