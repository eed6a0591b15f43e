/**
 * Two members in two OS processes on a loopback testnet (DESIGN.md §4, §7): they authenticate,
 * see each other as present, and each one's device log replicates to the other, live, both ways.
 * Alice's store also holds another group's log; Bob, a member of THIS group who knows that log's
 * key and asks for it, never gets a block of it (per-core replication, not store.replicate).
 */
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../helpers/temp-dir.ts'
import { ALICE, ALICE_FOREIGN_LOG_SEED, BOB, memberConfig } from './group-fixture.ts'
import { hex, logKeyOf } from './net-fixture.ts'
import { events, sleep, startTestnet, useChildren, waitForEvent, type Testnet } from './net-harness.ts'

const MEMBER = fileURLToPath(new URL('./member-peer.child.ts', import.meta.url))
const tempDir = useTempDirs()
const spawn = useChildren()
const FOREIGN_KEY = hex(logKeyOf(ALICE_FOREIGN_LOG_SEED))

let testnet: Testnet
beforeAll(async () => {
  testnet = await startTestnet()
})
afterAll(async () => {
  await testnet?.destroy()
})

describe('members sync over Hyperswarm', () => {
  it('authenticates both ways and replicates live; another group\'s log in the same store is never served', async () => {
    const alice = spawn(MEMBER, memberConfig(ALICE, testnet.bootstrap, tempDir(), {
      append: ['a0'],
      appendOnPeerUp: ['a1-after-connect'],
      foreignLogSeed: hex(ALICE_FOREIGN_LOG_SEED),
      peerLogs: [BOB.logKey],
    }))
    await waitForEvent(alice, (e) => e.ev === 'ready')
    const bob = spawn(MEMBER, memberConfig(BOB, testnet.bootstrap, tempDir(), {
      append: ['b0'],
      peerLogs: [ALICE.logKey, FOREIGN_KEY],
    }))

    const [aliceSeesBob, bobSeesAlice] = await Promise.all([
      waitForEvent(alice, (e) => e.ev === 'peer-up'),
      waitForEvent(bob, (e) => e.ev === 'peer-up'),
    ])
    expect(aliceSeesBob.memberId).toBe(BOB.memberId)
    expect(bobSeesAlice.memberId).toBe(ALICE.memberId)

    await waitForEvent(bob, (e) => e.ev === 'block' && e.text === 'a0')
    await waitForEvent(alice, (e) => e.ev === 'block' && e.text === 'b0')
    const live = await waitForEvent(bob, (e) => e.ev === 'block' && e.text === 'a1-after-connect')
    expect(live).toMatchObject({ log: ALICE.logKey, index: 1 })

    // Long enough for the foreign block to have crossed a loopback link many times over.
    await sleep(500)
    expect(events(bob).filter((e) => e.ev === 'block' && e.log === FOREIGN_KEY)).toEqual([])
    expect(events(alice).filter((e) => e.ev === 'log')).toEqual([])
    expect(events(bob).filter((e) => e.ev === 'log')).toEqual([])

    bob.proc.kill('SIGTERM')
    const down = await waitForEvent(alice, (e) => e.ev === 'peer-down')
    expect(down.memberId).toBe(BOB.memberId)
  })
})
